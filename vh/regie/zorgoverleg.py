"""The zorgoverleg (issue 9, item 8): a meeting of the regisseur with the partners of the plan.

Sharing in it is legal only as a casusoverleg (art. 458ter Sw.): participants, purpose and the
legal basis are fixed when it is planned, as for the triage overleg. Its agenda is drawn from
the plan (the actions not done, those that failed for changed circumstances, those still open
with the overdue first); its minutes are sanitised rich text edited in place with optimistic
locking (Zorgoverleg.versie); its decisions become actions of the plan. The invitation (ICS)
carries no dossier data. A meeting whose day has not come cannot be recorded as held.
"""
from __future__ import annotations

import datetime as dt
import uuid

from icalendar import Calendar, Event
from peewee import JOIN

from vh import audit, richtext
from vh.db import db
from vh.keuzes import OPEN_ACTIE_STATUSSEN, ActieStatus, DoelStatus, NietGeluktReden
from vh.models import (
    Actie,
    Doel,
    Levensdomein,
    Organisatie,
    User,
    Zorgoverleg,
    ZorgoverlegDeelnemer,
)
from vh.tijd import dag_van, lokaal, naar_utc, vandaag
from vh.workflow import CASUSREGIE

DUUR = dt.timedelta(hours=1, minutes=30)
RECHTSGROND = "Zorgoverleg als casusoverleg art. 458ter Sw."
MAX_ANDEREN = 20
NOG_NIET = "Dit zorgoverleg heeft nog niet plaatsgevonden: dat kan pas vanaf de dag zelf."
NIET_IN_REGIE = "Dit dossier is niet (meer) in casusregie: er kan geen zorgoverleg meer bij."


class ZorgoverlegError(Exception):
    """A refused change; str(error) is the Dutch message, `veld` the form field it belongs beside."""

    def __init__(self, message: str, veld: str | None = None):
        super().__init__(message)
        self.veld = veld


class ZorgoverlegConflict(Exception):
    """The minutes were saved by someone else since the form was opened; `huidig` is the
    meeting as it is now (its verslag is what the other person saved).
    TODO(lead): switch to the shared optimistic-locking helper of i10-races."""

    def __init__(self, huidig: Zorgoverleg):
        super().__init__("Iemand anders heeft het verslag intussen gewijzigd. Uw tekst is niet "
                         "bewaard. Hieronder staan de andere versie en uw tekst: neem over wat nodig is "
                         "en bewaar opnieuw.")
        self.huidig = huidig


# ---------------------------------------------------------------- reading
def lijst(dossier) -> list[Zorgoverleg]:
    """The meetings of the dossier, newest first (one query)."""
    return list(Zorgoverleg.select().where(Zorgoverleg.dossier == dossier.id)
                .order_by(Zorgoverleg.datum.desc(), Zorgoverleg.id.desc()))


def van_dossier(dossier, zorgoverleg_id) -> Zorgoverleg | None:
    return Zorgoverleg.get_or_none((Zorgoverleg.id == zorgoverleg_id) & (Zorgoverleg.dossier == dossier.id))


def heeft_plaatsgevonden(zo: Zorgoverleg) -> bool:
    """Its day (in Brussels) has come: from then on it can be recorded as held."""
    return dag_van(zo.datum) <= vandaag()


def deelnemers(zo: Zorgoverleg) -> list[ZorgoverlegDeelnemer]:
    """Who takes part, with their organisation and account (one query)."""
    Lid = User.alias()
    return list(ZorgoverlegDeelnemer.select(ZorgoverlegDeelnemer, Organisatie, Lid)
                .join(Organisatie, JOIN.LEFT_OUTER, on=(ZorgoverlegDeelnemer.organisatie == Organisatie.id))
                .switch(ZorgoverlegDeelnemer)
                .join(Lid, JOIN.LEFT_OUTER, on=(ZorgoverlegDeelnemer.user == Lid.id))
                .where(ZorgoverlegDeelnemer.zorgoverleg == zo.id).order_by(ZorgoverlegDeelnemer.id))


def deelnemer_keuzes(dossier) -> list[tuple[str, str]]:
    """The partners of the plan: the organisations of its actions ("org-<id>") and their contact
    persons ("user-<id>"), by name (one query)."""
    Contact = User.alias()
    rijen = (Actie.select(Organisatie.id, Organisatie.naam, Contact.id, Contact.naam)
             .join(Organisatie, on=(Actie.organisatie == Organisatie.id))
             .switch(Actie).join(Contact, JOIN.LEFT_OUTER, on=(Actie.contactpersoon == Contact.id))
             .where(Actie.dossier == dossier.id).tuples())
    orgs, mensen = {}, {}
    for org_id, org_naam, user_id, user_naam in rijen:
        orgs[org_id] = org_naam
        if user_id:
            mensen[user_id] = f"{user_naam} ({org_naam})"
    return ([(f"org-{i}", n) for i, n in sorted(orgs.items(), key=lambda kv: kv[1])]
            + [(f"user-{i}", n) for i, n in sorted(mensen.items(), key=lambda kv: kv[1])])


def agenda(dossier) -> dict[str, list[Actie]]:
    """The agenda drawn from the plan (one query): the actions that did not succeed, sorted into
    "gewijzigde omstandigheden" and "niet gedaan", and those still open (overdue first, then by
    deadline), each with its goal's life domain and its organisation."""
    acties = (Actie.select(Actie, Doel, Levensdomein, Organisatie)
              .join(Doel).join(Levensdomein)
              .switch(Actie).join(Organisatie, on=(Actie.organisatie == Organisatie.id))
              .where((Actie.dossier == dossier.id)
                     & Actie.status.in_([*OPEN_ACTIE_STATUSSEN, ActieStatus.NIET_GELUKT]))
              .order_by(Actie.deadline, Actie.id))
    result = {"gewijzigd": [], "niet_gedaan": [], "open": []}
    for a in acties:
        if a.status in OPEN_ACTIE_STATUSSEN:
            result["open"].append(a)
        elif a.reden == NietGeluktReden.GEWIJZIGDE_OMSTANDIGHEDEN:
            result["gewijzigd"].append(a)
        else:
            result["niet_gedaan"].append(a)
    return result


def besluiten(zo: Zorgoverleg) -> list[Actie]:
    """The actions decided in this meeting, with goal, life domain and organisation (one query)."""
    return list(Actie.select(Actie, Doel, Levensdomein, Organisatie)
                .join(Doel).join(Levensdomein)
                .switch(Actie).join(Organisatie, on=(Actie.organisatie == Organisatie.id))
                .where(Actie.zorgoverleg == zo.id).order_by(Actie.id))


def doel_keuzes(dossier) -> list[tuple[str, str]]:
    """The goals still running, as (id, "Levensdomein: omschrijving") (one query)."""
    doelen = (Doel.select(Doel, Levensdomein).join(Levensdomein)
              .where((Doel.dossier == dossier.id) & (Doel.status == DoelStatus.LOPEND))
              .order_by(Levensdomein.volgorde, Doel.id))
    return [(str(d.id), f"{d.domein.naam}: {d.omschrijving[:80]}") for d in doelen]


def organisatie_keuzes() -> list[tuple[str, str]]:
    return [(str(o.id), o.naam) for o in
            Organisatie.select().where(Organisatie.actief).order_by(Organisatie.naam)]


# ---------------------------------------------------------------- planning
def _deelnemers_van(dossier, gekozen: list[str], anderen: str) -> tuple[list[dict], list[str]]:
    toegelaten = {value for value, _ in deelnemer_keuzes(dossier)}
    if not set(gekozen) <= toegelaten:
        raise ZorgoverlegError("Kies alleen partners van het plan uit de lijst.", "deelnemers")
    rijen = [{"organisatie": int(v[4:])} if v.startswith("org-") else {"user": int(v[5:])}
             for v in gekozen]
    namen = [regel.strip()[:160] for regel in (anderen or "").splitlines() if regel.strip()]
    if len(namen) > MAX_ANDEREN:
        raise ZorgoverlegError(f"Noem hoogstens {MAX_ANDEREN} andere deelnemers.", "anderen")
    return rijen, namen


def plan(dossier, user, *, datum: dt.date, tijd: dt.time, plaats: str, doel: str,
         deelnemers: list[str], anderen: str = "") -> Zorgoverleg:
    """Plan a meeting on `datum` at `tijd` (Brussels time) in `plaats` for `doel`, with the
    partners `deelnemers` (values of deelnemer_keuzes), others without an account `anderen` (one
    per line, e.g. the family) and the regisseur who plans it. The legal basis is recorded."""
    if dossier.fase not in CASUSREGIE:
        raise ZorgoverlegError(NIET_IN_REGIE)
    rijen, namen = _deelnemers_van(dossier, deelnemers, anderen)
    if not rijen and not namen:
        raise ZorgoverlegError("Kies minstens één partner of noem een andere deelnemer.", "deelnemers")
    with db.atomic():
        zo = Zorgoverleg.create(dossier=dossier.id, datum=naar_utc(datum, tijd), plaats=plaats.strip(),
                                doel=doel.strip(), rechtsgrond=f"{RECHTSGROND} – {dossier.team.naam}",
                                aangemaakt_door=user)
        ZorgoverlegDeelnemer.create(zorgoverleg=zo, user=user, organisatie=user.organisatie_id)
        for rij in rijen:
            ZorgoverlegDeelnemer.create(zorgoverleg=zo, **rij)
        for naam in namen:
            ZorgoverlegDeelnemer.create(zorgoverleg=zo, naam=naam)
        audit.record("zorgoverleg.create", zo, user=user, details={
            "datum": zo.datum, "plaats": zo.plaats, "doel": zo.doel, "rechtsgrond": zo.rechtsgrond,
            "deelnemers": sorted(deelnemers), "anderen": len(namen)})
    return zo


# ---------------------------------------------------------------- minutes and decisions
def bewaar_verslag(zo: Zorgoverleg, tekst: str, versie: int, user) -> Zorgoverleg:
    """Save the minutes (plain text → sanitised HTML) and record the meeting as held, only if
    nobody saved since the form was opened at `versie` (ZorgoverlegConflict otherwise).
    Refused (ZorgoverlegError) before the meeting's day or with no visible text."""
    if not heeft_plaatsgevonden(zo):
        raise ZorgoverlegError(NOG_NIET, "verslag")
    html = richtext.van_tekst(tekst)
    if not html:
        raise ZorgoverlegError("Schrijf het verslag: wat werd besproken en afgesproken.", "verslag")
    with db.atomic():
        oud = Zorgoverleg.get_by_id(zo.id)
        updated = (Zorgoverleg.update(verslag=html, gehouden=True, versie=Zorgoverleg.versie + 1)
                   .where((Zorgoverleg.id == zo.id) & (Zorgoverleg.versie == versie)).execute())
        if updated != 1:
            raise ZorgoverlegConflict(oud)
        audit.record_change("zorgoverleg.verslag", oud, {"verslag": oud.verslag, "gehouden": oud.gehouden},
                            {"verslag": html, "gehouden": True}, user=user)
    return Zorgoverleg.get_by_id(zo.id)


def _maak_actie(doel: Doel, organisatie: Organisatie, omschrijving: str, deadline: dt.date, user,
                zorgoverleg: Zorgoverleg | None = None) -> Actie:
    # TODO(lead): use regie.plan.maak_actie (same signature), then delete this.
    with db.atomic():
        actie = Actie.create(doel=doel, dossier=doel.dossier_id, organisatie=organisatie,
                             omschrijving=omschrijving, deadline=deadline, aangemaakt_door=user,
                             zorgoverleg=zorgoverleg)
        audit.record("actie.create", actie, user=user, details={
            "doel": doel.id, "organisatie": organisatie.id, "omschrijving": omschrijving,
            "deadline": deadline, "zorgoverleg": zorgoverleg.id if zorgoverleg else None})
    return actie


def besluit(zo: Zorgoverleg, user, *, doel_id: int, organisatie_id: int, omschrijving: str,
            deadline: dt.date) -> Actie:
    """A decision of the meeting: a new action of the plan for a goal of this dossier, owned by
    an organisation, with a deadline. Refused before the meeting's day."""
    if not heeft_plaatsgevonden(zo):
        raise ZorgoverlegError(NOG_NIET)
    doel = Doel.get_or_none((Doel.id == doel_id) & (Doel.dossier == zo.dossier_id)
                            & (Doel.status == DoelStatus.LOPEND))
    if doel is None:
        raise ZorgoverlegError("Kies een lopend doel van het plan.", "doel")
    organisatie = Organisatie.get_or_none((Organisatie.id == organisatie_id) & Organisatie.actief)
    if organisatie is None:
        raise ZorgoverlegError("Kies de organisatie die de actie uitvoert.", "organisatie")
    if deadline < vandaag():
        raise ZorgoverlegError("Kies een deadline vandaag of later.", "deadline")
    return _maak_actie(doel, organisatie, omschrijving.strip(), deadline, user, zorgoverleg=zo)


# ---------------------------------------------------------------- the invitation
def uitnodiging(zo: Zorgoverleg, link: str) -> bytes:
    """The invitation as iCalendar: time, place and a link only; never a name, a dossier number
    or what the meeting is about."""
    cal = Calendar()
    cal.add("prodid", "-//Veilig Huis//Zorgoverleg//NL")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", f"zorgoverleg-{uuid.uuid5(uuid.NAMESPACE_URL, f'zorgoverleg/{zo.id}').hex}@veilighuis")
    event.add("dtstamp", dt.datetime.now(dt.timezone.utc))
    start = lokaal(zo.datum)
    event.add("dtstart", start)
    event.add("dtend", start + DUUR)
    event.add("summary", "Zorgoverleg Veilig Huis")
    if zo.plaats:
        event.add("location", zo.plaats)
    event.add("url", link)
    event.add("description", "Vertrouwelijk overleg (art. 458ter Sw.). Alles staat in het dossiersysteem: "
                             + link)
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
