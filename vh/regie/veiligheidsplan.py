"""The veiligheidsplan (issue 9, item 7): written with the family, versioned, and printed or
downloaded as a copy "for the family" that holds only what its readers may see.

A new version is a new row with the next `nummer`, prefilled from the last one. The form carries
the number it started from (`basis`); saving when another version was saved meanwhile, or two
saves at once (the unique (dossier, nummer) index), is a VeiligheidsplanConflict (409).

The copy for the family (`exemplaar`) — the one rule, also written in
templates/regie/_veiligheidsplan_exemplaar.html:
  - it always holds the shared parts: the worry in the family's own words, the signals, the
    agreements, who monitors and the evaluation date, and the help lines;
  - of "wat doe ik als het gebeurt" only the parts of its readers (the persons it is for);
  - the safe persons and safe places only when none of its readers is (also) pleger: a copy for
    the pleger, alone or together with others, never tells where the victim finds safety.
"""
from __future__ import annotations

import datetime as dt

from flask import render_template
from peewee import IntegrityError

from vh import audit
from vh.db import db
from vh.keuzes import ClientRol
from vh.models import Persoon, User, Veiligheidsplan, VeiligheidsplanPersoon
from vh.workflow import CASUSREGIE

VELDEN = ("zorg", "signalen", "veilige_personen", "veilige_plaatsen", "afspraken", "opvolging",
          "evaluatie_op")
NIET_IN_REGIE = "Dit dossier is niet (meer) in casusregie: het veiligheidsplan kan niet meer wijzigen."
PLEGER_ROLLEN = frozenset({ClientRol.PLEGER, ClientRol.SLACHTOFFER_EN_PLEGER})


class VeiligheidsplanError(Exception):
    """A refused save; str(error) is the Dutch message, `veld` the field it belongs beside."""

    def __init__(self, message: str, veld: str | None = None):
        super().__init__(message)
        self.veld = veld


class VeiligheidsplanConflict(Exception):
    """Someone saved a version since this form was opened; `laatste` is that version."""

    def __init__(self, laatste: Veiligheidsplan | None):
        wie = f" door {laatste.auteur.naam}" if laatste is not None else ""
        nummer = laatste.nummer if laatste is not None else "?"
        super().__init__(f"Intussen werd versie {nummer} van het veiligheidsplan bewaard{wie}. "
                         "Uw wijzigingen zijn niet bewaard. Lees die versie en pas ze zo nodig aan.")
        self.laatste = laatste


# ---------------------------------------------------------------- reading
def laatste(dossier) -> Veiligheidsplan | None:
    return (Veiligheidsplan.select(Veiligheidsplan, User).join(User)
            .where(Veiligheidsplan.dossier == dossier.id)
            .order_by(Veiligheidsplan.nummer.desc()).first())


def versie(dossier, nummer: int) -> Veiligheidsplan | None:
    return (Veiligheidsplan.select(Veiligheidsplan, User).join(User)
            .where((Veiligheidsplan.dossier == dossier.id) & (Veiligheidsplan.nummer == nummer)).first())


def versies(dossier) -> list[Veiligheidsplan]:
    """Every version, newest first, with its author (one query)."""
    return list(Veiligheidsplan.select(Veiligheidsplan, User).join(User)
                .where(Veiligheidsplan.dossier == dossier.id).order_by(Veiligheidsplan.nummer.desc()))


def personen(dossier) -> list[Persoon]:
    return list(Persoon.van(dossier=dossier))


def wat_doen(vp: Veiligheidsplan | None) -> dict[int, str]:
    """{persoon_id: what that person does} of one version (one query)."""
    if vp is None:
        return {}
    return dict(VeiligheidsplanPersoon.select(VeiligheidsplanPersoon.persoon, VeiligheidsplanPersoon.wat_doen)
                .where(VeiligheidsplanPersoon.plan == vp.id).tuples())


def _inhoud(vp: Veiligheidsplan | None, per_persoon: dict[int, str]) -> dict:
    if vp is None:
        return {}
    values = {veld: getattr(vp, veld) for veld in VELDEN}
    values["wat_doen"] = {str(k): v for k, v in sorted(per_persoon.items())}
    return values


# ---------------------------------------------------------------- writing
def bewaar(dossier, waarden: dict, per_persoon: dict[int, str], basis: int, user) -> Veiligheidsplan:
    """Save a new version (nummer basis + 1) with `waarden` (the fields of VELDEN) and, per person
    of the dossier, what they do. Raises VeiligheidsplanConflict when the last version is no
    longer `basis` (also when another save wins the race), VeiligheidsplanError for a person who
    is not in the dossier."""
    if dossier.fase not in CASUSREGIE:
        raise VeiligheidsplanError(NIET_IN_REGIE)
    bekend = {p.id for p in personen(dossier)}
    if not set(per_persoon) <= bekend:
        raise VeiligheidsplanError("Kies alleen personen van dit dossier.")
    vorige = laatste(dossier)
    if (vorige.nummer if vorige else 0) != basis:
        raise VeiligheidsplanConflict(vorige)
    schoon = {k: (v or "").strip() if isinstance(v, str) else v for k, v in waarden.items() if k in VELDEN}
    teksten = {pid: (t or "").strip() for pid, t in per_persoon.items() if (t or "").strip()}
    try:
        with db.atomic():
            vp = Veiligheidsplan.create(dossier=dossier.id, nummer=basis + 1, auteur=user, **schoon)
            for pid, tekst in sorted(teksten.items()):
                VeiligheidsplanPersoon.create(plan=vp, persoon=pid, wat_doen=tekst)
            audit.record("veiligheidsplan.create", vp, user=user, details={
                "nummer": vp.nummer,
                "wijzigingen": audit.changes(_inhoud(vorige, wat_doen(vorige)), _inhoud(vp, teksten))})
    except IntegrityError:
        raise VeiligheidsplanConflict(laatste(dossier)) from None
    return vp


def startwaarden(vorige: Veiligheidsplan | None) -> dict:
    """The form of a new version, prefilled from the last one."""
    if vorige is None:
        return {}
    return {veld: getattr(vorige, veld) for veld in VELDEN}


# ---------------------------------------------------------------- the copy for the family
def is_pleger(p: Persoon) -> bool:
    return p.rol in PLEGER_ROLLEN


def lezers_van(dossier, ids) -> list[Persoon]:
    """The persons of the dossier among `ids` (others are ignored), in the dossier's order."""
    gekozen = {int(i) for i in ids if str(i).isdigit()}
    return [p for p in personen(dossier) if p.id in gekozen]


def exemplaar(vp: Veiligheidsplan, lezers: list[Persoon]) -> dict:
    """What the copy of `vp` for `lezers` holds (the rule of the module docstring)."""
    voor_pleger = any(is_pleger(p) for p in lezers)
    per_persoon = wat_doen(vp)
    return dict(plan=vp, lezers=lezers, voor_pleger=voor_pleger,
                wat_doen=[(p, per_persoon[p.id]) for p in lezers if per_persoon.get(p.id)],
                veilige_personen="" if voor_pleger else vp.veilige_personen,
                veilige_plaatsen="" if voor_pleger else vp.veilige_plaatsen)


def exemplaar_html(vp: Veiligheidsplan, lezers: list[Persoon], datum: dt.date) -> str:
    """The copy as an HTML fragment (<article class="letter">), for the print view and the PDF."""
    from vh.triage.brieven import briefhoofd
    d = vp.dossier
    return render_template("regie/_veiligheidsplan_exemplaar.html", hoofd=briefhoofd(d.team),
                           regisseur=d.regisseur, datum=datum, **exemplaar(vp, lezers))


def pdf(vp: Veiligheidsplan, lezers: list[Persoon], datum: dt.date) -> bytes:
    """The copy as PDF (WeasyPrint), from the same HTML and stylesheet as the print view."""
    from weasyprint import HTML

    from vh.triage.brieven import STATIC, _alleen_stylesheet
    html = render_template("regie/veiligheidsplan_pdf.html", inhoud=exemplaar_html(vp, lezers, datum))
    return HTML(string=html, base_url=STATIC.as_uri() + "/", url_fetcher=_alleen_stylesheet()).write_pdf()
