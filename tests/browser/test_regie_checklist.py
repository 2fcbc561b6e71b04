"""The regie checklist on a 375 px phone after a home visit: ticking a step without JavaScript
(a plain POST → 303 back), and with htmx in place (tick, undo with a reason), axe on each screen."""
from __future__ import annotations

import re

import pytest
from kit import maak_dossier
from playwright.sync_api import expect
from browser.test_schermen import PHONE, _phone_problems

from vh.db import db
from vh.models import RegieStap


@pytest.fixture
def dossier(live_server):
    with live_server.app.app_context(), db.connection_context():
        d = maak_dossier("kennismaking")
        stappen = list(RegieStap.select().where(RegieStap.fase == "kennismaking").order_by(RegieStap.volgorde))
    return d, stappen


def test_tick_a_step_on_a_phone_without_javascript(page_nojs, dossier, browser_login):
    d, stappen = dossier
    page = page_nojs
    page.set_viewport_size(PHONE)
    browser_login(page, "regisseur3")
    page.goto(f"/dossiers/{d.id}/regie")
    box = page.locator("#volgende-stap")
    expect(box).to_contain_text(stappen[0].tekst)
    # The next step is on the first screen, above the list.
    assert page.eval_on_selector("#volgende-stap", "e => e.getBoundingClientRect().top") < PHONE["height"]
    assert not _phone_problems(page), _phone_problems(page)
    stap = page.locator(f"#stap-{stappen[1].id}")
    stap.get_by_label(stappen[1].tekst).check()
    stap.get_by_role("button", name=re.compile("Afvinken")).click()
    page.wait_for_url(re.compile(rf"/dossiers/{d.id}/regie$"))
    expect(page.locator(".flash")).to_contain_text(f"Afgevinkt: {stappen[1].tekst}")
    expect(page.locator(f"#stap-{stappen[1].id}")).to_contain_text("Gedaan door")
    # The big button of the box ticks the first step.
    box.get_by_role("button", name="Gedaan: afvinken").click()
    page.wait_for_url(re.compile(rf"/dossiers/{d.id}/regie$"))
    expect(page.locator("#volgende-stap")).to_contain_text(stappen[2].tekst)
    # Undo needs a reason: first without (the error beside the field, 422), then with one.
    eerste = page.locator(f"#stap-{stappen[0].id}")
    eerste.locator("summary").click()
    eerste.get_by_role("button", name="Ongedaan maken").click()
    expect(page.locator(".error-summary")).to_contain_text("Schrijf waarom")
    eerste = page.locator(f"#stap-{stappen[0].id}")
    eerste.get_by_label("Waarom maakt u het afvinken ongedaan?").fill("Nog niet met de vader gesproken.")
    eerste.get_by_role("button", name="Ongedaan maken").click()
    page.wait_for_url(re.compile(rf"/dossiers/{d.id}/regie$"))
    expect(page.locator("#volgende-stap")).to_contain_text(stappen[0].tekst)
    expect(page.locator(f"#stap-{stappen[0].id}")).to_contain_text("Nog niet met de vader gesproken.")
    assert not _phone_problems(page), _phone_problems(page)


def test_tick_and_undo_in_place_with_htmx_and_axe(page, dossier, browser_login, axe_check):
    d, stappen = dossier
    page.set_viewport_size(PHONE)
    browser_login(page, "regisseur3")
    page.goto("/mijn-werk")
    expect(page.locator("#mijn-werk")).to_contain_text(stappen[0].tekst)
    axe_check(page)
    page.get_by_role("link", name=f"Dossier {d.nummer}").click()
    page.wait_for_url(re.compile(rf"/dossiers/{d.id}/regie$"))
    axe_check(page)
    expect(page.get_by_role("button", name=re.compile("^Afvinken"))).to_have_count(0)  # hidden: ticking is enough
    page.get_by_label(stappen[1].tekst).check()
    stap = page.locator(f"#stap-{stappen[1].id}")
    expect(stap).to_contain_text("Gedaan door")
    expect(page.locator("#volgende-stap")).to_contain_text(stappen[0].tekst)
    page.locator("#volgende-stap").get_by_role("button", name="Gedaan: afvinken").click()
    expect(page.locator("#volgende-stap")).to_contain_text(stappen[2].tekst)
    expect(page.locator(f"#stap-{stappen[0].id}")).to_contain_text("Gedaan door")  # out of band
    assert page.url.endswith(f"/dossiers/{d.id}/regie")
    stap.locator("summary").click()
    stap.get_by_role("button", name="Ongedaan maken").click()
    expect(stap.locator(".error-message")).to_contain_text("Schrijf waarom")
    axe_check(page)
    stap.get_by_label("Waarom maakt u het afvinken ongedaan?").fill("Per vergissing.")
    stap.get_by_role("button", name="Ongedaan maken").click()
    expect(page.locator(f"#stap-{stappen[1].id}")).to_contain_text("Eerder ongedaan gemaakt")
    for path in ("/logboek", "/spoor", "/afsluiten"):
        page.goto(f"/dossiers/{d.id}/regie{path}")
        axe_check(page)
        assert not _phone_problems(page), _phone_problems(page)


def test_beheer_checklist_screen_with_axe(page, live_server, browser_login, axe_check):
    browser_login(page, "beheerder")
    page.goto("/beheer/checklist")
    axe_check(page)
    page.get_by_label("Fase").select_option("afronding")
    page.get_by_label("Tekst van de stap").fill("Eindgesprek met het gezin")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator(".flash")).to_contain_text("Toegevoegd: Eindgesprek met het gezin")
    page.goto("/beheer/levensdomeinen")
    axe_check(page)
