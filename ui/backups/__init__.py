"""Backups in the window: the start-up backup, File → Restore from backup…, the damaged-desk notice,
the second-folder warning on the status bar, and the Backups panel of Settings."""
