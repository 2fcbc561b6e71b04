"""Demo data for `flask --app wsgi demo`: idempotent, fictional people from the seed cases."""
from __future__ import annotations

from . import basis


def load(password: str) -> str:
    lines = [basis.load(password)]
    return "\n".join(lines)
