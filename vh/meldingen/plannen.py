"""Planning notifications: every e-mail is a row of the outbox (Melding), written by the rule that
makes the change, inside that rule's own `db.atomic()`, so a change and its notification commit
or roll back together. `flask --app wsgi meldingen` delivers them later (bezorgen.py).

What a mail may say, and nothing more: a fixed Dutch sentence, the referral or dossier number (or
a count), and a link into the application, where access rules decide what the reader sees. No
names, no free text, no details of the violence: the texts below are built from numbers only.

The hooks the rule modules call (each inside its transaction):

    aanmelding_ingediend(a)          indienen.submit: receipt to the referrer + the team's coordinators
    nieuwe_aanmelding(a)             beoordelen.overdragen: the coordinators of the new team
    politie_import(imp, per_team)    politie.importeer: one receipt per CSV import + the coordinators
    parketvraag(check)               parketcheck.vraag_aan: the parket users of the team's arrondissement
    besluit(besluit)                 besluiten.neem_besluit: spoor 2/3 to the referrers, the regisseur
    brief_verzonden(brief)           brieven.verstuur: the advice letter is there, to its addressee
    actie_toegewezen(actie, dossier, pad)   casusregie (to come): an action for a partner organisation

Casusregie calls `actie_toegewezen` from its own rule, in its transaction, e.g.

    with db.atomic():
        actie = Actie.create(..., organisatie=org)
        audit.record("actie.create", actie, ...)
        meldingen.actie_toegewezen(actie, dossier, pad=f"/acties/{actie.id}")

and adds its daily lines (overdue actions per organisation, overdue steps for the regisseur)
with `@dagoverzicht.dagbron("...")` (see dagoverzicht.py).
"""
from __future__ import annotations

import os
from collections.abc import Iterable

from flask import current_app, has_app_context

from vh import config
from vh.db import db
from vh.keuzes import MELDING_BUNDELBAAR, MeldingSoort, MeldingVoorkeur
from vh.models import Aanmelding, Melding, Organisatie, TeamArrondissement, User, UserTeam, utcnow

SLOT = ("Dit is een automatisch bericht van het Veilig Huis; een antwoord op deze e-mail wordt niet "
        "gelezen. Om de betrokkenen te beschermen staan er geen namen of details in deze e-mail: "
        "u leest alles na het inloggen.")


# ---------------------------------------------------------------- the text of a mail
def url(pad: str) -> str:
    """The absolute link of a path of the application (VH_BASE_URL + pad)."""
    basis = (current_app.config["VH_BASE_URL"] if has_app_context()
             else config.mail_settings(os.environ)["VH_BASE_URL"])
    return basis + pad


def tekst(regel: str, link: str) -> str:
    """The body of a direct mail: the one sentence, the link, the closing words."""
    return f"Goedendag,\n\n{regel}\n\nBekijk het in de toepassing (na het inloggen):\n{link}\n\n{SLOT}\n"


# ---------------------------------------------------------------- who receives it
def coordinatoren(team_id: int | None):
    """The active coordinators of a team; of every team for a referral without one (outside
    Vlaams-Brabant), as `access.aanmeldingen_received_by` lets them all see it (a query)."""
    query = User.with_role("coordinator")
    if team_id is None:
        return query
    return query.where(User.id.in_(UserTeam.select(UserTeam.user).where(UserTeam.team == team_id)))


def parket_van(team_id: int):
    """The active parket users whose organisation serves one of the team's arrondissements: those
    `access.parketchecks_visible_to` lets answer (a query)."""
    regio = TeamArrondissement.select(TeamArrondissement.arrondissement).where(TeamArrondissement.team == team_id)
    return User.with_role("parket").join(Organisatie).where(Organisatie.arrondissement.in_(regio))


def partners_van(organisatie_id: int):
    """The active users with the role partner of an organisation (a query)."""
    return User.with_role("partner").where(User.organisatie == organisatie_id)


# ---------------------------------------------------------------- the one way in
def plan(soort: MeldingSoort, aan: User | Iterable[User], *, sleutel: str, onderwerp: str, regel: str,
         pad: str) -> int:
    """Put one e-mail per recipient in the outbox; call it inside the transaction of the change
    that causes it (refused outside one). `sleutel` names the notification: with the recipient
    it makes the row's unique key, so planning it again adds nothing. A kind the user may have
    bundled (MELDING_BUNDELBAAR) waits for their daily overview if they chose so. Inactive
    accounts and accounts without an address get nothing. Returns the number of rows offered."""
    if not db.in_transaction():
        raise RuntimeError("meldingen.plan hoort binnen de transactie van de wijziging")
    ontvangers = [aan] if isinstance(aan, User) else list(aan)
    nu, link = utcnow(), url(pad)
    rijen = [dict(sleutel=f"{sleutel}:u{u.id}", soort=soort, user=u.id, adres=u.email, onderwerp=onderwerp,
                  tekst=tekst(regel, link), link=link, aangemaakt_op=nu, verstuur_na=nu,
                  bundel=soort in MELDING_BUNDELBAAR and u.meldingen == MeldingVoorkeur.DAGELIJKS)
             for u in ontvangers if u.actief and u.email]
    if rijen:
        Melding.insert_many(rijen).on_conflict_ignore().execute()
    return len(rijen)


# ---------------------------------------------------------------- the hooks of the rule modules
def aanmelding_ingediend(a: Aanmelding) -> None:
    """A submitted referral: the receipt to its author, and the news to the team's coordinators."""
    plan(MeldingSoort.ONTVANGEN, a.auteur, sleutel=f"ontvangen:a{a.id}",
         onderwerp=f"Uw aanmelding {a.nummer} is ontvangen",
         regel=(f"Het Veilig Huis heeft uw aanmelding {a.nummer} goed ontvangen. U volgt ze op bij "
                "‘Mijn aanmeldingen’."), pad="/aanmeldingen")
    nieuwe_aanmelding(a)


def nieuwe_aanmelding(a: Aanmelding) -> None:
    """A referral arrived for a team (submitted, or handed over to it): its coordinators."""
    plan(MeldingSoort.NIEUWE_AANMELDING, coordinatoren(a.team_id),
         sleutel=f"nieuw:a{a.id}:t{a.team_id or 0}", onderwerp=f"Nieuwe aanmelding {a.nummer}",
         regel=f"Er is een nieuwe aanmelding {a.nummer} voor uw team.", pad=f"/ontvangst/{a.id}")


def _aanmeldingen(n: int) -> str:
    return f"{n} nieuwe aanmelding" if n == 1 else f"{n} nieuwe aanmeldingen"


def politie_import(imp, per_team: dict[int | None, int]) -> None:
    """One receipt per police CSV import (with its counts), and per team one mail to its
    coordinators with the number of new referrals for them (`per_team`: team id → count)."""
    plan(MeldingSoort.IMPORT_ONTVANGEN, imp.user, sleutel=f"import:i{imp.id}",
         onderwerp="Uw politie-import is ontvangen",
         regel=(f"Het Veilig Huis heeft uw import ontvangen: {_aanmeldingen(imp.nieuw)}, "
                f"{imp.al_ingevoerd} al eerder ingevoerd, {imp.afgekeurd} afgekeurd."),
         pad=f"/aanmelden/politie-import/{imp.id}")
    for team_id, n in sorted(per_team.items(), key=lambda kv: kv[0] or 0):
        if n:
            plan(MeldingSoort.NIEUWE_AANMELDING, coordinatoren(team_id),
                 sleutel=f"import:i{imp.id}:t{team_id or 0}", onderwerp=f"{_aanmeldingen(n).capitalize()} van de politie",
                 regel=f"De politie-instroom bracht {_aanmeldingen(n)} voor uw team.", pad="/ontvangst")


def parketvraag(check) -> None:
    """The coordinator asked the parket: the parket users who can answer."""
    d = check.dossier
    plan(MeldingSoort.PARKETVRAAG, parket_van(d.team_id), sleutel=f"parketvraag:p{check.id}",
         onderwerp=f"Nieuwe parketvraag over dossier {d.nummer}",
         regel=f"Het Veilig Huis vraagt het parket of dossier {d.nummer} geopend mag worden voor informatiedeling.",
         pad=f"/parket/{check.id}")


def besluit(b) -> None:
    """A decision on a dossier. Spoor 2 or 3: each referral's author may know it is taken up
    (as 'Mijn aanmeldingen' shows at once), and the regisseur hears of the new dossier. Advies
    reaches the referrer through the advice letter (`brief_verzonden`), not here."""
    if b.dossier_id is None or b.uitkomst not in ("spoor2", "spoor3"):
        return
    d = b.dossier
    for a in Aanmelding.select(Aanmelding.id, Aanmelding.nummer, Aanmelding.auteur).where(
            Aanmelding.dossier == d.id).order_by(Aanmelding.id):
        plan(MeldingSoort.BESLUIT, a.auteur, sleutel=f"besluit:b{b.id}:a{a.id}",
             onderwerp=f"Besluit over uw aanmelding {a.nummer}",
             regel=(f"Er is een besluit genomen over uw aanmelding {a.nummer}. U leest het bij "
                    "‘Mijn aanmeldingen’."), pad="/aanmeldingen")
    if b.regisseur_id:
        plan(MeldingSoort.REGIE, b.regisseur, sleutel=f"regie:b{b.id}",
             onderwerp=f"U bent casusregisseur van dossier {d.nummer}",
             regel=f"U werd aangeduid als casusregisseur van dossier {d.nummer}.", pad=f"/dossiers/{d.id}")


def brief_verzonden(brief) -> None:
    """The advice letter was sent: its addressee can read it in the application."""
    nummer = brief.aanmelding.nummer
    plan(MeldingSoort.BRIEF, brief.aan, sleutel=f"brief:b{brief.id}",
         onderwerp=f"Adviesbrief over uw aanmelding {nummer}",
         regel=f"De adviesbrief over uw aanmelding {nummer} staat voor u klaar.", pad=f"/brieven/{brief.id}")


def actie_toegewezen(actie, dossier, pad: str = "/") -> None:
    """Casusregie's hook: an action of the plan of `dossier` is assigned to a partner
    organisation (`actie.organisatie_id`); its partner users hear of it (or read it in their
    daily overview). `pad`: the path where they see the action (their "Mijn acties")."""
    plan(MeldingSoort.ACTIE, partners_van(actie.organisatie_id),
         sleutel=f"actie:x{actie.id}:o{actie.organisatie_id}",
         onderwerp=f"Nieuwe actie voor uw organisatie in dossier {dossier.nummer}",
         regel=f"Het Veilig Huis heeft uw organisatie een actie toegewezen in dossier {dossier.nummer}.", pad=pad)
