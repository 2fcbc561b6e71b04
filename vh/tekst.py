"""Comparing what people type: one accent-free normalisation for names and choices."""
from __future__ import annotations

import unicodedata


def zonder_accenten(tekst: str | None) -> str:
    """'Sélis' → 'Selis', 'Kessel-Lo' stays 'Kessel-Lo': accents off, nothing else changed."""
    tekst = unicodedata.normalize("NFKD", tekst or "")
    return "".join(c for c in tekst if not unicodedata.combining(c))


def normaliseer_naam(tekst: str | None) -> str:
    """Lower case, no accents, no spaces or hyphens: 'Van den Broeck-Sélis' → 'vandenbroeckselis'."""
    return "".join(c for c in zonder_accenten(tekst).lower() if c.isalnum())


def sleutel(tekst: str | None) -> str:
    """A lenient key for a choice typed by hand: case, accents and spacing do not matter."""
    return " ".join(zonder_accenten(tekst).lower().split())
