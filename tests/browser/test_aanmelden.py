"""The referral form in Chromium: a CAW worker with JavaScript, a GP without, and a draft resumed
after logging out and in again. axe runs on every screen visited.

Uses the shared browser fixtures (tests/browser/conftest.py): live_server, page, page_nojs,
browser_login(page, role), axe_check(page)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


def start(page, axe_check):
    page.goto("/aanmelden")
    axe_check(page)
    page.click("button:has-text('Start de aanmelding')")
    page.wait_for_url(re.compile(r"/aanmelden/\d+/aanmelder$"))
    expect(page.locator("#voortgang")).to_contain_text("Stap 1 van 7: Wie meldt aan")
    axe_check(page)
    return int(re.search(r"/aanmelden/(\d+)/", page.url).group(1))


def verder(page, stap_url_part, titel=None):
    page.click("button:has-text('Opslaan en verder')")
    page.wait_for_url(re.compile(stap_url_part + "$"))
    if titel:
        expect(page.locator("#voortgang")).to_contain_text(titel)


def stap_aanmelder(page, axe_check):
    expect(page.locator("#naam")).not_to_have_value("")
    page.fill("#telefoon", "016 12 34 56")
    verder(page, "/gebeurd", "Stap 2 van 7: Wat is er gebeurd")
    axe_check(page)


def stap_gebeurd(page, axe_check, js=True):
    # first without any answer: the error summary links to the fields
    page.click("button:has-text('Opslaan en verder')")
    expect(page.locator(".error-summary")).to_contain_text("Kies minstens één vorm")
    axe_check(page)
    page.check("label:has-text('Partnergeweld')")
    page.check("label:has-text('Fysiek')")
    page.fill("#recent_incident", "Hij sloeg haar met de vlakke hand; de kinderen waren thuis.")
    page.fill("#datum_incident", "2")
    page.fill("#datum_incident-maand", "3")
    page.fill("#datum_incident-jaar", "2026")
    page.check("#politie_betrokken-0")
    page.fill("#pv_nummers", "LE.12.L1.012345/2026")
    verder(page, "/clientsysteem", "Stap 3 van 7: Het cliëntsysteem")
    axe_check(page)


def persoon(page, voornaam, achternaam, dag, maand, jaar, rol, postcode, deelgemeente=None, js=True):
    page.fill("#voornaam", voornaam)
    page.fill("#achternaam", achternaam)
    page.fill("#geboortedatum", dag)
    page.fill("#geboortedatum-maand", maand)
    page.fill("#geboortedatum-jaar", jaar)
    page.select_option("#rol", rol)
    page.fill("#postcode", postcode)
    if js:
        keuze = page.locator("#gemeente-keuze")
        if deelgemeente:
            expect(keuze.locator("select")).to_be_visible()
            page.select_option("#gemeente", label=deelgemeente)
        else:
            expect(keuze).to_contain_text("Gemeente:")
    page.click("button:has-text('Persoon toevoegen')")


def stap_hulp_tot_veiligheid(page, axe_check):
    page.fill("#hulpverlening", "CAW Oost-Brabant sinds 2025.")
    page.fill("#hulp_vastgelopen", "Mevrouw komt niet meer naar de afspraken.")
    verder(page, "/criteria", "Stap 5 van 7")
    axe_check(page)
    page.check("#criterium_complex")
    page.fill("#criterium_complex_uitleg", "Geweld, schulden en psychische problemen.")
    page.fill("#vraag", "Een plan samen met politie en parket.")
    verder(page, "/veiligheid", "Stap 6 van 7")
    axe_check(page)
    page.check("#gezin_op_de_hoogte-1")
    page.fill("#waarom_niet_op_de_hoogte", "Mevrouw is bang voor de reactie van haar partner.")
    page.fill("#veilig_contact", "Alleen op haar werk bellen, niet na 17 u, geen voicemail.")
    page.check("#pleger_contacteren-1")
    page.fill("#taal", "Nederlands")
    verder(page, "/controle", "Stap 7 van 7: Controleer uw antwoorden")
    axe_check(page)


def versturen(page, axe_check):
    page.click("button:has-text('Aanmelding versturen')")
    page.wait_for_url(re.compile(r"/verstuurd$"))
    panel = page.locator(".panel--confirmation")
    expect(panel).to_contain_text(re.compile(r"VH-\d{4}-\d{4}"))
    axe_check(page)
    return panel.locator("#referentienummer").inner_text()


def test_caw_worker_refers_with_javascript(page, browser_login, axe_check):
    browser_login(page, "aanmelder")
    start(page, axe_check)
    stap_aanmelder(page, axe_check)
    stap_gebeurd(page, axe_check)
    # persons inline: the list updates without a page load, the postcode answers while typing
    page.evaluate("window.__zelfde_pagina = true")
    persoon(page, "Leen", "Vandenberghe", "11", "2", "1990", "slachtoffer", "1800", "1800 Peutie (Vilvoorde)")
    expect(page.locator("#personen")).to_contain_text("Leen Vandenberghe")
    persoon(page, "Tom", "Vandenberghe", "1", "1", "1988", "pleger", "3000")
    expect(page.locator("#personen")).to_contain_text("Personen (2)")
    page.click("a:has-text('Wijzig'):has(span:text('Tom Vandenberghe'))")
    expect(page.locator("#persoon-titel")).to_contain_text("Tom Vandenberghe wijzigen")
    page.fill("#relatie", "partner van Leen")
    page.click("button:has-text('Wijzigingen opslaan')")
    expect(page.locator("#personen")).to_contain_text("partner van Leen")
    page.click("button:has-text('Verwijder'):has(span:text('Tom Vandenberghe'))")
    expect(page.locator("#personen")).to_contain_text("Personen (1)")
    assert page.evaluate("window.__zelfde_pagina === true")  # no full page load so far
    axe_check(page)
    verder(page, "/hulp", "Stap 4 van 7")
    assert page.evaluate("window.__zelfde_pagina === true")  # the step swapped in place
    axe_check(page)
    # the back button returns to the previous step
    page.go_back()
    page.wait_for_url(re.compile(r"/clientsysteem$"))
    expect(page.locator("#voortgang")).to_contain_text("Stap 3 van 7")
    expect(page.locator("#personen")).to_contain_text("Leen Vandenberghe")
    verder(page, "/hulp", "Stap 4 van 7")
    stap_hulp_tot_veiligheid(page, axe_check)
    expect(page.locator("#woonplaats")).to_contain_text("Pilootzone")
    expect(page.locator("#stap")).to_contain_text("Veilig Huis Halle-Vilvoorde")
    nummer = versturen(page, axe_check)
    page.goto("/aanmeldingen")
    expect(page.locator("table")).to_contain_text(nummer)
    expect(page.locator("table")).to_contain_text("Ontvangen")
    axe_check(page)


@pytest.fixture
def axe_check_nojs(browser, live_server, axe_check):
    """axe needs JavaScript, and hangs on a page without it: check the same HTML (as the server
    sent it, with the same stylesheet) in a JavaScript-enabled page of the same origin."""
    context = browser.new_context(base_url=live_server, locale="nl-BE")
    checker = context.new_page()

    def _check(page):
        html = page.content()
        checker.route("**/__axe__", lambda route: route.fulfill(body=html, content_type="text/html"))
        checker.goto("/__axe__")
        axe_check(checker)
        checker.unroute("**/__axe__")
    yield _check
    context.close()


def test_gp_refers_without_javascript(page_nojs, browser_login, axe_check_nojs):
    page, axe_check = page_nojs, axe_check_nojs
    browser_login(page, "huisarts")
    start(page, axe_check)
    stap_aanmelder(page, axe_check)
    stap_gebeurd(page, axe_check, js=False)
    # the server resolves the postcode and asks for the deelgemeente
    persoon(page, "Ria", "Goris", "21", "3", "1968", "slachtoffer", "1800", js=False)
    expect(page.locator(".error-summary")).to_contain_text("kies de juiste deelgemeente")
    axe_check(page)
    page.select_option("#gemeente", label="1800 Vilvoorde")
    page.click("button:has-text('Persoon toevoegen')")
    page.wait_for_url(re.compile(r"/clientsysteem(#personen)?$"))
    expect(page.locator("#personen")).to_contain_text("Ria Goris")
    # a birth date in the future is refused beside the field
    persoon(page, "Kind", "Goris", "1", "1", "2999", "kind-getuige", "1800", js=False)
    expect(page.locator("#geboortedatum-fout")).to_contain_text("toekomst")
    axe_check(page)
    page.fill("#geboortedatum-jaar", "2015")
    page.select_option("#gemeente", label="1800 Vilvoorde")
    page.fill("#school", "Sint-Jozefscollege")
    page.click("button:has-text('Persoon toevoegen')")
    expect(page.locator("#personen")).to_contain_text("Personen (2)")
    verder(page, "/hulp", "Stap 4 van 7")
    axe_check(page)
    stap_hulp_tot_veiligheid(page, axe_check)
    expect(page.locator("#stap")).to_contain_text("Sint-Jozefscollege")
    # Wijzig leads back to the step; the answer is there
    page.click("a[href$='/gebeurd#pv_nummers']")
    page.wait_for_url(re.compile(r"/gebeurd#pv_nummers$"))
    expect(page.locator("#pv_nummers")).to_have_value("LE.12.L1.012345/2026")
    page.goto(page.url.replace("/gebeurd#pv_nummers", "/controle"))
    nummer = versturen(page, axe_check)
    expect(page.locator("main")).not_to_contain_text("bekend")
    page.goto("/aanmeldingen")
    expect(page.locator("table")).to_contain_text(nummer)


def test_resume_after_logging_out_and_in(page, browser_login, axe_check):
    browser_login(page, "aanmelder")
    aid = start(page, axe_check)
    stap_aanmelder(page, axe_check)
    page.check("label:has-text('Belaging')")
    page.fill("#recent_incident", "Hij wacht haar elke dag op aan het werk.")
    page.click("button:has-text('Opslaan en later verdergaan')")
    page.wait_for_url(re.compile(r"/aanmeldingen$"))
    expect(page.locator("table")).to_contain_text("Concept")
    axe_check(page)
    page.click("button:has-text('Afmelden')")
    page.wait_for_url(re.compile(r"/login"))
    page.context.clear_cookies()
    browser_login(page, "aanmelder")
    page.click("a:has-text('Mijn aanmeldingen')")
    page.click("a:has-text('Verder invullen')")
    page.wait_for_url(re.compile(rf"/aanmelden/{aid}/gebeurd$"))
    expect(page.locator("#recent_incident")).to_have_value("Hij wacht haar elke dag op aan het werk.")
    expect(page.locator("label:has-text('Belaging') >> xpath=..").locator("input")).to_be_checked()
    axe_check(page)


def test_answers_save_as_they_change_and_a_typed_person_is_kept(page, browser_login, axe_check):
    """Issue 8 item 11: with JavaScript each answer is saved on change (no button), and
    "Opslaan en verder" on the cliëntsysteem saves a person typed but not yet added."""
    browser_login(page, "aanmelder")
    aid = start(page, axe_check)
    page.goto(f"/aanmelden/{aid}/hulp")
    expect(page.locator("#bewaard")).to_contain_text("bewaard als concept")
    page.fill("#hulpverlening", "CAW begeleidt sinds 2024.")
    page.locator("#hulpverlening").blur()  # the change event
    expect(page.locator("#bewaard")).to_contain_text("Automatisch bewaard om")
    axe_check(page)
    page.goto(f"/aanmelden/{aid}/aanmelder")  # leave without pressing a button, come back
    page.goto(f"/aanmelden/{aid}/hulp")
    expect(page.locator("#hulpverlening")).to_have_value("CAW begeleidt sinds 2024.")

    page.goto(f"/aanmelden/{aid}/clientsysteem")
    page.fill("#voornaam", "Leen")
    page.fill("#achternaam", "Vandenberghe")
    page.select_option("#rol", "slachtoffer")
    verder(page, "/hulp", "Stap 4 van 7")
    page.goto(f"/aanmelden/{aid}/clientsysteem")
    expect(page.locator("#personen")).to_contain_text("Leen Vandenberghe")
    page.goto(f"/aanmelden/{aid}/hulp")  # the cliëntsysteem is not complete yet: no postcode
    expect(page.locator(".progress__steps li:has(a:text('Het cliëntsysteem'))")).not_to_have_class("progress__done")
