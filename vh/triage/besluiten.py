"""The decision on a dossier (domain.md §3 "Besluit", rules 2 and 4).

advies  → the dossier is closed (afsluitreden "advies"); the referrer gets an advice letter.
spoor 2 → casusregie by a regisseur of a local government of the family's pilot zone.
spoor 3 → intensive casusregie by a regisseur of the Veilig Huis.
The workflow rules (parket akkoord, bezwaar, pilot zone) live in vh/workflow.py and are applied
by vh/transitions.voer_uit; this module adds who decides, in which meeting, why, and who directs.
"""
from __future__ import annotations

import datetime as dt

from vh import audit, meldingen
from vh.db import db
from vh.models import (
    Aanmelding,
    Agendapunt,
    Besluit,
    Brief,
    Dossier,
    Organisatie,
    Overleg,
    Persoon,
    TeamArrondissement,
    User,
    UserTeam,
)
from vh.tijd import naar_utc, vandaag
from vh.transitions import voer_uit
from vh.workflow import WorkflowError, check

from .overleg import waarom_dicht

ACTIES = {"advies": "besluit_advies", "spoor2": "besluit_spoor2", "spoor3": "besluit_spoor3"}
UITKOMSTEN_DOSSIER = tuple(ACTIES)


class BesluitError(WorkflowError):
    """A refused decision; str(error) is the Dutch message for the user, `veld` the form field."""

    def __init__(self, message: str, veld: str = "uitkomst"):
        super().__init__(message)
        self.veld = veld


def gezinszone(dossier: Dossier) -> str | None:
    """The police zone number where the family lives (Persoon.woonplaats_van), or None."""
    gemeente = Persoon.woonplaats_van(dossier=dossier)
    return gemeente.politiezone_nr if gemeente else None


def regisseurs(dossier: Dossier, uitkomst: str):
    """The casusregisseurs who may be assigned for `uitkomst` (a query, ordered by name): only
    people of the dossier's team and region. Spoor 2: a local government of the family's police
    zone; spoor 3: a member of the dossier's team or of the Veilig Huis of its arrondissement."""
    if uitkomst == "spoor2":
        zone = gezinszone(dossier)
        if not zone:
            return User.select().where(User.id.is_null())
        return (User.with_role("regisseur2").join(Organisatie)
                .where((Organisatie.type == "lokaal_bestuur") & (Organisatie.politiezone_nr == zone))
                .order_by(User.naam))
    if uitkomst == "spoor3":
        # staff of the dossier's team, or of the Veilig Huis organisation of its region
        team_members = UserTeam.select(UserTeam.user).where(UserTeam.team == dossier.team_id)
        regio = TeamArrondissement.select(TeamArrondissement.arrondissement).where(
            TeamArrondissement.team == dossier.team_id)
        vh_orgs = Organisatie.select(Organisatie.id).where(
            (Organisatie.type == "veilig_huis") & Organisatie.arrondissement.in_(regio))
        return (User.with_role("regisseur3")
                .where(User.organisatie.in_(vh_orgs) | User.id.in_(team_members))
                .order_by(User.naam))
    return User.select().where(User.id.is_null())


def overleg_van(dossier: Dossier, overleg_id=None) -> Overleg | None:
    """The meeting where the dossier is on the agenda: the given one (must hold the dossier,
    else None), or the most recent one that took place (a coming one records no decision)."""
    q = (Overleg.select().join(Agendapunt)
         .where((Agendapunt.dossier == dossier.id) & (Overleg.team == dossier.team_id)))
    if overleg_id is not None:
        return q.where(Overleg.id == overleg_id).first()
    morgen = naar_utc(vandaag() + dt.timedelta(days=1))
    return q.where(Overleg.datum < morgen).order_by(Overleg.datum.desc(), Overleg.id.desc()).first()


def weigering(dossier: Dossier, uitkomst: str) -> str | None:
    """Why `uitkomst` is not possible now (the workflow's Dutch message), or None."""
    try:
        check(dossier.toestand(), ACTIES[uitkomst])
    except WorkflowError as error:
        return str(error)
    return None


MOTIVERING_NODIG = ("Schrijf op waarom het overleg dit besluit neemt, bijvoorbeeld welk advies het "
                    "gezin of de aanmelder krijgt.")
REGISSEUR_NODIG = {
    "spoor2": "Kies een casusregisseur van het lokaal bestuur in de pilootzone van het gezin.",
    "spoor3": "Kies een casusregisseur spoor 3 van het Veilig Huis van dit dossier.",
}


def neem_besluit(dossier: Dossier, uitkomst: str, motivering: str, user, overleg=None,
                 regisseur=None) -> Besluit:
    """Record the decision and move the dossier on. Refused with a BesluitError (a WorkflowError
    whose `veld` names the form field) in this order: an unknown outcome, the workflow's reason,
    no motivering, an overleg without the dossier, a regisseur who may not be assigned."""
    if uitkomst not in ACTIES:
        raise BesluitError("Kies een besluit: advies, spoor 2 of spoor 3.")
    reden = weigering(dossier, uitkomst)
    if reden:
        raise BesluitError(reden)
    motivering = (motivering or "").strip()
    if not motivering:
        raise BesluitError(MOTIVERING_NODIG, "motivering")
    if overleg is not None and (overleg.team_id != dossier.team_id or not Agendapunt.select().where(
            (Agendapunt.overleg == overleg.id) & (Agendapunt.dossier == dossier.id)).exists()):
        raise BesluitError("Dit dossier staat niet op de agenda van dat overleg.")
    if overleg is not None and (reden := waarom_dicht(overleg, gehouden=True)):
        raise BesluitError(reden)
    velden = {}
    if uitkomst == "advies":
        regisseur = None
        velden["afsluitreden"] = "advies"
    else:
        if regisseur is None or not regisseurs(dossier, uitkomst).where(User.id == regisseur.id).exists():
            raise BesluitError(REGISSEUR_NODIG[uitkomst], "regisseur")
        velden.update(spoor=int(uitkomst[-1]), regisseur=regisseur)
    with db.atomic():
        voer_uit(dossier, ACTIES[uitkomst], user, **velden)
        besluit = Besluit.create(dossier=dossier, overleg=overleg, uitkomst=uitkomst,
                                 motivering=motivering, regisseur=regisseur, beslist_door=user)
        audit.record("besluit.create", besluit, user=user, details={
            "uitkomst": uitkomst, "overleg_id": overleg.id if overleg else None,
            "regisseur_id": regisseur.id if regisseur else None})
        meldingen.besluit(besluit)
    return besluit


def laatste_besluit(dossier: Dossier) -> Besluit | None:
    return (Besluit.select().where(Besluit.dossier == dossier.id)
            .order_by(Besluit.beslist_op.desc(), Besluit.id.desc()).first())


def keuzes(dossier: Dossier) -> dict[str, list[User]]:
    """Per spoor the regisseurs that may be assigned (one query each)."""
    return {u: list(regisseurs(dossier, u).select(User.id, User.naam, User.organisatie))
            for u in ("spoor2", "spoor3")}


def regisseur_uit(raw: str | None) -> User | None:
    """The user a form's regisseur field names (an id as text), or None for anything else."""
    raw = raw or ""
    return User.get_or_none(User.id == int(raw)) if raw.isdigit() and len(raw) < 10 else None


def aanmeldingen(dossier: Dossier) -> list[Aanmelding]:
    """The referrals of the dossier (id and number), oldest first: one letter each after advies."""
    return list(Aanmelding.select(Aanmelding.id, Aanmelding.nummer)
                .where(Aanmelding.dossier == dossier.id).order_by(Aanmelding.id))


def verzonden_brieven(dossier: Dossier) -> dict[int, int]:
    """{aanmelding id: id of its sent letter} for the dossier."""
    return {b.aanmelding_id: b.id for b in Brief.select(Brief.id, Brief.aanmelding)
            .where((Brief.dossier == dossier.id) & Brief.verzonden_op.is_null(False))}
