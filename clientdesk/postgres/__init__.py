"""The client book on the shop's PostgreSQL server (issue 14): where it is (address), how its
errors are sorted (errors), the database class (database), its schema and version (schema), and
the PostgreSQL counterparts of SQLite-only parts, one small module per concern (search)."""

from clientdesk.postgres.address import ServerAddress, is_server_url, parse_server_url

__all__ = ["ServerAddress", "is_server_url", "parse_server_url"]
