"""Screens of the police inflow: the short form, the CSV import and its result, the template,
as pages and as htmx fragments, with and without JavaScript, and who may use them."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from kit import assert_fragment, assert_page, datum

from vh.aanmelding import politie as pi
from vh.models import Aanmelding, AuditEvent, Persoon, PolitieImport, PvNummer

KOP = ",".join(pi.KOLOMMEN)
# As in conftest (not imported: tests/browser/conftest.py shadows the name): aimed at an element.
HX = {"HX-Request": "true", "HX-Target": "politie-formulier"}
BOOSTED = {"HX-Request": "true", "HX-Boosted": "true"}


def csv_bytes(n: int = 12, bad: bool = False) -> bytes:
    regels = [KOP]
    for i in range(n):
        pv = f"LE.55.L1.{i:06d}/2026"
        regels.append(f"{pv},2026-03-01,partnergeweld,Incident,slachtoffer,Vrouw{i},Test,1990-01-01,3000")
        regels.append(f"{pv},2026-03-01,partnergeweld,,pleger,Man{i},Test,1988-01-01,3000")
    if bad:
        regels.append("LE.99/26,2026-03-01,partnergeweld,,dader,X,Y,1990-01-01,3000")
    return ("\n".join(regels) + "\n").encode("utf-8")


def upload(client, data: bytes, naam="interventies.csv", headers=None, content_type="text/csv"):
    return client.post("/aanmelden/politie-import", headers=headers or {},
                       data={"bestand": (io.BytesIO(data), naam, content_type)},
                       content_type="multipart/form-data")


def kort_data(**extra):
    data = {"pv_nummer": "LE.55.L1.012345/2026", **datum("datum_feit", "1 3 2026"), "vormen": ["partnergeweld"],
            "omschrijving": "Slagen na ruzie.", "actie": "versturen",
            "personen-0-rol": "slachtoffer", "personen-0-voornaam": "Peggy", "personen-0-achternaam": "Claes",
            **datum("personen-0-geboortedatum", "17 4 1979"), "personen-0-postcode": "3000",
            "personen-1-rol": "pleger", "personen-1-voornaam": "Jordy", "personen-1-achternaam": "Maes",
            **datum("personen-1-geboortedatum", "2 11 1976"), "personen-1-postcode": "3000"}
    data.update(extra)
    return data


# ---------------------------------------------------------------- access
@pytest.mark.parametrize("url", ["/aanmelden/politie", "/aanmelden/politie-import",
                                 "/aanmelden/politie-import/sjabloon.csv"])
@pytest.mark.parametrize("role", ["aanmelder", "huisarts", "coordinator", "parket", "kernpartner",
                                  "regisseur2", "beheerder", "dpo"])
def test_others_get_403(client, login, url, role):
    login(role)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", ["/aanmelden/politie", "/aanmelden/politie-import"])
def test_anonymous_must_log_in(client, url):
    r = client.get(url)
    assert r.status_code == 302 and "/login" in r.headers["Location"]


def test_others_cannot_post_either(client, login):
    login("aanmelder")
    assert upload(client, csv_bytes(1)).status_code == 403
    assert client.post("/aanmelden/politie", data=kort_data()).status_code == 403
    assert Aanmelding.select().count() == 0


def test_nav_and_home_tile_only_for_police_of_a_pilot_zone(client, login):
    login("politie")
    home = client.get("/").text
    assert 'href="/aanmelden/politie-import"' in home and 'href="/aanmelden/politie"' in home
    client.post("/logout")
    login("aanmelder")
    home = client.get("/").text
    assert "/aanmelden/politie" not in home


# ---------------------------------------------------------------- short form
def test_short_form_page_and_fragment(client, login):
    login("politie")
    page = client.get("/aanmelden/politie")
    assert_page(page)
    assert "Persoon 3" in page.text
    frag = client.get("/aanmelden/politie", headers=HX)
    assert_fragment(frag)
    assert 'id="politie-formulier"' in frag.text
    assert "HX-Request" in frag.headers.get("Vary", "")


def test_short_form_submits_a_referral_at_once(client, login, user):
    login("politie")
    r = client.post("/aanmelden/politie", data=kort_data())
    assert r.status_code == 303
    a = Aanmelding.get()
    assert r.headers["Location"].endswith(f"/aanmelden/politie/{a.id}/verstuurd")
    assert (a.status, a.bron, a.pv_nummers) == ("ingediend", "politie-kort", "LE.55.L1.012345/2026")
    assert a.team.naam == "Veilig Huis Oost-Brabant" and a.auteur_id == user("politie").id
    assert a.datum_incident == dt.date(2026, 3, 1) and a.recent_incident == "Slagen na ruzie."
    personen = list(a.personen.order_by(Persoon.id))
    assert [(p.naam, p.geboortedatum) for p in personen] == [
        ("Peggy Claes", dt.date(1979, 4, 17)), ("Jordy Maes", dt.date(1976, 11, 2))]
    assert personen[0].naam_norm == "peggy claes" and personen[0].gemeente.gemeente == "Leuven"
    assert PvNummer.get().aanmelding_id == a.id
    acties = [e.actie for e in AuditEvent.select().order_by(AuditEvent.id)]
    assert "aanmelding.create" in acties and "aanmelding.submit" in acties
    done = client.get(r.headers["Location"])
    assert done.status_code == 200 and a.nummer in done.text and "Aanmelding verstuurd" in done.text


def test_short_form_with_htmx(client, login):
    login("politie")
    r = client.post("/aanmelden/politie", data=kort_data(), headers=HX)
    assert r.status_code == 204 and "/verstuurd" in r.headers["HX-Location"]
    boosted = client.post("/aanmelden/politie", data=kort_data(pv_nummer="LE.2/26"), headers=BOOSTED)
    assert boosted.status_code == 303


@pytest.mark.parametrize("extra,bericht", [
    (dict(pv_nummer=""), "Vul het PV-nummer in."),
    (dict(pv_nummer="LE 55 # 1"), "bijvoorbeeld LE.55.L1.012345/2026"),
    (datum("datum_feit", "1 1 2099"), "De datum van de feiten (2099-01-01) ligt in de toekomst."),
    (datum("datum_feit", "31 2 2026"), "Datum van de feiten moet een bestaande datum zijn, bijvoorbeeld 14 3 2026."),
    (dict(vormen=[]), "Kies minstens één vorm"),
    (dict(vormen=["oorlog"]), "Kies een vorm uit de lijst"),
    (dict(omschrijving=""), "Beschrijf kort wat er gebeurd is."),
    (dict(omschrijving="x" * 2001), "hoogstens 2000 tekens"),
    ({"personen-0-rol": "pleger"}, "Geef minstens één persoon de rol slachtoffer"),
    ({"personen-0-rol": "baas"}, "Onbekende rol &#39;baas&#39;"),
    ({"personen-1-voornaam": ""}, "Vul de voornaam in."),
    (datum("personen-1-geboortedatum", "gisteren"), "Geboortedatum moet een bestaande datum zijn"),
    ({"personen-1-postcode": "30"}, "een postcode heeft 4 cijfers"),
    ({"personen-0-voornaam": "", "personen-0-achternaam": "", "personen-0-rol": "",
      **datum("personen-0-geboortedatum", ""), "personen-0-postcode": "", "personen-1-voornaam": "",
      "personen-1-achternaam": "", "personen-1-rol": "", **datum("personen-1-geboortedatum", ""),
      "personen-1-postcode": ""}, "Vul minstens het slachtoffer in."),
])
def test_short_form_validation_422(client, login, extra, bericht):
    login("politie")
    r = client.post("/aanmelden/politie", data=kort_data(**extra))
    assert r.status_code == 422, r.text[:300]
    assert bericht in r.text and "Er is een probleem" in r.text
    assert Aanmelding.select().count() == 0
    frag = client.post("/aanmelden/politie", data=kort_data(**extra), headers=HX)
    assert_fragment(frag, 422)
    assert bericht in frag.text


def test_short_form_refuses_a_pv_already_in(client, login):
    login("politie")
    assert client.post("/aanmelden/politie", data=kort_data()).status_code == 303
    r = client.post("/aanmelden/politie", data=kort_data(pv_nummer=" le.55.l1.012345/2026"))
    assert r.status_code == 422 and "al aangemeld" in r.text
    assert Aanmelding.select().count() == 1


def test_short_form_adds_a_person_block_without_js(client, login):
    login("politie")
    r = client.post("/aanmelden/politie", data=kort_data(actie="persoon_erbij"))
    assert r.status_code == 200 and "Persoon 4" in r.text and "Er is een probleem" not in r.text
    assert 'value="Peggy"' in r.text and Aanmelding.select().count() == 0


def test_confirmation_only_for_its_author(client, login):
    login("politie")
    loc = client.post("/aanmelden/politie", data=kort_data()).headers["Location"]
    client.post("/logout")
    login("aanmelder")
    assert client.get(loc).status_code == 404


# ---------------------------------------------------------------- import
def test_import_page_and_fragment(client, login):
    login("politie")
    page = client.get("/aanmelden/politie-import")
    assert_page(page)
    assert 'enctype="multipart/form-data"' in page.text
    assert "/aanmelden/politie-import/sjabloon.csv" in page.text
    frag = client.get("/aanmelden/politie-import", headers=HX)
    assert_fragment(frag)
    assert 'name="bestand"' in frag.text


def test_sjabloon_download(client, login):
    login("politie")
    r = client.get("/aanmelden/politie-import/sjabloon.csv")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    assert "attachment" in r.headers["Content-Disposition"]
    assert r.data.startswith("\ufeff".encode()) and r.data.decode("utf-8-sig").startswith(KOP)


def test_import_twice_says_nothing_new(client, login):
    login("politie")
    r = upload(client, csv_bytes(12))
    assert r.status_code == 303 and "/aanmelden/politie-import/" in r.headers["Location"]
    eerste = client.get(r.headers["Location"])
    assert "12 nieuwe interventies; 0 waren al ingevoerd" in eerste.text
    r2 = upload(client, csv_bytes(12))
    tweede = client.get(r2.headers["Location"])
    assert "0 nieuwe interventies; 12 waren al ingevoerd" in tweede.text
    assert Aanmelding.select().count() == 12
    # The result page as a fragment too.
    frag = client.get(r2.headers["Location"], headers=HX)
    assert_fragment(frag)
    assert "12 waren al ingevoerd" in frag.text
    # The upload page lists the earlier uploads.
    assert client.get("/aanmelden/politie-import").text.count("al ingevoerd,") == 2


def test_import_with_htmx_and_boosted(client, login):
    login("politie")
    r = upload(client, csv_bytes(1), headers=HX)
    assert r.status_code == 204 and "/aanmelden/politie-import/" in r.headers["HX-Location"]
    assert upload(client, csv_bytes(2), headers=BOOSTED).status_code == 303


def test_result_lists_errors_per_line(client, login):
    login("politie")
    r = upload(client, csv_bytes(2, bad=True))
    page = client.get(r.headers["Location"]).text
    assert "2 nieuwe interventies; 0 waren al ingevoerd" in page
    assert "Onbekende rol" in page and "<td class=\"table__num\">6</td>" in page and "LE.99/26" in page


@pytest.mark.parametrize("data,naam,ctype,bericht", [
    (b"%PDF-1.4 binary", "pv.pdf", "application/pdf", "Kies een CSV-bestand"),
    (b"%PDF-1.4 binary", "pv.csv", "application/pdf", "geen CSV-bestand"),
    (b"PK\x03\x04\x14\x00", "pv.csv", "application/vnd.ms-excel", "Excel-bestand"),
    (b"\x00\x01\x02\x03", "pv.csv", "text/csv", "geen CSV-bestand"),
    ("pv_nummer,Zoë".encode("cp1252"), "pv.csv", "text/csv", "UTF-8"),
    (b"naam,adres\nA,B\n", "pv.csv", "text/csv", "De eerste regel moet de kolomnamen bevatten"),
    (KOP.encode() + b"\n", "pv.csv", "text/csv", "geen interventies"),
])
def test_bad_files_get_a_clear_error(client, login, data, naam, ctype, bericht):
    login("politie")
    r = upload(client, data, naam, content_type=ctype)
    assert r.status_code == 422 and bericht in r.text and "Er is een probleem" in r.text
    assert PolitieImport.select().count() == 0


def test_missing_file_422(client, login):
    login("politie")
    r = client.post("/aanmelden/politie-import", data={}, content_type="multipart/form-data")
    assert r.status_code == 422 and "Kies het CSV-bestand" in r.text


def test_oversized_file_413(app, client, login):
    login("politie")
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    r = upload(client, csv_bytes(1000))
    assert r.status_code == 413 and "te groot" in r.text and "64 kB" in r.text
    assert 'name="bestand"' in r.text and Aanmelding.select().count() == 0
    frag = upload(client, csv_bytes(1000), headers=HX)
    assert frag.status_code == 413 and "<html" not in frag.text


def test_default_limit_is_5_mb(app):
    assert app.config["MAX_CONTENT_LENGTH"] == 5 * 1024 * 1024


def test_result_of_someone_else_is_404(client, login, app):
    login("politie")
    loc = upload(client, csv_bytes(1)).headers["Location"]
    client.post("/logout")
    login("coordinator")
    assert client.get(loc).status_code == 403
    assert client.get("/aanmelden/politie-import/999999").status_code == 403
    from vh.auth.accounts import create_user
    create_user(email="agent2@vh.test", naam="Agent Twee", rollen=["aanmelder"], password="blauwe fiets op de markt",
                organisatie="PZ Leuven", teams=[])
    client.post("/logout")
    client.post("/login", data={"email": "agent2@vh.test", "password": "blauwe fiets op de markt"})
    assert client.get("/aanmelden/politie-import").status_code == 200
    assert client.get(loc).status_code == 404


def test_csrf_is_required(tmp_path, request):
    from kit import seeded_app
    app = seeded_app(tmp_path, WTF_CSRF_ENABLED=True)
    c = app.test_client()
    page = c.get("/login").text
    import re
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    assert c.post("/login", data={"email": "politie@vh.test", "password": "demo-veilig-huis",
                                  "csrf_token": token}).status_code == 303
    r = c.post("/aanmelden/politie-import", data={"bestand": (io.BytesIO(csv_bytes(1)), "x.csv")},
               content_type="multipart/form-data")
    assert r.status_code == 400
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', c.get("/aanmelden/politie-import").text).group(1)
    r = c.post("/aanmelden/politie-import", data={"bestand": (io.BytesIO(csv_bytes(1)), "x.csv"),
                                                  "csrf_token": token},
               content_type="multipart/form-data")
    assert r.status_code == 303
