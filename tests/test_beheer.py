"""Beheer: users and organisations, for the functioneel beheerder only; every change audited."""
from __future__ import annotations

import json
import re

import pytest
from kit import HX, PASSWORD, ROLE_USERS, assert_fragment, assert_page, queries_for

from vh.auth import accounts
from vh.beheer import Geweigerd, gebruikers, organisaties
from vh.db import db
from vh.demo import basis
from vh.beheer import rollen as rolaanvragen
from vh.models import Aanmelding, AuditEvent, Organisatie, RolAanvraag, Team, User, UserTeam, WachtwoordLink


def org_id(naam):
    return Organisatie.get(Organisatie.naam == naam).id


def team_id(naam):
    return Team.get(Team.naam == naam).id


def nieuw(**over):
    data = {"naam": "Jan Nieuw", "email": "jan.nieuw@vh.test", "functie": "Maatschappelijk werker",
            "telefoon": "016 11 22 33", "organisatie": str(org_id("CAW Oost-Brabant")),
            "rollen": ["aanmelder"], "teams": []}
    data.update(over)
    return data


def last_event(actie):
    return AuditEvent.select().where(AuditEvent.actie == actie).order_by(AuditEvent.id.desc()).first()


def wijzigingen(event):
    return json.loads(event.details)["wijzigingen"]


@pytest.fixture
def beheerder(login):
    return login("beheerder")


# ---------------------------------------------------------------- access
@pytest.mark.parametrize("role", ["aanmelder", "politie", "coordinator", "parket", "kernpartner",
                                  "regisseur3", "dpo"])
def test_only_the_beheerder_reaches_beheer(client, login, role, user):
    login(role)
    cu = user("aanmelder")
    for url in ("/beheer", "/beheer/gebruikers", "/beheer/gebruikers/nieuw", f"/beheer/gebruikers/{cu.id}",
                "/beheer/organisaties", "/beheer/organisaties/nieuw"):
        assert client.get(url).status_code == 403, url
    r = client.post("/beheer/gebruikers/nieuw", data=nieuw())
    assert r.status_code == 403
    assert client.post(f"/beheer/gebruikers/{cu.id}/actief", data={"actief": "0"}).status_code == 403
    assert User.get_by_id(cu.id).actief
    assert not User.select().where(User.email == "jan.nieuw@vh.test").exists()


def test_beheer_requires_login(client):
    r = client.get("/beheer/gebruikers")
    assert r.status_code == 302 and "/login" in r.headers["Location"]


def test_nav_links_to_beheer_for_the_beheerder_only(client, login):
    login("beheerder")
    assert 'href="/beheer/gebruikers"' in client.get("/").text
    client.post("/logout")
    login("coordinator")
    assert 'href="/beheer/gebruikers"' not in client.get("/").text


def test_beheerder_sees_no_dossier_content(app, client, beheerder):
    with db.atomic():
        basis._dossiers()
    dossier_id = 1
    aanmelding = Aanmelding.create(auteur=User.get(User.email == ROLE_USERS["aanmelder"]),
                                   status="ingediend", nummer="VH-2026-9999",
                                   team=Team.get(Team.naam == "Veilig Huis Oost-Brabant"))
    for url in (f"/dossiers/{dossier_id}", f"/ontvangst/{aanmelding.id}"):
        assert client.get(url).status_code == 404, url
    for url in ("/dossiers", "/triage", "/ontvangst", "/overleggen", "/parket"):
        r = client.get(url)
        assert r.status_code in (403, 404), url
        assert "Peeters" not in r.text and "Peggy" not in r.text
    # Nor in the beheer screens themselves.
    for url in ("/beheer/gebruikers", "/beheer/organisaties", f"/beheer/gebruikers/{User.get(User.email == ROLE_USERS['regisseur3']).id}"):
        r = client.get(url)
        assert r.status_code == 200
        assert "Peeters" not in r.text and "D-20" not in r.text


# ---------------------------------------------------------------- user list
def test_user_list_page_and_fragment(client, beheerder, user):
    r = client.get("/beheer/gebruikers")
    assert_page(r)
    assert "Vary" in r.headers and "HX-Request" in r.headers["Vary"]
    coordinator = user("coordinator")
    assert coordinator.naam in r.text and coordinator.email in r.text
    assert "Veilig Huis Oost-Brabant" in r.text  # organisation and team
    assert '<strong class="tag tag--blue">Coördinator</strong>' in r.text
    # Several roles show as several tags.
    row = r.text[r.text.index(f'id="gebruiker-{user("kernpartner").id}"'):]
    row = row[:row.index("</tr>")]
    assert "Partner</strong>" in row and "Kernpartner</strong>" in row
    assert "Actief" in row
    f = client.get("/beheer/gebruikers", headers=HX)
    assert_fragment(f)
    assert coordinator.email in f.text


def test_user_list_loads_in_a_bounded_number_of_queries(app, client, beheerder, monkeypatch):
    def measure():
        return queries_for(client, "/beheer/gebruikers")
    few = measure()
    team = Team.get(Team.naam == "Veilig Huis Oost-Brabant")
    with db.atomic():
        for i in range(25):
            u = User.create(email=f"extra{i}@vh.test", naam=f"Extra {i}", password_hash="x",
                            rollen="coordinator|kernpartner", organisatie=org_id("CAW Oost-Brabant"))
            UserTeam.create(user=u, team=team)
    many = measure()
    assert "Extra 24" in client.get("/beheer/gebruikers").text
    assert many == few, (few, many)


# ---------------------------------------------------------------- create
def test_create_user_without_js(client, beheerder):
    data = nieuw(rollen=["coordinator", "kernpartner"], teams=[str(team_id("Veilig Huis Oost-Brabant"))],
                 email="Jan.Nieuw@VH.test")
    r = client.post("/beheer/gebruikers/nieuw", data=data)
    # The account has no password: the page shows the one-time link to pass on.
    text = assert_page(r)
    assert "is aangemaakt" in text
    u = User.get(User.email == "jan.nieuw@vh.test")
    token = re.search(r"/wachtwoord/([A-Za-z0-9_-]{40,})", text).group(1)
    assert accounts.geldige_link(token).user_id == u.id
    # Kernpartner is granted; coordinator waits for a second person.
    assert u.roles == {"kernpartner"}
    assert [a.rol for a in RolAanvraag.select().where(RolAanvraag.user == u.id)] == ["coordinator"]
    assert [t.naam for t in u.teams] == ["Veilig Huis Oost-Brabant"]
    assert u.organisatie.naam == "CAW Oost-Brabant" and u.actief
    assert u.password_hash == ""
    event = last_event("beheer.gebruiker.create")
    assert event.object_type == "User" and event.object_id == u.id
    changes = wijzigingen(event)
    assert changes["email"] == [None, "jan.nieuw@vh.test"]
    assert changes["rollen"] == [None, ["kernpartner"]]
    assert changes["teams"] == [None, ["Veilig Huis Oost-Brabant"]]
    assert "argon2" not in event.details and "wachtwoord" not in event.details
    assert "password" not in event.details
    assert token not in "".join(e.details for e in AuditEvent.select())


def test_create_user_with_htmx(client, beheerder):
    r = client.post("/beheer/gebruikers/nieuw", data=nieuw(), headers=HX)
    text = assert_fragment(r)
    assert "/wachtwoord/" in text
    assert User.select().where(User.email == "jan.nieuw@vh.test").exists()


def test_new_user_form_page_and_fragment(client, beheerder):
    r = client.get("/beheer/gebruikers/nieuw")
    assert_page(r)
    assert 'type="checkbox"' in r.text and 'name="rollen"' in r.text and 'name="teams"' in r.text
    assert 'type="password"' not in r.text  # no password passed on in person: a link instead
    f = client.get("/beheer/gebruikers/nieuw", headers=HX)
    assert_fragment(f)
    assert 'name="rollen"' in f.text


@pytest.mark.parametrize("over, veld, boodschap", [
    ({"naam": ""}, "naam", "Vul de naam in."),
    ({"email": "geen-adres"}, "email", "Vul een geldig e-mailadres in"),
    ({"email": "a" * 250 + "@vh.test"}, "email", "te lang"),
    ({"rollen": []}, "rollen", "Kies minstens één rol."),
    ({"rollen": ["aanmelder", "superadmin"]}, "rollen", "Kies alleen rollen uit de lijst."),
    ({"organisatie": "999999"}, "organisatie", "Kies een organisatie uit de lijst."),
    ({"organisatie": "abc"}, "organisatie", "Kies een organisatie uit de lijst."),
    ({"organisatie": ""}, "organisatie", "Kies de organisatie van deze persoon."),
    ({"teams": ["424242"]}, "teams", "Kies alleen teams uit de lijst."),
    ({"email": ROLE_USERS["coordinator"].upper()}, "email", "Er bestaat al een account met dit e-mailadres."),
])
def test_create_user_refuses_bad_input(client, beheerder, over, veld, boodschap):
    before = User.select().count()
    events = AuditEvent.select().count()
    r = client.post("/beheer/gebruikers/nieuw", data=nieuw(**over))
    assert r.status_code == 422
    # The message stands beside the field and in the summary.
    assert f'id="{veld}-fout"' in r.text
    beside = r.text[r.text.index(f'id="{veld}-fout"'):]
    assert boodschap in beside[:400]
    assert "Er is een probleem" in r.text
    assert User.select().count() == before
    assert AuditEvent.select().count() == events


def test_create_user_refusal_as_fragment(client, beheerder):
    r = client.post("/beheer/gebruikers/nieuw", data=nieuw(rollen=["god"]), headers=HX)
    assert_fragment(r, 422)
    assert "Kies alleen rollen uit de lijst." in r.text


def test_inactive_organisation_cannot_be_chosen_for_a_new_user(client, beheerder):
    caw = Organisatie.get(Organisatie.naam == "CAW Oost-Brabant")
    caw.actief = False
    caw.save()
    assert f'value="{caw.id}"' not in client.get("/beheer/gebruikers/nieuw").text
    r = client.post("/beheer/gebruikers/nieuw", data=nieuw(organisatie=str(caw.id)))
    assert r.status_code == 422 and "Kies een organisatie uit de lijst." in r.text
    # An existing member keeps it while being edited.
    member = User.get(User.email == ROLE_USERS["aanmelder"])
    assert f'<option selected value="{caw.id}">' in client.get(f"/beheer/gebruikers/{member.id}").text


# ---------------------------------------------------------------- edit
def edit_data(u, **over):
    data = {"naam": u.naam, "email": u.email, "functie": u.functie, "telefoon": u.telefoon,
            "organisatie": str(u.organisatie_id), "rollen": sorted(u.roles),
            "teams": [str(t) for t in u.team_ids]}
    data.update(over)
    return data


def test_edit_form_is_prefilled_page_and_fragment(client, beheerder, user):
    u = user("kernpartner")
    r = client.get(f"/beheer/gebruikers/{u.id}")
    assert_page(r)
    assert f'value="{u.email}"' in r.text
    assert 'checked id="rollen-3" name="rollen" type="checkbox" value="kernpartner"' in r.text
    assert 'checked id="rollen-6" name="rollen" type="checkbox" value="partner"' in r.text
    assert 'type="password"' not in r.text
    f = client.get(f"/beheer/gebruikers/{u.id}", headers=HX)
    assert_fragment(f)
    assert f'value="{u.email}"' in f.text


def test_edit_unknown_user_is_404(client, beheerder):
    assert client.get("/beheer/gebruikers/99999").status_code == 404
    assert client.post("/beheer/gebruikers/99999/actief", data={"actief": "0"}).status_code == 404


def test_edit_user_without_js_audits_old_and_new(client, beheerder, user):
    u = user("regisseur3")
    old_hash = u.password_hash
    hv = team_id("Veilig Huis Halle-Vilvoorde")
    r = client.post(f"/beheer/gebruikers/{u.id}", data=edit_data(
        u, rollen=["regisseur3", "coordinator"], teams=[str(hv)], functie="Teamleider"))
    assert r.status_code == 303
    u = User.get_by_id(u.id)
    assert u.roles == {"regisseur3"}  # coordinator waits for a second person
    assert RolAanvraag.select().where((RolAanvraag.user == u.id) & (RolAanvraag.rol == "coordinator")).exists()
    assert [t.naam for t in u.teams] == ["Veilig Huis Halle-Vilvoorde"]
    assert u.functie == "Teamleider" and u.password_hash == old_hash
    changes = wijzigingen(last_event("beheer.gebruiker.edit"))
    assert changes == {
        "functie": ["Casusregisseur spoor 3", "Teamleider"],
        "teams": [["Veilig Huis Oost-Brabant"], ["Veilig Huis Halle-Vilvoorde"]],
    }


def test_edit_user_with_htmx(client, beheerder, user):
    u = user("aanmelder")
    r = client.post(f"/beheer/gebruikers/{u.id}", data=edit_data(u, functie="Teamleider"), headers=HX)
    assert r.status_code == 204 and r.headers["HX-Location"] == "/beheer/gebruikers"
    assert User.get_by_id(u.id).functie == "Teamleider"


def test_edit_without_changes_writes_no_change_event(client, beheerder, user):
    u = user("aanmelder")
    assert client.post(f"/beheer/gebruikers/{u.id}", data=edit_data(u)).status_code == 303
    assert last_event("beheer.gebruiker.edit") is None


def test_edit_refuses_duplicate_email_and_tampering(client, beheerder, user):
    u = user("aanmelder")
    r = client.post(f"/beheer/gebruikers/{u.id}", data=edit_data(u, email=ROLE_USERS["dpo"]))
    assert r.status_code == 422 and "Er bestaat al een account met dit e-mailadres." in r.text
    r = client.post(f"/beheer/gebruikers/{u.id}", data=edit_data(u, rollen=["root"]), headers=HX)
    assert_fragment(r, 422)
    assert 'id="rollen-fout"' in r.text
    assert User.get_by_id(u.id).email == ROLE_USERS["aanmelder"]
    assert User.get_by_id(u.id).roles == {"aanmelder"}


def test_beheerder_cannot_change_own_roles(client, beheerder, user):
    """Not taking away their beheer role (beheer is never locked out), not granting themself
    coordinator or DPO: the own account's form shows the roles as text, a crafted post is ignored,
    and the rule refuses."""
    me = user("beheerder")
    r = client.get(f"/beheer/gebruikers/{me.id}")
    assert 'name="rollen"' not in r.text and "eigen rollen" in r.text
    for rollen in (["aanmelder"], ["beheerder", "coordinator", "dpo"]):
        r = client.post(f"/beheer/gebruikers/{me.id}", data=edit_data(me, rollen=rollen))
        assert r.status_code == 303
        assert User.get_by_id(me.id).roles == {"beheerder"}
    assert not RolAanvraag.select().exists()
    with pytest.raises(Geweigerd) as refused:
        gebruikers.bewerk(me, {**gebruikers.snapshot(me), "organisatie": me.organisatie_id,
                               "teams": [], "rollen": ["beheerder", "dpo"]}, me)
    assert refused.value.veld == "rollen" and "eigen rollen" in refused.value.boodschap
    assert User.get_by_id(me.id).roles == {"beheerder"}


# ---------------------------------------------------------------- roles that need a second person
def tweede_beheerder():
    return accounts.create_user(email="beheer2@vh.test", naam="Bea Beheer", rollen=["beheerder"],
                                password=PASSWORD, organisatie="Veilig Huis Oost-Brabant")


def test_sensitive_roles_wait_for_a_second_person(client, beheerder, user):
    u = user("huisarts")
    r = client.post(f"/beheer/gebruikers/{u.id}", data=edit_data(
        u, rollen=["aanmelder", "kernpartner", "coordinator", "dpo", "parket", "regisseur2", "regisseur3",
                   "beheerder"]))
    assert r.status_code == 303
    assert User.get_by_id(u.id).roles == {"aanmelder", "kernpartner"}
    assert {a.rol for a in RolAanvraag.select()} == set(rolaanvragen.MET_BEVESTIGING)
    assert all(a.aangevraagd_door_id == user("beheerder").id and a.uitkomst is None for a in RolAanvraag.select())
    events = AuditEvent.select().where(AuditEvent.actie == "beheer.rol.aangevraagd")
    assert events.count() == len(rolaanvragen.MET_BEVESTIGING)
    # The form shows them checked, with the note that they wait; saving again asks nothing twice.
    page = client.get(f"/beheer/gebruikers/{u.id}").text
    assert 'checked id="rollen-1" name="rollen" type="checkbox" value="coordinator"' in page
    assert "Wacht op bevestiging" in page
    client.post(f"/beheer/gebruikers/{u.id}", data=edit_data(
        u, rollen=["aanmelder", "kernpartner", "coordinator", "dpo", "parket", "regisseur2", "regisseur3",
                   "beheerder"]))
    assert RolAanvraag.select().count() == len(rolaanvragen.MET_BEVESTIGING)
    # Unticking a waiting role withdraws its request.
    client.post(f"/beheer/gebruikers/{u.id}", data=edit_data(u, rollen=["aanmelder", "kernpartner", "dpo"]))
    assert [a.rol for a in rolaanvragen.openstaand()] == ["dpo"]
    assert AuditEvent.select().where(AuditEvent.actie == "beheer.rol.ingetrokken").count() == 5


@pytest.mark.parametrize("confirmer", ["beheer2@vh.test", ROLE_USERS["dpo"]])
def test_another_beheerder_or_the_dpo_confirms(app, client, login, user, confirmer):
    tweede_beheerder()
    u = user("huisarts")
    login("beheerder")
    client.post(f"/beheer/gebruikers/{u.id}", data=edit_data(u, rollen=["aanmelder", "coordinator"]))
    aanvraag = RolAanvraag.get()
    # The requester sees it but cannot confirm it.
    page = client.get("/beheer/rollen")
    assert page.status_code == 200 and u.naam in page.text and "Bevestigen" not in page.text
    assert client.post(f"/beheer/rollen/{aanvraag.id}", data={"beslissing": "bevestigen"}).status_code == 403
    assert not User.get_by_id(u.id).has("coordinator")
    client.post("/logout")
    c = login(confirmer)
    page = c.get("/beheer/rollen")
    assert page.status_code == 200 and "Bevestigen" in page.text and "Weigeren" in page.text
    assert 'href="/beheer/rollen"' in c.get("/").text
    r = c.post(f"/beheer/rollen/{aanvraag.id}", data={"beslissing": "bevestigen"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/beheer/rollen")
    assert User.get_by_id(u.id).roles == {"aanmelder", "coordinator"}
    a = RolAanvraag.get_by_id(aanvraag.id)
    assert a.uitkomst == "bevestigd" and a.beslist_door_id == User.get(User.email == confirmer).id
    event = last_event("beheer.rol.bevestigd")
    assert event.user_email == confirmer and event.object_id == u.id
    assert wijzigingen(event) == {"rollen": [["aanmelder"], ["aanmelder", "coordinator"]]}
    # Decided once.
    assert c.post(f"/beheer/rollen/{aanvraag.id}", data={"beslissing": "weigeren"}).status_code == 403


def test_refusing_a_grant(client, login, user):
    tweede_beheerder()
    u = user("huisarts")
    with db.atomic():
        aanvraag = rolaanvragen.vraag_aan(u, "dpo", door=user("beheerder"))
    c = login("beheer2@vh.test")
    r = c.post(f"/beheer/rollen/{aanvraag.id}", data={"beslissing": "weigeren"}, headers=HX)
    assert r.status_code in (200, 204)
    assert not User.get_by_id(u.id).has("dpo")
    assert RolAanvraag.get_by_id(aanvraag.id).uitkomst == "geweigerd"
    assert last_event("beheer.rol.geweigerd").object_id == u.id
    assert c.post(f"/beheer/rollen/{aanvraag.id}", data={"beslissing": "ja"}).status_code in (400, 403)


def test_the_user_concerned_never_confirms_their_own_grant(client, login, user):
    """Another beheerder asks the DPO role for the first; the first cannot confirm it."""
    other = tweede_beheerder()
    me = user("beheerder")
    with db.atomic():
        aanvraag = rolaanvragen.vraag_aan(me, "dpo", door=other)
    login("beheerder")
    assert client.post(f"/beheer/rollen/{aanvraag.id}", data={"beslissing": "bevestigen"}).status_code == 403
    with pytest.raises(Geweigerd):
        rolaanvragen.beslis(aanvraag, "bevestigen", door=me)
    assert User.get_by_id(me.id).roles == {"beheerder"}


def test_confirm_screen_is_for_beheerder_and_dpo_only(client, login, user):
    with db.atomic():
        aanvraag = rolaanvragen.vraag_aan(user("huisarts"), "coordinator", door=user("beheerder"))
    for role in ("coordinator", "aanmelder", "parket", "kernpartner"):
        c = login(role)
        assert c.get("/beheer/rollen").status_code == 403, role
        assert c.post(f"/beheer/rollen/{aanvraag.id}", data={"beslissing": "bevestigen"}).status_code in (403, 404)
        c.post("/logout")
    assert not user("huisarts").has("coordinator")


def test_grant_role_command_is_the_bootstrap(app, user):
    result = app.test_cli_runner().invoke(args=["grant-role", "--email", "huisarts@vh.test", "--rol", "coordinator"])
    assert result.exit_code == 0, result.output
    assert user("huisarts").has("coordinator")
    assert last_event("beheer.rol.toegekend").object_id == user("huisarts").id
    bad = app.test_cli_runner().invoke(args=["grant-role", "--email", "huisarts@vh.test", "--rol", "god"])
    assert bad.exit_code == 2 and "onbekende rol" in bad.output


# ---------------------------------------------------------------- the one-time link
def test_beheerder_gets_a_link_to_reset_a_password(client, beheerder, user):
    u = user("aanmelder")
    page = client.get(f"/beheer/gebruikers/{u.id}").text
    assert f'action="/beheer/gebruikers/{u.id}/wachtwoordlink"' in page
    r = client.post(f"/beheer/gebruikers/{u.id}/wachtwoordlink")
    text = assert_page(r)
    token = re.search(r"/wachtwoord/([A-Za-z0-9_-]{40,})", text).group(1)
    assert accounts.geldige_link(token).user_id == u.id
    assert "72 uur" in text
    assert accounts.authenticate(u.email, PASSWORD) is None
    event = last_event("beheer.gebruiker.wachtwoordlink")
    assert event.object_id == u.id and token not in event.details


def test_no_link_for_own_account_nor_for_beheerder_or_dpo(client, beheerder, user):
    """A link for a confirmer's account would let one beheerder become the second person."""
    tweede = tweede_beheerder()
    for target in (user("beheerder"), user("dpo"), tweede):
        assert client.post(f"/beheer/gebruikers/{target.id}/wachtwoordlink").status_code == 403
        assert "wachtwoordlink" not in client.get(f"/beheer/gebruikers/{target.id}").text
    assert not WachtwoordLink.select().exists()


# ---------------------------------------------------------------- (de)activate
def test_deactivate_and_reactivate_without_js(app, client, beheerder, user):
    target = user("aanmelder")
    other = app.test_client()
    other.post("/login", data={"email": target.email, "password": PASSWORD})
    assert other.get("/").status_code == 200

    r = client.post(f"/beheer/gebruikers/{target.id}/actief", data={"actief": "0"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/beheer/gebruikers")
    assert not User.get_by_id(target.id).actief
    assert wijzigingen(last_event("beheer.gebruiker.deactivate")) == {"actief": [True, False]}
    # The session of the deactivated person ends at once.
    assert other.get("/").status_code == 302
    page = client.get("/beheer/gebruikers").text
    assert "is gedeactiveerd" in page

    r = client.post(f"/beheer/gebruikers/{target.id}/actief", data={"actief": "1"})
    assert r.status_code == 303 and User.get_by_id(target.id).actief
    assert wijzigingen(last_event("beheer.gebruiker.reactivate")) == {"actief": [False, True]}


def test_deactivate_with_htmx_swaps_the_row(client, beheerder, user):
    target = user("huisarts")
    r = client.post(f"/beheer/gebruikers/{target.id}/actief", data={"actief": "0"}, headers=HX)
    assert_fragment(r)
    assert r.text.strip().startswith(f'<tr id="gebruiker-{target.id}">')
    assert "Gedeactiveerd" in r.text and "Opnieuw activeren" in r.text
    assert 'name="actief" value="1"' in r.text and "Huisartsenpraktijk De Linde" in r.text
    r = client.post(f"/beheer/gebruikers/{target.id}/actief", data={"actief": "1"}, headers=HX)
    assert "Deactiveren" in r.text and 'name="actief" value="0"' in r.text


def test_deactivate_twice_writes_one_event_and_bad_value_is_400(client, beheerder, user):
    target = user("huisarts")
    client.post(f"/beheer/gebruikers/{target.id}/actief", data={"actief": "0"})
    client.post(f"/beheer/gebruikers/{target.id}/actief", data={"actief": "0"})
    assert AuditEvent.select().where(AuditEvent.actie == "beheer.gebruiker.deactivate").count() == 1
    assert client.post(f"/beheer/gebruikers/{target.id}/actief", data={"actief": "ja"}).status_code == 400
    assert client.get(f"/beheer/gebruikers/{target.id}/actief").status_code == 405


def test_beheerder_cannot_deactivate_self(client, beheerder, user):
    me = user("beheerder")
    r = client.post(f"/beheer/gebruikers/{me.id}/actief", data={"actief": "0"})
    assert r.status_code == 303
    assert User.get_by_id(me.id).actief
    assert "eigen account niet deactiveren" in client.get("/beheer/gebruikers").text


# ---------------------------------------------------------------- organisations
def org_data(**over):
    data = {"naam": "CAW Halle-Vilvoorde", "type": "caw", "arrondissement": "Halle-Vilvoorde",
            "politiezone_nr": ""}
    data.update(over)
    return data


def test_organisation_list_page_and_fragment(client, beheerder):
    r = client.get("/beheer/organisaties")
    assert_page(r)
    assert "Parket Halle-Vilvoorde" in r.text and "PZ Leuven (5388)" in r.text
    row = r.text[r.text.index(f'id="organisatie-{org_id("Veilig Huis Oost-Brabant")}"'):]
    row = row[:row.index("</tr>")]
    assert '<td class="table__num">4</td>' in row  # coordinator, regisseur3, beheerder, dpo
    f = client.get("/beheer/organisaties", headers=HX)
    assert_fragment(f)
    assert "Parket Halle-Vilvoorde" in f.text


def test_organisation_forms_page_and_fragment(client, beheerder):
    for url in ("/beheer/organisaties/nieuw", f"/beheer/organisaties/{org_id('PZ Leuven')}"):
        r = client.get(url)
        assert_page(r)
        assert 'name="type"' in r.text
        f = client.get(url, headers=HX)
        assert_fragment(f)
        assert 'name="type"' in f.text
    assert '<option selected value="5388">' in client.get(f"/beheer/organisaties/{org_id('PZ Leuven')}").text
    assert client.get("/beheer/organisaties/99999").status_code == 404


def test_create_organisation_without_js_and_with_htmx(client, beheerder):
    r = client.post("/beheer/organisaties/nieuw", data=org_data())
    assert r.status_code == 303 and r.headers["Location"].endswith("/beheer/organisaties")
    org = Organisatie.get(Organisatie.naam == "CAW Halle-Vilvoorde")
    assert (org.type, org.arrondissement, org.politiezone_nr, org.actief) == ("caw", "Halle-Vilvoorde", None, True)
    changes = wijzigingen(last_event("beheer.organisatie.create"))
    assert changes["naam"] == [None, "CAW Halle-Vilvoorde"] and changes["type"] == [None, "caw"]
    r = client.post("/beheer/organisaties/nieuw", headers=HX, data=org_data(
        naam="PZ Zennevallei", type="politie", arrondissement="Halle-Vilvoorde", politiezone_nr="5905"))
    assert r.status_code == 204 and r.headers["HX-Location"] == "/beheer/organisaties"
    assert Organisatie.get(Organisatie.naam == "PZ Zennevallei").politiezone_nr == "5905"


@pytest.mark.parametrize("over, veld, boodschap", [
    ({"naam": ""}, "naam", "Vul de naam van de organisatie in."),
    ({"naam": "x" * 161}, "naam", "maximaal 160 tekens"),
    ({"type": ""}, "type", "Kies de soort organisatie."),
    ({"type": "geheime-dienst"}, "type", "Kies een soort organisatie uit de lijst."),
    ({"arrondissement": "Gent"}, "arrondissement", "Kies een arrondissement uit de lijst."),
    ({"politiezone_nr": "9999"}, "politiezone_nr", "Kies een politiezone uit de lijst."),
    ({"naam": "parket leuven"}, "naam", "Er bestaat al een organisatie met deze naam."),
])
def test_create_organisation_refuses_bad_input(client, beheerder, over, veld, boodschap):
    before = Organisatie.select().count()
    r = client.post("/beheer/organisaties/nieuw", data=org_data(**over))
    assert r.status_code == 422
    beside = r.text[r.text.index(f'id="{veld}-fout"'):]
    assert boodschap in beside[:400]
    assert Organisatie.select().count() == before


def test_edit_organisation_audits_old_and_new(client, beheerder):
    oid = org_id("Justitiehuis Leuven")
    r = client.post(f"/beheer/organisaties/{oid}", data=org_data(naam="Justitiehuis Leuven", type="justitiehuis",
                                                                   arrondissement="Halle-Vilvoorde"))
    assert r.status_code == 303
    assert Organisatie.get_by_id(oid).arrondissement == "Halle-Vilvoorde"
    assert wijzigingen(last_event("beheer.organisatie.edit")) == {"arrondissement": ["Leuven", "Halle-Vilvoorde"]}
    r = client.post(f"/beheer/organisaties/{oid}", data=org_data(naam="Parket Leuven", type="justitiehuis"),
                    headers=HX)
    assert_fragment(r, 422)
    assert "Er bestaat al een organisatie met deze naam." in r.text


def test_deactivate_organisation_without_js_and_with_htmx(client, beheerder):
    oid = org_id("OCJ Vlaams-Brabant")
    r = client.post(f"/beheer/organisaties/{oid}/actief", data={"actief": "0"})
    assert r.status_code == 303 and not Organisatie.get_by_id(oid).actief
    assert wijzigingen(last_event("beheer.organisatie.deactivate")) == {"actief": [True, False]}
    r = client.post(f"/beheer/organisaties/{oid}/actief", data={"actief": "1"}, headers=HX)
    assert r.status_code == 200 and r.text.strip().startswith(f'<tr id="organisatie-{oid}">')
    assert "Deactiveren" in r.text and Organisatie.get_by_id(oid).actief
    assert wijzigingen(last_event("beheer.organisatie.reactivate")) == {"actief": [False, True]}
    assert client.post(f"/beheer/organisaties/{oid}/actief", data={}).status_code == 400


def test_deactivation_says_the_same_with_and_without_js(client, beheerder, user):
    target = user("huisarts")
    r = client.post(f"/beheer/gebruikers/{target.id}/actief", data={"actief": "0"},
                    headers={"HX-Request": "true", "HX-Target": f"gebruiker-{target.id}"})
    assert_fragment(r, contains="gedeactiveerd: deze persoon kan niet meer inloggen.")
    client.post(f"/beheer/gebruikers/{target.id}/actief", data={"actief": "1"})
    client.post(f"/beheer/gebruikers/{target.id}/actief", data={"actief": "0"})
    assert "gedeactiveerd: deze persoon kan niet meer inloggen." in client.get("/beheer/gebruikers").text


# ---------------------------------------------------------------- the rules, called directly
def test_rules_refuse_a_taken_name_or_address_and_ones_own_beheer_role(app, user):
    with pytest.raises(Geweigerd) as refused:
        organisaties.maak({"naam": "PARKET LEUVEN", "type": "parket", "arrondissement": None,
                           "politiezone_nr": None})
    assert refused.value.veld == "naam"
    me = user("beheerder")
    velden = {"naam": me.naam, "email": ROLE_USERS["dpo"], "functie": "", "telefoon": "",
              "organisatie": me.organisatie_id, "rollen": ["beheerder"], "teams": [], "wachtwoord": ""}
    with pytest.raises(Geweigerd) as refused:
        gebruikers.bewerk(me, velden, me)
    assert refused.value.veld == "email"
    with pytest.raises(Geweigerd) as refused:
        gebruikers.bewerk(me, {**velden, "email": me.email, "rollen": ["aanmelder"]}, me)
    assert refused.value.veld == "rollen"
    assert not gebruikers.zet_actief(me, True)  # already active: nothing changes, nothing audited
    assert AuditEvent.select().where(AuditEvent.actie.startswith("beheer.")).count() == 0


# ---------------------------------------------------------------- teams: the letterhead
TEAM_ADRES = {"straat": "Stationsstraat 12", "postcode": "3000", "gemeente": "Leuven",
              "telefoon": "016 12 34 56", "email": "info@veilighuis-ob.test"}


@pytest.mark.parametrize("role", ["aanmelder", "politie", "coordinator", "parket", "kernpartner",
                                  "regisseur3", "dpo"])
def test_only_the_beheerder_edits_a_team(client, login, role):
    login(role)
    t = team_id("Veilig Huis Oost-Brabant")
    assert client.get("/beheer/teams").status_code == 403
    assert client.get(f"/beheer/teams/{t}").status_code == 403
    assert client.post(f"/beheer/teams/{t}", data=TEAM_ADRES).status_code == 403
    assert Team.get_by_id(t).straat != TEAM_ADRES["straat"]


def test_team_list_and_edit_page_and_fragment(client, beheerder):
    t = team_id("Veilig Huis Oost-Brabant")
    html = assert_page(client.get("/beheer/teams"))
    assert "Veilig Huis Halle-Vilvoorde" in html and f"/beheer/teams/{t}" in html
    assert_fragment(client.get(f"/beheer/teams/{t}", headers=HX), contains="Straat en huisnummer")
    assert "Straat en huisnummer" in assert_page(client.get(f"/beheer/teams/{t}"))
    assert client.get("/beheer/teams/999999").status_code == 404


def test_the_team_address_is_saved_audited_and_on_the_letter(client, beheerder):
    t = team_id("Veilig Huis Oost-Brabant")
    r = client.post(f"/beheer/teams/{t}", data=TEAM_ADRES)
    assert r.status_code == 303 and r.headers["Location"].endswith("/beheer/teams")
    team = Team.get_by_id(t)
    assert (team.straat, team.postcode, team.gemeente, team.email) == (
        "Stationsstraat 12", "3000", "Leuven", "info@veilighuis-ob.test")
    assert wijzigingen(last_event("beheer.team.edit"))["straat"][1] == "Stationsstraat 12"
    from vh.triage.brieven import briefhoofd
    assert "Stationsstraat 12, 3000 Leuven" in briefhoofd(team)["adres"]


@pytest.mark.parametrize("veld,waarde,boodschap", [
    ("postcode", "ABCD", "Een postcode heeft 4 cijfers"),
    ("email", "geen-adres", "e-mailadres"),
    ("straat", "x" * 121, "maximaal 120 tekens"),
])
def test_a_wrong_team_address_is_refused_beside_its_field(client, beheerder, veld, waarde, boodschap):
    t = team_id("Veilig Huis Oost-Brabant")
    r = client.post(f"/beheer/teams/{t}", data={**TEAM_ADRES, veld: waarde})
    assert r.status_code == 422 and boodschap in r.text and "Er is een probleem" in r.text
    assert Team.get_by_id(t).straat != "Stationsstraat 12"
