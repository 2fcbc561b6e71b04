"""Dossier phases and the transitions allowed between them. Pure Python: no Flask, no database.

A transition is asked for by name (`actie`). `check()` returns the phase it leads to or raises
WorkflowError with a Dutch message saying why not, whatever route the request came by (form,
htmx or a crafted POST). vh/transitions.py applies it to a dossier and stamps it.
"""
from __future__ import annotations

from dataclasses import dataclass

FASEN = {
    "nieuw": "Nieuw",
    "parketcheck": "Wacht op parket",
    "te_bespreken": "Te bespreken",
    "dossiervorming": "Besproken / dossiervorming",
    "kennismaking": "Kennismaking",
    "vraagverduidelijking": "Vraagverduidelijking",
    "plan_van_aanpak": "Plan van aanpak en regie",
    "uitvoering": "Uitvoering en opvolging",
    "afronding": "Afronding (in wacht)",
    "afgesloten": "Afgesloten",
}
VOOR_BESLUIT = ("nieuw", "parketcheck", "te_bespreken", "dossiervorming")
TRIAGE = ("te_bespreken", "dossiervorming")
CASUSREGIE = ("kennismaking", "vraagverduidelijking", "plan_van_aanpak", "uitvoering", "afronding")

PARKET_UITKOMSTEN = {
    "akkoord": "Akkoord",
    "beperkingen": "Akkoord met beperkingen",
    "bezwaar": "Bezwaar",
}
BESLUIT_UITKOMSTEN = {
    "advies": "Advies (geen actief aanbod)",
    "spoor2": "Spoor 2: casusondersteuning",
    "spoor3": "Spoor 3: intensieve casusregie",
    "niet_ontvankelijk": "Niet ontvankelijk (advies)",
}


class WorkflowError(Exception):
    """A refused transition; str(error) is the Dutch message for the user."""


@dataclass(frozen=True)
class Toestand:
    """What the rules need to know about a dossier."""
    fase: str
    parket: str | None = None  # None (not asked or no answer yet), akkoord, beperkingen, bezwaar
    pilootzone: bool = False
    parket_pauze: bool = False  # the team's parket does not take part for now
    regisseur: bool = False  # a casusregisseur is assigned

    @property
    def parket_akkoord(self) -> bool:
        return self.parket in ("akkoord", "beperkingen")


# actie: (allowed from, leads to, label)
OVERGANGEN: dict[str, tuple[tuple[str, ...], str, str]] = {
    "parket_vragen": (("nieuw",), "parketcheck", "Parketcheck aanvragen"),
    "parket_antwoord": (("parketcheck",), "te_bespreken", "Antwoord van het parket"),
    "agenderen": (("nieuw",), "te_bespreken", "Klaarzetten voor triage"),
    "bespreken": (("te_bespreken",), "dossiervorming", "Besproken in het overleg"),
    "besluit_advies": (VOOR_BESLUIT, "afgesloten", "Besluit: advies"),
    "besluit_spoor2": (TRIAGE, "kennismaking", "Besluit: spoor 2"),
    "besluit_spoor3": (TRIAGE, "kennismaking", "Besluit: spoor 3"),
    "vraagverduidelijking": (("kennismaking",), "vraagverduidelijking", "Naar vraagverduidelijking"),
    "plan_van_aanpak": (("vraagverduidelijking",), "plan_van_aanpak", "Naar plan van aanpak"),
    "uitvoering": (("plan_van_aanpak", "afronding"), "uitvoering", "Naar uitvoering en opvolging"),
    "afronding": (("uitvoering",), "afronding", "Naar afronding"),
    "afsluiten": (("afronding",), "afgesloten", "Dossier afsluiten"),
}


def check(toestand: Toestand, actie: str) -> str:
    """The phase `actie` leads to from `toestand`, or WorkflowError saying why not."""
    if actie not in OVERGANGEN:
        raise WorkflowError("Deze stap bestaat niet.")
    van, naar, label = OVERGANGEN[actie]
    if toestand.fase not in van:
        raise WorkflowError(
            f"‘{label}’ kan niet in de fase ‘{FASEN.get(toestand.fase, toestand.fase)}’.")
    if actie == "parket_vragen" and toestand.parket_pauze:
        raise WorkflowError("Het parket neemt tijdelijk niet deel: er kan nu geen parketcheck gevraagd worden.")
    if actie in ("besluit_spoor2", "besluit_spoor3"):
        if toestand.parket == "bezwaar":
            raise WorkflowError("Het parket maakte bezwaar: alleen een advies is mogelijk.")
        if not toestand.parket_akkoord:
            raise WorkflowError("Zonder akkoord van het parket kan het dossier niet in spoor 2 of 3.")
    if actie == "besluit_spoor2" and not toestand.pilootzone:
        raise WorkflowError("Spoor 2 kan alleen als het gezin in een pilootzone woont.")
    return naar


def allowed(toestand: Toestand) -> list[str]:
    """The actions that `check` would accept now, in a stable order."""
    result = []
    for actie in OVERGANGEN:
        try:
            check(toestand, actie)
        except WorkflowError:
            continue
        result.append(actie)
    return result


def check_bijdrage(toestand: Toestand) -> None:
    """A partner contribution needs the parket's akkoord, an open triage and a taking-part parket."""
    if toestand.fase not in TRIAGE:
        if toestand.fase in VOOR_BESLUIT:
            raise WorkflowError("Bijdragen kunnen pas als het dossier op de agenda van de triage staat.")
        raise WorkflowError("Over dit dossier is al beslist: er kunnen geen bijdragen meer bij.")
    if toestand.parket == "bezwaar":
        raise WorkflowError("Het parket maakte bezwaar: er wordt geen informatie gedeeld in dit dossier.")
    if not toestand.parket_akkoord:
        raise WorkflowError("Zonder akkoord van het parket kan er geen informatie gedeeld worden.")
    if toestand.parket_pauze:
        raise WorkflowError("Het parket neemt tijdelijk niet deel: er wordt nu geen nieuwe informatie gedeeld.")
