"""The referral form (issue 3): a draft per referrer, one theme per screen, then submit.

A draft ('concept') is visible only to its author: every view loads it through `_concept()`,
which answers 404 to anyone else, coordinators included. The rules (saving a step or a person,
what is still missing, submitting, purging) live in `concepten`, `indienen` and `mijn`; a view
here parses the request, calls one of them and renders.
"""
from __future__ import annotations

import click
from flask import Blueprint, abort, current_app, redirect, request, url_for
from flask_login import current_user, login_required

from vh import access, audit, tijd
from vh.aanmelding import concepten, indienen
from vh.aanmelding.forms import (
    CRITERIA,
    FORMS,
    PERSOON_VELDEN,
    POSTCODE,
    STAP_INDEX,
    STAPPEN,
    LeegForm,
    PersoonForm,
)
from vh.aanmelding.mijn import mijn_aanmeldingen
from vh.db import db
from vh.htmx import answer, is_fragment_request, redirect_after_post, render
from vh.models import Aanmelding, Persoon, utcnow

bp = Blueprint("aanmelden", __name__, cli_group=None)


# ---------------------------------------------------------------- loading, access
def _mag_aanmelden() -> None:
    access.require(current_user, "aanmelding.create")


def _concept(aanmelding_id: int) -> Aanmelding:
    """The author's own referral (a draft is nobody else's to know: 404, domain rule 1)."""
    _mag_aanmelden()
    return access.load(Aanmelding, aanmelding_id, "aanmelding.status")


def _eigen_persoon(a: Aanmelding, persoon_id: int) -> Persoon:
    """A person of this draft (access is the draft's); 404 for anyone else's or an absurd id."""
    ident = access.parse_id(persoon_id)
    p = Persoon.get_or_none((Persoon.id == ident) & (Persoon.aanmelding == a.id)) if ident else None
    if p is None:
        abort(404)
    return p


def _bewerkbaar(a: Aanmelding):
    """A submitted referral cannot be changed any more: show its confirmation instead."""
    if not access.can(current_user, "aanmelding.edit", a):
        return redirect(url_for("aanmelden.bevestiging", aanmelding_id=a.id), 303)
    return None


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
    """What every step shows: its place, and which steps are complete (the persons are loaded
    once, here or by the caller as ctx["personen"])."""
    index = STAP_INDEX[slug]
    personen = ctx["personen"] if "personen" in ctx else list(Persoon.van(aanmelding=a))
    return dict(aanmelding=a, stap=slug, stappen=STAPPEN, stap_nr=index + 1,
                klaar=concepten.klare_stappen(a, personen),
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
        a = concepten.begin(current_user)
        return redirect_after_post(_stap_url(a, STAPPEN[0][0]))
    return render("aanmelden/start.html", "content", form=form, stappen=STAPPEN,
                  title="Een gezin aanmelden")


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
        return _clientsysteem_verder(a)
    if stap == "controle":
        return _controle(a)
    form = FORMS[stap]()
    if request.method == "GET":
        form.vul_in(a)
        return _toon_stap(a, stap, form)
    ok = form.validate()
    if "csrf_token" in form.errors:
        abort(400)
    concepten.bewaar_stap(a, stap, form.geldige_waarden())
    if not ok and not (request.form.get("actie") == "later" and _alleen_ontbrekend(form)):
        return _toon_stap(a, stap, form, status=422)
    return _na_opslaan(a, stap)


@bp.route("/aanmelden/<int:aanmelding_id>/<stap>/bewaren", methods=["POST"])
@login_required
def bewaren(aanmelding_id, stap):
    """Autosave (htmx, on every change): the valid answers of the step are saved, nothing is
    refused yet; the errors come with "Opslaan en verder". A plain POST goes to the step."""
    a = _concept(aanmelding_id)
    if stap not in FORMS:
        abort(404)
    if (done := _bewerkbaar(a)) is not None:
        return done
    if not is_fragment_request():
        return redirect(_stap_url(a, stap), 303)
    form = FORMS[stap]()
    ok = form.validate()
    if "csrf_token" in form.errors:
        abort(400)
    concepten.bewaar_stap(a, stap, form.geldige_waarden())
    return render("aanmelden/_bewaard.html", status=200, bewaard_om=tijd.lokaal(utcnow()).strftime("%H:%M"),
                  niet_alles=not ok and not _alleen_ontbrekend(form))


def _alleen_ontbrekend(form) -> bool:
    """Only unanswered questions (nothing wrong with what was typed): fine to finish later."""
    def leeg(f):
        return not f.data and not getattr(f, "parse_error", None)
    return all(leeg(form[naam]) for naam in form.errors if naam != "csrf_token")


def _toon_stap(a: Aanmelding, slug: str, form, status: int = 200):
    extra = {"criteria": CRITERIA} if slug == "criteria" else {}
    return render(f"aanmelden/{slug}.html", "stap", status=status, **_ctx(a, slug, form=form, **extra))


# ---------------------------------------------------------------- the cliëntsysteem
def _clientsysteem(a: Aanmelding, form: PersoonForm | None = None, bewerkt: Persoon | None = None,
                   status: int = 200, push_url: str | None = None, niet_toegevoegd: bool = False):
    """The persons of the cliëntsysteem with the add (or edit) form."""
    if form is None:
        form = PersoonForm(formdata=None)
        if bewerkt is not None:
            form.vul_in(bewerkt)
        else:
            form.zet_opties(None)
    personen = list(Persoon.van(aanmelding=a))
    return render("aanmelden/clientsysteem.html", {"personen": "personen", "stap": "stap"},
                  status=status, push_url=push_url,
                  **_ctx(a, "clientsysteem", form=form, personen=personen, bewerkt=bewerkt,
                         stap_form=LeegForm(formdata=None), niet_toegevoegd=niet_toegevoegd))


def _persoon_getypt() -> bool:
    """Did the user type (part of) a person in the add/edit form before pressing "Opslaan en verder"?"""
    return any((request.form.get(naam) or "").strip() for naam in (
        *PERSOON_VELDEN, *(f"geboortedatum-{d}" for d in ("dag", "maand", "jaar"))))


def _clientsysteem_verder(a: Aanmelding):
    """"Opslaan en verder" on the cliëntsysteem: the person form is sent along (formaction), so a
    person typed but not added is saved first; if it is incomplete the step stays, with what was
    typed and a message, instead of silently losing it."""
    if not LeegForm().validate():
        abort(400)
    if not _persoon_getypt():
        concepten.raak_aan(a)
        return _na_opslaan(a, "clientsysteem")
    p = _eigen_persoon(a, request.form["persoon_id"]) if request.form.get("persoon_id") else None
    form = PersoonForm()
    if not form.validate():
        return _clientsysteem(a, form, p, status=422, niet_toegevoegd=True)
    concepten.bewaar_persoon(a, p, form.waarden())
    return _na_opslaan(a, "clientsysteem")


def _persoon_opslaan(a: Aanmelding, p: Persoon | None):
    form = PersoonForm()
    if not form.validate():
        if "csrf_token" in form.errors:
            abort(400)
        return _clientsysteem(a, form, p, status=422)
    concepten.bewaar_persoon(a, p, form.waarden())
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
    concepten.verwijder_persoon(a, p)
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
def _controle(a: Aanmelding):
    fouten = []
    status = 200
    if request.method == "POST":
        if not LeegForm().validate():
            abort(400)
        fouten = [(f.bericht, f"{_stap_url(a, f.stap)}#{f.anker}")
                  for f in concepten.dien_in(a, current_user)]
        if not fouten:
            return redirect_after_post(url_for("aanmelden.bevestiging", aanmelding_id=a.id))
        status = 422
    personen = list(Persoon.van(aanmelding=a))
    woonplaats = Persoon.woonplaats_uit(personen)
    return render("aanmelden/controle.html", "stap", status=status,
                  **_ctx(a, "controle", fouten=fouten, personen=personen, criteria=CRITERIA,
                         woonplaats=woonplaats, form=LeegForm(formdata=None),
                         team=indienen.team_voor(woonplaats)))


@bp.route("/aanmelden/<int:aanmelding_id>/verstuurd", methods=["GET"])
@login_required
def bevestiging(aanmelding_id):
    a = _concept(aanmelding_id)
    if a.status == "concept":
        return redirect(_stap_url(a, "controle"), 303)
    audit.record("aanmelding.status", a)
    return render("aanmelden/bevestiging.html", "content", aanmelding=a,
                  woonplaats=a.woonplaats(), title="Aanmelding verstuurd")


# ---------------------------------------------------------------- retention of drafts
@bp.cli.command("purge-drafts")
def purge_drafts_cmd():
    """Delete draft referrals untouched for VH_DRAFT_RETENTION_DAYS days (default 30)."""
    with db.connection_context():
        n = concepten.purge_drafts()
    days = current_app.config["VH_DRAFT_RETENTION_DAYS"]
    click.echo(f"{n} concept-aanmelding(en) verwijderd die langer dan {days} dagen niet gewijzigd werden.")

