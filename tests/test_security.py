"""Security headers, the session cookie, CSRF, and friendly Dutch error pages (page and fragment)."""
from __future__ import annotations

import logging
import re

import pytest
from kit import HX, PASSWORD, ROLE_USERS, assert_fragment, assert_page, seeded_app


def check_headers(response):
    h = response.headers
    csp = h["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "default-src 'self'" in csp
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["Referrer-Policy"] in ("same-origin", "no-referrer", "strict-origin-when-cross-origin")
    assert h["X-Frame-Options"] == "DENY"


def test_security_headers_on_every_kind_of_response(client, login):
    responses = [client.get("/login"), client.get("/"), client.get("/static/app.css"),
                 client.get("/bestaat-niet"), client.get("/bestaat-niet", headers=HX),
                 client.post("/login", data={"email": "x@y.be", "password": "verkeerd-wachtwoord"})]
    login("beheerder")
    responses += [client.get("/beheer/gebruikers"), client.get("/audit"),
                  client.post("/beheer/organisaties/nieuw", data={}),
                  client.post("/logout")]
    assert {r.status_code for r in responses} >= {200, 302, 303, 403, 404, 422}
    for r in responses:
        check_headers(r)


def test_html_is_not_cached(client, login):
    login("coordinator")
    assert client.get("/").headers["Cache-Control"] == "no-store"


def test_session_cookie_is_httponly_and_samesite_lax(client):
    r = client.post("/login", data={"email": ROLE_USERS["coordinator"], "password": PASSWORD})
    assert r.status_code == 303
    cookies = [c for c in r.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert cookies
    attributes = {a.strip().lower() for a in cookies[0].split(";")}
    assert "httponly" in attributes and "samesite=lax" in attributes


def test_csrf_on(tmp_path):
    """The one test with CSRF protection switched on, as in production."""
    app = seeded_app(tmp_path, WTF_CSRF_ENABLED=True)
    client = app.test_client()
    data = {"email": ROLE_USERS["beheerder"], "password": PASSWORD}

    refused = client.post("/login", data=data)
    assert refused.status_code == 400
    assert "Uw formulier was verlopen" in refused.text and 'lang="nl-BE"' in refused.text
    refused = client.post("/login", data=data, headers=HX)
    assert "Uw formulier was verlopen" in assert_fragment(refused, 400)

    page = client.get("/login").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post("/login", data={**data, "csrf_token": token}).status_code == 303

    # A change behind the login: without token refused, with the token of the page it works.
    form = client.get("/beheer/organisaties/nieuw").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    org = {"naam": "CAW Test", "type": "caw", "arrondissement": "", "politiezone_nr": ""}
    assert client.post("/beheer/organisaties/nieuw", data=org).status_code == 400
    assert client.post("/beheer/organisaties/nieuw", data=org, headers={**HX, "X-CSRFToken": token}).status_code == 204
    # The hx-headers on <body> carry the token for htmx requests.
    assert 'hx-headers=\'{"X-CSRFToken": "' in form


def test_404_page_and_fragment(client, login):
    login("coordinator")
    page = client.get("/bestaat-niet")
    assert "Pagina niet gevonden" in assert_page(page, 404)
    assert 'lang="nl-BE"' in page.text
    fragment = client.get("/bestaat-niet", headers=HX)
    assert "Pagina niet gevonden" in assert_fragment(fragment, 404)


def test_403_page_and_fragment(client, login):
    login("aanmelder")
    page = client.get("/beheer/gebruikers")
    assert "U hebt geen toegang" in assert_page(page, 403)
    fragment = client.get("/beheer/gebruikers", headers=HX)
    assert "U hebt geen toegang" in assert_fragment(fragment, 403)


def test_405_is_dutch(client, login):
    login("dpo")
    r = client.delete("/audit")
    assert r.status_code == 405 and "Dit kan zo niet" in r.text


@pytest.mark.fresh_app
def test_500_page_fragment_and_log_without_personal_data(app, client, login, caplog):
    @app.route("/test/kapot")
    def _kapot():
        raise RuntimeError("Kevin Peeters, Kessel-Lo, geboren 12 mei 1984")

    login("coordinator")
    caplog.set_level(logging.INFO)
    page = client.get("/test/kapot")
    assert "Er ging iets mis aan onze kant" in assert_page(page, 500)
    fragment = client.get("/test/kapot", headers=HX)
    assert "Er ging iets mis" in assert_fragment(fragment, 500)
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert lines and all("RuntimeError" in line and "/test/kapot" in line for line in lines)
    assert "Peeters" not in caplog.text and "Kessel-Lo" not in caplog.text and "1984" not in caplog.text
    assert "Peeters" not in page.text


def test_oversized_request_is_refused_cleanly(app, client, login):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    login("beheerder")
    r = client.post("/beheer/organisaties/nieuw", data={"naam": "x" * 5000, "type": "caw"})
    assert r.status_code == 413 and "te groot" in r.text
