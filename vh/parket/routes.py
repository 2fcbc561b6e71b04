"""The parket's screens: its list of requests and the answer screen. The parket sees only what
its decision needs (`parketcheck.beslissingsinfo`); every view and every answer is audited. The
rules (ask, answer, how long a request waits) are in `parketcheck`."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user, login_required

from vh import access, audit
from vh.htmx import answer, render
from vh.models import Parketcheck
from vh.parket import parketcheck
from vh.parket.forms import AntwoordForm
from vh.workflow import WorkflowError

bp = Blueprint("parket", __name__)


@bp.route("/parket", methods=["GET"])
@login_required
def lijst():
    access.require(current_user, "parket.inbox")
    return render("parket/lijst.html", {"scherm": "content"}, title="Parketcheck",
                  **parketcheck.lijst(current_user))


@bp.route("/parket/<int:check_id>", methods=["GET", "POST"])
@login_required
def toon(check_id):
    if request.method == "GET":
        check = audit.load(Parketcheck, check_id, "parketcheck.view")
    else:
        check = access.load(Parketcheck, check_id, "parketcheck.view")
        if check.uitkomst is not None:
            return answer("Deze vraag werd al beantwoord.", url_for("parket.toon", check_id=check.id),
                          category="info")
        access.require(current_user, "parketcheck.answer", check)
    form = AntwoordForm()
    fout = None
    if request.method == "POST":
        if form.validate():
            try:
                parketcheck.beantwoord(check, current_user._get_current_object(), form.uitkomst.data,
                                       form.beperkingen.data or "", form.reden.data or "")
            except parketcheck.AlBeantwoord:
                return answer("Deze vraag werd intussen al beantwoord.",
                              url_for("parket.toon", check_id=check.id), category="info")
            except WorkflowError as error:
                fout = str(error)
            else:
                return answer("Uw antwoord is bewaard. De coördinator van het Veilig Huis ziet het meteen.",
                              url_for("parket.lijst"))
        audit.record("parketcheck.view", check)  # the form is shown again, with the persons
    return render("parket/toon.html", {"scherm": "content", "antwoord": "antwoord"},
                  status=422 if request.method == "POST" else 200,
                  title=f"Parketcheck {check.dossier.nummer}", check=check, form=form, fout=fout,
                  wacht=parketcheck.wacht(check), max_dagen=parketcheck.wacht_dagen_max(),
                  **parketcheck.beslissingsinfo(check))
