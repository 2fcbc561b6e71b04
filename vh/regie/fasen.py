"""The phases of the casusregie that move: kennismaking → vraagverduidelijking → plan van aanpak
→ uitvoering en opvolging → afronding (in wacht) → afgesloten. Every step is a `workflow` action
applied by `transitions.voer_uit` (checked, stamped in Overgang, audited); this adds which of
them the regie screens offer and the one condition of its own: a new concern during afronding
restarts uitvoering only with a toelichting."""
from __future__ import annotations

from vh import transitions, workflow
from vh.keuzes import Fase
from vh.models import Dossier, Overgang
from vh.workflow import WorkflowError

# The transitions the regisseur makes on the checklist screen, in the order of the process.
# (afsluiten has its closing checklist, heropenen is the coordinator's: see afsluiting.py.)
REGIE_ACTIES = ("vraagverduidelijking", "plan_van_aanpak", "uitvoering", "afronding")
KNOPPEN = {
    "vraagverduidelijking": "Naar vraagverduidelijking",
    "plan_van_aanpak": "Naar plan van aanpak",
    "uitvoering": "Naar uitvoering en opvolging",
    "afronding": "Naar afronding (in wacht)",
}
# The step that follows each phase on the screen (shown with the workflow's reason when refused).
VOLGENDE = {Fase.KENNISMAKING: "vraagverduidelijking", Fase.VRAAGVERDUIDELIJKING: "plan_van_aanpak",
            Fase.PLAN_VAN_AANPAK: "uitvoering", Fase.UITVOERING: "afronding"}
NIEUWE_ZORG = "Beschrijf de nieuwe zorg: waarom start de uitvoering opnieuw?"
TOELICHTING_MAX = 2000


def nieuwe_zorg(dossier: Dossier, actie: str) -> bool:
    """Is `actie` the restart of uitvoering after a new concern during afronding?"""
    return actie == "uitvoering" and dossier.fase == Fase.AFRONDING


def ga_naar(dossier: Dossier, actie: str, user, toelichting: str = "",
            acties: tuple[str, ...] = REGIE_ACTIES) -> Overgang:
    """Move `dossier` with `actie` (one of `acties`); raises WorkflowError with the Dutch reason
    when it is not one of them, when the workflow refuses it, or when a restart of uitvoering
    from afronding has no toelichting."""
    if actie not in acties:
        raise WorkflowError("Deze stap bestaat niet in de casusregie.")
    toelichting = (toelichting or "").strip()
    if len(toelichting) > TOELICHTING_MAX:
        raise WorkflowError(f"De toelichting is te lang: gebruik hoogstens {TOELICHTING_MAX} tekens.")
    if nieuwe_zorg(dossier, actie) and not toelichting:
        workflow.check(dossier.toestand(), actie)  # the phase's own reason first
        raise WorkflowError(NIEUWE_ZORG)
    return transitions.voer_uit(dossier, actie, user, toelichting=toelichting)


def knoppen(dossier: Dossier, toestand: workflow.Toestand | None = None) -> dict:
    """What the screen offers: {"knoppen": [(actie, label)] the workflow allows now,
    "volgende": (label, reason) for the natural next step when it is refused, else None}."""
    toestand = toestand or dossier.toestand()
    mogelijk = workflow.allowed(toestand)
    result = [(a, KNOPPEN[a]) for a in REGIE_ACTIES if a in mogelijk]
    volgende = VOLGENDE.get(dossier.fase)
    geweigerd = None
    if volgende and volgende not in mogelijk:
        try:
            workflow.check(toestand, volgende)
        except WorkflowError as error:
            geweigerd = (KNOPPEN[volgende], str(error))
    return {"knoppen": result, "volgende": geweigerd, "afsluiten": "afsluiten" in mogelijk}
