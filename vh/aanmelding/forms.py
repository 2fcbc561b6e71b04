"""The forms of the referral (issue 3): one form per step, one for a person of the cliëntsysteem.

Every message says what to do, in plain Dutch. Free text is capped (TEKST_MAX) so an oversized
post is refused with a message instead of filling the database. Each step form knows which model
fields it fills (`VELDEN`), so a view can save the valid answers of a step even when another
answer of the same step is wrong.
"""
from __future__ import annotations

import re

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    EmailField,
    FieldList,
    Form,
    FormField,
    RadioField,
    SelectField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Optional, ValidationError

from vh.forms import (
    DatumField,
    JaNeeField,
    MultiCheckboxField,
    email_geldig,
    regel,
    te_lang,
    tekst,
)
from vh.aanmelding import politie
from vh.keuzes import ClientRol, Geslacht, Geweldsvorm, IfgVorm
from vh.models import CLIENT_ROLLEN, GESLACHTEN, Gemeente
from vh.tijd import vandaag


# ---------------------------------------------------------------- the steps
class StapForm(FlaskForm):
    """Base of a step form: `VELDEN` maps form fields to model fields of Aanmelding."""
    VELDEN: dict[str, str] = {}

    def vul_in(self, aanmelding) -> None:
        """Prefill from the stored draft (GET)."""
        for veld, attr in self.VELDEN.items():
            f = self[veld]
            value = getattr(aanmelding, attr)
            if isinstance(f, MultiCheckboxField):
                value = [v for v in (value or "").split("|") if v]
            elif isinstance(f, JaNeeField):
                value = JaNeeField.van_model(value)
            f.process(None, value)

    def geldige_waarden(self) -> dict:
        """The model values of every field that passed validation (call after validate())."""
        values = {}
        for veld, attr in self.VELDEN.items():
            f = self[veld]
            if f.errors:
                continue
            value = f.data
            if isinstance(f, MultiCheckboxField):
                value = "|".join(v for v in (value or []) if v)
            elif isinstance(f, JaNeeField):
                value = JaNeeField.naar_model(value)
            elif isinstance(f, BooleanField):
                value = bool(value)
            elif isinstance(f, StringField):  # also TextAreaField, TelField, EmailField
                value = (value or "").strip()
            values[attr] = value
        return values


class AanmelderForm(StapForm):
    VELDEN = {"naam": "aanmelder_naam", "functie": "aanmelder_functie",
              "telefoon": "aanmelder_telefoon", "email": "aanmelder_email"}
    naam = regel("Uw naam", "Vul uw naam in.", 120)
    functie = regel("Uw functie", None, 120)
    telefoon = TelField("Telefoonnummer waarop we u kunnen bereiken", validators=[
        DataRequired("Vul een telefoonnummer in waarop we u kunnen bereiken."), te_lang(40, "Dit telefoonnummer")])
    email = EmailField("E-mailadres", validators=[
        DataRequired("Vul uw e-mailadres in."), te_lang(254, "Dit e-mailadres"),
        email_geldig()])


class GebeurdForm(StapForm):
    VELDEN = {"ifg_vormen": "ifg_vormen", "geweldsvormen": "geweldsvormen",
              "recent_incident": "recent_incident", "datum_incident": "datum_incident",
              "eerdere_incidenten": "eerdere_incidenten", "politie_betrokken": "politie_betrokken",
              "pv_nummers": "pv_nummers"}
    ifg_vormen = MultiCheckboxField(
        "Om welke vormen van intrafamiliaal geweld gaat het?", choices=IfgVorm.choices(),
        validators=[DataRequired("Kies minstens één vorm van intrafamiliaal geweld.")])
    geweldsvormen = MultiCheckboxField("Welk soort geweld?", choices=Geweldsvorm.choices(),
                                       validators=[Optional()])
    recent_incident = tekst("Wat gebeurde er de laatste keer?",
                            "Beschrijf kort wat er de laatste keer gebeurde.")
    datum_incident = DatumField("Datum van het laatste incident", voorbeeld="14 3 2026")
    eerdere_incidenten = tekst("Gebeurde er eerder al iets?")
    politie_betrokken = JaNeeField("Was de politie betrokken?",
                                   "Kies of de politie betrokken was.")
    pv_nummers = regel("PV-nummers", None, 400)

    def validate_pv_nummers(self, field):
        if field.data and not re.fullmatch(r"[\w .,;/\-]+", field.data):
            raise ValidationError("Gebruik alleen letters, cijfers, punten, streepjes en komma's, "
                                  "bijvoorbeeld LE.12.L1.012345/2026.")


class HulpForm(StapForm):
    VELDEN = {"hulpverlening": "hulpverlening", "hulp_vastgelopen": "hulp_vastgelopen"}
    hulpverlening = tekst("Welke diensten zijn of waren betrokken?",
                          "Schrijf welke diensten betrokken zijn of waren. Was er nog geen hulp? "
                          "Schrijf dan ‘geen’.")
    hulp_vastgelopen = tekst("Waar liep de hulp vast?")


CRITERIA = [
    ("criterium_complex", "Complexe meervoudige problematiek",
     "Er zijn problemen op meerdere levensdomeinen tegelijk (bijvoorbeeld geweld, verslaving, "
     "schulden, psychische problemen)."),
    ("criterium_zorgwekkend", "Aanhoudende zorgwekkende situatie",
     "De situatie blijft zorgwekkend: de hulp komt moeilijk op gang of zit vast."),
    ("criterium_ketenaanpak", "Welzijn, politie en parket zijn allemaal nodig",
     "Voor duurzame veiligheid is een samenwerking van welzijnspartners, politie en parket nodig."),
]


class CriteriaForm(StapForm):
    VELDEN = {"criterium_complex": "criterium_complex",
              "criterium_complex_uitleg": "criterium_complex_uitleg",
              "criterium_zorgwekkend": "criterium_zorgwekkend",
              "criterium_zorgwekkend_uitleg": "criterium_zorgwekkend_uitleg",
              "criterium_ketenaanpak": "criterium_ketenaanpak",
              "criterium_ketenaanpak_uitleg": "criterium_ketenaanpak_uitleg",
              "vraag": "vraag"}
    criterium_complex = BooleanField(CRITERIA[0][1])
    criterium_complex_uitleg = tekst("Leg uit waarom", None)
    criterium_zorgwekkend = BooleanField(CRITERIA[1][1])
    criterium_zorgwekkend_uitleg = tekst("Leg uit waarom", None)
    criterium_ketenaanpak = BooleanField(CRITERIA[2][1])
    criterium_ketenaanpak_uitleg = tekst("Leg uit waarom", None)
    vraag = tekst("Wat vraagt u aan het Veilig Huis?", "Schrijf wat u vraagt aan het Veilig Huis.")

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        for naam, titel, _ in CRITERIA:
            uitleg = self[f"{naam}_uitleg"]
            if self[naam].data and not (uitleg.data or "").strip() and not uitleg.errors:
                uitleg.errors = list(uitleg.errors) + [
                    f"Leg uit waarom het criterium ‘{titel.lower()}’ van toepassing is."]
                ok = False
        return ok


class VeiligheidForm(StapForm):
    VELDEN = {"gezin_op_de_hoogte": "gezin_op_de_hoogte",
              "waarom_niet_op_de_hoogte": "waarom_niet_op_de_hoogte",
              "veilig_contact": "veilig_contact", "pleger_contacteren": "pleger_contacteren",
              "taal": "taal", "tolk_nodig": "tolk_nodig"}
    gezin_op_de_hoogte = JaNeeField("Weet het gezin dat u het aanmeldt bij het Veilig Huis?",
                                    "Kies of het gezin op de hoogte is van de aanmelding.")
    waarom_niet_op_de_hoogte = tekst("Waarom is het gezin niet op de hoogte?")
    veilig_contact = tekst("Hoe en wanneer kunnen we het slachtoffer veilig contacteren?",
                           "Schrijf hoe en wanneer we het slachtoffer veilig kunnen contacteren.")
    pleger_contacteren = JaNeeField("Mogen we de pleger contacteren?",
                                    "Kies of we de pleger mogen contacteren.")
    taal = regel("Welke taal spreekt het gezin?", None, 80)
    tolk_nodig = BooleanField("Er is een tolk nodig")

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        f = self.waarom_niet_op_de_hoogte
        if self.gezin_op_de_hoogte.data == "nee" and not (f.data or "").strip() and not f.errors:
            f.errors = list(f.errors) + ["Schrijf waarom het gezin niet op de hoogte is."]
            ok = False
        return ok


class LeegForm(FlaskForm):
    """Steps without own fields (the cliëntsysteem overview, the check page): CSRF only."""


# ---------------------------------------------------------------- a person of the cliëntsysteem
POSTCODE = re.compile(r"[1-9][0-9]{3}")
PERSOON_VELDEN = ("voornaam", "achternaam", "geboortedatum", "geslacht", "rol", "straat",
                  "postcode", "woonplaats", "relatie", "school", "taal", "tolk_nodig")


class PersoonForm(FlaskForm):
    voornaam = regel("Voornaam", "Vul de voornaam in.", 80)
    achternaam = regel("Achternaam", "Vul de achternaam in.", 80)
    geboortedatum = DatumField("Geboortedatum")
    geslacht = RadioField("Geslacht", choices=Geslacht.choices(), default="",
                          validate_choice=False)
    rol = SelectField("Rol in het cliëntsysteem", choices=[("", "Kies een rol")] + ClientRol.choices(),
                      validators=[DataRequired("Kies de rol van deze persoon.")], validate_choice=False)
    straat = regel("Straat en huisnummer", None, 160)
    postcode = StringField("Postcode", validators=[Optional(), te_lang(10, "Deze postcode")])
    gemeente = SelectField("Deelgemeente", choices=[], validate_choice=False)
    # The municipality's name for a postcode outside Vlaams-Brabant (no Gemeente row), e.g. Brussel.
    woonplaats = regel("Gemeente", None, 80)
    relatie = regel("Relatie tot de anderen", None, 200)
    school = regel("School", None, 160)
    taal = regel("Welke taal spreekt deze persoon?", None, 80)
    tolk_nodig = BooleanField("Deze persoon heeft een tolk nodig")

    def validate_rol(self, field):
        if field.data not in CLIENT_ROLLEN:
            raise ValidationError("Kies een rol uit de lijst.")

    def validate_geslacht(self, field):
        if field.data not in GESLACHTEN:
            raise ValidationError("Kies een geslacht uit de lijst.")

    def validate_postcode(self, field):
        code = (field.data or "").strip()
        field.data = code
        if code and not POSTCODE.fullmatch(code):
            raise ValidationError("Vul een Belgische postcode in van vier cijfers, bijvoorbeeld 3000.")

    # The municipality follows the postcode: resolved by `gemeente_keuze()` in validate().
    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        self.gekozen_gemeente = None
        code = self.postcode.data or ""
        self.zet_opties(None if self.postcode.errors else code)
        if self.postcode.errors or not code:
            return ok
        if len(self.opties) == 1:
            self.gekozen_gemeente = self.opties[0]
        elif len(self.opties) > 1:
            by_id = {str(g.id): g for g in self.opties}
            gekozen = by_id.get(self.gemeente.data or "")
            if gekozen is None:
                self.gemeente.errors = list(self.gemeente.errors) + [
                    f"Postcode {code} heeft meer dan één deelgemeente: kies de juiste deelgemeente."]
                ok = False
            self.gekozen_gemeente = gekozen
        return ok

    def vul_in(self, persoon) -> None:
        """Prefill from a stored person (GET of the edit form)."""
        for naam in PERSOON_VELDEN:
            self[naam].process(None, getattr(persoon, naam))
        self.zet_opties(persoon.postcode, persoon.gemeente_id)

    def waarden(self) -> dict:
        """The model values of a validated form: text stripped, the chosen municipality."""
        values = {}
        for naam in PERSOON_VELDEN:
            data = self[naam].data
            if isinstance(data, str):
                data = data.strip()
            values[naam] = "" if data is None and naam != "geboortedatum" else data
        values["gemeente_id"] = self.gekozen_gemeente.id if self.gekozen_gemeente else None
        if self.gekozen_gemeente or not values["postcode"]:
            values["woonplaats"] = ""  # only kept for an address without a Gemeente row
        return values

    def zet_opties(self, postcode: str | None, gekozen_id=None):
        """The deelgemeente choices for the postcode (also for re-rendering a form)."""
        self.opties = Gemeente.for_postcode(postcode or "") if postcode and POSTCODE.fullmatch(postcode) else []
        self.gemeente.choices = [("", "Kies de deelgemeente")] + [(str(g.id), g.label) for g in self.opties]
        if gekozen_id is not None:
            self.gemeente.data = str(gekozen_id)



# ---------------------------------------------------------------- the steps, in order
# (slug, title, form) in the order of the form; the slug is the step's URL part.
STAPPEN = [
    ("aanmelder", "Wie meldt aan", AanmelderForm),
    ("gebeurd", "Wat is er gebeurd", GebeurdForm),
    ("clientsysteem", "Het cliëntsysteem", None),
    ("hulp", "Hulpverlening tot nu", HulpForm),
    ("criteria", "Criteria en uw vraag", CriteriaForm),
    ("veiligheid", "Toestemming en veiligheid", VeiligheidForm),
    ("controle", "Controleer uw antwoorden", None),
]
STAP_INDEX = {slug: i for i, (slug, _, _) in enumerate(STAPPEN)}
FORMS = {slug: form for slug, _, form in STAPPEN if form}


# ---------------------------------------------------------------- the police inflow
MAX_POLITIE_PERSONEN = 12


class PolitiePersoonForm(Form):
    """A person of the short police form (a block of KortForm: no CSRF of its own)."""
    rol = SelectField("Rol", choices=[("", "Kies een rol")] + ClientRol.choices(),
                      validate_choice=False)
    voornaam = StringField("Voornaam")
    achternaam = StringField("Achternaam")
    geboortedatum = DatumField("Geboortedatum", voorbeeld="17 4 1979", bereik=False)
    postcode = StringField("Postcode van de woonplaats")

    @property
    def leeg(self) -> bool:
        return not any(any(f.raw.values()) if isinstance(f, DatumField) else (f.data or "").strip()
                       for f in self)


def _meld(form, fouten: dict[str, str]) -> None:
    """Put the messages of a police check beside their fields (after a field's own error)."""
    for naam, bericht in fouten.items():
        if not form[naam].errors:
            form[naam].errors.append(bericht)


class KortForm(FlaskForm):
    """The short police form: one intervention, checked by the rules of the CSV import
    (politie.controleer_feit / controleer_persoon). After validate(), `gegevens` holds the
    arguments of politie.kort_indienen."""
    pv_nummer = StringField("PV-nummer")
    datum_feit = DatumField("Datum van de feiten", voorbeeld="14 3 2026", bereik=False)
    vormen = MultiCheckboxField("Vorm van intrafamiliaal geweld", choices=IfgVorm.choices(),
                                fout="Kies een vorm uit de lijst.")
    omschrijving = TextAreaField("Wat is er gebeurd?", validators=[
        DataRequired("Beschrijf kort wat er gebeurd is.")])
    personen = FieldList(FormField(PolitiePersoonForm), min_entries=3,
                         max_entries=MAX_POLITIE_PERSONEN)

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        op = vandaag()
        feit = politie.controleer_feit(self.pv_nummer.data, self.datum_feit.data, self.vormen.data,
                                       self.omschrijving.data, vandaag=op)
        _meld(self, feit.fouten)
        pv = feit.waarden["pv_nummer"]
        if not self.pv_nummer.errors and politie.al_aangemeld(pv):
            self.pv_nummer.errors.append("Dit PV-nummer werd al aangemeld. Een PV wordt maar "
                                         "één keer aangemeld; controleer het nummer.")
        ingevuld = [e.form for e in self.personen if not e.form.leeg]
        personen = []
        for p in ingevuld:
            persoon = politie.controleer_persoon(p.rol.data, p.voornaam.data, p.achternaam.data,
                                                 p.geboortedatum.data, p.postcode.data, vandaag=op)
            _meld(p, persoon.fouten)
            personen.append(persoon.waarden)
        eerste = self.personen.entries[0].form
        if not ingevuld:
            eerste.voornaam.errors.append("Vul minstens het slachtoffer in.")
        elif not politie.heeft_slachtoffer(p["rol"] for p in personen):
            ingevuld[0].rol.errors.append(politie.GEEN_SLACHTOFFER)
        self.gegevens = dict(pv=pv, datum_feit=feit.waarden["datum_feit"],
                             vormen=feit.waarden["vormen"],
                             omschrijving=feit.waarden["omschrijving"], personen=personen)
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
