"""The logboek of a dossier: contacts and events (date, kind, with whom, a short text).

A correction is a new row pointing to the one it corrects (`vorige`), which stays, no longer
`actueel`, and is shown under the entry. Two people correcting the same entry at once cannot
both win: the old version is retired only WHERE it is still actueel (a conditional UPDATE); the
loser gets LogboekConflict with the version that won."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vh import audit
from vh.db import db
from vh.keuzes import LogboekSoort
from vh.models import Dossier, Logboek, User
from vh.tijd import vandaag

PER_PAGINA = 20
TEKST_MAX = 2000
MET_WIE_MAX = 200


class LogboekFout(Exception):
    """A refused entry; `veld` is the form field the Dutch message belongs beside."""

    def __init__(self, veld: str, message: str):
        super().__init__(message)
        self.veld = veld


class LogboekConflict(Exception):
    """The entry was corrected by someone else meanwhile; `actueel` is the version that won."""

    def __init__(self, actueel: Logboek | None):
        super().__init__("Iemand anders heeft dit logboekitem intussen verbeterd. Hieronder staat de "
                         "nieuwe versie; verbeter die als uw verbetering nog nodig is.")
        self.actueel = actueel


@dataclass
class Item:
    entry: Logboek
    eerder: list[Logboek]  # earlier versions, newest first


def _check(datum: dt.date | None, soort: str, met_wie: str, tekst: str) -> dict:
    if datum is None:
        raise LogboekFout("datum", "Vul de datum in, bijvoorbeeld 14 3 2026.")
    if datum > vandaag():
        raise LogboekFout("datum", "De datum mag niet in de toekomst liggen.")
    if soort not in LogboekSoort.labels():
        raise LogboekFout("soort", "Kies wat voor contact het was.")
    met_wie, tekst = (met_wie or "").strip(), (tekst or "").strip()
    if len(met_wie) > MET_WIE_MAX:
        raise LogboekFout("met_wie", f"Gebruik hoogstens {MET_WIE_MAX} tekens voor met wie.")
    if not tekst:
        raise LogboekFout("tekst", "Schrijf kort wat er gebeurde of besproken werd.")
    if len(tekst) > TEKST_MAX:
        raise LogboekFout("tekst", f"De tekst is te lang: gebruik hoogstens {TEKST_MAX} tekens.")
    return dict(datum=datum, soort=soort, met_wie=met_wie, tekst=tekst)


def _snapshot(entry: Logboek) -> dict:
    return dict(id=entry.id, datum=entry.datum, soort=entry.soort, met_wie=entry.met_wie, tekst=entry.tekst)


def schrijf(dossier: Dossier, user, *, datum, soort, met_wie="", tekst="") -> Logboek:
    """Add an entry (LogboekFout when a field is wrong)."""
    velden = _check(datum, soort, met_wie, tekst)
    with db.atomic():
        entry = Logboek.create(dossier=dossier, auteur=user, **velden)
        audit.record_change("logboek.schrijven", entry, {}, _snapshot(entry), user=user)
    return entry


def corrigeer(vorige: Logboek, user, *, datum, soort, met_wie="", tekst="") -> Logboek:
    """Correct `vorige` with a new version (LogboekFout when a field is wrong, LogboekConflict
    when `vorige` is no longer the current version)."""
    velden = _check(datum, soort, met_wie, tekst)
    with db.atomic():
        n = (Logboek.update(actueel=False)
             .where((Logboek.id == vorige.id) & Logboek.actueel).execute())
        if not n:
            raise LogboekConflict(actueel_van(vorige))
        entry = Logboek.create(dossier=vorige.dossier_id, auteur=user, vorige=vorige.id, **velden)
        audit.record_change("logboek.corrigeren", entry, _snapshot(vorige), _snapshot(entry), user=user)
    return entry


def actueel_van(entry: Logboek) -> Logboek | None:
    """The current version of the chain `entry` belongs to (it may be `entry` itself)."""
    rijen = {r.id: r for r in Logboek.select().where(Logboek.dossier == entry.dossier_id)
             .where((Logboek.id >= entry.id))}
    volgende = {r.vorige_id: r for r in rijen.values() if r.vorige_id}
    huidig = rijen.get(entry.id, entry)
    while huidig.id in volgende:
        huidig = volgende[huidig.id]
    return huidig if huidig.actueel else None


def entry_van(dossier: Dossier, entry_id) -> Logboek | None:
    """Entry `entry_id` of `dossier` (any version), or None."""
    return Logboek.get_or_none((Logboek.id == entry_id) & (Logboek.dossier == dossier.id))


def pagina(dossier: Dossier, nummer: int = 1) -> tuple[list[Item], bool]:
    """The current entries, newest first, one page; with each its earlier versions. In two
    queries: the page (with the authors), then the earlier versions of this dossier."""
    rijen = list(Logboek.select(Logboek, User).join(User, on=(Logboek.auteur == User.id))
                 .where((Logboek.dossier == dossier.id) & Logboek.actueel)
                 .order_by(Logboek.datum.desc(), Logboek.id.desc())
                 .offset((nummer - 1) * PER_PAGINA).limit(PER_PAGINA + 1))
    meer = len(rijen) > PER_PAGINA
    rijen = rijen[:PER_PAGINA]
    eerder: dict[int, Logboek] = {}
    if any(r.vorige_id for r in rijen):
        eerder = {r.id: r for r in Logboek.select(Logboek, User).join(User, on=(Logboek.auteur == User.id))
                  .where((Logboek.dossier == dossier.id) & ~Logboek.actueel)}
    items = []
    for r in rijen:
        keten, vorige = [], r.vorige_id
        while vorige in eerder:
            keten.append(eerder[vorige])
            vorige = eerder[vorige].vorige_id
        items.append(Item(r, keten))
    return items, meer
