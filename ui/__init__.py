"""The window: widgets, Qt item models and dialogs. Calls clientdesk services; never peewee."""

from ui.none_guard import protect_none

protect_none()  # before any Qt call: see ui/none_guard.py (PySide6 6.12.0 takes a reference from None per call)
