"""The casusregie rules of vh/regie (regie-kern): the phases through regie.fasen (every regie
action from every casusregie phase, allowed and refused), the checklist, the logboek with its
corrections, opschalen/afschalen, afsluiting and heropening, and Mijn werk with the flags of
domain rule 5. Dossiers are walked there by kit.maak_dossier (the rules, not the screens)."""
from __future__ import annotations

import datetime as dt

import kit
import pytest
from kit import coordinator, maak_dossier, user

from vh.keuzes import Fase
from vh.models import (
    Actie,
    AuditEvent,
    Doel,
    Dossier,
    Levensdomein,
    Logboek,
    Overgang,
    RegieStap,
    RegieVinkje,
    Spoorvoorstel,
    Zorgoverleg,
    utcnow,
)
from vh.regie import afsluiting, checklist, fasen, logboek, mijn_werk, spoor
from vh.tijd import vandaag
from vh.workflow import WorkflowError

TERVUREN = ("3080", "Tervuren")  # PZ Voer en Dijle: no pilot zone
REGIE_FASEN = ["kennismaking", "vraagverduidelijking", "plan_van_aanpak", "uitvoering", "afronding"]
# actie → the phases it is allowed from (every guard satisfied: a risk analysis, a carried-out
# action), written out on purpose; the phase it leads to.
TABEL = {
    "vraagverduidelijking": ({"kennismaking"}, "vraagverduidelijking"),
    "plan_van_aanpak": ({"vraagverduidelijking"}, "plan_van_aanpak"),
    "uitvoering": ({"plan_van_aanpak", "afronding"}, "uitvoering"),
    "afronding": ({"uitvoering"}, "afronding"),
}


def open_actie(d, deadline=None, status="open") -> Actie:
    domein = Levensdomein.select().order_by(Levensdomein.volgorde).first()
    doel = Doel.create(dossier=d, domein=domein, omschrijving="Doel.", aangemaakt_door=d.regisseur)
    return Actie.create(doel=doel, dossier=d, organisatie=user("ggz@vh.test").organisatie, omschrijving="Actie.",
                        deadline=deadline or vandaag() + dt.timedelta(days=7), status=status,
                        aangemaakt_door=d.regisseur)


# ---------------------------------------------------------------- phases
@pytest.mark.parametrize("fase", REGIE_FASEN)
@pytest.mark.parametrize("actie", sorted(TABEL))
def test_every_regie_action_from_every_phase(app, fase, actie):
    d = maak_dossier(fase)
    if fase == "vraagverduidelijking":
        kit._risicoanalyse(d)  # every guard satisfied: only the phase decides
    if fase == "plan_van_aanpak":
        kit._uitgevoerde_actie(d)
    van, naar = TABEL[actie]
    toelichting = "Nieuwe ruzie met slagen." if fase == "afronding" else ""
    if fase in van:
        overgang = fasen.ga_naar(d, actie, d.regisseur, toelichting)
        d = Dossier.get_by_id(d.id)
        assert d.fase == naar and (overgang.van, overgang.naar, overgang.door_id) == (fase, naar, d.regisseur_id)
        assert overgang.toelichting == toelichting
    else:
        with pytest.raises(WorkflowError, match="kan niet in de fase"):
            fasen.ga_naar(d, actie, d.regisseur, toelichting)
        assert Dossier.get_by_id(d.id).fase == fase


def test_only_the_regie_actions_pass_ga_naar(app):
    d = maak_dossier("uitvoering")
    for actie in ("afsluiten", "heropenen", "besluit_advies", "bestaat_niet"):
        with pytest.raises(WorkflowError, match="bestaat niet in de casusregie"):
            fasen.ga_naar(d, actie, d.regisseur)


def test_the_conditions_of_the_regie_steps_are_refused_with_their_reason(app):
    d = maak_dossier("vraagverduidelijking")
    with pytest.raises(WorkflowError, match="Maak eerst een risicoanalyse"):
        fasen.ga_naar(d, "plan_van_aanpak", d.regisseur)
    assert fasen.knoppen(d)["volgende"][1].startswith("Maak eerst een risicoanalyse")
    d = maak_dossier("plan_van_aanpak")
    Actie.delete().where(Actie.dossier == d.id).execute()
    with pytest.raises(WorkflowError, match="nog geen acties"):
        fasen.ga_naar(d, "uitvoering", d.regisseur)
    d = maak_dossier("uitvoering")
    open_actie(d)
    with pytest.raises(WorkflowError, match="nog 1 actie open"):
        fasen.ga_naar(d, "afronding", d.regisseur)
    assert fasen.knoppen(d) == {"knoppen": [], "afsluiten": False,
                                "volgende": ("Naar afronding (in wacht)", fasen.knoppen(d)["volgende"][1])}


def test_a_new_concern_during_afronding_needs_a_toelichting(app):
    d = maak_dossier("afronding")
    with pytest.raises(WorkflowError, match="Beschrijf de nieuwe zorg"):
        fasen.ga_naar(d, "uitvoering", d.regisseur, "   ")
    fasen.ga_naar(d, "uitvoering", d.regisseur, "De vader dreigde opnieuw.")
    laatste = Overgang.van_dossier(d).order_by(Overgang.id.desc()).first()
    assert (laatste.van, laatste.naar, laatste.toelichting) == ("afronding", "uitvoering", "De vader dreigde opnieuw.")


def test_knoppen_offer_only_what_the_workflow_allows(app):
    assert fasen.knoppen(maak_dossier("kennismaking")) == {
        "knoppen": [("vraagverduidelijking", "Naar vraagverduidelijking")], "volgende": None, "afsluiten": True}
    assert [a for a, _ in fasen.knoppen(maak_dossier("afronding"))["knoppen"]] == ["uitvoering"]


# ---------------------------------------------------------------- afsluiting and heropening
def test_closing_with_the_checklist_and_reopening(app):
    d = maak_dossier("afronding")
    a = afsluiting.sluit_af(d, d.regisseur, reden="doelen_bereikt", veiligheidsplan_ok=True,
                            gezin_kan_terugkomen=True)
    d = Dossier.get_by_id(d.id)
    assert (d.fase, d.afsluitreden, a.veiligheidsplan_ok, a.door_id) == ("afgesloten", "doelen_bereikt", True,
                                                                         d.regisseur_id)
    assert d.afgesloten_op is not None
    assert AuditEvent.select().where(AuditEvent.actie == "dossier.afsluiting").exists()
    with pytest.raises(afsluiting.AfsluitFout, match="waarom het dossier heropend"):
        afsluiting.heropen(d, coordinator(), " ")
    d = afsluiting.heropen(d, coordinator(), "Nieuwe melding van de school.")
    assert (d.fase, d.afsluitreden, d.afgesloten_op) == ("uitvoering", None, None)
    assert Overgang.van_dossier(d, "heropenen").get().toelichting == "Nieuwe melding van de school."
    assert AuditEvent.select().where(AuditEvent.actie == "dossier.heropening").exists()
    afsluiting.sluit_af(Dossier.get_by_id(d.id), d.regisseur, reden="andere", toelichting="Verhuisd naar Gent.")
    assert len(afsluiting.afsluitingen(d)) == 2  # closed twice: two checklists kept


def test_closing_is_refused_with_open_actions_and_without_a_reason(app):
    d = maak_dossier("uitvoering")
    with pytest.raises(afsluiting.AfsluitFout, match="Kies waarom"):
        afsluiting.sluit_af(d, d.regisseur, reden="")
    with pytest.raises(afsluiting.AfsluitFout, match="welke andere reden"):
        afsluiting.sluit_af(d, d.regisseur, reden="andere")
    open_actie(d, status="bezig")
    with pytest.raises(WorkflowError, match="nog 1 actie open"):
        afsluiting.sluit_af(d, d.regisseur, reden="weigert")
    assert Dossier.get_by_id(d.id).fase == "uitvoering" and not d.afsluitingen.count()


def test_only_a_dossier_that_was_in_regie_is_reopened(app):
    d = maak_dossier("afgesloten")  # decided advies, never in casusregie
    with pytest.raises(WorkflowError, match="in casusregie was"):
        afsluiting.heropen(d, coordinator(), "Toch opnieuw.")


# ---------------------------------------------------------------- the checklist
def test_ticking_undoing_and_ticking_again_keep_every_row(app):
    d = maak_dossier("kennismaking")
    regisseur = d.regisseur
    lijst = checklist.checklist(d)
    assert [f.fase for f in lijst] == ["kennismaking"]
    eerste = lijst[0].stappen[0]
    assert not eerste.gedaan and lijst[0].open[0] is eerste
    checklist.vink_aan(d, eerste.stap, regisseur)
    s = checklist.stap_van(d, eerste.id)
    assert s.gedaan and s.vinkje.gedaan_door.id == regisseur.id and s.vinkje.gedaan_op
    with pytest.raises(checklist.ChecklistFout) as fout:
        checklist.vink_aan(d, eerste.stap, regisseur)
    assert fout.value.conflict and "al afgevinkt door" in str(fout.value)
    with pytest.raises(checklist.ChecklistFout, match="Schrijf waarom"):
        checklist.maak_ongedaan(d, eerste.stap, "  ", regisseur)
    checklist.maak_ongedaan(d, eerste.stap, "Per vergissing aangevinkt.", regisseur)
    with pytest.raises(checklist.ChecklistFout) as fout:
        checklist.maak_ongedaan(d, eerste.stap, "Nog eens.", regisseur)
    assert fout.value.conflict
    checklist.vink_aan(d, eerste.stap, regisseur)
    s = checklist.stap_van(d, eerste.id)
    assert s.gedaan and [v.ongedaan_reden for v in s.ongedaan] == ["Per vergissing aangevinkt."]
    assert RegieVinkje.select().where(RegieVinkje.dossier == d.id).count() == 2
    acties = [e.actie for e in AuditEvent.select().where(AuditEvent.dossier_id == d.id)]
    assert acties.count("regie.stap_afvinken") == 2 and acties.count("regie.stap_ongedaan") == 1


def test_checklist_shows_earlier_phases_and_only_active_steps(app):
    d = maak_dossier("plan_van_aanpak")
    assert [f.fase for f in checklist.checklist(d)] == ["kennismaking", "vraagverduidelijking", "plan_van_aanpak"]
    stap = RegieStap.select().where(RegieStap.fase == "plan_van_aanpak").order_by(RegieStap.volgorde).first()
    RegieStap.update(actief=False).where(RegieStap.id == stap.id).execute()
    huidig = checklist.checklist(d)[-1]
    assert huidig.huidig and stap.id not in [s.id for s in huidig.stappen]
    assert checklist.stap_van(d, stap.id) is None
    later = RegieStap.select().where(RegieStap.fase == "afronding").first()
    assert checklist.stap_van(d, later.id) is None  # a step of a later phase is not offered yet


# ---------------------------------------------------------------- logboek
def test_logboek_entries_and_corrections_keep_the_earlier_version(app):
    d = maak_dossier("kennismaking")
    r = d.regisseur
    e = logboek.schrijf(d, r, datum=vandaag(), soort="huisbezoek", met_wie="de moeder", tekst="Eerste bezoek.")
    fouten = [(dict(datum=None), "datum"), (dict(datum=vandaag() + dt.timedelta(days=1)), "datum"),
              (dict(soort="fax"), "soort"), (dict(tekst=" "), "tekst"), (dict(tekst="x" * 2001), "tekst"),
              (dict(met_wie="x" * 201), "met_wie")]
    for fout, veld in fouten:
        velden = {**dict(datum=vandaag(), soort="telefoon", tekst="Tekst."), **fout}
        with pytest.raises(logboek.LogboekFout) as error:
            logboek.schrijf(d, r, **velden)
        assert error.value.veld == veld
    nieuw = logboek.corrigeer(e, r, datum=vandaag(), soort="huisbezoek", met_wie="de moeder en de vader",
                              tekst="Eerste bezoek, met beide ouders.")
    with pytest.raises(logboek.LogboekConflict) as conflict:  # someone corrects the old version too
        logboek.corrigeer(Logboek.get_by_id(e.id), r, datum=vandaag(), soort="gesprek", tekst="Anders.")
    assert conflict.value.actueel.id == nieuw.id
    derde = logboek.corrigeer(nieuw, r, datum=vandaag(), soort="huisbezoek", tekst="Derde versie.")
    assert logboek.actueel_van(e).id == derde.id
    items, meer = logboek.pagina(d)
    assert not meer and [i.entry.id for i in items] == [derde.id]
    assert [v.id for v in items[0].eerder] == [nieuw.id, e.id]  # newest first
    assert AuditEvent.select().where(AuditEvent.actie == "logboek.corrigeren").count() == 2


def test_logboek_is_newest_first_and_paged(app):
    d = maak_dossier("kennismaking")
    for i in range(logboek.PER_PAGINA + 2):
        logboek.schrijf(d, d.regisseur, datum=vandaag() - dt.timedelta(days=i), soort="telefoon", tekst=f"Item {i}")
    items, meer = logboek.pagina(d)
    assert meer and len(items) == logboek.PER_PAGINA and items[0].entry.tekst == "Item 0"
    rest, meer = logboek.pagina(d, 2)
    assert not meer and [i.entry.tekst for i in rest] == [f"Item {logboek.PER_PAGINA}", f"Item {logboek.PER_PAGINA + 1}"]


# ---------------------------------------------------------------- opschalen / afschalen
def test_spoor2_proposes_spoor3_and_the_coordinator_accepts_with_a_new_regisseur(app):
    d = maak_dossier("uitvoering", spoor=2)
    assert d.regisseur_id == user("regisseur2").id
    with pytest.raises(spoor.SpoorFout, match="Schrijf waarom"):
        spoor.stel_voor(d, "", d.regisseur)
    v = spoor.stel_voor(d, "Structureel onveilig: intensieve regie nodig.", d.regisseur)
    assert (v.van_spoor, v.naar_spoor, v.uitkomst) == (2, 3, None)
    assert spoor.weigering(d) == "Er wacht al een voorstel op het besluit van de coördinator."
    with pytest.raises(spoor.SpoorFout) as fout:
        spoor.beslis(v, "aanvaard", coordinator(), regisseur=user("regisseur2"))  # no spoor-3 regisseur
    assert fout.value.veld == "regisseur"
    spoor.beslis(v, "aanvaard", coordinator(), regisseur=user("regisseur3"))
    d = Dossier.get_by_id(d.id)
    assert (d.spoor, d.regisseur_id, d.fase) == (3, user("regisseur3").id, "uitvoering")
    stempel = Overgang.van_dossier(d, "opschalen").get()
    assert (stempel.van, stempel.naar, stempel.door_id) == ("uitvoering", "uitvoering", coordinator().id)
    with pytest.raises(spoor.SpoorFout) as fout:  # decided once
        spoor.beslis(Spoorvoorstel.get_by_id(v.id), "geweigerd", coordinator(), motivering="Nee.")
    assert fout.value.conflict
    assert AuditEvent.select().where(AuditEvent.actie == "dossier.spoor").exists()


def test_spoor3_proposes_spoor2_only_in_a_pilot_zone_and_a_refusal_needs_a_reason(app):
    d = maak_dossier("uitvoering", plaats=TERVUREN)
    assert d.spoor == 3 and not d.pilootzone
    with pytest.raises(spoor.SpoorFout, match="pilootzone"):
        spoor.stel_voor(d, "Het gaat beter.", d.regisseur)
    d = maak_dossier("uitvoering")  # Leuven: a pilot zone
    v = spoor.stel_voor(d, "Het gaat beter: korte ondersteuning volstaat.", d.regisseur)
    with pytest.raises(spoor.SpoorFout, match="waarom het voorstel geweigerd"):
        spoor.beslis(v, "geweigerd", coordinator())
    v = spoor.beslis(v, "geweigerd", coordinator(), motivering="Nog te vroeg.")
    assert (v.uitkomst, v.motivering) == ("geweigerd", "Nog te vroeg.") and Dossier.get_by_id(d.id).spoor == 3
    assert spoor.weigering(d) is None  # a new proposal may follow


# ---------------------------------------------------------------- Mijn werk
def _besluit_verschoven(d, dagen):
    Overgang.update(op=utcnow() - dt.timedelta(days=dagen)).where(
        (Overgang.dossier == d.id) & Overgang.actie.startswith("besluit_")).execute()


def test_mijn_werk_rows_and_the_flags_of_domain_rule_5(app):
    r3 = user("regisseur3")
    vers = maak_dossier("kennismaking")
    oud = maak_dossier("uitvoering")
    _besluit_verschoven(oud, 370)
    wacht = maak_dossier("afronding", dagen_in_fase=190)
    maak_dossier("afgesloten")  # not theirs, not running
    open_actie(oud, deadline=vandaag() - dt.timedelta(days=1))
    open_actie(oud, deadline=vandaag() - dt.timedelta(days=3), status="bezig")
    open_actie(oud, deadline=vandaag() - dt.timedelta(days=3), status="uitgevoerd")
    open_actie(oud, deadline=vandaag() + dt.timedelta(days=3))
    morgen = utcnow() + dt.timedelta(days=1)
    Zorgoverleg.create(dossier=oud, datum=morgen + dt.timedelta(days=7), aangemaakt_door=r3)
    Zorgoverleg.create(dossier=oud, datum=morgen, aangemaakt_door=r3)
    Zorgoverleg.create(dossier=oud, datum=utcnow() - dt.timedelta(days=2), aangemaakt_door=r3)
    rijen, meer = mijn_werk.mijn_werk(r3)
    per = {r.dossier.id: r for r in rijen}
    assert not meer and set(per) == {vers.id, oud.id, wacht.id}
    assert per[vers.id].volgende_stap.tekst == "Kennismaking met elke volwassene van het gezin"
    assert per[vers.id].vlaggen == [] and per[vers.id].te_laat == 0 and per[vers.id].zorgoverleg is None
    assert per[oud.id].te_laat == 2 and per[oud.id].zorgoverleg == morgen
    assert [k for k, _ in per[oud.id].vlaggen] == ["herzien"]
    assert [k for k, _ in per[wacht.id].vlaggen] == ["afsluiten"]
    assert mijn_werk.mijn_werk(user("regisseur2"))[0] == []


def test_review_flag_after_6_months_for_spoor_2(app):
    d = maak_dossier("uitvoering", spoor=2)
    assert mijn_werk.mijn_werk(d.regisseur)[0][0].vlaggen == []
    _besluit_verschoven(d, 200)
    assert [k for k, _ in mijn_werk.mijn_werk(d.regisseur)[0][0].vlaggen] == ["herzien"]
    d3 = maak_dossier("uitvoering")
    _besluit_verschoven(d3, 200)  # spoor 3: only after 12 months
    assert mijn_werk.vlaggen(Dossier.get_by_id(d3.id), utcnow() - dt.timedelta(days=200)) == []


def test_maanden_terug():
    assert mijn_werk.maanden_terug(6, dt.date(2026, 8, 31)) == dt.date(2026, 2, 28)
    assert mijn_werk.maanden_terug(12, dt.date(2024, 2, 29)) == dt.date(2023, 2, 28)
    assert mijn_werk.maanden_terug(1, dt.date(2026, 1, 15)) == dt.date(2025, 12, 15)


def test_kit_reaches_every_casusregie_phase_in_both_sporen(app):
    for s in (2, 3):
        for fase in REGIE_FASEN:
            d = maak_dossier(fase, spoor=s)
            assert (d.fase, d.spoor) == (fase, s)
    assert Fase.AFRONDING in REGIE_FASEN
