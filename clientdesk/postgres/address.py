"""Where the client book lives: a file name, or the URL of the shop's PostgreSQL server.

The rule, one for the command line and the window: a `--db` value that starts with
`postgresql://` or `postgres://` (any case) is ALWAYS a server URL, never a file name. A file
whose name really starts with those letters is given with a folder in front (`./postgresql:...`);
on Windows such a name cannot exist (":" is not allowed in file names).

The password is taken from the URL when it is there, else from the system's keyring (service
"ClientDesk", user name "user@host"); ClientDesk never writes it to a file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from clientdesk.errors import ValidationError

log = logging.getLogger(__name__)

SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432
KEYRING_SERVICE = "ClientDesk"
CONNECT_TIMEOUT_SECONDS = 5  # a counter whose server is off says so after this long, not after minutes


# The options a server URL's query may give the connection (libpq's names), each with what it
# takes: a set of words, "int" (a whole number of at least 0), or None (any text: a file name).
# The parts the URL itself names (host, port, user, database) cannot be given again there; the
# password may (`?password=`: a password with characters a URL would need escaped).
URL_OPTIONS: dict[str, frozenset[str] | str | None] = {
    "sslmode": frozenset({"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}),
    "sslrootcert": None, "sslcert": None, "sslkey": None, "sslcrl": None,
    "gssencmode": frozenset({"disable", "prefer", "require"}),
    "channel_binding": frozenset({"disable", "prefer", "require"}),
    "target_session_attrs": frozenset({"any", "read-write", "read-only", "primary", "standby", "prefer-standby"}),
    "connect_timeout": "int", "keepalives": "int", "keepalives_idle": "int", "keepalives_interval": "int",
    "keepalives_count": "int", "application_name": None, "password": None,
}


def is_server_url(text: str | object) -> bool:
    """True when `text` names a PostgreSQL server (see the module's rule), False for a file name."""
    if not isinstance(text, str):
        return False  # a Path is a file
    head, sep, _ = text.strip().partition("://")
    return bool(sep) and head.lower() in SCHEMES


@dataclass(frozen=True)
class ServerAddress:
    """A parsed server URL. `password` never appears in repr() or in `display`."""

    host: str
    port: int
    user: str
    dbname: str
    password: str | None = field(default=None, repr=False)
    options: tuple[tuple[str, str], ...] = ()  # the URL's query (sslmode=require, ...)

    @property
    def display(self) -> str:
        """user@host:port/dbname, for messages and logs (no password)."""
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"

    @property
    def keyring_user(self) -> str:
        return f"{self.user}@{self.host}"

    def with_password(self, password: str | None) -> "ServerAddress":
        return ServerAddress(self.host, self.port, self.user, self.dbname, password, self.options)

    def connect_params(self) -> dict:
        """Keyword arguments for psycopg.connect (and peewee's PostgresqlDatabase)."""
        params = {"host": self.host, "port": self.port, "user": self.user,
                  "connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": "ClientDesk"}
        params.update(dict(self.options))
        if self.password is not None:
            params["password"] = self.password
        return params


def parse_server_url(url: str) -> ServerAddress:
    """`postgresql://user[:password]@host[:port]/dbname[?option=value...]` as a ServerAddress.
    Bad URLs raise ValidationError on the field "db". A host in brackets is IPv6; a host that is a
    percent-encoded folder (`%2Frun%2Fpostgresql`) is a local socket folder."""
    if not is_server_url(url):
        raise ValidationError("db", "not_url", f"Not a PostgreSQL server URL: {url!r}")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise ValidationError("db", "bad_url", f"The server URL cannot be read: {exc}") from exc
    host = unquote(parts.hostname or "")
    hostport = parts.netloc.rpartition("@")[2]
    if hostport[:3].lower() == "%2f":  # a socket folder keeps its case (hostname is lower-cased)
        host = unquote(hostport.rsplit(":", 1)[0] if port else hostport)
    user = unquote(parts.username or "")
    dbname = unquote(parts.path.lstrip("/"))
    if not host:
        raise ValidationError("db", "no_host", "The server URL names no server (postgresql://user@HOST/dbname).")
    if not user:
        raise ValidationError("db", "no_user", "The server URL names no user (postgresql://USER@host/dbname).")
    if not dbname or "/" in dbname:
        raise ValidationError("db", "no_database",
                              "The server URL names no database (postgresql://user@host/DBNAME).")
    password = unquote(parts.password) if parts.password is not None else None
    options = tuple(parse_qsl(parts.query, keep_blank_values=True))
    for name, value in options:
        _check_option(name, value)
    return ServerAddress(host=host, port=port or DEFAULT_PORT, user=user, dbname=dbname, password=password,
                         options=options)


def _check_option(name: str, value: str) -> None:
    """ValidationError unless `name=value` is an option URL_OPTIONS lets a server URL give."""
    if name not in URL_OPTIONS:
        named = name in ("host", "hostaddr", "port", "user", "dbname", "passfile", "service")
        raise ValidationError("db", "bad_option", (
            f"The server URL gives {name!r} in its options; write it in the URL itself "
            "(postgresql://user@host:port/dbname)") if named else (
            f"The server URL's option {name!r} is not one ClientDesk passes to the server; it takes "
            f"{', '.join(sorted(URL_OPTIONS))}"))
    allowed = URL_OPTIONS[name]
    if allowed == "int":
        if not (value.isascii() and value.isdigit()):
            raise ValidationError("db", "bad_option", f"The server URL's option {name} takes a whole number, not {value!r}")
    elif allowed is not None and value not in allowed:
        raise ValidationError("db", "bad_option",
                              f"The server URL's option {name} takes one of {', '.join(sorted(allowed))}, not {value!r}")


def resolve_password(address: ServerAddress) -> ServerAddress:
    """The address with its password: the URL's, else the keyring's, else none (the server may
    not ask for one). A keyring that cannot be used (none installed, locked) counts as empty."""
    if address.password is not None:
        return address
    return address.with_password(keyring_password(address))


def keyring_password(address: ServerAddress) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, address.keyring_user)
    except KeyringError as exc:
        log.warning("The keyring could not be read for %s: %s", address.keyring_user, exc)
        return None


def remember_password(address: ServerAddress, password: str) -> None:
    """Keep `password` for this user@host in the system's keyring (never in a file). A keyring
    that cannot be written raises ValidationError: the caller says so and keeps asking."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, address.keyring_user, password)
    except KeyringError as exc:
        raise ValidationError("password", "keyring", f"The password could not be kept in the system's keyring: "
                                                     f"{exc}") from exc
