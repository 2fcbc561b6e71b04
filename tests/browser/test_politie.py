"""A police officer of a pilot zone imports a CSV of interventions twice (the second time nothing
is new), and refers one intervention with the short form; axe on every screen visited."""
from __future__ import annotations

import re

from kit import fill_date
from playwright.sync_api import expect

from vh.aanmelding import politie as pi

KOP = ",".join(pi.KOLOMMEN)


def _csv(tmp_path, naam="interventies.csv") -> str:
    regels = [KOP,
              "LE.55.L1.100001/2026,2026-03-02,partnergeweld,Ruzie met slagen,slachtoffer,Anna,Peeters,1990-05-01,3000",
              "LE.55.L1.100001/2026,2026-03-02,partnergeweld,,pleger,Bart,Peeters,1988-02-11,3000",
              "LE.55.L1.100002/2026,2026-03-03,belaging|partnergeweld,Volgt haar naar het werk,slachtoffer,Carla,Wouters,1975-07-30,3010",
              "LE.55.L1.100003/2026,2026-03-04,partnergeweld,,dader,Dirk,Janssens,1980-01-01,3000"]
    path = tmp_path / naam
    path.write_text("\ufeff" + "\n".join(regels) + "\n", encoding="utf-8")
    return str(path)


def test_police_imports_a_csv_twice(page, browser_login, axe_check, tmp_path):
    browser_login(page, "politie")
    axe_check(page)
    page.get_by_role("link", name="Politie-instroom").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Interventies invoeren met een bestand")
    axe_check(page)

    # A wrong file first: a clear error, nothing imported.
    verkeerd = tmp_path / "lijst.txt"
    verkeerd.write_text("niets", encoding="utf-8")
    page.set_input_files("input[name=bestand]", str(verkeerd))
    page.get_by_role("button", name="Bestand invoeren").click()
    expect(page.locator(".error-summary")).to_contain_text("Kies een CSV-bestand")
    axe_check(page)

    bestand = _csv(tmp_path)
    page.set_input_files("input[name=bestand]", bestand)
    page.get_by_role("button", name="Bestand invoeren").click()
    page.wait_for_url(re.compile(r"/aanmelden/politie-import/\d+$"))
    expect(page.locator("main")).to_contain_text("2 nieuwe interventies; 0 waren al ingevoerd")
    expect(page.locator("main")).to_contain_text("Onbekende rol 'dader'")
    axe_check(page)

    page.get_by_role("link", name="Nog een bestand invoeren").click()
    page.set_input_files("input[name=bestand]", bestand)
    page.get_by_role("button", name="Bestand invoeren").click()
    page.wait_for_url(re.compile(r"/aanmelden/politie-import/\d+$"))
    expect(page.locator("main")).to_contain_text("0 nieuwe interventies; 2 waren al ingevoerd")
    overgeslagen = page.get_by_role("heading", name="PV-nummers die al ingevoerd waren")
    expect(overgeslagen).to_be_visible()
    expect(page.locator("main")).to_contain_text("LE.55.L1.100002/2026")
    axe_check(page)


def test_police_refers_with_the_short_form(page, browser_login, axe_check):
    browser_login(page, "politie")
    page.goto("/aanmelden/politie")
    axe_check(page)
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(page.locator(".error-summary")).to_contain_text("Vul het PV-nummer in.")
    axe_check(page)
    page.fill("#pv_nummer", "LE.55.L1.200001/2026")
    fill_date(page, "datum_feit", "1 3 2026")
    page.get_by_label("Partnergeweld").check()
    page.fill("#omschrijving", "Slagen na ruzie over geld.")
    page.select_option("#personen-0-rol", "slachtoffer")
    page.fill("#personen-0-voornaam", "Peggy")
    page.fill("#personen-0-achternaam", "Claes")
    fill_date(page, "personen-0-geboortedatum", "17 4 1979")
    page.fill("#personen-0-postcode", "3000")
    page.get_by_role("button", name="Nog een persoon toevoegen").click()
    expect(page.locator("#persoon-4")).to_be_visible()
    expect(page.locator("#personen-0-voornaam")).to_have_value("Peggy")
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.wait_for_url(re.compile(r"/aanmelden/politie/\d+/verstuurd$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelding verstuurd")
    expect(page.locator("main")).to_contain_text("Veilig Huis Oost-Brabant")
    axe_check(page)


def test_other_referrers_see_no_police_link(page, browser_login, axe_check):
    browser_login(page, "aanmelder")
    expect(page.get_by_role("link", name="Politie-instroom")).to_have_count(0)
    response = page.goto("/aanmelden/politie-import")
    assert response.status == 403
    axe_check(page)
