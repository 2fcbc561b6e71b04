"""Browser walk: the coordinator receives a referral and opens a dossier, the parket objects
(bezwaar), and the dossier page then says that only advice is possible. axe on every screen.

Uses the shared fixtures of tests/browser/conftest.py: live_server, page, browser_login, axe_check."""
from __future__ import annotations

import re

from kit import maak_aanmelding
from playwright.sync_api import expect

from vh.db import db
from vh.models import Aanmelding


def test_referral_to_bezwaar_to_advies_only(browser, live_server, page, browser_login, axe_check):
    with db.connection_context():
        a = maak_aanmelding(veilig_contact="Niet bellen na 17 u.")
        nummer = a.nummer

    # the coordinator's inbox and the referral
    browser_login(page, "coordinator")
    page.get_by_role("link", name="Ontvangst").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ontvangst")
    axe_check(page)
    page.get_by_role("link", name=nummer).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nummer)
    axe_check(page)

    # a decision without a choice: the error summary (htmx swap, 422)
    page.get_by_role("button", name="Beslissing bewaren").click()
    expect(page.locator(".error-summary")).to_contain_text("Kies of de aanmelding ontvankelijk is")
    axe_check(page)

    # admissible: a new dossier, the parket is asked at once
    page.get_by_role("radio", name="Ontvankelijk: een nieuw dossier openen").check()
    page.get_by_role("button", name="Beslissing bewaren").click()
    page.wait_for_url(re.compile(r"/dossiers/\d+$"))
    expect(page.locator("#volgende-stap")).to_contain_text("Wacht op antwoord van het parket")
    expect(page.locator(".banner--sensitive")).to_contain_text("Niet bellen na 17 u.")
    axe_check(page)
    dossier_url = page.url
    with db.connection_context():
        dossier_nummer = Aanmelding.get(Aanmelding.nummer == nummer).dossier.nummer

    # the parket: list, answer screen, bezwaar needs a reason
    context = browser.new_context(base_url=live_server, locale="nl-BE")
    parket = context.new_page()
    browser_login(parket, "parket")
    parket.goto("/parket")
    expect(parket.get_by_role("heading", level=1)).to_have_text("Parketcheck")
    axe_check(parket)
    parket.get_by_role("link", name=f"Dossier {dossier_nummer}").click()
    expect(parket.get_by_role("heading", level=1)).to_have_text(f"Dossier {dossier_nummer}")
    axe_check(parket)
    parket.get_by_role("radio", name="Bezwaar", exact=True).check()
    parket.get_by_role("button", name="Antwoord versturen").click()
    expect(parket.locator(".error-summary")).to_contain_text("Schrijf waarom u bezwaar maakt")
    axe_check(parket)
    parket.get_by_label("Waarom maakt u bezwaar?").fill("Lopend onderzoek (onderzoeksbelang).")
    parket.get_by_role("button", name="Antwoord versturen").click()
    parket.wait_for_url(re.compile(r"/parket$"))
    expect(parket.locator(".flash")).to_contain_text("Uw antwoord is bewaard")
    expect(parket.locator("main")).to_contain_text("Recent beantwoord")
    axe_check(parket)
    context.close()

    # the dossier page now says that only advice is possible
    page.goto(dossier_url)
    expect(page.locator(".banner--sensitive").first).to_contain_text(
        "Alleen advies mogelijk; er wordt geen informatie gedeeld")
    expect(page.locator("#volgende-stap")).to_contain_text("alleen advies is mogelijk")
    expect(page.locator("main")).to_contain_text("Lopend onderzoek (onderzoeksbelang).")
    axe_check(page)
