"""The access matrix of the veiligheidsplan and the zorgoverleg, cell by cell: every action on the
dossier, a Veiligheidsplan and a Zorgoverleg × every role of ROLE_USERS, the "no"s included, as
rules (access.can) and as HTTP answers (200 / 403 / 404). Only the team's coordinator reads;
only the dossier's own regisseur writes, and only while it is in casusregie. The partner whose
organisation owns an action of the plan (ggz@vh.test, CGG) sees none of it."""
from __future__ import annotations

import pytest
from kit import ROLE_USERS, maak_dossier, maak_veiligheidsplan, maak_vp_actie, maak_zorgoverleg, user

from vh import access
from vh.models import Dossier, Persoon

ROLES = list(ROLE_USERS)
LEZERS = {"coordinator", "regisseur3"}  # the dossier is Oost-Brabant's, assigned to regisseur3
SCHRIJVERS = {"regisseur3"}

LEES_ACTIES = {"veiligheidsplan.view", "veiligheidsplan.pdf", "zorgoverleg.view", "zorgoverleg.ics"}
MATRIX = [
    ("veiligheidsplan.view", "dossier", LEZERS),
    ("veiligheidsplan.edit", "dossier", SCHRIJVERS),
    ("zorgoverleg.view", "dossier", LEZERS),
    ("zorgoverleg.create", "dossier", SCHRIJVERS),
    ("veiligheidsplan.view", "plan", LEZERS),
    ("veiligheidsplan.pdf", "plan", LEZERS),
    ("veiligheidsplan.edit", "plan", set()),  # a version is never edited in place
    ("zorgoverleg.view", "zo", LEZERS),
    ("zorgoverleg.ics", "zo", LEZERS),
    ("zorgoverleg.verslag", "zo", SCHRIJVERS),
    ("zorgoverleg.besluit", "zo", SCHRIJVERS),
    ("zorgoverleg.verwijderen", "zo", set()),  # deny by default
]


@pytest.fixture
def wereld(app):
    d = maak_dossier("kennismaking")
    assert d.regisseur.email == ROLE_USERS["regisseur3"]
    maak_vp_actie(d, "CGG Vlaams-Brabant Oost", contactpersoon="ggz@vh.test")  # the partner's own action
    plan = maak_veiligheidsplan(d)
    zo = maak_zorgoverleg(d, deelnemers=["user-%d" % user("ggz@vh.test").id])
    return {"dossier": d, "plan": plan, "zo": zo}


@pytest.mark.parametrize("role", ROLES)
def test_matrix_rules(wereld, role):
    u = user(role)
    for action, key, roles in MATRIX:
        assert access.can(u, action, wereld[key]) is (role in roles), f"{role} {action} {key}"


def test_closed_dossier_is_read_only_for_everyone(wereld):
    d = wereld["dossier"]
    Dossier.update(fase="afgesloten").where(Dossier.id == d.id).execute()
    fresh = {"dossier": Dossier.get_by_id(d.id), "plan": wereld["plan"], "zo": wereld["zo"]}
    fresh["plan"].dossier, fresh["zo"].dossier = fresh["dossier"], fresh["dossier"]
    for role in ROLES:
        u = user(role)
        for action, key, roles in MATRIX:
            allowed = role in roles and action in LEES_ACTIES
            assert access.can(u, action, fresh[key]) is allowed, f"{role} {action}"


def test_inactive_and_anonymous_get_nothing(wereld):
    from flask_login import AnonymousUserMixin
    regisseur = user("regisseur3")
    regisseur.actief = False
    for action, key, _ in MATRIX:
        assert not access.can(regisseur, action, wereld[key])
        assert not access.can(AnonymousUserMixin(), action, wereld[key])


def _urls(w) -> dict[str, str]:
    d, zo = w["dossier"], w["zo"]
    griet = Persoon.van(dossier=d)[0]
    base = f"/dossiers/{d.id}/regie"
    return {"plan": f"{base}/veiligheidsplan", "versie": f"{base}/veiligheidsplan/1",
            "exemplaar": f"{base}/veiligheidsplan/1/exemplaar?voor={griet.id}",
            "pdf": f"{base}/veiligheidsplan/1/exemplaar.pdf?voor={griet.id}",
            "nieuw": f"{base}/veiligheidsplan/nieuw", "lijst": f"{base}/zorgoverleg",
            "zo_nieuw": f"{base}/zorgoverleg/nieuw", "zo": f"{base}/zorgoverleg/{zo.id}",
            "ics": f"{base}/zorgoverleg/{zo.id}.ics"}


LEES_SCHERMEN = ("plan", "versie", "exemplaar", "pdf", "lijst", "zo", "ics")
SCHRIJF_SCHERMEN = ("nieuw", "zo_nieuw")


@pytest.mark.parametrize("role", ROLES)
def test_matrix_http(client, login, wereld, role):
    login(role)
    urls = _urls(wereld)
    for naam in LEES_SCHERMEN:
        expected = 200 if role in LEZERS else 404
        assert client.get(urls[naam]).status_code == expected, f"{role} GET {naam}"
    for naam in SCHRIJF_SCHERMEN:
        expected = 200 if role in SCHRIJVERS else 403 if role in LEZERS else 404
        assert client.get(urls[naam]).status_code == expected, f"{role} GET {naam}"
    for pad in ("/verslag", "/besluit"):
        expected = 422 if role in SCHRIJVERS else 403 if role in LEZERS else 404
        assert client.post(urls["zo"] + pad, data={}).status_code == expected, f"{role} POST {pad}"


def test_anonymous_is_sent_to_login(client, wereld):
    for naam, url in _urls(wereld).items():
        r = client.get(url)
        assert r.status_code == 302 and "/login" in r.headers["Location"], naam
