"""Every fixed choice of vh in one place: phases, statuses, outcomes and the reference lists of
domain.md §6, each value with its Dutch label. Pure Python (no Flask, no database), so the pure
`workflow` can use it as well as the models, the forms and the templates.

Each list is a `StrEnum`: a member *is* its stored string (`Fase.NIEUW == "nieuw"`), so columns,
templates, JSON and old string comparisons keep working, while code can name the value.

    Fase.NIEUW.label          → "Nieuw"
    Fase.label_van("nieuw")   → "Nieuw" (an unknown value is shown as it is)
    Fase.labels()             → {"nieuw": "Nieuw", ...}  (the old FASEN dict)
    Fase.choices()            → [("nieuw", "Nieuw"), ...] (WTForms `choices`)
"""
from __future__ import annotations

import enum


class Keuze(enum.StrEnum):
    """A StrEnum whose members are declared as `NAAM = "waarde", "Dutch label"`."""

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self) -> str:
        return self._label

    @classmethod
    def labels(cls) -> dict[str, str]:
        """{value: label} in declaration order, with plain-string keys."""
        return {m.value: m.label for m in cls}

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """[(value, label), ...] for a WTForms SelectField or RadioField."""
        return [(m.value, m.label) for m in cls]

    @classmethod
    def label_van(cls, value: str | None, default: str | None = None) -> str:
        """The label of `value`; an unknown value (old data) is shown as itself."""
        try:
            return cls(value).label
        except ValueError:
            return default if default is not None else (value or "")


# ---------------------------------------------------------------- the dossier and its outcomes
class Fase(Keuze):
    """The phases of a dossier, in the order of the process (see vh/workflow.py)."""
    NIEUW = "nieuw", "Nieuw"
    PARKETCHECK = "parketcheck", "Wacht op parket"
    TE_BESPREKEN = "te_bespreken", "Te bespreken"
    DOSSIERVORMING = "dossiervorming", "Besproken / dossiervorming"
    KENNISMAKING = "kennismaking", "Kennismaking"
    VRAAGVERDUIDELIJKING = "vraagverduidelijking", "Vraagverduidelijking"
    PLAN_VAN_AANPAK = "plan_van_aanpak", "Plan van aanpak en regie"
    UITVOERING = "uitvoering", "Uitvoering en opvolging"
    AFRONDING = "afronding", "Afronding (in wacht)"
    AFGESLOTEN = "afgesloten", "Afgesloten"


class ParketUitkomst(Keuze):
    AKKOORD = "akkoord", "Akkoord"
    BEPERKINGEN = "beperkingen", "Akkoord met beperkingen"
    BEZWAAR = "bezwaar", "Bezwaar"


class BesluitUitkomst(Keuze):
    ADVIES = "advies", "Advies (geen actief aanbod)"
    SPOOR2 = "spoor2", "Spoor 2: casusondersteuning"
    SPOOR3 = "spoor3", "Spoor 3: intensieve casusregie"
    NIET_ONTVANKELIJK = "niet_ontvankelijk", "Niet ontvankelijk (advies)"


# ---------------------------------------------------------------- the referral
class AanmeldingStatus(Keuze):
    """A draft ('concept') is visible only to its author (domain rule 1)."""
    CONCEPT = "concept", "Concept"
    INGEDIEND = "ingediend", "Ingediend"
    ONTVANKELIJK = "ontvankelijk", "Ontvankelijk"
    NIET_ONTVANKELIJK = "niet_ontvankelijk", "Niet ontvankelijk"


class Bron(Keuze):
    """How a referral reached the Veilig Huis."""
    FORMULIER = "formulier", "Formulier"
    POLITIE_KORT = "politie-kort", "Politie"
    POLITIE_INSTROOM = "politie-instroom", "Politie (instroom)"


# ---------------------------------------------------------------- reference lists (domain.md §6)
class Rol(Keuze):
    """What a user may do (access.py); a user holds one or more."""
    AANMELDER = "aanmelder", "Aanmelder"
    COORDINATOR = "coordinator", "Coördinator"
    PARKET = "parket", "Parket"
    KERNPARTNER = "kernpartner", "Kernpartner"
    REGISSEUR2 = "regisseur2", "Casusregisseur spoor 2"
    REGISSEUR3 = "regisseur3", "Casusregisseur spoor 3"
    PARTNER = "partner", "Partner"
    BEHEERDER = "beheerder", "Functioneel beheerder"
    DPO = "dpo", "DPO / auditor"


class OrganisatieType(Keuze):
    POLITIE = "politie", "Politie"
    PARKET = "parket", "Parket"
    JUSTITIEHUIS = "justitiehuis", "Justitiehuis"
    CAW = "caw", "CAW"
    OCMW = "ocmw", "OCMW"
    GGZ = "ggz", "GGZ / CGG"
    VK = "vk", "Vertrouwenscentrum Kindermishandeling"
    OCJ = "ocj", "OCJ (Opgroeien)"
    SDJ = "sdj", "SDJ (Opgroeien)"
    LOKAAL_BESTUUR = "lokaal_bestuur", "Lokaal bestuur"
    HUISARTS = "huisarts", "Huisarts"
    ONDERWIJS = "onderwijs", "Onderwijs"
    VEILIG_HUIS = "veilig_huis", "Veilig Huis"
    ANDERE = "andere", "Andere"


class IfgVorm(Keuze):
    """Forms of intrafamilial violence."""
    PARTNERGEWELD = "partnergeweld", "Partnergeweld"
    KINDERMISHANDELING = "kindermishandeling", "Kindermishandeling"
    BELAGING = "belaging", "Belaging"
    OUDERENMISBEHANDELING = "ouderenmis(be)handeling", "Ouderenmis(be)handeling"
    SIBLINGGEWELD = "siblinggeweld", "Siblinggeweld"
    EERGERELATEERD_GEWELD = "eergerelateerd geweld", "Eergerelateerd geweld"


class Geweldsvorm(Keuze):
    FYSIEK = "fysiek", "Fysiek"
    PSYCHISCH = "psychisch", "Psychisch"
    SEKSUEEL = "seksueel", "Seksueel"
    ECONOMISCH = "economisch", "Economisch"


class ClientRol(Keuze):
    """The role of a person in the cliëntsysteem."""
    SLACHTOFFER = "slachtoffer", "Slachtoffer"
    PLEGER = "pleger", "Pleger"
    SLACHTOFFER_EN_PLEGER = "slachtoffer én pleger", "Slachtoffer én pleger"
    KIND_SLACHTOFFER = "kind-slachtoffer", "Kind-slachtoffer"
    KIND_GETUIGE = "kind-getuige", "Kind-getuige"
    FAMILIE = "familie", "Familie"
    BETROKKEN_DERDE = "betrokken derde", "Betrokken derde"


class Geslacht(Keuze):
    VROUW = "v", "Vrouw"
    MAN = "m", "Man"
    X = "x", "X / anders"
    ONBEKEND = "", "Onbekend"


# ---------------------------------------------------------------- casusregie
class Niveau(Keuze):
    """The level of a judgement of the risk analysis (veiligheid nu, risico op termijn)."""
    LAAG = "laag", "Laag"
    VERHOOGD = "verhoogd", "Verhoogd"
    HOOG = "hoog", "Hoog"
    ACUUT = "acuut", "Acuut"


class LogboekSoort(Keuze):
    HUISBEZOEK = "huisbezoek", "Huisbezoek"
    GESPREK = "gesprek", "Gesprek"
    TELEFOON = "telefoon", "Telefoon"
    EMAIL = "email", "E-mail"
    OVERLEG = "overleg", "Overleg"
    ANDERE = "andere", "Andere"


class DoelStatus(Keuze):
    LOPEND = "lopend", "Lopend"
    BEREIKT = "bereikt", "Bereikt"
    BIJGESTELD = "bijgesteld", "Bijgesteld"
    GESCHRAPT = "geschrapt", "Geschrapt"


class ActieStatus(Keuze):
    OPEN = "open", "Open"
    BEZIG = "bezig", "Bezig"
    UITGEVOERD = "uitgevoerd", "Uitgevoerd"
    NIET_GELUKT = "niet_gelukt", "Niet gelukt"


OPEN_ACTIE_STATUSSEN = frozenset({ActieStatus.OPEN, ActieStatus.BEZIG})


class NietGeluktReden(Keuze):
    """Why an action did not succeed; the zorgoverleg agenda sorts by it."""
    GEWIJZIGDE_OMSTANDIGHEDEN = "gewijzigde_omstandigheden", "Gewijzigde omstandigheden"
    NIET_GEDAAN = "niet_gedaan", "Niet gedaan"


class Afsluitreden(Keuze):
    DOELEN_BEREIKT = "doelen_bereikt", "Doelstellingen bereikt"
    VERHUISD = "verhuisd", "Gezin verhuisd"
    WEIGERT = "weigert", "Gezin weigert verdere regie"
    OVERGEDRAGEN = "overgedragen", "Overgedragen aan een andere dienst"
    ANDERE = "andere", "Andere reden"


# ---------------------------------------------------------------- notifications by e-mail
class MeldingSoort(Keuze):
    """What an e-mail of the outbox (vh/meldingen) is about."""
    ONTVANGEN = "ontvangen", "Ontvangstbevestiging van een aanmelding"
    IMPORT_ONTVANGEN = "import_ontvangen", "Ontvangstbevestiging van een politie-import"
    NIEUWE_AANMELDING = "nieuwe_aanmelding", "Nieuwe aanmelding voor het team"
    PARKETVRAAG = "parketvraag", "Nieuwe vraag aan het parket"
    BESLUIT = "besluit", "Besluit over een aanmelding"
    BRIEF = "brief", "Adviesbrief beschikbaar"
    REGIE = "regie", "Nieuw dossier in casusregie"
    ACTIE = "actie", "Actie toegewezen aan de organisatie"
    DAGOVERZICHT = "dagoverzicht", "Dagoverzicht"


class MeldingVoorkeur(Keuze):
    """How a user wants the notifications that may wait (MELDING_BUNDELBAAR)."""
    DIRECT = "direct", "Meteen: één e-mail per melding"
    DAGELIJKS = "dagelijks", "Eén keer per dag: alles samen in een dagoverzicht"


# The kinds a user may have bundled into the daily overview; the others always go at once.
MELDING_BUNDELBAAR = frozenset({MeldingSoort.NIEUWE_AANMELDING, MeldingSoort.PARKETVRAAG,
                                MeldingSoort.ACTIE})


SLACHTOFFER_ROLLEN = frozenset({ClientRol.SLACHTOFFER, ClientRol.SLACHTOFFER_EN_PLEGER,
                                ClientRol.KIND_SLACHTOFFER})
KIND_ROLLEN = frozenset({ClientRol.KIND_SLACHTOFFER, ClientRol.KIND_GETUIGE})

# The {value: label} dicts the code and templates have always used, derived from the enums.
FASEN = Fase.labels()
PARKET_UITKOMSTEN = ParketUitkomst.labels()
BESLUIT_UITKOMSTEN = BesluitUitkomst.labels()
AANMELDING_STATUSSEN = AanmeldingStatus.labels()
BRONNEN = Bron.labels()
ROLLEN = Rol.labels()
ORGANISATIE_TYPES = OrganisatieType.labels()
IFG_VORMEN = IfgVorm.labels()
GEWELDSVORMEN = Geweldsvorm.labels()
CLIENT_ROLLEN = ClientRol.labels()
GESLACHTEN = Geslacht.labels()
MELDING_SOORTEN = MeldingSoort.labels()
