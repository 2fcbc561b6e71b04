"""The organisations the users work for: the list, adding and editing one, deactivating and
reactivating it, and the reference lists its form chooses from. Every change is audited."""
from __future__ import annotations

from peewee import JOIN, IntegrityError, fn

from vh import audit
from vh.db import db
from vh.models import Gemeente, Organisatie, User

from . import Geweigerd

NAAM_BEZET = "Er bestaat al een organisatie met deze naam."


def lijst() -> list[Organisatie]:
    """Every organisation, the active first, each with `aantal` users (one query)."""
    aantal = fn.COUNT(User.id).alias("aantal")
    return list(Organisatie.select(Organisatie, aantal).join(User, JOIN.LEFT_OUTER)
                .group_by(Organisatie.id).order_by(Organisatie.actief.desc(), Organisatie.naam))


def met_aantal(org: Organisatie) -> Organisatie:
    """`org` with its number of users, as one row of the list shows it."""
    org.aantal = User.select().where(User.organisatie == org.id).count()
    return org


def politiezones() -> list[tuple[str, str]]:
    """(number, name) of every police zone of the reference data, by name."""
    rows = (Gemeente.select(Gemeente.politiezone_nr, Gemeente.politiezone).distinct()
            .order_by(Gemeente.politiezone))
    return [(g.politiezone_nr, g.politiezone) for g in rows]


def arrondissementen() -> list[str]:
    rows = Gemeente.select(Gemeente.arrondissement).distinct().order_by(Gemeente.arrondissement)
    return [g.arrondissement for g in rows]


def snapshot(org: Organisatie) -> dict:
    return {"naam": org.naam, "type": org.type, "arrondissement": org.arrondissement,
            "politiezone_nr": org.politiezone_nr, "actief": org.actief}


def naam_bezet(naam: str, behalve: int | None = None) -> bool:
    """Is `naam` (in any case) the name of another organisation than `behalve`?"""
    query = Organisatie.select().where(fn.LOWER(Organisatie.naam) == naam.lower())
    if behalve:
        query = query.where(Organisatie.id != behalve)
    return query.exists()


def maak(velden: dict) -> Organisatie:
    """Add an organisation (naam, type, arrondissement, politiezone_nr). Geweigerd("naam") when
    the name is taken."""
    if naam_bezet(velden["naam"]):
        raise Geweigerd("naam", NAAM_BEZET)
    try:
        with db.atomic():
            org = Organisatie.create(**velden)
            audit.record_change("beheer.organisatie.create", org, {}, snapshot(org))
    except IntegrityError:
        raise Geweigerd("naam", NAAM_BEZET) from None
    return org


def bewerk(org: Organisatie, velden: dict) -> Organisatie:
    """Save `velden` on `org` and audit the difference. Geweigerd("naam") when the name is taken."""
    if naam_bezet(velden["naam"], behalve=org.id):
        raise Geweigerd("naam", NAAM_BEZET)
    old = snapshot(org)
    try:
        with db.atomic():
            for name, value in velden.items():
                setattr(org, name, value)
            org.save()
            audit.record_change("beheer.organisatie.edit", org, old, snapshot(org))
    except IntegrityError:
        raise Geweigerd("naam", NAAM_BEZET) from None
    return org


def zet_actief(org: Organisatie, actief: bool) -> bool:
    """Deactivate (no new accounts can choose it; existing ones keep working) or reactivate;
    returns whether anything changed."""
    if org.actief == actief:
        return False
    with db.atomic():
        org.actief = actief
        org.save(only=[Organisatie.actief])
        audit.record_change("beheer.organisatie." + ("reactivate" if actief else "deactivate"),
                            org, {"actief": not actief}, {"actief": actief})
    return True


def actief_melding(org: Organisatie) -> str:
    return f"{org.naam} is " + ("weer actief." if org.actief else
                                "niet langer actief: nieuwe accounts kunnen er niet meer aan gekoppeld worden.")
