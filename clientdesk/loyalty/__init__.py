"""Loyalty: the programme's rules, members, the points ledger and tiers (service.py), and cards
(cards_service.py). No Qt here."""
