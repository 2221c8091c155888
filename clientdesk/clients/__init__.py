"""Clients: their fields (validated and normalised), the writes and the merge, and the list: paged,
sorted and searched in SQL (no Qt here)."""
