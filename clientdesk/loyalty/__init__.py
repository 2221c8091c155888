"""Loyalty: the programme's rules, the points ledger, cards and the counter (no Qt here)."""
