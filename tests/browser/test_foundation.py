"""The foundation in Chromium: login, the start page per role, the error page, keyboard use,
no-JavaScript use and accessibility (axe: no serious or critical violations, no CSP errors)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

ROLES = ["coordinator", "aanmelder", "beheerder", "dpo", "parket", "kernpartner"]
WRONG_PASSWORD = "Het e-mailadres of het wachtwoord klopt niet"


def _active(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName.toLowerCase(), id: e.id, text: (e.innerText || '').trim(),
                cls: e.className}; }""")


def _no_horizontal_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"de pagina is {overflow}px te breed op {page.url}"


def test_login_page(page, axe_check):
    response = page.goto("/login")
    assert response.status == 200
    assert page.title() == "Inloggen – Veilig Huis"
    assert page.locator("h1").inner_text() == "Inloggen"
    assert page.locator("html").get_attribute("lang") == "nl-BE"
    # Labels are tied to their fields (click target, screen readers).
    assert page.get_by_label("E-mailadres").count() == 1
    assert page.get_by_label("Wachtwoord").count() == 1
    axe_check(page)


def test_anonymous_visitor_is_sent_to_login_and_back(page, live_server):
    page.goto("/")
    assert re.search(r"/login\?next=(/|%2F)$", page.url), page.url
    assert "Log in om verder te gaan." in page.inner_text("main")
    page.fill("#email", "dpo@vh.test")
    page.fill("#password", "demo-veilig-huis")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server}/")


@pytest.mark.parametrize("role", ROLES)
def test_home_per_role(page, browser_login, axe_check, role):
    browser_login(page, role)
    assert page.locator("h1").inner_text().startswith("Goeddag ")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    assert nav.get_by_role("link", name="Start").get_attribute("aria-current") == "page"
    axe_check(page)
    # Logging out is a POST button in the header and leads back to the login page.
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login")
    page.goto("/")
    page.wait_for_url(re.compile(r"/login"))


def test_home_shows_what_waits_per_role(page, browser_login):
    browser_login(page, "dpo")
    assert "Wie zag of wijzigde wat, en wanneer." in page.inner_text("main")
    assert "Gebruikers en organisaties beheren." not in page.inner_text("main")
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login")
    browser_login(page, "beheerder")
    assert "Gebruikers en organisaties beheren." in page.inner_text("main")


def test_error_page_404(page, browser_login, axe_check):
    response = page.goto("/bestaat-niet")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    assert page.title() == "Pagina niet gevonden – Veilig Huis"
    axe_check(page)
    browser_login(page, "coordinator")
    response = page.goto("/bestaat-niet")
    assert response.status == 404
    page.get_by_role("link", name="Naar de startpagina").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator("h1").inner_text().startswith("Goeddag ")


def test_wrong_password_shows_dutch_error(page, axe_check):
    page.goto("/login")
    page.fill("#email", "coordinator@vh.test")
    page.fill("#password", "niet-het-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert WRONG_PASSWORD in summary.inner_text()
    assert summary.get_attribute("role") == "alert"
    # app.js moves focus to the summary (on DOMContentLoaded) so a screen reader announces it.
    # (expect polls without eval, which the Content-Security-Policy forbids)
    expect(summary).to_be_focused()
    assert page.url.endswith("/login")
    assert page.title() == "Fout: Inloggen – Veilig Huis"
    axe_check(page)


def test_empty_login_shows_errors_beside_fields(page, axe_check):
    page.goto("/login")
    page.get_by_role("button", name="Inloggen").click()
    page.locator(".error-summary").wait_for()
    assert page.locator(".field--error").count() == 2
    assert page.locator("#email").get_attribute("aria-invalid") == "true"
    # Each error in the summary links to its field.
    href = page.locator(".error-summary a").first.get_attribute("href")
    assert page.locator(href).count() == 1
    described = page.locator("#email").get_attribute("aria-describedby")
    assert described and page.locator(f"#{described.split()[0]}").inner_text().strip()
    axe_check(page)


@pytest.mark.parametrize("path", ["/login", "/"])
def test_skip_link_is_first_focusable(page, browser_login, path):
    if path == "/":
        browser_login(page, "coordinator")
    page.goto(path)
    page.keyboard.press("Tab")
    focused = _active(page)
    assert focused["tag"] == "a" and focused["text"] == "Naar de inhoud"
    assert page.locator(".skip-link").is_visible()  # visible when focused
    page.keyboard.press("Enter")
    assert page.url.endswith("#hoofdinhoud")
    assert _active(page)["id"] == "hoofdinhoud"


def test_login_by_keyboard_only(page, live_server):
    page.goto("/login")
    # Tab past the skip link and the header title to the e-mail field.
    for _ in range(10):
        page.keyboard.press("Tab")
        if _active(page)["id"] == "email":
            break
    assert _active(page)["id"] == "email"
    page.keyboard.type("coordinator@vh.test")
    page.keyboard.press("Tab")
    assert _active(page)["id"] == "password"
    page.keyboard.type("demo-veilig-huis")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/")
    assert page.locator("h1").inner_text().startswith("Goeddag ")


def test_login_and_logout_without_javascript(page_nojs, live_server):
    page = page_nojs
    page.goto("/login")
    page.fill("#email", "caw@vh.test")
    page.fill("#password", "verkeerd")
    page.get_by_role("button", name="Inloggen").click()
    page.locator(".error-summary").wait_for()
    assert WRONG_PASSWORD in page.inner_text(".error-summary")
    page.fill("#password", "demo-veilig-huis")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server}/")
    assert page.locator("h1").inner_text() == "Goeddag Sofie Janssens"
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login")


@pytest.mark.parametrize("width", [360, 1280])
def test_home_fits_the_screen(page, browser_login, width):
    page.set_viewport_size({"width": width, "height": 800})
    browser_login(page, "coordinator")
    _no_horizontal_scroll(page)
    page.goto("/login")  # logged in: redirected home
    _no_horizontal_scroll(page)


# --- beheer and audit ----------------------------------------------

BEHEER_PAGES = [("beheerder", "beheer.gebruikers", "/beheer/gebruikers"),
                ("beheerder", "beheer.organisaties", "/beheer/organisaties"),
                ("dpo", "audit.lijst", "/audit")]


@pytest.mark.parametrize("role, endpoint, path", BEHEER_PAGES)
def test_beheer_and_audit_pages(page, live_server, browser_login, axe_check, role, endpoint, path):
    browser_login(page, role)
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    axe_check(page)
