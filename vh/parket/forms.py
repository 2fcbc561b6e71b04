"""The parket's answer to a request."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import Length

from vh.keuzes import ParketUitkomst


class AntwoordForm(FlaskForm):
    uitkomst = RadioField("Wat is uw antwoord?", choices=ParketUitkomst.choices(), validate_choice=False)
    beperkingen = TextAreaField("Welke informatie mag niet gedeeld worden?",
                                validators=[Length(max=4000, message="Gebruik hoogstens 4000 tekens.")])
    reden = TextAreaField("Waarom maakt u bezwaar?",
                          validators=[Length(max=4000, message="Gebruik hoogstens 4000 tekens.")])

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.uitkomst.data not in ParketUitkomst.labels():
            self.uitkomst.errors = list(self.uitkomst.errors) + [
                "Kies akkoord, akkoord met beperkingen of bezwaar."]
            return False
        if self.uitkomst.data == ParketUitkomst.BEPERKINGEN and not (self.beperkingen.data or "").strip():
            self.beperkingen.errors = list(self.beperkingen.errors) + [
                "Schrijf welke informatie niet gedeeld mag worden. Iedereen die aan het dossier werkt, ziet dit."]
            ok = False
        if self.uitkomst.data == ParketUitkomst.BEZWAAR and not (self.reden.data or "").strip():
            self.reden.errors = list(self.reden.errors) + [
                "Schrijf waarom u bezwaar maakt, bijvoorbeeld een lopend onderzoek (onderzoeksbelang)."]
            ok = False
        return ok
