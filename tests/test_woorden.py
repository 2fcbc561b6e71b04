"""Words (issue 8, item 15): logging in is "Inloggen", never "Aanmelden" (that is referring);
real plurals instead of "aanmelding(en)"; numbers as Dutch writes them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from kit import PASSWORD, maak_dossier, maak_overleg

from vh.templating import aantal, getal, meervoud

VH = Path(__file__).parents[1] / "vh"


@pytest.mark.parametrize("n, verwacht", [(0, "0 aanmeldingen"), (1, "1 aanmelding"), (2, "2 aanmeldingen"),
                                         (1234, "1.234 aanmeldingen"), (40000, "40.000 aanmeldingen")])
def test_aantal_with_a_real_plural_and_dutch_digits(n, verwacht):
    assert aantal(n, "aanmelding", "aanmeldingen") == verwacht


def test_meervoud_and_getal():
    assert meervoud(1, "overleg", "overleggen") == "overleg" and meervoud(3, "overleg", "overleggen") == "overleggen"
    assert getal(1234567) == "1.234.567" and getal(7) == "7"


def test_no_bracketed_plurals_left_in_the_code():
    gevonden = [f"{p.relative_to(VH)}: {m.group(0)}" for p in VH.rglob("*") if p.suffix in (".py", ".html")
                for m in re.finditer(r"[a-z]\((?:en|s|gen|e)\) [a-z]", p.read_text(encoding="utf-8"))]
    assert gevonden == []


def test_login_says_inloggen(client):
    page = client.get("/login").text
    assert "<h1 class=\"heading-xl\">Inloggen</h1>" in page and ">Inloggen</button>" in page
    assert "Aanmelden" not in page
    r = client.get("/", follow_redirects=True)
    assert "Log in om verder te gaan." in r.text


def test_logged_in_user_logs_out_with_uitloggen(client):
    client.post("/login", data={"email": "coordinator@vh.test", "password": PASSWORD})
    page = client.get("/").text
    assert ">Uitloggen</button>" in page and "Afmelden" not in page


def test_deactivating_says_cannot_log_in(client, login, user):
    login("beheerder")
    assert "kan niet meer inloggen" in client.get("/beheer/gebruikers").text


def test_home_tiles_use_real_plurals(client, login):
    maak_dossier("te_bespreken")
    maak_overleg(dagen=3)
    login("coordinator")
    page = client.get("/").text
    assert "(en)" not in page and "(s)" not in page and "(gen)" not in page
    assert re.search(r"\b1 (komend overleg|dossier te bespreken)\b", page) or "dossiers te bespreken" in page


def test_lists_name_the_referring_organisation_not_its_type(client, login):
    d = maak_dossier("te_bespreken")
    o = maak_overleg(dossiers=[d])
    login("coordinator")
    assert "Aangemeld door: CAW Oost-Brabant" in client.get("/triage").text
    punt = client.get(f"/overleggen/{o.id}/punt/1").text
    assert re.search(r"Aangemeld door</dt><dd[^>]*>CAW Oost-Brabant,", punt)
