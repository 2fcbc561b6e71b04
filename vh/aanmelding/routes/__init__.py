"""The route modules of aanmelding: the referral form and the police inflow."""
