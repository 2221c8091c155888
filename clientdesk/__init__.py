"""ClientDesk domain package: models, services, rules, import/export, PDF. No Qt here."""

__version__ = "0.1.0"
APP_NAME = "ClientDesk"
