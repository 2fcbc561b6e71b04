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


def test_projection_shows_a_full_board_on_one_screen_per_page(page, live_server, browser_login, axe_check):
    """40 dossiers at 1024×768: every column as a count, the agenda (Te bespreken) as cards over
    pages that advance by themselves; no page scrolls, no text overflows its box, no names."""
    import datetime as dt

    from kit import gezin, maak_aanmelding, maak_dossier, maak_overleg

    def build():
        te_bespreken = [maak_dossier("te_bespreken", acuut=i % 7 == 0) for i in range(25)]
        for fase, n in (("parketcheck", 5), ("dossiervorming", 5), ("nieuw", 3)):
            for _ in range(n):
                maak_dossier(fase, parket=None if fase in ("parketcheck", "nieuw") else "akkoord")
        for _ in range(2):
            maak_aanmelding(personen=gezin(dt.date.today()))
        maak_overleg(dossiers=te_bespreken[:10])
        return {d.nummer for d in te_bespreken}

    agenda = _seed(build)
    names = _seed(lambda: {n for p in Persoon.select() for n in (p.voornaam, p.achternaam)})
    browser_login(page, "coordinator")
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto("/triage?weergave=projectie")
    # The columns as counts, each with its number.
    counts = page.eval_on_selector_all(
        ".board-counts li", "els => els.map(e => e.innerText.replace(/\\s+/g, ' ').trim())")
    assert any("Te bespreken 25" in c for c in counts), counts
    assert any("Wacht op parket 5" in c for c in counts), counts
    assert any("Nieuw 5" in c for c in counts), counts  # 3 dossiers and 2 referrals
    pages = int(re.search(r"Pagina 1 van (\d+)", page.inner_text("#board")).group(1))
    assert pages > 1
    seen: set[str] = set()
    for n in range(1, pages + 1):
        if n > 1:
            # The page advances by itself: htmx asks for the next page, and without JavaScript
            # the <meta http-equiv=refresh> in <noscript> does.
            assert page.get_attribute("#board", "hx-get").endswith(f"pagina={n}"), n
            page.goto(f"/triage?weergave=projectie&pagina={n}")
        assert re.search(rf"Pagina {n} van {pages}", page.inner_text("#board"))
        refresh = page.eval_on_selector("noscript", "e => e.textContent")
        assert f"pagina={n % pages + 1}" in refresh, refresh
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= 768, f"pagina {n} is {height}px hoog"
        overflow = page.evaluate("""() => [...document.querySelectorAll('h1, h2, h3, .card, .card *, .board-counts li')]
            .filter(e => !e.closest('.visually-hidden'))
            .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
            .map(e => e.tagName + ' ' + e.innerText.slice(0, 30))""")
        assert not overflow, overflow
        small = page.evaluate("""() => [...document.querySelectorAll('main *')]
            .filter(e => e.offsetParent && [...e.childNodes].some(t => t.nodeType === 3 && t.textContent.trim()))
            .filter(e => parseFloat(getComputedStyle(e).fontSize) < 24).map(e => e.innerText.slice(0, 30))""")
        assert not small, small
        html = page.content()
        assert not [name for name in names if name in html]
        assert page.locator("button").count() == 0
        seen |= set(page.eval_on_selector_all("#board .card__title", "els => els.map(e => e.innerText.trim())"))
        axe_check(page)
    assert seen == agenda
