"""Export of clients, purchases and interactions to .xlsx, and of clients to vCard (issue 3)."""
