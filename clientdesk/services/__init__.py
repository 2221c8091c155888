"""Services: one class per area, given the database and a clock; they return plain dataclasses."""
