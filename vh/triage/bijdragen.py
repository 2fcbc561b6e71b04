"""Walking the agenda of an overleg: the dossierbespreking and the kernpartners' bijdragen.

Sharing in a casusoverleg is legal only under art. 458ter Sw.: every bijdrage records its legal
basis and who took part at that moment, and the parket gate (`workflow.check_bijdrage`) is
checked on every bijdrage and correction. A correction is a new version; the old one stays.
"""
from __future__ import annotations

from peewee import JOIN

from vh import audit, richtext, workflow
from vh.db import db
from vh.dossier.kaart import kaart
from vh.keuzes import Fase, ParketUitkomst
from vh.models import Aanmelding, Agendapunt, Bijdrage, Dossier, Organisatie, Overleg, Persoon, User
from vh.transitions import voer_uit

from .overleg import agenda, controleer_open, deelnemers_tekst


class BijdrageError(Exception):
    """A refused bijdrage; str(error) is the Dutch message beside the text field."""


def punt(o: Overleg, n: int) -> tuple[list[Agendapunt], Agendapunt] | None:
    """The agenda and its n-th item (counting from 1), or None when there is no such item."""
    punten = agenda(o)
    if n < 1 or n > len(punten):
        return None
    return punten, punten[n - 1]


def bijdrage_in(d: Dossier, bijdrage_id) -> Bijdrage | None:
    """The bijdrage `bijdrage_id` of dossier `d` (any version), or None."""
    return Bijdrage.get_or_none((Bijdrage.id == bijdrage_id) & (Bijdrage.dossier == d.id))


def gate(d: Dossier) -> str | None:
    """Why nothing may be shared in `d` now (the workflow's Dutch message), or None."""
    try:
        workflow.check_bijdrage(d.toestand())
    except workflow.WorkflowError as error:
        return str(error)
    return None


def bijdragen(d: Dossier) -> list[tuple[Bijdrage, list[Bijdrage]]]:
    """Current bijdragen with their earlier versions (newest first), in one query."""
    alle = list(Bijdrage.select(Bijdrage, User, Organisatie)
                .join(User, on=(Bijdrage.auteur == User.id))
                .switch(Bijdrage).join(Organisatie, JOIN.LEFT_OUTER, on=(Bijdrage.organisatie == Organisatie.id))
                .where(Bijdrage.dossier == d.id).order_by(Bijdrage.aangemaakt_op, Bijdrage.id))
    per_id = {b.id: b for b in alle}
    result = []
    for b in alle:
        if not b.actueel:
            continue
        geschiedenis, vorige = [], b.vorige_id
        while vorige and vorige in per_id:
            geschiedenis.append(per_id[vorige])
            vorige = per_id[vorige].vorige_id
        result.append((b, geschiedenis))
    return result


def dossiervorming(d: Dossier, identificerend: bool) -> dict:
    """What the agenda item shows of the dossier: persons, first referral, the parket's answer
    and restriction, the bijdragen and the gate. Not `identificerend` (access.identificerend):
    the non-identifying card instead of the persons, the referral and the bijdragen."""
    check = d.laatste_parketcheck()
    if not identificerend:
        return dict(kaart=kaart(d, list(Persoon.van(dossier=d)), check), personen=[], check=check,
                    aanmelding=None, bijdragen=[], gate=gate(d), beperking=_beperking(check))
    aanmelding = (Aanmelding.select(Aanmelding, Organisatie).join(Organisatie, JOIN.LEFT_OUTER)
                  .where(Aanmelding.dossier == d.id)
                  .order_by(Aanmelding.ingediend_op, Aanmelding.id).first())
    return dict(personen=list(Persoon.van(dossier=d)), check=check, aanmelding=aanmelding,
                bijdragen=bijdragen(d), gate=gate(d), beperking=_beperking(check), kaart=None)


def _beperking(check) -> str:
    return check.beperkingen if check and check.uitkomst == ParketUitkomst.BEPERKINGEN else ""


def bespreek(o: Overleg, agendapunt: Agendapunt, tekst: str, user) -> Agendapunt:
    """Save the coordinator's notes of the item and mark it discussed; the dossier moves
    te_bespreken → dossiervorming (raises WorkflowError when it no longer can, OverlegError when
    the overleg is closed or still to come)."""
    controleer_open(o, gehouden=True)
    d = agendapunt.dossier
    oud = dict(bespreking=agendapunt.bespreking, besproken=agendapunt.besproken)
    with db.atomic():
        if d.fase != Fase.DOSSIERVORMING:
            voer_uit(d, "bespreken", user, toelichting=f"overleg {o.id}")
        agendapunt.bespreking = richtext.van_tekst(tekst)
        agendapunt.besproken = True
        agendapunt.save()
        audit.record_change("agendapunt.bespreking", agendapunt, oud,
                            dict(bespreking=agendapunt.bespreking, besproken=True), user=user)
    return agendapunt


def maak_bijdrage(o: Overleg, d: Dossier, tekst: str, user, vorige: Bijdrage | None = None) -> Bijdrage:
    """Record `user`'s bijdrage (plain text, sanitised) in `d` during `o`, with the legal basis and
    who takes part; with `vorige`, as its correction. Raises OverlegError when the overleg is
    closed, WorkflowError when the parket gate is closed and BijdrageError when no visible text
    is left."""
    controleer_open(o)
    melding = gate(d)
    if melding:
        raise workflow.WorkflowError(melding)
    inhoud = richtext.van_tekst(tekst)
    if not inhoud:
        raise BijdrageError("Schrijf uw bijdrage in gewone tekst.")
    with db.atomic():
        b = Bijdrage.create(dossier=d, overleg=o, auteur=user, organisatie=user.organisatie_id,
                            inhoud=inhoud, rechtsgrond=f"Casusoverleg art. 458ter Sw. – {o.team.naam}",
                            deelnemers=deelnemers_tekst(o), vorige=vorige)
        if vorige is None:
            audit.record("bijdrage.create", b, user=user, details={"overleg": o.id})
        else:
            Bijdrage.update(actueel=False).where(Bijdrage.id == vorige.id).execute()
            audit.record_change("bijdrage.correct", b, dict(inhoud=vorige.inhoud, id=vorige.id),
                                dict(inhoud=b.inhoud, id=b.id), user=user)
    return b
