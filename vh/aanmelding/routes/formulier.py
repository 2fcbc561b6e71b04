"""The referral form (issue 3): a draft per referrer, one theme per screen, then submit.

A draft ('concept') is visible only to its author: every view loads it through `_concept()`,
which answers 404 to anyone else, coordinators included. Reading one's own draft is not a dossier
read and is not audited; changes are audited by field name only (a draft may be purged, and its
content must not outlive it in the append-only trail). Submitting goes through
`indienen.submit()`, which numbers, routes and audits the referral.
"""
from __future__ import annotations

import datetime as dt

import click
from flask import Blueprint, abort, current_app, redirect, request, url_for
from flask_login import current_user, login_required
from peewee import JOIN

from vh import access, audit
from vh.aanmelding import indienen
from vh.aanmelding.forms import (
    CRITERIA,
    POSTCODE,
    AanmelderForm,
    CriteriaForm,
    GebeurdForm,
    HulpForm,
    LeegForm,
    PersoonForm,
    VeiligheidForm,
)
from vh.db import db
from vh.htmx import answer, is_fragment_request, redirect_after_post, render
from vh.models import (
    SLACHTOFFER_ROLLEN,
    Aanmelding,
    Besluit,
    Brief,
    Dossier,
    Gemeente,
    Persoon,
    PvNummer,
    Team,
    utcnow,
)
from vh.workflow import VOOR_BESLUIT

bp = Blueprint("aanmelden", __name__, cli_group=None)

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


# ---------------------------------------------------------------- loading, access
def _mag_aanmelden() -> None:
    access.require(current_user, "aanmelding.create")


def _concept(aanmelding_id: int) -> Aanmelding:
    """The author's own referral (a draft is nobody else's to know: 404, domain rule 1)."""
    _mag_aanmelden()
    a = Aanmelding.get_or_none(Aanmelding.id == aanmelding_id) or abort(404)
    access.require(current_user, "aanmelding.status", a)
    return a


def _eigen_persoon(a: Aanmelding, persoon_id: int) -> Persoon:
    p = Persoon.get_or_none((Persoon.id == persoon_id) & (Persoon.aanmelding == a.id))
    if p is None:
        abort(404)
    return p


def _bewerkbaar(a: Aanmelding):
    """A submitted referral cannot be changed any more: show its confirmation instead."""
    if not access.can(current_user, "aanmelding.edit", a):
        return redirect(url_for("aanmelden.bevestiging", aanmelding_id=a.id), 303)
    return None


def _raak_aan(a: Aanmelding) -> None:
    a.gewijzigd_op = utcnow()
    a.save(only=[Aanmelding.gewijzigd_op])


def _stap_url(a: Aanmelding, slug: str) -> str:
    return url_for("aanmelden.stap", aanmelding_id=a.id, stap=slug)


def _volgende(slug: str) -> str:
    return STAPPEN[min(STAP_INDEX[slug] + 1, len(STAPPEN) - 1)][0]


def _na_opslaan(a: Aanmelding, slug: str):
    """303 to the next step (or to 'Mijn aanmeldingen' for 'later verdergaan'); for htmx the
    next step is loaded into #stap and pushed to the history."""
    if request.form.get("actie") == "later":  # a whole new page, not a fragment
        return answer("Uw aanmelding is bewaard als concept. U kunt later verdergaan.",
                      url_for("aanmelden.mijn"), reload=True)
    return redirect_after_post(_stap_url(a, _volgende(slug)), target="#stap", swap="outerHTML")


def _ctx(a: Aanmelding, slug: str, **ctx) -> dict:
    index = STAP_INDEX[slug]
    return dict(aanmelding=a, stap=slug, stappen=STAPPEN, stap_nr=index + 1,
                stap_titel=STAPPEN[index][1], aantal_stappen=len(STAPPEN),
                title=f"Stap {index + 1} van {len(STAPPEN)}: {STAPPEN[index][1]}", **ctx)


# ---------------------------------------------------------------- start, mijn aanmeldingen
@bp.route("/aanmelden", methods=["GET", "POST"])
@login_required
def start():
    _mag_aanmelden()
    form = LeegForm()
    if request.method == "POST":
        if not form.validate():
            abort(400)
        u = current_user
        a = Aanmelding.create(auteur=u.id, organisatie=u.organisatie_id, aanmelder_naam=u.naam,
                              aanmelder_functie=u.functie or "", aanmelder_telefoon=u.telefoon or "",
                              aanmelder_email=u.email)
        audit.record("aanmelding.create", a)
        return redirect_after_post(_stap_url(a, STAPPEN[0][0]))
    return render("aanmelden/start.html", "content", form=form, stappen=STAPPEN,
                  title="Een gezin aanmelden")


def status_voor_aanmelder(a: Aanmelding, dossier: Dossier | None, besluit: Besluit | None) -> tuple[str, str]:
    """What the referrer may know of their referral: (label, tag colour)."""
    if a.status == "concept":
        return "Concept", "tag--grey"
    uitkomst = besluit.uitkomst if besluit else None
    if uitkomst is None and dossier is not None and dossier.spoor in (2, 3):
        uitkomst = f"spoor{dossier.spoor}"
    if uitkomst in ("spoor2", "spoor3"):
        return "Afgerond: opgenomen", "tag--green"
    if uitkomst in ("advies", "niet_ontvankelijk") or a.status == "niet_ontvankelijk":
        return "Afgerond: advies", "tag--green"
    if a.status == "ingediend":
        return "Ontvangen", "tag--blue"
    if dossier is not None and dossier.fase not in VOOR_BESLUIT:
        return "Afgerond: opgenomen", "tag--green"
    return "In behandeling", "tag--yellow"


def mijn_aanmeldingen(user) -> list[dict]:
    """The user's own referrals with their status, persons and sent letters: four queries,
    whatever the number of referrals."""
    rijen = list(access.own_aanmeldingen(user)
                 .select(Aanmelding, Dossier).join(Dossier, join_type=JOIN.LEFT_OUTER,
                                                   on=(Aanmelding.dossier == Dossier.id))
                 .order_by(Aanmelding.gewijzigd_op.desc(), Aanmelding.id.desc()))
    ids = [a.id for a in rijen]
    dossier_ids = [a.dossier_id for a in rijen if a.dossier_id]
    besluiten: dict[tuple, Besluit] = {}
    brieven: dict[int, list[Brief]] = {}
    personen: dict[int, list[Persoon]] = {}
    if ids:
        cond = Besluit.aanmelding.in_(ids)
        if dossier_ids:
            cond = cond | Besluit.dossier.in_(dossier_ids)
        for b in Besluit.select().where(cond).order_by(Besluit.beslist_op, Besluit.id):
            if b.dossier_id:
                besluiten[("d", b.dossier_id)] = b
            if b.aanmelding_id:
                besluiten[("a", b.aanmelding_id)] = b
        for brief in (Brief.select(Brief.id, Brief.aanmelding, Brief.onderwerp, Brief.verzonden_op)
                      .where(Brief.aanmelding.in_(ids) & Brief.verzonden_op.is_null(False)
                             & (Brief.aan == user.id))
                      .order_by(Brief.verzonden_op)):
            brieven.setdefault(brief.aanmelding_id, []).append(brief)
        for p in (Persoon.select(Persoon.id, Persoon.aanmelding, Persoon.voornaam, Persoon.achternaam, Persoon.rol)
                  .where(Persoon.aanmelding.in_(ids)).order_by(Persoon.id)):
            personen.setdefault(p.aanmelding_id, []).append(p)
    result = []
    for a in rijen:
        dossier = a.dossier if a.dossier_id else None
        besluit = besluiten.get(("a", a.id)) or (besluiten.get(("d", a.dossier_id)) if a.dossier_id else None)
        label, kleur = status_voor_aanmelder(a, dossier, besluit)
        result.append(dict(aanmelding=a, status=label, kleur=kleur, brieven=brieven.get(a.id, []),
                           personen=personen.get(a.id, []),
                           verder=_stap_url(a, _eerste_open_stap(a, personen.get(a.id, [])))
                           if a.status == "concept" else None))
    return result


@bp.route("/aanmeldingen", methods=["GET"])
@login_required
def mijn():
    _mag_aanmelden()
    rijen = mijn_aanmeldingen(current_user)
    ingediend = [r["aanmelding"].id for r in rijen if r["aanmelding"].status != "concept"]
    if ingediend:  # submitted referrals name persons of (future) dossiers; drafts are only the author's
        audit.record("aanmelding.lijst", details={"aanmeldingen": ingediend})
    return render("aanmelden/mijn.html", "lijst", rijen=rijen, title="Mijn aanmeldingen")


# ---------------------------------------------------------------- the steps
@bp.route("/aanmelden/<int:aanmelding_id>/<stap>", methods=["GET", "POST"])
@login_required
def stap(aanmelding_id, stap):
    a = _concept(aanmelding_id)
    if stap not in STAP_INDEX:
        abort(404)
    if (done := _bewerkbaar(a)) is not None:
        return done
    if stap == "clientsysteem":
        if request.method == "GET":
            return _clientsysteem(a)
        # "Opslaan en verder": the persons are saved one by one, so only move on.
        if not LeegForm().validate():
            abort(400)
        _raak_aan(a)
        return _na_opslaan(a, "clientsysteem")
    if stap == "controle":
        return _controle(a)
    form = FORMS[stap]()
    if request.method == "GET":
        form.vul_in(a)
        return _toon_stap(a, stap, form)
    ok = form.validate()
    if "csrf_token" in form.errors:
        abort(400)
    _bewaar(a, stap, form.geldige_waarden())
    if not ok and not (request.form.get("actie") == "later" and _alleen_ontbrekend(form)):
        return _toon_stap(a, stap, form, status=422)
    return _na_opslaan(a, stap)


def _alleen_ontbrekend(form) -> bool:
    """Only unanswered questions (nothing wrong with what was typed): fine to finish later."""
    def leeg(f):
        return not f.data and not getattr(f, "parse_error", None)
    return all(leeg(form[naam]) for naam in form.errors if naam != "csrf_token")


def _toon_stap(a: Aanmelding, slug: str, form, status: int = 200):
    extra = {"criteria": CRITERIA} if slug == "criteria" else {}
    return render(f"aanmelden/{slug}.html", "stap", status=status, **_ctx(a, slug, form=form, **extra))


def _bewaar(a: Aanmelding, slug: str, values: dict) -> None:
    """Save the valid answers of a step; audit which fields changed (names only, no content)."""
    changed = sorted(attr for attr, value in values.items() if getattr(a, attr) != value)
    for attr in changed:
        setattr(a, attr, values[attr])
    a.gewijzigd_op = utcnow()
    a.save()
    if changed:
        audit.record("aanmelding.concept_wijzigen", a, details={"stap": slug, "velden": changed})


# ---------------------------------------------------------------- the cliëntsysteem
def _clientsysteem(a: Aanmelding, form: PersoonForm | None = None, bewerkt: Persoon | None = None,
                   status: int = 200, push_url: str | None = None):
    """The persons of the cliëntsysteem with the add (or edit) form."""
    if form is None:
        form = PersoonForm(formdata=None)
        if bewerkt is not None:
            _vul_persoon(form, bewerkt)
        else:
            form.zet_opties(None)
    personen = _personen(a)
    return render("aanmelden/clientsysteem.html", {"personen": "personen", "stap": "stap"},
                  status=status, push_url=push_url,
                  **_ctx(a, "clientsysteem", form=form, personen=personen, bewerkt=bewerkt,
                         stap_form=LeegForm(formdata=None)))


def _personen(a: Aanmelding) -> list[Persoon]:
    return list(Persoon.select(Persoon, Gemeente)
                .join(Gemeente, join_type=JOIN.LEFT_OUTER, on=(Persoon.gemeente == Gemeente.id))
                .where(Persoon.aanmelding == a.id).order_by(Persoon.id))


def _vul_persoon(form: PersoonForm, p: Persoon) -> None:
    for naam in ("voornaam", "achternaam", "geslacht", "rol", "straat", "postcode", "relatie", "school"):
        form[naam].process(None, getattr(p, naam))
    form.geboortedatum.process(None, p.geboortedatum)
    form.zet_opties(p.postcode, p.gemeente_id)


PERSOON_VELDEN = ("voornaam", "achternaam", "geboortedatum", "geslacht", "rol", "straat",
                  "postcode", "relatie", "school")


def _persoon_opslaan(a: Aanmelding, p: Persoon | None):
    form = PersoonForm()
    if not form.validate():
        if "csrf_token" in form.errors:
            abort(400)
        return _clientsysteem(a, form, p, status=422)
    nieuw = p is None
    p = p or Persoon(aanmelding=a.id)
    values = {naam: (form[naam].data.strip() if isinstance(form[naam].data, str) else form[naam].data)
              for naam in PERSOON_VELDEN}
    values = {k: ("" if v is None and k != "geboortedatum" else v) for k, v in values.items()}
    values["gemeente_id"] = form.gekozen_gemeente.id if form.gekozen_gemeente else None
    changed = sorted(k for k, v in values.items() if nieuw or getattr(p, k) != v)
    with db.atomic():
        for k, v in values.items():
            setattr(p, k, v)
        p.save()
        _raak_aan(a)
        audit.record("aanmelding.persoon_toevoegen" if nieuw else "aanmelding.persoon_wijzigen", a,
                     details={"persoon_id": p.id, "velden": changed})
    return _na_persoon(a)


def _na_persoon(a: Aanmelding):
    location = _stap_url(a, "clientsysteem")
    if is_fragment_request():
        return _clientsysteem(a, push_url=location)
    return redirect(location + "#personen", 303)


@bp.route("/aanmelden/<int:aanmelding_id>/clientsysteem/personen", methods=["POST"])
@login_required
def persoon_nieuw(aanmelding_id):
    a = _concept(aanmelding_id)
    if (done := _bewerkbaar(a)) is not None:
        return done
    return _persoon_opslaan(a, None)


@bp.route("/aanmelden/<int:aanmelding_id>/clientsysteem/personen/<int:persoon_id>",
          methods=["GET", "POST"])
@login_required
def persoon(aanmelding_id, persoon_id):
    a = _concept(aanmelding_id)
    if (done := _bewerkbaar(a)) is not None:
        return done
    p = _eigen_persoon(a, persoon_id)
    if request.method == "GET":
        return _clientsysteem(a, bewerkt=p)
    return _persoon_opslaan(a, p)


@bp.route("/aanmelden/<int:aanmelding_id>/clientsysteem/personen/<int:persoon_id>/verwijderen",
          methods=["POST"])
@login_required
def persoon_verwijderen(aanmelding_id, persoon_id):
    a = _concept(aanmelding_id)
    if (done := _bewerkbaar(a)) is not None:
        return done
    p = _eigen_persoon(a, persoon_id)
    if not LeegForm().validate():
        abort(400)
    with db.atomic():
        p.delete_instance()
        _raak_aan(a)
        audit.record("aanmelding.persoon_verwijderen", a, details={"persoon_id": persoon_id})
    return _na_persoon(a)


@bp.route("/aanmelden/postcode", methods=["GET"])
@login_required
def postcode():
    """The municipality (or the choice of deelgemeente) for a postcode, while typing."""
    _mag_aanmelden()
    code = (request.args.get("postcode") or "").strip()[:10]
    form = PersoonForm(formdata=None)
    form.zet_opties(code, request.args.get("gemeente") or None)
    return render("aanmelden/postcode.html", "keuze", form=form, postcode=code,
                  geldig=bool(POSTCODE.fullmatch(code)), title="Gemeente bij een postcode")


# ---------------------------------------------------------------- check and submit
def _stap_fouten(a: Aanmelding) -> list[tuple[str, str]]:
    """(message, link) for every answer that is still missing or wrong, in step order."""
    fouten = []
    for slug, _, form_cls in STAPPEN:
        if slug == "clientsysteem":
            fouten.extend(_personen_fouten(a, list(a.personen)))
            continue
        if form_cls is None:
            continue
        form = form_cls(formdata=None, meta={"csrf": False})
        form.vul_in(a)
        if not form.validate():
            for naam, errors in form.errors.items():
                fouten.append((errors[0], f"{_stap_url(a, slug)}#{form[naam].id}"))
    return fouten


def _personen_fouten(a: Aanmelding, personen: list[Persoon]) -> list[tuple[str, str]]:
    url = _stap_url(a, "clientsysteem") + "#personen"
    fouten = []
    if not any(p.rol in SLACHTOFFER_ROLLEN for p in personen):
        fouten.append(("Voeg minstens één slachtoffer toe aan het cliëntsysteem (een volwassene of "
                       "een kind).", url))
    if not any(p.postcode for p in personen):
        fouten.append(("Vul bij minstens één persoon de postcode van het adres in, zodat we weten "
                       "welk team de aanmelding krijgt.", url))
    return fouten


def _eerste_open_stap(a: Aanmelding, personen: list[Persoon]) -> str:
    """Where to resume a draft: the first step with a missing answer (no queries)."""
    for slug, _, form_cls in STAPPEN:
        if slug == "clientsysteem":
            if _personen_fouten(a, personen):
                return slug
            continue
        if form_cls is None:
            continue
        form = form_cls(formdata=None, meta={"csrf": False})
        form.vul_in(a)
        if not form.validate():
            return slug
    return "controle"


def _controle(a: Aanmelding):
    fouten = []
    status = 200
    if request.method == "POST":
        if not LeegForm().validate():
            abort(400)
        fouten = _stap_fouten(a)
        if not fouten:
            indienen.submit(a, current_user)
            return redirect_after_post(url_for("aanmelden.bevestiging", aanmelding_id=a.id))
        status = 422
    personen = _personen(a)
    return render("aanmelden/controle.html", "stap", status=status,
                  **_ctx(a, "controle", fouten=fouten, personen=personen, criteria=CRITERIA,
                         woonplaats=indienen.woonplaats(a), form=LeegForm(formdata=None),
                         team=_team_voor(a)))


def _team_voor(a: Aanmelding):
    team_id = indienen.routering(indienen.woonplaats(a))["team"]
    return Team.get_by_id(team_id) if team_id else None


@bp.route("/aanmelden/<int:aanmelding_id>/verstuurd", methods=["GET"])
@login_required
def bevestiging(aanmelding_id):
    a = _concept(aanmelding_id)
    if a.status == "concept":
        return redirect(_stap_url(a, "controle"), 303)
    audit.record("aanmelding.status", a)
    return render("aanmelden/bevestiging.html", "content", aanmelding=a,
                  woonplaats=indienen.woonplaats(a), title="Aanmelding verstuurd")


# ---------------------------------------------------------------- retention of drafts
def purge_drafts(days: int | None = None, now: dt.datetime | None = None) -> int:
    """Delete drafts untouched for `days` (VH_DRAFT_RETENTION_DAYS); audited as a count."""
    days = current_app.config["VH_DRAFT_RETENTION_DAYS"] if days is None else days
    grens = (now or utcnow()) - dt.timedelta(days=days)
    oud = Aanmelding.select(Aanmelding.id).where((Aanmelding.status == "concept")
                                                 & (Aanmelding.gewijzigd_op < grens))
    with db.atomic():
        ids = [a.id for a in oud]
        if ids:
            PvNummer.delete().where(PvNummer.aanmelding.in_(ids)).execute()
            Persoon.delete().where(Persoon.aanmelding.in_(ids)).execute()
            Aanmelding.delete().where(Aanmelding.id.in_(ids)).execute()
        audit.record("aanmelding.concepten_verwijderd", details={"aantal": len(ids), "dagen": days})
    return len(ids)


@bp.cli.command("purge-drafts")
def purge_drafts_cmd():
    """Delete draft referrals untouched for VH_DRAFT_RETENTION_DAYS days (default 30)."""
    with db.connection_context():
        n = purge_drafts()
    days = current_app.config["VH_DRAFT_RETENTION_DAYS"]
    click.echo(f"{n} concept-aanmelding(en) verwijderd die langer dan {days} dagen niet gewijzigd werden.")

