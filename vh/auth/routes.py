"""Log in and out. The rules are in `accounts` (`meld_aan`, `meld_af`)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Blueprint, redirect, request, url_for
from flask_login import current_user, login_required

from vh.forms import LoginForm
from vh.htmx import render

from . import accounts

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
