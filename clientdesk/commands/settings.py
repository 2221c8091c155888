"""Command: settings (read and set the shop's details and the window's language).

The shop's name, phone, address and state are kept in the database through the same
SettingsService as the Settings page and the welcome page. The language of the window is kept,
as the Settings page keeps it, in the window settings file (window.ini under the config folder,
`[General] language=`); this command edits that one line and leaves every other line as it was.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from clientdesk.cli import app_paths, emit_json, shown_location
from clientdesk.errors import StorageError, ValidationError
from clientdesk.services.settings import STATES

LANGUAGES = ("en", "hi")
OPTIONS = (("shop_name", "shop-name"), ("shop_phone", "shop-phone"), ("shop_address", "shop-address"),
           ("shop_state", "state"))


def register(sub) -> None:
    p = sub.add_parser("settings", help="show or set the shop's name, phone, address, state and the window's language")
    p.add_argument("--shop-name", metavar="NAME", help="the shop's name (signs every greeting)")
    p.add_argument("--shop-phone", metavar="PHONE", help="the shop's phone number")
    p.add_argument("--shop-address", metavar="TEXT", help="the shop's address (loyalty cards)")
    p.add_argument("--state", metavar="CODE", help=f"the shop's state for festival dates: {', '.join(STATES)}, "
                                                   "or \"\" for national dates")
    p.add_argument("--language", metavar="hi|en", help="the window's language (used from the next start)")
    p.add_argument("--json", action="store_true", help="print the settings as JSON")
    p.set_defaults(run=run_settings, creates_db=_sets_something)


# ----- the window's language (window.ini, written by Qt's QSettings in ini format) ---------------------
_SECTION = re.compile(r"^\s*\[(.*)\]\s*$")
_LANGUAGE = re.compile(r"^\s*language\s*=\s*(.*?)\s*$")


def read_language(ini: Path) -> str:
    """The window's language from window.ini ("en" when it is not set)."""
    try:
        lines = ini.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return "en"
    except (OSError, UnicodeDecodeError) as exc:
        raise StorageError(f"Cannot read {ini}: {exc}") from exc
    section = "General"
    for line in lines:
        match = _SECTION.match(line)
        if match:
            section = match.group(1)
        elif section == "General":
            found = _LANGUAGE.match(line)
            if found:
                return found.group(1).strip('"') or "en"
    return "en"


def write_language(ini: Path, language: str) -> None:
    """Set `language=` in the [General] section of window.ini, keeping every other line; the file is
    replaced in one step (a copy written beside it, then renamed)."""
    try:
        text = ini.read_text(encoding="utf-8") if ini.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise StorageError(f"Cannot read {ini}: {exc}") from exc
    lines = text.splitlines()
    section, general_at, done = None, None, False
    for i, line in enumerate(lines):
        match = _SECTION.match(line)
        if match:
            section = match.group(1)
            if section == "General":
                general_at = i
        elif section == "General" and _LANGUAGE.match(line):
            lines[i] = f"language={language}"
            done = True
            break
    if not done:
        if general_at is None:
            lines[:0] = ["[General]", f"language={language}"] + ([""] if lines else [])
        else:
            lines.insert(general_at + 1, f"language={language}")
    try:
        ini.parent.mkdir(parents=True, exist_ok=True)
        partial = ini.with_name(ini.name + ".part")
        partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.replace(partial, ini)
    except OSError as exc:
        raise StorageError(f"Cannot write {ini}: {exc}") from exc


# ----- the command ---------------------------------------------------------------------------------------
def _sets_something(args) -> bool:
    """Setting the shop's details may make a new desk (the first step on a new PC); only reading
    them needs one that exists."""
    return any(getattr(args, name) is not None for name in ("shop_name", "shop_phone", "shop_address", "state",
                                                            "language"))


def run_settings(desk, args) -> int:
    changes = {key: getattr(args, option.replace("-", "_")) for key, option in OPTIONS
               if getattr(args, option.replace("-", "_")) is not None}
    language = args.language.strip().lower() if args.language is not None else None
    if language is not None and language not in LANGUAGES:
        raise ValidationError("language", "invalid", f"--language is hi or en, not {args.language!r}")
    ini = app_paths(args).ui_settings
    if changes:
        desk.settings.update_shop(changes)  # checks everything first: a bad value writes nothing
    if language is not None:
        write_language(ini, language)
    values = desk.settings.all()
    shown = {"shop_name": values["shop_name"], "shop_phone": values["shop_phone"],
             "shop_address": values["shop_address"], "state": values["shop_state"],
             "shop_logo": values.get("shop_logo", ""), "language": read_language(ini)}
    if args.json:
        emit_json(shown)
        return 0
    for key, value in shown.items():
        print(f"{key.replace('_', ' ')}: {value if value else '(not set)'}")
    return 0


def missing_shop_fields_message(fields, args=None) -> str:
    """One plain line for `greet` when the shop's name / phone is not set (see ShopFieldsMissing)."""
    words = {"shop_name": "name", "shop_phone": "phone"}
    what = " and ".join(words.get(f, f) for f in fields)
    needs = "every greeting is signed with it" if list(fields) == ["shop_name"] else "the greeting uses it"
    if len(fields) > 1:
        needs = "the greeting uses them"
    where = f" --db {shown_location(args.db)}" if args is not None and getattr(args, "db", None) else ""  # no password
    options = " ".join({"shop_name": '--shop-name "Your shop"', "shop_phone": '--shop-phone "98765 43210"'}[f]
                       for f in fields)
    verb = "are" if len(fields) > 1 else "is"
    return (f"the shop's {what} {verb} not set and {needs}, so nobody was greeted: set it in Settings → Shop, "
            f"or with: python main.py{where} settings {options}")
