"""Browser tests: a live server on a fresh, seeded database and the system Chromium via Playwright.

Fixtures: `live_server` (base URL), `browser` (session), `page` (fresh context per test, nl-BE),
`page_nojs` (JavaScript off), `browser_login(page, role)` and `axe_check(page)`.

Without Chromium (`VH_CHROMIUM` or /usr/bin/chromium) the whole folder is skipped, except in CI
(`CI` set), where a missing browser is a failure: these tests must run there.
"""
from __future__ import annotations

import os
import threading
import weakref
from pathlib import Path

import pytest
from kit import PASSWORD, ROLE_USERS, seeded_app

CHROMIUM = os.environ.get("VH_CHROMIUM") or "/usr/bin/chromium"
HAVE_CHROMIUM = os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)
# Needed on this machine (no GPU, no sandbox privileges, no network beyond the live server).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BLOCKING_IMPACTS = {"serious", "critical"}
TIMEOUT_MS = 10_000

_NO_CHROMIUM = (f"geen Chromium op {CHROMIUM}. "
                "Installeer het pakket 'chromium' of zet VH_CHROMIUM op het pad van de browser.")


def pytest_collection_modifyitems(config, items):
    if HAVE_CHROMIUM or os.environ.get("CI"):
        return
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason="Browsertests overgeslagen: " + _NO_CHROMIUM)
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _chromium_required():
    """In CI a missing Chromium fails every browser test instead of skipping it."""
    if not HAVE_CHROMIUM:
        pytest.fail("Browsertests moeten in CI draaien, maar er is " + _NO_CHROMIUM, pytrace=False)


# --- the app under test ---------------------------------------------------------------------------

class LiveServer(str):
    """The base URL (a plain string), with the Flask app under test as `.app`."""
    app = None


@pytest.fixture
def live_server(tmp_path):
    """A seeded app (the kit's fresh copy of the seeded database) served on 127.0.0.1:<free port>,
    CSRF on as in production. Yields the base URL without trailing slash. The peewee proxy is a
    module global, so there is one live app at a time (function scope). `live_server.app` is the
    Flask app, e.g. to check `"beheer.gebruikers" in live_server.app.view_functions`."""
    from werkzeug.serving import make_server

    from vh.db import db

    app = seeded_app(tmp_path, WTF_CSRF_ENABLED=True)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="vh-live-server", daemon=True)
    thread.start()
    url = LiveServer(f"http://127.0.0.1:{server.server_port}")
    url.app = app
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        if not db.is_closed():
            db.close()
    _geen_namen_in_de_mails(app)


def _geen_namen_in_de_mails(app) -> None:
    """Issue 11: the mails a walk caused, delivered to a real SMTP server (aiosmtpd), name no
    person and quote no free text of the database."""
    from smtp import Postbus, wat_niet_mag

    from vh.db import db
    from vh.meldingen import bezorgen
    postbus = Postbus()
    try:
        with app.app_context(), db.connection_context():
            cfg = {**app.config, **postbus.config()}
            while bezorgen.bezorg(cfg).verzonden:
                pass
            assert wat_niet_mag(postbus.berichten) == []
    finally:
        postbus.stop()


# --- the browser --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                          headless=True)
    yield browser
    browser.close()


# Console messages per page, for axe_check's CSP assertion; pages without JavaScript.
_console: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_nojs: "weakref.WeakSet" = weakref.WeakSet()


def _new_page(browser, live_server, **options):
    context = browser.new_context(base_url=live_server, locale="nl-BE", **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    messages: list[str] = []
    _console[page] = messages
    page.on("console", lambda message: messages.append(message.text))
    if options.get("java_script_enabled") is False:
        _nojs.add(page)
    return context, page


@pytest.fixture
def page(browser, live_server):
    """A page in a fresh context (no cookies), Dutch locale, base_url = the live server."""
    context, page = _new_page(browser, live_server)
    yield page
    context.close()


@pytest.fixture
def page_nojs(browser, live_server):
    """Like `page`, with JavaScript disabled: everything must work without it."""
    context, page = _new_page(browser, live_server, java_script_enabled=False)
    yield page
    context.close()


@pytest.fixture
def browser_login(live_server):
    """browser_login(page, "coordinator") signs in with that role's demo account via /login
    and waits for the home page."""
    def _login(page, role: str):
        page.goto("/login")
        page.fill("#email", ROLE_USERS.get(role, role))
        page.fill("#password", PASSWORD)
        page.click("form[action^='/login'] button[type=submit]")
        page.wait_for_url(f"{live_server}/")
        return page
    return _login


@pytest.fixture
def axe_check():
    """axe_check(page): fail on serious/critical axe violations and on CSP console errors."""
    from axe_playwright_python.sync_playwright import Axe
    axe = Axe()

    def _check(page, context=None):
        # axe is injected with page.evaluate, which never returns when JavaScript is off.
        assert page not in _nojs, "axe_check werkt niet op page_nojs; gebruik `page`"
        csp = [m for m in _console.get(page, []) if "Content Security Policy" in m]
        assert not csp, f"CSP-overtredingen op {page.url}:\n" + "\n".join(csp)
        results = axe.run(page, context=context)
        problems = [v for v in results.response.get("violations", [])
                    if v.get("impact") in BLOCKING_IMPACTS]
        if problems:
            lines = [f"Toegankelijkheid op {page.url}:"]
            for v in problems:
                targets = [" ".join(map(str, node.get("target", []))) for node in v.get("nodes", [])]
                lines.append(f"- [{v['impact']}] {v['id']}: {v.get('help', '')} → {targets}")
            pytest.fail("\n".join(lines), pytrace=False)
        return results
    return _check
