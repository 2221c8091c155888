"""The counter: what the cashier hands the client after a bill."""
