"""File → Move this client book to the shop's server…: the window's copy-to (issue 14)."""
