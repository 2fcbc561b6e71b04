"""Log in and out. The rules are in `accounts` (`meld_aan`, `meld_af`)."""
from __future__ import annotations

from flask import Blueprint, redirect, request, url_for
from flask_login import current_user, login_required

from vh.forms import LoginForm
from vh.htmx import render

from . import accounts

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only local paths, so a crafted link cannot send the user elsewhere after login."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
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
