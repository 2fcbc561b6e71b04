"""Submitting a referral: its number, the team that serves the family, the pilot-zone flag,
and the "already known?" suggestion for the coordinator (never shown to the referrer)."""
from __future__ import annotations

import datetime as dt

from vh import audit
from vh.db import db
from vh.models import Aanmelding, Dossier, Gemeente, Nummering, Persoon, Team, utcnow

RECENT_AFGESLOTEN_DAGEN = 365  # a dossier closed less than a year ago still counts as "known"


def woonplaats(aanmelding: Aanmelding) -> Gemeente | None:
    """The municipality of the family: that of the first victim with a known municipality,
    else of anyone with one."""
    return woonplaats_uit(list(aanmelding.personen.order_by(Persoon.id)))


def woonplaats_uit(personen, gemeente_van=lambda p: p.gemeente if p.gemeente_id else None):
    """The rule of `woonplaats` on persons in memory (the bulk police import has no rows yet):
    the first victim with a municipality, else anyone with one."""
    from vh.models import SLACHTOFFER_ROLLEN
    for kandidaten in ([p for p in personen if p.rol in SLACHTOFFER_ROLLEN], personen):
        for p in kandidaten:
            gemeente = gemeente_van(p)
            if gemeente is not None:
                return gemeente
    return None


def route(aanmelding: Aanmelding) -> None:
    """Set team, pilot zone and the outside-Vlaams-Brabant mark from the persons' addresses."""
    gemeente = woonplaats(aanmelding)
    aanmelding.buiten_vlaams_brabant = gemeente is None
    aanmelding.pilootzone = bool(gemeente and gemeente.pilootzone)
    if gemeente is not None:
        aanmelding.team = Team.for_arrondissement(gemeente.arrondissement)
    # else: no team; any coordinator sees it in the inbox and chooses the team.


def submit(aanmelding: Aanmelding, user) -> Aanmelding:
    """Turn a draft into a submitted referral (status 'ingediend'), numbered and routed."""
    with db.atomic():
        route(aanmelding)
        aanmelding.nummer = aanmelding.nummer or Nummering.volgende("aanmelding", "VH")
        aanmelding.status = "ingediend"
        aanmelding.ingediend_op = aanmelding.gewijzigd_op = utcnow()
        aanmelding.save()
        audit.record("aanmelding.submit", aanmelding, user=user,
                     details={"bron": aanmelding.bron, "team_id": aanmelding.team_id})
    return aanmelding


def nummers(aantal: int) -> list[str]:
    """`aantal` consecutive referral numbers at once (bulk import), gapless like
    Nummering.volgende; call inside the transaction that uses them."""
    if aantal <= 0:
        return []
    jaar = utcnow().year
    with db.atomic():
        Nummering.insert(soort="aanmelding", jaar=jaar, laatste=0).on_conflict_ignore().execute()
        Nummering.update(laatste=Nummering.laatste + aantal).where(
            (Nummering.soort == "aanmelding") & (Nummering.jaar == jaar)).execute()
        laatste = Nummering.get((Nummering.soort == "aanmelding") & (Nummering.jaar == jaar)).laatste
    return [f"VH-{jaar}-{nr:04d}" for nr in range(laatste - aantal + 1, laatste + 1)]


def _key(p: Persoon) -> tuple[frozenset, dt.date | None]:
    """Name as an unordered pair of normalised parts, so a swapped first/last name still matches."""
    return frozenset(p.naam_norm.split(" ")), p.geboortedatum


def bekende_dossiers(aanmelding: Aanmelding) -> list[tuple[Dossier, list[tuple[Persoon, Persoon]]]]:
    """Open or recently closed dossiers of the same team with a person of this referral
    (same normalised name, either order, and the same birth date). Bounded queries."""
    personen = [p for p in aanmelding.personen if p.geboortedatum]
    if not personen:
        return []
    recent = utcnow() - dt.timedelta(days=RECENT_AFGESLOTEN_DAGEN)
    candidates = (Persoon.select(Persoon, Dossier).join(Dossier)
                  .where(Persoon.geboortedatum.in_({p.geboortedatum for p in personen})
                         & (Dossier.afgesloten_op.is_null() | (Dossier.afgesloten_op >= recent))
                         & Dossier.geanonimiseerd_op.is_null()))
    if aanmelding.team_id:
        candidates = candidates.where(Dossier.team == aanmelding.team_id)
    wanted = {}
    for p in personen:
        wanted.setdefault(_key(p), []).append(p)
    found: dict[int, tuple[Dossier, list]] = {}
    for kandidaat in candidates:
        for p in wanted.get(_key(kandidaat), []):
            entry = found.setdefault(kandidaat.dossier.id, (kandidaat.dossier, []))
            entry[1].append((p, kandidaat))
    return sorted(found.values(), key=lambda e: -len(e[1]))
