"""Submitting a referral: its number, the team that serves the family, the pilot-zone flag,
and the "already known?" suggestion for the coordinator (never shown to the referrer)."""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from rapidfuzz import fuzz, process

from vh import audit, meldingen
from vh.aanmelding import politie
from vh.db import db
from vh.models import Aanmelding, Dossier, Gemeente, Nummering, Persoon, Team, utcnow
from vh.tekst import normaliseer_naam, zonder_accenten

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
        meldingen.aanmelding_ingediend(aanmelding)
    return aanmelding


def sleutel(p: Persoon) -> tuple[frozenset, dt.date | None]:
    """Who a person is when a referral joins a dossier: the name as an unordered pair of
    normalised parts (a swapped first and last name is the same person) and the birth date.
    Deliberately exact: a name that only looks alike (twins Jan and Jana) is another person."""
    return frozenset(p.naam_norm.split(" ")), p.geboortedatum


# Dutch surname particles: "Van den Broeck" is also written "Broeck", "Vandenbroeck", "Vanden Broeck".
DEELTJES = frozenset({"van", "de", "den", "der", "vander", "vanden", "vande", "ver", "te", "ten", "ter",
                      "het", "t", "d", "le", "la", "du"})
GELIJKENIS = 80  # rapidfuzz ratio (0-100) both names must reach: one letter off in a five-letter name


def _nl_woorden(naam: str) -> list[str]:
    """The words of a name, lower case, no accents, ij = y, ae = aa (Rijckaert/Ryckaert, Maes/Maas)."""
    return [w.replace("ij", "y").replace("ae", "aa")
            for w in re.split(r"[^0-9a-z]+", zonder_accenten(naam).lower()) if w]


def _nl(naam: str) -> tuple[str, str]:
    """A name glued in two forms, all its words and without particles:
    "Van den Bröeck" → ("vandenbroeck", "broeck")."""
    woorden = _nl_woorden(naam)
    kern = [w for w in woorden if w not in DEELTJES] or woorden
    return "".join(woorden), "".join(kern)


def _lijkt(a: str, b: str) -> float:
    return max(fuzz.ratio(x, y) for x, y in zip(_nl(a), _nl(b), strict=True))


def reden(p: Persoon, k: Persoon) -> str | None:
    """Why `k` (a person of a dossier) may be `p` (of a referral), in words for the coordinator,
    or None. Always the same birth date; then the same name, the names swapped, or a name that
    looks alike after Dutch normalisation (a typo, Maes/Maas, Rijckaert/Ryckaert, particles)."""
    if p.geboortedatum is None or p.geboortedatum != k.geboortedatum:
        return None
    pv, pa = normaliseer_naam(p.voornaam), normaliseer_naam(p.achternaam)
    kv, ka = normaliseer_naam(k.voornaam), normaliseer_naam(k.achternaam)
    if (pv, pa) == (kv, ka):
        return "zelfde naam en geboortedatum"
    if (pv, pa) == (ka, kv):
        return "zelfde geboortedatum, voor- en achternaam omgewisseld"
    recht = min(_lijkt(p.voornaam, k.voornaam), _lijkt(p.achternaam, k.achternaam))
    gewisseld = min(_lijkt(p.voornaam, k.achternaam), _lijkt(p.achternaam, k.voornaam))
    if max(recht, gewisseld) >= GELIJKENIS:
        return f"zelfde geboortedatum, naam lijkt op {k.naam}"
    return None


def _woorden(naam: str) -> set[str]:
    """Every form a name may be looked up by: each word, and the words glued with and without
    particles ("Van den Broeck" → van, den, broeck, vandenbroeck)."""
    return set(_nl_woorden(naam)) | set(_nl(naam))


def naam_treffers(getypt: str, namen: list[tuple[str, str]]) -> set[int]:
    """The coordinator's name search: the indexes of the (voornaam, achternaam) pairs in `namen`
    of which every word typed (particles aside) looks like a word of the name, e.g. "Clais" finds
    Peggy Claes, "vandenbroeck" finds Marie Van den Broeck. Each distinct word is normalised once
    and compared in rapidfuzz's C loop, so a team's whole caseload stays fast."""
    gezocht = [w for w in _nl_woorden(getypt) if w not in DEELTJES] or _nl_woorden(getypt)
    if not gezocht:
        return set()
    per_woord: dict[str, set[int]] = {}
    vormen: dict[str, set[str]] = {}
    for i, (voornaam, achternaam) in enumerate(namen):
        for deel in (voornaam, achternaam):
            if deel not in vormen:
                vormen[deel] = _woorden(deel)
            for woord in vormen[deel]:
                per_woord.setdefault(woord, set()).add(i)
    treffers: set[int] | None = None
    for w in gezocht:
        hier = set().union(*(per_woord[woord] for woord, _, _ in process.extract(
            w, list(per_woord), scorer=fuzz.ratio, score_cutoff=GELIJKENIS, limit=None)))
        treffers = hier if treffers is None else treffers & hier
    return treffers or set()


def actueel():
    """The dossiers "already known" looks in: open, or closed less than a year ago, and not
    anonymised (a condition on Dossier)."""
    recent = utcnow() - dt.timedelta(days=RECENT_AFGESLOTEN_DAGEN)
    return ((Dossier.afgesloten_op.is_null() | (Dossier.afgesloten_op >= recent))
            & Dossier.geanonimiseerd_op.is_null())


class Treffer(NamedTuple):
    """A person of an open or recent dossier who may be the one asked about, and why."""
    persoon: Persoon  # with its dossier loaded
    reden: str


def gekend(personen, team_ids=None) -> dict[int, list[Treffer]]:
    """The one "already known" rule: for each person (by id) with a birth date, the persons of
    open or recently closed dossiers in `team_ids` (None: every team) that `reden` finds alike.
    One query, whatever the number of persons: the candidates are those born the same day
    (persoon.geboortedatum is indexed), compared by name in Python."""
    personen = [p for p in personen if p.geboortedatum]
    if not personen:
        return {}
    kandidaten = (Persoon.select(Persoon, Dossier).join(Dossier)
                  .where(Persoon.geboortedatum.in_(list({p.geboortedatum for p in personen})) & actueel()))
    if team_ids is not None:
        kandidaten = kandidaten.where(Dossier.team.in_(list(team_ids)))
    per_dag: dict[dt.date, list[Persoon]] = {}
    for kandidaat in kandidaten:
        per_dag.setdefault(kandidaat.geboortedatum, []).append(kandidaat)
    result: dict[int, list[Treffer]] = {}
    for p in personen:
        treffers = [Treffer(k, r) for k in per_dag.get(p.geboortedatum, []) if (r := reden(p, k))]
        if treffers:
            result[p.id] = treffers
    return result


def bekende_dossiers(aanmelding: Aanmelding) -> list[tuple[Dossier, list[tuple[Persoon, Persoon, str]]]]:
    """Open or recently closed dossiers of the same team with a person of this referral, with
    the matches (referral's person, dossier's person, reason), the dossier with most matches first."""
    personen = list(aanmelding.personen)
    matches = gekend(personen, [aanmelding.team_id] if aanmelding.team_id else None)
    found: dict[int, tuple[Dossier, list]] = {}
    for p in personen:
        for kandidaat, waarom in matches.get(p.id, []):
            found.setdefault(kandidaat.dossier.id, (kandidaat.dossier, []))[1].append((p, kandidaat, waarom))
    return sorted(found.values(), key=lambda e: -len(e[1]))
