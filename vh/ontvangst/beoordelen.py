"""The coordinator's rules for a submitted referral: the inbox, "already known?", and the three
decisions (not admissible, join a known dossier, open a new one). Every change is one
transaction with its audit events; the screens and the demo call these, never each other."""
from __future__ import annotations

from peewee import JOIN

from vh import access, audit, meldingen
from vh.aanmelding import indienen
from vh.db import db
from vh.keuzes import AanmeldingStatus, BesluitUitkomst, Fase
from vh.models import (
    Aanmelding,
    Besluit,
    Dossier,
    Nummering,
    Organisatie,
    Overgang,
    Persoon,
    Team,
    join_list,
    utcnow,
)
from vh.parket.parketcheck import parket_zonder_account, vraag_aan

MAX_LIJST = 200
MAX_GEZOCHT = 20  # dossiers shown for a name search: enough to choose, too few to browse


class AlBehandeld(Exception):
    """Another coordinator decided on this referral first."""


# ---------------------------------------------------------------- what the coordinator sees
def inbox(user, limiet: int = MAX_LIJST) -> tuple[list[Aanmelding], bool]:
    """The submitted referrals `user` receives, oldest first, with organisation and team
    loaded; at most `limiet`, and whether there are more."""
    query = (access.aanmeldingen_received_by(user)
             .select(Aanmelding, Organisatie, Team)
             .join(Organisatie, JOIN.LEFT_OUTER, on=(Aanmelding.organisatie == Organisatie.id))
             .switch(Aanmelding)
             .join(Team, JOIN.LEFT_OUTER, on=(Aanmelding.team == Team.id))
             .where(Aanmelding.status == AanmeldingStatus.INGEDIEND)
             .order_by(Aanmelding.ingediend_op, Aanmelding.id)
             .limit(limiet + 1))
    aanmeldingen = list(query)
    return aanmeldingen[:limiet], len(aanmeldingen) > limiet


def mogelijk_gekend(aanmeldingen, team_ids) -> set[int]:
    """Which referrals have a person already known in an open or recent dossier of their team
    (or, without a team, of one of `team_ids`): `indienen.gekend` for a whole list, two queries."""
    by_id = {a.id: a for a in aanmeldingen}
    if not by_id:
        return set()
    personen = list(Persoon.select(Persoon.id, Persoon.aanmelding, Persoon.voornaam, Persoon.achternaam,
                                   Persoon.geboortedatum)
                    .where(Persoon.aanmelding.in_(list(by_id)) & Persoon.geboortedatum.is_null(False)))
    matches = indienen.gekend(personen, team_ids)
    return {p.aanmelding_id for p in personen for t in matches.get(p.id, [])
            if by_id[p.aanmelding_id].team_id in (None, t.persoon.dossier.team_id)}


def _teams_voor(a: Aanmelding, user) -> list[int]:
    """The teams whose dossiers `a` may join: its own, or without one, those `user` coordinates."""
    return [a.team_id] if a.team_id else [t.id for t in access.teams_coordinated_by(user)]


def koppelbaar(a: Aanmelding, user, dossier_id) -> Dossier | None:
    """The dossier `a` may be joined to by hand (found by a name search): open, of the
    referral's team, and one `user` may edit; else None (a foreign or tampered id)."""
    ident = access.parse_id(dossier_id)
    d = Dossier.get_or_none(Dossier.id == ident) if ident else None
    if (d is None or d.fase == Fase.AFGESLOTEN or d.geanonimiseerd_op is not None
            or d.team_id not in _teams_voor(a, user) or not access.can(user, "dossier.edit", d)):
        return None
    return d


def zoek_op_naam(a: Aanmelding, user, naam: str, geboortedatum=None) -> tuple[list, bool]:
    """The coordinator's own search to link `a` by hand: open or recent dossiers of the
    referral's team with a person whose name looks like `naam` (indienen.naam_treffers), born on
    `geboortedatum` if given. Returns ([(dossier, [persons])], more than MAX_GEZOCHT?), the
    dossier with most persons found first. Two queries (the candidates as plain rows: born that
    day, else the team's current dossiers; then the dossiers shown); audited with counts and
    dossier ids, never the typed name."""
    query = (Persoon.select(Persoon.id, Persoon.voornaam, Persoon.achternaam, Persoon.geboortedatum,
                            Persoon.dossier)
             .join(Dossier).where(indienen.actueel() & Dossier.team.in_(_teams_voor(a, user))))
    if geboortedatum is not None:
        query = query.where(Persoon.geboortedatum == geboortedatum)
    rijen = list(query.order_by(Persoon.id).tuples())
    per_dossier: dict[int, list[Persoon]] = {}
    for i in sorted(indienen.naam_treffers(naam, [(r[1], r[2]) for r in rijen])):
        pid, voornaam, achternaam, geboren, dossier_id = rijen[i]
        per_dossier.setdefault(dossier_id, []).append(
            Persoon(id=pid, voornaam=voornaam, achternaam=achternaam, geboortedatum=geboren, dossier=dossier_id))
    volgorde = sorted(per_dossier, key=lambda d: (-len(per_dossier[d]), d))[:MAX_GEZOCHT]
    dossiers = {d.id: d for d in Dossier.select().where(Dossier.id.in_(volgorde))} if volgorde else {}
    result = [(dossiers[d], per_dossier[d]) for d in volgorde]
    audit.record("aanmelding.naam_zoeken", a, user=user, details={
        "met_geboortedatum": geboortedatum is not None, "dossiers": len(per_dossier),
        "dossier_ids": volgorde})
    return result, len(per_dossier) > MAX_GEZOCHT


def beoordeling(a: Aanmelding, user, gekozen=None) -> dict:
    """What the coordinator needs to decide on `a`: its persons (with municipality), the known
    dossiers `user` may edit with the matching persons, those it may join (not closed; plus
    `gekozen`, a dossier id picked from a name search, if `koppelbaar`), and the teams to choose
    from when the referral has none (None when it has a team)."""
    bekend = [(d, paren) for d, paren in indienen.bekende_dossiers(a)
              if access.can(user, "dossier.edit", d)]
    joinable = [d for d, _ in bekend if d.fase != Fase.AFGESLOTEN]
    if gekozen and all(str(d.id) != gekozen for d in joinable) and (d := koppelbaar(a, user, gekozen)):
        joinable.append(d)
    team = a.team if a.team_id else None
    return dict(personen=list(Persoon.van(aanmelding=a)), bekend=bekend, joinable=joinable,
                # outside Vlaams-Brabant: the coordinator chooses one of their teams
                teams=None if a.team_id else list(access.teams_coordinated_by(user)),
                team=team, andere_teams=andere_teams(a),
                parket_waarschuwing=(parket_zonder_account(team)
                                     if team is not None and not team.parket_pauze else None))


def andere_teams(a: Aanmelding) -> list[Team]:
    """The teams a referral can be handed to: every team but its own, by name."""
    query = Team.select().order_by(Team.naam)
    return list(query.where(Team.id != a.team_id) if a.team_id else query)


# ---------------------------------------------------------------- the decisions
def _snapshot(a: Aanmelding) -> dict:
    return {"status": a.status, "dossier": a.dossier_id, "team": a.team_id,
            "behandeld_op": a.behandeld_op, "behandeld_door": a.behandeld_door_id,
            "reden_niet_ontvankelijk": a.reden_niet_ontvankelijk}


def _neem(a: Aanmelding, user, status: str, **velden) -> None:
    """Set the outcome only if nobody did it first (a conditional UPDATE, safe for two tabs)."""
    now = utcnow()
    values = dict(status=status, behandeld_op=now, behandeld_door=user.id, gewijzigd_op=now, **velden)
    n = (Aanmelding.update(**values)
         .where((Aanmelding.id == a.id) & (Aanmelding.status == AanmeldingStatus.INGEDIEND)).execute())
    if n != 1:
        raise AlBehandeld()
    for name, value in values.items():
        setattr(a, name, value)


def overdragen(a: Aanmelding, team: Team, user) -> Aanmelding:
    """Hand a submitted referral to another team (e.g. an address outside Vlaams-Brabant, or the
    family moved): that team's coordinators now receive it, this team's no longer do. Refused
    with AlBehandeld when it was decided (or handed over) meanwhile; ValueError for its own team."""
    if team.id == a.team_id:
        raise ValueError("de aanmelding hoort al bij dit team")
    old = {"team": a.team_id}
    with db.atomic():
        n = (Aanmelding.update(team=team.id, gewijzigd_op=utcnow())
             .where((Aanmelding.id == a.id) & (Aanmelding.status == AanmeldingStatus.INGEDIEND)
                    & (Aanmelding.team.is_null() if a.team_id is None else Aanmelding.team == a.team_id))
             .execute())
        if n != 1:
            raise AlBehandeld()
        a.team = team
        audit.record_change("aanmelding.overdragen", a, old, {"team": team.id}, user=user)
        meldingen.nieuwe_aanmelding(a)
    return a


def niet_ontvankelijk(a: Aanmelding, user, reden: str) -> Besluit:
    """Not admissible: the referral is closed with a Besluit; the referrer gets an advice letter."""
    old = _snapshot(a)
    with db.atomic():
        _neem(a, user, AanmeldingStatus.NIET_ONTVANKELIJK, reden_niet_ontvankelijk=reden.strip())
        besluit = Besluit.create(aanmelding=a, uitkomst=BesluitUitkomst.NIET_ONTVANKELIJK,
                                 motivering=reden.strip(), beslist_door=user)
        audit.record_change("aanmelding.niet_ontvankelijk", a, old, _snapshot(a), user=user)
        audit.record("besluit.create", besluit, user=user,
                     details={"uitkomst": BesluitUitkomst.NIET_ONTVANKELIJK, "aanmelding_id": a.id})
    return besluit


def bij_dossier(a: Aanmelding, dossier: Dossier, user) -> Dossier:
    """Join an existing dossier: its phase stays; persons not yet in it are added."""
    old = _snapshot(a)
    with db.atomic():
        _neem(a, user, AanmeldingStatus.ONTVANKELIJK, dossier=dossier.id)
        bekend = {indienen.sleutel(p) for p in Persoon.select().where(Persoon.dossier == dossier.id)}
        nieuw = [p.id for p in a.personen
                 if not (p.geboortedatum and indienen.sleutel(p) in bekend) and p.dossier_id is None]
        if nieuw:
            Persoon.update(dossier=dossier.id).where(Persoon.id.in_(nieuw)).execute()
        vormen = join_list(dict.fromkeys(dossier.vormen + a.vormen))
        if vormen != dossier.ifg_vormen:
            oud = dossier.ifg_vormen
            dossier.ifg_vormen = vormen
            dossier.save(only=[Dossier.ifg_vormen])
            audit.record_change("dossier.edit", dossier, {"ifg_vormen": oud}, {"ifg_vormen": vormen}, user=user)
        audit.record_change("aanmelding.ontvankelijk", a, old, _snapshot(a), user=user)
        audit.record("dossier.aanmelding_toegevoegd", dossier, user=user,
                     details={"aanmelding_id": a.id, "personen_toegevoegd": len(nieuw)})
    return dossier


def nieuw_dossier(a: Aanmelding, user, team: Team) -> Dossier:
    """Open a new dossier for the referral and, unless the team's parket is paused, ask the parket."""
    old = _snapshot(a)
    with db.atomic():
        _neem(a, user, AanmeldingStatus.ONTVANKELIJK, **({"team": team.id} if a.team_id is None else {}))
        dossier = Dossier.create(nummer=Nummering.volgende("dossier", "D"), team=team,
                                 ifg_vormen=a.ifg_vormen, pilootzone=a.pilootzone,
                                 buiten_vlaams_brabant=a.buiten_vlaams_brabant, aangemaakt_door=user)
        Aanmelding.update(dossier=dossier.id).where(Aanmelding.id == a.id).execute()
        a.dossier = dossier
        Persoon.update(dossier=dossier.id).where(Persoon.aanmelding == a.id).execute()
        Overgang.create(dossier=dossier, van=None, naar=Fase.NIEUW, actie="openen", door=user,
                        op=dossier.aangemaakt_op)
        audit.record("dossier.create", dossier, user=user,
                     details={"aanmelding_id": a.id, "team_id": team.id})
        audit.record_change("aanmelding.ontvankelijk", a, old, _snapshot(a), user=user)
        if not team.parket_pauze:
            vraag_aan(dossier, user)
    return dossier
