"""Drafts of the referral form (issue 3): a draft ('concept') per referrer, saved step by step,
with its persons of the cliëntsysteem, until it is complete and submitted; untouched drafts are
purged after VH_DRAFT_RETENTION_DAYS.

Changes are audited by field name only: a draft may be purged, and its content must not outlive it
in the append-only trail. Reading one's own draft is not a dossier read and is not audited.
"""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from flask import current_app

from vh import audit
from vh.aanmelding import indienen
from vh.aanmelding.forms import STAPPEN
from vh.db import db
from vh.models import SLACHTOFFER_ROLLEN, Aanmelding, Persoon, PvNummer, utcnow


# ---------------------------------------------------------------- writing a draft
def begin(user) -> Aanmelding:
    """A new draft of `user`, with the referrer's details prefilled from their account."""
    with db.atomic():
        a = Aanmelding.create(auteur=user.id, organisatie=user.organisatie_id,
                              aanmelder_naam=user.naam, aanmelder_functie=user.functie or "",
                              aanmelder_telefoon=user.telefoon or "", aanmelder_email=user.email)
        audit.record("aanmelding.create", a)
    return a


def raak_aan(a: Aanmelding) -> None:
    """Mark the draft as worked on (the retention period starts again)."""
    a.gewijzigd_op = utcnow()
    a.save(only=[Aanmelding.gewijzigd_op])


def bewaar_stap(a: Aanmelding, stap: str, waarden: dict) -> list[str]:
    """Save the valid answers of a step; audit which fields changed (names only, no content).
    Returns the changed model fields."""
    changed = sorted(attr for attr, value in waarden.items() if getattr(a, attr) != value)
    with db.atomic():
        for attr in changed:
            setattr(a, attr, waarden[attr])
        a.gewijzigd_op = utcnow()
        a.save()
        if changed:
            audit.record("aanmelding.concept_wijzigen", a, details={"stap": stap, "velden": changed})
    return changed


def bewaar_persoon(a: Aanmelding, persoon: Persoon | None, waarden: dict) -> Persoon:
    """Add a person to the cliëntsysteem (`persoon` None) or change one; audited by field name."""
    nieuw = persoon is None
    persoon = persoon or Persoon(aanmelding=a.id)
    changed = sorted(k for k, v in waarden.items() if nieuw or getattr(persoon, k) != v)
    with db.atomic():
        for k, v in waarden.items():
            setattr(persoon, k, v)
        persoon.save()
        raak_aan(a)
        audit.record("aanmelding.persoon_toevoegen" if nieuw else "aanmelding.persoon_wijzigen", a,
                     details={"persoon_id": persoon.id, "velden": changed})
    return persoon


def verwijder_persoon(a: Aanmelding, persoon: Persoon) -> None:
    persoon_id = persoon.id
    with db.atomic():
        persoon.delete_instance()
        raak_aan(a)
        audit.record("aanmelding.persoon_verwijderen", a, details={"persoon_id": persoon_id})


# ---------------------------------------------------------------- complete enough to submit?
class Ontbreekt(NamedTuple):
    """An answer still missing or wrong: its step, the id of the field (the anchor) and the message."""
    stap: str
    anker: str
    bericht: str


def _personen_ontbreken(personen: list[Persoon]) -> list[Ontbreekt]:
    fouten = []
    if not any(p.rol in SLACHTOFFER_ROLLEN for p in personen):
        fouten.append(Ontbreekt("clientsysteem", "personen", "Voeg minstens één slachtoffer toe aan "
                                "het cliëntsysteem (een volwassene of een kind)."))
    if not any(p.postcode for p in personen):
        fouten.append(Ontbreekt("clientsysteem", "personen", "Vul bij minstens één persoon de "
                                "postcode van het adres in, zodat we weten welk team de aanmelding "
                                "krijgt."))
    return fouten


def _stap_ontbreekt(a: Aanmelding, stap: str, form_cls) -> list[Ontbreekt]:
    form = form_cls(formdata=None, meta={"csrf": False})
    form.vul_in(a)
    if form.validate():
        return []
    return [Ontbreekt(stap, form[naam].id, errors[0]) for naam, errors in form.errors.items()]


def ontbrekend(a: Aanmelding, personen: list[Persoon], *, eerste: bool = False) -> list[Ontbreekt]:
    """Every answer that is still missing or wrong, in step order (no queries: the persons are
    given). `eerste`: stop at the first step with a problem."""
    fouten: list[Ontbreekt] = []
    for stap, _, form_cls in STAPPEN:
        if stap == "clientsysteem":
            fouten.extend(_personen_ontbreken(personen))
        elif form_cls is not None:
            fouten.extend(_stap_ontbreekt(a, stap, form_cls))
        if eerste and fouten:
            break
    return fouten


def klare_stappen(a: Aanmelding, personen: list[Persoon]) -> set[str]:
    """The steps whose answers are all there (the step list marks these, not the visited ones)."""
    open_ = {f.stap for f in ontbrekend(a, personen)}
    return {stap for stap, _, _ in STAPPEN if stap != "controle" and stap not in open_}


def eerste_open_stap(a: Aanmelding, personen: list[Persoon]) -> str:
    """Where to resume a draft: the first step with a missing answer, else the check page."""
    fouten = ontbrekend(a, personen, eerste=True)
    return fouten[0].stap if fouten else "controle"


def dien_in(a: Aanmelding, user) -> list[Ontbreekt]:
    """Submit the draft if it is complete (indienen.submit); else what is still missing."""
    fouten = ontbrekend(a, list(Persoon.van(aanmelding=a)))
    if not fouten:
        indienen.submit(a, user)
    return fouten


# ---------------------------------------------------------------- retention
def purge_drafts(days: int | None = None, now: dt.datetime | None = None) -> int:
    """Delete drafts untouched for `days` (VH_DRAFT_RETENTION_DAYS); audited as a count."""
    days = current_app.config["VH_DRAFT_RETENTION_DAYS"] if days is None else days
    grens = (now or utcnow()) - dt.timedelta(days=days)
    oud = Aanmelding.select(Aanmelding.id).where((Aanmelding.status == "concept")
                                                 & (Aanmelding.gewijzigd_op < grens))
    with db.atomic():
        ids = [a.id for a in oud]
        if ids:
            PvNummer.delete().where(PvNummer.aanmelding.in_(ids)).execute()
            Persoon.delete().where(Persoon.aanmelding.in_(ids)).execute()
            Aanmelding.delete().where(Aanmelding.id.in_(ids)).execute()
        audit.record("aanmelding.concepten_verwijderd", details={"aantal": len(ids), "dagen": days})
    return len(ids)
