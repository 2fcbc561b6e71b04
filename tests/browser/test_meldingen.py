"""E-mails in Chromium: a user chooses the daily overview on "Mijn e-mails" (with and without
JavaScript), the beheerder reads the outbox with the mails waiting (no SMTP in the tests);
axe clean."""
from __future__ import annotations

from kit import maak_aanmelding

from vh.db import db
from vh.models import User


def test_choose_the_daily_overview(page, page_nojs, browser_login, axe_check, live_server):
    browser_login(page, "coordinator")
    page.get_by_role("link", name="Mijn e-mails").click()
    page.wait_for_url("**/account/meldingen")
    axe_check(page)
    page.get_by_label("Eén keer per dag").check()
    page.get_by_role("button", name="Keuze bewaren").click()
    page.get_by_text("Uw keuze voor de e-mails is bewaard.").wait_for()
    assert page.get_by_label("Eén keer per dag").is_checked()
    with db.connection_context():
        assert User.get(User.email == "coordinator@vh.test").meldingen == "dagelijks"

    browser_login(page_nojs, "parket")
    page_nojs.goto("/account/meldingen")
    page_nojs.get_by_label("Eén keer per dag").check()
    page_nojs.get_by_role("button", name="Keuze bewaren").click()
    page_nojs.wait_for_url("**/account/meldingen")
    assert "Uw keuze voor de e-mails is bewaard." in page_nojs.inner_text("main")


def test_the_beheerder_reads_the_outbox(page, browser_login, axe_check, live_server):
    with db.connection_context():
        a = maak_aanmelding("caw@vh.test")
    browser_login(page, "beheerder")
    page.goto("/beheer/uitgaande-post")
    assert "geen mailserver ingesteld" in page.inner_text("main")
    row = page.locator("#uitgaande-post tbody tr", has_text="caw@vh.test")
    row.get_by_text("Tekst").click()
    assert a.nummer in row.inner_text()
    axe_check(page)
