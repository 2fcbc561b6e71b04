"""The route modules of triage: board, overleg, besluit, brieven."""
