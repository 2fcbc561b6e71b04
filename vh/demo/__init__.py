"""Demo data for `flask --app wsgi demo`: idempotent, fictional people from the seed cases.

Each feature adds its own part, in the order of the process; each part is idempotent."""
from __future__ import annotations

from vh.demo import aanmelden, basis, besluit, ontvangst, politie, triage


def load(password: str) -> str:
    lines = [basis.load(password)]
    for part in (aanmelden, politie, ontvangst, triage, besluit):
        line = part.load()
        if line:
            lines.append(line)
    return "\n".join(lines)
