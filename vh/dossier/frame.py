"""The frame of every screen of one dossier: load, check, audit, banners and sub-navigation.

A dossier screen is a route taking `dossier_id`, decorated with `@dossier_scherm(action)`, and a
template that extends `dossier/_dossier.html` and fills its block `scherm`:

    @bp.route("/dossiers/<int:dossier_id>/plan", methods=["GET", "POST"])
    @login_required
    @dossier_scherm("regie.plan")
    def plan(dossier):
        ...
        return render("regie/plan.html", {"scherm": "content", "plan": "plan"}, dossier=dossier, ...)

The decorator loads the dossier (`access.load`: 404 when absent, the 404/403 rule) and calls the
view with it. Every response that shows the dossier — a page, a fragment, a form shown again with
422 — writes the audit event (`dossier.view`); a redirect after a change (3xx, or htmx's 204 with
HX-Location) writes none, as the change is audited by the rule that made it. The template gets
`frame`: the dossier's sensitive banners (`frame.gevoelig`, loaded only when shown) and the tabs
this user may open (`frame.tabs`). Adding a screen to the sub-navigation is one line in `TABS`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from flask import g, make_response, request, url_for
from flask_login import current_user

from vh import access, audit
from vh.models import Dossier

from .gevoelig import gevoelig


@dataclass(frozen=True)
class Tab:
    endpoint: str  # takes `dossier_id`
    label: str
    action: str  # the access action that lets a user open it


# The sub-navigation of a dossier, in order; shown once a user may open more than one.
TABS: list[Tab] = [
    Tab("dossiers.toon", "Overzicht", "dossier.view"),
    Tab("dossiers.aanmeldingen", "Aanmeldingen", "dossier.aanmeldingen"),
    Tab("besluit.nemen", "Besluit", "besluit.create"),
]
# The "Casusregie" navigation of a dossier in (or closed after) casusregie, in the order of the
# work; shown to who may open its screens. One line per screen.
REGIE_TABS: list[Tab] = [
    Tab("regie.checklist_scherm", "Checklist", "regie.lezen"),
    Tab("regie.logboek_scherm", "Logboek", "regie.lezen"),
    Tab("regie_vp.veiligheidsplan", "Veiligheidsplan", "regie.lezen"),
    Tab("regie_vp.zorgoverleggen", "Zorgoverleg", "regie.lezen"),
    Tab("regie.spoor_scherm", "Spoor", "regie.lezen"),
    Tab("regie.afsluiten", "Afsluiting", "regie.lezen"),
]


class Frame:
    """What `dossier/_dossier.html` shows around every screen of `dossier`."""

    def __init__(self, dossier: Dossier, user):
        self.dossier = dossier
        self.user = user

    @functools.cached_property
    def gevoelig(self) -> dict:
        return gevoelig(self.dossier, self.user)

    @functools.cached_property
    def tabs(self) -> list[dict]:
        return [dict(url=url_for(t.endpoint, dossier_id=self.dossier.id), label=t.label,
                     huidig=request.endpoint == t.endpoint)
                for t in TABS if access.can(self.user, t.action, self.dossier)]

    @functools.cached_property
    def regie_tabs(self) -> list[dict]:
        return [dict(url=url_for(t.endpoint, dossier_id=self.dossier.id), label=t.label,
                     huidig=request.endpoint == t.endpoint)
                for t in REGIE_TABS if access.can(self.user, t.action, self.dossier)]


def _shows_the_dossier(response) -> bool:
    return not (300 <= response.status_code < 400 or response.status_code == 204)


def dossier_scherm(action: str = "dossier.view", *, audit_action: str = "dossier.view"):
    """Make a view taking `dossier_id` a dossier screen: it is called with the loaded `dossier`
    (checked for `action`), its template gets `frame`, and what it shows is audited."""
    def decorate(view):
        @functools.wraps(view)
        def screen(dossier_id, **kwargs):
            dossier = access.load(Dossier, dossier_id, action)
            g.dossier_frame = Frame(dossier, current_user._get_current_object())
            response = make_response(view(dossier, **kwargs))
            if _shows_the_dossier(response):
                audit.record(audit_action, dossier)
            return response
        return screen
    return decorate


def context() -> dict:
    """Template context processor: `frame` on a dossier screen, else None."""
    return {"frame": g.get("dossier_frame")}
