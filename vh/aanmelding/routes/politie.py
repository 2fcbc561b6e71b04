"""Systematic police inflow (domain.md §3): the short form for one intervention and the CSV
import of many, for police users of a pilot zone (access action "politie.import")."""
from __future__ import annotations


from flask import Blueprint, Response, abort, current_app, request, url_for
from flask_login import current_user, login_required
from werkzeug.exceptions import RequestEntityTooLarge

from vh import access, audit
from vh.aanmelding import politie as politie_import
from vh.aanmelding.forms import MAX_POLITIE_PERSONEN, ImportForm, KortForm
from vh.htmx import redirect_after_post, render
from vh.models import CLIENT_ROLLEN, IFG_VORMEN, Aanmelding, PolitieImport

bp = Blueprint("politie", __name__)


def _mb() -> str:
    n = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} kB"


# ---------------------------------------------------------------- the short form
@bp.route("/aanmelden/politie", methods=["GET", "POST"])
@login_required
def kort():
    access.require(current_user, "politie.import")
    form = KortForm()
    if request.method == "POST" and request.form.get("actie") == "persoon_erbij":
        if len(form.personen) < MAX_POLITIE_PERSONEN:
            form.personen.append_entry()
        return render("politie/kort.html", "formulier", form=form, fouten=[], title="Politie: korte aanmelding")
    if form.validate_on_submit():
        try:
            aanmelding = politie_import.kort_indienen(current_user, **form.gegevens)
        except politie_import.AlAangemeld:  # the same PV was submitted a moment ago
            form.pv_nummer.errors.append("Dit PV-nummer werd net aangemeld. Een PV wordt maar één keer aangemeld.")
        else:
            return redirect_after_post(url_for("politie.verstuurd", aanmelding_id=aanmelding.id))
    status = 422 if request.method == "POST" else 200
    return render("politie/kort.html", "formulier", status=status, form=form, fouten=form.fouten(),
                  title="Politie: korte aanmelding")


@bp.route("/aanmelden/politie/<int:aanmelding_id>/verstuurd")
@login_required
def verstuurd(aanmelding_id):
    aanmelding = audit.load(Aanmelding, aanmelding_id, "aanmelding.status")
    if aanmelding.bron != "politie-kort":
        abort(404)
    return render("politie/verstuurd.html", "content", aanmelding=aanmelding,
                  title="Aanmelding verstuurd")


# ---------------------------------------------------------------- the CSV import
@bp.route("/aanmelden/politie-import", methods=["GET", "POST"])
@login_required
def import_csv():
    access.require(current_user, "politie.import")
    form = ImportForm()
    if request.method == "POST" and form.validate_on_submit():
        upload = form.bestand.data
        if not upload or not getattr(upload, "filename", ""):
            form.bestand.errors.append("Kies het CSV-bestand met de interventies.")
        else:
            try:
                verslag = politie_import.importeer(upload.read(), current_user, upload.filename,
                                                   upload.mimetype or "")
            except politie_import.BestandFout as fout:
                form.bestand.errors.append(str(fout))
            else:
                return redirect_after_post(url_for("politie.resultaat", import_id=verslag.import_.id))
    status = 422 if request.method == "POST" else 200
    return _import_pagina(form, status)


def _import_pagina(form, status=200):
    vorige = access.own_imports(current_user).order_by(PolitieImport.id.desc()).limit(5)
    return render("politie/import.html", "formulier", status=status, form=form, vorige=list(vorige),
                  max_grootte=_mb(), max_rijen=politie_import.getal(politie_import.MAX_RIJEN),
                  kolommen=politie_import.KOLOMMEN, IFG_VORMEN=IFG_VORMEN,
                  CLIENT_ROLLEN=CLIENT_ROLLEN, title="Politie: interventies invoeren")


@bp.errorhandler(RequestEntityTooLarge)
def te_groot(error):
    """A file above MAX_CONTENT_LENGTH: the import page again, saying so (413)."""
    if request.endpoint != "politie.import_csv" or not access.can(current_user, "politie.import"):
        from vh.errors import _page
        return _page(413)
    form = ImportForm(formdata=None)
    form.bestand.errors = [f"Het bestand is te groot: het mag hoogstens {_mb()} zijn. Verdeel de "
                           "interventies over kleinere bestanden, bijvoorbeeld per week."]
    return _import_pagina(form, 413)


@bp.route("/aanmelden/politie-import/sjabloon.csv")
@login_required
def sjabloon():
    access.require(current_user, "politie.import")
    return Response("\ufeff" + politie_import.sjabloon(), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="politie-interventies-sjabloon.csv"'})


@bp.route("/aanmelden/politie-import/<int:import_id>")
@login_required
def resultaat(import_id):
    access.require(current_user, "politie.import")
    imp = audit.load(PolitieImport, import_id, "politie_import.view")
    fouten, afgekeurd = politie_import.fouten_van(imp)
    return render("politie/resultaat.html", "content", imp=imp, fouten=fouten, afgekeurd=afgekeurd,
                  al_ingevoerd=politie_import.al_ingevoerd_van(imp), title="Resultaat van de invoer")
