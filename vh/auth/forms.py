"""Forms of the password screens. The rule itself is `accounts.wachtwoord_fout`, applied by the
rule functions; these forms only ask for the fields and check that both new ones are the same."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import DataRequired, EqualTo, Length

from .accounts import MAX_LENGTE, TE_LANG


def _nieuw():
    return PasswordField("Nieuw wachtwoord", validators=[
        DataRequired("Vul een nieuw wachtwoord in."), Length(max=MAX_LENGTE, message=TE_LANG)])


def _herhaal():
    return PasswordField("Herhaal het nieuwe wachtwoord", validators=[
        DataRequired("Vul het nieuwe wachtwoord nog eens in."),
        EqualTo("nieuw", message="De twee nieuwe wachtwoorden zijn niet hetzelfde. Typ ze opnieuw.")])


class WachtwoordInstellenForm(FlaskForm):
    """The one-time link's screen: a first or new password, twice."""
    nieuw = _nieuw()
    herhaal = _herhaal()


class WachtwoordWijzigenForm(FlaskForm):
    """Under the user's account: the current password, then the new one twice."""
    huidig = PasswordField("Huidig wachtwoord", validators=[
        DataRequired("Vul uw huidige wachtwoord in."), Length(max=MAX_LENGTE, message=TE_LANG)])
    nieuw = _nieuw()
    herhaal = _herhaal()
