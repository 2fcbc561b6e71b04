"""Browser walks of the triage board and the overleg (Chromium, axe on every page)."""
from __future__ import annotations

import re

from vh.db import db
from vh.models import Persoon


def _seed(fn, *args, **kwargs):
    with db.connection_context():
        return fn(*args, **kwargs)


def test_projection_mode_shows_no_full_name(page, live_server, browser_login, axe_check):
    from vh.demo import triage as demo
    _seed(demo.load)
    names = _seed(lambda: {n for p in Persoon.select() for n in (p.voornaam, p.achternaam)})
    browser_login(page, "coordinator")
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto("/triage?weergave=projectie")
    assert "projectie" in (page.get_attribute("body", "class") or "")
    page.wait_for_selector("#board .card")
    html = page.content()
    for name in names:
        assert name not in html, name
    assert page.locator("button").count() == 0
    # large type: at least 24 px on the cards
    size = page.eval_on_selector(".card__meta", "el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= 24
    axe_check(page)


def test_coordinator_moves_a_card_with_javascript(page, live_server, browser_login, axe_check):
    from kit import maak_dossier
    d = _seed(maak_dossier, "te_bespreken")
    browser_login(page, "coordinator")
    page.goto("/triage")
    axe_check(page)
    card = page.locator(f"#kaart-dossier-{d.id}")
    assert page.locator("#kolom-te_bespreken-lijst").locator(f"#kaart-dossier-{d.id}").count() == 1
    with page.expect_request(lambda r: r.method == "POST" and "/bespreken" in r.url) as req:
        card.get_by_role("button", name=re.compile("Besproken")).click()
    assert req.value.headers.get("hx-request") == "true"  # htmx did it, in place
    page.locator("#kolom-dossiervorming-lijst").locator(f"#kaart-dossier-{d.id}").wait_for()
    assert page.locator("#kolom-te_bespreken-lijst").locator(f"#kaart-dossier-{d.id}").count() == 0
    assert page.url.endswith("/triage")
    page.get_by_text("is besproken").wait_for()
    axe_check(page)


def test_bezwaar_blocks_bijdragen(page, live_server, browser_login, axe_check):
    from kit import maak_dossier, maak_overleg
    d = _seed(maak_dossier, "te_bespreken", parket="bezwaar")
    o = _seed(maak_overleg, dossiers=[d])
    browser_login(page, "politie")
    page.goto(f"/overleggen/{o.id}")
    axe_check(page)
    page.get_by_role("link", name=re.compile("Punt 1")).click()
    page.get_by_role("heading", name=re.compile("Punt 1 van 1")).wait_for()
    assert page.locator("textarea[name=inhoud]").count() == 0
    assert page.get_by_text("Het parket maakte bezwaar: er wordt geen informatie gedeeld in dit dossier.").count() == 1
    axe_check(page)


def test_coordinator_plans_an_overleg_and_walks_the_agenda(page, live_server, browser_login, axe_check):
    import datetime as dt

    from kit import maak_dossier
    d = _seed(maak_dossier, "te_bespreken", parket="beperkingen", beperkingen="Niets over het onderzoek.")
    browser_login(page, "coordinator")
    page.goto("/overleggen/nieuw")
    axe_check(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Er is een probleem").wait_for()  # 422, with the summary
    axe_check(page)
    datum = dt.date.today()  # held today: a meeting still to come records no bespreking
    page.fill("#datum", str(datum.day))  # dag, maand, jaar: vh.forms.DatumField
    page.fill("#datum-maand", str(datum.month))
    page.fill("#datum-jaar", str(datum.year))
    page.fill("#tijd", "09:30")
    page.fill("#plaats", "Leuven")
    page.get_by_label(re.compile("Inspecteur Tom Claes")).check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name="Agenda opbouwen").click()
    page.get_by_role("link", name=re.compile(f"Punt 1: {d.nummer}")).wait_for()
    axe_check(page)
    page.get_by_role("link", name=re.compile(f"Punt 1: {d.nummer}")).click()
    page.get_by_text("Niets over het onderzoek.", exact=True).first.wait_for()
    page.fill("textarea[name=tekst]", "Besproken: veel interventies.")
    page.get_by_role("button", name="Bespreking opslaan").click()
    page.get_by_text("De bespreking is opgeslagen").wait_for()
    page.fill("textarea[name=inhoud]", "Ook gekend bij het Veilig Huis.")
    page.get_by_role("button", name="Bijdrage opslaan").click()
    page.get_by_text("Uw bijdrage is opgeslagen").wait_for()
    assert page.get_by_text("Ook gekend bij het Veilig Huis.").count() == 1
    axe_check(page)
