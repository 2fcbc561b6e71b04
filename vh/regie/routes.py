"""Blueprint "regie": the casusregisseur's screens of one dossier (/dossiers/<id>/regie…) and
Mijn werk (/mijn-werk). Each route parses, calls one rule of this package and renders; every
dossier screen is a `@dossier_scherm` (load, 404/403, audit of what is shown)."""
from __future__ import annotations

from flask import Blueprint, abort, request, url_for
from flask_login import current_user, login_required

from vh import access, audit
from vh.dossier.frame import dossier_scherm
from vh.htmx import answer, render
from vh.keuzes import Fase
from vh.models import Dossier, User
from vh.tijd import vandaag
from vh.workflow import WorkflowError, check

from . import afsluiting, checklist, fasen, logboek, mijn_werk, spoor
from .forms import (
    AfsluitForm,
    FaseForm,
    HeropenForm,
    LogboekForm,
    SpoorBesluitForm,
    SpoorVoorstelForm,
    StapForm,
)

bp = Blueprint("regie", __name__)


def _user():
    return current_user._get_current_object()


def _pagina_nr() -> int:
    nr = access.parse_id(request.args.get("pagina", "1"))
    if nr is None:
        abort(400)
    return nr


# ---------------------------------------------------------------- Mijn werk
@bp.route("/mijn-werk")
@login_required
def mijn_werk_lijst():
    access.require(current_user, "regie.mijn")
    pagina = _pagina_nr()
    rijen, meer = mijn_werk.mijn_werk(current_user, pagina)
    audit.record("regie.mijn_werk", details={"pagina": pagina, "dossiers": [r.dossier.id for r in rijen]})
    return render("regie/mijn_werk.html", {"scherm": "content", "mijn-werk": "lijst"}, rijen=rijen,
                  pagina=pagina, meer=meer, title="Mijn werk")


# ---------------------------------------------------------------- the checklist (main screen)
def _checklist_context(dossier: Dossier, **extra) -> dict:
    fasestappen = checklist.checklist(dossier)
    huidig = next((f for f in fasestappen if f.huidig), None)
    toestand = dossier.toestand()
    return dict(dossier=dossier, fasen=fasestappen, huidig=huidig,
                volgende=huidig.open[0] if huidig and huidig.open else None,
                knoppen=fasen.knoppen(dossier, toestand) if dossier.fase != Fase.AFGESLOTEN else None,
                werken=access.can(current_user, "regie.werken", dossier),
                voorstel=spoor.wachtend(dossier), fase_form=extra.pop("fase_form", None) or FaseForm(formdata=None),
                stap_fout=None, stap_fout_id=None, title=f"Casusregie {dossier.nummer}", **extra)


@bp.route("/dossiers/<int:dossier_id>/regie")
@login_required
@dossier_scherm("regie.lezen")
def checklist_scherm(dossier: Dossier):
    return render("regie/checklist.html", {"scherm": "content"}, **_checklist_context(dossier))


def _stap_blokken(stap_id: int) -> dict:
    """The regions a tick answers for htmx: the step itself or the "next step" box."""
    return {f"stap-{stap_id}": "antwoord_stap", "volgende-stap": "antwoord_volgende", "scherm": "content"}


@bp.route("/dossiers/<int:dossier_id>/regie/stappen/<int:stap_id>", methods=["POST"])
@login_required
@dossier_scherm("regie.werken")
def stap(dossier: Dossier, stap_id: int):
    """Tick (actie=afvinken) or undo with a reason (actie=ongedaan) one step: htmx gets the step
    (and the "next step" box out of band), a plain form 303 back to the checklist."""
    item = checklist.stap_van(dossier, stap_id)
    if item is None:
        abort(404)
    form = StapForm()
    if form.actie.data not in ("afvinken", "ongedaan"):
        abort(400)
    status, fout = 422, None
    if form.validate():
        try:
            if form.actie.data == "afvinken":
                checklist.vink_aan(dossier, item.stap, _user())
                melding = f"Afgevinkt: {item.stap.tekst}"
            else:
                checklist.maak_ongedaan(dossier, item.stap, form.reden.data, _user())
                melding = f"Niet meer afgevinkt: {item.stap.tekst}"
        except checklist.ChecklistFout as error:
            fout, status = str(error), 409 if error.conflict else 422
        else:
            return answer(melding, url_for("regie.checklist_scherm", dossier_id=dossier.id),
                          template="regie/checklist.html", block=_stap_blokken(stap_id),
                          context=lambda: _checklist_context(dossier, stap_id=stap_id))
    else:
        fout = form.reden.errors[0] if form.reden.errors else "Uw formulier was verlopen. Probeer opnieuw."
    return render("regie/checklist.html", _stap_blokken(stap_id), status=status,
                  **{**_checklist_context(dossier, stap_id=stap_id), "stap_fout": fout, "stap_fout_id": stap_id,
                     "reden": form.reden.data or ""})


@bp.route("/dossiers/<int:dossier_id>/regie/fase", methods=["POST"])
@login_required
@dossier_scherm("regie.werken")
def fase(dossier: Dossier):
    """Move the phase (one of fasen.REGIE_ACTIES); a refusal shows the workflow's reason (422)."""
    form = FaseForm()
    actie = form.actie.data or ""
    if form.validate():
        try:
            fasen.ga_naar(dossier, actie, _user(), form.toelichting.data or "")
        except WorkflowError as error:
            form.toelichting.errors = [str(error)]
        else:
            nieuw = Dossier.get_by_id(dossier.id)
            return answer(f"Het dossier is nu in de fase ‘{Fase.label_van(nieuw.fase)}’.",
                          url_for("regie.checklist_scherm", dossier_id=dossier.id))
    return render("regie/checklist.html", {"regie-fase": "fase", "scherm": "content"}, status=422,
                  **_checklist_context(dossier, fase_form=form, fase_actie=actie))


# ---------------------------------------------------------------- logboek
def _logboek_context(dossier: Dossier, form: LogboekForm, **extra) -> dict:
    pagina = _pagina_nr()
    items, meer = logboek.pagina(dossier, pagina)
    return dict(dossier=dossier, form=form, items=items, meer=meer, pagina=pagina,
                werken=access.can(current_user, "regie.werken", dossier),
                title=f"Logboek {dossier.nummer}", **extra)


def _logboek_fout(form: LogboekForm, error: logboek.LogboekFout) -> None:
    getattr(form, error.veld).errors = [*getattr(form, error.veld).errors, str(error)]


@bp.route("/dossiers/<int:dossier_id>/regie/logboek", methods=["GET", "POST"])
@login_required
@dossier_scherm("regie.lezen")
def logboek_scherm(dossier: Dossier):
    form = LogboekForm()
    blokken = {"logboek": "logboek", "scherm": "content"}
    if request.method == "GET":
        form = LogboekForm(formdata=None, datum=vandaag())
        return render("regie/logboek.html", blokken, **_logboek_context(dossier, form))
    access.require(current_user, "regie.werken", dossier)
    if form.validate():
        try:
            logboek.schrijf(dossier, _user(), **form.velden())
        except logboek.LogboekFout as error:
            _logboek_fout(form, error)
        else:
            return answer("Het logboekitem is bewaard.", url_for("regie.logboek_scherm", dossier_id=dossier.id),
                          template="regie/logboek.html", block=blokken,
                          context=lambda: _logboek_context(dossier, LogboekForm(formdata=None, datum=vandaag())))
    return render("regie/logboek.html", blokken, status=422, **_logboek_context(dossier, form))


@bp.route("/dossiers/<int:dossier_id>/regie/logboek/<int:entry_id>", methods=["GET", "POST"])
@login_required
@dossier_scherm("regie.werken")
def logboek_corrigeren(dossier: Dossier, entry_id: int):
    entry = logboek.entry_van(dossier, entry_id)
    if entry is None:
        abort(404)
    # A POST on a version corrected meanwhile reaches the rule, which answers the conflict (409).
    huidig = entry if request.method == "GET" or entry.actueel else (logboek.actueel_van(entry) or entry)
    access.require(current_user, "logboek.corrigeren", huidig)
    if request.method == "GET":
        form = LogboekForm(formdata=None, obj=entry)
        return _corrigeer_scherm(dossier, entry, form)
    form = LogboekForm()
    if form.validate():
        try:
            logboek.corrigeer(entry, _user(), **form.velden())
        except logboek.LogboekFout as error:
            _logboek_fout(form, error)
        except logboek.LogboekConflict as conflict:
            if conflict.actueel is None:
                abort(409)
            return _corrigeer_scherm(dossier, conflict.actueel, form, status=409, conflict=str(conflict))
        else:
            return answer("De verbetering is bewaard; de vorige versie blijft zichtbaar.",
                          url_for("regie.logboek_scherm", dossier_id=dossier.id))
    return _corrigeer_scherm(dossier, entry, form, status=422)


def _corrigeer_scherm(dossier, entry, form, status=200, conflict=None):
    return render("regie/logboek_corrigeren.html", {"scherm": "content"}, status=status, dossier=dossier,
                  entry=entry, form=form, conflict=conflict, title=f"Logboek {dossier.nummer} verbeteren")


# ---------------------------------------------------------------- opschalen / afschalen
def _spoor_context(dossier: Dossier, **extra) -> dict:
    voorstel = spoor.wachtend(dossier)
    beslissen = voorstel is not None and access.can(current_user, "spoorvoorstel.beslissen", voorstel)
    besluit_form = extra.pop("besluit_form", None)
    if beslissen and besluit_form is None:
        besluit_form = SpoorBesluitForm(formdata=None, regisseur=str(dossier.regisseur_id or ""))
    if besluit_form is not None and voorstel is not None:
        besluit_form.regisseur.choices = [("", "Kies een casusregisseur")] + [
            (str(u.id), u.naam) for u in spoor.kandidaten(voorstel)]
    return dict(dossier=dossier, voorstel=voorstel, beslissen=beslissen, besluit_form=besluit_form,
                voorstel_form=extra.pop("voorstel_form", None) or SpoorVoorstelForm(formdata=None),
                werken=access.can(current_user, "regie.werken", dossier), weigering=spoor.weigering(dossier),
                naar=spoor.naar_spoor(dossier), geschiedenis=spoor.geschiedenis(dossier),
                title=f"Spoor van {dossier.nummer}", **extra)


@bp.route("/dossiers/<int:dossier_id>/regie/spoor", methods=["GET", "POST"])
@login_required
@dossier_scherm("regie.lezen")
def spoor_scherm(dossier: Dossier):
    """The regisseur proposes the other spoor (stap=voorstellen); the coordinator decides on the
    waiting proposal (stap=beslissen)."""
    if request.method == "GET":
        return render("regie/spoor.html", {"scherm": "content"}, **_spoor_context(dossier))
    if request.form.get("stap") == "beslissen":
        return _spoor_beslissen(dossier)
    access.require(current_user, "regie.werken", dossier)
    form = SpoorVoorstelForm()
    if form.validate():
        try:
            spoor.stel_voor(dossier, form.reden.data, _user())
        except spoor.SpoorFout as error:
            form.reden.errors = [str(error)]
        else:
            return answer("Uw voorstel staat op het triagebord; de coördinator beslist erover.",
                          url_for("regie.spoor_scherm", dossier_id=dossier.id))
    return render("regie/spoor.html", {"scherm": "content"}, status=422,
                  **_spoor_context(dossier, voorstel_form=form))


def _spoor_beslissen(dossier: Dossier):
    voorstel = spoor.wachtend(dossier)
    if voorstel is None:
        return render("regie/spoor.html", {"scherm": "content"}, status=409,
                      **_spoor_context(dossier, conflict="Over dit voorstel werd intussen al beslist."))
    access.require(current_user, "spoorvoorstel.beslissen", voorstel)
    form = SpoorBesluitForm()
    status = 422
    if form.validate():
        regisseur = User.get_or_none(User.id == access.parse_id(form.regisseur.data or ""))
        try:
            spoor.beslis(voorstel, form.uitkomst.data or "", _user(), motivering=form.motivering.data or "",
                         regisseur=regisseur)
        except spoor.SpoorFout as error:
            getattr(form, error.veld).errors = [str(error)]
            status = 409 if error.conflict else 422
        else:
            return answer("Het besluit over het spoorvoorstel is bewaard.",
                          url_for("regie.spoor_scherm", dossier_id=dossier.id))
    return render("regie/spoor.html", {"scherm": "content"}, status=status,
                  **_spoor_context(Dossier.get_by_id(dossier.id), besluit_form=form))


# ---------------------------------------------------------------- afsluiting and heropening
def _afsluit_context(dossier: Dossier, **extra) -> dict:
    werken = access.can(current_user, "regie.werken", dossier)
    reden = None
    if werken:
        try:
            check(dossier.toestand(), "afsluiten")
        except WorkflowError as error:
            reden = str(error)
    return dict(dossier=dossier, werken=werken, weigering=reden,
                heropenen=access.can(current_user, "regie.heropenen", dossier),
                form=extra.pop("form", None) or AfsluitForm(formdata=None),
                heropen_form=extra.pop("heropen_form", None) or HeropenForm(formdata=None),
                afsluitingen=afsluiting.afsluitingen(dossier), title=f"Afsluiting {dossier.nummer}", **extra)


@bp.route("/dossiers/<int:dossier_id>/regie/afsluiten", methods=["GET", "POST"])
@login_required
@dossier_scherm("regie.lezen")
def afsluiten(dossier: Dossier):
    if request.method == "GET":
        return render("regie/afsluiten.html", {"scherm": "content"}, **_afsluit_context(dossier))
    access.require(current_user, "regie.werken", dossier)
    form = AfsluitForm()
    if form.validate():
        try:
            afsluiting.sluit_af(dossier, _user(), reden=form.reden.data or "",
                                veiligheidsplan_ok=form.veiligheidsplan_ok.data,
                                gezin_kan_terugkomen=form.gezin_kan_terugkomen.data,
                                toelichting=form.toelichting.data or "")
        except afsluiting.AfsluitFout as error:
            getattr(form, error.veld).errors = [str(error)]
        except WorkflowError as error:
            form.reden.errors = [str(error)]
        else:
            return answer("Het dossier is afgesloten.", url_for("regie.afsluiten", dossier_id=dossier.id))
    return render("regie/afsluiten.html", {"scherm": "content"}, status=422,
                  **_afsluit_context(Dossier.get_by_id(dossier.id), form=form))


@bp.route("/dossiers/<int:dossier_id>/regie/heropenen", methods=["POST"])
@login_required
@dossier_scherm("regie.heropenen")
def heropenen(dossier: Dossier):
    form = HeropenForm()
    if form.validate():
        try:
            afsluiting.heropen(dossier, _user(), form.reden.data)
        except (afsluiting.AfsluitFout, WorkflowError) as error:
            form.reden.errors = [str(error)]
        else:
            return answer("Het dossier is heropend en staat weer in uitvoering.",
                          url_for("regie.checklist_scherm", dossier_id=dossier.id))
    return render("regie/afsluiten.html", {"scherm": "content"}, status=422,
                  **_afsluit_context(dossier, heropen_form=form))

