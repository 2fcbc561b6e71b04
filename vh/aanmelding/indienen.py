"""Submitting a referral: its number, the team that serves the family, the pilot-zone flag,
and the "already known?" suggestion for the coordinator (never shown to the referrer)."""
from __future__ import annotations

import datetime as dt

from vh import audit
from vh.aanmelding import politie
from vh.db import db
from vh.models import Aanmelding, Dossier, Gemeente, Nummering, Persoon, Team, utcnow

RECENT_AFGESLOTEN_DAGEN = 365  # a dossier closed less than a year ago still counts as "known"


def routering(gemeente: Gemeente | None, teams: dict[str, int] | None = None) -> dict:
    """Where a family's referral goes, from its municipality: the team of its arrondissement,
    whether it lives in a pilot zone, and the outside-Vlaams-Brabant mark. Without a municipality
    there is no team: any coordinator sees it in the inbox and chooses the team.

    `teams` maps arrondissement → team id, preloaded by a bulk import; else it is looked up."""
    team_id = None
    if gemeente is not None:
        if teams is None:
            team = Team.for_arrondissement(gemeente.arrondissement)
            team_id = team.id if team else None
        else:
            team_id = teams.get(gemeente.arrondissement)
    return {"team": team_id, "pilootzone": bool(gemeente and gemeente.pilootzone),
            "buiten_vlaams_brabant": gemeente is None}


def team_voor(gemeente: Gemeente | None) -> Team | None:
    """The team that will receive a referral of a family living in `gemeente` (the check page)."""
    team_id = routering(gemeente)["team"]
    return Team.get_by_id(team_id) if team_id else None


def route(aanmelding: Aanmelding) -> None:
    """Set team, pilot zone and the outside-Vlaams-Brabant mark from the persons' addresses
    (the family's municipality: Persoon.woonplaats_uit)."""
    for veld, waarde in routering(aanmelding.woonplaats()).items():
        setattr(aanmelding, veld, waarde)


def submit(aanmelding: Aanmelding, user) -> Aanmelding:
    """Turn a draft into a submitted referral (status 'ingediend'), numbered and routed."""
    with db.atomic():
        route(aanmelding)
        aanmelding.nummer = aanmelding.nummer or Nummering.volgende("aanmelding", "VH")
        aanmelding.status = "ingediend"
        aanmelding.ingediend_op = aanmelding.gewijzigd_op = utcnow()
        aanmelding.save()
        politie.registreer_pv_nummers(aanmelding)  # so that a later import or short form knows them
        audit.record("aanmelding.submit", aanmelding, user=user,
                     details={"bron": aanmelding.bron, "team_id": aanmelding.team_id})
    return aanmelding


def sleutel(p: Persoon) -> tuple[frozenset, dt.date | None]:
    """Who a person is for "already known": the name as an unordered pair of normalised parts
    (so a swapped first and last name still match) and the birth date."""
    return frozenset(p.naam_norm.split(" ")), p.geboortedatum


def gekend(personen, team_ids=None) -> dict[int, list[Persoon]]:
    """The one "already known" rule: for each person (by id) with a birth date, the persons of
    open or recently closed dossiers with the same `sleutel`, in `team_ids` (None: every team).
    Each match carries its dossier. One query, whatever the number of persons."""
    personen = [p for p in personen if p.geboortedatum]
    if not personen:
        return {}
    recent = utcnow() - dt.timedelta(days=RECENT_AFGESLOTEN_DAGEN)
    kandidaten = (Persoon.select(Persoon, Dossier).join(Dossier)
                  .where(Persoon.geboortedatum.in_(list({p.geboortedatum for p in personen}))
                         & (Dossier.afgesloten_op.is_null() | (Dossier.afgesloten_op >= recent))
                         & Dossier.geanonimiseerd_op.is_null()))
    if team_ids is not None:
        kandidaten = kandidaten.where(Dossier.team.in_(list(team_ids)))
    per_sleutel: dict[tuple, list[Persoon]] = {}
    for kandidaat in kandidaten:
        per_sleutel.setdefault(sleutel(kandidaat), []).append(kandidaat)
    return {p.id: per_sleutel[sleutel(p)] for p in personen if sleutel(p) in per_sleutel}


def bekende_dossiers(aanmelding: Aanmelding) -> list[tuple[Dossier, list[tuple[Persoon, Persoon]]]]:
    """Open or recently closed dossiers of the same team with a person of this referral, with
    the matching pairs, the dossier with most matches first."""
    personen = list(aanmelding.personen)
    matches = gekend(personen, [aanmelding.team_id] if aanmelding.team_id else None)
    found: dict[int, tuple[Dossier, list]] = {}
    for p in personen:
        for kandidaat in matches.get(p.id, []):
            found.setdefault(kandidaat.dossier.id, (kandidaat.dossier, []))[1].append((p, kandidaat))
    return sorted(found.values(), key=lambda e: -len(e[1]))
