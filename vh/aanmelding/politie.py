"""Systematic police inflow: read a CSV of IFG interventions, check every row, and import the
valid interventions as submitted referrals in bulk (issue 3, items 8–10).

The file: UTF-8 (a BOM is accepted), comma-separated, one row per person; rows with the same PV
number form one intervention (KOLOMMEN below), at most MAX_RIJEN rows. Reading and checking
(`lees`, `ontleed`) are pure; `importeer` writes in short transactions of DEEL interventions, each
committed and audited on its own with a fixed number of queries, so that a large file neither
runs past the worker timeout nor holds the write lock that other users' pages need (issue 8,
item 10b; bench/bench_politie_import.py measures it).

Idempotent by PV number: a PV number already linked to a referral (table PvNummer, unique; also
filled by the regular and the short form) is reported as "al ingevoerd" and never imported
again, so a file whose import stopped halfway can simply be uploaded again. An intervention with
one bad row is not imported at all; every problem is reported with its line number, nothing is
dropped silently.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import time
from dataclasses import dataclass, field
from typing import NamedTuple

from peewee import AutoField, IntegrityError, chunked

from vh import audit, meldingen
from vh.aanmelding import indienen
from vh.db import db, is_sqlite
from vh.models import (
    CLIENT_ROLLEN,
    IFG_VORMEN,
    SLACHTOFFER_ROLLEN,
    Aanmelding,
    Nummering,
    Gemeente,
    Persoon,
    PolitieImport,
    PvNummer,
    TeamArrondissement,
    join_list,
    normaliseer_naam,
    utcnow,
)
from vh.tekst import sleutel
from vh.tijd import EERSTE_JAAR, lees_datum
from vh.tijd import vandaag as vandaag_in_brussel

KOLOMMEN = ["pv_nummer", "datum_feit", "vorm", "omschrijving", "rol", "voornaam", "achternaam",
            "geboortedatum", "postcode"]
BRON = "politie-instroom"
PV_PATROON = re.compile(r"^[A-Z0-9][A-Z0-9./-]{2,39}$")
PV_VOORBEELD = "LE.55.L1.012345/2026"
MAX_NAAM = 80
MAX_OMSCHRIJVING = 2000
DATUM_UITLEG = "schrijf ze als JJJJ-MM-DD, bijvoorbeeld 2026-03-14"  # the CSV
DATUM_UITLEG_FORMULIER = "vul dag, maand en jaar in, bijvoorbeeld 14 3 2026"
ISO_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")
# 40 000 rows of names like ours are about 3.5 MB, under the 5 MB upload limit, and import in a
# few seconds (bench/): well inside gunicorn's 30 s worker timeout.
MAX_RIJEN = 40_000
DEEL = 250  # interventions per transaction: a lock hold of a fraction of a second (bench/)
VORM_SCHEIDING = re.compile(r"[|;,]")  # one row may name several forms: "partnergeweld|belaging"
CSV_TYPES = {"", "text/csv", "text/plain", "application/csv", "application/vnd.ms-excel",
             "application/octet-stream", "text/comma-separated-values", "text/x-csv"}

VOORBEELD = [
    ["LE.55.L1.000001/2026", "2026-03-14", "partnergeweld|belaging", "Ruzie met slagen na scheiding",
     "slachtoffer", "Anna", "Voorbeeld", "1990-05-01", "3000"],
    ["LE.55.L1.000001/2026", "2026-03-14", "partnergeweld|belaging", "", "pleger", "Bert", "Voorbeeld",
     "1988-02-11", "3000"],
    ["LE.55.L1.000001/2026", "2026-03-14", "partnergeweld|belaging", "", "kind-getuige", "Cas",
     "Voorbeeld", "2017-09-23", "3000"],
]


class AlAangemeld(Exception):
    """This PV number is already linked to a referral: a PV reaches the Veilig Huis once."""


class BestandFout(ValueError):
    """The file as a whole cannot be read (not CSV, bad encoding, wrong header…); Dutch message."""


@dataclass
class Rij:
    regel: int
    pv: str
    datum_feit: dt.date | None
    vormen: list[str]  # stored values, in the order of IFG_VORMEN
    omschrijving: str
    rol: str
    voornaam: str
    achternaam: str
    geboortedatum: dt.date | None
    postcode: str


@dataclass
class Interventie:
    pv: str
    rijen: list[Rij] = field(default_factory=list)
    onleesbaar: list[int] = field(default_factory=list)  # lines of this PV with a wrong column count

    @property
    def regels(self) -> list[int]:
        return sorted([r.regel for r in self.rijen] + self.onleesbaar)

    @property
    def eerste(self) -> Rij:
        return self.rijen[0]

    @property
    def omschrijving(self) -> str:
        return next((r.omschrijving for r in self.rijen if r.omschrijving), "")


@dataclass
class Fout:
    regel: int
    pv: str
    bericht: str


@dataclass
class Ontleding:
    interventies: list[Interventie]  # the valid ones, in the order of the file
    afgekeurd: list[Interventie]     # with at least one bad row: imported not at all
    fouten: list[Fout]
    rijen: int = 0
    lege_regels: int = 0


# ---------------------------------------------------------------- reading the file
def normaliseer_pv(waarde: str | None) -> str:
    """PV numbers compare without spaces and case: ' le.55.l1.012345/2026 ' is LE.55.L1.012345/2026."""
    return re.sub(r"\s+", "", waarde or "").upper()


def pv_geldig(pv: str) -> bool:
    return bool(PV_PATROON.match(pv))


def pv_nummers_uit(tekst: str | None) -> list[str]:
    """The PV numbers in the free text of the regular form ('LE.12.L1.012345/2026, LE.12…'),
    separated by a comma, semicolon or new line, normalised, in order. Words without a digit
    ("onbekend", "geen") are no PV number."""
    nummers = (normaliseer_pv(deel) for deel in re.split(r"[,;\n]", tekst or ""))
    return list(dict.fromkeys(n for n in nummers if pv_geldig(n) and any(c.isdigit() for c in n)))


def getal(n: int) -> str:
    """40000 → '40.000' (Dutch)."""
    return f"{n:,}".replace(",", ".")


def lees(data: bytes, bestandsnaam: str = "x.csv", mimetype: str = "") -> str:
    """The text of an uploaded file, or BestandFout saying in plain Dutch what to do."""
    if not bestandsnaam or not bestandsnaam.lower().endswith(".csv"):
        raise BestandFout("Kies een CSV-bestand (de naam eindigt op .csv). Download het sjabloon "
                          "hieronder als u niet zeker bent.")
    if not data:
        raise BestandFout("Het bestand is leeg. Kies het bestand met de interventies.")
    if data[:2] == b"PK" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise BestandFout("Dit is een Excel-bestand, geen CSV-bestand. Kies in Excel 'Opslaan als' en "
                          "dan 'CSV UTF-8 (door komma's gescheiden)'.")
    if (mimetype or "").split(";")[0].strip().lower() not in CSV_TYPES or b"\x00" in data[:4096] \
            or data[:5] == b"%PDF-":
        raise BestandFout("Dit bestand is geen CSV-bestand. Kies het CSV-bestand met de interventies.")
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BestandFout("Het bestand is niet in UTF-8 opgeslagen, zodat letters als é of ë fout "
                          "zouden overkomen. Kies in Excel 'Opslaan als' en dan 'CSV UTF-8 (door "
                          "komma's gescheiden)'.") from None
    if "\x00" in tekst:
        raise BestandFout("Dit bestand is geen CSV-bestand. Kies het CSV-bestand met de interventies.")
    return tekst


# ---------------------------------------------------------------- the row rules
# One validator for a police intervention, used by the short form and by every row of the CSV:
# pure, and each returns the cleaned values and, per field, what is wrong in plain Dutch. The
# field names are those of the short form and of the CSV columns.
ROL_KEUZES = {sleutel(k): k for k in CLIENT_ROLLEN}
VORM_KEUZES = {sleutel(k): k for k in IFG_VORMEN}
GEEN_SLACHTOFFER = ("Geef minstens één persoon de rol slachtoffer, slachtoffer én pleger of "
                    "kind-slachtoffer.")


class Controle(NamedTuple):
    waarden: dict             # the cleaned values; None or "" for what could not be read
    fouten: dict[str, str]    # field → message, in the order of the fields


def _controle(**velden: tuple) -> Controle:
    """Controle from `veld=(value, message or None)` pairs."""
    return Controle({k: w for k, (w, _) in velden.items()},
                    {k: f for k, (_, f) in velden.items() if f})


def _pv(waarde: str | None) -> tuple[str, str | None]:
    pv = normaliseer_pv(waarde)
    if not pv:
        return pv, "Vul het PV-nummer in."
    if not pv_geldig(pv):
        return pv, (f"Het PV-nummer '{pv[:40]}' klopt niet: gebruik enkel letters, cijfers, punten, "
                    f"schuine strepen en koppeltekens, bijvoorbeeld {PV_VOORBEELD}.")
    return pv, None


def _datum(waarde: str | dt.date | None, naam: str, vandaag: dt.date, iso: bool) -> tuple[dt.date | None, str | None]:
    """A date as typed: any form of `lees_datum`, or only yyyy-mm-dd (`iso`, the CSV); or a date
    already read by the form's DatumField."""
    uitleg = DATUM_UITLEG if iso else DATUM_UITLEG_FORMULIER
    if isinstance(waarde, dt.date):
        d, waarde = waarde, waarde.isoformat()
    else:
        waarde = (waarde or "").strip()
        if not waarde:
            return None, f"Vul de {naam} in: {uitleg}."
        d = lees_datum(waarde) if not iso or ISO_DATUM.fullmatch(waarde) else None
    if d is None:
        return None, f"De {naam} '{waarde[:20]}' is geen geldige datum: {uitleg}."
    if d > vandaag:
        return d, f"De {naam} ({waarde}) ligt in de toekomst. Controleer de datum."
    if d.year < EERSTE_JAAR:
        return d, f"De {naam} ({waarde}) ligt te ver in het verleden. Controleer de datum."
    return d, None


def _vormen(waarden) -> tuple[list[str], str | None]:
    """Forms of violence, lenient on case and accents; at least one."""
    gegeven = [w.strip() for w in waarden or [] if (w or "").strip()]
    if not gegeven:
        return [], "Kies minstens één vorm van geweld, bijvoorbeeld partnergeweld."
    onbekend = [w for w in gegeven if sleutel(w) not in VORM_KEUZES]
    vormen = list(dict.fromkeys(VORM_KEUZES[sleutel(w)] for w in gegeven if w not in onbekend))
    if onbekend:
        return vormen, (f"Onbekende vorm van geweld '{onbekend[0][:40]}'. Kies een vorm uit de lijst: "
                        + ", ".join(IFG_VORMEN) + ".")
    return vormen, None


def _omschrijving(waarde: str | None) -> tuple[str, str | None]:
    omschrijving = (waarde or "").strip()
    if len(omschrijving) > MAX_OMSCHRIJVING:
        return omschrijving, (f"De omschrijving is te lang: hoogstens {MAX_OMSCHRIJVING} tekens. "
                              "Houd het kort.")
    return omschrijving, None


def _rol(waarde: str | None) -> tuple[str, str | None]:
    waarde = (waarde or "").strip()
    if not waarde:
        return "", "Vul de rol van deze persoon in, bijvoorbeeld slachtoffer."
    rol = ROL_KEUZES.get(sleutel(waarde))
    if rol is None:
        return "", f"Onbekende rol '{waarde[:40]}'. Kies een van: " + ", ".join(CLIENT_ROLLEN) + "."
    return rol, None


def _naam(waarde: str | None, wat: str) -> tuple[str, str | None]:
    naam = " ".join((waarde or "").split())
    if not naam:
        return naam, f"Vul de {wat} in."
    if len(naam) > MAX_NAAM:
        return naam, f"De {wat} is te lang (hoogstens {MAX_NAAM} tekens)."
    return naam, None


def _postcode(waarde: str | None, postcodes) -> tuple[str, str | None]:
    postcode = (waarde or "").strip()
    if not postcode:
        return postcode, "Vul de postcode van de woonplaats in: 4 cijfers, bijvoorbeeld 3000."
    if not re.fullmatch(r"\d{4}", postcode):
        return postcode, (f"De postcode '{postcode[:10]}' bestaat niet: een postcode heeft 4 cijfers, "
                          "bijvoorbeeld 3000.")
    if postcodes is not None and postcode not in postcodes:
        return postcode, (f"De postcode {postcode} ligt niet in Vlaams-Brabant. Meld deze interventie "
                          "aan met het gewone aanmeldingsformulier.")
    return postcode, None


def controleer_feit(pv_nummer: str | None, datum_feit: str | None, vormen, omschrijving: str | None,
                    *, vandaag: dt.date, iso: bool = False) -> Controle:
    """The intervention itself: PV number, date of the facts, forms of violence, description.
    Values: pv_nummer (normalised), datum_feit (a date or None), vormen (their stored values),
    omschrijving (stripped). `iso`: dates only as yyyy-mm-dd (the CSV)."""
    return _controle(pv_nummer=_pv(pv_nummer),
                     datum_feit=_datum(datum_feit, "datum van de feiten", vandaag, iso),
                     vormen=_vormen(vormen), omschrijving=_omschrijving(omschrijving))


def controleer_persoon(rol: str | None, voornaam: str | None, achternaam: str | None,
                       geboortedatum: str | None, postcode: str | None, *, vandaag: dt.date,
                       postcodes=None, iso: bool = False) -> Controle:
    """One person of an intervention: role, names, birth date and postcode. Values are what
    `kort_indienen` takes for a person. `postcodes`: the known postcodes (the CSV only takes
    families of Vlaams-Brabant); None accepts any four digits."""
    return _controle(rol=_rol(rol), voornaam=_naam(voornaam, "voornaam"),
                     achternaam=_naam(achternaam, "achternaam"),
                     geboortedatum=_datum(geboortedatum, "geboortedatum", vandaag, iso),
                     postcode=_postcode(postcode, postcodes))


def heeft_slachtoffer(rollen) -> bool:
    """An intervention names at least one victim."""
    return any(r in SLACHTOFFER_ROLLEN for r in rollen)


# ---------------------------------------------------------------- the CSV rows
def _controleer_kop(kop: list[str]) -> list[str]:
    namen = [sleutel(k).replace(" ", "_") for k in kop]
    if len(kop) == 1 and ";" in kop[0]:
        raise BestandFout("Het bestand gebruikt puntkomma's (;) in plaats van komma's. Kies in Excel "
                          "'Opslaan als' en dan 'CSV UTF-8 (door komma's gescheiden)', of vertrek van "
                          "het sjabloon.")
    ontbreekt = [k for k in KOLOMMEN if k not in namen]
    onbekend = [k for k in namen if k not in KOLOMMEN]
    dubbel = sorted({k for k in namen if namen.count(k) > 1})
    if ontbreekt or onbekend or dubbel:
        delen = []
        if ontbreekt:
            delen.append("ontbreekt: " + ", ".join(ontbreekt))
        if onbekend:
            delen.append("onbekend: " + ", ".join(k or "(leeg)" for k in onbekend))
        if dubbel:
            delen.append("dubbel: " + ", ".join(dubbel))
        raise BestandFout("De eerste regel moet de kolomnamen bevatten: " + ",".join(KOLOMMEN)
                          + " (" + "; ".join(delen) + "). Vertrek van het sjabloon.")
    return namen


def _rij(regel: int, waarden: dict[str, str], postcodes, vandaag: dt.date) -> tuple[Rij, list[str]]:
    """One row, checked on its own: the row and the list of what is wrong with it."""
    feit = controleer_feit(waarden["pv_nummer"], waarden["datum_feit"],
                           VORM_SCHEIDING.split(waarden["vorm"]), waarden["omschrijving"],
                           vandaag=vandaag, iso=True)
    persoon = controleer_persoon(waarden["rol"], waarden["voornaam"], waarden["achternaam"],
                                 waarden["geboortedatum"], waarden["postcode"], vandaag=vandaag,
                                 postcodes=postcodes, iso=True)
    f, p = feit.waarden, persoon.waarden
    vormen = [v for v in IFG_VORMEN if v in f["vormen"]]
    rij = Rij(regel, f["pv_nummer"], f["datum_feit"], vormen, f["omschrijving"],
              p["rol"], p["voornaam"], p["achternaam"], p["geboortedatum"], p["postcode"])
    return rij, [*feit.fouten.values(), *persoon.fouten.values()]


def _controleer_interventie(interventie: Interventie) -> list[Fout]:
    """What is wrong with an intervention as a whole: consistency and at least one victim."""
    fouten = []
    eerste = interventie.eerste
    omschrijving_regel = None
    gezien: dict[tuple, int] = {}
    for rij in interventie.rijen[1:] if len(interventie.rijen) > 1 else []:
        if rij.datum_feit and eerste.datum_feit and rij.datum_feit != eerste.datum_feit:
            fouten.append(Fout(rij.regel, rij.pv, f"De datum van de feiten verschilt van regel "
                               f"{eerste.regel} met hetzelfde PV-nummer. Eén PV is één interventie: "
                               "gebruik op elke regel dezelfde datum."))
        if rij.vormen and eerste.vormen and rij.vormen != eerste.vormen:
            fouten.append(Fout(rij.regel, rij.pv, f"De vorm van geweld verschilt van regel "
                               f"{eerste.regel} met hetzelfde PV-nummer. Eén PV is één interventie: "
                               "gebruik op elke regel dezelfde vormen."))
    for rij in interventie.rijen:
        if rij.omschrijving:
            if omschrijving_regel is None:
                omschrijving_regel = rij
            elif rij.omschrijving != omschrijving_regel.omschrijving:
                fouten.append(Fout(rij.regel, rij.pv, f"De omschrijving verschilt van die op regel "
                                   f"{omschrijving_regel.regel} met hetzelfde PV-nummer. Zet de "
                                   "omschrijving op één regel, of overal dezelfde."))
        sleutel = (normaliseer_naam(rij.voornaam), normaliseer_naam(rij.achternaam), rij.geboortedatum)
        if rij.voornaam and rij.achternaam and sleutel in gezien:
            fouten.append(Fout(rij.regel, rij.pv, f"Deze persoon staat al op regel {gezien[sleutel]} "
                               "met hetzelfde PV-nummer. Zet elke persoon maar één keer per PV."))
        gezien.setdefault(sleutel, rij.regel)
    rollen_gekend = not interventie.onleesbaar and all(r.rol for r in interventie.rijen)
    if rollen_gekend and not heeft_slachtoffer(r.rol for r in interventie.rijen):
        fouten.append(Fout(eerste.regel, eerste.pv, "Bij dit PV staat geen slachtoffer (regels "
                           + ", ".join(map(str, interventie.regels)) + "). " + GEEN_SLACHTOFFER))
    return fouten


def _lees_kop(reader) -> list[str]:
    """The column names of the first non-blank line, checked."""
    kop = next(reader, None)
    while kop is not None and not any(c.strip() for c in kop):
        kop = next(reader, None)
    if kop is None:
        raise BestandFout("Het bestand is leeg. Kies het bestand met de interventies.")
    return _controleer_kop(kop)


def _kolommen_fout(regel: int, waarden: list[str], namen: list[str]) -> Fout:
    """A line with the wrong number of columns, reported under its PV number when it has one."""
    i = namen.index("pv_nummer")
    pv = normaliseer_pv(waarden[i]) if len(waarden) > i else ""
    return Fout(regel, pv, f"Deze regel heeft {len(waarden)} kolommen in plaats van {len(namen)}. "
                "Controleer de komma's: een komma in de omschrijving moet tussen aanhalingstekens staan.")


def ontleed(tekst: str, postcodes, vandaag: dt.date | None = None) -> Ontleding:
    """Check every row and group the rows by PV number. Pure: `postcodes` is the set of known
    postcodes. Raises BestandFout when the file as a whole is unusable."""
    vandaag = vandaag or vandaag_in_brussel()
    reader = csv.reader(io.StringIO(tekst, newline=""), strict=True)
    try:
        namen = _lees_kop(reader)
        fouten: list[Fout] = []
        groepen: dict[str, Interventie] = {}
        slecht: set[str] = set()
        rijen = lege = 0
        vorige = reader.line_num
        for waarden in reader:
            regel, vorige = vorige + 1, reader.line_num
            if not any(w.strip() for w in waarden):
                lege += 1
                continue
            rijen += 1
            if rijen > MAX_RIJEN:  # stop reading: the file is refused as a whole
                raise BestandFout(f"Het bestand heeft meer dan {getal(MAX_RIJEN)} regels met personen. "
                                  "Verdeel de interventies over kleinere bestanden, bijvoorbeeld per week.")
            if len(waarden) != len(namen):
                fout = _kolommen_fout(regel, waarden, namen)
                fouten.append(fout)
                if pv_geldig(fout.pv):
                    slecht.add(fout.pv)
                    groepen.setdefault(fout.pv, Interventie(fout.pv)).onleesbaar.append(regel)
                continue
            rij, problemen = _rij(regel, dict(zip(namen, waarden, strict=True)), postcodes, vandaag)
            fouten.extend(Fout(regel, rij.pv, p) for p in problemen)
            if not rij.pv or not pv_geldig(rij.pv):
                continue  # cannot belong to an intervention; reported above
            if problemen:
                slecht.add(rij.pv)
            groepen.setdefault(rij.pv, Interventie(rij.pv)).rijen.append(rij)
    except csv.Error:
        raise BestandFout(f"Het bestand kon niet gelezen worden als CSV (rond regel {reader.line_num}). "
                          "Controleer de aanhalingstekens, of vertrek van het sjabloon.") from None
    if rijen == 0:
        raise BestandFout("Het bestand bevat geen interventies, enkel de kolomnamen.")
    goed, afgekeurd = [], []
    for pv, interventie in groepen.items():
        extra = _controleer_interventie(interventie) if interventie.rijen else []
        fouten.extend(extra)
        if extra:
            slecht.add(pv)
        (afgekeurd if pv in slecht else goed).append(interventie)
    fouten.sort(key=lambda f: f.regel)
    return Ontleding(goed, afgekeurd, fouten, rijen, lege)


# ---------------------------------------------------------------- writing
def postcode_gemeenten() -> dict[str, Gemeente]:
    """postcode → its main locality (the one named after the municipality), in one query."""
    result: dict[str, Gemeente] = {}
    for g in Gemeente.select().order_by(Gemeente.postcode, Gemeente.deelgemeente):
        if g.postcode not in result or g.deelgemeente == g.gemeente:
            result[g.postcode] = g
    return result


def al_aangemeld(pv: str) -> bool:
    """Whether this PV number already reached the Veilig Huis (form or import)."""
    return PvNummer.select().where(PvNummer.nummer == pv).exists()


def bekende_pv_nummers(nummers) -> set[str]:
    nummers = sorted(set(nummers))
    bekend: set[str] = set()
    for deel in chunked(nummers, 5000):  # one query for any file up to 5 MB of rows like ours
        bekend.update(p.nummer for p in PvNummer.select(PvNummer.nummer).where(PvNummer.nummer.in_(deel)))
    return bekend


def registreer_pv_nummers(aanmelding: Aanmelding) -> None:
    """Link the PV numbers of a submitted referral (any form) that no referral has yet, so that a
    later CSV or short form recognises them. A PV that another referral brought first stays
    linked to that one: a second professional may still refer the same family."""
    nummers = pv_nummers_uit(aanmelding.pv_nummers)
    if nummers:
        PvNummer.insert_many([dict(nummer=n, aanmelding=aanmelding.id, aangemaakt_op=utcnow())
                              for n in nummers]).on_conflict_ignore().execute()


@dataclass
class Verslag:
    import_: PolitieImport
    ontleding: Ontleding
    al_ingevoerd: list[str]
    transacties: int = 0             # the import's transactions, each committed on its own
    langste_transactie: float = 0.0  # seconds: the longest write-lock hold (bench/, tests)


class _Klok:
    """Times the import's transactions: how long each holds the write lock."""

    def __init__(self):
        self.aantal, self.langste = 0, 0.0

    def atomic(self):
        # On SQLite the transaction takes the write lock at once (BEGIN IMMEDIATE), waiting for it
        # as busy_timeout allows; a deferred one that reads first fails at once when another
        # user's write got in between. PostgreSQL locks rows, so a plain transaction serves.
        return db.atomic("IMMEDIATE") if is_sqlite() else db.atomic()

    def __call__(self, werk, *args):
        begin = time.perf_counter()
        with self.atomic():
            uitkomst = werk(*args)
        self.aantal += 1
        self.langste = max(self.langste, time.perf_counter() - begin)
        return uitkomst


def importeer(data: bytes, user, bestandsnaam: str = "x.csv", mimetype: str = "",
              vandaag: dt.date | None = None) -> Verslag:
    """Check the file and import its valid, new interventions, DEEL at a time, each part in a
    transaction of its own with its audit event (the ids it created); then the report and one
    audit event with the counts (never names)."""
    tekst = lees(data, bestandsnaam, mimetype)
    gemeenten = postcode_gemeenten()
    ontleding = ontleed(tekst, gemeenten.keys(), vandaag)
    teams = {ta.arrondissement: ta.team_id for ta in TeamArrondissement.select()}
    klok = _Klok()
    nieuw: list[Interventie] = []
    bekend: set[str] = set()
    per_team: dict[int | None, int] = {}  # new referrals per team, for the coordinators' mail
    for deel in chunked(ontleding.interventies, DEEL):
        voorbereid = [(i, _aanmelding_rij(i, gemeenten, teams, user)) for i in deel]
        for poging in (1, 2):
            try:
                gedaan, al = klok(_schrijf_deel, voorbereid, gemeenten, user)
                break
            except IntegrityError:
                # Someone imported some of these PV numbers at the same moment (PostgreSQL):
                # once more, they are then simply "al ingevoerd".
                if poging == 2:
                    raise
        nieuw += gedaan
        bekend |= al
        gedaan_pv = {i.pv for i in gedaan}
        for i, rij in voorbereid:
            if i.pv in gedaan_pv:
                per_team[rij["team"]] = per_team.get(rij["team"], 0) + 1
    return klok(_verslag, ontleding, nieuw, bekend, user, klok, per_team)


def _aanmelding_rij(interventie: Interventie, gemeenten, teams, user) -> dict:
    """The referral of an intervention as a row, prepared before the transaction (no number yet)."""
    eerste = interventie.eerste
    woonplaats = Persoon.woonplaats_uit(interventie.rijen, lambda r: gemeenten.get(r.postcode))
    nu = utcnow()
    return dict(
        status="ingediend", bron=BRON, auteur=user.id,
        organisatie=user.organisatie_id, **indienen.routering(woonplaats, teams),
        aanmelder_naam=user.naam, aanmelder_functie=user.functie or "",
        aanmelder_telefoon=user.telefoon or "", aanmelder_email=user.email,
        ifg_vormen=join_list(eerste.vormen), recent_incident=interventie.omschrijving,
        datum_incident=eerste.datum_feit, politie_betrokken=True, pv_nummers=interventie.pv,
        aangemaakt_op=nu, gewijzigd_op=nu, ingediend_op=nu)


def _schrijf_deel(voorbereid: list[tuple[Interventie, dict]], gemeenten, user
                  ) -> tuple[list[Interventie], set[str]]:
    """One part, inside its transaction: the new interventions become referrals with their persons
    and PV numbers; returns them and the PV numbers that were already in."""
    bekend = bekende_pv_nummers(i.pv for i, _ in voorbereid)
    voorbereid = [(i, rij) for i, rij in voorbereid if i.pv not in bekend]
    if not voorbereid:
        return [], bekend
    nummers = Nummering.reeks("aanmelding", "VH", len(voorbereid))
    _voeg_in(Aanmelding, [dict(rij, nummer=nummer) for (_, rij), nummer
                          in zip(voorbereid, nummers, strict=True)])
    ids = dict(Aanmelding.select(Aanmelding.nummer, Aanmelding.id)
               .where(Aanmelding.nummer.in_(nummers)).tuples())
    nu = utcnow()
    personen, pvs = [], []
    for (interventie, _), nummer in zip(voorbereid, nummers, strict=True):
        aanmelding_id = ids[nummer]
        pvs.append(dict(nummer=interventie.pv, aanmelding=aanmelding_id, aangemaakt_op=nu))
        for r in interventie.rijen:
            gemeente = gemeenten.get(r.postcode)
            personen.append(dict(
                aanmelding=aanmelding_id, voornaam=r.voornaam, achternaam=r.achternaam,
                naam_norm=normaliseer_naam(r.voornaam) + " " + normaliseer_naam(r.achternaam),
                geboortedatum=r.geboortedatum, rol=r.rol, postcode=r.postcode,
                gemeente=gemeente.id if gemeente else None))
    _voeg_in(Persoon, personen)
    _voeg_in(PvNummer, pvs)
    audit.record("politie.import.deel", user=user, details={
        "nieuw": len(voorbereid), "al_ingevoerd": len(bekend), "aanmelding_ids": sorted(ids.values())})
    return [i for i, _ in voorbereid], bekend


def _verslag(ontleding: Ontleding, nieuw: list[Interventie], bekend: set[str], user, klok,
             per_team: dict[int | None, int]) -> Verslag:
    """The report of the import, with its audit event (counts only) and its notifications: one
    receipt to the police user for the whole import, and per team one mail to its coordinators
    (`per_team`: team id → new referrals)."""
    # A rejected intervention whose PV is already in is moot: nothing of it is imported again.
    bekend |= bekende_pv_nummers(i.pv for i in ontleding.afgekeurd)
    al_ingevoerd = [i.pv for i in sorted(ontleding.interventies + ontleding.afgekeurd,
                                         key=lambda i: i.regels[0]) if i.pv in bekend]
    fouten = [f for f in ontleding.fouten if f.pv not in bekend]
    afgekeurd = [i for i in ontleding.afgekeurd if i.pv not in bekend]
    imp = PolitieImport.create(
        user=user.id, op=utcnow(), rijen=ontleding.rijen, nieuw=len(nieuw),
        al_ingevoerd=len(al_ingevoerd), afgekeurd=len(afgekeurd), lege_regels=ontleding.lege_regels,
        fouten=json.dumps({"fouten": [[f.regel, f.pv, f.bericht] for f in fouten],
                           "afgekeurd": [[i.pv, i.regels] for i in afgekeurd],
                           "al_ingevoerd": al_ingevoerd}, ensure_ascii=False))
    org = user.organisatie
    audit.record("politie.import", imp, user=user, details={
        "rijen": ontleding.rijen, "nieuw": len(nieuw), "al_ingevoerd": len(al_ingevoerd),
        "afgekeurd": len(afgekeurd), "fouten": len(fouten), "lege_regels": ontleding.lege_regels,
        "organisatie_id": org.id if org else None, "delen": klok.aantal})
    meldingen.politie_import(imp, per_team)
    return Verslag(imp, Ontleding(nieuw, afgekeurd, fouten, ontleding.rijen, ontleding.lege_regels),
                   al_ingevoerd, klok.aantal + 1, klok.langste)


def _voeg_in(model, rijen: list[dict]) -> None:
    """Bulk insert like insert_many, without its query node per value, which took most of a large
    import's time (bench/): each value still goes through its field's db_value, a missing one
    gets the field's default; multi-row INSERTs of at most 30 000 parameters (SQLite's limit is
    32 766, PostgreSQL's 65 535)."""
    if not rijen:
        return
    velden = [f for f in model._meta.sorted_fields if not isinstance(f, AutoField)]
    standaard = {f.name: f.default for f in velden}
    per_keer = max(1, 30_000 // len(velden))
    kolommen = ", ".join(f'"{f.column_name}"' for f in velden)
    plaats = "(" + ", ".join([db.param] * len(velden)) + ")"
    for deel in chunked(rijen, per_keer):
        waarden = []
        for rij in deel:
            for f in velden:
                w = rij[f.name] if f.name in rij else standaard[f.name]
                waarden.append(f.db_value(w() if callable(w) else w))
        db.execute_sql(f'INSERT INTO "{model._meta.table_name}" ({kolommen}) VALUES '
                       + ", ".join([plaats] * len(deel)), waarden)


def kort_indienen(user, *, pv: str, datum_feit: dt.date, vormen: list[str], omschrijving: str,
                  personen: list[dict]) -> Aanmelding:
    """The short police form: one intervention becomes a submitted referral at once (bron
    "politie-kort"), its PV number linked so that neither form nor import takes it twice.
    `personen`: dicts with rol, voornaam, achternaam, geboortedatum, postcode (the values of
    `controleer_persoon`). AlAangemeld if the PV number is already linked."""
    gemeenten = postcode_gemeenten()
    try:
        return _kort_indienen(user, gemeenten, pv, datum_feit, vormen, omschrijving, personen)
    except IntegrityError:  # the same PV was submitted a moment ago
        raise AlAangemeld(pv) from None


def _kort_indienen(user, gemeenten, pv, datum_feit, vormen, omschrijving, personen) -> Aanmelding:
    with db.atomic():
        aanmelding = Aanmelding.create(
            status="concept", bron="politie-kort", auteur=user, organisatie=user.organisatie_id,
            aanmelder_naam=user.naam, aanmelder_functie=user.functie or "",
            aanmelder_telefoon=user.telefoon or "", aanmelder_email=user.email,
            ifg_vormen=join_list(v for v in IFG_VORMEN if v in vormen),
            recent_incident=omschrijving.strip(), datum_incident=datum_feit,
            politie_betrokken=True, pv_nummers=pv)
        for p in personen:
            gemeente = gemeenten.get(p["postcode"])
            Persoon.create(aanmelding=aanmelding, voornaam=" ".join(p["voornaam"].split()),
                           achternaam=" ".join(p["achternaam"].split()),
                           geboortedatum=p["geboortedatum"], rol=p["rol"], postcode=p["postcode"],
                           gemeente=gemeente)
        PvNummer.create(nummer=pv, aanmelding=aanmelding)
        audit.record("aanmelding.create", aanmelding, user=user,
                     details={"bron": "politie-kort", "personen": len(personen)})
        indienen.submit(aanmelding, user)
    return aanmelding


def al_ingevoerd_van(imp: PolitieImport) -> list[str]:
    """The PV numbers this import skipped because they were already in, in the order of the file."""
    return json.loads(imp.fouten or "{}").get("al_ingevoerd", [])


def fouten_van(imp: PolitieImport) -> tuple[list[Fout], list[tuple[str, list[int]]]]:
    """The stored report: the problems per line, and the rejected PVs with their lines."""
    data = json.loads(imp.fouten or "{}")
    return ([Fout(*f) for f in data.get("fouten", [])],
            [(pv, regels) for pv, regels in data.get("afgekeurd", [])])


def sjabloon() -> str:
    """The template CSV: the header and an example intervention (fictional)."""
    uit = io.StringIO()
    w = csv.writer(uit, lineterminator="\r\n")
    w.writerow(KOLOMMEN)
    w.writerows(VOORBEELD)
    return uit.getvalue()
