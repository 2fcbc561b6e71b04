"""Functioneel beheer: users, organisations and reference data (no dossier content)."""
