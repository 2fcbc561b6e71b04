"""Walk 1 of the seed cases in Chromium, end to end through the real screens (htmx on):

the police of a pilot zone refers Peggy Claes and Jordy Maes with the short form → the coordinator
receives it, finds no earlier dossier and opens one (parketcheck asked) → the parket answers akkoord →
the coordinator plans a triage overleg with the police and the CGG, builds the agenda and notes the
bespreking → police and CGG each add a bijdrage → spoor 2 with regisseur2 → the dossier is in
kennismaking; regisseur2 sees it, the police sees "Afgerond: opgenomen" and can no longer open it.
axe_check on every screen. Shared fixtures from tests/browser/conftest.py."""
from __future__ import annotations

import datetime as dt
import re

from kit import fill_date
from playwright.sync_api import expect

from vh.db import db
from vh.models import Aanmelding, Dossier

PV = "LE.55.L1.300417/2026"


def _wissel(page, browser_login, role):
    """Sign out (the button in the header) and sign in as another role."""
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login")
    browser_login(page, role)


def test_peggy_en_jordy_van_politie_tot_spoor_2(page, live_server, browser_login, axe_check):
    # 1. Police, pilot zone PZ Leuven: the short form.
    browser_login(page, "politie")
    page.goto("/aanmelden/politie")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(page)
    page.get_by_label("PV-nummer").fill(PV)
    feit = dt.date.today() - dt.timedelta(days=2)
    fill_date(page, "datum_feit", f"{feit.day} {feit.month} {feit.year}")
    page.get_by_label("Partnergeweld").check()
    page.fill("#omschrijving", "Slagen na ruzie; hij had gedronken. Tweede interventie.")
    for i, (rol, voornaam, achternaam, geboren) in enumerate(
            [("slachtoffer", "Peggy", "Claes", "17 4 1979"), ("pleger", "Jordy", "Maes", "2 11 1976")]):
        page.select_option(f"#personen-{i}-rol", rol)
        page.fill(f"#personen-{i}-voornaam", voornaam)
        page.fill(f"#personen-{i}-achternaam", achternaam)
        fill_date(page, f"personen-{i}-geboortedatum", geboren)
        page.fill(f"#personen-{i}-postcode", "3000")
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.wait_for_url(re.compile(r"/aanmelden/politie/\d+/verstuurd$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelding verstuurd")
    axe_check(page)
    with db.connection_context():
        aanmelding = Aanmelding.get(Aanmelding.pv_nummers == PV)
        nummer = aanmelding.nummer
    expect(page.locator("main")).to_contain_text(nummer)

    # The referrer's own list: the short police referral is there, "Ontvangen".
    page.goto("/aanmeldingen")
    rij = page.get_by_role("row").filter(has_text=nummer)
    expect(rij).to_contain_text("Peggy Claes")
    expect(rij).to_contain_text("Ontvangen")
    axe_check(page)

    # 2. The coordinator: inbox, no earlier dossier, admissible → new dossier, parketcheck asked.
    _wissel(page, browser_login, "coordinator")
    page.get_by_role("link", name="Ontvangst").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ontvangst")
    axe_check(page)
    page.get_by_role("link", name=nummer).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nummer)
    expect(page.locator("main")).to_contain_text("Pilootzone")
    expect(page.locator("main")).to_contain_text("Geen lopend of recent dossier met dezelfde personen gevonden.")
    expect(page.get_by_role("row").filter(has_text="Peggy Claes")).to_contain_text("Slachtoffer")
    expect(page.get_by_role("row").filter(has_text="Jordy Maes")).to_contain_text("Pleger")
    axe_check(page)
    page.get_by_role("radio", name="Ontvankelijk: een nieuw dossier openen").check()
    page.get_by_role("button", name="Beslissing bewaren").click()
    page.wait_for_url(re.compile(r"/dossiers/\d+$"))
    dossier_id = int(page.url.rsplit("/", 1)[1])
    expect(page.locator("#volgende-stap")).to_contain_text("Wacht op antwoord van het parket")
    axe_check(page)
    with db.connection_context():
        dossier = Dossier.get_by_id(dossier_id)
        dossier_nummer = dossier.nummer
        assert dossier.pilootzone and dossier.fase == "parketcheck"

    # 3. The parket answers akkoord.
    _wissel(page, browser_login, "parket")
    page.goto("/parket")
    expect(page.get_by_role("heading", level=1)).to_have_text("Parketcheck")
    axe_check(page)
    page.get_by_role("link", name=f"Dossier {dossier_nummer}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Dossier {dossier_nummer}")
    axe_check(page)
    page.get_by_role("radio", name="Akkoord", exact=True).check()
    page.get_by_role("button", name="Antwoord versturen").click()
    page.wait_for_url(re.compile(r"/parket$"))
    expect(page.locator(".flash")).to_contain_text("Uw antwoord is bewaard")
    axe_check(page)

    # 4. The coordinator plans the triage overleg with the police and the CGG, builds the agenda.
    _wissel(page, browser_login, "coordinator")
    page.goto(f"/dossiers/{dossier_id}")
    expect(page.locator(".dossier-kop")).to_contain_text("Te bespreken")
    axe_check(page)
    page.goto("/overleggen/nieuw")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw triage-overleg")
    axe_check(page)
    datum = dt.date.today()
    page.fill("#datum", str(datum.day))  # dag, maand, jaar: vh.forms.DatumField
    page.fill("#datum-maand", str(datum.month))
    page.fill("#datum-jaar", str(datum.year))
    page.fill("#tijd", "09:30")
    page.get_by_label("Plaats").fill("Leuven, vergaderzaal 2")
    page.get_by_label(re.compile("Inspecteur Tom Claes")).check()
    page.get_by_label(re.compile("Nadia El Amrani")).check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/overleggen/\d+$"))
    overleg_id = int(page.url.rsplit("/", 1)[1])
    deelnemers = page.locator(".summary-list")
    expect(deelnemers).to_contain_text("Inspecteur Tom Claes")
    expect(deelnemers).to_contain_text("Nadia El Amrani")
    page.get_by_role("button", name="Agenda opbouwen").click()
    punt = page.get_by_role("link", name=f"Punt 1: {dossier_nummer}")
    expect(punt).to_be_visible()
    axe_check(page)

    # 5. Walk the agenda item: the bespreking.
    punt.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Punt 1 van 1: {dossier_nummer}")
    expect(page.locator("main")).to_contain_text("Peggy Claes")
    axe_check(page)
    page.get_by_label("Notities van de bespreking").fill(
        "Partnergeweld onder invloed van alcohol; geen eerdere voorgeschiedenis.")
    page.get_by_role("button", name="Bespreking opslaan").click()
    expect(page.get_by_text("De bespreking is opgeslagen")).to_be_visible()
    axe_check(page)
    punt_url = f"/overleggen/{overleg_id}/punt/1"

    # 6. The police adds a bijdrage, then the CGG.
    for role, tekst in (("politie", "Twee interventies bij dit koppel; telkens na drankgebruik."),
                        ("kernpartner", "Peggy is bij ons niet gekend; een gesprek over dagbesteding is mogelijk.")):
        _wissel(page, browser_login, role)
        page.goto(punt_url)
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Punt 1 van 1: {dossier_nummer}")
        axe_check(page)
        page.get_by_label("Uw bijdrage").fill(tekst)
        with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/bijdrage")) as req:
            page.get_by_role("button", name="Bijdrage opslaan").click()
        assert req.value.headers.get("hx-request") == "true"  # htmx swaps the region in place
        expect(page.get_by_text("Uw bijdrage is opgeslagen")).to_be_visible()
        expect(page.locator("#bijdragen")).to_contain_text(tekst)
        axe_check(page)
    expect(page.locator("#bijdragen .card")).to_have_count(2)
    expect(page.locator("#bijdragen")).to_contain_text("PZ Leuven")
    expect(page.locator("#bijdragen")).to_contain_text("CGG Vlaams-Brabant Oost")

    # 7. The coordinator: kwalificatie en weging → the decision, spoor 2 with regisseur2.
    _wissel(page, browser_login, "coordinator")
    page.goto(punt_url)
    expect(page.locator("#bijdragen .card")).to_have_count(2)
    page.get_by_role("link", name="Naar het besluit").click()
    page.wait_for_url(re.compile(rf"/dossiers/{dossier_id}/besluit\?overleg={overleg_id}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Besluit")
    expect(page.locator("main")).to_contain_text("Besluit in het triage-overleg van")
    axe_check(page)
    # spoor 2 without a regisseur: the error, in place
    page.get_by_role("radio", name=re.compile("^Spoor 2")).check()
    page.get_by_label("Motivering").fill(
        "Korte casusondersteuning: warme doorverwijzing naar budgethulp, alcoholhulp voor Jordy, "
        "dagbesteding voor Peggy en een veiligheidsplan.")
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.locator(".error-summary")).to_contain_text("Kies een casusregisseur van het lokaal bestuur")
    axe_check(page)
    page.get_by_label(re.compile("^Casusregisseur")).select_option(label="Lotte Stevens")
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.locator("main")).to_contain_text("Over dit dossier is beslist")
    expect(page.locator("main")).to_contain_text("Lotte Stevens is de casusregisseur")
    axe_check(page)
    page.goto(f"/dossiers/{dossier_id}")
    kop = page.locator(".dossier-kop")
    expect(kop).to_contain_text("Kennismaking")
    expect(kop).to_contain_text("Spoor 2")
    axe_check(page)
    with db.connection_context():
        dossier = Dossier.get_by_id(dossier_id)
        assert (dossier.fase, dossier.spoor) == ("kennismaking", 2)

    # 8. regisseur2 (Lotte Stevens, Stad Leuven) sees the dossier, in the list and on its page.
    _wissel(page, browser_login, "regisseur2")
    page.goto("/dossiers")
    axe_check(page)
    page.get_by_role("link", name=dossier_nummer).click()
    page.wait_for_url(re.compile(rf"/dossiers/{dossier_id}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Dossier {dossier_nummer}")
    expect(page.locator("main")).to_contain_text("Peggy Claes")
    expect(page.locator("main")).to_contain_text("Jordy Maes")
    axe_check(page)

    # 9. The referrer: "Afgerond: opgenomen", nothing more; as kernpartner, no longer the dossier.
    _wissel(page, browser_login, "politie")
    page.goto("/aanmeldingen")
    rij = page.get_by_role("row").filter(has_text=nummer)
    expect(rij).to_contain_text("Afgerond: opgenomen")
    expect(rij).not_to_contain_text("Spoor")
    expect(rij).not_to_contain_text("Lotte Stevens")
    axe_check(page)
    response = page.goto(f"/dossiers/{dossier_id}")
    assert response.status == 404
    axe_check(page)
    page.goto(punt_url)
    expect(page.locator("main")).to_contain_text("U kunt dit dossier niet (meer) inzien")
    expect(page.locator("main")).not_to_contain_text("Peggy")
    axe_check(page)
