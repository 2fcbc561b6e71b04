"""Accounts in Chromium: the beheerder creates an account without a password and gets a one-time
link; the person sets their own password with it (the rule refuses a trivial one beside the
field), logs in, and changes it under "Mijn wachtwoord"; a role that needs a second person waits
on the confirm screen. Without JavaScript, by keyboard, at 375 px, axe clean."""
from __future__ import annotations

import re

from kit import PASSWORD

NIEUW = "een rode fiets in de regen"


def _no_horizontal_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"de pagina is {overflow}px te breed op {page.url}"


def _logout(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login")


def test_new_account_gets_a_one_time_link(page, browser_login, axe_check, live_server):
    browser_login(page, "beheerder")
    page.goto("/beheer/gebruikers/nieuw")
    assert page.locator("input[type=password]").count() == 0
    page.fill("#naam", "Nele Nieuw")
    page.fill("#email", "nele.nieuw@vh.test")
    page.select_option("#organisatie", label="CAW Oost-Brabant")
    page.get_by_label("Aanmelder").check()
    page.get_by_label("Coördinator").check()
    page.get_by_role("button", name="Gebruiker aanmaken").click()
    page.get_by_role("heading", name="Link voor Nele Nieuw").wait_for()
    link = page.locator("#link").input_value()
    assert re.fullmatch(rf"{re.escape(live_server)}/wachtwoord/[A-Za-z0-9_-]{{40,}}", link), link
    assert "Coördinator" in page.inner_text("main")  # waits for a second person
    axe_check(page)
    # The beheerder who asked it cannot confirm it.
    page.goto("/beheer/rollen")
    assert "Nele Nieuw" in page.inner_text("main")
    assert page.get_by_role("button", name=re.compile("^Bevestigen")).count() == 0
    axe_check(page)
    _logout(page)

    # The person opens the link, on a phone.
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(link)
    assert "nele.nieuw@vh.test" in page.inner_text("main")
    page.fill("#nieuw", "aaaaaaaaaaaaaa")
    page.fill("#herhaal", "aaaaaaaaaaaaaa")
    page.get_by_role("button", name="Wachtwoord instellen").click()
    page.locator("#nieuw-fout").wait_for()
    assert "hetzelfde teken" in page.locator("#nieuw-fout").inner_text()
    assert page.locator(".error-summary").is_visible()
    _no_horizontal_scroll(page)
    axe_check(page)
    page.fill("#nieuw", NIEUW)
    page.fill("#herhaal", NIEUW)
    page.get_by_role("button", name="Wachtwoord instellen").click()
    page.wait_for_url("**/login")
    assert "Uw wachtwoord is ingesteld" in page.inner_text("main")
    # The link works once.
    assert page.goto(link).status == 404
    assert "Deze link werkt niet meer" in page.inner_text("main")
    axe_check(page)
    page.goto("/login")
    page.fill("#email", "nele.nieuw@vh.test")
    page.fill("#password", NIEUW)
    page.click("form[action^='/login'] button[type=submit]")
    page.wait_for_url(f"{live_server}/")
    # Not a coordinator until a second person confirms.
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    assert nav.get_by_role("link", name="Ontvangst").count() == 0


def test_the_dpo_confirms_a_role(page, browser_login, axe_check, live_server):
    from vh.beheer import rollen
    from vh.db import db
    from vh.models import User
    with db.connection_context(), db.atomic():
        rollen.vraag_aan(User.get(User.email == "huisarts@vh.test"), "coordinator",
                         door=User.get(User.email == "beheer@vh.test"))
    browser_login(page, "dpo")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Rollen bevestigen").click()
    page.wait_for_url("**/beheer/rollen")
    axe_check(page)
    page.get_by_role("button", name=re.compile("^Bevestigen")).click()
    page.get_by_text("heeft nu de rol Coördinator").wait_for()
    assert "Er wachten geen rollen op bevestiging." in page.inner_text("main")


def test_change_password_without_javascript_and_by_keyboard(page_nojs, page, live_server, axe_check,
                                                             browser_login):
    browser_login(page_nojs, "regisseur3")
    page_nojs.get_by_role("link", name="Mijn wachtwoord").click()
    page_nojs.wait_for_url("**/account/wachtwoord")
    page_nojs.fill("#huidig", PASSWORD)
    page_nojs.fill("#nieuw", NIEUW)
    page_nojs.fill("#herhaal", "iets anders")
    page_nojs.get_by_role("button", name="Wachtwoord wijzigen").click()
    assert "niet hetzelfde" in page_nojs.locator("#herhaal-fout").inner_text()
    page_nojs.fill("#huidig", PASSWORD)
    page_nojs.fill("#nieuw", NIEUW)
    page_nojs.fill("#herhaal", NIEUW)
    page_nojs.get_by_role("button", name="Wachtwoord wijzigen").click()
    page_nojs.wait_for_url(f"{live_server}/")
    assert "Uw wachtwoord is gewijzigd." in page_nojs.inner_text("main")

    # By keyboard, with JavaScript, and axe on the screen.
    browser_login(page, "regisseur2")
    page.goto("/account/wachtwoord")
    axe_check(page)
    page.focus("#huidig")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.type(NIEUW)
    page.keyboard.press("Tab")
    page.keyboard.type(NIEUW)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/")
    assert "Uw wachtwoord is gewijzigd." in page.inner_text("main")
