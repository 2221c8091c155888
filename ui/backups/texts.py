"""Words for the codes clientdesk.backup returns (why a copy was made, why it is not verified)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

REASONS = {
    "start": QT_TRANSLATE_NOOP("Backups", "At start"),
    "manual": QT_TRANSLATE_NOOP("Backups", "By hand"),
    "before-restore": QT_TRANSLATE_NOOP("Backups", "Before a restore"),
    "import": QT_TRANSLATE_NOOP("Backups", "Before an import"),
    "undo": QT_TRANSLATE_NOOP("Backups", "Before an undo"),
    "undo-import": QT_TRANSLATE_NOOP("Backups", "Before an undo"),
    "merge": QT_TRANSLATE_NOOP("Backups", "Before a merge"),
}

PROBLEMS = {
    "not checked": QT_TRANSLATE_NOOP("Backups", "not checked yet"),
    "changed since it was checked": QT_TRANSLATE_NOOP("Backups", "changed since its check"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Backups", text)


def reason(code: str) -> str:
    if code in REASONS:
        return _t(REASONS[code])
    if code.startswith("before-v"):
        return QCoreApplication.translate("Backups", "Before an update of ClientDesk")
    return code


def not_verified(problem: str) -> str:
    """"No" with why, in the UI language (SQLite's own words go in a tooltip)."""
    if problem in PROBLEMS:
        return QCoreApplication.translate("Backups", "No: %1").replace("%1", _t(PROBLEMS[problem]))
    return QCoreApplication.translate("Backups", "No: damaged") if problem else QCoreApplication.translate("Backups", "No")


def not_verified_long(problem: str) -> str:
    """The same, with SQLite's words after it when there are any."""
    short = not_verified(problem)
    return f"{short} ({problem})" if problem and problem not in PROBLEMS else short
