"""WTForms pieces shared by every screen: fields and validators with Dutch messages.

A message says what to do, in plain Dutch. A value outside a field's choices (a tampered form)
gets a clean 422 with the message beside the field, never a 500. Feature forms live in the
`forms.py` of their part.
"""
from __future__ import annotations

import datetime as dt

from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    Field,
    PasswordField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.utils import unset_value
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from .tijd import EERSTE_JAAR, jaren_rond, maak_datum, vandaag

EMAIL_RE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def email_geldig() -> Regexp:
    """The one e-mail check: something@domain.tld, no spaces."""
    return Regexp(EMAIL_RE, message="Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.be.")


TEKST_MAX = 5000
JA_NEE = [("ja", "Ja"), ("nee", "Nee")]


def te_lang(max_: int, wat: str = "Deze tekst") -> Length:
    return Length(max=max_, message=f"{wat} is te lang: gebruik hoogstens {max_} tekens.")


def tekst(label: str, verplicht: str | None = None, max_: int = TEKST_MAX, **kw) -> TextAreaField:
    validators = [DataRequired(verplicht)] if verplicht else [Optional()]
    return TextAreaField(label, validators=validators + [te_lang(max_)], **kw)


def regel(label: str, verplicht: str | None = None, max_: int = 120, **kw) -> StringField:
    validators = [DataRequired(verplicht)] if verplicht else [Optional()]
    return StringField(label, validators=validators + [te_lang(max_)], **kw)


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes; a value outside the choices (a tampered form) is refused in Dutch."""
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, *args, fout: str = "Kies alleen uit de mogelijkheden in de lijst.", **kw):
        super().__init__(*args, **kw)
        self.fout = fout
        self.flags.required = False  # "at least one" is not "every box": no HTML required per box

    def pre_validate(self, form):
        known = {value for value, _ in self.choices or []}
        if any(v not in known for v in self.data or []):
            raise ValidationError(self.fout)


class JaNeeField(RadioField):
    """A yes/no question stored as a nullable boolean."""

    def __init__(self, label, verplicht: str, **kw):
        super().__init__(label, choices=JA_NEE, validators=[DataRequired(verplicht)], **kw)

    def pre_validate(self, form):
        if self.data not in (None, "", "ja", "nee"):
            raise ValidationError("Kies ja of nee.")

    @staticmethod
    def naar_model(value):
        return {"ja": True, "nee": False}.get(value)

    @staticmethod
    def van_model(value):
        return None if value is None else ("ja" if value else "nee")


class DatumField(Field):
    """A GOV.UK-style date: three inputs (dag, maand, jaar) named <name>-dag etc.

    `data` is a date or None; `raw` keeps what was typed, so a wrong date is shown back as typed.
    An empty date is allowed unless a DataRequired/InputRequired validator says otherwise.
    By default a date lies in the past (a birth date, an incident); `jaren=(terug, vooruit)` is a
    date planned around now instead (an overleg): within `vh.tijd.jaren_rond(terug, vooruit)`.
    `bereik=False`: only read the date; a rule of the caller checks its range (the police form,
    whose rule the CSV shares)."""

    DELEN = ("dag", "maand", "jaar")

    def __init__(self, label=None, validators=None, voorbeeld: str = "14 3 1987",
                 jaren: tuple[int, int] | None = None, bereik: bool = True, **kw):
        super().__init__(label, validators, **kw)
        self.voorbeeld = voorbeeld
        self.jaren = jaren
        self.bereik = bereik
        self.raw = {d: "" for d in self.DELEN}
        self.parse_error = None

    def process(self, formdata, data=unset_value, extra_filters=None):
        self.process_errors = []
        if data is unset_value:
            data = self.default() if callable(self.default) else self.default
        self.object_data = data
        self.data = data
        self.parse_error = None
        if isinstance(data, dt.date):
            self.raw = {"dag": str(data.day), "maand": str(data.month), "jaar": str(data.year)}
        if formdata is not None and any(f"{self.name}-{d}" in formdata for d in self.DELEN):
            self.raw = {d: (formdata.get(f"{self.name}-{d}") or "").strip()[:10] for d in self.DELEN}
            self.data = None
            if not any(self.raw.values()):
                return
            self.data = maak_datum(self.raw["jaar"], self.raw["maand"], self.raw["dag"])
            if self.data is None:
                self.parse_error = (f"{self.label.text} moet een bestaande datum zijn, "
                                    f"bijvoorbeeld {self.voorbeeld}.")

    def pre_validate(self, form):
        if self.parse_error:
            raise ValidationError(self.parse_error)
        if self.data is not None and self.jaren:
            van, tot = jaren_rond(*self.jaren)
            if not van <= self.data <= tot:
                raise ValidationError(f"Kies een datum tussen {van.day} januari {van.year} en "
                                      f"{tot.day} december {tot.year}, bijvoorbeeld {self.voorbeeld}.")
        elif self.data is not None and self.bereik:
            if self.data > vandaag():
                raise ValidationError(f"{self.label.text} mag niet in de toekomst liggen.")
            if self.data.year < EERSTE_JAAR:
                raise ValidationError(f"{self.label.text} moet na {EERSTE_JAAR} liggen. "
                                      f"Vul het jaar in met vier cijfers, bijvoorbeeld 1987.")

    def _value(self):
        return ""


class KeuzeVeld(SelectField):
    """A select that refuses unknown values in Dutch."""

    def __init__(self, *args, fout="Kies een waarde uit de lijst.", **kwargs):
        super().__init__(*args, coerce=str, **kwargs)
        self.fout = fout

    def pre_validate(self, form):
        if self.data is None:
            self.data = ""
        if self.data not in {str(value) for value, _ in self.choices}:
            raise ValidationError(self.fout)


class LoginForm(FlaskForm):
    email = EmailField("E-mailadres", validators=[
        DataRequired("Vul uw e-mailadres in."), Length(max=254, message="Dit e-mailadres is te lang.")])
    password = PasswordField("Wachtwoord", validators=[
        DataRequired("Vul uw wachtwoord in."), Length(max=200, message="Dit wachtwoord is te lang.")])
