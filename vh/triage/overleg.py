"""The triage overleg: plan or change a meeting, build its agenda, the invitation (ICS) and the
minutes. The walk through the agenda (bespreking, bijdragen) is vh/triage/bijdragen.py.

Every change is one transaction with its audit event; the queries are bounded whatever the
number of agenda items.
"""
from __future__ import annotations

import datetime as dt
import uuid

from icalendar import Calendar, Event
from peewee import JOIN, fn

from vh import access, audit
from vh.db import db
from vh.dossier.gevoelig import gevoelig_per
from vh.keuzes import Fase
from vh.models import (
    Agendapunt,
    Besluit,
    Dossier,
    Gemeente,
    Organisatie,
    Overleg,
    OverlegDeelnemer,
    Team,
    TeamArrondissement,
    User,
    UserTeam,
)
from vh.tijd import dag_van, lokaal, naar_utc, utcnow, vandaag

DUUR = dt.timedelta(hours=2)
NOG_KOMEND = dt.timedelta(hours=12)  # a meeting of this morning still counts as coming today


class OverlegError(Exception):
    """A refused change of an overleg; str(error) is the Dutch message for the user."""


AFGESLOTEN = "Dit overleg is afgesloten."
NOG_NIET = "Dit overleg heeft nog niet plaatsgevonden."


def heeft_plaatsgevonden(o: Overleg) -> bool:
    """Held, for what it records: its day (in Brussels) has come. On the day itself the
    coordinator records the meeting as it goes."""
    return dag_van(o.datum) <= vandaag()


def waarom_dicht(o: Overleg, *, gehouden: bool = False) -> str | None:
    """Why this overleg takes nothing new now: closed, or (with `gehouden`: for what records the
    meeting as held, a bespreking or a decision) still to come. None when it is open."""
    if o.afgesloten:
        return AFGESLOTEN
    if gehouden and not heeft_plaatsgevonden(o):
        return NOG_NIET
    return None


def controleer_open(o: Overleg, *, gehouden: bool = False) -> None:
    """Raise OverlegError with the Dutch reason when `waarom_dicht` gives one."""
    reden = waarom_dicht(o, gehouden=gehouden)
    if reden:
        raise OverlegError(reden)


# ---------------------------------------------------------------- who takes part
def _van_regio(team_ids):
    """SQL condition on User (joined with Organisatie): belongs to the region of these teams.

    A kernpartner belongs to a team's region when their organisation works in one of the team's
    arrondissements: its own `arrondissement`, or the arrondissement of its police zone
    (`politiezone_nr` → Gemeente), or when they are linked to the team (UserTeam) — for
    province-wide organisations without an arrondissement of their own."""
    regio = TeamArrondissement.select(TeamArrondissement.arrondissement).where(
        TeamArrondissement.team.in_(team_ids))
    zones = Gemeente.select(Gemeente.politiezone_nr).where(Gemeente.arrondissement.in_(regio))
    gekoppeld = UserTeam.select(UserTeam.user).where(UserTeam.team.in_(team_ids))
    return (Organisatie.arrondissement.in_(regio) | Organisatie.politiezone_nr.in_(zones)
            | User.id.in_(gekoppeld))


def kernpartners(teams) -> list[User]:
    """The kernpartners of the region of `teams` (Team instances or ids) with their
    organisation, by name: the choices of the overleg form. One query."""
    team_ids = [getattr(t, "id", t) for t in teams]
    if not team_ids:
        return []
    return list(User.with_role("kernpartner").select(User, Organisatie)
                .join(Organisatie, JOIN.LEFT_OUTER).where(_van_regio(team_ids)).order_by(User.naam))


def keuzes(user) -> dict:
    """The choices of the overleg form for `user`: their teams and those teams' kernpartners."""
    teams = list(access.teams_coordinated_by(user))
    return dict(teams=[(t.id, t.naam) for t in teams],
                kernpartners=[(u.id, f"{u.naam} ({u.organisatie.naam})" if u.organisatie_id else u.naam)
                              for u in kernpartners(teams)])


def deelnemers(o: Overleg) -> list[User]:
    return list(User.select(User, Organisatie).join(OverlegDeelnemer)
                .switch(User).join(Organisatie, JOIN.LEFT_OUTER)
                .where(OverlegDeelnemer.overleg == o.id).order_by(User.naam))


def deelnemers_tekst(o: Overleg) -> str:
    """Who takes part, as text at this moment (kept with each bijdrage)."""
    parts = []
    if o.voorzitter_id:
        v = o.voorzitter
        parts.append(f"{v.naam} ({v.organisatie.naam if v.organisatie_id else 'Veilig Huis'}, voorzitter)")
    for u in deelnemers(o):
        if u.id != o.voorzitter_id:
            parts.append(f"{u.naam} ({u.organisatie.naam if u.organisatie_id else '-'})")
    return "; ".join(parts)


# ---------------------------------------------------------------- the list, plan and change
def overzicht(user) -> dict:
    """The meetings `user` may see, coming (soonest first) and past, with their number of items."""
    overleggen = list(access.overleggen_visible_to(user).select(Overleg, Team).join(Team)
                      .order_by(Overleg.datum.desc()))
    ids = [o.id for o in overleggen]
    punten = dict(Agendapunt.select(Agendapunt.overleg, fn.COUNT(Agendapunt.id))
                  .where(Agendapunt.overleg.in_(ids)).group_by(Agendapunt.overleg).tuples()) if ids else {}
    grens = utcnow() - NOG_KOMEND

    def komt(o: Overleg) -> bool:
        return o.datum >= grens and not o.afgesloten

    return dict(komend=[o for o in overleggen if komt(o)][::-1],
                voorbij=[o for o in overleggen if not komt(o)], punten=punten)


def opslaan(user, *, team_id: int, datum: dt.date, tijd: dt.time, plaats: str, deelnemers: list[int],
            overleg: Overleg | None = None) -> Overleg:
    """Plan a new overleg chaired by `user` (overleg None) or change `overleg`; `datum` and `tijd`
    are Brussels wall-clock time. The participants become exactly `deelnemers` (user ids)."""
    waarden = dict(team=team_id, datum=naar_utc(datum, tijd), plaats=plaats.strip())
    toegelaten = {u.id for u in kernpartners([team_id])}
    if not set(deelnemers) <= toegelaten:
        raise OverlegError("Kies alleen kernpartners uit de regio van het team van dit overleg.")
    with db.atomic():
        if overleg is None:
            overleg = Overleg.create(voorzitter=user, **waarden)
            oud = {}
            audit.record("overleg.create", overleg, user=user,
                         details={"team": overleg.team_id, "datum": overleg.datum})
        else:
            oud = dict(team=overleg.team_id, datum=overleg.datum, plaats=overleg.plaats)
            for k, v in waarden.items():
                setattr(overleg, k, v)
            overleg.save()
        bestaand = {d.user_id for d in OverlegDeelnemer.select().where(OverlegDeelnemer.overleg == overleg.id)}
        nieuw = set(deelnemers)
        OverlegDeelnemer.delete().where((OverlegDeelnemer.overleg == overleg.id)
                                        & OverlegDeelnemer.user.not_in(list(nieuw))).execute()
        for uid in sorted(nieuw - bestaand):
            OverlegDeelnemer.create(overleg=overleg, user=uid)
        audit.record_change("overleg.edit", overleg, dict(oud, deelnemers=sorted(bestaand)),
                            dict(team=overleg.team_id, datum=overleg.datum, plaats=overleg.plaats,
                                 deelnemers=sorted(nieuw)), user=user)
    return overleg


def formulier_waarden(o: Overleg) -> dict:
    """The stored overleg as the form shows it (Brussels time)."""
    local = lokaal(o.datum)
    return dict(datum=local.date(), tijd=local.time(), plaats=o.plaats, team=str(o.team_id),
                deelnemers=[str(d.user_id) for d in o.deelnemers])


# ---------------------------------------------------------------- the agenda
def agenda(o: Overleg) -> list[Agendapunt]:
    """The items in order, each with its dossier and the dossier's team (one query)."""
    return list(Agendapunt.select(Agendapunt, Dossier, Team).join(Dossier).join(Team)
                .where(Agendapunt.overleg == o.id).order_by(Agendapunt.volgorde, Agendapunt.id))


def zichtbaar(user, dossier_ids) -> set[int]:
    """Which of these dossiers the user may see: one query, whatever the number."""
    if not dossier_ids:
        return set()
    return {d.id for d in access.dossiers_visible_to(user).select(Dossier.id)
            .where(Dossier.id.in_(list(dossier_ids)))}


def agenda_opbouwen(o: Overleg, user) -> list[Dossier]:
    """Add every dossier of the team in "te bespreken" that `user` sees and that is not on the
    agenda yet (acute first, then longest waiting); returns those added. Refused (OverlegError)
    once the overleg is closed."""
    controleer_open(o)
    al = Agendapunt.select(Agendapunt.dossier).where(Agendapunt.overleg == o.id)
    nieuwe = list(access.dossiers_visible_to(user)
                  .where((Dossier.team == o.team_id) & (Dossier.fase == Fase.TE_BESPREKEN)
                         & Dossier.id.not_in(al))
                  .order_by(Dossier.acuut.desc(), Dossier.fase_sinds, Dossier.id))
    with db.atomic():
        laatste = (Agendapunt.select(fn.MAX(Agendapunt.volgorde)).where(Agendapunt.overleg == o.id).scalar() or 0)
        for i, d in enumerate(nieuwe, start=1):
            Agendapunt.create(overleg=o, dossier=d, volgorde=laatste + i)
        if nieuwe:
            audit.record("overleg.agenda", o, user=user, details={"toegevoegd": [d.id for d in nieuwe]})
    return nieuwe


def agendapunt(o: Overleg, punt_id) -> Agendapunt | None:
    """The agenda item `punt_id` of this overleg, or None."""
    return Agendapunt.get_or_none((Agendapunt.id == punt_id) & (Agendapunt.overleg == o.id))


def punt_verwijderen(punt: Agendapunt, user) -> None:
    """Take an item off the agenda; refused (OverlegError) once it was discussed."""
    controleer_open(punt.overleg)
    if punt.besproken:
        raise OverlegError("Dit dossier is al besproken in dit overleg; het blijft op de agenda.")
    with db.atomic():
        audit.record("overleg.agenda_verwijderd", punt.overleg, user=user, dossier_id=punt.dossier_id,
                     details={"dossier": punt.dossier_id})
        punt.delete_instance()


RICHTINGEN = ("omhoog", "omlaag")


def verplaats(punt: Agendapunt, richting: str, user) -> bool:
    """Swap the item with its neighbour above ("omhoog") or below ("omlaag"); False when it is
    already first or last. The agenda is renumbered 1..n, so equal or missing numbers cannot
    make a swap a no-op. Refused (OverlegError) once the overleg is closed."""
    o = punt.overleg
    controleer_open(o)
    punten = agenda(o)
    i = next(k for k, p in enumerate(punten) if p.id == punt.id)
    j = i - 1 if richting == "omhoog" else i + 1
    if richting not in RICHTINGEN or not 0 <= j < len(punten):
        return False
    oud = [p.dossier_id for p in punten]
    punten[i], punten[j] = punten[j], punten[i]
    with db.atomic():
        for volgorde, p in enumerate(punten, start=1):
            if p.volgorde != volgorde:
                Agendapunt.update(volgorde=volgorde).where(Agendapunt.id == p.id).execute()
        audit.record_change("overleg.agenda_volgorde", o, {"volgorde": oud},
                            {"volgorde": [p.dossier_id for p in punten]}, user=user)
    return True


def afsluiten(o: Overleg, user) -> Overleg:
    """Close a meeting that took place: from then on it takes no agenda items, besprekingen,
    bijdragen or decisions. Refused (OverlegError) before its day or when already closed."""
    controleer_open(o, gehouden=True)
    with db.atomic():
        o.afgesloten = True
        o.save(only=[Overleg.afgesloten])
        audit.record_change("overleg.afsluiten", o, {"afgesloten": False}, {"afgesloten": True}, user=user)
    return o


# ---------------------------------------------------------------- invitation and minutes
def uitnodiging(o: Overleg) -> bytes:
    """The invitation as iCalendar: time and place only, never dossier information or names."""
    cal = Calendar()
    cal.add("prodid", "-//Veilig Huis//Triage-overleg//NL")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", f"overleg-{o.id}-{uuid.uuid5(uuid.NAMESPACE_URL, str(o.id)).hex[:12]}@veilighuis")
    event.add("dtstamp", dt.datetime.now(dt.timezone.utc))
    start = lokaal(o.datum)
    event.add("dtstart", start)
    event.add("dtend", start + DUUR)
    event.add("summary", "Triage-overleg Veilig Huis")
    if o.plaats:
        event.add("location", o.plaats)
    event.add("description", "Casusoverleg art. 458ter Sw. De agenda staat in het dossiersysteem.")
    cal.add_component(event)
    cal.add_missing_timezones()  # a VTIMEZONE for Europe/Brussels, for calendar clients that need it
    return cal.to_ical()


def verslag(o: Overleg, user) -> dict:
    """The minutes as `user` may read them: per item only the dossiers they may still see, with
    the decision taken in this overleg (bounded queries)."""
    punten = agenda(o)
    getoond_ids = zichtbaar(user, {p.dossier_id for p in punten})
    besluiten = {}
    if getoond_ids:
        for b in (Besluit.select().where((Besluit.overleg == o.id) & Besluit.dossier.in_(list(getoond_ids)))
                  .order_by(Besluit.beslist_op, Besluit.id)):
            besluiten[b.dossier_id] = b
    getoond = [p for p in punten if p.dossier_id in getoond_ids]
    dossiers = [p.dossier for p in getoond]
    # Without the parket's akkoord the notes and the motivation stay with the coordinator.
    identificerend = access.identificerend(user, dossiers)
    return dict(punten=getoond, verborgen=len(punten) - len(getoond), besluiten=besluiten,
                dossier_ids=sorted(getoond_ids), deelnemers=deelnemers(o), identificerend=identificerend,
                gevoelig=gevoelig_per(dossiers, identificerend))
