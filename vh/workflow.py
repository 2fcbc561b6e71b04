"""Dossier phases and the transitions allowed between them. Pure Python: no Flask, no database.

A transition is asked for by name (`actie`). `check()` returns the phase it leads to or raises
WorkflowError with a Dutch message saying why not, whatever route the request came by (form,
htmx or a crafted POST). vh/transitions.py applies it to a dossier and stamps it.
"""
from __future__ import annotations

from dataclasses import dataclass

from vh.keuzes import BESLUIT_UITKOMSTEN, FASEN, PARKET_UITKOMSTEN, Fase, ParketUitkomst

__all__ = ["BESLUIT_UITKOMSTEN", "CASUSREGIE", "FASEN", "OVERGANGEN", "PARKET_UITKOMSTEN", "TRIAGE",
           "VOOR_BESLUIT", "Toestand", "WorkflowError", "allowed", "check", "check_bijdrage",
           "identificerend_delen"]

# The phases and outcomes with their labels are vh.keuzes' Fase, ParketUitkomst and
# BesluitUitkomst; FASEN, PARKET_UITKOMSTEN and BESLUIT_UITKOMSTEN are their {value: label} dicts.
VOOR_BESLUIT = (Fase.NIEUW, Fase.PARKETCHECK, Fase.TE_BESPREKEN, Fase.DOSSIERVORMING)
TRIAGE = (Fase.TE_BESPREKEN, Fase.DOSSIERVORMING)
CASUSREGIE = (Fase.KENNISMAKING, Fase.VRAAGVERDUIDELIJKING, Fase.PLAN_VAN_AANPAK, Fase.UITVOERING,
              Fase.AFRONDING)


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
    # casusregie (loaded only for dossiers in or after casusregie, see Dossier.toestand)
    spoor: int | None = None
    risicoanalyse: bool = False  # at least one version of the risk analysis exists
    acties: int = 0  # actions in the plan van aanpak
    open_acties: int = 0  # of which still open or bezig

    @property
    def parket_akkoord(self) -> bool:
        return self.parket in (ParketUitkomst.AKKOORD, ParketUitkomst.BEPERKINGEN)


# actie: (allowed from, leads to, label)
OVERGANGEN: dict[str, tuple[tuple[Fase, ...], Fase, str]] = {
    "parket_vragen": ((Fase.NIEUW, *TRIAGE), Fase.PARKETCHECK, "Parketcheck aanvragen"),
    "parket_antwoord": ((Fase.PARKETCHECK,), Fase.TE_BESPREKEN, "Antwoord van het parket"),
    "agenderen": ((Fase.NIEUW,), Fase.TE_BESPREKEN, "Klaarzetten voor triage"),
    "bespreken": ((Fase.TE_BESPREKEN,), Fase.DOSSIERVORMING, "Besproken in het overleg"),
    "besluit_advies": (VOOR_BESLUIT, Fase.AFGESLOTEN, "Besluit: advies"),
    "besluit_spoor2": (TRIAGE, Fase.KENNISMAKING, "Besluit: spoor 2"),
    "besluit_spoor3": (TRIAGE, Fase.KENNISMAKING, "Besluit: spoor 3"),
    "vraagverduidelijking": ((Fase.KENNISMAKING,), Fase.VRAAGVERDUIDELIJKING, "Naar vraagverduidelijking"),
    "plan_van_aanpak": ((Fase.VRAAGVERDUIDELIJKING,), Fase.PLAN_VAN_AANPAK, "Naar plan van aanpak"),
    "uitvoering": ((Fase.PLAN_VAN_AANPAK, Fase.AFRONDING), Fase.UITVOERING, "Naar uitvoering en opvolging"),
    "afronding": ((Fase.UITVOERING,), Fase.AFRONDING, "Naar afronding"),
    "afsluiten": (CASUSREGIE, Fase.AFGESLOTEN, "Dossier afsluiten"),
    "heropenen": ((Fase.AFGESLOTEN,), Fase.UITVOERING, "Dossier heropenen"),
}


def check(toestand: Toestand, actie: str) -> str:
    """The phase `actie` leads to from `toestand`, or WorkflowError saying why not."""
    if actie not in OVERGANGEN:
        raise WorkflowError("Deze stap bestaat niet.")
    van, naar, label = OVERGANGEN[actie]
    if toestand.fase not in van:
        raise WorkflowError(
            f"‘{label}’ kan niet in de fase ‘{Fase.label_van(toestand.fase)}’.")
    if actie == "parket_vragen":
        _check_parket_vragen(toestand)
    if actie == "agenderen" and not toestand.parket_pauze:
        raise WorkflowError("Klaarzetten voor triage zonder parketcheck kan alleen zolang het parket "
                            "tijdelijk niet deelneemt. Vraag eerst de parketcheck aan.")
    if actie in ("besluit_spoor2", "besluit_spoor3"):
        if toestand.parket == ParketUitkomst.BEZWAAR:
            raise WorkflowError("Het parket maakte bezwaar: alleen een advies is mogelijk.")
        if not toestand.parket_akkoord:
            raise WorkflowError("Zonder akkoord van het parket kan het dossier niet in spoor 2 of 3.")
    if actie == "besluit_spoor2" and not toestand.pilootzone:
        raise WorkflowError("Spoor 2 kan alleen als het gezin in een pilootzone woont.")
    _check_regie(toestand, actie)
    return naar


def _check_regie(toestand: Toestand, actie: str) -> None:
    """The conditions of the casusregie steps (the phases themselves are checked by `check`)."""
    if actie == "plan_van_aanpak" and not toestand.risicoanalyse:
        raise WorkflowError("Maak eerst een risicoanalyse: een plan van aanpak steunt erop.")
    if actie == "uitvoering" and toestand.fase == Fase.PLAN_VAN_AANPAK and not toestand.acties:
        raise WorkflowError("Het plan van aanpak heeft nog geen acties: voeg er eerst een toe.")
    if actie in ("afronding", "afsluiten") and toestand.open_acties:
        n = toestand.open_acties
        raise WorkflowError(f"Er {'staat' if n == 1 else 'staan'} nog {n} "
                            f"{'actie' if n == 1 else 'acties'} open. Sluit elke actie af als "
                            "uitgevoerd of niet gelukt, met de reden.")
    if actie == "heropenen" and toestand.spoor is None:
        raise WorkflowError("Alleen een dossier dat in casusregie was, kan heropend worden.")


def _check_parket_vragen(toestand: Toestand) -> None:
    if toestand.parket_pauze:
        raise WorkflowError("Het parket neemt tijdelijk niet deel: er kan nu geen parketcheck gevraagd worden.")
    if toestand.parket is not None:
        raise WorkflowError("Het parket heeft al geantwoord over dit dossier.")


def identificerend_delen(toestand: Toestand) -> bool:
    """May the partners of the triage see who the family is (names, birth dates, the referral's
    text)? Only after the parket's akkoord (with or without restrictions): before it, and after a
    bezwaar, they see the non-identifying card (domain rule 3)."""
    return toestand.parket_akkoord


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
    if toestand.parket == ParketUitkomst.BEZWAAR:
        raise WorkflowError("Het parket maakte bezwaar: er wordt geen informatie gedeeld in dit dossier.")
    if not toestand.parket_akkoord:
        raise WorkflowError("Zonder akkoord van het parket kan er geen informatie gedeeld worden.")
    if toestand.parket_pauze:
        raise WorkflowError("Het parket neemt tijdelijk niet deel: er wordt nu geen nieuwe informatie gedeeld.")
