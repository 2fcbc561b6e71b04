"""The account page "Mijn e-mails": which notifications a user gets, and the choice between at
once and a daily overview for those that may wait. The rule is `voorkeur.zet`."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user, login_required

from vh import access
from vh.htmx import answer, render
from vh.keuzes import MELDING_BUNDELBAAR, MeldingSoort

from . import voorkeur
from .forms import VoorkeurForm

bp = Blueprint("meldingen", __name__)


@bp.route("/account/meldingen", methods=["GET", "POST"])
@login_required
def voorkeur_scherm():
    user = current_user._get_current_object()
    access.require(user, "account.meldingen")
    form = VoorkeurForm(data={"meldingen": user.meldingen} if request.method == "GET" else None)
    if not form.validate_on_submit():
        return render("meldingen/voorkeur.html", "content", status=422 if form.is_submitted() else 200,
                      form=form, bundelbaar=[MeldingSoort(s).label for s in sorted(MELDING_BUNDELBAAR)],
                      title="Mijn e-mails")
    voorkeur.zet(user, form.meldingen.data)
    return answer("Uw keuze voor de e-mails is bewaard.", url_for("meldingen.voorkeur_scherm"))
