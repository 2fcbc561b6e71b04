"""What waits for a user on the start page: for each screen their roles open, a count (None
when there is nothing to count). Every count is scoped by `access`, in SQL."""
from __future__ import annotations

from vh import access
from vh.keuzes import AanmeldingStatus, Fase
from vh.models import Aanmelding, Dossier, Overleg, Parketcheck, utcnow

# The screens of the start page, in its order: (key, the action that opens it).
SCHERMEN = [
    ("aanmelden", "aanmelding.create"), ("politie", "politie.import"),
    ("ontvangst", "ontvangst.inbox"), ("triage", "ontvangst.inbox"), ("parket", "parket.inbox"),
    ("overleg", "overleg.list"), ("regie", "regie.mijn"), ("beheer", "beheer"),
    ("audit", "audit.view"),
]


def _aanmelden(user) -> int:
    return access.own_aanmeldingen(user).where(Aanmelding.status == AanmeldingStatus.CONCEPT).count()


def _ontvangst(user) -> int:
    return access.aanmeldingen_received_by(user).where(
        Aanmelding.status == AanmeldingStatus.INGEDIEND).count()


def _triage(user) -> int:
    return access.dossiers_visible_to(user).where(Dossier.fase == Fase.TE_BESPREKEN).count()


def _parket(user) -> int:
    return access.parketchecks_visible_to(user).where(Parketcheck.uitkomst.is_null()).count()


def _overleg(user) -> int:
    return access.overleggen_visible_to(user).where(
        (Overleg.datum >= utcnow()) & ~Overleg.afgesloten).count()


def _regie(user) -> int:
    return access.dossiers_visible_to(user).where(
        (Dossier.regisseur == user.id) & (Dossier.fase != Fase.AFGESLOTEN)).count()


TELLINGEN = {"aanmelden": _aanmelden, "ontvangst": _ontvangst, "triage": _triage,
             "parket": _parket, "overleg": _overleg, "regie": _regie}


def wachtend(user) -> dict[str, int | None]:
    """{screen key: count or None} for each screen of SCHERMEN this user may open, in order."""
    return {sleutel: (TELLINGEN[sleutel](user) if sleutel in TELLINGEN else None)
            for sleutel, actie in SCHERMEN if access.can(user, actie)}
