"""Robust input: ids beyond 64 bits, dates beyond the calendar, and the next= of the login page
never give a 500 (issue 8, 10c). One converter for every id, one date rule, one safe-next rule."""
from __future__ import annotations

import re

import pytest
from kit import maak_overleg, team
from test_aanmelden import SANDRA, nieuw
from werkzeug.routing import AnyConverter, IntegerConverter

from vh.tijd import vandaag

TE_GROOT = str(2**63)  # 9223372036854775808: one more than the largest id a database holds


def _geldig(conv) -> str:
    """A value that the converter of a text argument accepts."""
    return sorted(conv.items)[0] if isinstance(conv, AnyConverter) else "aanmelder"


def _routes_met_id(app):
    """Every (url, method) of the app with an int argument, each argument in turn too large."""
    for rule in app.url_map.iter_rules():
        ints = [name for name, conv in rule._converters.items() if isinstance(conv, IntegerConverter)]
        if not ints:
            continue
        for groot in ints:
            url = rule.rule
            for name, conv in rule._converters.items():
                value = TE_GROOT if name == groot else ("1" if name in ints else _geldig(conv))
                url = re.sub(rf"<(?:[^<>:]+:)?{name}>", value, url)
            for method in sorted(rule.methods & {"GET", "POST"}):
                yield url, method


def test_every_id_route_answers_404_to_an_id_beyond_64_bits(app, client, login):
    login("coordinator")
    routes = list(_routes_met_id(app))
    assert len(routes) > 30 and not any("<" in url for url, _ in routes)
    wrong = {}
    for url, method in routes:
        status = client.open(url, method=method).status_code
        if status != 404:
            wrong[f"{method} {url}"] = status
    assert wrong == {}


def test_largest_64_bit_id_still_routes(app, client, login):
    login("coordinator")
    assert client.get(f"/dossiers/{2**63 - 1}").status_code == 404
    assert client.get("/overleggen/1").status_code in (200, 404)


def test_referral_date_part_of_ten_digits_is_a_dutch_error(client, login):
    login("aanmelder")
    aid = nieuw(client)
    r = client.post(f"/aanmelden/{aid}/clientsysteem/personen",
                    data=dict(SANDRA, **{"geboortedatum-jaar": "9999999999"}))
    assert r.status_code == 422
    assert "Geboortedatum moet een bestaande datum zijn" in r.text


# ---------------------------------------------------------------- meeting dates
def _overleg_data(user, datum: str) -> dict:
    jaar, maand, dag = datum.split("-")
    return {"datum-dag": dag, "datum-maand": maand, "datum-jaar": jaar, "tijd": "09:30", "plaats": "Leuven", "team": team().id,
            "deelnemers": [user("politie").id]}


@pytest.mark.parametrize("jaar", [1, 9999, vandaag().year + 3, vandaag().year - 2])
def test_meeting_outside_the_years_around_now_is_refused(client, login, user, jaar):
    login("coordinator")
    o = maak_overleg()
    r = client.post(f"/overleggen/{o.id}/bewerken", data=_overleg_data(user, f"{jaar:04d}-03-14"))
    assert r.status_code == 422
    assert "Kies een datum tussen" in r.text
    r = client.post("/overleggen/nieuw", data=_overleg_data(user, f"{jaar:04d}-03-14"))
    assert r.status_code == 422


def test_meeting_last_year_can_still_be_corrected(client, login, user):
    login("coordinator")
    o = maak_overleg()
    r = client.post(f"/overleggen/{o.id}/bewerken", data=_overleg_data(user, f"{vandaag().year - 1}-12-30"))
    assert r.status_code == 303


# ---------------------------------------------------------------- next= after login
@pytest.mark.parametrize("target", ["/%09/evil.example", "/%0A/x", "//evil.example", "/\\evil.example",
                                    "https://evil.example/", "/%0D%0A/evil.example", "%09//evil.example",
                                    "/%5C/evil.example", "javascript:alert(1)", "/%00/x"])
def test_login_never_sends_you_elsewhere(client, target):
    from kit import PASSWORD
    r = client.post(f"/login?next={target}", data={"email": "coordinator@vh.test", "password": PASSWORD})
    assert r.status_code == 303
    assert r.headers["Location"] == "/"


def test_login_keeps_a_local_next(client):
    from kit import PASSWORD
    r = client.post("/login?next=/overleggen%3Fx%3D1", data={"email": "coordinator@vh.test", "password": PASSWORD})
    assert r.status_code == 303 and r.headers["Location"] == "/overleggen?x=1"
