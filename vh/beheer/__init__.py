"""Functioneel beheer: users, organisations and reference data (no dossier content).

The rules are in `gebruikers` and `organisaties`; `routes` parses, calls one rule, renders."""
from __future__ import annotations


class Geweigerd(ValueError):
    """A change refused for a reason the form shows beside one of its fields."""

    def __init__(self, veld: str, boodschap: str):
        super().__init__(boodschap)
        self.veld = veld
        self.boodschap = boodschap
