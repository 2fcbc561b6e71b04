"""vh/htmx.py on its own: render's decision table (page or fragment) and answer() (303 + flash
or fragment + the same message), on a tiny Flask app with in-memory templates."""
from __future__ import annotations

import json

import pytest
from flask import Flask, get_flashed_messages, render_template_string
from htmx_flask import Htmx
from jinja2 import DictLoader

from vh import htmx

PAGE = """<!doctype html><html lang="nl-BE"><body>
<div class="flash">{% for m in get_flashed_messages() %}{{ m }};{% endfor %}</div>
{% block lijst %}<ul id="lijst">lijst {{ melding or "" }}</ul>{% endblock %}
{% block teller %}<span id="teller">teller {{ n }}</span>{% endblock %}
</body></html>"""
BLOKKEN = {"lijst": "lijst", "teller": "teller"}
PLAIN, HXR = {}, {"HX-Request": "true"}


@pytest.fixture(scope="module")
def tiny():
    app = Flask(__name__)
    app.config.update(SECRET_KEY="x" * 32, TESTING=True)
    app.jinja_loader = DictLoader({"page.html": PAGE})
    Htmx(app)
    calls = []

    @app.get("/scherm")
    def scherm():
        return htmx.render("page.html", "lijst", n=1)

    @app.get("/twee")
    def twee():
        return htmx.render("page.html", BLOKKEN, status=201, n=2, retarget="#lijst", reswap="outerHTML")

    @app.get("/meldingen")
    def meldingen():
        return render_template_string("{% for m in get_flashed_messages(with_categories=true) %}"
                                      "{{ m[0] }}:{{ m[1] }};{% endfor %}")

    @app.post("/wijzig")
    def wijzig():
        def context():
            calls.append(1)
            return {"n": 3}
        return htmx.answer("Opgeslagen.", "/scherm", template="page.html", block=BLOKKEN,
                           context=context, category="info")

    @app.post("/zonder-sjabloon")
    def zonder_sjabloon():
        return htmx.answer("Gedaan.", "/scherm")

    @app.post("/stap")
    def stap():
        return htmx.redirect_after_post("/scherm", target="#stap", swap="outerHTML")

    @app.post("/later")
    def later():
        return htmx.answer("Bewaard.", "/elders", reload=True)

    app.calls = calls
    return app


def page(r) -> bool:
    return "<html" in r.text


def fragment(r) -> bool:
    return "<html" not in r.text and "HX-Request" in r.headers.get("Vary", "")


# ---------------------------------------------------------------- render: page or fragment
@pytest.mark.parametrize("headers, whole", [
    (PLAIN, True),
    (HXR, True),  # htmx without a target (e.g. the follow-up of HX-Location, aimed at the body)
    ({**HXR, "HX-Target": "lijst"}, False),
    ({**HXR, "HX-Target": "lijst", "HX-Boosted": "true"}, True),
    ({**HXR, "HX-Target": "lijst", "HX-History-Restore-Request": "true"}, True),
    ({"HX-Target": "lijst"}, True),  # a target without HX-Request is not htmx
])
def test_render_decision_table(tiny, headers, whole):
    r = tiny.test_client().get("/scherm", headers=headers)
    assert r.status_code == 200
    assert "HX-Request" in r.headers.get("Vary", "")
    if whole:
        assert page(r) and "teller 1" in r.text
    else:
        assert fragment(r) and r.text.strip() == '<ul id="lijst">lijst </ul>'


@pytest.mark.parametrize("target, expected", [("lijst", "lijst"), ("teller", "teller 2"), ("elders", None)])
def test_render_block_by_target(tiny, target, expected):
    r = tiny.test_client().get("/twee", headers={**HXR, "HX-Target": target})
    assert r.status_code == 201 and "HX-Request" in r.headers["Vary"]
    if expected is None:  # an unknown target gets the whole page, without fragment headers
        assert page(r) and "HX-Retarget" not in r.headers and "HX-Reswap" not in r.headers
    else:
        other = "teller" if target == "lijst" else "<ul"
        assert fragment(r) and expected in r.text and other not in r.text
        assert r.headers["HX-Retarget"] == "#lijst" and r.headers["HX-Reswap"] == "outerHTML"


def test_whole_page_carries_no_htmx_response_headers(tiny):
    r = tiny.test_client().get("/twee")
    assert page(r) and r.status_code == 201 and "HX-Retarget" not in r.headers


def test_is_htmx_and_is_fragment_request(tiny):
    cases = [(PLAIN, False, False), (HXR, True, False), ({**HXR, "HX-Target": "x"}, True, True),
             ({**HXR, "HX-Target": "x", "HX-Boosted": "true"}, False, False),
             ({**HXR, "HX-History-Restore-Request": "true"}, False, False)]
    for headers, is_htmx, is_fragment in cases:
        with tiny.test_request_context("/", headers=headers):
            assert (htmx.is_htmx(), htmx.is_fragment_request()) == (is_htmx, is_fragment), headers


# ---------------------------------------------------------------- redirect_after_post
def test_redirect_after_post(tiny):
    c = tiny.test_client()
    r = c.post("/stap")
    assert r.status_code == 303 and r.headers["Location"] == "/scherm"
    r = c.post("/stap", headers=HXR)
    assert r.status_code == 204
    assert json.loads(r.headers["HX-Location"]) == {"path": "/scherm", "target": "#stap", "swap": "outerHTML"}
    r = c.post("/later", headers=HXR)
    assert r.status_code == 204 and r.headers["HX-Redirect"] == "/elders" and "HX-Location" not in r.headers


# ---------------------------------------------------------------- answer: one message, two paths
def test_answer_plain_post_is_303_with_the_flash(tiny):
    c = tiny.test_client()
    tiny.calls.clear()
    r = c.post("/wijzig")
    assert r.status_code == 303 and r.headers["Location"] == "/scherm"
    assert not tiny.calls, "the fragment's context is not built for a redirect"
    assert c.get("/meldingen").text == "info:Opgeslagen.;"


def test_answer_htmx_fragment_carries_the_same_message_and_no_flash(tiny):
    c = tiny.test_client()
    r = c.post("/wijzig", headers={**HXR, "HX-Target": "lijst"})
    assert r.status_code == 200 and fragment(r)
    assert r.text.strip() == '<ul id="lijst">lijst Opgeslagen.</ul>'
    assert c.get("/meldingen").text == "", "the message is shown once, in the fragment"


@pytest.mark.parametrize("headers", [HXR, {**HXR, "HX-Target": "elders"},
                                     {**HXR, "HX-Target": "lijst", "HX-Boosted": "true"}])
def test_answer_htmx_without_a_known_block_loads_the_location_with_the_flash(tiny, headers):
    c = tiny.test_client()
    r = c.post("/wijzig", headers=headers)
    if headers.get("HX-Boosted"):  # boosted is a normal navigation: 303
        assert r.status_code == 303
    else:
        assert r.status_code == 204 and r.headers["HX-Location"] == "/scherm"
    assert c.get("/meldingen").text == "info:Opgeslagen.;"


def test_answer_without_template(tiny):
    c = tiny.test_client()
    r = c.post("/zonder-sjabloon", headers={**HXR, "HX-Target": "lijst"})
    assert r.status_code == 204 and r.headers["HX-Location"] == "/scherm"
    assert "Gedaan." in c.get("/scherm", headers=HXR).text  # the follow-up page shows the flash
    r = c.post("/later")
    assert r.status_code == 303 and r.headers["Location"] == "/elders"
    with tiny.test_request_context("/"):
        assert get_flashed_messages() == []
