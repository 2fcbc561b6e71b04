"""The non-identifying card of a dossier (domain rule 3): what a partner sees before the parket's
akkoord and after a bezwaar — initials, ages and roles, the municipality and the forms of
violence; no names, no birth dates, no addresses, no free text.

Whether a user gets the card or the full dossier is `access.identificerend` (the rule of
"dossier.identificerend"); the partial `dossiers/_kaart.html` shows it."""
from __future__ import annotations

from dataclasses import dataclass, field

from vh.keuzes import ClientRol, IfgVorm, ParketUitkomst
from vh.models import Dossier, Parketcheck, Persoon


@dataclass(frozen=True)
class KaartPersoon:
    initialen: str
    rol: str
    leeftijd: int | None


@dataclass(frozen=True)
class Kaart:
    nummer: str
    waarom: str
    personen: list[KaartPersoon] = field(default_factory=list)
    gemeente: str = ""
    vormen: list[str] = field(default_factory=list)


def waarom(check: Parketcheck | None) -> str:
    if check is not None and check.uitkomst == ParketUitkomst.BEZWAAR:
        return ("Het parket maakte bezwaar: er wordt geen informatie over dit gezin gedeeld. "
                "U ziet alleen een niet-identificerende kaart.")
    return ("Het parket gaf (nog) geen akkoord: u ziet alleen een niet-identificerende kaart "
            "(initialen, leeftijden, gemeente en vormen van geweld).")


def kaart(dossier: Dossier, personen: list[Persoon], check: Parketcheck | None) -> Kaart:
    """The card of `dossier` from its persons (with their Gemeente loaded, as Persoon.van does)."""
    gemeente = Persoon.woonplaats_uit(personen)
    return Kaart(nummer=dossier.nummer, waarom=waarom(check),
                 personen=[KaartPersoon(p.initialen, ClientRol.label_van(p.rol), p.leeftijd()) for p in personen],
                 gemeente=gemeente.gemeente if gemeente else "",
                 vormen=[IfgVorm.label_van(v) for v in dossier.vormen])
