"""Log in and out, change one's password, set one with a one-time link. The rules are in
`accounts` (`meld_aan`, `meld_af`, `wijzig_wachtwoord`, `stel_in_met_link`)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Blueprint, redirect, request, url_for
from flask_login import current_user, login_required

from vh.forms import LoginForm
from vh.htmx import answer, render

from . import accounts
from .forms import WachtwoordInstellenForm, WachtwoordWijzigenForm

bp = Blueprint("auth", __name__)


_STUURTEKENS = re.compile(r"[\x00-\x1f\x7f]")


def _safe_next(target: str | None) -> str:
    """Only a local path, so a crafted link cannot send the user elsewhere after login: after
    dropping control characters (a browser ignores the tab in "/%09/evil.example") it
    starts with one "/" and holds no backslash; anything else goes to the start page."""
    pad = _STUURTEKENS.sub("", target or "")
    if pad.startswith("/") and not pad.startswith("//") and "\\" not in pad and not urlsplit(pad).netloc:
        return pad
    return url_for("home.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    next_url = request.args.get("next")
    if not form.validate_on_submit():
        return render("auth/login.html", form=form, next=next_url, failed=False,
                      status=422 if form.is_submitted() else 200)
    if accounts.meld_aan(form.email.data, form.password.data) is None:
        # Same message and status whether the account exists or not.
        return render("auth/login.html", form=form, next=next_url, failed=True, status=422)
    return redirect(_safe_next(next_url), 303)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    accounts.meld_af(current_user._get_current_object())
    return redirect(url_for("auth.login"), 303)


def _fout(form, fout: accounts.AccountError) -> None:
    form[fout.veld or "nieuw"].errors.append(fout.boodschap)


@bp.route("/account/wachtwoord", methods=["GET", "POST"])
@login_required
def wachtwoord_wijzigen():
    form = WachtwoordWijzigenForm()

    def scherm(status):
        return render("auth/wachtwoord_wijzigen.html", "content", form=form, status=status,
                      regel=accounts.WACHTWOORD_REGEL, title="Wachtwoord wijzigen")
    if not form.validate_on_submit():
        return scherm(422 if form.is_submitted() else 200)
    try:
        accounts.wijzig_wachtwoord(current_user._get_current_object(), form.huidig.data, form.nieuw.data)
    except accounts.AccountError as fout:
        _fout(form, fout)
        return scherm(422)
    return answer("Uw wachtwoord is gewijzigd.", url_for("home.index"))


def _ongeldig(boodschap: str):
    return render("auth/wachtwoord_ongeldig.html", boodschap=boodschap, title="Link niet geldig",
                  status=404)


@bp.route("/wachtwoord/<token>", methods=["GET", "POST"])
def wachtwoord_instellen(token: str):
    """The one-time link. A used, expired or unknown link is 404, with what to do."""
    link = accounts.geldige_link(token)
    if link is None:
        return _ongeldig(accounts.LINK_ONGELDIG)
    form = WachtwoordInstellenForm()

    def scherm(status):
        response = render("auth/wachtwoord_instellen.html", "content", form=form, status=status,
                          email=link.user.email, regel=accounts.WACHTWOORD_REGEL,
                          title="Wachtwoord instellen")
        response.headers["Referrer-Policy"] = "no-referrer"  # the token is in this page's URL
        return response
    if not form.validate_on_submit():
        return scherm(422 if form.is_submitted() else 200)
    try:
        accounts.stel_in_met_link(token, form.nieuw.data)
    except accounts.AccountError as fout:
        if fout.veld is None:  # the link was used meanwhile (another tab)
            return _ongeldig(fout.boodschap)
        _fout(form, fout)
        return scherm(422)
    return answer("Uw wachtwoord is ingesteld. U kunt nu inloggen.", url_for("auth.login"))
