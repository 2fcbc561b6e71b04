"""The account page's choice of how notifications arrive."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import RadioField

from vh.keuzes import MeldingVoorkeur


class VoorkeurForm(FlaskForm):
    meldingen = RadioField("Hoe wilt u de meldingen krijgen die kunnen wachten?",
                           choices=MeldingVoorkeur.choices(), validate_choice=False)

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.meldingen.data not in MeldingVoorkeur.labels():
            self.meldingen.errors = list(self.meldingen.errors) + [
                "Kies ‘meteen’ of ‘één keer per dag’."]
            return False
        return ok
