"""Command-line commands, one module per area (see clientdesk.cli)."""
