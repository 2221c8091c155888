"""Shop settings stored in the database (JSON values with defaults)."""

from __future__ import annotations

import json
from typing import Any

import holidays

from clientdesk.errors import ValidationError
from clientdesk.models import Setting
from clientdesk.validate import normalize_phone

DEFAULTS: dict[str, Any] = {
    "shop_name": "",
    "shop_phone": "",
    "shop_address": "",
    "shop_state": "",
    "shop_logo": "",
    "lapse_days": 180,
    "backup_second_folder": "",  # a second folder for verified backups (clientdesk/backup.py)
    "backup_second_last_ok": "",
    "backup_second_since": "",
    "backup_second_warn_days": 3,
    "honorifics": ["Shri", "Smt.", "Kumari", "Mr", "Ms", "Mrs", "Dr", "श्री", "श्रीमती", "सुश्री", "कुमारी", "डॉ."],
}


SHOP_KEYS = ("shop_name", "shop_phone", "shop_address", "shop_state", "shop_logo")
STATES = tuple(holidays.India.subdivisions)  # the codes the festival calendar knows ("" = national dates)
MAX_SHOP_TEXT = 200


def clean_shop(values: dict[str, Any]) -> dict[str, str]:
    """The shop's details checked and tidied (the Settings page, the welcome page and the `settings`
    command all go through this): names trimmed, the phone a real number, the state a known code.
    Raises ValidationError(field, reason) naming the first bad field; only the keys given are returned."""
    unknown = [key for key in values if key not in SHOP_KEYS]
    if unknown:
        raise ValidationError(unknown[0], "invalid", f"Unknown shop setting {unknown[0]}")
    cleaned = {key: str(value or "").strip() for key, value in values.items()}
    for key, value in cleaned.items():
        if len(value) > MAX_SHOP_TEXT * (2 if key == "shop_address" else 1):
            raise ValidationError(key, "too_long", f"The {key.replace('_', ' ')} is too long")
    if cleaned.get("shop_phone"):
        try:
            normalize_phone(cleaned["shop_phone"])
        except ValidationError as exc:
            raise ValidationError("shop_phone", "invalid", f"{cleaned['shop_phone']} is not a phone number") from exc
    if "shop_state" in cleaned:
        state = cleaned["shop_state"].upper()
        if state and state not in STATES:
            raise ValidationError("shop_state", "invalid",
                                  f"{cleaned['shop_state']} is not a state code (one of {', '.join(STATES)})")
        cleaned["shop_state"] = state
    return cleaned


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
        text = json.dumps(value, ensure_ascii=False)  # an upsert both SQLite and PostgreSQL speak
        Setting.insert(key=key, value=text).on_conflict(conflict_target=[Setting.key],
                                                        update={Setting.value: text}).execute()

    def update(self, values: dict[str, Any]) -> None:
        """Write several settings in one transaction."""
        with self.db.atomic():
            for key, value in values.items():
                self.set(key, value)

    def update_shop(self, values: dict[str, Any], others: dict[str, Any] | None = None) -> dict[str, str]:
        """Check the shop's details (see clean_shop) and store them, with any `others` settings, in one
        transaction; nothing is written when one is wrong. Returns the shop's details as stored."""
        cleaned = clean_shop(values)
        self.update({**cleaned, **(others or {})})
        return cleaned

    def all(self) -> dict[str, Any]:
        values = dict(DEFAULTS)
        for row in Setting.select():
            values[row.key] = json.loads(row.value)
        return values
