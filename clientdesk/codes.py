"""Codes stored in the database; the UI turns each into words in the chosen language."""

STATUSES = ("prospect", "active", "lapsed")
SOURCES = ("walk_in", "referral", "trade_fair", "advertisement", "online", "other")
CHANNELS = ("whatsapp", "sms", "email", "post")
INTERACTION_CHANNELS = ("visit", "phone", "whatsapp", "sms", "email", "letter", "social", "other")
DIRECTIONS = ("in", "out")
CONSENT_METHODS = ("counter_form", "verbal", "import", "online", "other")
GENDERS = ("", "female", "male", "other")
LANGUAGES = ("hi", "en")
