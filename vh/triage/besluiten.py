"""The decision on a dossier (domain.md §3 "Besluit", rules 2 and 4).

advies  → the dossier is closed (afsluitreden "advies"); the referrer gets an advice letter.
spoor 2 → casusregie by a regisseur of a local government of the family's pilot zone.
spoor 3 → intensive casusregie by a regisseur of the Veilig Huis.
The workflow rules (parket akkoord, bezwaar, pilot zone) live in vh/workflow.py and are applied
by vh/transitions.voer_uit; this module adds who decides, in which meeting, why, and who directs.
"""
from __future__ import annotations

import datetime as dt

from vh import audit
from vh.db import db
from vh.dossier import doorlooptijden as lead_times
from vh.models import (
    SLACHTOFFER_ROLLEN,
    Agendapunt,
    Besluit,
    Dossier,
    Organisatie,
    Overleg,
    Persoon,
    User,
    UserTeam,
)
from vh.transitions import toestand, voer_uit
from vh.workflow import WorkflowError, check

ACTIES = {"advies": "besluit_advies", "spoor2": "besluit_spoor2", "spoor3": "besluit_spoor3"}
UITKOMSTEN_DOSSIER = tuple(ACTIES)


class BesluitError(WorkflowError):
    """A refused decision; str(error) is the Dutch message for the user, `veld` the form field."""

    def __init__(self, message: str, veld: str = "uitkomst"):
        super().__init__(message)
        self.veld = veld


def gezinszone(dossier: Dossier) -> str | None:
    """The police zone number where the family lives: of the first victim with a municipality,
    else of anyone in the dossier with one."""
    personen = list(Persoon.select(Persoon.rol, Persoon.gemeente).where(
        (Persoon.dossier == dossier.id) & Persoon.gemeente.is_null(False)).order_by(Persoon.id))
    for kandidaten in ([p for p in personen if p.rol in SLACHTOFFER_ROLLEN], personen):
        for p in kandidaten:
            return p.gemeente.politiezone_nr
    return None


def regisseurs(dossier: Dossier, uitkomst: str):
    """The casusregisseurs who may be assigned for `uitkomst` (a query, ordered by name)."""
    if uitkomst == "spoor2":
        zone = gezinszone(dossier)
        if not zone:
            return User.select().where(User.id.is_null())
        return (User.with_role("regisseur2").join(Organisatie)
                .where((Organisatie.type == "lokaal_bestuur") & (Organisatie.politiezone_nr == zone))
                .order_by(User.naam))
    if uitkomst == "spoor3":
        team_members = UserTeam.select(UserTeam.user).where(UserTeam.team == dossier.team_id)
        vh_orgs = Organisatie.select(Organisatie.id).where(Organisatie.type == "veilig_huis")
        return (User.with_role("regisseur3")
                .where(User.organisatie.in_(vh_orgs) | User.id.in_(team_members))
                .order_by(User.naam))
    return User.select().where(User.id.is_null())


def overleg_van(dossier: Dossier, overleg_id=None) -> Overleg | None:
    """The meeting where the dossier is on the agenda: the given one (must hold the dossier,
    else None), or the most recent one."""
    q = (Overleg.select().join(Agendapunt)
         .where((Agendapunt.dossier == dossier.id) & (Overleg.team == dossier.team_id)))
    if overleg_id is not None:
        return q.where(Overleg.id == overleg_id).first()
    return q.order_by(Overleg.datum.desc(), Overleg.id.desc()).first()


def weigering(dossier: Dossier, uitkomst: str) -> str | None:
    """Why `uitkomst` is not possible now (the workflow's Dutch message), or None."""
    try:
        check(toestand(dossier), ACTIES[uitkomst])
    except WorkflowError as error:
        return str(error)
    return None


def neem_besluit(dossier: Dossier, uitkomst: str, motivering: str, user, overleg=None,
                 regisseur=None) -> Besluit:
    """Record the decision and move the dossier on; raises BesluitError/WorkflowError when refused."""
    if uitkomst not in ACTIES:
        raise BesluitError("Kies een besluit: advies, spoor 2 of spoor 3.")
    motivering = (motivering or "").strip()
    if not motivering:
        raise BesluitError("Schrijf op waarom u dit besluit neemt.", "motivering")
    if overleg is not None and (overleg.team_id != dossier.team_id or not Agendapunt.select().where(
            (Agendapunt.overleg == overleg.id) & (Agendapunt.dossier == dossier.id)).exists()):
        raise BesluitError("Dit dossier staat niet op de agenda van dat overleg.")
    velden = {}
    if uitkomst == "advies":
        regisseur = None
        velden["afsluitreden"] = "advies"
    else:
        if regisseur is None or not regisseurs(dossier, uitkomst).where(User.id == regisseur.id).exists():
            soort = "van het lokaal bestuur in de pilootzone van het gezin" if uitkomst == "spoor2" \
                else "van het Veilig Huis"
            raise BesluitError(f"Kies een casusregisseur voor {uitkomst[:-1]} {uitkomst[-1]} {soort}.",
                              "regisseur")
        velden.update(spoor=int(uitkomst[-1]), regisseur=regisseur)
    with db.atomic():
        voer_uit(dossier, ACTIES[uitkomst], user, **velden)
        besluit = Besluit.create(dossier=dossier, overleg=overleg, uitkomst=uitkomst,
                                 motivering=motivering, regisseur=regisseur, beslist_door=user)
        audit.record("besluit.create", besluit, user=user, details={
            "uitkomst": uitkomst, "overleg_id": overleg.id if overleg else None,
            "regisseur_id": regisseur.id if regisseur else None})
    return besluit


def laatste_besluit(dossier: Dossier) -> Besluit | None:
    return (Besluit.select().where(Besluit.dossier == dossier.id)
            .order_by(Besluit.beslist_op.desc(), Besluit.id.desc()).first())


def doorlooptijden(dossier: Dossier) -> dict[str, dt.timedelta | None]:
    """Lead times referral → parket answer → decision (→ start of regie), from the dossier's
    transitions (vh/dossier/doorlooptijden.py); the start falls back to the dossier's creation.

    Keys: aanmelding_tot_parket, parket_tot_besluit, aanmelding_tot_besluit, besluit_tot_regie.
    A duration is None while one of its two moments is unknown."""
    m = lead_times.momenten(dossier)
    m["aanmelding"] = m["aanmelding"] or dossier.aangemaakt_op
    return lead_times.duren(m)
