"""The police CSV: parsing and checking each row (pure), grouping by PV, and the bulk import
(idempotent by PV number, nothing of a bad intervention, routing, normalised names, audit)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from kit import count_queries

from vh import access
from vh.aanmelding import indienen
from vh.aanmelding import politie as pi
from vh.db import db
from vh.models import Aanmelding, AuditEvent, Dossier, Persoon, PvNummer, Team

KOP = ",".join(pi.KOLOMMEN)
VANDAAG = dt.date(2026, 3, 20)
POSTCODES = {"3000", "3010", "1500", "3200"}


def csv_tekst(*rijen: str, kop: str = KOP) -> str:
    return "\n".join([kop, *rijen]) + "\n"


def rij(pv="LE.55.L1.000001/2026", datum="2026-03-14", vorm="partnergeweld", oms="", rol="slachtoffer",
        vn="Anna", an="Test", geb="1990-05-01", pc="3000") -> str:
    return ",".join([pv, datum, vorm, oms, rol, vn, an, geb, pc])


def ontleed(*rijen, **kw):
    return pi.ontleed(csv_tekst(*rijen, **kw), POSTCODES, VANDAAG)


def berichten(o) -> list[tuple[int, str]]:
    return [(f.regel, f.bericht) for f in o.fouten]


# ---------------------------------------------------------------- reading the file
def test_lees_accepts_bom_and_utf8():
    data = ("\ufeff" + csv_tekst(rij(vn="Zoë"))).encode("utf-8")
    tekst = pi.lees(data, "x.csv", "text/csv")
    assert tekst.startswith("pv_nummer")
    o = pi.ontleed(tekst, POSTCODES, VANDAAG)
    assert o.interventies[0].rijen[0].voornaam == "Zoë" and not o.fouten


@pytest.mark.parametrize("data,naam,mime,woord", [
    (b"pv_nummer\n", "lijst.xlsx", "text/csv", "CSV-bestand"),
    (b"PK\x03\x04rest", "lijst.csv", "application/octet-stream", "Excel"),
    (b"%PDF-1.7 ...", "lijst.csv", "application/pdf", "geen CSV"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "lijst.csv", "text/csv", "geen CSV"),
    ("pv_nummer,Zoë".encode("latin-1"), "lijst.csv", "text/csv", "UTF-8"),
    (b"", "lijst.csv", "text/csv", "leeg"),
])
def test_lees_refuses_what_is_not_a_utf8_csv(data, naam, mime, woord):
    with pytest.raises(pi.BestandFout) as e:
        pi.lees(data, naam, mime)
    assert woord in str(e.value)


def test_wrong_header_is_a_file_error():
    with pytest.raises(pi.BestandFout) as e:
        ontleed(rij(), kop=KOP.replace("rol", "functie"))
    assert "ontbreekt: rol" in str(e.value) and "onbekend: functie" in str(e.value)


def test_semicolons_get_their_own_explanation():
    with pytest.raises(pi.BestandFout) as e:
        ontleed(rij().replace(",", ";"), kop=KOP.replace(",", ";"))
    assert "puntkomma" in str(e.value)


def test_header_only_is_refused():
    with pytest.raises(pi.BestandFout) as e:
        ontleed()
    assert "geen interventies" in str(e.value)


def test_header_is_lenient_on_case_spaces_and_order():
    kop = "PV_Nummer, datum_feit,vorm,omschrijving,rol,voornaam,achternaam,postcode,geboortedatum"
    o = pi.ontleed(kop + "\n" + "LE.1/26,2026-03-14,partnergeweld,,slachtoffer,A,B,3000,1990-01-01\n",
                   POSTCODES, VANDAAG)
    assert not o.fouten and o.interventies[0].rijen[0].postcode == "3000"


# ---------------------------------------------------------------- row checks
@pytest.mark.parametrize("kwargs,tekst", [
    (dict(rol="dader"), "Onbekende rol 'dader'"),
    (dict(rol=""), "Vul de rol"),
    (dict(datum="14/03/2026"), "geen geldige datum"),
    (dict(datum="2026-02-30"), "geen geldige datum"),
    (dict(datum="2026-04-01"), "in de toekomst"),
    (dict(datum=""), "Vul de datum van de feiten in"),
    (dict(geb="1990-13-01"), "geboortedatum '1990-13-01' is geen geldige datum"),
    (dict(geb="2030-01-01"), "geboortedatum (2030-01-01) ligt in de toekomst"),
    (dict(pc="9000"), "postcode 9000 ligt niet in Vlaams-Brabant"),
    (dict(pc="30000"), "een postcode heeft 4 cijfers"),
    (dict(pc=""), "Vul de postcode"),
    (dict(vn=""), "Vul de voornaam in"),
    (dict(an="  "), "Vul de achternaam in"),
    (dict(vn="x" * 81), "voornaam is te lang"),
    (dict(vorm="geweld"), "Onbekende vorm van geweld 'geweld'"),
    (dict(pv=""), "Vul het PV-nummer in"),
    (dict(pv="LE#55"), "Het PV-nummer 'LE#55' klopt niet"),
    (dict(oms="x" * 2001), "omschrijving is te lang"),
])
def test_each_bad_row_kind_is_reported_with_its_line(kwargs, tekst):
    o = ontleed(rij(pv="LE.9/26", rol="slachtoffer", vn="Ok", an="Ok"), rij(**kwargs))
    assert any(regel == 3 and tekst in b for regel, b in berichten(o)), berichten(o)
    # The other intervention is fine and stays importable.
    assert [i.pv for i in o.interventies] == ["LE.9/26"]


def test_all_problems_of_one_row_are_listed():
    o = ontleed(rij(rol="dader", datum="gisteren", pc="9999", vn=""))
    assert len([f for f in o.fouten if f.regel == 2]) == 4


def test_choices_are_lenient_on_case_and_accents():
    o = ontleed(rij(rol="Slachtoffer en pleger", vorm="Partnergeweld"))
    assert not o.fouten
    r = o.interventies[0].rijen[0]
    assert r.rol == "slachtoffer én pleger" and r.vormen == ["partnergeweld"]


def test_wrong_column_count_and_quoted_commas():
    o = ontleed(rij(oms='"Ruzie, met slagen"'), "LE.55.L1.000001/2026,2026-03-14,partnergeweld,Ruzie, met slagen,pleger,B,T,1980-01-01,3000")
    assert berichten(o)[0][0] == 3 and "10 kolommen in plaats van 9" in berichten(o)[0][1]
    assert not o.interventies and o.afgekeurd[0].regels == [2, 3]


def test_line_numbers_count_blank_lines_and_multiline_fields():
    o = ontleed(rij(pv="LE.1/26", oms='"twee\nregels"'), "", rij(pv="LE.2/26", rol="dader"))
    # header 1, the row with a two-line field 2-3, blank line 4, bad row 5
    assert berichten(o)[0][0] == 5 and o.lege_regels == 1


# ---------------------------------------------------------------- grouping by PV
def test_rows_group_by_pv_even_when_not_adjacent():
    o = ontleed(rij(pv="LE.1/26", vn="A"), rij(pv="LE.2/26", vn="B"), rij(pv=" le.1/26 ", rol="pleger", vn="C"))
    assert not o.fouten
    assert [(i.pv, i.regels) for i in o.interventies] == [("LE.1/26", [2, 4]), ("LE.2/26", [3])]


def test_pv_without_victim_is_refused():
    o = ontleed(rij(rol="pleger"), rij(rol="kind-getuige", vn="Kind"))
    assert not o.interventies and "geen slachtoffer" in berichten(o)[0][1]


@pytest.mark.parametrize("kwargs,tekst", [
    (dict(datum="2026-03-13"), "datum van de feiten verschilt van regel 2"),
    (dict(vorm="belaging"), "vorm van geweld verschilt van regel 2"),
    (dict(oms="iets anders"), "omschrijving verschilt"),
    (dict(vn="Anna", rol="pleger"), "staat al op regel 2"),
])
def test_inconsistent_rows_within_one_pv(kwargs, tekst):
    o = ontleed(rij(oms="ruzie"), rij(**{"rol": "pleger", "vn": "Bert", **kwargs}))
    assert not o.interventies
    assert any(regel == 3 and tekst in b for regel, b in berichten(o)), berichten(o)


def test_one_bad_row_rejects_its_whole_intervention():
    o = ontleed(rij(pv="LE.1/26"), rij(pv="LE.1/26", rol="pleger", vn="B", geb="1800-01-01"),
                rij(pv="LE.2/26"))
    assert [i.pv for i in o.interventies] == ["LE.2/26"]
    assert [(i.pv, i.regels) for i in o.afgekeurd] == [("LE.1/26", [2, 3])]


# ---------------------------------------------------------------- the import (database)
def bestand(*rijen: str) -> bytes:
    return csv_tekst(*rijen).encode("utf-8")


def twaalf() -> bytes:
    rijen = []
    for n in range(12):
        pv = f"LE.55.L1.{n:06d}/2026"
        rijen.append(rij(pv=pv, vn=f"Vrouw{n}", an="Van den Broeck-Sélis", oms=f"Incident {n}"))
        rijen.append(rij(pv=pv, rol="pleger", vn=f"Man{n}", an="Test", geb="1985-01-01"))
    return bestand(*rijen)


def test_import_creates_submitted_referrals_in_bulk(app, user):
    politie = user("politie")
    verslag = pi.importeer(twaalf(), politie)
    assert (verslag.import_.nieuw, verslag.import_.al_ingevoerd, verslag.import_.afgekeurd) == (12, 0, 0)
    aanmeldingen = list(Aanmelding.select().where(Aanmelding.bron == "politie-instroom").order_by(Aanmelding.id))
    assert len(aanmeldingen) == 12
    team = Team.get(Team.naam == "Veilig Huis Oost-Brabant")
    a = aanmeldingen[0]
    assert a.status == "ingediend" and a.nummer.startswith("VH-") and a.team_id == team.id
    assert a.pilootzone and not a.buiten_vlaams_brabant and a.ingediend_op
    assert a.auteur_id == politie.id and a.organisatie_id == politie.organisatie_id
    assert a.datum_incident == dt.date(2026, 3, 14) and a.ifg_vormen == "partnergeweld"
    assert a.pv_nummers == "LE.55.L1.000000/2026" and a.recent_incident == "Incident 0"
    assert len({x.nummer for x in aanmeldingen}) == 12
    personen = list(a.personen.order_by(Persoon.id))
    assert [p.rol for p in personen] == ["slachtoffer", "pleger"]
    assert personen[0].naam_norm == "vrouw0 vandenbroeckselis" and personen[0].gemeente.postcode == "3000"
    # The coordinator of that team receives them.
    coord = user("coordinator")
    assert access.aanmeldingen_received_by(coord).where(Aanmelding.bron == "politie-instroom").count() == 12
    assert PvNummer.select().count() == 12


def test_import_is_idempotent_by_pv_number(app, user):
    politie = user("politie")
    pi.importeer(twaalf(), politie)
    tweede = pi.importeer(twaalf(), politie).import_
    assert (tweede.nieuw, tweede.al_ingevoerd) == (0, 12)
    assert Aanmelding.select().count() == 12 and Persoon.select().count() == 24


def test_import_counts_new_and_known_in_a_mixed_file(app, user):
    politie = user("politie")
    pi.importeer(bestand(rij(pv="LE.1/26")), politie)
    imp = pi.importeer(bestand(rij(pv="LE.1/26"), rij(pv="LE.2/26"), rij(pv="LE.3/26", rol="dader")),
                       politie).import_
    assert (imp.nieuw, imp.al_ingevoerd, imp.afgekeurd) == (1, 1, 1)
    fouten, afgekeurd = pi.fouten_van(imp)
    assert [(f.regel, f.pv) for f in fouten] == [(4, "LE.3/26")] and afgekeurd == [("LE.3/26", [4])]


def test_pv_of_short_form_counts_as_already_in(app, user):
    politie = user("politie")
    pi.kort_indienen(politie, pv="LE.1/26", datum_feit=dt.date(2026, 3, 1), vormen=["partnergeweld"],
                     omschrijving="x", personen=[dict(rol="slachtoffer", voornaam="A", achternaam="B",
                                                      geboortedatum=dt.date(1990, 1, 1), postcode="3000")])
    imp = pi.importeer(bestand(rij(pv="le.1/26")), politie).import_
    assert (imp.nieuw, imp.al_ingevoerd) == (0, 1)


def test_bad_intervention_imports_nothing_of_it(app, user):
    imp = pi.importeer(bestand(rij(pv="LE.1/26"), rij(pv="LE.1/26", rol="pleger", vn="B", pc="9000"),
                               rij(pv="LE.2/26")), user("politie")).import_
    assert (imp.nieuw, imp.afgekeurd) == (1, 1)
    assert [a.pv_nummers for a in Aanmelding.select()] == ["LE.2/26"]
    assert not PvNummer.select().where(PvNummer.nummer == "LE.1/26").exists()


def test_import_is_audited_with_counts_and_no_names(app, user):
    """One event per part written (with the ids it created) and one for the import."""
    voor = AuditEvent.select().count()
    imp = pi.importeer(twaalf(), user("politie")).import_
    events = list(AuditEvent.select().where(AuditEvent.id > 0).order_by(AuditEvent.id))[voor:]
    assert [e.actie for e in events] == ["politie.import.deel", "politie.import"]
    assert len(json.loads(events[0].details)["aanmelding_ids"]) == 12
    details = json.loads(events[1].details)
    assert details["nieuw"] == 12 and details["rijen"] == 24 and details["delen"] == 1
    assert not any("Vrouw" in e.details or "Broeck" in e.details for e in events)
    assert events[1].object_type == "PolitieImport" and events[1].object_id == imp.id


def test_import_uses_a_bounded_number_of_queries(app, user):
    """No per-row SELECTs: the number of queries does not grow with the number of rows."""
    politie = user("politie")

    def tel(data):
        with count_queries() as teller:
            pi.importeer(data, politie)
        return teller.count

    klein = tel(bestand(*(rij(pv=f"A.{n}/26", vn=f"A{n}") for n in range(3))))
    groot = tel(bestand(*(rij(pv=f"B.{n}/26", vn=f"B{n}") for n in range(150))))
    assert groot <= klein + 2, (klein, groot)


def test_imported_referral_finds_the_known_dossier(app, user):
    """Normalised names make the coordinator's "already known" check work for imported persons."""
    from vh.demo import basis
    with db.atomic():
        basis._dossiers()
    pi.importeer(bestand(rij(pv="LE.7/26", vn="Peggy", an="Claes", geb="1979-04-17"),
                         rij(pv="LE.7/26", rol="pleger", vn="Jordy", an="MAES", geb="1976-11-02")),
                 user("politie"))
    a = Aanmelding.get(Aanmelding.pv_nummers == "LE.7/26")
    bekend = indienen.bekende_dossiers(a)
    assert len(bekend) == 1 and len(bekend[0][1]) == 2 and isinstance(bekend[0][0], Dossier)


def test_numbers_continue_the_same_sequence(app, user):
    politie = user("politie")
    pi.importeer(bestand(rij(pv="LE.1/26"), rij(pv="LE.2/26")), politie)
    a = pi.kort_indienen(politie, pv="LE.3/26", datum_feit=dt.date(2026, 3, 1), vormen=["belaging"],
                         omschrijving="x", personen=[dict(rol="slachtoffer", voornaam="A", achternaam="B",
                                                          geboortedatum=dt.date(1990, 1, 1), postcode="3000")])
    jaar = dt.date.today().year
    assert sorted(x.nummer for x in Aanmelding.select()) == [f"VH-{jaar}-000{n}" for n in (1, 2, 3)]
    assert a.bron == "politie-kort" and a.status == "ingediend"


def test_sjabloon_is_a_valid_file():
    o = pi.ontleed(pi.sjabloon(), POSTCODES, VANDAAG)
    assert not o.fouten and len(o.interventies) == 1 and len(o.interventies[0].rijen) == 3


def test_access_only_police_of_a_pilot_zone(app, user):
    assert access.can(user("politie"), "politie.import")
    for role in ("aanmelder", "huisarts", "coordinator", "parket", "kernpartner", "beheerder", "dpo"):
        assert not access.can(user(role), "politie.import"), role
    # A police zone outside the pilot zones may not.
    org = user("politie").organisatie
    org.politiezone_nr = "5391"  # not a pilot zone
    org.save()
    assert not access.can(user("politie"), "politie.import")


# ---------------------------------------------------------------- the one row validator
def test_the_validator_returns_clean_values_and_no_messages():
    feit = pi.controleer_feit(" le.55.l1.1/26 ", "14 3 2026", ["Partnergeweld", "belaging"],
                              " Ruzie. ", vandaag=VANDAAG)
    assert feit.fouten == {}
    assert feit.waarden == {"pv_nummer": "LE.55.L1.1/26", "datum_feit": dt.date(2026, 3, 14),
                            "vormen": ["partnergeweld", "belaging"], "omschrijving": "Ruzie."}
    persoon = pi.controleer_persoon("Slachtoffer", "  Anna  Maria ", "Test", "1990-05-01", "9000",
                                    vandaag=VANDAAG)
    assert persoon.fouten == {}  # without `postcodes`, any four digits (the short form)
    assert persoon.waarden == {"rol": "slachtoffer", "voornaam": "Anna Maria", "achternaam": "Test",
                               "geboortedatum": dt.date(1990, 5, 1), "postcode": "9000"}


def test_the_validator_names_each_field_in_order():
    feit = pi.controleer_feit("", "morgen", [], "x" * 2001, vandaag=VANDAAG)
    assert list(feit.fouten) == ["pv_nummer", "datum_feit", "vormen", "omschrijving"]
    persoon = pi.controleer_persoon("baas", "", "x" * 81, "1850-01-01", "30", vandaag=VANDAAG,
                                    postcodes=POSTCODES)
    assert list(persoon.fouten) == ["rol", "voornaam", "achternaam", "geboortedatum", "postcode"]
    assert "te ver in het verleden" in persoon.fouten["geboortedatum"]


def test_the_csv_takes_only_iso_dates_the_form_any_typed_date():
    assert pi.controleer_feit("LE.1/26", "14/03/2026", ["belaging"], "", vandaag=VANDAAG).fouten == {}
    csv = pi.controleer_feit("LE.1/26", "14/03/2026", ["belaging"], "", vandaag=VANDAAG, iso=True)
    assert "JJJJ-MM-DD" in csv.fouten["datum_feit"]


@pytest.mark.parametrize("kwargs,veld,waarde", [
    (dict(pv="LE#55"), "pv_nummer", "LE#55"),
    (dict(datum="2099-04-01"), "datum_feit", "2099-04-01"),
    (dict(rol="dader"), "personen-0-rol", "dader"),
    (dict(vn="x" * 81), "personen-0-voornaam", "x" * 81),
    (dict(pc="30000"), "personen-0-postcode", "30000"),
])
def test_short_form_and_csv_say_the_same(client, login, kwargs, veld, waarde):
    """One rule, one message: the CSV line report and the short form agree."""
    import html
    o = ontleed(rij(**kwargs))
    bericht = berichten(o)[0][1]
    login("politie")
    from kit import datum
    data = {"pv_nummer": "LE.55.L1.000001/2026", **datum("datum_feit", "14 3 2026"), "vormen": ["partnergeweld"],
            "omschrijving": "Ruzie.", "personen-0-rol": "slachtoffer", "personen-0-voornaam": "Anna",
            "personen-0-achternaam": "Test", **datum("personen-0-geboortedatum", "1 5 1990"),
            "personen-0-postcode": "3000"}
    data.update(datum(veld, "1 4 2099") if veld == "datum_feit" else {veld: waarde})
    r = client.post("/aanmelden/politie", data=data)
    assert r.status_code == 422 and bericht in html.unescape(r.text)
