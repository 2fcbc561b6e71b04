"""The triage board: columns, cards, team filter, bounded queries, moves, projection mode."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from kit import AARSCHOT, GEZIN, HV, HX, assert_fragment, beslis, maak_aanmelding, maak_dossier, queries_for, team

from vh.models import Overgang, Parketcheck, Persoon, User, UserTeam, utcnow
from vh.triage.bord import leeftijdsgroep


def kolom(html: str, key: str) -> str:
    """The HTML of one column of the board."""
    m = re.search(rf'id="kolom-{key}-lijst">(.*?)</section>', html, re.S)
    assert m, f"kolom {key} ontbreekt"
    return m.group(1)


# ---------------------------------------------------------------- access
@pytest.mark.parametrize("role", ["aanmelder", "politie", "kernpartner", "parket", "regisseur2", "beheerder", "dpo"])
def test_board_only_for_coordinators(client, login, role):
    login(role)
    assert client.get("/triage").status_code == 403


def test_board_requires_login(client):
    assert client.get("/triage").status_code == 302


# ---------------------------------------------------------------- columns and cards
def test_columns_hold_the_right_cards(client, login):
    nieuw = maak_dossier("nieuw", parket=None)
    wacht = maak_dossier("parketcheck", parket=None)
    bespreken = maak_dossier("te_bespreken")
    vorming = maak_dossier("dossiervorming")
    beslist = maak_dossier("dossiervorming")
    beslis(beslist, "spoor3")
    oud = maak_dossier("dossiervorming")
    b = beslis(oud, "advies")
    b.beslist_op = utcnow() - dt.timedelta(days=20)
    b.save()
    aanmelding = maak_aanmelding(plaats=AARSCHOT, personen=GEZIN[2:3], ifg_vormen="kindermishandeling")
    login("coordinator")
    r = client.get("/triage")
    assert r.status_code == 200
    html = r.text
    assert nieuw.nummer in kolom(html, "nieuw") and aanmelding.nummer in kolom(html, "nieuw")
    assert wacht.nummer in kolom(html, "parketcheck")
    assert bespreken.nummer in kolom(html, "te_bespreken")
    assert vorming.nummer in kolom(html, "dossiervorming")
    assert beslist.nummer in kolom(html, "beslist") and "Spoor 3" in kolom(html, "beslist")
    assert oud.nummer not in html  # decided more than 14 days ago


def test_card_shows_initials_ages_forms_organisation_days_and_flags(client, login):
    d = maak_dossier("te_bespreken", parket="beperkingen", personen=GEZIN, plaats=AARSCHOT, dagen_in_fase=3,
                     acuut=True, beperkingen="Niets over het lopende onderzoek.")
    login("coordinator")
    card = re.search(rf'id="kaart-dossier-{d.id}">(.*?)</article>', client.get("/triage").text, re.S).group(1)
    assert "GV, JV, WV, FV" in card
    assert "0–5" in card and "12–17" in card and "6–11" not in card
    assert "Partnergeweld" in card
    assert "CAW" in card
    assert "3 dagen" in card
    for flag in ("Acuut", "Beperking parket", "Kinderen", "Pilootzone"):
        assert flag in card
    # full names never on the board
    for voornaam, achternaam, *_ in GEZIN:
        assert voornaam not in card and achternaam not in card


def test_age_bands():
    assert [leeftijdsgroep(a) for a in (0, 5, 6, 11, 12, 17, 18, None)] == [
        "0–5", "0–5", "6–11", "6–11", "12–17", "12–17", None, None]


def test_other_teams_dossiers_are_not_on_the_board(client, login):
    eigen = maak_dossier("te_bespreken")
    ander = maak_dossier("te_bespreken", teamnaam=HV)
    login("coordinator")
    html = client.get("/triage").text
    assert eigen.nummer in html and ander.nummer not in html


def test_team_filter_for_coordinators_of_several_teams(client, login, user):
    coordinator = user("coordinator")
    UserTeam.create(user=coordinator, team=team(HV))
    oost = maak_dossier("te_bespreken")
    hv = maak_dossier("te_bespreken", teamnaam=HV)
    login("coordinator")
    alles = client.get("/triage").text
    assert oost.nummer in alles and hv.nummer in alles
    assert 'name="team"' in alles  # the filter appears for several teams
    alleen_hv = client.get(f"/triage?team={team(HV).id}").text
    assert hv.nummer in alleen_hv and oost.nummer not in alleen_hv


def test_team_filter_refuses_foreign_or_bad_team(client, login):
    login("coordinator")
    assert client.get(f"/triage?team={team(HV).id}").status_code == 404
    assert client.get("/triage?team=abc").status_code == 404
    assert client.get("/triage?team=999999").status_code == 404


def test_board_as_fragment(client, login):
    d = maak_dossier("te_bespreken")
    login("coordinator")
    r = client.get("/triage", headers=HX)
    assert assert_fragment(r).lstrip().startswith('<div id="board"') and d.nummer in r.text


def test_board_view_is_audited(client, login):
    from vh.models import AuditEvent
    d = maak_dossier("te_bespreken")
    login("coordinator")
    client.get("/triage")
    event = AuditEvent.select().where(AuditEvent.actie == "triage.board").order_by(AuditEvent.id.desc()).first()
    assert event and str(d.id) in event.details


# ---------------------------------------------------------------- bounded queries
def _fill(n: int):
    fasen = ["nieuw", "parketcheck", "te_bespreken", "dossiervorming", "beslist"]
    for i in range(n):
        fase = fasen[i % len(fasen)]
        if fase == "beslist":
            beslis(maak_dossier("dossiervorming", personen=GEZIN))
        else:
            maak_dossier(fase, parket="akkoord" if fase in ("te_bespreken", "dossiervorming") else None,
                         personen=GEZIN)
        maak_aanmelding(plaats=AARSCHOT, personen=GEZIN[2:3], ifg_vormen="kindermishandeling")


def test_board_loads_in_a_bounded_number_of_queries(client, login):
    login("coordinator")
    _fill(3)
    few = queries_for(client, "/triage")
    _fill(27)
    many = queries_for(client, "/triage")
    assert many == few, f"{few} queries voor 3 dossiers, {many} voor 30"
    assert few < 40


def test_a_long_column_pages_and_the_board_stays_small(client, login):
    """Issue 12.2: 40 waiting referrals make a column of 12 cards with pages, not a page of 40."""
    from vh.triage.bord import BORD_PER_KOLOM
    for _ in range(40):
        maak_aanmelding()
    login("coordinator")
    html = client.get("/triage").text
    kolom = html[html.index('id="kolom-nieuw-lijst"'):html.index('id="kolom-parketcheck-lijst"')]
    assert kolom.count('id="kaart-aanmelding-') == BORD_PER_KOLOM and "1–12 van 40" in kolom
    assert "kolom=nieuw&amp;pagina=2" in kolom
    laatste = client.get("/triage?kolom=nieuw&pagina=4").text
    assert "37–40 van 40" in laatste and laatste.count('id="kaart-aanmelding-') == 4
    assert client.get("/triage?kolom=nieuw&pagina=999").status_code == 200  # the last page
    assert len(html.encode()) < 60_000


# ---------------------------------------------------------------- moves
def test_move_without_js_redirects_303(client, login):
    d = maak_dossier("te_bespreken")
    login("coordinator")
    r = client.post(f"/triage/{d.id}/bespreken")
    assert r.status_code == 303 and r.headers["Location"].endswith("/triage")
    d = type(d).get_by_id(d.id)
    assert d.fase == "dossiervorming"
    assert Overgang.select().where((Overgang.dossier == d) & (Overgang.actie == "bespreken")).exists()
    assert "is besproken" in client.get("/triage").text  # the flash


def test_move_with_htmx_returns_the_board_fragment(client, login):
    d = maak_dossier("te_bespreken")
    login("coordinator")
    r = client.post(f"/triage/{d.id}/bespreken", headers=HX)
    assert r.status_code == 200
    assert r.text.lstrip().startswith('<div id="board"')
    assert d.nummer in kolom(r.text, "dossiervorming")
    assert d.nummer not in kolom(r.text, "te_bespreken")


def test_parket_vragen_from_the_board_creates_the_request(client, login):
    d = maak_dossier("nieuw", parket=None)
    login("coordinator")
    assert client.post(f"/triage/{d.id}/parket_vragen").status_code == 303
    assert type(d).get_by_id(d.id).fase == "parketcheck"
    check = Parketcheck.get(Parketcheck.dossier == d)
    assert check.uitkomst is None


def test_refused_move_shows_the_dutch_message(client, login):
    d = maak_dossier("parketcheck", parket=None)
    login("coordinator")
    r = client.post(f"/triage/{d.id}/bespreken")
    assert r.status_code == 422
    assert "‘Besproken in het overleg’ kan niet in de fase ‘Wacht op parket’." in r.text
    assert type(d).get_by_id(d.id).fase == "parketcheck"
    r = client.post(f"/triage/{d.id}/bespreken", headers=HX)
    assert_fragment(r, 422)
    assert "kan niet in de fase" in r.text


def test_parket_pause_refuses_parket_request(client, login):
    d = maak_dossier("nieuw", parket=None)
    t = team()
    t.parket_pauze = True
    t.save()
    login("coordinator")
    r = client.post(f"/triage/{d.id}/parket_vragen")
    assert r.status_code == 422 and "Het parket neemt tijdelijk niet deel" in r.text


def test_move_access_and_tampering(client, login):
    eigen = maak_dossier("te_bespreken")
    ander = maak_dossier("te_bespreken", teamnaam=HV)
    login("coordinator")
    assert client.post(f"/triage/{ander.id}/bespreken").status_code == 404
    assert client.post("/triage/999999/bespreken").status_code == 404
    assert client.post(f"/triage/{eigen.id}/besluit_spoor3").status_code == 404  # not a board move
    assert client.post(f"/triage/{eigen.id}/onzin").status_code == 404
    assert type(ander).get_by_id(ander.id).fase == "te_bespreken"
    assert client.get(f"/triage/{eigen.id}/bespreken").status_code == 405


def test_kernpartner_cannot_move(client, login):
    d = maak_dossier("te_bespreken")
    login("kernpartner")
    assert client.post(f"/triage/{d.id}/bespreken").status_code == 403
    assert type(d).get_by_id(d.id).fase == "te_bespreken"


def test_move_needs_csrf(app, tmp_path):
    from kit import PASSWORD, seeded_app

    from vh.db import db
    app = seeded_app(tmp_path, WTF_CSRF_ENABLED=True)
    d = maak_dossier("te_bespreken")
    c = app.test_client()
    page = c.get("/login").text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    assert c.post("/login", data={"email": "coordinator@vh.test", "password": PASSWORD,
                                   "csrf_token": token}).status_code == 303
    assert c.post(f"/triage/{d.id}/bespreken").status_code == 400
    board = c.get("/triage").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', board).group(1)
    assert c.post(f"/triage/{d.id}/bespreken", data={"csrf_token": token}).status_code == 303
    db.close()


# ---------------------------------------------------------------- projection mode
def test_projection_mode_has_no_full_names_and_no_buttons(client, login):
    maak_dossier("te_bespreken", personen=GEZIN, acuut=True)
    maak_dossier("nieuw", parket=None, personen=GEZIN)
    beslis(maak_dossier("dossiervorming", personen=GEZIN))
    maak_aanmelding(plaats=AARSCHOT, personen=GEZIN, ifg_vormen="kindermishandeling")
    login("coordinator")
    r = client.get("/triage?weergave=projectie")
    assert r.status_code == 200
    html = r.text
    assert '<body class="projectie"' in html
    names = {n for p in Persoon.select() for n in (p.voornaam, p.achternaam)}
    assert names
    for name in names:
        assert name not in html, name
    # nor the names of the users, the logged-in coordinator included
    assert User.get(User.email == "coordinator@vh.test").naam not in html
    assert "<button" not in html and "<form" not in html.split('id="board"')[1]
    # it advances by itself to the next page (here the only one): htmx, or without JS a meta refresh
    volgende = "/triage?weergave=projectie&amp;kolom=te_bespreken&amp;pagina=1"
    assert 'hx-trigger="every 15s"' in html and f'hx-get="{volgende}"' in html
    assert f'<noscript><meta http-equiv="refresh" content="15;url={volgende}"></noscript>' in html
    assert "GV, JV" in html
    frag = client.get("/triage?weergave=projectie", headers=HX)
    assert frag.status_code == 200 and 'hx-trigger="every 15s"' in frag.text
    for name in names:
        assert name not in frag.text


# ---------------------------------------------------------------- demo data
def test_demo_part_is_idempotent_and_fills_the_board(client, login):
    from vh.demo import triage as demo
    from vh.models import Agendapunt, Bijdrage, Dossier, Overleg
    assert demo.load()
    counts = [m.select().count() for m in (Dossier, Overleg, Agendapunt, Bijdrage, Persoon)]
    assert demo.load() == ""
    assert [m.select().count() for m in (Dossier, Overleg, Agendapunt, Bijdrage, Persoon)] == counts
    assert Dossier.select().where(Dossier.fase == "te_bespreken").count() == 2
    assert Dossier.select().where(Dossier.fase == "dossiervorming").count() == 1
    assert Bijdrage.select().count() == 2
    komend = Overleg.get(Overleg.plaats == demo.PLAATS_KOMEND)
    assert komend.datum > utcnow() and {d.user.email for d in komend.deelnemers} == set(demo.DEELNEMERS)
    assert komend.agenda.count() == 2
    login("coordinator")
    html = client.get("/triage?weergave=projectie").text
    assert "Mertens" not in html and "Goris" not in html and "Decoster" not in html
    # the projector: every column as a count, the agenda's cards; another column on request
    assert re.search(r'Besproken / dossiervorming</span> <span class="board-counts__n">1<', html)
    assert html.split('class="board-page"')[1].count("<article") == 2
    vorming = client.get("/triage?weergave=projectie&kolom=dossiervorming").text
    assert vorming.split('class="board-page"')[1].count("<article") == 1
    assert kolom(client.get("/triage").text, "dossiervorming").count("<article") == 1
