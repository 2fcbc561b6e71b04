"""The casusregie screens of regie-kern: the checklist (main screen), the phase buttons, the
logboek, opschalen/afschalen with the triage board, afsluiting/heropening, Mijn werk and the
beheer screens of the steps and life domains. Each as a page, as a fragment, each change without
JavaScript (303) and with htmx, validation (422) and conflicts (409); the access cells per role;
the query bounds of Mijn werk."""
from __future__ import annotations

import datetime as dt

import pytest
from kit import (
    HX, ROLE_USERS, assert_fragment, assert_page, count_queries, maak_dossier, queries_for, user,
)

from vh.models import Actie, AuditEvent, Dossier, Levensdomein, Logboek, RegieStap, RegieVinkje, Spoorvoorstel
from vh.regie import checklist, logboek, spoor
from vh.tijd import vandaag


def hx(target: str) -> dict:
    return {**HX, "HX-Target": target}


def eerste_stap(d) -> RegieStap:
    return RegieStap.select().where(RegieStap.fase == d.fase).order_by(RegieStap.volgorde).first()


# ---------------------------------------------------------------- access, cell by cell
# Who gets what on the regie screens of a running spoor-3 dossier of Oost-Brabant (regisseur3).
LEZEN = {"coordinator": 200, "regisseur3": 200}
SCHERMEN = ["", "/logboek", "/spoor", "/afsluiten"]


@pytest.mark.parametrize("role", sorted(ROLE_USERS))
def test_regie_screens_per_role(client, login, role):
    d = maak_dossier("uitvoering")
    login(role)
    for scherm in SCHERMEN:
        r = client.get(f"/dossiers/{d.id}/regie{scherm}")
        assert r.status_code == LEZEN.get(role, 404), (role, scherm, r.status_code)
    # Changes: only the dossier's own regisseur; the coordinator sees it (403), the rest may not know (404).
    stap = eerste_stap(d)
    werken = {"regisseur3": 303, "coordinator": 403}
    for url, data in ((f"/dossiers/{d.id}/regie/stappen/{stap.id}", {"actie": "afvinken"}),
                      (f"/dossiers/{d.id}/regie/fase", {"actie": "afronding"}),
                      (f"/dossiers/{d.id}/regie/logboek", {"datum-dag": "1", "datum-maand": "1", "datum-jaar": "2026",
                                                            "soort": "telefoon", "tekst": "x"}),
                      (f"/dossiers/{d.id}/regie/afsluiten", {"reden": "weigert"})):
        r = client.post(url, data=data)
        assert r.status_code == werken.get(role, 404), (role, url, r.status_code)
    r = client.post(f"/dossiers/{d.id}/regie/heropenen", data={"reden": "x"})
    assert r.status_code == {"coordinator": 403, "regisseur3": 403}.get(role, 404)  # not closed


def test_mijn_werk_is_for_regisseurs_only(client, login):
    for role, status in (("regisseur2", 200), ("regisseur3", 200), ("coordinator", 403), ("beheerder", 403),
                         ("kernpartner", 403), ("dpo", 403), ("parket", 403)):
        c = client.application.test_client()
        login(role, c)
        assert c.get("/mijn-werk").status_code == status, role
    assert client.application.test_client().get("/mijn-werk").status_code == 302  # to the login


def test_other_team_and_other_regisseur_see_nothing(client, login):
    d = maak_dossier("uitvoering", spoor=2)
    for role in ("regisseur3", "coordinator_hv", "regisseur2_hv"):
        c = client.application.test_client()
        login(role, c)
        assert c.get(f"/dossiers/{d.id}/regie").status_code == 404, role
    triage = maak_dossier("te_bespreken")  # no casusregie yet: no regie screens, even for the coordinator
    login("coordinator")
    assert client.get(f"/dossiers/{triage.id}/regie").status_code == 403


# ---------------------------------------------------------------- the checklist
def test_checklist_page_shows_the_next_step_first(client, login):
    d = maak_dossier("vraagverduidelijking")
    login("regisseur3")
    t = assert_page(client.get(f"/dossiers/{d.id}/regie"))
    assert t.index('id="volgende-stap"') < t.index("Checklist: Vraagverduidelijking")
    assert "Vraag en zorgen van elk gezinslid gehoord" in t
    assert "Eerdere fasen" in t and "Kennismaking: 0 van 5 stappen gedaan" in t
    assert "Naar plan van aanpak</strong> kan nog niet: Maak eerst een risicoanalyse" in t
    assert 'value="plan_van_aanpak"' not in t  # no button for what the workflow refuses
    assert "Casusregie van dossier" in t and "Logboek</a>" in t
    assert AuditEvent.select().where((AuditEvent.actie == "dossier.view") & (AuditEvent.dossier_id == d.id)).exists()
    assert "Checklist: Vraagverduidelijking" in assert_fragment(client.get(f"/dossiers/{d.id}/regie",
                                                                          headers=hx("scherm")))


def test_coordinator_reads_the_checklist_without_forms(client, login):
    d = maak_dossier("kennismaking")
    login("coordinator")
    t = assert_page(client.get(f"/dossiers/{d.id}/regie"))
    assert "Nog te doen" in t and "/regie/stappen/" not in t and "Naar vraagverduidelijking</button>" not in t


def test_tick_without_javascript_then_undo_with_a_reason(client, login):
    d = maak_dossier("kennismaking")
    stap = eerste_stap(d)
    login("regisseur3")
    url = f"/dossiers/{d.id}/regie/stappen/{stap.id}"
    r = client.post(url, data={"actie": "afvinken", "gedaan": "1"})
    assert r.status_code == 303 and r.location.endswith(f"/dossiers/{d.id}/regie")
    t = assert_page(client.get(r.location))
    assert f"Afgevinkt: {stap.tekst}" in t and f"Gedaan door {user('regisseur3').naam}" in t
    assert "Contact met de aanmelder" in t.split('id="volgende-stap"')[1].split("</section>")[0]
    r = client.post(url, data={"actie": "ongedaan", "reden": ""})  # no reason: 422, beside the field
    t = assert_page(r, 422)
    assert "Er is een probleem" in t and f'href="#stap-{stap.id}"' in t and "Schrijf waarom" in t
    r = client.post(url, data={"actie": "ongedaan", "reden": "Per vergissing."})
    assert r.status_code == 303
    assert not RegieVinkje.select().where((RegieVinkje.stap == stap.id) & RegieVinkje.ongedaan_op.is_null()).exists()
    assert "Per vergissing." in client.get(r.location).text  # the undone tick stays, with its reason
    assert client.post(url, data={"actie": "iets"}).status_code == 400
    assert client.post(f"/dossiers/{d.id}/regie/stappen/999999", data={"actie": "afvinken"}).status_code == 404


def test_tick_with_htmx_swaps_the_step_and_the_box_out_of_band(client, login):
    d = maak_dossier("kennismaking")
    stap = eerste_stap(d)
    login("regisseur3")
    url = f"/dossiers/{d.id}/regie/stappen/{stap.id}"
    t = assert_fragment(client.post(url, data={"actie": "afvinken"}, headers=hx(f"stap-{stap.id}")),
                        contains=f'id="stap-{stap.id}"')
    assert "checked disabled" in t and 'id="volgende-stap"' in t and 'hx-swap-oob="true"' in t
    assert "Contact met de aanmelder" in t  # the box moved on
    # the same tick again (someone else was first): 409 with the message, in place
    t = assert_fragment(client.post(url, data={"actie": "afvinken"}, headers=hx(f"stap-{stap.id}")), 409)
    assert "al afgevinkt door" in t
    t = assert_fragment(client.post(url, data={"actie": "ongedaan"}, headers=hx(f"stap-{stap.id}")), 422)
    assert "Schrijf waarom" in t and 'aria-invalid="true"' in t
    # from the box: the box is the target, the step goes out of band
    volgende = checklist.checklist(Dossier.get_by_id(d.id))[0].open[0]
    t = assert_fragment(client.post(f"/dossiers/{d.id}/regie/stappen/{volgende.id}", data={"actie": "afvinken"},
                                    headers=hx("volgende-stap")), contains='id="volgende-stap"')
    assert f'id="stap-{volgende.id}" hx-swap-oob="true"' in t


def test_phase_buttons_without_and_with_javascript_and_the_refusal(client, login):
    d = maak_dossier("kennismaking")
    login("regisseur3")
    r = client.post(f"/dossiers/{d.id}/regie/fase", data={"actie": "vraagverduidelijking"})
    assert r.status_code == 303 and Dossier.get_by_id(d.id).fase == "vraagverduidelijking"
    assert "nu in de fase ‘Vraagverduidelijking’" in client.get(r.location).text
    t = assert_page(client.post(f"/dossiers/{d.id}/regie/fase", data={"actie": "plan_van_aanpak"}), 422)
    assert "Dit kan niet" in t and "Maak eerst een risicoanalyse" in t
    t = assert_fragment(client.post(f"/dossiers/{d.id}/regie/fase", data={"actie": "plan_van_aanpak"},
                                    headers=hx("regie-fase")), 422, contains='id="regie-fase"')
    assert "Maak eerst een risicoanalyse" in t
    assert assert_page(client.post(f"/dossiers/{d.id}/regie/fase", data={"actie": "afsluiten"}), 422)
    r = client.post(f"/dossiers/{d.id}/regie/fase", data={"actie": "vraagverduidelijking"}, headers=hx("regie-fase"))
    assert r.status_code == 422  # already there: the workflow's reason
    plan = maak_dossier("plan_van_aanpak")
    Actie.delete().where(Actie.dossier == plan.id).execute()
    t = assert_page(client.post(f"/dossiers/{plan.id}/regie/fase", data={"actie": "uitvoering"}), 422)
    assert "Dit kan niet" in t and "nog geen acties" in t


def test_a_new_concern_during_afronding_restarts_uitvoering(client, login):
    d = maak_dossier("afronding")
    login("regisseur3")
    t = assert_page(client.get(f"/dossiers/{d.id}/regie"))
    assert "Uitvoering opnieuw starten" in t
    t = assert_page(client.post(f"/dossiers/{d.id}/regie/fase", data={"actie": "uitvoering", "toelichting": ""}), 422)
    assert "Beschrijf de nieuwe zorg" in t and 'aria-invalid="true"' in t
    r = client.post(f"/dossiers/{d.id}/regie/fase", data={"actie": "uitvoering", "toelichting": "Nieuw incident."},
                    headers=hx("regie-fase"))
    assert r.status_code == 204 and "HX-Location" in r.headers
    assert Dossier.get_by_id(d.id).fase == "uitvoering"


# ---------------------------------------------------------------- logboek
def logboek_data(**kw) -> dict:
    v = vandaag()
    return {"datum-dag": str(v.day), "datum-maand": str(v.month), "datum-jaar": str(v.year),
            "soort": "huisbezoek", "met_wie": "de moeder", "tekst": "Huisbezoek na het incident.", **kw}


def test_logboek_page_add_without_and_with_javascript_and_422(client, login):
    d = maak_dossier("kennismaking")
    login("regisseur3")
    url = f"/dossiers/{d.id}/regie/logboek"
    assert "Er staat nog niets in het logboek." in assert_page(client.get(url))
    assert_fragment(client.get(url, headers=hx("logboek")), contains='id="logboek"')
    r = client.post(url, data=logboek_data())
    assert r.status_code == 303
    assert "Huisbezoek na het incident." in client.get(r.location).text
    t = assert_fragment(client.post(url, data=logboek_data(tekst="Telefoon met de school."), headers=hx("logboek")),
                        contains="Het logboekitem is bewaard.")
    assert t.index("Telefoon met de school.") < t.index("Huisbezoek na het incident.")  # newest first
    morgen = vandaag() + dt.timedelta(days=1)
    t = assert_page(client.post(url, data=logboek_data(**{"datum-dag": str(morgen.day), "datum-maand": str(morgen.month),
                                                          "datum-jaar": str(morgen.year)})), 422)
    assert "niet in de toekomst" in t and "Er is een probleem" in t
    t = assert_fragment(client.post(url, data=logboek_data(tekst="x" * 2001), headers=hx("logboek")), 422)
    assert "hoogstens 2000 tekens" in t
    assert "Schrijf kort" in assert_page(client.post(url, data=logboek_data(tekst="")), 422)
    assert "Kies wat voor contact" in assert_page(client.post(url, data=logboek_data(soort="fax")), 422)
    assert Logboek.select().where(Logboek.dossier == d.id).count() == 2


def test_logboek_correction_keeps_the_earlier_version_and_a_conflict_is_409(client, login):
    d = maak_dossier("kennismaking")
    e = logboek.schrijf(d, d.regisseur, datum=vandaag(), soort="telefoon", tekst="Gebeld met de moder.")
    login("regisseur3")
    url = f"/dossiers/{d.id}/regie/logboek/{e.id}"
    t = assert_page(client.get(url))
    assert "Gebeld met de moder." in t and 'checked id="soort-2" name="soort" type="radio" value="telefoon"' in t
    assert_page(client.post(url, data=logboek_data(tekst="")), 422)
    r = client.post(url, data=logboek_data(soort="telefoon", tekst="Gebeld met de moeder."))
    assert r.status_code == 303
    t = client.get(r.location).text
    assert "Gebeld met de moeder." in t and "Eerdere versie" in t and "Gebeld met de moder." in t
    t = assert_page(client.post(url, data=logboek_data(tekst="Mijn verbetering.")), 409)  # the old version again
    assert "Iemand anders heeft dit logboekitem intussen verbeterd" in t and "Gebeld met de moeder." in t
    assert "Mijn verbetering." in t  # what they typed is not lost
    assert client.get(url).status_code == 403  # the old version can no longer be corrected
    assert client.get(f"/dossiers/{d.id}/regie/logboek/999999").status_code == 404


def test_logboek_is_paged(client, login):
    d = maak_dossier("kennismaking")
    for i in range(logboek.PER_PAGINA + 1):
        logboek.schrijf(d, d.regisseur, datum=vandaag(), soort="andere", tekst=f"Item nummer {i}.")
    login("coordinator")  # reads, without the form
    t = assert_page(client.get(f"/dossiers/{d.id}/regie/logboek"))
    assert "Oudere</a>" in t and "Nieuw logboekitem" not in t and "Verbeteren" not in t
    t = assert_page(client.get(f"/dossiers/{d.id}/regie/logboek?pagina=2"))
    assert "Item nummer 0." in t and "Nieuwere</a>" in t
    assert client.get(f"/dossiers/{d.id}/regie/logboek?pagina=nul").status_code == 400


# ---------------------------------------------------------------- opschalen / afschalen
def test_proposal_to_the_board_and_the_coordinators_decision(client, login):
    d = maak_dossier("uitvoering", spoor=2)
    c2 = client.application.test_client()
    login("regisseur2", c2)
    url = f"/dossiers/{d.id}/regie/spoor"
    assert "Spoor 3 voorstellen" in assert_page(c2.get(url))
    assert_fragment(c2.get(url, headers=hx("scherm")), contains="Spoor 3 voorstellen")
    assert "Schrijf waarom" in assert_page(c2.post(url, data={"stap": "voorstellen", "reden": ""}), 422)
    r = c2.post(url, data={"stap": "voorstellen", "reden": "Structureel onveilig."})
    assert r.status_code == 303 and "staat op het triagebord" in c2.get(r.location).text
    assert c2.post(url, data={"stap": "beslissen", "uitkomst": "aanvaard"}).status_code == 403
    login("coordinator")
    board = client.get("/triage").text
    assert "Voorstellen van de casusregisseurs" in board and f"Dossier {d.nummer}</a>" in board
    t = assert_page(client.get(url))
    assert "Structureel onveilig." in t and "Besluit bewaren" in t
    t = assert_page(client.post(url, data={"stap": "beslissen", "uitkomst": "aanvaard",
                                           "regisseur": str(user("regisseur2").id)}), 422)
    assert "Kies een casusregisseur voor spoor 3" in t
    assert client.post(url, data={"stap": "voorstellen", "reden": "x"}).status_code == 403
    r = client.post(url, data={"stap": "beslissen", "uitkomst": "aanvaard", "regisseur": str(user("regisseur3").id)})
    assert r.status_code == 303
    d = Dossier.get_by_id(d.id)
    assert (d.spoor, d.regisseur_id) == (3, user("regisseur3").id)
    assert "Voorstellen van de casusregisseurs" not in client.get("/triage").text
    assert "Opgeschaald naar spoor 3" in client.get(f"/dossiers/{d.id}").text
    # the second decision (e.g. a second coordinator's tab): 409, not a 500
    assert assert_page(client.post(url, data={"stap": "beslissen", "uitkomst": "geweigerd", "motivering": "x"}), 409)
    assert c2.get(url).status_code == 404  # no longer regisseur2's dossier


def test_spoor3_outside_a_pilot_zone_cannot_propose_spoor2(client, login):
    d = maak_dossier("uitvoering", plaats=("3080", "Tervuren"))
    login("regisseur3")
    url = f"/dossiers/{d.id}/regie/spoor"
    t = assert_page(client.get(url))
    assert "Spoor 2 kan alleen als het gezin in een pilootzone woont." in t and "voorstellen</button>" not in t
    t = assert_page(client.post(url, data={"stap": "voorstellen", "reden": "Het gaat beter."}), 422)
    assert "pilootzone" in t and not Spoorvoorstel.select().exists()


def test_refusing_a_proposal_needs_a_reason(client, login):
    d = maak_dossier("uitvoering")
    spoor.stel_voor(d, "Het gaat beter.", d.regisseur)
    login("coordinator")
    url = f"/dossiers/{d.id}/regie/spoor"
    assert "waarom het voorstel geweigerd" in assert_page(
        client.post(url, data={"stap": "beslissen", "uitkomst": "geweigerd"}), 422)
    assert client.post(url, data={"stap": "beslissen", "uitkomst": "geweigerd", "motivering": "Te vroeg."},
                       headers=hx("scherm")).status_code == 204
    assert "Te vroeg." in client.get(url).text and Dossier.get_by_id(d.id).spoor == 3


# ---------------------------------------------------------------- afsluiting and heropening
def test_close_with_the_checklist_and_reopen(client, login):
    d = maak_dossier("afronding")
    login("regisseur3")
    url = f"/dossiers/{d.id}/regie/afsluiten"
    assert "Doelstellingen bereikt" in assert_page(client.get(url))
    assert_fragment(client.get(url, headers=hx("scherm")), contains="Dossier afsluiten")
    assert "Kies waarom" in assert_page(client.post(url, data={}), 422)
    assert "welke andere reden" in assert_page(client.post(url, data={"reden": "andere"}), 422)
    r = client.post(url, data={"reden": "doelen_bereikt", "veiligheidsplan_ok": "y", "gezin_kan_terugkomen": "y"})
    assert r.status_code == 303
    t = client.get(r.location).text
    assert "Het dossier is afgesloten." in t and "Doelstellingen bereikt" in t and "Dossier heropenen" not in t
    assert Dossier.get_by_id(d.id).afsluitreden == "doelen_bereikt"
    assert client.post(f"/dossiers/{d.id}/regie/heropenen", data={"reden": "x"}).status_code == 403
    c = client.application.test_client()
    login("coordinator", c)
    assert "Dossier heropenen" in assert_page(c.get(url))
    assert "waarom het dossier heropend" in assert_page(c.post(f"/dossiers/{d.id}/regie/heropenen",
                                                               data={"reden": ""}), 422)
    r = c.post(f"/dossiers/{d.id}/regie/heropenen", data={"reden": "Nieuwe melding."})
    assert r.status_code == 303 and Dossier.get_by_id(d.id).fase == "uitvoering"


def test_closing_is_refused_with_open_actions(client, login):
    from test_regie_regels import open_actie
    d = maak_dossier("uitvoering")
    open_actie(d)
    login("regisseur3")
    url = f"/dossiers/{d.id}/regie/afsluiten"
    assert "Afsluiten kan nog niet. Er staat nog 1 actie open." in assert_page(client.get(url))
    t = assert_page(client.post(url, data={"reden": "weigert"}), 422)
    assert "nog 1 actie open" in t and Dossier.get_by_id(d.id).fase == "uitvoering"


# ---------------------------------------------------------------- Mijn werk
def test_mijn_werk_page_fragment_and_home_tile(client, login):
    d = maak_dossier("uitvoering", dagen_in_fase=3)
    login("regisseur3")
    t = assert_page(client.get("/mijn-werk"))
    assert f"Dossier {d.nummer}" in t and "Acties opgevolgd bij de partners" in t and "Niet gepland" in t
    assert "Mijn werk</a>" in t  # in the main navigation
    assert_fragment(client.get("/mijn-werk", headers=hx("mijn-werk")), contains='id="mijn-werk"')
    assert 'href="/mijn-werk"' in client.get("/").text
    assert AuditEvent.select().where(AuditEvent.actie == "regie.mijn_werk").exists()
    assert client.get("/mijn-werk?pagina=0").status_code == 400


def test_mijn_werk_queries_are_bounded(client, login):
    from test_regie_regels import open_actie
    d = maak_dossier("uitvoering")
    open_actie(d, deadline=vandaag() - dt.timedelta(days=1))
    login("regisseur3")
    een = queries_for(client, "/mijn-werk")
    for i in range(29):
        extra = maak_dossier(("kennismaking", "uitvoering", "afronding")[i % 3])
        if i % 2:
            open_actie(extra, deadline=vandaag() - dt.timedelta(days=2))
    with count_queries() as dertig:
        t = client.get("/mijn-werk").text
    assert t.count('class="card werk"') == 25 and "Volgende</a>" in t
    assert dertig.count == een, (een, dertig.count)


# ---------------------------------------------------------------- beheer: steps and life domains
def test_beheer_checklist_add_rename_reorder_deactivate(client, login):
    login("beheerder")
    t = assert_page(client.get("/beheer/checklist"))
    assert "Kennismaking met elke volwassene van het gezin" in t and "Afronding (in wacht)" in t
    assert_fragment(client.get("/beheer/checklist", headers=hx("scherm")))
    assert "Vul de tekst" in assert_page(client.post("/beheer/checklist", data={"fase": "kennismaking", "tekst": " "}), 422)
    assert "Kies de fase" in assert_page(client.post("/beheer/checklist", data={"fase": "triage", "tekst": "x"}), 422)
    r = client.post("/beheer/checklist", data={"fase": "kennismaking", "tekst": "Huisarts gecontacteerd"})
    assert r.status_code == 303
    nieuw = RegieStap.get(RegieStap.tekst == "Huisarts gecontacteerd")
    assert nieuw.volgorde == 6
    assert client.post(f"/beheer/casusregie/stap/{nieuw.id}/volgorde", data={"richting": "op"}).status_code == 303
    stappen = RegieStap.select().where(RegieStap.fase == "kennismaking").order_by(RegieStap.volgorde)
    assert [s.tekst for s in stappen][-2:] == ["Huisarts gecontacteerd",
                                                "Gezin uitgelegd wat casusregie is en wat met hun gegevens gebeurt"]
    assert "Huisarts gecontacteerd" in assert_page(client.get(f"/beheer/casusregie/stap/{nieuw.id}"))
    assert_page(client.post(f"/beheer/casusregie/stap/{nieuw.id}", data={"tekst": ""}), 422)
    assert client.post(f"/beheer/casusregie/stap/{nieuw.id}", data={"tekst": "Huisarts gebeld"}).status_code == 303
    assert client.post(f"/beheer/casusregie/stap/{nieuw.id}/actief", data={"actief": "0"}).status_code == 303
    assert not RegieStap.get_by_id(nieuw.id).actief and RegieStap.get_by_id(nieuw.id).tekst == "Huisarts gebeld"
    d = maak_dossier("kennismaking")
    assert nieuw.id not in [s.id for s in checklist.checklist(d)[0].stappen]
    assert client.post(f"/beheer/casusregie/stap/{nieuw.id}/volgorde", data={"richting": "x"}).status_code == 400
    assert client.get("/beheer/casusregie/iets/1").status_code == 404
    assert AuditEvent.select().where(AuditEvent.actie.startswith("beheer.regiestap.")).count() == 4


def test_beheer_life_domains(client, login):
    login("beheerder")
    assert "Geweldsdynamiek" in assert_page(client.get("/beheer/levensdomeinen"))
    r = client.post("/beheer/levensdomeinen", data={"tekst": "Werk & opleiding"})
    assert r.status_code == 303
    domein = Levensdomein.get(Levensdomein.naam == "Werk & opleiding")
    assert domein.code == "werk_opleiding" and domein.volgorde == 13
    assert client.post(f"/beheer/casusregie/domein/{domein.id}/volgorde", data={"richting": "neer"}).status_code == 303
    assert Levensdomein.get_by_id(domein.id).volgorde == 13  # already last
    assert client.post(f"/beheer/casusregie/domein/{domein.id}/actief", data={"actief": "0"}).status_code == 303
    assert not Levensdomein.get_by_id(domein.id).actief


@pytest.mark.parametrize("role", ["coordinator", "regisseur3", "dpo", "kernpartner"])
def test_beheer_regie_screens_are_the_beheerders(client, login, role):
    login(role)
    stap = RegieStap.select().first()
    assert client.get("/beheer/checklist").status_code == 403
    assert client.post(f"/beheer/casusregie/stap/{stap.id}/actief", data={"actief": "0"}).status_code == 403
    assert RegieStap.get_by_id(stap.id).actief
