"""Log in and out."""
from __future__ import annotations

import logging

from flask import Blueprint, redirect, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from vh import audit
from vh.forms import LoginForm
from vh.htmx import render
from vh.models import utcnow

from .accounts import authenticate

bp = Blueprint("auth", __name__)
log = logging.getLogger("vh.auth")


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
    user = authenticate(form.email.data, form.password.data)
    if user is None:
        # Same message and status whether the account exists or not.
        log.info("mislukte aanmelding")
        return render("auth/login.html", form=form, next=next_url, failed=True, status=422)
    session.clear()
    login_user(user)
    user.laatst_ingelogd = utcnow()
    user.save(only=[user.__class__.laatst_ingelogd])
    audit.record("auth.login", user, user=user)
    return redirect(_safe_next(next_url), 303)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    audit.record("auth.logout", current_user._get_current_object())
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"), 303)
