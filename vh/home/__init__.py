"""The start page per role."""
