"""The audit trail screens for the DPO."""
