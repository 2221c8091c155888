"""Greetings: occasions (personal and festivals), templates, the rules that keep greetings
respectful (consent, frequency cap, minors), and the channels (printed cards, WhatsApp, email, copy)."""
