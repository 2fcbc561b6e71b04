"""Walk 3 of the seed cases in Chromium: the coordinator decides "advies" on a dossier that is te
bespreken, composes and sends the letter; the GP who referred logs in and downloads the PDF.
axe_check on every screen. Uses the shared fixtures of tests/browser/conftest.py."""
from kit import maak_dossier

from vh.db import db
from vh.models import Aanmelding, Brief


def test_advies_path(page, live_server, browser_login, axe_check):
    with db.connection_context():
        dossier = maak_dossier("te_bespreken", aanmelder="huisarts", overleg=True)
        nummer = Aanmelding.get(Aanmelding.dossier == dossier.id).nummer

    browser_login(page, "coordinator")
    page.goto(f"/dossiers/{dossier.id}/besluit")
    axe_check(page)
    page.check("#uitkomst-advies")
    page.fill("#motivering", "Geen ketenaanpak nodig. Verwijs het gezin naar het CAW; bij twijfel 1712.")
    page.click("button:has-text('Besluit opslaan')")

    page.wait_for_url("**/aanmeldingen/*/brief")
    page.locator("h1", has_text="Adviesbrief aan de aanmelder").wait_for()
    assert "Verwijs het gezin naar het CAW" in page.input_value("#tekst")
    axe_check(page)
    page.click("button:has-text('Brief nakijken')")

    page.wait_for_url("**/brief?stap=voorbeeld")
    page.locator("h1", has_text="Kijk de brief na").wait_for()
    assert nummer in page.inner_text(".letter") and "1712" in page.inner_text(".letter")
    axe_check(page)
    page.click("button:has-text('Brief versturen')")

    page.wait_for_url("**/brieven/*")
    page.locator("text=De brief is verzonden").wait_for()
    axe_check(page)
    brief_url = page.url
    page.click("button:has-text('Afmelden')")
    page.wait_for_url("**/login")

    browser_login(page, "huisarts")
    page.goto(brief_url)  # the referrer's list ("Mijn aanmeldingen") is another feature
    page.locator(".letter").wait_for()
    assert nummer in page.inner_text(".letter")
    axe_check(page)
    with page.expect_download() as info:
        page.click("a:has-text('Download als PDF')")
    download = info.value
    assert download.suggested_filename == f"advies-{nummer}.pdf"
    with open(download.path(), "rb") as f:
        assert f.read(4) == b"%PDF"
    with db.connection_context():
        assert Brief.get(Brief.aanmelding == Aanmelding.get(Aanmelding.nummer == nummer).id).verzonden_op
