"""Ontvangst: the coordinator's inbox, the admissibility decision, "already known", the team's
parket pause. Referrals are created directly with the models + indienen.submit()."""
from __future__ import annotations

import datetime as dt

import pytest
from kit import HALLE, HX, assert_fragment, maak_aanmelding, open_dossier, team

from vh import access, workflow
from vh.models import (
    Aanmelding,
    AuditEvent,
    Besluit,
    Dossier,
    Overgang,
    Parketcheck,
    Persoon,
    Team,
    User,
    utcnow,
)
from vh.ontvangst import beoordelen, pauze
from vh.ontvangst.beoordelen import mogelijk_gekend


# ---------------------------------------------------------------- inbox
def test_inbox_lists_team_referrals_oldest_first_with_flags(client, login):
    oud = maak_aanmelding(personen=[("Ann", "Oud", dt.date(1970, 1, 1), "slachtoffer")])
    Aanmelding.update(ingediend_op=utcnow() - dt.timedelta(days=3)).where(Aanmelding.id == oud.id).execute()
    nieuw = maak_aanmelding(auteur_email="politie@vh.test", bron="politie-kort",
                            personen=[("Bert", "Nieuw", dt.date(1971, 1, 1), "slachtoffer")])
    halle = maak_aanmelding(plaats=HALLE, personen=[("Carl", "Halle", dt.date(1972, 1, 1), "slachtoffer")])
    buiten = maak_aanmelding(plaats=None, personen=[("Dirk", "Buiten", dt.date(1973, 1, 1), "slachtoffer")])
    login("coordinator")
    r = client.get("/ontvangst")
    assert r.status_code == 200
    assert oud.nummer in r.text and nieuw.nummer in r.text and buiten.nummer in r.text
    assert halle.nummer not in r.text
    assert r.text.index(oud.nummer) < r.text.index(nieuw.nummer)
    assert "3 dagen" in r.text and "Politie" in r.text and "Pilootzone" in r.text
    assert "Buiten Vlaams-Brabant" in r.text
    assert "Greet" not in r.text  # no names in the inbox list
    fragment = client.get("/ontvangst", headers={**HX, "HX-Target": "scherm"})
    assert_fragment(fragment)
    assert oud.nummer in fragment.text


def test_inbox_access(client, login):
    for role in ("aanmelder", "parket", "beheerder", "dpo", "kernpartner", "regisseur2"):
        c = client.application.test_client()
        login(role, c)
        assert c.get("/ontvangst").status_code == 403, role


def test_mogelijk_gekend_flag_in_bounded_queries(client, login, user):
    eerste = maak_aanmelding()
    login("coordinator")
    d = open_dossier(client, eerste)
    tweede = maak_aanmelding(auteur_email="huisarts@vh.test",
                             personen=[("Greet", "Vos", dt.date(1981, 3, 4), "slachtoffer")])
    ander = maak_aanmelding(personen=[("Greet", "Vos", dt.date(1981, 3, 5), "slachtoffer")])
    assert mogelijk_gekend([tweede, ander], user("coordinator").team_ids) == {tweede.id}
    assert mogelijk_gekend([tweede], user("coordinator_hv").team_ids) == set()
    r = client.get("/ontvangst")
    rij = r.text[r.text.index(tweede.nummer):]
    assert "Mogelijk gekend" in rij[:rij.index("</tr>")]
    detail = client.get(f"/ontvangst/{tweede.id}")
    assert f"Dossier {d.nummer}" in detail.text and "Greet Vos" in detail.text


# ---------------------------------------------------------------- the referral screen
def test_referral_page_shows_every_answer_and_is_audited(client, login):
    a = maak_aanmelding(vraag="Graag een gezamenlijke aanpak.", veilig_contact="Niet bellen na 17 u.",
                        gezin_op_de_hoogte=False, waarom_niet_op_de_hoogte="Gevaar voor escalatie.")
    login("coordinator")
    r = client.get(f"/ontvangst/{a.id}")
    assert r.status_code == 200
    for tekst in ("Graag een gezamenlijke aanpak.", "Niet bellen na 17 u.", "Gevaar voor escalatie.",
                  "Greet Vos", "Mila Vos", "Kind", "LE.55.L1.001234/26", "CAW begeleidt sinds een jaar.",
                  "niet op de hoogte"):
        assert tekst in r.text, tekst
    assert AuditEvent.select().where((AuditEvent.actie == "aanmelding.view")
                                     & (AuditEvent.object_id == a.id)).exists()
    fragment = client.get(f"/ontvangst/{a.id}", headers={**HX, "HX-Target": "scherm"})
    assert "Greet Vos" in assert_fragment(fragment)


def test_referral_access_cells(client, login):
    a = maak_aanmelding()
    cases = {"coordinator_hv": 404, "beheerder": 404, "dpo": 404, "parket": 404, "kernpartner": 404,
             "aanmelder": 403, "coordinator": 200}
    for role, code in cases.items():
        c = client.application.test_client()
        login(role, c)
        assert c.get(f"/ontvangst/{a.id}").status_code == code, role
        if code != 200:
            assert c.post(f"/ontvangst/{a.id}", data={"beslissing": "nieuw"}).status_code == code, role
    assert Aanmelding.get_by_id(a.id).status == "ingediend"
    c = client.application.test_client()
    login("coordinator", c)
    assert c.get("/ontvangst/999999").status_code == 404


def test_niet_ontvankelijk_needs_a_reason(client, login):
    a = maak_aanmelding()
    login("coordinator")
    r = client.post(f"/ontvangst/{a.id}", data={"beslissing": "niet_ontvankelijk", "reden": "  "})
    assert r.status_code == 422
    assert "Schrijf waarom de aanmelding niet ontvankelijk is" in r.text and "Er is een probleem" in r.text
    r = client.post(f"/ontvangst/{a.id}", data={}, headers={**HX, "HX-Target": "beslissing"})
    assert_fragment(r, 422)
    assert "Kies of de aanmelding ontvankelijk is" in r.text
    assert Aanmelding.get_by_id(a.id).status == "ingediend"


def test_niet_ontvankelijk_records_besluit_and_goes_to_letter(client, login, user):
    a = maak_aanmelding()
    login("coordinator")
    r = client.post(f"/ontvangst/{a.id}", data={"beslissing": "niet_ontvankelijk",
                                                "reden": "Geen van de drie criteria."})
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/aanmeldingen/{a.id}/brief")
    a = Aanmelding.get_by_id(a.id)
    assert a.status == "niet_ontvankelijk" and a.behandeld_door_id == user("coordinator").id
    assert a.behandeld_op is not None and a.dossier_id is None
    b = Besluit.get(Besluit.aanmelding == a.id)
    assert b.uitkomst == "niet_ontvankelijk" and b.motivering == "Geen van de drie criteria."
    assert AuditEvent.select().where(AuditEvent.actie == "aanmelding.niet_ontvankelijk").exists()
    # a second decision is refused cleanly
    r = client.post(f"/ontvangst/{a.id}", data={"beslissing": "nieuw"})
    assert r.status_code == 303 and Dossier.select().count() == 0


def test_admissible_new_dossier_asks_parket_at_once(client, login, user):
    a = maak_aanmelding(ifg_vormen="partnergeweld|kindermishandeling")
    login("coordinator")
    r = client.post(f"/ontvangst/{a.id}", data={"beslissing": "nieuw"})
    assert r.status_code == 303
    a = Aanmelding.get_by_id(a.id)
    d = a.dossier
    assert r.headers["Location"].endswith(f"/dossiers/{d.id}")
    assert a.status == "ontvankelijk" and a.behandeld_door_id == user("coordinator").id
    assert d.team.naam == "Veilig Huis Oost-Brabant" and d.pilootzone and d.nummer.startswith("D-")
    assert d.vormen == ["partnergeweld", "kindermishandeling"]
    assert {p.naam for p in d.personen} == {"Greet Vos", "Rik Vos", "Mila Vos"}
    assert d.fase == "parketcheck"
    check = Parketcheck.get(Parketcheck.dossier == d.id)
    assert check.gevraagd_door_id == user("coordinator").id and check.uitkomst is None
    overgangen = list(Overgang.select().where(Overgang.dossier == d.id).order_by(Overgang.id))
    assert [(o.van, o.naar) for o in overgangen] == [(None, "nieuw"), ("nieuw", "parketcheck")]
    assert all(o.door_id == user("coordinator").id and o.op for o in overgangen)
    acties = {e.actie for e in AuditEvent.select().where(AuditEvent.dossier_id == d.id)}
    assert {"dossier.create", "dossier.parket_vragen", "parketcheck.request"} <= acties


def test_admissible_with_htmx_gets_hx_location(client, login):
    a = maak_aanmelding()
    login("coordinator")
    r = client.post(f"/ontvangst/{a.id}", data={"beslissing": "nieuw"},
                    headers={**HX, "HX-Target": "beslissing"})
    assert r.status_code == 204
    d = Aanmelding.get_by_id(a.id).dossier
    assert r.headers["HX-Location"].endswith(f"/dossiers/{d.id}")


def test_join_existing_dossier_keeps_its_phase(client, login):
    login("coordinator")
    d = open_dossier(client, maak_aanmelding())
    tweede = maak_aanmelding(auteur_email="huisarts@vh.test", ifg_vormen="belaging", personen=[
        ("Greet", "Vos", dt.date(1981, 3, 4), "slachtoffer"),
        ("Vos", "Rik", dt.date(1979, 7, 9), "pleger"),  # swapped names still match
        ("Nora", "Vos", dt.date(2020, 5, 5), "kind-slachtoffer")])
    r = client.post(f"/ontvangst/{tweede.id}", data={"beslissing": "bestaand", "dossier": str(d.id)})
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/dossiers/{d.id}")
    tweede = Aanmelding.get_by_id(tweede.id)
    assert tweede.status == "ontvankelijk" and tweede.dossier_id == d.id
    d = Dossier.get_by_id(d.id)
    assert d.fase == "parketcheck"  # unchanged
    assert Parketcheck.select().where(Parketcheck.dossier == d.id).count() == 1
    namen = sorted(p.naam for p in d.personen)
    assert namen == ["Greet Vos", "Mila Vos", "Nora Vos", "Rik Vos"]  # only the new person added
    assert d.vormen == ["partnergeweld", "belaging"]
    assert Overgang.select().where(Overgang.dossier == d.id).count() == 2  # no new transition


def test_join_refuses_a_dossier_that_was_not_suggested(client, login):
    login("coordinator")
    open_dossier(client, maak_aanmelding())
    hv = beoordelen.nieuw_dossier(maak_aanmelding(plaats=HALLE), User.get(User.email == "coordinator-hv@vh.test"),
                                  team("Veilig Huis Halle-Vilvoorde"))
    other = maak_aanmelding(personen=[("Zeno", "Ander", dt.date(1990, 1, 1), "slachtoffer")])
    # another team's dossier cannot be joined, not even by its id
    r = client.post(f"/ontvangst/{other.id}", data={"beslissing": "bestaand", "dossier": str(hv.id)})
    assert r.status_code == 422
    known = maak_aanmelding(personen=[("Greet", "Vos", dt.date(1981, 3, 4), "slachtoffer")])
    for tampered in ("999999", "abc", ""):
        r = client.post(f"/ontvangst/{known.id}", data={"beslissing": "bestaand", "dossier": tampered})
        assert r.status_code == 422 and "Kies een van de voorgestelde dossiers" in r.text
    assert Aanmelding.get_by_id(known.id).status == "ingediend"


# ---------------------------------------------------------------- linking by hand (issue 8 item 10)
def zoek(client, a, headers=None, **data):
    return client.post(f"/ontvangst/{a.id}/zoeken", data=data, headers=headers or {})


def test_name_search_finds_the_dossier_and_links_the_referral_by_hand(client, login, user):
    login("coordinator")
    d = open_dossier(client, maak_aanmelding())  # Greet, Rik and Mila Vos
    hv = beoordelen.nieuw_dossier(maak_aanmelding(plaats=HALLE), user("coordinator_hv"),
                                  team("Veilig Huis Halle-Vilvoorde"))  # the same names, other team
    zonder = maak_aanmelding(personen=[("Grete", "Voss", None, "slachtoffer")])  # no birth date: no hint
    assert mogelijk_gekend([zonder], user("coordinator").team_ids) == set()
    scherm = client.get(f"/ontvangst/{zonder.id}").text
    assert "Zelf zoeken op naam" in scherm and f'action="/ontvangst/{zonder.id}/zoeken"' in scherm

    r = zoek(client, zonder, naam="Greet Vos")
    assert r.status_code == 200 and f"Dossier {d.nummer}" in r.text and f"Dossier {hv.nummer}" not in r.text
    assert "Greet Vos" in r.text and "Mila Vos" not in r.text.split('id="zoeken"')[1].split("</section>")[0]
    for naam in ("greet voss", "Vos", "Gret Vos"):  # a typo, only the surname
        assert f"Dossier {d.nummer}" in zoek(client, zonder, naam=naam).text, naam
    met = zoek(client, zonder, naam="Greet Vos", **{"geboortedatum-dag": "4", "geboortedatum-maand": "3",
                                                    "geboortedatum-jaar": "1981"})
    assert f"Dossier {d.nummer}" in met.text
    anders = zoek(client, zonder, naam="Greet Vos", **{"geboortedatum-dag": "5", "geboortedatum-maand": "3",
                                                       "geboortedatum-jaar": "1981"})
    assert f"Dossier {d.nummer}" not in anders.text and "Geen lopend of recent dossier gevonden" in anders.text

    # audited as an event with counts, never the typed name
    events = list(AuditEvent.select().where(AuditEvent.actie == "aanmelding.naam_zoeken")
                  .order_by(AuditEvent.id))
    assert len(events) == 6 and all(e.object_id == zonder.id for e in events)
    assert all("Vos" not in (e.details or "") and "Greet" not in (e.details or "") for e in events)
    assert '"dossiers": 1' in events[0].details and '"met_geboortedatum": true' in events[-2].details

    # each result is a plain form that joins the referral to that dossier
    assert f'name="dossier" value="{d.id}"' in r.text
    j = client.post(f"/ontvangst/{zonder.id}", data={"beslissing": "bestaand", "dossier": str(d.id)})
    assert j.status_code == 303
    assert Aanmelding.get_by_id(zonder.id).dossier_id == d.id


def test_name_search_validates_and_works_with_htmx(client, login):
    login("coordinator")
    a = maak_aanmelding()
    leeg = zoek(client, a, naam=" ")
    assert leeg.status_code == 422 and "Vul een naam in" in leeg.text and "Er is een probleem" in leeg.text
    fout = zoek(client, a, naam="Vos", **{"geboortedatum-dag": "99", "geboortedatum-maand": "3",
                                          "geboortedatum-jaar": "9999999999"})
    assert fout.status_code == 422 and "bestaande datum" in fout.text
    assert AuditEvent.select().where(AuditEvent.actie == "aanmelding.naam_zoeken").count() == 0
    frag = zoek(client, a, headers={**HX, "HX-Target": "zoeken"}, naam="Vos")
    assert_fragment(frag)
    assert 'id="zoeken"' in frag.text and "Wie meldt aan" not in frag.text
    # a referrer may not search
    c = client.application.test_client()
    from kit import PASSWORD
    c.post("/login", data={"email": "caw@vh.test", "password": PASSWORD})
    assert zoek(c, a, naam="Vos").status_code in (403, 404)


def test_name_search_uses_bounded_queries(client, login, user):
    from kit import count_queries
    login("coordinator")
    open_dossier(client, maak_aanmelding())
    a = maak_aanmelding(personen=[("Ann", "Ander", None, "slachtoffer")])
    coord = user("coordinator")
    with client.application.test_request_context():
        with count_queries(only_select=True) as weinig:
            beoordelen.zoek_op_naam(a, coord, "Vos", None)
        for i in range(15):
            open_dossier(client, maak_aanmelding(personen=[(f"Greet{i}", "Vos", dt.date(1981, 3, i + 1),
                                                            "slachtoffer")]))
        with count_queries(only_select=True) as veel:
            gevonden, _ = beoordelen.zoek_op_naam(a, coord, "Vos", None)
    # the candidates, the team's teams, the audit chain's counter and last hash
    assert len(gevonden) == 16 and veel.count == weinig.count <= 4


def test_referral_without_team_coordinator_chooses_own_team(client, login, user):
    a = maak_aanmelding(plaats=None)
    assert a.team_id is None and a.buiten_vlaams_brabant
    login("coordinator")
    r = client.get(f"/ontvangst/{a.id}")
    assert "Welk team neemt het dossier op?" in r.text
    r = client.post(f"/ontvangst/{a.id}", data={"beslissing": "nieuw", "team": ""})
    assert r.status_code == 422 and "Kies het team" in r.text
    r = client.post(f"/ontvangst/{a.id}", data={"beslissing": "nieuw", "team": str(team("Veilig Huis Halle-Vilvoorde").id)})
    assert r.status_code == 422  # not one of the coordinator's teams
    d = open_dossier(client, a, team=str(team().id))
    assert d.team_id == team().id and Aanmelding.get_by_id(a.id).team_id == team().id


# ---------------------------------------------------------------- parket pause (team setting)
def test_team_settings_access(client, login):
    t = team()
    # access.require answers 404 for a team the user has no settings right on (deny by default);
    # the beheerder knows the teams (it keeps their letterhead), so for it the answer is 403
    for role, code in {"coordinator": 200, "coordinator_hv": 404, "parket": 404, "beheerder": 403,
                       "aanmelder": 404}.items():
        c = client.application.test_client()
        login(role, c)
        assert c.get(f"/ontvangst/team/{t.id}").status_code == code, role
        if code != 200:
            assert c.post(f"/ontvangst/team/{t.id}", data={"pauze": "ja"}).status_code == code
    assert not Team.get_by_id(t.id).parket_pauze
    assert client.application.test_client().get(f"/ontvangst/team/{t.id}").status_code == 302


def test_paused_parket_new_dossier_stays_nieuw_then_resumes(client, login):
    t = team()
    login("coordinator")
    r = client.post(f"/ontvangst/team/{t.id}", data={"pauze": "ja"})
    assert r.status_code == 303
    t = Team.get_by_id(t.id)
    assert t.parket_pauze and t.parket_pauze_sinds
    assert AuditEvent.select().where(AuditEvent.actie == "team.parket_pauze").count() == 1
    a = maak_aanmelding()
    inbox = client.get("/ontvangst")
    assert "Het parket neemt tijdelijk niet deel" in inbox.text
    assert "Het parket neemt tijdelijk niet deel" in client.get("/dossiers").text
    d = open_dossier(client, a)
    assert d.fase == "nieuw" and not Parketcheck.select().where(Parketcheck.dossier == d.id).exists()
    page = client.get(f"/dossiers/{d.id}")
    assert "Het parket neemt tijdelijk niet deel" in page.text
    assert "Wacht tot het parket weer deelneemt" in page.text and "Parketcheck aanvragen" not in page.text
    # the workflow refuses a request, whatever route it comes by
    r = client.post(f"/dossiers/{d.id}/parketcheck")
    assert r.status_code == 422 and "geen parketcheck gevraagd" in r.text
    assert Dossier.get_by_id(d.id).fase == "nieuw"
    # no new information sharing in running dossiers
    try:
        workflow.check_bijdrage(workflow.Toestand(fase="te_bespreken", parket="akkoord", parket_pauze=True))
        raise AssertionError("bijdrage allowed during pause")
    except workflow.WorkflowError as error:
        assert "tijdelijk niet deel" in str(error)
    # switch back: the dossier gets its request from the dossier page
    settings = client.get(f"/ontvangst/team/{t.id}")
    assert d.nummer in settings.text
    assert client.post(f"/ontvangst/team/{t.id}", data={"pauze": "nee"}).status_code == 303
    assert not Team.get_by_id(t.id).parket_pauze
    settings = client.get(f"/ontvangst/team/{t.id}")
    assert "Dossiers die nog op een parketcheck wachten" in settings.text and d.nummer in settings.text
    page = client.get(f"/dossiers/{d.id}")
    assert "Parketcheck aanvragen" in page.text and "neemt tijdelijk niet deel" not in page.text
    r = client.post(f"/dossiers/{d.id}/parketcheck", headers={**HX, "HX-Target": "volgende-stap"})
    assert r.status_code == 204 and r.headers["HX-Location"].endswith(f"/dossiers/{d.id}")
    assert Dossier.get_by_id(d.id).fase == "parketcheck"
    assert Parketcheck.select().where(Parketcheck.dossier == d.id).count() == 1


def test_team_settings_validation_and_htmx(client, login):
    t = team()
    login("coordinator")
    r = client.post(f"/ontvangst/team/{t.id}", data={"pauze": "misschien"})
    assert r.status_code == 422 and "Kies of het parket deelneemt" in r.text
    r = client.post(f"/ontvangst/team/{t.id}", data={"pauze": "ja"}, headers={**HX, "HX-Target": "scherm"})
    assert r.status_code == 204 and "HX-Location" in r.headers
    # the same value again changes nothing and writes no second audit event
    client.post(f"/ontvangst/team/{t.id}", data={"pauze": "ja"})
    assert AuditEvent.select().where(AuditEvent.actie == "team.parket_pauze").count() == 1
    fragment = client.get(f"/ontvangst/team/{t.id}", headers={**HX, "HX-Target": "scherm"})
    assert_fragment(fragment)


def test_access_team_settings_rule(app):
    coord = User.get(User.email == "coordinator@vh.test")
    hv = User.get(User.email == "coordinator-hv@vh.test")
    assert access.can(coord, "team.settings", team())
    assert not access.can(hv, "team.settings", team())
    assert access.can(hv, "team.settings", team("Veilig Huis Halle-Vilvoorde"))
    assert not access.can(coord, "team.settings")  # not a global action


def test_demo_is_idempotent(app):
    from vh.demo import ontvangst as demo
    assert "7 nieuwe aanmeldingen" in demo.load()
    n = (Aanmelding.select().count(), Dossier.select().count(), Parketcheck.select().count())
    assert demo.load() == ""
    assert (Aanmelding.select().count(), Dossier.select().count(), Parketcheck.select().count()) == n
    fasen = [d.fase for d in Dossier.select()]
    assert fasen.count("parketcheck") == 2 and "nieuw" in fasen and "te_bespreken" in fasen
    assert Parketcheck.select().where(Parketcheck.uitkomst == "beperkingen").count() == 1
    assert Aanmelding.select().where(Aanmelding.status == "ingediend").count() == 3
    oud = Parketcheck.select().where(Parketcheck.uitkomst.is_null()).order_by(Parketcheck.gevraagd_op).first()
    assert (utcnow() - oud.gevraagd_op).days >= 7
    assert not team().parket_pauze  # the "nieuw" dossier did not touch the real setting


# ---------------------------------------------------------------- the rules, called directly
def test_rule_niet_ontvankelijk_once_only(app, user):
    a = maak_aanmelding()
    coordinator = user("coordinator")
    besluit = beoordelen.niet_ontvankelijk(a, coordinator, "  Geen criteria.  ")
    assert besluit.uitkomst == "niet_ontvankelijk" and besluit.motivering == "Geen criteria."
    a = Aanmelding.get_by_id(a.id)
    assert a.status == "niet_ontvankelijk" and a.reden_niet_ontvankelijk == "Geen criteria."
    assert AuditEvent.select().where((AuditEvent.actie == "aanmelding.niet_ontvankelijk")
                                     & (AuditEvent.object_id == a.id)).count() == 1
    with pytest.raises(beoordelen.AlBehandeld):  # a colleague in another tab decided first
        beoordelen.nieuw_dossier(a, user("coordinator"), team())
    assert Dossier.select().count() == 0 and Besluit.select().count() == 1


def test_rule_nieuw_dossier_asks_the_parket_unless_paused(app, user):
    coordinator = user("coordinator")
    d = beoordelen.nieuw_dossier(maak_aanmelding(), coordinator, team())
    assert d.fase == "parketcheck" and d.laatste_parketcheck().uitkomst is None
    gepauzeerd = team()
    gepauzeerd.parket_pauze = True  # unsaved, as the demo does
    d = beoordelen.nieuw_dossier(maak_aanmelding(personen=[("An", "Ander", dt.date(1990, 1, 1), "slachtoffer")]),
                                 coordinator, gepauzeerd)
    assert d.fase == "nieuw" and d.laatste_parketcheck() is None
    assert [(o.van, o.naar) for o in Overgang.van_dossier(d)] == [(None, "nieuw")]


def test_rule_nieuw_dossier_without_team_takes_the_chosen_team(app, user):
    a = maak_aanmelding(plaats=None)
    d = beoordelen.nieuw_dossier(a, user("coordinator"), team())
    assert d.team_id == team().id and Aanmelding.get_by_id(a.id).team_id == team().id


def test_rule_bij_dossier_adds_only_new_persons_and_forms(app, user):
    coordinator = user("coordinator")
    d = beoordelen.nieuw_dossier(maak_aanmelding(), coordinator, team())
    tweede = maak_aanmelding(ifg_vormen="belaging", personen=[
        ("Greet", "Vos", dt.date(1981, 3, 4), "slachtoffer"), ("Nora", "Vos", dt.date(2020, 5, 5), "kind-slachtoffer")])
    beoordelen.bij_dossier(tweede, d, coordinator)
    assert sorted(p.naam for p in Persoon.van(dossier=d)) == ["Greet Vos", "Mila Vos", "Nora Vos", "Rik Vos"]
    assert Dossier.get_by_id(d.id).vormen == ["partnergeweld", "belaging"]
    event = AuditEvent.get((AuditEvent.actie == "dossier.aanmelding_toegevoegd") & (AuditEvent.dossier_id == d.id))
    assert '"personen_toegevoegd": 1' in event.details


def test_rule_beoordeling_offers_known_dossiers_the_user_may_edit(app, user):
    coordinator = user("coordinator")
    d = beoordelen.nieuw_dossier(maak_aanmelding(), coordinator, team())
    tweede = maak_aanmelding(personen=[("Greet", "Vos", dt.date(1981, 3, 4), "slachtoffer")])
    ctx = beoordelen.beoordeling(tweede, coordinator)
    assert [x.id for x in ctx["joinable"]] == [d.id] and ctx["teams"] is None and ctx["team"].id == team().id
    assert [p.naam for p in ctx["personen"]] == ["Greet Vos"] and ctx["personen"][0].gemeente.postcode == "3000"
    assert beoordelen.beoordeling(tweede, user("coordinator_hv"))["bekend"] == []
    buiten = beoordelen.beoordeling(maak_aanmelding(plaats=None), coordinator)
    assert buiten["team"] is None and [t.id for t in buiten["teams"]] == [team().id]


def test_rule_inbox_is_bounded_and_says_there_is_more(app, user):
    for i in range(3):
        maak_aanmelding(personen=[(f"P{i}", "Inbox", dt.date(1970, 1, 1 + i), "slachtoffer")])
    aanmeldingen, meer = beoordelen.inbox(user("coordinator"), limiet=2)
    assert len(aanmeldingen) == 2 and meer
    assert beoordelen.inbox(user("coordinator"))[1] is False
    assert beoordelen.inbox(user("coordinator_hv")) == ([], False)


def test_rule_zet_parket_pauze_changes_and_audits_once(app, user):
    t = team()
    assert pauze.zet_parket_pauze(t, True, user("coordinator")) is True
    assert Team.get_by_id(t.id).parket_pauze and Team.get_by_id(t.id).parket_pauze_sinds
    assert pauze.zet_parket_pauze(t, True, user("coordinator")) is False
    assert AuditEvent.select().where(AuditEvent.actie == "team.parket_pauze").count() == 1
    assert pauze.zet_parket_pauze(t, False, user("coordinator")) is True
    assert Team.get_by_id(t.id).parket_pauze_sinds is None


# ---------------------------------------------------------------- out of province: hand over, marker, woonplaats
BRUSSEL = [("Dirk", "Buiten", dt.date(1973, 1, 1), "slachtoffer")]


def _brussel():
    a = maak_aanmelding(plaats=None, personen=BRUSSEL)
    Persoon.update(postcode="1000", woonplaats="Brussel").where(Persoon.aanmelding == a.id).execute()
    return a


def test_coordinator_hands_a_referral_to_another_team(client, login, user):
    a = _brussel()
    login("coordinator")
    page = client.get(f"/ontvangst/{a.id}").text
    assert "Aan een ander team overdragen" in page and "1000 Brussel" in page
    r = client.post(f"/ontvangst/{a.id}/overdragen", data={"overdracht-team": str(team("Veilig Huis Halle-Vilvoorde").id)})
    assert r.status_code == 303 and r.headers["Location"].endswith("/ontvangst")
    a = Aanmelding.get_by_id(a.id)
    assert a.team_id == team("Veilig Huis Halle-Vilvoorde").id and a.status == "ingediend"
    event = AuditEvent.get(AuditEvent.actie == "aanmelding.overdragen")
    assert event.user_id == user("coordinator").id and "Dirk" not in (event.details or "")
    # the first team no longer sees it; the other team's coordinator does
    assert f'href="/ontvangst/{a.id}"' not in client.get("/ontvangst").text
    assert client.get(f"/ontvangst/{a.id}").status_code == 404
    c = client.application.test_client()
    login("coordinator_hv", c)
    assert f'href="/ontvangst/{a.id}"' in c.get("/ontvangst").text
    d = open_dossier(c, a)
    assert d.team_id == team("Veilig Huis Halle-Vilvoorde").id and d.buiten_vlaams_brabant
    page = c.get(f"/dossiers/{d.id}").text
    assert "Buiten Vlaams-Brabant" in page and "1000 Brussel" in page


def test_hand_over_a_team_referral_with_htmx(client, login):
    a = maak_aanmelding()
    login("coordinator")
    r = client.post(f"/ontvangst/{a.id}/overdragen", data={"overdracht-team": str(team("Veilig Huis Halle-Vilvoorde").id)},
                    headers=HX)
    assert r.status_code == 204 and r.headers["HX-Location"].endswith("/ontvangst")
    assert Aanmelding.get_by_id(a.id).team.naam == "Veilig Huis Halle-Vilvoorde"


@pytest.mark.parametrize("waarde", ["", "abc", "99999999999999999999999", "own"])
def test_hand_over_refuses_bad_team(client, login, waarde):
    a = maak_aanmelding()
    if waarde == "own":
        waarde = str(team().id)
    login("coordinator")
    r = client.post(f"/ontvangst/{a.id}/overdragen", data={"overdracht-team": waarde})
    assert r.status_code == 422 and "Kies het team" in r.text and "Er is een probleem" in r.text
    assert Aanmelding.get_by_id(a.id).team_id == team().id


def test_hand_over_access_and_decided_referrals(client, login):
    a = maak_aanmelding()
    hv = str(team("Veilig Huis Halle-Vilvoorde").id)
    # 404 for who may not know it exists; its author knows it, and gets 403
    for role, status in (("coordinator_hv", 404), ("parket", 404), ("beheerder", 404), ("aanmelder", 403)):
        c = client.application.test_client()
        login(role, c)
        assert c.post(f"/ontvangst/{a.id}/overdragen", data={"overdracht-team": hv}).status_code == status, role
    login("coordinator")
    open_dossier(client, a)
    r = client.post(f"/ontvangst/{a.id}/overdragen", data={"overdracht-team": hv})
    assert r.status_code == 303 and Aanmelding.get_by_id(a.id).team_id == team().id
    assert not AuditEvent.select().where(AuditEvent.actie == "aanmelding.overdragen").exists()


def test_overdragen_rule_is_conditional(app, user):
    a = maak_aanmelding()
    beoordelen.niet_ontvankelijk(a, user("coordinator"), "Geen IFG.")
    with pytest.raises(beoordelen.AlBehandeld):
        beoordelen.overdragen(Aanmelding.get_by_id(a.id), team("Veilig Huis Halle-Vilvoorde"), user("coordinator"))


def test_woonplaats_label_of_a_person_outside_vlaams_brabant(app):
    a = _brussel()
    p = Persoon.get(Persoon.aanmelding == a.id)
    assert p.woonplaats_label == "1000 Brussel"
    p.woonplaats = ""
    assert p.woonplaats_label == "1000"
    p.postcode = ""
    assert p.woonplaats_label == ""
    leuven = Persoon.get(Persoon.aanmelding == maak_aanmelding().id)
    assert leuven.woonplaats_label == "3000 Leuven"
