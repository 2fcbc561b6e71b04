"""The forms of the casusregie screens. They parse and check the shape (CSRF, lengths, dates);
the rules (fasen, checklist, logboek, spoor, afsluiting) decide and say why not in Dutch."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, SelectField
from wtforms.validators import Optional

from vh.forms import DatumField, regel, tekst
from vh.keuzes import Afsluitreden, LogboekSoort

from . import logboek


class FaseForm(FlaskForm):
    actie = HiddenField()
    toelichting = tekst("Toelichting", max_=2000)


class StapForm(FlaskForm):
    actie = HiddenField()  # afvinken or ongedaan
    reden = tekst("Waarom maakt u het afvinken ongedaan?", max_=500)


class LogboekForm(FlaskForm):
    datum = DatumField("Datum", voorbeeld="14 3 2026")
    soort = RadioField("Wat voor contact?", choices=LogboekSoort.choices(), validators=[Optional()],
                       validate_choice=False)
    met_wie = regel("Met wie?", max_=logboek.MET_WIE_MAX)
    tekst = tekst("Wat gebeurde er of wat werd besproken?", max_=logboek.TEKST_MAX)

    def velden(self) -> dict:
        return dict(datum=self.datum.data, soort=self.soort.data or "", met_wie=self.met_wie.data or "",
                    tekst=self.tekst.data or "")


class SpoorVoorstelForm(FlaskForm):
    reden = tekst("Waarom moet het dossier naar een ander spoor?", max_=2000)


class SpoorBesluitForm(FlaskForm):
    uitkomst = RadioField("Uw besluit", choices=[("aanvaard", "Aanvaarden"), ("geweigerd", "Weigeren")],
                          validators=[Optional()], validate_choice=False)
    regisseur = SelectField("Casusregisseur in het nieuwe spoor", choices=[], validate_choice=False)
    motivering = tekst("Motivering", max_=2000)


class AfsluitForm(FlaskForm):
    reden = RadioField("Waarom wordt het dossier afgesloten?", choices=Afsluitreden.choices(),
                       validators=[Optional()], validate_choice=False)
    veiligheidsplan_ok = BooleanField("Er is een veiligheidsplan en het gezin weet wat het moet doen")
    gezin_kan_terugkomen = BooleanField("Het gezin weet dat het altijd kan terugkomen")
    toelichting = tekst("Toelichting", max_=2000)


class HeropenForm(FlaskForm):
    reden = tekst("Waarom wordt het dossier heropend?", max_=2000)
