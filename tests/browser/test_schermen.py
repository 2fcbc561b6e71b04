"""Every screen of every role, in Chromium: axe on each page (zero serious/critical), and the same
walk on a phone (375×667): no horizontal overflow, targets of at least 24×24 px (or 24 px spacing,
WCAG 2.5.8), and a step's question (its h1) within the first screen.

The walk: log in as each role of ROLE_USERS, visit every entry of the main menu, and from each
entry the first object page it links to (a referral, dossier, overleg, parket check, account …)."""
from __future__ import annotations

import re

import pytest
from kit import ROLE_USERS

from vh.db import db

PHONE = {"width": 375, "height": 667}
# An object page: a path with a number in it, e.g. /ontvangst/3, /dossiers/2, /overleggen/1.
OBJECT = re.compile(r"^/[a-z-]+(/[a-z-]+)?(/\d+(/[a-z-]+)?)+$")
NOT_FOLLOWED = re.compile(r"/(afmelden|logout|export|pdf|ics)\b|\.(csv|pdf|ics)$")


@pytest.fixture
def demo(live_server):
    """The demo's cases on top of the seed: referrals, police inflow, ontvangst, triage, decisions."""
    from vh.demo import aanmelden, besluit, ontvangst, politie, triage
    with live_server.app.app_context(), db.connection_context():
        for part in (aanmelden, politie, ontvangst, triage, besluit):
            part.load()
    return live_server


def _nav_paths(page) -> list[str]:
    return page.eval_on_selector_all(
        "nav[aria-label=Hoofdmenu] a", "els => els.map(a => new URL(a.href).pathname)")


def _object_paths(page) -> list[str]:
    """One link per kind of object page on this page (kind: the path with its numbers blanked)."""
    hrefs = page.eval_on_selector_all(
        "main a[href]", "els => els.map(a => new URL(a.href, location.href).pathname)")
    kinds: dict[str, str] = {}
    for href in hrefs:
        if OBJECT.match(href) and not NOT_FOLLOWED.search(href):
            kinds.setdefault(re.sub(r"\d+", "N", href), href)
    return list(kinds.values())


EXTRA = {"aanmelder": ["/aanmelden"], "politie": ["/aanmelden/politie"]}


def _walk(page, role: str) -> list[str]:
    """The paths a role sees: its menu entries, one object page of each kind they link to, and
    one of each kind linked from those (the dossier frame's tabs, a referral's steps …)."""
    paths: list[str] = []
    for nav in _nav_paths(page) + EXTRA.get(role, []):
        if nav in paths:
            continue
        paths.append(nav)
        page.goto(nav)
        for obj in _object_paths(page):
            if obj in paths:
                continue
            paths.append(obj)
            page.goto(obj)
            paths.extend(p for p in _object_paths(page) if p not in paths)
    return list(dict.fromkeys(paths))


@pytest.mark.parametrize("role", sorted(ROLE_USERS))
def test_axe_on_every_page_of_every_role(page, demo, browser_login, axe_check, role):
    browser_login(page, role)
    axe_check(page)
    paths = _walk(page, role)
    assert paths, role
    for path in paths:
        response = page.goto(path)
        assert response.status < 400, (path, response.status)
        axe_check(page)


# --- the phone --------------------------------------------------------------------------------------

_TARGETS = """() => {
  // Every visible target at least 24×24 px (WCAG 2.5.8). Exceptions of the criterion: a link inside
  // a sentence (its size is set by the line), and an undersized target with 24 px spacing (a 24 px
  // circle on its centre meets no other target or circle).
  const els = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')];
  const boxes = els.map(e => [e, e.getBoundingClientRect()])
                   .filter(([e, r]) => r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden');
  const inSentence = e => {
    const block = e.parentElement.closest('p, li, dd, td');
    return getComputedStyle(e).display === 'inline' && block &&
      block.innerText.trim().length > e.innerText.trim().length + 3;
  };
  const small = [];
  for (const [e, r] of boxes) {
    if (r.width >= 24 && r.height >= 24) continue;
    if (e.tagName === 'A' && inSentence(e)) continue;
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const crowded = boxes.some(([o, q]) => o !== e && !o.contains(e) && !e.contains(o) && (
      Math.max(q.left - cx, 0, cx - q.right) ** 2 + Math.max(q.top - cy, 0, cy - q.bottom) ** 2 < 144 ||
      (q.width < 24 || q.height < 24) &&
      (q.left + q.width / 2 - cx) ** 2 + (q.top + q.height / 2 - cy) ** 2 < 576));
    if (crowded) {
      small.push(`${e.tagName.toLowerCase()} "${(e.innerText || e.value || e.name || '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
  }
  return small;
}"""


# A table wider than the phone scrolls inside its .table-wrap and says so (the cue is the wrap's
# ::before text); a list table stacks its rows instead (then nothing scrolls).
_TABLES = """() => [...document.querySelectorAll('.table-wrap')]
  .filter(w => w.scrollWidth > w.clientWidth + 1)
  .filter(w => !/schuif/i.test(getComputedStyle(w, '::before').content))
  .map(w => (w.querySelector('caption') || w).innerText.trim().slice(0, 40))"""


def _phone_problems(page) -> list[str]:
    problems = []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems.append(f"{page.url}: de pagina is {overflow}px te breed")
    problems += [f"{page.url}: tabel schuift zonder aanwijzing: {t}" for t in page.evaluate(_TABLES)]
    problems += [f"{page.url}: te klein doel {s}" for s in page.evaluate(_TARGETS)]
    return problems


@pytest.mark.parametrize("role", ["aanmelder", "coordinator", "politie", "parket", "kernpartner",
                                  "regisseur3", "beheerder", "dpo"])
def test_every_screen_works_on_a_phone(page, demo, browser_login, axe_check, role):
    page.set_viewport_size(PHONE)
    page.goto("/login")
    problems = _phone_problems(page)
    browser_login(page, role)
    problems += _phone_problems(page)
    for path in _walk(page, role):
        page.goto(path)
        problems += _phone_problems(page)
        axe_check(page)  # also at 375 px: stacked tables, scrolling regions
    assert not problems, "\n".join(problems)


def test_referral_steps_on_a_phone(page, demo, browser_login):
    """Each step of the referral form and its check page: usable at 375 px, with the step's
    question (the h1) on the first screen, not below the header and the step list."""
    page.set_viewport_size(PHONE)
    browser_login(page, "aanmelder")
    page.goto("/aanmelden")
    problems = _phone_problems(page)
    page.locator("main form[method=post] button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/aanmelden/\d+/"))
    stappen = page.eval_on_selector_all(
        "main a[href]", "els => els.map(a => new URL(a.href).pathname)"
        ".filter(p => /^\\/aanmelden\\/\\d+\\//.test(p))")
    assert len(set(stappen)) >= 6, stappen
    for path in [page.url] + list(dict.fromkeys(stappen)):
        page.goto(path)
        problems += _phone_problems(page)
        # The question comes first: the h1 ends in the upper 60 % of the first screen, so it and
        # the start of its answer are visible without scrolling past the header and the steps.
        bottom = page.eval_on_selector("h1", "h => h.getBoundingClientRect().bottom")
        if bottom > 0.6 * PHONE["height"]:
            problems.append(f"{path}: de vraag (h1) eindigt op {bottom:.0f}px, onder het eerste scherm")
        # The step links and the "Wijzig" links are real targets, not 19 px lines of text.
        for text, height in page.eval_on_selector_all(
                "main nav a, .summary-list__actions a",
                "els => els.filter(a => a.offsetParent).map(a => [a.innerText.trim().slice(0, 30),"
                " a.getBoundingClientRect().height])"):
            if height < 24:
                problems.append(f"{path}: link '{text}' is {height:.0f}px hoog")
    assert not problems, "\n".join(problems)
