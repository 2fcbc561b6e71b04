"""Lead times of a dossier, from its `Overgang` rows only (one implementation, issue 7):
referral submitted → parket answer → decision → start of casusregie.

The start is the first submitted referral of the dossier (a referral is not a transition of the
dossier); every later moment is the first transition of its kind."""
from __future__ import annotations

import datetime as dt

from vh.models import Aanmelding, Dossier, Overgang
from vh.workflow import OVERGANGEN

MOMENT_ACTIES = {
    "parket": ("parket_antwoord",),
    "besluit": tuple(a for a in OVERGANGEN if a.startswith("besluit_")),
    "regie": ("vraagverduidelijking",),
}
STAPPEN = (("aanmelding", "Aanmelding ingediend"), ("parket", "Antwoord van het parket"),
           ("besluit", "Besluit"))


def momenten(dossier: Dossier, aanmeldingen=None, overgangen=None) -> dict[str, dt.datetime | None]:
    """{"aanmelding", "parket", "besluit", "regie"} → when it first happened, or None.

    Pass the dossier's referrals and transitions when they are loaded already (no query then)."""
    if aanmeldingen is None:
        aanmeldingen = Aanmelding.select(Aanmelding.ingediend_op).where(Aanmelding.dossier == dossier.id)
    if overgangen is None:
        overgangen = Overgang.select(Overgang.actie, Overgang.op).where(Overgang.dossier == dossier.id)
    overgangen = list(overgangen)
    result = {"aanmelding": min((a.ingediend_op for a in aanmeldingen if a.ingediend_op), default=None)}
    for moment, acties in MOMENT_ACTIES.items():
        result[moment] = min((o.op for o in overgangen if o.actie in acties and o.op), default=None)
    return result


def stappen(m: dict[str, dt.datetime | None]) -> list[dict]:
    """The dossier page's summary: each step with its date and the days since the step before."""
    result, vorige = [], None
    for moment, label in STAPPEN:
        op = m.get(moment)
        dagen = (op.date() - vorige.date()).days if op and vorige else None
        result.append(dict(label=label, op=op, dagen=dagen))
        vorige = op or vorige
    return result


def duren(m: dict[str, dt.datetime | None]) -> dict[str, dt.timedelta | None]:
    """The durations between the moments; None while one of its two moments is unknown."""
    def tussen(a, b):
        return m[b] - m[a] if m.get(a) and m.get(b) else None

    return {
        "aanmelding_tot_parket": tussen("aanmelding", "parket"),
        "parket_tot_besluit": tussen("parket", "besluit"),
        "aanmelding_tot_besluit": tussen("aanmelding", "besluit"),
        "besluit_tot_regie": tussen("besluit", "regie"),
    }
