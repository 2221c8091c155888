"""The counter: find the client and record a bill with its points (service.py), and the receipt
the cashier hands over (receipt.py)."""
