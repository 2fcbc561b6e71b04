"""Login, logout and the session cookie."""
import re

from kit import PASSWORD

from vh.home.wachtend import wachtend


def _without_tokens(html: str) -> str:
    """CSRF tokens carry a timestamp; everything else must be identical."""
    return re.sub(r'(value="|X-CSRFToken": ")[^"]+"', r'\1"', html)


def test_login_page_renders(client):
    r = client.get("/login")
    assert r.status_code == 200
    assert 'name="email"' in r.text and 'name="password"' in r.text


def test_login_and_home(client, login):
    login("coordinator")
    r = client.get("/")
    assert r.status_code == 200
    assert "Goeddag" in r.text


def test_wrong_password_and_unknown_account_look_the_same(client):
    wrong = client.post("/login", data={"email": "coordinator@vh.test", "password": "fout-fout-fout"})
    unknown = client.post("/login", data={"email": "niemand@vh.test", "password": "fout-fout-fout"})
    assert wrong.status_code == unknown.status_code == 422
    assert "Het e-mailadres of het wachtwoord klopt niet" in wrong.text
    assert (_without_tokens(wrong.text.replace("coordinator@vh.test", "X"))
            == _without_tokens(unknown.text.replace("niemand@vh.test", "X")))


def test_deactivated_user_cannot_log_in(client, user):
    u = user("aanmelder")
    u.actief = False
    u.save()
    r = client.post("/login", data={"email": u.email, "password": PASSWORD})
    assert r.status_code == 422


def test_home_requires_login(client):
    r = client.get("/")
    assert r.status_code == 302 and "/login" in r.headers["Location"]


def test_logout(client, login):
    login("dpo")
    assert client.post("/logout").status_code == 303
    assert client.get("/").status_code == 302


def test_what_waits_is_scoped_by_role(app, user):
    assert wachtend(user("beheerder")) == {"beheer": None}
    assert wachtend(user("dpo")) == {"audit": None}
    # Any professional may refer (decree of 2024), a coordinator too.
    assert list(wachtend(user("coordinator"))) == ["aanmelden", "ontvangst", "triage", "overleg"]


# ---------------------------------------------------------------- the password rule
import datetime as dt  # noqa: E402

import pytest  # noqa: E402

from vh.auth import accounts  # noqa: E402
from vh.db import db  # noqa: E402
from vh.models import AuditEvent, User, WachtwoordLink  # noqa: E402


@pytest.mark.parametrize("wachtwoord, stuk", [
    ("aaaaaaaaaa", "minstens 12 tekens"),
    ("aaaaaaaaaaaaaaaa", "hetzelfde teken"),
    ("abababababababab", "hetzelfde teken"),
    ("Wachtwoord2026!", "vaak gebruikt"),
    ("welkomwelkom12", "vaak gebruikt"),
    ("123456789012", "vaak gebruikt"),
    ("azertyuiopqsdf", "vaak gebruikt"),
    ("jan.peeters-2026", "naam of e-mailadres"),
    ("Zonnebloem-Peeters", "naam of e-mailadres"),
    ("x" * 201, "maximaal 200"),
])
def test_password_rule_refuses_trivial_passwords(wachtwoord, stuk):
    fout = accounts.wachtwoord_fout(wachtwoord, email="jan.peeters@vh.test", naam="Jan Peeters")
    assert fout is not None and stuk in fout, fout


@pytest.mark.parametrize("wachtwoord", [PASSWORD, "drie fietsen in de regen", "Kx9!mQ2#vL7p"])
def test_password_rule_accepts_good_passwords(wachtwoord):
    assert accounts.wachtwoord_fout(wachtwoord, email="jan.peeters@vh.test", naam="Jan Peeters") is None


def test_create_user_applies_the_password_rule(app):
    with pytest.raises(accounts.AccountError, match="minstens 12 tekens"):
        accounts.create_user(email="kort@vh.test", naam="Kort", rollen=["aanmelder"], password="aaaaaaaaaa")
    assert not User.select().where(User.email == "kort@vh.test").exists()


def test_create_user_command_refuses_a_trivial_password(app):
    result = app.test_cli_runner().invoke(args=[
        "create-user", "--email", "cli@vh.test", "--naam", "Cli", "--rol", "aanmelder",
        "--password", "aaaaaaaaaaaa"])
    assert result.exit_code == 2 and "hetzelfde teken" in result.output
    assert not User.select().where(User.email == "cli@vh.test").exists()


def test_account_without_password_cannot_log_in(client):
    accounts.create_user(email="nog-geen@vh.test", naam="Nog Geen", rollen=["aanmelder"], password=None)
    r = client.post("/login", data={"email": "nog-geen@vh.test", "password": ""})
    assert r.status_code == 422
    assert accounts.authenticate("nog-geen@vh.test", "") is None


def test_old_password_hashes_stay_valid(app, user):
    """A hash made before the rule (a short password) still logs in."""
    u = user("coordinator")
    u.password_hash = accounts.hash_password("kort-oud")
    u.save()
    assert accounts.authenticate(u.email, "kort-oud") is not None


def test_login_page_says_whom_to_ask(client):
    r = client.get("/login")
    assert "functioneel beheerder" in r.text
    assert "coördinator" not in r.text


# ---------------------------------------------------------------- change one's password
def test_change_password_screen(client, login, user):
    login("regisseur2")
    r = client.get("/account/wachtwoord")
    assert r.status_code == 200 and "Huidig wachtwoord" in r.text
    assert 'href="/account/wachtwoord"' in client.get("/").text  # in the navigation
    nieuw = "een fiets met drie wielen"
    r = client.post("/account/wachtwoord", data={"huidig": PASSWORD, "nieuw": nieuw, "herhaal": nieuw})
    assert r.status_code == 303
    u = user("regisseur2")
    assert accounts.authenticate(u.email, nieuw) is not None
    assert accounts.authenticate(u.email, PASSWORD) is None
    event = AuditEvent.select().where(AuditEvent.actie == "auth.wachtwoord.gewijzigd").get()
    assert event.user_id == u.id and event.object_id == u.id
    assert nieuw not in event.details and PASSWORD not in event.details and "argon2" not in event.details


@pytest.mark.parametrize("data, veld, boodschap", [
    ({"huidig": "fout-fout-fout-fout"}, "huidig", "Uw huidige wachtwoord klopt niet"),
    ({"nieuw": "aaaaaaaaaaaaaa", "herhaal": "aaaaaaaaaaaaaa"}, "nieuw", "hetzelfde teken"),
    ({"herhaal": "iets heel anders hier"}, "herhaal", "niet hetzelfde"),
    ({"nieuw": PASSWORD, "herhaal": PASSWORD}, "nieuw", "ander wachtwoord dan uw huidige"),
    ({"huidig": ""}, "huidig", "Vul uw huidige wachtwoord in"),
])
def test_change_password_refusals(client, login, user, data, veld, boodschap):
    login("regisseur2")
    posted = {"huidig": PASSWORD, "nieuw": "een fiets met drie wielen", "herhaal": "een fiets met drie wielen",
              **data}
    r = client.post("/account/wachtwoord", data=posted)
    assert r.status_code == 422
    assert boodschap in r.text and f'id="{veld}-fout"' in r.text and "Er is een probleem" in r.text
    assert accounts.authenticate(user("regisseur2").email, PASSWORD) is not None
    assert not AuditEvent.select().where(AuditEvent.actie == "auth.wachtwoord.gewijzigd").exists()


def test_change_password_requires_login(client):
    r = client.get("/account/wachtwoord")
    assert r.status_code == 302 and "/login" in r.headers["Location"]


# ---------------------------------------------------------------- the one-time link
def test_one_time_link_sets_a_password_once(client, user):
    u = user("huisarts")
    token = accounts.maak_link(u, door=user("beheerder"))
    stored = WachtwoordLink.get(WachtwoordLink.user == u.id)
    assert token not in stored.token_hash and len(token) >= 40
    assert accounts.authenticate(u.email, PASSWORD) is None  # a reset: the old password is gone
    r = client.get(f"/wachtwoord/{token}")
    assert r.status_code == 200 and u.email in r.text
    nieuw = "mijn eerste goede zin"
    r = client.post(f"/wachtwoord/{token}", data={"nieuw": nieuw, "herhaal": nieuw})
    assert r.status_code == 303 and r.headers["Location"].endswith("/login")
    assert accounts.authenticate(u.email, nieuw) is not None
    assert client.get(f"/wachtwoord/{token}").status_code == 404  # used: gone
    r = client.post(f"/wachtwoord/{token}", data={"nieuw": "nog een andere zin", "herhaal": "nog een andere zin"})
    assert r.status_code == 404 and "niet meer geldig" in r.text
    assert accounts.authenticate(u.email, nieuw) is not None
    events = [e.actie for e in AuditEvent.select().where(AuditEvent.object_id == u.id)]
    assert "beheer.gebruiker.wachtwoordlink" in events and "auth.wachtwoord.ingesteld" in events
    assert not AuditEvent.select().where(AuditEvent.details.contains(token[:20])).exists()


def test_one_time_link_applies_the_rule(client, user):
    token = accounts.maak_link(user("huisarts"), door=user("beheerder"))
    r = client.post(f"/wachtwoord/{token}", data={"nieuw": "aaaaaaaaaaaaa", "herhaal": "aaaaaaaaaaaaa"})
    assert r.status_code == 422 and "hetzelfde teken" in r.text and 'id="nieuw-fout"' in r.text
    assert client.get(f"/wachtwoord/{token}").status_code == 200  # still usable


def test_one_time_link_expires(client, user):
    u = user("huisarts")
    token = accounts.maak_link(u, door=user("beheerder"))
    WachtwoordLink.update(verloopt_op=accounts.utcnow() - dt.timedelta(minutes=1)).execute()
    r = client.get(f"/wachtwoord/{token}")
    assert r.status_code == 404 and "niet meer geldig" in r.text and "functioneel beheerder" in r.text


def test_a_new_link_ends_the_old_one(client, user):
    u = user("huisarts")
    first = accounts.maak_link(u, door=user("beheerder"))
    second = accounts.maak_link(u, door=user("beheerder"))
    assert client.get(f"/wachtwoord/{first}").status_code == 404
    assert client.get(f"/wachtwoord/{second}").status_code == 200


@pytest.mark.parametrize("token", ["x", "a" * 43, "%00", "a" * 500])
def test_unknown_or_odd_tokens_are_404(client, token):
    r = client.get(f"/wachtwoord/{token}")
    assert r.status_code == 404


def test_link_of_a_deactivated_account_is_not_valid(client, user):
    u = user("huisarts")
    token = accounts.maak_link(u, door=user("beheerder"))
    with db.atomic():
        User.update(actief=False).where(User.id == u.id).execute()
    assert client.get(f"/wachtwoord/{token}").status_code == 404


def test_link_command_for_the_bootstrap(app, user):
    result = app.test_cli_runner().invoke(args=["wachtwoord-link", "--email", "beheer@vh.test"])
    assert result.exit_code == 0, result.output
    token = result.output.strip().rsplit("/wachtwoord/", 1)[1].split()[0]
    assert accounts.geldige_link(token).user_id == user("beheerder").id
