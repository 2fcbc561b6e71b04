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
