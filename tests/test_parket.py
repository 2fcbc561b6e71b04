"""Parketcheck: the parket's inbox and answer screen, need-to-know, access by arrondissement."""
from __future__ import annotations

import datetime as dt

import pytest
from kit import HALLE, HX, assert_fragment, maak_aanmelding, open_dossier

from vh import access
from vh.models import AuditEvent, Bijdrage, Dossier, Overgang, Parketcheck, Team, User, utcnow
from vh.ontvangst.beoordelen import nieuw_dossier
from vh.parket import parketcheck
from vh.workflow import WorkflowError


@pytest.fixture
def parket_hv():
    """The demo account of Parket Halle-Vilvoorde."""
    return User.get(User.email == "parket-hv@vh.test")


def _check(client, login, **velden) -> Parketcheck:
    """A dossier of Oost-Brabant waiting for the parket (opened through the ontvangst screen)."""
    c = client.application.test_client()
    login("coordinator", c)
    d = open_dossier(c, maak_aanmelding(**velden))
    return Parketcheck.get(Parketcheck.dossier == d.id)


def test_inbox_lists_open_requests_with_waiting_mark(client, login, app):
    oud = _check(client, login)
    Parketcheck.update(gevraagd_op=utcnow() - dt.timedelta(days=7)).where(Parketcheck.id == oud.id).execute()
    nieuw = _check(client, login, personen=[("Lies", "Nieuw", dt.date(1990, 2, 2), "slachtoffer")])
    login("parket")
    r = client.get("/parket")
    assert r.status_code == 200
    assert oud.dossier.nummer in r.text and nieuw.dossier.nummer in r.text
    assert r.text.index(oud.dossier.nummer) < r.text.index(nieuw.dossier.nummer)
    assert 'tag--red">Wacht al 7 dagen' in r.text
    assert r.text.count("tag--red") == 1
    assert AuditEvent.select().where(AuditEvent.actie == "parket.lijst").exists()
    fragment = client.get("/parket", headers={**HX, "HX-Target": "scherm"})
    assert_fragment(fragment)
    app.config["VH_PARKET_WAIT_DAYS"] = 10
    assert "Wacht al 7 dagen" not in client.get("/parket").text


def test_answer_screen_shows_only_what_the_decision_needs(client, login):
    check = _check(client, login, recent_incident="Zaterdag sloeg hij haar. " + "Veel details. " * 80,
                   hulpverlening="GEHEIM-HULPVERLENING", vraag="GEHEIME-VRAAG",
                   veilig_contact="GEHEIM-CONTACT", pv_nummers="LE.55.L1.009999/26")
    Bijdrage.create(dossier=check.dossier, auteur=User.get(User.email == "ggz@vh.test"),
                    inhoud="<p>GEHEIME-BIJDRAGE</p>", rechtsgrond="art. 458ter Sw.")
    login("parket")
    r = client.get(f"/parket/{check.id}")
    assert r.status_code == 200
    for tekst in ("Greet Vos", "4 maart 1981", "LE.55.L1.009999/26", "Partnergeweld", "Zaterdag sloeg hij haar."):
        assert tekst in r.text, tekst
    for geheim in ("GEHEIM-HULPVERLENING", "GEHEIME-VRAAG", "GEHEIM-CONTACT", "GEHEIME-BIJDRAGE"):
        assert geheim not in r.text, geheim
    assert r.text.count("Veel details.") < 40  # the summary is truncated
    assert AuditEvent.select().where((AuditEvent.actie == "parketcheck.view")
                                     & (AuditEvent.object_id == check.id)).exists()
    fragment = client.get(f"/parket/{check.id}", headers={**HX, "HX-Target": "scherm"})
    assert_fragment(fragment)
    assert "Greet Vos" in fragment.text


def test_parket_of_another_arrondissement_cannot_see_the_request(client, login, parket_hv):
    check = _check(client, login)
    login(parket_hv.email)
    assert client.get(f"/parket/{check.id}").status_code == 404
    assert client.post(f"/parket/{check.id}", data={"uitkomst": "akkoord"}).status_code == 404
    assert check.dossier.nummer not in client.get("/parket").text
    assert not access.can(parket_hv, "parketcheck.view", check)
    assert Parketcheck.get_by_id(check.id).uitkomst is None


def test_parket_hv_sees_own_arrondissement(client, login, parket_hv):
    c = client.application.test_client()
    login("coordinator_hv", c)
    d = open_dossier(c, maak_aanmelding(plaats=HALLE))
    check = Parketcheck.get(Parketcheck.dossier == d.id)
    login(parket_hv.email)
    assert client.get(f"/parket/{check.id}").status_code == 200
    leuven = client.application.test_client()
    login("parket", leuven)
    assert leuven.get(f"/parket/{check.id}").status_code == 404


def test_parket_screens_access(client, login):
    check = _check(client, login)
    for role in ("coordinator", "aanmelder", "kernpartner", "beheerder", "dpo", "regisseur3"):
        c = client.application.test_client()
        login(role, c)
        assert c.get("/parket").status_code == 403, role
        assert c.get(f"/parket/{check.id}").status_code == 404, role
        assert c.post(f"/parket/{check.id}", data={"uitkomst": "akkoord"}).status_code == 404, role
    assert client.get("/parket").status_code == 302  # not logged in


@pytest.mark.parametrize("data,fout", [
    ({}, "Kies akkoord, akkoord met beperkingen of bezwaar."),
    ({"uitkomst": "misschien"}, "Kies akkoord, akkoord met beperkingen of bezwaar."),
    ({"uitkomst": "beperkingen", "beperkingen": " "}, "Schrijf welke informatie niet gedeeld mag worden."),
    ({"uitkomst": "bezwaar", "reden": ""}, "Schrijf waarom u bezwaar maakt"),
    ({"uitkomst": "bezwaar", "reden": "x" * 4001}, "Gebruik hoogstens 4000 tekens."),
])
def test_answer_validation(client, login, data, fout):
    check = _check(client, login)
    login("parket")
    r = client.post(f"/parket/{check.id}", data=data)
    assert r.status_code == 422 and fout in r.text and "Er is een probleem" in r.text
    r = client.post(f"/parket/{check.id}", data=data, headers={**HX, "HX-Target": "antwoord"})
    assert_fragment(r, 422)
    assert fout in r.text
    assert Parketcheck.get_by_id(check.id).uitkomst is None
    assert Dossier.get_by_id(check.dossier.id).fase == "parketcheck"


def test_akkoord_moves_dossier_to_te_bespreken(client, login, user):
    check = _check(client, login)
    login("parket")
    r = client.post(f"/parket/{check.id}", data={"uitkomst": "akkoord", "reden": "genegeerd"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/parket")
    check = Parketcheck.get_by_id(check.id)
    assert check.uitkomst == "akkoord" and check.reden == ""
    assert check.beantwoord_door_id == user("parket").id and check.beantwoord_op
    d = Dossier.get_by_id(check.dossier.id)
    assert d.fase == "te_bespreken"
    laatste = Overgang.select().where(Overgang.dossier == d.id).order_by(Overgang.id.desc()).first()
    assert (laatste.van, laatste.naar, laatste.actie, laatste.door_id) == (
        "parketcheck", "te_bespreken", "parket_antwoord", user("parket").id)
    event = AuditEvent.get((AuditEvent.actie == "parketcheck.answer") & (AuditEvent.object_id == check.id))
    assert "akkoord" in event.details
    lijst = client.get("/parket")
    assert "Recent beantwoord" in lijst.text and d.nummer in lijst.text
    # answering twice: a clean refusal, nothing changes
    r = client.post(f"/parket/{check.id}", data={"uitkomst": "bezwaar", "reden": "te laat"})
    assert r.status_code == 303
    assert Parketcheck.get_by_id(check.id).uitkomst == "akkoord"
    assert "Uw antwoord" in client.get(f"/parket/{check.id}").text


def test_beperkingen_are_shown_on_the_dossier(client, login):
    check = _check(client, login)
    login("parket")
    tekst = "Het lopende strafonderzoek naar de feiten van 3 november mag niet besproken worden."
    r = client.post(f"/parket/{check.id}", data={"uitkomst": "beperkingen", "beperkingen": tekst},
                    headers={**HX, "HX-Target": "antwoord"})
    assert r.status_code == 204 and r.headers["HX-Location"].endswith("/parket")
    assert Parketcheck.get_by_id(check.id).beperkingen == tekst
    c = client.application.test_client()
    login("coordinator", c)
    page = c.get(f"/dossiers/{check.dossier.id}").text
    assert tekst in page and "banner--sensitive" in page
    assert page.index(tekst) < page.index("Volgende stap")  # at the top, before any action


def test_bezwaar_stops_information_sharing(client, login):
    check = _check(client, login)
    login("parket")
    r = client.post(f"/parket/{check.id}", data={"uitkomst": "bezwaar", "reden": "Onderzoeksbelang."})
    assert r.status_code == 303
    d = Dossier.get_by_id(check.dossier.id)
    assert d.fase == "te_bespreken"
    from vh import workflow
    with pytest.raises(workflow.WorkflowError, match="bezwaar"):
        workflow.check_bijdrage(d.toestand())
    with pytest.raises(workflow.WorkflowError, match="alleen een advies"):
        workflow.check(d.toestand(), "besluit_spoor3")
    c = client.application.test_client()
    login("coordinator", c)
    page = c.get(f"/dossiers/{d.id}").text
    assert "Alleen advies mogelijk; er wordt geen informatie gedeeld" in page
    assert "Onderzoeksbelang." in page


def test_answer_refused_when_dossier_no_longer_waits(client, login):
    """E.g. the coordinator closed it with an advice meanwhile: the workflow message is shown."""
    check = _check(client, login)
    Dossier.update(fase="afgesloten").where(Dossier.id == check.dossier.id).execute()
    login("parket")
    r = client.post(f"/parket/{check.id}", data={"uitkomst": "akkoord"})
    assert r.status_code == 422 and "kan niet in de fase" in r.text
    assert Parketcheck.get_by_id(check.id).uitkomst is None


# ---------------------------------------------------------------- the rules, called directly
def _gevraagd(user, **velden) -> Parketcheck:
    """A dossier of Oost-Brabant waiting for the parket, made through the ontvangst rule."""
    d = nieuw_dossier(maak_aanmelding(**velden), user("coordinator"), Team.get(Team.naam == "Veilig Huis Oost-Brabant"))
    return d.laatste_parketcheck()


def test_rule_vraag_aan_only_from_nieuw(app, user):
    check = _gevraagd(user)
    with pytest.raises(WorkflowError):
        parketcheck.vraag_aan(check.dossier, user("coordinator"))  # it waits already
    assert Parketcheck.select().where(Parketcheck.dossier == check.dossier_id).count() == 1
    assert check.gevraagd_op == Dossier.get_by_id(check.dossier_id).fase_sinds


def test_rule_beantwoord_once_keeps_only_the_text_of_its_outcome(app, user):
    check = _gevraagd(user)
    with pytest.raises(ValueError):
        parketcheck.beantwoord(check, user("parket"), "misschien")
    check = parketcheck.beantwoord(check, user("parket"), "beperkingen", beperkingen="  Niet het PV.  ",
                                   reden="genegeerd")
    assert (check.uitkomst, check.beperkingen, check.reden) == ("beperkingen", "Niet het PV.", "")
    assert Dossier.get_by_id(check.dossier_id).fase == "te_bespreken"
    laatste = list(Overgang.van_dossier(check.dossier_id))[-1]
    assert (laatste.actie, laatste.toelichting) == ("parket_antwoord", "Akkoord met beperkingen")
    with pytest.raises(parketcheck.AlBeantwoord):
        parketcheck.beantwoord(check, user("parket"), "bezwaar", reden="Te laat.")
    assert Parketcheck.get_by_id(check.id).uitkomst == "beperkingen"


def test_rule_wacht_is_too_long_only_while_unanswered(app, user):
    check = _gevraagd(user)
    check.gevraagd_op = utcnow() - dt.timedelta(days=6)
    with app.app_context():
        assert parketcheck.wacht_dagen_max() == 5
        assert parketcheck.wacht(check) == {"dagen": 6, "te_lang": True}
        check.uitkomst = "akkoord"
        assert parketcheck.wacht(check) == {"dagen": 6, "te_lang": False}
        app.config["VH_PARKET_WAIT_DAYS"] = 6
        check.uitkomst = None
        assert parketcheck.wacht(check)["te_lang"] is False


def test_rule_beslissingsinfo_pv_numbers_and_summary(app, user):
    check = _gevraagd(user, pv_nummers="LE.1/26; LE.2/26\nLE.1/26", recent_incident="Een  zin\nover " + "x " * 300)
    info = parketcheck.beslissingsinfo(check)
    assert info["pv_nummers"] == ["LE.1/26", "LE.2/26"]
    assert info["samenvatting"].startswith("Een zin over x") and info["samenvatting"].endswith(" …")
    assert len(info["samenvatting"]) <= parketcheck.SAMENVATTING_TEKENS + 2
    assert [p.naam for p in info["personen"]] == ["Rik Vos", "Greet Vos", "Mila Vos"]  # oldest first
    assert parketcheck.samenvatting("kort") == "kort" and parketcheck.samenvatting(None) == ""


def test_rule_lijst_only_the_own_arrondissement(app, user, parket_hv):
    check = _gevraagd(user)
    with app.test_request_context():
        lijst = parketcheck.lijst(user("parket"))
        assert [(c.id, n) for c, _, n in lijst["open_"]] == [(check.id, 3)] and lijst["beantwoord"] == []
        assert parketcheck.lijst(parket_hv)["open_"] == []
    assert AuditEvent.select().where(AuditEvent.actie == "parket.lijst").count() == 2
