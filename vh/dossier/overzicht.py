"""The dossier page as a task list (ui.md): what has been done, what is next, who must do it.

`gegevens(dossier, user)` loads what the page shows in a bounded number of queries;
`volgende_stap()` decides the next action and whether this user gets its button."""
from __future__ import annotations

from peewee import JOIN

from vh import access
from vh.models import (
    Aanmelding,
    Besluit,
    Bijdrage,
    Dossier,
    Gemeente,
    Organisatie,
    Overgang,
    Parketcheck,
    Persoon,
    User,
)
from vh.parket.parketcheck import parket_zonder_account, wacht, wacht_dagen_max
from vh.templating import dagen_sinds
from vh.workflow import CASUSREGIE, FASEN, OVERGANGEN, TRIAGE, allowed

from . import doorlooptijden
from .gevoelig import BEZWAAR_TEKST
from .kaart import kaart

OVERGANG_LABELS = {"openen": "Dossier geopend", **{k: v[2] for k, v in OVERGANGEN.items()},
                   "opschalen": "Opgeschaald naar spoor 3", "afschalen": "Afgeschaald naar spoor 2"}


def volgende_stap(dossier: Dossier, check: Parketcheck | None, user) -> dict:
    """The next action: what, who, and the button if this user may do it."""
    fase = dossier.fase
    if fase == "nieuw":
        if dossier.team.parket_pauze:
            return dict(titel="Wacht tot het parket weer deelneemt", wie="Coördinator",
                        uitleg="Het parket neemt tijdelijk niet deel. Zodra het weer deelneemt, "
                               "vraagt u hier de parketcheck aan.")
        coordinator = access.can(user, "parketcheck.request", dossier)
        return dict(titel="Vraag de parketcheck aan", wie="Coördinator",
                    uitleg="Het parket beslist of er in dit dossier informatie gedeeld mag worden.",
                    actie="parket_vragen" if coordinator else None,
                    waarschuwing=parket_zonder_account(dossier.team) if coordinator else None)
    if fase == "parketcheck":
        w = wacht(check) if check else {"dagen": 0, "te_lang": False}
        return dict(titel="Wacht op antwoord van het parket", wie="Parket", wacht=w,
                    uitleg="Zonder akkoord van het parket deelt niemand informatie over dit dossier.",
                    waarschuwing=parket_zonder_account(dossier.team)
                    if access.can(user, "parketcheck.request", dossier) else None)
    if fase in TRIAGE:
        return _triage_stap(dossier, check, user)
    if fase in CASUSREGIE:
        regisseur = dossier.regisseur.naam if dossier.regisseur_id else "nog niet toegewezen"
        return dict(titel=f"Casusregie: {FASEN[fase].lower()}", wie=f"Casusregisseur: {regisseur}",
                    uitleg="", actie="regie" if access.can(user, "regie.lezen", dossier) else None)
    return dict(titel="Dossier afgesloten", wie="", uitleg=dossier.afsluitreden or "")


def _triage_stap(dossier: Dossier, check: Parketcheck | None, user) -> dict:
    besluit = "besluit" if access.can(user, "besluit.create", dossier) else None
    if "parket_vragen" in allowed(dossier.toestand(check)):  # to the triage during a pause
        return dict(titel="Vraag de parketcheck aan", wie="Coördinator",
                    uitleg="Het dossier kwam op de agenda zonder parketcheck, toen het parket tijdelijk niet "
                           "deelnam. Zonder akkoord zien de partners alleen een niet-identificerende kaart.",
                    actie="parket_vragen" if access.can(user, "parketcheck.request", dossier) else None)
    if check and check.uitkomst == "bezwaar":
        return dict(titel="Neem het besluit: alleen advies is mogelijk", wie="Coördinator",
                    uitleg="Het parket maakte bezwaar. " + BEZWAAR_TEKST, actie=besluit)
    if dossier.fase == "te_bespreken":
        return dict(titel="Klaar voor het triage-overleg", wie="Coördinator en kernpartners",
                    uitleg="Zet het dossier op de agenda van het volgende overleg.", actie=besluit)
    return dict(titel="Besproken: neem het besluit", wie="Coördinator en kernpartners",
                uitleg="Advies, spoor 2 (alleen in een pilootzone) of spoor 3.", actie=besluit)


def gegevens(dossier: Dossier, user) -> dict:
    """Everything the dossier page shows besides the frame (banners, header), in seven queries."""
    personen = list(Persoon.select(Persoon, Gemeente).join(Gemeente, JOIN.LEFT_OUTER)
                    .where(Persoon.dossier == dossier.id).order_by(Persoon.geboortedatum, Persoon.id))
    aanmeldingen = list(Aanmelding.select(Aanmelding, Organisatie)
                        .join(Organisatie, JOIN.LEFT_OUTER, on=(Aanmelding.organisatie == Organisatie.id))
                        .where(Aanmelding.dossier == dossier.id).order_by(Aanmelding.ingediend_op))
    Gevraagd, Beantwoord = User.alias(), User.alias()
    checks = list(Parketcheck.select(Parketcheck, Gevraagd, Beantwoord)
                  .join(Gevraagd, on=(Parketcheck.gevraagd_door == Gevraagd.id))
                  .switch(Parketcheck)
                  .join(Beantwoord, JOIN.LEFT_OUTER, on=(Parketcheck.beantwoord_door == Beantwoord.id))
                  .where(Parketcheck.dossier == dossier.id).order_by(Parketcheck.gevraagd_op, Parketcheck.id))
    overgangen = list(Overgang.select(Overgang, User)
                      .join(User, JOIN.LEFT_OUTER, on=(Overgang.door == User.id))
                      .where(Overgang.dossier == dossier.id).order_by(Overgang.op, Overgang.id))
    bijdragen = list(Bijdrage.select(Bijdrage, User, Organisatie)
                     .join(User, on=(Bijdrage.auteur == User.id))
                     .switch(Bijdrage)
                     .join(Organisatie, JOIN.LEFT_OUTER, on=(Bijdrage.organisatie == Organisatie.id))
                     .where((Bijdrage.dossier == dossier.id) & Bijdrage.actueel)
                     .order_by(Bijdrage.aangemaakt_op, Bijdrage.id))
    besluiten = list(Besluit.select().where(Besluit.dossier == dossier.id).order_by(Besluit.beslist_op))
    check = checks[-1] if checks else None
    identificerend = access.can(user, "dossier.identificerend", dossier)
    return dict(
        stap=volgende_stap(dossier, check, user),
        # Without the parket's akkoord (or after a bezwaar) a partner gets the card, not the persons.
        personen=personen if identificerend else [], kaart=None if identificerend else kaart(dossier, personen, check),
        bijdragen=bijdragen if identificerend else [], aanmeldingen=aanmeldingen,
        checks=checks, overgangen=overgangen, besluiten=besluiten,
        doorlooptijden=doorlooptijden.stappen(doorlooptijden.momenten(dossier, aanmeldingen, overgangen)),
        max_dagen=wacht_dagen_max(), overgang_labels=OVERGANG_LABELS,
        dagen_in_fase=dagen_sinds(dossier.fase_sinds))


def aanmeldingen(dossier: Dossier) -> dict:
    """The referrals of the dossier with their organisation and persons, in two queries."""
    rijen = list(Aanmelding.select(Aanmelding, Organisatie)
                 .join(Organisatie, JOIN.LEFT_OUTER, on=(Aanmelding.organisatie == Organisatie.id))
                 .where(Aanmelding.dossier == dossier.id).order_by(Aanmelding.ingediend_op, Aanmelding.id))
    personen: dict[int, list[Persoon]] = {a.id: [] for a in rijen}
    if rijen:
        for p in Persoon.van(aanmelding=[a.id for a in rijen]):
            personen[p.aanmelding_id].append(p)
    return dict(aanmeldingen=[(a, personen[a.id]) for a in rijen])
