"""Casusregie: the casusregisseur's work from kennismaking to afsluiting (issue 9)."""
