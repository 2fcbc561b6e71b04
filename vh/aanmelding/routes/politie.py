"""Systematic police inflow (domain.md §3): the short form for one intervention and the CSV
import of many, for police users of a pilot zone (access action "politie.import")."""
from __future__ import annotations

import re

from flask import Blueprint, Response, abort, current_app, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from peewee import IntegrityError
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import FieldList, Form, FormField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from vh import access, audit
from vh.aanmelding import politie as politie_import
from vh.forms import MultiCheckboxField
from vh.htmx import redirect_after_post, render
from vh.models import CLIENT_ROLLEN, IFG_VORMEN, SLACHTOFFER_ROLLEN, Aanmelding, PolitieImport, PvNummer
from vh.tijd import EERSTE_JAAR, lees_datum, vandaag

bp = Blueprint("politie", __name__)

MAX_PERSONEN = 12
DATUM_HINT = "Bijvoorbeeld 14 3 2026 of 2026-03-14."


# ---------------------------------------------------------------- forms
class PersoonForm(Form):
    rol = SelectField("Rol", choices=[("", "Kies een rol")] + list(CLIENT_ROLLEN.items()),
                      validate_choice=False)
    voornaam = StringField("Voornaam")
    achternaam = StringField("Achternaam")
    geboortedatum = StringField("Geboortedatum")
    postcode = StringField("Postcode van de woonplaats")

    @property
    def leeg(self) -> bool:
        return not any((f.data or "").strip() for f in self)


class KortForm(FlaskForm):
    pv_nummer = StringField("PV-nummer", validators=[
        DataRequired("Vul het PV-nummer in."), Length(max=60, message="Dit PV-nummer is te lang.")])
    datum_feit = StringField("Datum van de feiten", validators=[DataRequired("Vul de datum van de feiten in.")])
    vormen = MultiCheckboxField("Vorm van intrafamiliaal geweld", choices=list(IFG_VORMEN.items()),
                                fout="Kies een vorm uit de lijst.")
    omschrijving = TextAreaField("Wat is er gebeurd?", validators=[
        DataRequired("Beschrijf kort wat er gebeurd is."),
        Length(max=politie_import.MAX_OMSCHRIJVING,
               message=f"Houd het kort: hoogstens {politie_import.MAX_OMSCHRIJVING} tekens.")])
    personen = FieldList(FormField(PersoonForm), min_entries=3, max_entries=MAX_PERSONEN)

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        vandaag_ = vandaag()
        pv = politie_import.normaliseer_pv(self.pv_nummer.data)
        if pv and not self.pv_nummer.errors:
            if not politie_import.pv_geldig(pv):
                self.pv_nummer.errors.append(
                    f"Schrijf het PV-nummer met letters, cijfers, punten en schuine strepen, "
                    f"bijvoorbeeld {politie_import.PV_VOORBEELD}.")
            elif PvNummer.select().where(PvNummer.nummer == pv).exists():
                self.pv_nummer.errors.append("Dit PV-nummer werd al aangemeld. Een PV wordt maar "
                                             "één keer aangemeld; controleer het nummer.")
        self.pv = pv
        if self.datum_feit.data and not self.datum_feit.errors:
            self.datum = lees_datum(self.datum_feit.data)
            if self.datum is None:
                self.datum_feit.errors.append(f"Vul een bestaande datum in. {DATUM_HINT}")
            elif self.datum > vandaag_:
                self.datum_feit.errors.append("De datum van de feiten ligt in de toekomst. Controleer de datum.")
        if not self.vormen.data and not self.vormen.errors:
            self.vormen.errors.append("Kies minstens één vorm van geweld.")
        ingevuld = [e.form for e in self.personen if not e.form.leeg]
        for p in ingevuld:
            if p.rol.data not in CLIENT_ROLLEN:
                p.rol.errors.append("Kies de rol van deze persoon.")
            for f, wat in ((p.voornaam, "voornaam"), (p.achternaam, "achternaam")):
                if not (f.data or "").strip():
                    f.errors.append(f"Vul de {wat} in.")
                elif len(f.data.strip()) > politie_import.MAX_NAAM:
                    f.errors.append(f"De {wat} is te lang (hoogstens {politie_import.MAX_NAAM} tekens).")
            p.datum = lees_datum(p.geboortedatum.data)
            if not (p.geboortedatum.data or "").strip():
                p.geboortedatum.errors.append(f"Vul de geboortedatum in. {DATUM_HINT}")
            elif p.datum is None:
                p.geboortedatum.errors.append(f"Vul een bestaande geboortedatum in. {DATUM_HINT}")
            elif p.datum > vandaag_ or p.datum.year < EERSTE_JAAR:
                p.geboortedatum.errors.append("Deze geboortedatum kan niet kloppen. Controleer ze.")
            if not re.fullmatch(r"\d{4}", (p.postcode.data or "").strip()):
                p.postcode.errors.append("Vul de postcode in: 4 cijfers, bijvoorbeeld 3000.")
        eerste = self.personen.entries[0].form
        if not ingevuld:
            eerste.voornaam.errors.append("Vul minstens het slachtoffer in.")
        elif not any(p.rol.data in SLACHTOFFER_ROLLEN for p in ingevuld):
            doel = next(p for p in ingevuld)
            doel.rol.errors.append("Geef minstens één persoon de rol slachtoffer, slachtoffer én "
                                   "pleger of kind-slachtoffer.")
        self.ingevulde_personen = ingevuld
        return ok and not self.fouten()

    def fouten(self) -> list[tuple[str, str]]:
        """(field id, message) for the error summary, persons included, in the order of the page."""
        result = []
        for f in self:
            if isinstance(f, FieldList):
                for entry in f:
                    result.extend((sub.id, sub.errors[0]) for sub in entry.form if sub.errors)
            elif f.errors and f.name != "csrf_token":
                result.append((f.id, f.errors[0]))
            elif f.errors:
                result.append(("", "Uw formulier was verlopen. Verstuur het opnieuw."))
        return result


class ImportForm(FlaskForm):
    bestand = FileField("CSV-bestand met de interventies")


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
        if len(form.personen) < MAX_PERSONEN:
            form.personen.append_entry()
        return render("politie/kort.html", "formulier", form=form, fouten=[], title="Politie: korte aanmelding")
    if form.validate_on_submit():
        personen = [dict(rol=p.rol.data, voornaam=p.voornaam.data, achternaam=p.achternaam.data,
                         geboortedatum=p.datum, postcode=p.postcode.data.strip())
                    for p in form.ingevulde_personen]
        try:
            aanmelding = politie_import.kort_indienen(
                current_user, pv=form.pv, datum_feit=form.datum, vormen=form.vormen.data,
                omschrijving=form.omschrijving.data, personen=personen)
        except IntegrityError:  # the same PV was submitted a moment ago
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
                  max_grootte=_mb(), kolommen=politie_import.KOLOMMEN, IFG_VORMEN=IFG_VORMEN,
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
                  title="Resultaat van de invoer")
