"""The rules of triage called directly (no routes): the board, the overleg and its agenda, the
bijdragen with their parket gate, the letter's text, and the one text → HTML helper."""
from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from kit import AARSCHOT, GEZIN, HV, beslis, maak_aanmelding, maak_dossier, maak_overleg, team

from vh import richtext, workflow
from vh.models import Agendapunt, AuditEvent, Bijdrage, Dossier, OverlegDeelnemer, Parketcheck, User
from vh.tijd import lokaal, vandaag
from vh.triage import besluiten, bijdragen, bord, brieven, overleg


def acties(actie: str) -> int:
    return AuditEvent.select().where(AuditEvent.actie == actie).count()


# ---------------------------------------------------------------- richtext
def test_van_tekst_is_empty_when_nothing_visible_is_left():
    assert richtext.van_tekst("Eén\n\nTwee") == "<p>Eén</p>\n<p>Twee</p>"
    for leeg in (None, "", "  \n ", "<p><script>x</script></p>", "<p></p>"):
        assert richtext.van_tekst(leeg) == ""


# ---------------------------------------------------------------- the board
def test_laad_bord_columns_labels_and_scope(app, user):
    nieuw = maak_dossier("nieuw", parket=None, personen=GEZIN)
    vorming = maak_dossier("dossiervorming")
    beslist = maak_dossier("dossiervorming")
    beslis(beslist, "spoor3")
    ander = maak_dossier("te_bespreken", teamnaam=HV)
    aanmelding = maak_aanmelding(plaats=AARSCHOT, personen=GEZIN[2:3], ifg_vormen="kindermishandeling")
    assert [k for k, _ in bord.KOLOMMEN] == ["nieuw", "parketcheck", "te_bespreken", "dossiervorming", "beslist"]
    assert dict(bord.KOLOMMEN)["parketcheck"] == "Wacht op parket"
    kolommen = bord.laad_bord(user("coordinator"))
    ids = {k: [c.id for c in col] for k, col in kolommen.items()}
    assert nieuw.id in ids["nieuw"] and aanmelding.id in ids["nieuw"]
    assert vorming.id in ids["dossiervorming"] and beslist.id in ids["beslist"]
    assert ander.id not in {i for col in ids.values() for i in col}
    kaart = next(c for c in kolommen["nieuw"] if c.soort == "dossier")
    assert dict(kaart.acties) == {"parket_vragen": "Parketcheck aanvragen"}  # the parket takes part
    assert kaart.kinderen and kaart.organisatie == "CAW Oost-Brabant"
    assert next(c for c in kolommen["beslist"]).besluit == "Spoor 3: intensieve casusregie"
    assert bord.getoond(kolommen)["aanmeldingen"] == [aanmelding.id]
    assert bord.laad_bord(user("coordinator"), team(HV).id) == {k: [] for k, _ in bord.KOLOMMEN}


# ---------------------------------------------------------------- the overleg
def test_opslaan_creates_and_changes_with_audit(app, user):
    coordinator, politie, ggz = user("coordinator"), user("politie"), user("kernpartner")
    datum = vandaag() + dt.timedelta(days=3)
    o = overleg.opslaan(coordinator, team_id=team().id, datum=datum, tijd=dt.time(9, 30),
                        plaats="  Leuven  ", deelnemers=[politie.id, ggz.id])
    assert (o.plaats, o.voorzitter_id) == ("Leuven", coordinator.id)
    assert (lokaal(o.datum).date(), lokaal(o.datum).hour, lokaal(o.datum).minute) == (datum, 9, 30)
    assert {d.user_id for d in o.deelnemers} == {politie.id, ggz.id}
    assert acties("overleg.create") == 1
    overleg.opslaan(coordinator, overleg=o, team_id=team().id, datum=datum, tijd=dt.time(14, 0),
                    plaats="Aarschot", deelnemers=[ggz.id])
    assert [d.user_id for d in OverlegDeelnemer.select().where(OverlegDeelnemer.overleg == o.id)] == [ggz.id]
    assert overleg.formulier_waarden(o)["tijd"] == dt.time(14, 0)
    event = AuditEvent.select().where(AuditEvent.actie == "overleg.edit").order_by(AuditEvent.id.desc()).get()
    assert "Aarschot" in event.details and event.user_id == coordinator.id


def test_agenda_opbouwen_and_punt_verwijderen(app, user):
    a, b = maak_dossier("te_bespreken"), maak_dossier("te_bespreken", acuut=True)
    maak_dossier("te_bespreken", teamnaam=HV)
    o = maak_overleg()
    assert [d.id for d in overleg.agenda_opbouwen(o, user("coordinator"))] == [b.id, a.id]  # acute first
    assert overleg.agenda_opbouwen(o, user("coordinator")) == []
    assert [p.dossier_id for p in overleg.agenda(o)] == [b.id, a.id]
    punt = overleg.agendapunt(o, overleg.agenda(o)[0].id)
    overleg.punt_verwijderen(punt, user("coordinator"))
    assert [p.dossier_id for p in overleg.agenda(o)] == [a.id]
    besproken = overleg.agenda(o)[0]
    besproken.besproken = True
    besproken.save()
    with pytest.raises(overleg.OverlegError, match="al besproken"):
        overleg.punt_verwijderen(besproken, user("coordinator"))
    assert overleg.agendapunt(maak_overleg(), besproken.id) is None  # another overleg's item


def test_uitnodiging_is_time_and_place_only(app):
    o = maak_overleg(dossiers=[maak_dossier("te_bespreken", personen=GEZIN)])
    [event] = Calendar.from_ical(overleg.uitnodiging(o)).walk("VEVENT")
    assert str(event["LOCATION"]) == "Leuven" and event.decoded("DTSTART").tzinfo is not None
    assert (event.decoded("DTEND") - event.decoded("DTSTART")) == overleg.DUUR


def test_verslag_shows_only_what_the_reader_may_see(app, user):
    a, b = maak_dossier("dossiervorming"), maak_dossier("dossiervorming")
    o = maak_overleg(dossiers=[a, b])
    beslis(a, "advies", o)
    inhoud = overleg.verslag(o, user("politie"))
    assert [p.dossier_id for p in inhoud["punten"]] == [b.id] and inhoud["verborgen"] == 1
    inhoud = overleg.verslag(o, user("coordinator"))
    assert inhoud["dossier_ids"] == sorted([a.id, b.id]) and set(inhoud["besluiten"]) == {a.id}


# ---------------------------------------------------------------- bespreking and bijdragen
def test_bespreek_moves_the_dossier_once(app, user):
    d = maak_dossier("te_bespreken")
    o = maak_overleg(dossiers=[d])
    _, punt = bijdragen.punt(o, 1)
    bijdragen.bespreek(o, punt, "Notitie", user("coordinator"))
    assert Dossier.get_by_id(d.id).fase == "dossiervorming"
    punt = Agendapunt.get_by_id(punt.id)
    assert (punt.bespreking, punt.besproken) == ("<p>Notitie</p>", True)
    bijdragen.bespreek(o, punt, "Bijgewerkt", user("coordinator"))  # already in dossiervorming: kept
    assert Agendapunt.get_by_id(punt.id).bespreking == "<p>Bijgewerkt</p>"
    assert bijdragen.punt(o, 2) is None and bijdragen.punt(o, 0) is None


def test_maak_bijdrage_and_its_correction(app, user):
    d = maak_dossier("dossiervorming")
    o = maak_overleg(dossiers=[d])
    politie = user("politie")
    b = bijdragen.maak_bijdrage(o, d, "Drie interventies.", politie)
    assert b.inhoud == "<p>Drie interventies.</p>" and "voorzitter" in b.deelnemers
    assert b.rechtsgrond == "Casusoverleg art. 458ter Sw. – Veilig Huis Oost-Brabant"
    nieuw = bijdragen.maak_bijdrage(o, d, "Vier interventies.", politie, vorige=b)
    assert not Bijdrage.get_by_id(b.id).actueel and nieuw.vorige_id == b.id
    [(huidig, geschiedenis)] = bijdragen.bijdragen(d)
    assert huidig.id == nieuw.id and [g.id for g in geschiedenis] == [b.id]
    assert acties("bijdrage.create") == 1 and acties("bijdrage.correct") == 1


@pytest.mark.parametrize("parket, fase, message", [
    (None, "te_bespreken", "Zonder akkoord van het parket"),
    ("bezwaar", "te_bespreken", "Het parket maakte bezwaar"),
    ("akkoord", "parketcheck", "Bijdragen kunnen pas"),
])
def test_maak_bijdrage_refused_by_the_parket_gate(app, user, parket, fase, message):
    d = maak_dossier(fase, parket=None if fase == "parketcheck" else parket)
    if fase == "parketcheck" and parket:  # on purpose, impossible through the rules (an answer moves it on)
        Parketcheck.update(uitkomst=parket).where(Parketcheck.dossier == d.id).execute()
    o = maak_overleg(dossiers=[d])
    assert message in bijdragen.gate(d)
    with pytest.raises(workflow.WorkflowError, match=message):
        bijdragen.maak_bijdrage(o, d, "Iets", user("politie"))
    assert Bijdrage.select().count() == 0


def test_maak_bijdrage_refuses_text_without_visible_content(app, user):
    d = maak_dossier("dossiervorming")
    o = maak_overleg(dossiers=[d])
    with pytest.raises(bijdragen.BijdrageError, match="gewone tekst"):
        bijdragen.maak_bijdrage(o, d, "<p><script>x</script></p>", user("politie"))
    assert Bijdrage.select().count() == 0


# ---------------------------------------------------------------- the decision and the letter
def test_neem_besluit_refuses_first_with_the_workflow_reason(app, user):
    d = maak_dossier("dossiervorming", parket="bezwaar")
    with pytest.raises(besluiten.BesluitError, match="alleen een advies") as error:
        besluiten.neem_besluit(d, "spoor3", "", user("coordinator"))  # reason before the missing text
    assert error.value.veld == "uitkomst"
    with pytest.raises(besluiten.BesluitError, match="spoor 3 van het Veilig Huis") as error:
        besluiten.neem_besluit(maak_dossier("dossiervorming"), "spoor3", "x", user("coordinator"))
    assert error.value.veld == "regisseur"
    assert besluiten.regisseur_uit("abc") is None and besluiten.regisseur_uit("9" * 20) is None
    assert besluiten.regisseur_uit(str(user("regisseur3").id)) == user("regisseur3")


def test_opstellen_turns_text_into_the_draft(app, user):
    d = maak_dossier("dossiervorming")
    besluiten.neem_besluit(d, "advies", "Verwijs naar het CAW.", user("coordinator"))
    aanmelding = d.aanmeldingen.get()
    with pytest.raises(brieven.BriefError) as error:
        brieven.opstellen(aanmelding, "Advies", "  ", user("coordinator"))
    assert error.value.veld == "tekst"
    brief = brieven.opstellen(aanmelding, "  Advies  ", "Ons advies.\n\n- bel 1712", user("coordinator"))
    assert (brief.onderwerp, brief.inhoud) == ("Advies", "<p>Ons advies.</p>\n<ul><li>bel 1712</li></ul>")
    assert brieven.ontwerp(aanmelding).id == brief.id
    assert User.get_by_id(brief.aan_id).email == "caw@vh.test"


def test_correction_page_shows_the_sensitive_banners(client, login):
    d = maak_dossier("dossiervorming", parket="beperkingen", beperkingen="Niets over het onderzoek.")
    o = maak_overleg(dossiers=[d])
    login("politie")
    assert client.post(f"/overleggen/{o.id}/punt/1/bijdrage", data={"inhoud": "Eerste"}).status_code == 303
    b = Bijdrage.get()
    html = client.get(f"/overleggen/{o.id}/punt/1/bijdrage/{b.id}/corrigeren").text
    assert "Beperking van het parket" in html and "Niets over het onderzoek." in html
    assert AuditEvent.select().where((AuditEvent.actie == "bijdrage.view") & (AuditEvent.dossier_id == d.id)).exists()


def _kaart(kolommen, d):
    return next(k for col in kolommen.values() for k in col if k.soort == "dossier" and k.id == d.id)


def test_board_skips_the_parket_only_while_it_pauses_and_asks_it_afterwards(app, user):
    """Issue 8.1: "Klaarzetten voor triage" only during a pause; once the parket takes part again,
    a dossier that went to triage without it gets "Parketcheck aanvragen"."""
    coordinator, ob = user("coordinator"), team()
    nieuw = maak_dossier("nieuw", parket=None)
    with pytest.raises(workflow.WorkflowError, match="alleen zolang het parket tijdelijk niet deelneemt"):
        bord.verplaats(nieuw, "agenderen", coordinator)
    assert Dossier.get_by_id(nieuw.id).fase == "nieuw"
    ob.parket_pauze = True
    ob.save()
    assert dict(_kaart(bord.laad_bord(coordinator), nieuw).acties) == {"agenderen": "Klaarzetten voor triage"}
    bord.verplaats(Dossier.get_by_id(nieuw.id), "agenderen", coordinator)
    ob.parket_pauze = False
    ob.save()
    kaart = _kaart(bord.laad_bord(coordinator), nieuw)
    assert dict(kaart.acties) == {"parket_vragen": "Parketcheck aanvragen", "bespreken": "Besproken in het overleg"}
    bord.verplaats(Dossier.get_by_id(nieuw.id), "parket_vragen", coordinator)
    assert Dossier.get_by_id(nieuw.id).fase == "parketcheck"
    assert Dossier.get_by_id(nieuw.id).laatste_parketcheck().uitkomst is None


def test_bord_verplaats_asks_the_parket_or_moves_the_card(app, user):
    coordinator = user("coordinator")
    nieuw = maak_dossier("nieuw", parket=None)
    assert bord.verplaats(nieuw, "parket_vragen", coordinator) == f"{nieuw.nummer}: {bord.BORD_MELDINGEN['parket_vragen']}"
    nieuw = Dossier.get_by_id(nieuw.id)
    assert nieuw.fase == "parketcheck" and nieuw.laatste_parketcheck().uitkomst is None
    d = maak_dossier("te_bespreken")
    bord.verplaats(d, "bespreken", coordinator)
    assert Dossier.get_by_id(d.id).fase == "dossiervorming"
    with pytest.raises(workflow.WorkflowError):
        bord.verplaats(Dossier.get_by_id(d.id), "agenderen", coordinator)
    with pytest.raises(ValueError):
        bord.verplaats(d, "besluit_advies", coordinator)  # not a move the board offers


def test_a_column_page_past_the_end_is_the_last_and_an_unknown_projected_column_the_agenda():
    from vh.triage.bord import kolom_pagina, projectie_kolom
    assert kolom_pagina(9, None, 4) == (1, 3)
    assert kolom_pagina(9, 99, 4) == (3, 3)
    assert kolom_pagina(0, 2, 4) == (1, 1)
    assert projectie_kolom("bestaat-niet") == projectie_kolom(None) == "te_bespreken"
    assert projectie_kolom("beslist") == "beslist"


def test_the_board_shows_a_page_of_each_column_and_counts_them_all(user):
    from vh.triage import bord
    coordinator = user("coordinator")
    aanmeldingen = [maak_aanmelding() for _ in range(3)]
    dossiers = [maak_dossier("nieuw", parket=None) for _ in range(2)]
    assert bord.aantallen(coordinator)["nieuw"] == 5
    eerste = bord.laad_bord(coordinator, per_kolom=2)
    assert [k.id for k in eerste["nieuw"]] == [a.id for a in aanmeldingen[:2]]
    tweede = bord.laad_bord(coordinator, kolom="nieuw", pagina=2, per_kolom=2)
    assert [(k.soort, k.id) for k in tweede["nieuw"]] == [("aanmelding", aanmeldingen[2].id),
                                                         ("dossier", dossiers[0].id)]
    derde = bord.laad_bord(coordinator, kolom="nieuw", pagina=3, per_kolom=2)
    assert [(k.soort, k.id) for k in derde["nieuw"]] == [("dossier", dossiers[1].id)]