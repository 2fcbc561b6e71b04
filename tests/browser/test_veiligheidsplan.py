"""The regisseur writes a veiligheidsplan on a 375 px phone after a home visit, with htmx: the
empty form answers with its errors, the filled one is saved, a copy for the pleger is shown
without the victim's safe places. axe_check on every screen."""
import datetime as dt

from kit import maak_dossier

from vh.db import db
from vh.models import Persoon, Veiligheidsplan


def test_regisseur_writes_a_safety_plan(page, live_server, browser_login, axe_check):
    with db.connection_context():
        dossier = maak_dossier("kennismaking")
        griet, jarno = Persoon.van(dossier=dossier)
    page.set_viewport_size({"width": 375, "height": 812})
    browser_login(page, "regisseur3")
    page.goto(f"/dossiers/{dossier.id}/regie/veiligheidsplan")
    page.locator("text=Er is nog geen veiligheidsplan").wait_for()
    axe_check(page)
    page.click("a:has-text('Veiligheidsplan opstellen')")
    page.wait_for_url("**/veiligheidsplan/nieuw")
    axe_check(page)

    page.fill("#opvolging", "")
    page.click("button:has-text('Veiligheidsplan bewaren')")
    page.locator(".error-summary", has_text="Schrijf de zorg op zoals het gezin ze zegt.").wait_for()
    axe_check(page)

    page.fill("#zorg", "Als papa drinkt, wordt hij kwaad.")
    page.fill("#signalen", "Hij begint te roepen.")
    page.fill(f"#wat_doen_{griet.id}", "Griet gaat met de kinderen naar de buren.")
    page.fill(f"#wat_doen_{jarno.id}", "Jarno gaat wandelen.")
    page.fill("#veilige_personen", "Tante Hilde")
    page.fill("#veilige_plaatsen", "Bij de buren op nummer 12")
    page.fill("#afspraken", "Niet drinken als de kinderen thuis zijn.")
    page.fill("#opvolging", "De casusregisseur")
    dag = dt.date.today() + dt.timedelta(days=30)
    page.fill("#evaluatie_op", str(dag.day))
    page.fill("#evaluatie_op-maand", str(dag.month))
    page.fill("#evaluatie_op-jaar", str(dag.year))
    page.click("button:has-text('Veiligheidsplan bewaren')")
    page.locator("text=Versie 1 van het veiligheidsplan is bewaard.").wait_for()
    assert "Bij de buren op nummer 12" in page.inner_text("main")
    axe_check(page)

    page.click("a:has-text('Exemplaar voor het gezin')")
    page.locator("legend", has_text="Voor wie is dit exemplaar?").wait_for()
    axe_check(page)
    page.check(f"#voor-{jarno.id}")
    page.click("button:has-text('Exemplaar tonen')")
    page.locator(".letter").wait_for()
    copy = page.inner_text(".letter")
    assert "Jarno gaat wandelen." in copy and "1712" in copy
    assert "Bij de buren op nummer 12" not in copy and "Griet gaat" not in copy
    axe_check(page)
    with db.connection_context():
        assert Veiligheidsplan.select().where(Veiligheidsplan.dossier == dossier.id).count() == 1
