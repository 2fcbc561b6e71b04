"""Casusregie items 7 and 8: the veiligheidsplan (versions, conflict, the copy for the family per
reader, print view and PDF) and the zorgoverleg (planning with 458ter, agenda from the plan,
minutes with optimistic locking, decisions as actions, ICS without dossier data): rules,
screens (page, fragment, no-JS, 422, 409), audit and query bounds. The access matrix is
tests/test_regie_vp_access.py."""
from __future__ import annotations

import datetime as dt

import pytest
from kit import (
    HX,
    VP_TEKST,
    assert_fragment,
    assert_page,
    maak_dossier,
    maak_veiligheidsplan,
    maak_vp_actie,
    maak_zorgoverleg,
    queries_for,
)

from vh.models import Actie, AuditEvent, Dossier, Persoon, Veiligheidsplan, Zorgoverleg
from vh.regie import veiligheidsplan as vp_regels
from vh.regie import zorgoverleg as zo_regels
from vh.tijd import vandaag

GRIET = "Griet neemt de kinderen mee naar de buren."
JARNO = "Jarno gaat een uur wandelen en drinkt niet."


@pytest.fixture
def dossier(app):
    return maak_dossier("kennismaking")


def _personen(d):
    griet, jarno = Persoon.van(dossier=d)
    assert (griet.rol, jarno.rol) == ("slachtoffer", "pleger")
    return griet, jarno


def _plan(d, **velden):
    griet, jarno = _personen(d)
    return maak_veiligheidsplan(d, {griet: GRIET, jarno: JARNO}, **velden)


def _form(d, basis=0, **extra):
    griet, jarno = _personen(d)
    evaluatie = vandaag() + dt.timedelta(days=30)
    data = {**VP_TEKST, "basis": str(basis), f"wat_doen_{griet.id}": GRIET, f"wat_doen_{jarno.id}": JARNO,
            "evaluatie_op-dag": str(evaluatie.day), "evaluatie_op-maand": str(evaluatie.month),
            "evaluatie_op-jaar": str(evaluatie.year)}
    data.update(extra)
    return data


# ---------------------------------------------------------------- veiligheidsplan: rules
def test_versions_are_new_rows_and_audited(dossier):
    een = _plan(dossier)
    twee = _plan(dossier, zorg="Nieuwe zorg in hun woorden.")
    assert (een.nummer, twee.nummer) == (1, 2)
    assert Veiligheidsplan.get_by_id(een.id).zorg == VP_TEKST["zorg"]  # the old version stays
    assert [v.nummer for v in vp_regels.versies(dossier)] == [2, 1]
    events = list(AuditEvent.select().where(AuditEvent.actie == "veiligheidsplan.create").order_by(AuditEvent.id))
    assert [e.object_id for e in events] == [een.id, twee.id]
    assert "Nieuwe zorg in hun woorden." in events[1].details and VP_TEKST["zorg"] in events[1].details


def test_a_stale_form_is_a_conflict(dossier):
    _plan(dossier)
    with pytest.raises(vp_regels.VeiligheidsplanConflict) as error:
        vp_regels.bewaar(dossier, dict(VP_TEKST), {}, 0, dossier.regisseur)
    assert error.value.laatste.nummer == 1 and "versie 1" in str(error.value)
    assert Veiligheidsplan.select().where(Veiligheidsplan.dossier == dossier.id).count() == 1


def test_a_simultaneous_save_loses_on_the_unique_index(dossier, monkeypatch):
    """Both read "no version yet"; the second insert hits (dossier, nummer) and is a conflict."""
    _plan(dossier)
    echt, gelezen = vp_regels.laatste, []

    def verouderd(d):  # the first read happened before the other save
        gelezen.append(d.id)
        return None if len(gelezen) == 1 else echt(d)

    monkeypatch.setattr(vp_regels, "laatste", verouderd)
    with pytest.raises(vp_regels.VeiligheidsplanConflict) as error:
        vp_regels.bewaar(dossier, dict(VP_TEKST), {}, 0, dossier.regisseur)
    assert error.value.laatste.nummer == 1
    assert Veiligheidsplan.select().where(Veiligheidsplan.dossier == dossier.id).count() == 1


def test_only_persons_of_the_dossier_and_only_in_casusregie(dossier):
    ander = maak_dossier("kennismaking")
    vreemde = Persoon.van(dossier=ander)[0]
    with pytest.raises(vp_regels.VeiligheidsplanError):
        vp_regels.bewaar(dossier, dict(VP_TEKST), {vreemde.id: "x"}, 0, dossier.regisseur)
    dossier.fase = "afgesloten"
    with pytest.raises(vp_regels.VeiligheidsplanError):
        vp_regels.bewaar(dossier, dict(VP_TEKST), {}, 0, dossier.regisseur)


# ---------------------------------------------------------------- the copy for the family
def test_copy_for_the_victim(dossier):
    griet, _ = _personen(dossier)
    inhoud = vp_regels.exemplaar(_plan(dossier), [griet])
    assert inhoud["wat_doen"] == [(griet, GRIET)]  # her own part, not his
    assert inhoud["veilige_personen"] == VP_TEKST["veilige_personen"]
    assert inhoud["veilige_plaatsen"] == VP_TEKST["veilige_plaatsen"]


@pytest.mark.parametrize("samen", [False, True])
def test_copy_for_the_pleger_never_holds_the_victims_safety(app, dossier, samen):
    griet, jarno = _personen(dossier)
    plan = _plan(dossier)
    lezers = [griet, jarno] if samen else [jarno]
    with app.test_request_context():
        html = vp_regels.exemplaar_html(plan, lezers, vandaag())
    assert JARNO in html and ("Jarno" in html)
    assert VP_TEKST["veilige_personen"] not in html and VP_TEKST["veilige_plaatsen"] not in html
    assert "Bij wie kan ik terecht" not in html
    assert (GRIET in html) is samen  # the victim's own part only on a copy that is also hers
    for gedeeld in (VP_TEKST["zorg"], VP_TEKST["signalen"], VP_TEKST["afspraken"], "1712", "101", "112 BE",
                    "huisarts", "CAW"):
        assert gedeeld in html
    assert dossier.nummer not in html and "Vandermeulen" not in html and "Verhaegen" not in html


def _pdf_tekst(document) -> str:
    return " ".join(box.text for page in document.pages for box in page._page_box.descendants()
                    if getattr(box, "text", None))


def test_the_pdf_is_rendered_from_the_same_copy(app, dossier):
    from weasyprint import HTML

    from vh.triage.brieven import STATIC, _alleen_stylesheet
    _, jarno = _personen(dossier)
    plan = _plan(dossier)
    with app.test_request_context():
        data = vp_regels.pdf(plan, [jarno], vandaag())
        html = vp_regels.exemplaar_html(plan, [jarno], vandaag())
        from flask import render_template
        document = HTML(string=render_template("regie/veiligheidsplan_pdf.html", inhoud=html),
                        base_url=STATIC.as_uri() + "/", url_fetcher=_alleen_stylesheet()).render()
    assert data[:4] == b"%PDF"
    tekst = _pdf_tekst(document)
    assert "Jarno gaat een uur" in tekst and "1712" in tekst
    assert "Tante Hilde" not in tekst and "neemt de kinderen" not in tekst


# ---------------------------------------------------------------- veiligheidsplan: screens
def _url(d, rest=""):
    return f"/dossiers/{d.id}/regie/veiligheidsplan{rest}"


def test_screen_without_a_plan_then_with_one(client, login, dossier):
    login("regisseur3")
    text = assert_page(client.get(_url(dossier)))
    assert "nog geen veiligheidsplan" in text and "Veiligheidsplan opstellen" in text
    _plan(dossier)
    text = assert_page(client.get(_url(dossier)))
    assert VP_TEKST["veilige_plaatsen"] in text and GRIET in text and JARNO in text
    assert "Nieuwe versie maken" in text and "Exemplaar voor het gezin" in text
    assert_fragment(client.get(_url(dossier), headers={**HX, "HX-Target": "scherm"}), contains='id="scherm"')
    assert AuditEvent.select().where((AuditEvent.actie == "veiligheidsplan.view")
                                     & (AuditEvent.dossier_id == dossier.id)).count() == 3


def test_the_coordinator_reads_but_does_not_write(client, login, dossier):
    _plan(dossier)
    login("coordinator")
    text = assert_page(client.get(_url(dossier)))
    assert GRIET in text and "Nieuwe versie maken" not in text
    assert client.get(_url(dossier, "/nieuw")).status_code == 403
    assert client.post(_url(dossier, "/nieuw"), data=_form(dossier, 1)).status_code == 403


def test_new_version_form_is_prefilled_and_saves_without_js(client, login, dossier):
    _plan(dossier)
    login("regisseur3")
    text = assert_page(client.get(_url(dossier, "/nieuw")))
    assert VP_TEKST["veilige_personen"] in text and JARNO in text and 'id="basis" name="basis" type="hidden" value="1"' in text
    r = client.post(_url(dossier, "/nieuw"), data=_form(dossier, 1, zorg="Met de kinderen erbij besproken."))
    assert r.status_code == 303 and r.headers["Location"].endswith(_url(dossier))
    assert vp_regels.laatste(dossier).nummer == 2
    assert "Versie 2 van het veiligheidsplan is bewaard" in client.get(_url(dossier)).text


def test_new_version_with_htmx(client, login, dossier):
    login("regisseur3")
    r = client.post(_url(dossier, "/nieuw"), data=_form(dossier), headers={**HX, "HX-Target": "scherm"})
    assert r.status_code == 204 and "HX-Location" in r.headers
    assert vp_regels.laatste(dossier).nummer == 1


@pytest.mark.parametrize("extra, fout", [
    ({"zorg": ""}, "Schrijf de zorg op zoals het gezin ze zegt."),
    ({"evaluatie_op-jaar": "9999"}, "Kies een datum tussen"),
    ({"evaluatie_op-dag": "31", "evaluatie_op-maand": "2"}, "moet een bestaande datum zijn"),
    ({"opvolging": ""}, "Vul in wie het plan opvolgt."),
])
def test_invalid_form_is_422_beside_the_field(client, login, dossier, extra, fout):
    login("regisseur3")
    r = client.post(_url(dossier, "/nieuw"), data=_form(dossier, **extra))
    text = assert_page(r, 422)
    assert fout in text and "Er is een probleem" in text and "error-message" in text
    assert_fragment(client.post(_url(dossier, "/nieuw"), data=_form(dossier, **extra),
                                headers={**HX, "HX-Target": "scherm"}), 422, contains=fout)
    assert vp_regels.laatste(dossier) is None


def test_stale_form_is_409_showing_the_other_version(client, login, dossier):
    login("regisseur3")
    oud_formulier = _form(dossier, 0, zorg="Mijn versie.")
    _plan(dossier, zorg="De versie van de collega.")
    r = client.post(_url(dossier, "/nieuw"), data=oud_formulier)
    assert r.status_code == 409
    assert "De versie van de collega." in r.text and "Mijn versie." in r.text and "Intussen werd versie 1" in r.text
    assert 'id="basis" name="basis" type="hidden" value="1"' in r.text  # sending it again builds on version 1
    assert client.post(_url(dossier, "/nieuw"), data=_form(dossier, 1, zorg="Mijn versie.")).status_code == 303
    assert vp_regels.laatste(dossier).zorg == "Mijn versie."


def test_earlier_version_stays_readable(client, login, dossier):
    _plan(dossier)
    _plan(dossier, zorg="Tweede zorg.")
    login("regisseur3")
    text = assert_page(client.get(_url(dossier, "/1")))
    assert VP_TEKST["zorg"] in text and "Dit is een eerdere versie" in text and "Nieuwe versie maken" not in text
    assert client.get(_url(dossier, "/9")).status_code == 404


def test_copy_screen_chooses_readers_then_prints(client, login, dossier):
    griet, jarno = _personen(dossier)
    _plan(dossier)
    login("regisseur3")
    text = assert_page(client.get(_url(dossier, "/1/exemplaar")))
    assert "Voor wie is dit exemplaar?" in text and griet.naam in text
    assert "Kies voor wie dit exemplaar is." in assert_page(client.get(_url(dossier, "/1/exemplaar?voor=999999")), 422)
    text = assert_page(client.get(_url(dossier, f"/1/exemplaar?voor={jarno.id}")))
    assert JARNO in text and GRIET not in text and VP_TEKST["veilige_plaatsen"] not in text
    assert f"exemplaar.pdf?voor={jarno.id}" in text
    event = AuditEvent.select().where(AuditEvent.actie == "veiligheidsplan.exemplaar").get()
    assert event.dossier_id == dossier.id and f'"lezers": [{jarno.id}]' in event.details


def test_pdf_download_is_no_store_and_audited(client, login, dossier):
    griet, _ = _personen(dossier)
    _plan(dossier)
    login("regisseur3")
    r = client.get(_url(dossier, f"/1/exemplaar.pdf?voor={griet.id}"))
    assert r.status_code == 200 and r.data[:4] == b"%PDF"
    assert r.headers["Content-Type"] == "application/pdf"
    assert r.headers["Cache-Control"] == "no-store"
    assert r.headers["Content-Disposition"] == 'attachment; filename="veiligheidsplan-1.pdf"'
    event = AuditEvent.select().where(AuditEvent.actie == "veiligheidsplan.pdf").get()
    assert f'"lezers": [{griet.id}]' in event.details
    assert client.get(_url(dossier, "/1/exemplaar.pdf")).status_code == 404  # a copy is for someone


def test_closed_dossier_is_read_only(client, login, dossier):
    _plan(dossier)
    Dossier.update(fase="afgesloten").where(Dossier.id == dossier.id).execute()
    login("regisseur3")
    text = assert_page(client.get(_url(dossier)))
    assert "kan niet meer wijzigen" in text and "Nieuwe versie maken" not in text
    assert client.get(_url(dossier, "/nieuw")).status_code == 403


def test_plan_screen_queries_are_bounded(client, login, dossier):
    login("regisseur3")
    maak_veiligheidsplan(dossier)
    weinig = queries_for(client, _url(dossier))
    for i in range(4):
        Persoon.create(dossier=dossier, voornaam=f"Kind{i}", achternaam="X", rol="kind-getuige")
        maak_veiligheidsplan(dossier)
    assert queries_for(client, _url(dossier)) == weinig


# ---------------------------------------------------------------- zorgoverleg: rules
def test_agenda_is_sorted_from_the_plan(dossier):
    laat = maak_vp_actie(dossier, dagen=-3, omschrijving="Te laat.")
    later = maak_vp_actie(dossier, dagen=10, omschrijving="Later.")
    gewijzigd = maak_vp_actie(dossier, status="niet_gelukt", reden="gewijzigde_omstandigheden")
    niet = maak_vp_actie(dossier, status="niet_gelukt", reden="niet_gedaan")
    maak_vp_actie(dossier, status="uitgevoerd")
    agenda = zo_regels.agenda(dossier)
    assert [a.id for a in agenda["open"]] == [laat.id, later.id]
    assert [a.id for a in agenda["gewijzigd"]] == [gewijzigd.id]
    assert [a.id for a in agenda["niet_gedaan"]] == [niet.id]


def test_plan_records_the_legal_basis_and_participants(dossier):
    actie = maak_vp_actie(dossier, contactpersoon="ggz@vh.test")
    keuzes = dict(zo_regels.deelnemer_keuzes(dossier))
    assert set(keuzes) == {f"org-{actie.organisatie_id}", f"user-{actie.contactpersoon_id}"}
    zo = maak_zorgoverleg(dossier, deelnemers=list(keuzes), anderen="Griet (moeder)\nJarno (vader)")
    assert zo.rechtsgrond.startswith("Zorgoverleg als casusoverleg art. 458ter Sw.") and "Oost-Brabant" in zo.rechtsgrond
    namen = [(d.organisatie_id, d.user_id, d.naam) for d in zo_regels.deelnemers(zo)]
    assert namen[0] == (dossier.regisseur.organisatie_id, dossier.regisseur_id, "")
    assert (actie.organisatie_id, None, "") in namen and (actie.contactpersoon_id and (None, actie.contactpersoon_id, "") in namen)
    assert (None, None, "Griet (moeder)") in namen and (None, None, "Jarno (vader)") in namen
    with pytest.raises(zo_regels.ZorgoverlegError):
        maak_zorgoverleg(dossier, deelnemers=["org-999999"])


def test_minutes_not_before_the_day_and_optimistic_locking(dossier):
    komend = maak_zorgoverleg(dossier, dagen=3)
    with pytest.raises(zo_regels.ZorgoverlegError, match="nog niet plaatsgevonden"):
        zo_regels.bewaar_verslag(komend, "Verslag.", komend.versie, dossier.regisseur)
    zo = maak_zorgoverleg(dossier)
    zo = zo_regels.bewaar_verslag(zo, "Eerste <script>x</script>verslag.", 1, dossier.regisseur)
    assert zo.gehouden and zo.versie == 2 and "<script>" not in zo.verslag
    with pytest.raises(zo_regels.ZorgoverlegConflict) as conflict:
        zo_regels.bewaar_verslag(zo, "Oude tab.", 1, dossier.regisseur)
    assert "Eerste" in conflict.value.huidig.verslag
    assert Zorgoverleg.get_by_id(zo.id).versie == 2
    event = AuditEvent.select().where(AuditEvent.actie == "zorgoverleg.verslag").get()
    assert "Eerste" in event.details


def test_decision_becomes_an_action_of_the_plan(dossier):
    bestaand = maak_vp_actie(dossier)
    zo = maak_zorgoverleg(dossier)
    actie = zo_regels.besluit(zo, dossier.regisseur, doel_id=bestaand.doel_id, organisatie_id=bestaand.organisatie_id,
                              omschrijving="Schuldbemiddeling starten.", deadline=vandaag() + dt.timedelta(days=20))
    assert actie.zorgoverleg_id == zo.id and actie.dossier_id == dossier.id and actie.status == "open"
    assert [a.id for a in zo_regels.besluiten(zo)] == [actie.id]
    komend = maak_zorgoverleg(dossier, dagen=2)
    with pytest.raises(zo_regels.ZorgoverlegError):
        zo_regels.besluit(komend, dossier.regisseur, doel_id=bestaand.doel_id, organisatie_id=bestaand.organisatie_id,
                          omschrijving="x", deadline=vandaag())


def test_ics_has_no_dossier_data(app, dossier):
    zo = maak_zorgoverleg(dossier, anderen="Griet Vandermeulen")
    ics = zo_regels.uitnodiging(zo, "https://vh.example/x").decode()
    assert "SUMMARY:Zorgoverleg Veilig Huis" in ics and "LOCATION:CAW Leuven\\, zaal 2" in ics
    assert "URL:https://vh.example/x" in ics and "DTSTART;TZID=Europe/Brussels" in ics
    for geheim in (dossier.nummer, "Griet", "Vandermeulen", "Verhaegen", "Afstemmen van het plan"):
        assert geheim not in ics


# ---------------------------------------------------------------- zorgoverleg: screens
def _zo_url(d, rest=""):
    return f"/dossiers/{d.id}/regie/zorgoverleg{rest}"


def _zo_form(**extra):
    dag = vandaag() + dt.timedelta(days=7)
    data = {"datum-dag": str(dag.day), "datum-maand": str(dag.month), "datum-jaar": str(dag.year),
            "tijd": "14:00", "plaats": "CAW Leuven", "doel": "Het plan afstemmen.", "anderen": "Griet (moeder)",
            "rechtsgrond": "y"}
    data.update(extra)
    return data


def test_plan_a_meeting_without_js_and_with_htmx(client, login, dossier):
    actie = maak_vp_actie(dossier)
    login("regisseur3")
    text = assert_page(client.get(_zo_url(dossier, "/nieuw")))
    assert "CGG Vlaams-Brabant Oost" in text and "458ter" in text
    r = client.post(_zo_url(dossier, "/nieuw"), data=_zo_form(deelnemers=f"org-{actie.organisatie_id}"))
    assert r.status_code == 303
    zo = Zorgoverleg.get(Zorgoverleg.dossier == dossier.id)
    assert r.headers["Location"].endswith(_zo_url(dossier, f"/{zo.id}"))
    r = client.post(_zo_url(dossier, "/nieuw"), data=_zo_form(), headers={**HX, "HX-Target": "scherm"})
    assert r.status_code == 204 and "HX-Location" in r.headers
    lijst = assert_page(client.get(_zo_url(dossier)))
    assert lijst.count("Gepland") == 2


@pytest.mark.parametrize("extra, fout", [
    ({"datum-jaar": "9999"}, "Kies een datum tussen"),
    ({"datum-jaar": "1"}, "Kies een datum tussen"),
    ({"rechtsgrond": ""}, "Bevestig dat het overleg aan art. 458ter Sw. voldoet."),
    ({"tijd": "25:99"}, "Vul het beginuur in"),
    ({"anderen": "", "deelnemers": []}, "Kies minstens één partner"),
    ({"deelnemers": "org-999999"}, "Kies alleen partners uit de lijst."),
])
def test_plan_a_meeting_422(client, login, dossier, extra, fout):
    login("regisseur3")
    text = assert_page(client.post(_zo_url(dossier, "/nieuw"), data=_zo_form(**extra)), 422)
    assert fout in text and "Er is een probleem" in text
    assert Zorgoverleg.select().count() == 0


def test_meeting_screen_agenda_minutes_and_decisions(client, login, dossier):
    actie = maak_vp_actie(dossier, status="niet_gelukt", reden="gewijzigde_omstandigheden", omschrijving="Verhuisd.")
    zo = maak_zorgoverleg(dossier, deelnemers=[f"org-{actie.organisatie_id}"])
    login("regisseur3")
    text = assert_page(client.get(_zo_url(dossier, f"/{zo.id}")))
    assert "Verhuisd." in text and "Griet (moeder)" in text and "458ter" in text and "Verslag bewaren" in text
    # minutes, plain POST then htmx
    r = client.post(_zo_url(dossier, f"/{zo.id}/verslag"), data={"versie": "1", "verslag": "We spraken af.\n\n- punt"})
    assert r.status_code == 303 and Zorgoverleg.get_by_id(zo.id).gehouden
    frag = assert_fragment(client.post(_zo_url(dossier, f"/{zo.id}/verslag"), data={"versie": "2", "verslag": "Aangevuld."},
                                       headers={**HX, "HX-Target": "verslag"}), contains="Het verslag is bewaard")
    assert "Aangevuld." in frag
    # a stale minutes form: 409 with both texts
    r = client.post(_zo_url(dossier, f"/{zo.id}/verslag"), data={"versie": "1", "verslag": "Mijn oude tekst."})
    assert r.status_code == 409 and "Aangevuld." in r.text and "Mijn oude tekst." in r.text
    assert 'id="versie" name="versie" type="hidden" value="3"' in r.text
    assert assert_fragment(client.post(_zo_url(dossier, f"/{zo.id}/verslag"), data={"versie": "3", "verslag": ""},
                                       headers={**HX, "HX-Target": "verslag"}), 422)
    # a decision
    dag = vandaag() + dt.timedelta(days=10)
    besluit = {"doel": str(actie.doel_id), "organisatie": str(actie.organisatie_id), "omschrijving": "Nieuwe woning zoeken.",
               "deadline-dag": str(dag.day), "deadline-maand": str(dag.month), "deadline-jaar": str(dag.year)}
    frag = assert_fragment(client.post(_zo_url(dossier, f"/{zo.id}/besluit"), data=besluit,
                                       headers={**HX, "HX-Target": "besluiten"}), contains="Nieuwe woning zoeken.")
    assert "staat nu als actie" in frag
    assert Actie.select().where(Actie.zorgoverleg == zo.id).count() == 1
    text = assert_page(client.post(_zo_url(dossier, f"/{zo.id}/besluit"), data={**besluit, "deadline-jaar": "2001"}), 422)
    assert "Kies een datum tussen" in text


def test_future_meeting_cannot_be_recorded_as_held(client, login, dossier):
    zo = maak_zorgoverleg(dossier, dagen=5)
    login("regisseur3")
    text = assert_page(client.get(_zo_url(dossier, f"/{zo.id}")))
    assert "vanaf de dag van het overleg" in text and "Verslag bewaren" not in text
    r = client.post(_zo_url(dossier, f"/{zo.id}/verslag"), data={"versie": "1", "verslag": "Te vroeg."})
    assert r.status_code == 422 and "nog niet plaatsgevonden" in r.text
    assert not Zorgoverleg.get_by_id(zo.id).gehouden


def test_ics_download(client, login, dossier):
    zo = maak_zorgoverleg(dossier)
    login("regisseur3")
    r = client.get(_zo_url(dossier, f"/{zo.id}.ics"))
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/calendar")
    assert r.headers["Cache-Control"] == "no-store"
    assert b"Zorgoverleg Veilig Huis" in r.data and dossier.nummer.encode() not in r.data
    assert f"/regie/zorgoverleg/{zo.id}".encode() in r.data
    assert AuditEvent.select().where(AuditEvent.actie == "zorgoverleg.ics").count() == 1
    other = maak_dossier("kennismaking")
    assert client.get(f"/dossiers/{other.id}/regie/zorgoverleg/{zo.id}.ics").status_code == 404


def test_meeting_screen_queries_are_bounded(client, login, dossier):
    login("regisseur3")
    maak_vp_actie(dossier)
    zo = maak_zorgoverleg(dossier, deelnemers=[v for v, _ in zo_regels.deelnemer_keuzes(dossier)])
    weinig = queries_for(client, _zo_url(dossier, f"/{zo.id}"))
    weinig_lijst = queries_for(client, _zo_url(dossier))
    for org in ("CAW Oost-Brabant", "OCJ Vlaams-Brabant", "CGG Vlaams-Brabant Oost"):
        maak_vp_actie(dossier, org, status="niet_gelukt", reden="niet_gedaan")
        maak_vp_actie(dossier, org, contactpersoon="ggz@vh.test")
    zo_regels.besluit(zo, dossier.regisseur, doel_id=Actie.select().first().doel_id,
                      organisatie_id=Actie.select().first().organisatie_id, omschrijving="x", deadline=vandaag())
    maak_zorgoverleg(dossier)
    assert queries_for(client, _zo_url(dossier, f"/{zo.id}")) == weinig
    assert queries_for(client, _zo_url(dossier)) == weinig_lijst
