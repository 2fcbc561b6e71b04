"""Aanmelding: the referral form, drafts, submission and routing, and the police inflow."""
