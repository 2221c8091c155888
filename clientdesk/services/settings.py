"""Shop settings stored in the database (JSON values with defaults)."""

from __future__ import annotations

import json
from typing import Any

from clientdesk.models import Setting

DEFAULTS: dict[str, Any] = {
    "shop_name": "",
    "shop_phone": "",
    "shop_address": "",
    "shop_state": "",
    "lapse_days": 180,
    "backup_second_folder": "",  # a second folder for verified backups (clientdesk/backup.py)
    "backup_second_last_ok": "",
    "backup_second_since": "",
    "backup_second_warn_days": 3,
    "honorifics": ["Shri", "Smt.", "Kumari", "Mr", "Ms", "Mrs", "Dr", "श्री", "श्रीमती", "सुश्री", "कुमारी", "डॉ."],
}


class SettingsService:
    """Read and write shop settings; unknown keys fall back to DEFAULTS."""

    def __init__(self, db):
        self.db = db

    def get(self, key: str, default: Any = None) -> Any:
        row = Setting.get_or_none(Setting.key == key)
        if row is None:
            return DEFAULTS.get(key, default)
        return json.loads(row.value)

    def set(self, key: str, value: Any) -> None:
        Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False)).on_conflict_replace().execute()

    def update(self, values: dict[str, Any]) -> None:
        """Write several settings in one transaction."""
        with self.db.atomic():
            for key, value in values.items():
                self.set(key, value)

    def all(self) -> dict[str, Any]:
        values = dict(DEFAULTS)
        for row in Setting.select():
            values[row.key] = json.loads(row.value)
        return values
