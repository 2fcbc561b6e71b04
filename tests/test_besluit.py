"""Besluit: the decision on a dossier (service, screen as page and fragment, 303/422, access),
and the lead times from the transition stamps."""
import datetime as dt

import functools

import kit
import pytest
from kit import LEUVEN, assert_fragment, assert_page

HX_PLAIN = {"HX-Request": "true"}
HX = {**HX_PLAIN, "HX-Target": "besluit"}
from vh import access
from vh.auth.accounts import create_user
from vh.dossier import doorlooptijden
from vh.models import (
    Aanmelding,
    Agendapunt,
    AuditEvent,
    Besluit,
    Dossier,
    Organisatie,
    Overgang,
    Overleg,
    User,
    UserTeam,
)
from vh.transitions import voer_uit
from vh.triage import besluiten
from vh.workflow import WorkflowError

# The kit's builder with this module's case: referred by the GP, a family in Leuven, on the
# agenda of an overleg of today.
maak_dossier = functools.partial(kit.maak_dossier, aanmelder="huisarts", plaats=LEUVEN, overleg=True)


def url(dossier, **query):
    q = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/dossiers/{dossier.id}/besluit" + (f"?{q}" if q else "")


def regisseur_id(email):
    return User.get(User.email == email).id


# ---------------------------------------------------------------- the service
def test_regisseur_candidates_by_kind_and_zone(app):
    d = maak_dossier()
    assert besluiten.gezinszone(d) == "5388"
    assert [u.email for u in besluiten.regisseurs(d, "spoor2")] == ["regisseur2@vh.test"]
    assert [u.email for u in besluiten.regisseurs(d, "spoor3")] == ["regisseur3@vh.test"]
    # A regisseur2 of a local government in another zone is not a candidate; nor an inactive one.
    herent = Organisatie.create(naam="Gemeente Herent", type="lokaal_bestuur", politiezone_nr="5393")
    create_user(email="r2-herent@vh.test", naam="Regisseur Herent", rollen=["regisseur2"],
                password=None, organisatie=herent.naam)
    User.update(actief=False).where(User.email == "regisseur2@vh.test").execute()
    assert list(besluiten.regisseurs(d, "spoor2")) == []
    # spoor 3: also a team member whose organisation is not a Veilig Huis
    other = create_user(email="r3-team@vh.test", naam="Regisseur Team", rollen=["regisseur3"],
                        password=None, organisatie="CAW Oost-Brabant", teams=[kit.OOST])
    assert other.id in {u.id for u in besluiten.regisseurs(d, "spoor3")}
    create_user(email="r3-caw@vh.test", naam="Regisseur CAW", rollen=["regisseur3"],
                password=None, organisatie="CAW Oost-Brabant")
    assert "r3-caw@vh.test" not in {u.email for u in besluiten.regisseurs(d, "spoor3")}


def test_neem_besluit_spoor2_sets_regie(app, user):
    d = maak_dossier()
    b = besluiten.neem_besluit(d, "spoor2", "Gezin uit balans.", user("coordinator"),
                               regisseur=user("regisseur2"))
    d = Dossier.get_by_id(d.id)
    assert (d.fase, d.spoor, d.regisseur_id) == ("kennismaking", 2, user("regisseur2").id)
    assert b.beslist_door_id == user("coordinator").id and b.beslist_op is not None
    assert access.can(user("regisseur2"), "dossier.view", d)
    assert not access.can(user("regisseur3"), "dossier.view", d)


def test_neem_besluit_refusals(app, user):
    d = maak_dossier()
    with pytest.raises(besluiten.BesluitError, match="waarom"):
        besluiten.neem_besluit(d, "advies", "  ", user("coordinator"))
    with pytest.raises(besluiten.BesluitError) as error:
        besluiten.neem_besluit(d, "spoor2", "x", user("coordinator"), regisseur=user("regisseur3"))
    assert error.value.veld == "regisseur"
    with pytest.raises(besluiten.BesluitError):
        besluiten.neem_besluit(d, "spoor9", "x", user("coordinator"))
    other = kit.maak_overleg((), dagen=0)
    with pytest.raises(besluiten.BesluitError, match="agenda"):
        besluiten.neem_besluit(d, "advies", "x", user("coordinator"), overleg=other)
    buiten = maak_dossier(plaats=("3020", "Herent"))
    with pytest.raises(WorkflowError, match="pilootzone"):
        besluiten.neem_besluit(buiten, "spoor2", "x", user("coordinator"), regisseur=user("regisseur2"))
    assert Besluit.select().count() == 0
    assert Dossier.get_by_id(d.id).fase == "te_bespreken"


def lead_times(d):
    return doorlooptijden.duren(doorlooptijden.momenten(d))


def test_doorlooptijden(app, user):
    d = maak_dossier()
    start = dt.datetime(2026, 3, 2, 9, 0)
    Aanmelding.update(ingediend_op=start).where(Aanmelding.dossier == d.id).execute()
    Overgang.update(op=start + dt.timedelta(days=3)).where(
        (Overgang.dossier == d.id) & (Overgang.actie == "parket_antwoord")).execute()
    assert lead_times(d)["parket_tot_besluit"] is None
    besluiten.neem_besluit(d, "spoor3", "Structureel onveilig.", user("coordinator"),
                           regisseur=user("regisseur3"))
    Overgang.update(op=start + dt.timedelta(days=10)).where(
        (Overgang.dossier == d.id) & (Overgang.actie == "besluit_spoor3")).execute()
    tijden = lead_times(Dossier.get_by_id(d.id))
    assert tijden["aanmelding_tot_parket"] == dt.timedelta(days=3)
    assert tijden["parket_tot_besluit"] == dt.timedelta(days=7)
    assert tijden["aanmelding_tot_besluit"] == dt.timedelta(days=10)
    assert tijden["besluit_tot_regie"] is None
    voer_uit(Dossier.get_by_id(d.id), "vraagverduidelijking", user("regisseur3"))
    assert lead_times(Dossier.get_by_id(d.id))["besluit_tot_regie"] is not None


def test_every_transition_is_stamped(app, user):
    d = maak_dossier()
    besluiten.neem_besluit(d, "advies", "Advies.", user("coordinator"))
    rows = list(Overgang.select().where(Overgang.dossier == d.id).order_by(Overgang.id))
    assert [(o.van, o.naar) for o in rows] == [  # opened through the rule: its first stamp too
        (None, "nieuw"), ("nieuw", "parketcheck"), ("parketcheck", "te_bespreken"), ("te_bespreken", "afgesloten")]
    assert all(o.op and o.door_id for o in rows)


# ---------------------------------------------------------------- the screen
def test_page_and_fragment(client, login):
    d = maak_dossier()
    login("coordinator")
    page = client.get(url(d))
    assert_page(page)
    assert 'value="advies"' in page.text and 'value="spoor2"' in page.text and 'value="spoor3"' in page.text
    assert "Lotte Stevens" in page.text and "Pieter Goossens" in page.text
    assert "triage-overleg van" in page.text
    fragment = client.get(url(d), headers=HX)
    assert_fragment(fragment)
    assert 'name="motivering"' in fragment.text
    assert "HX-Request" in fragment.headers.get("Vary", "")
    # An htmx request for another target (e.g. following HX-Location) gets the whole page.
    assert_page(client.get(url(d), headers=HX_PLAIN))
    assert AuditEvent.select().where((AuditEvent.actie == "dossier.view") & (AuditEvent.dossier_id == d.id)).exists()


def test_spoor2_refused_outside_pilot_zone_with_reason(client, login):
    d = maak_dossier(plaats=("3020", "Herent"))
    login("coordinator")
    page = client.get(url(d))
    assert "Niet mogelijk: Spoor 2 kan alleen als het gezin in een pilootzone woont." in page.text
    assert page.text.count(" disabled aria-describedby=\"uitkomst-spoor2-reden\"") == 1
    # A crafted POST gets the same message, 422, and changes nothing.
    r = client.post(url(d), data={"uitkomst": "spoor2", "motivering": "x",
                                  "regisseur": regisseur_id("regisseur2@vh.test")})
    assert r.status_code == 422 and "pilootzone" in r.text
    assert Dossier.get_by_id(d.id).fase == "te_bespreken" and Besluit.select().count() == 0


def test_advies_without_js(client, login, user):
    d = maak_dossier()
    login("coordinator")
    r = client.post(url(d), data={"uitkomst": "advies", "motivering": "Verwijs naar het CAW."})
    assert r.status_code == 303
    aanmelding = Aanmelding.get(Aanmelding.dossier == d.id)
    assert r.headers["Location"].endswith(f"/aanmeldingen/{aanmelding.id}/brief")
    d = Dossier.get_by_id(d.id)
    assert (d.fase, d.afsluitreden, d.spoor, d.regisseur_id) == ("afgesloten", "advies", None, None)
    assert d.afgesloten_op is not None
    b = Besluit.get(Besluit.dossier == d.id)
    overleg = Agendapunt.get(Agendapunt.dossier == d.id).overleg
    assert (b.uitkomst, b.motivering, b.overleg_id, b.beslist_door_id) == (
        "advies", "Verwijs naar het CAW.", overleg.id, user("coordinator").id)
    acties = {e.actie for e in AuditEvent.select().where(AuditEvent.dossier_id == d.id)}
    assert {"besluit.create", "dossier.besluit_advies"} <= acties
    # After the decision the page shows it, with the way to the letter.
    page = client.get(url(d))
    assert "Over dit dossier is beslist" in page.text and "brief opstellen" in page.text


def test_spoor3_with_htmx(client, login, user):
    d = maak_dossier(fase="dossiervorming", plaats=("3020", "Herent"))
    login("coordinator")
    r = client.post(url(d), data={"uitkomst": "spoor3", "motivering": "Structureel onveilig.",
                                  "regisseur": regisseur_id("regisseur3@vh.test")}, headers=HX)
    assert r.status_code == 204 and r.headers["HX-Location"] == url(d)
    d = Dossier.get_by_id(d.id)
    assert (d.fase, d.spoor, d.regisseur_id) == ("kennismaking", 3, user("regisseur3").id)


def test_spoor2_in_pilot_zone_without_js(client, login, user):
    d = maak_dossier()
    login("coordinator")
    r = client.post(url(d), data={"uitkomst": "spoor2", "motivering": "Gezin uit balans.",
                                  "regisseur": regisseur_id("regisseur2@vh.test")})
    assert r.status_code == 303 and r.headers["Location"].endswith(url(d))
    d = Dossier.get_by_id(d.id)
    assert (d.fase, d.spoor, d.regisseur_id) == ("kennismaking", 2, user("regisseur2").id)
    # The regisseur now sees the dossier (access.py), the page says who directs.
    assert access.can(user("regisseur2"), "dossier.view", d)
    assert "Lotte Stevens" in client.get(url(d)).text


@pytest.mark.parametrize("data, field, message", [
    ({"uitkomst": "advies", "motivering": ""}, "motivering", "Schrijf op waarom"),
    ({"uitkomst": "", "motivering": "x"}, "uitkomst", "Kies een besluit"),
    ({"uitkomst": "spoor9", "motivering": "x"}, "uitkomst", "Kies een besluit"),
    ({"uitkomst": "spoor2", "motivering": "x", "regisseur": "regisseur3@vh.test"}, "regisseur", "lokaal bestuur"),
    ({"uitkomst": "spoor3", "motivering": "x", "regisseur": "regisseur2@vh.test"}, "regisseur", "spoor 3"),
    ({"uitkomst": "spoor3", "motivering": "x", "regisseur": ""}, "regisseur", "spoor 3"),
    ({"uitkomst": "spoor3", "motivering": "x", "regisseur": "abc"}, "regisseur", "spoor 3"),
    ({"uitkomst": "spoor3", "motivering": "x", "regisseur": "99999999999999999999"}, "regisseur", "spoor 3"),
    ({"uitkomst": "advies", "motivering": "x" * 10_001}, "motivering", "te lang"),
])
@pytest.mark.parametrize("headers", [{}, HX], ids=["plain", "htmx"])
def test_validation_422(client, login, data, field, message, headers):
    d = maak_dossier()
    login("coordinator")
    data = dict(data)
    if "@" in data.get("regisseur", ""):
        data["regisseur"] = regisseur_id(data["regisseur"])
    r = client.post(url(d), data=data, headers=headers)
    (assert_fragment if headers else assert_page)(r, 422)
    assert message in r.text and "Er is een probleem" in r.text and f'id="{field}-fout"' in r.text
    assert Dossier.get_by_id(d.id).fase == "te_bespreken" and Besluit.select().count() == 0


def test_regisseur_of_wrong_zone_is_refused(client, login):
    d = maak_dossier()
    herent = Organisatie.create(naam="Gemeente Herent", type="lokaal_bestuur", politiezone_nr="5393")
    other = create_user(email="r2-herent@vh.test", naam="Regisseur Herent", rollen=["regisseur2"],
                        password=None, organisatie=herent.naam)
    login("coordinator")
    r = client.post(url(d), data={"uitkomst": "spoor2", "motivering": "x", "regisseur": other.id})
    assert r.status_code == 422 and Dossier.get_by_id(d.id).regisseur_id is None


@pytest.mark.parametrize("parket, message", [
    ("bezwaar", "Het parket maakte bezwaar: alleen een advies is mogelijk."),
    (None, "Zonder akkoord van het parket kan het dossier niet in spoor 2 of 3."),
])
def test_workflow_refusal_shown(client, login, parket, message):
    d = maak_dossier(parket=parket)
    login("coordinator")
    page = client.get(url(d))
    assert f"Niet mogelijk: {message}" in page.text
    for headers in ({}, HX):
        r = client.post(url(d), data={"uitkomst": "spoor3", "motivering": "x",
                                      "regisseur": regisseur_id("regisseur3@vh.test")}, headers=headers)
        assert r.status_code == 422 and message in r.text
    # advies stays possible
    assert client.post(url(d), data={"uitkomst": "advies", "motivering": "x"}).status_code == 303


def test_second_decision_is_refused(client, login):
    d = maak_dossier()
    login("coordinator")
    assert client.post(url(d), data={"uitkomst": "advies", "motivering": "x"}).status_code == 303
    r = client.post(url(d), data={"uitkomst": "advies", "motivering": "nog eens"})
    assert r.status_code == 422 and "kan niet in de fase ‘Afgesloten’" in r.text
    assert Besluit.select().count() == 1


def test_restriction_and_family_not_informed_are_shown(client, login):
    d = maak_dossier(parket="beperkingen", gezin_op_de_hoogte=False)
    login("coordinator")
    page = client.get(url(d))
    assert "Geen info over het lopende onderzoek delen." in page.text
    assert "Het gezin is niet op de hoogte" in page.text


def test_overleg_from_query(client, login):
    d = maak_dossier()
    later = kit.maak_overleg((), [d], dagen=7)
    first = Overleg.select().where(Overleg.id != later.id).get()
    login("coordinator")
    # Without ?overleg= the latest meeting is taken; with it, the one given.
    assert client.post(url(d, overleg=first.id), data={"uitkomst": "advies", "motivering": "x"}).status_code == 303
    assert Besluit.get().overleg_id == first.id


def test_overleg_query_must_hold_the_dossier(client, login):
    d = maak_dossier()
    elsewhere = kit.maak_overleg((), dagen=0)
    login("coordinator")
    assert client.get(url(d, overleg=elsewhere.id)).status_code == 404
    assert client.get(url(d, overleg="abc")).status_code == 404
    assert client.post(url(d, overleg=elsewhere.id), data={"uitkomst": "advies", "motivering": "x"}).status_code == 404
    assert Besluit.select().count() == 0


def test_without_overleg(client, login):
    d = maak_dossier(overleg=False)
    login("coordinator")
    assert "niet op de agenda van een overleg" in client.get(url(d)).text
    assert client.post(url(d), data={"uitkomst": "advies", "motivering": "x"}).status_code == 303
    assert Besluit.get().overleg_id is None


@pytest.mark.parametrize("role, status", [
    ("coordinator_hv", 404), ("kernpartner", 404), ("huisarts", 404), ("parket", 404),
    ("regisseur3", 404), ("beheerder", 404), ("dpo", 404),
])
def test_access_no(client, login, role, status):
    d = maak_dossier()
    login(role)
    assert client.get(url(d)).status_code == status
    assert client.post(url(d), data={"uitkomst": "advies", "motivering": "x"}).status_code == status
    assert Dossier.get_by_id(d.id).fase == "te_bespreken"


def test_kernpartner_on_the_agenda_may_see_but_not_decide(client, login, user):
    d = maak_dossier()
    from vh.models import OverlegDeelnemer
    OverlegDeelnemer.create(overleg=Agendapunt.get(Agendapunt.dossier == d.id).overleg, user=user("kernpartner"))
    login("kernpartner")
    assert client.get(url(d)).status_code == 403
    assert client.post(url(d), data={"uitkomst": "advies", "motivering": "x"}).status_code == 403


def test_coordinator_of_two_teams(client, login, user):
    d = maak_dossier(teamnaam=kit.HV, plaats=("1800", "Vilvoorde"))
    login("coordinator")
    assert client.get(url(d)).status_code == 404
    UserTeam.create(user=user("coordinator"), team=d.team)
    assert client.get(url(d)).status_code == 200


def test_login_required(client):
    d = maak_dossier()
    r = client.get(url(d))
    assert r.status_code == 302 and "/login" in r.headers["Location"]
    assert client.get("/dossiers/999999/besluit").status_code == 302


def test_screen_is_in_the_dossier_frame(client, login):
    """Banners and sub-navigation come from dossier/_dossier.html; every render, a 422 too, is a
    view of the dossier; the redirect after the decision is not (the rule audits the change)."""
    d = maak_dossier(gezin_op_de_hoogte=False)

    def views():
        return AuditEvent.select().where((AuditEvent.actie == "dossier.view")
                                         & (AuditEvent.dossier_id == d.id)).count()

    login("coordinator")
    page = client.get(url(d))
    assert "Het gezin is niet op de hoogte" in page.text
    nav = page.text[page.text.index('<nav class="sub-nav"'):]
    assert f'href="{url(d)}" aria-current="page">Besluit</a>' in nav[:nav.index("</nav>")]
    assert views() == 1
    assert client.post(url(d), data={"uitkomst": "advies", "motivering": ""}).status_code == 422
    assert client.post(url(d), data={"uitkomst": "advies", "motivering": ""}, headers=HX).status_code == 422
    assert views() == 3
    assert client.post(url(d), data={"uitkomst": "advies", "motivering": "Advies."}).status_code == 303
    assert views() == 3
    # The dossier's overview has the same tabs.
    assert f'<a href="{url(d)}">Besluit</a>' in client.get(f"/dossiers/{d.id}").text


# ---------------------------------------------------------------- every team: only people of the dossier's region
def test_halle_vilvoorde_dossier_offers_its_own_regisseurs(app):
    """Vilvoorde (PZ VIMA, a pilot zone): spoor 2 is Stad Vilvoorde's regisseur, spoor 3 the
    Halle-Vilvoorde team's; the Leuven people are not offered, and the other way round."""
    hv = maak_dossier(plaats=("1800", "Vilvoorde"), teamnaam="Veilig Huis Halle-Vilvoorde")
    assert besluiten.gezinszone(hv) == "5411"
    assert [u.email for u in besluiten.regisseurs(hv, "spoor2")] == ["regisseur2-hv@vh.test"]
    assert [u.email for u in besluiten.regisseurs(hv, "spoor3")] == ["regisseur3-hv@vh.test"]
    oost = maak_dossier()
    assert [u.email for u in besluiten.regisseurs(oost, "spoor3")] == ["regisseur3@vh.test"]
    assert [u.email for u in besluiten.regisseurs(oost, "spoor2")] == ["regisseur2@vh.test"]
    # A regisseur of a Veilig Huis organisation of another region is refused, also when posted.
    with pytest.raises(besluiten.BesluitError, match="casusregisseur spoor 3"):
        besluiten.neem_besluit(hv, "spoor3", "Intensief.", User.get(User.email == "coordinator-hv@vh.test"),
                               regisseur=User.get(User.email == "regisseur3@vh.test"))


def test_besluit_screen_of_halle_vilvoorde_lists_its_regisseurs(client, login):
    hv = maak_dossier(plaats=("1800", "Vilvoorde"), teamnaam="Veilig Huis Halle-Vilvoorde")
    login("coordinator-hv@vh.test")
    r = client.get(url(hv))
    assert r.status_code == 200
    hv_r2, hv_r3 = (User.get(User.email == e) for e in ("regisseur2-hv@vh.test", "regisseur3-hv@vh.test"))
    assert hv_r2.naam in r.text and hv_r3.naam in r.text
    assert "Pieter Goossens" not in r.text and "Lotte Stevens" not in r.text
    assert "Niemand beschikbaar" not in r.text
