"""The dossier page (a task list) and the dossier list: access, next action, banners, bounded queries."""
from __future__ import annotations

import datetime as dt

from kit import (
    HALLE, HV, HX, VOS, assert_fragment, assert_page, count_queries, maak_aanmelding, maak_dossier, maak_overleg, open_dossier,
)

from vh.dossier import doorlooptijden
from vh.models import (
    AuditEvent,
    Bijdrage,
    Dossier,
)


def test_dossier_page_is_a_task_list(client, login):
    d = maak_dossier("parketcheck", None, personen=VOS, gezin_op_de_hoogte=False, waarom_niet_op_de_hoogte="Risico op escalatie.",
                 veilig_contact="Geen voicemail inspreken.")
    login("coordinator")
    r = client.get(f"/dossiers/{d.id}")
    assert r.status_code == 200
    t = r.text
    assert "Wacht op parket" in t and "Volgende stap: Wacht op antwoord van het parket" in t
    assert "Het gezin is niet op de hoogte" in t and "Risico op escalatie." in t
    assert "Geen voicemail inspreken." in t
    assert t.index("Geen voicemail inspreken.") < t.index("Volgende stap")
    for tekst in ("Greet Vos", "Mila Vos", "Kind", "Slachtoffer", "3000 Leuven", "Pilootzone",
                  "Dossier geopend", "Parketcheck aanvragen", "Els Coördinator", "Aanmelding ingediend"):
        assert tekst in t, tekst
    assert AuditEvent.select().where((AuditEvent.actie == "dossier.view") & (AuditEvent.dossier_id == d.id)).exists()
    fragment = client.get(f"/dossiers/{d.id}", headers={**HX, "HX-Target": "scherm"})
    assert "Greet Vos" in assert_fragment(fragment)


def test_dossier_access_cells(client, login):
    d = maak_dossier("parketcheck", None, personen=VOS)
    for role in ("coordinator_hv", "aanmelder", "parket", "beheerder", "dpo", "kernpartner", "regisseur3"):
        c = client.application.test_client()
        login(role, c)
        assert c.get(f"/dossiers/{d.id}").status_code == 404, role
        assert c.post(f"/dossiers/{d.id}/parketcheck").status_code == 404, role
    c = client.application.test_client()
    login("coordinator", c)
    assert c.get("/dossiers/999999").status_code == 404


def test_kernpartner_on_the_agenda_sees_the_dossier_but_cannot_request(client, login, user):
    d = maak_dossier("parketcheck", None, personen=VOS)
    maak_overleg(("kernpartner",), [d], dagen=2)
    Dossier.update(fase="nieuw").where(Dossier.id == d.id).execute()
    login("kernpartner")
    r = client.get(f"/dossiers/{d.id}")
    assert r.status_code == 200 and "Parketcheck aanvragen</button>" not in r.text
    assert client.post(f"/dossiers/{d.id}/parketcheck").status_code == 403


def test_next_action_after_answers(client, login):
    d = maak_dossier(personen=VOS)
    login("coordinator")
    t = client.get(f"/dossiers/{d.id}").text
    assert "Klaar voor het triage-overleg" in t and "Te bespreken" in t
    assert "Besluit nemen" in t and f"/dossiers/{d.id}/besluit" in t
    assert "Antwoord van het parket" in t and "Alleen advies mogelijk" not in t
    d2 = maak_dossier(parket="bezwaar", reden="Lopend onderzoek.", personen=[("Wim", "Twee", dt.date(1980, 1, 1), "pleger")])
    t = client.get(f"/dossiers/{d2.id}").text
    assert "Alleen advies mogelijk; er wordt geen informatie gedeeld" in t
    assert "alleen advies is mogelijk" in t and "Besluit nemen" in t


def test_besluit_button_only_for_the_coordinator(client, login, user):
    d = maak_dossier(personen=VOS)
    maak_overleg(("kernpartner",), [d], dagen=0)
    login("kernpartner")
    t = client.get(f"/dossiers/{d.id}").text
    assert "Klaar voor het triage-overleg" in t and "Besluit nemen" not in t


def test_bijdragen_block_shows_current_versions(client, login, user):
    d = maak_dossier(personen=VOS)
    auteur = user("kernpartner")
    oud = Bijdrage.create(dossier=d, auteur=auteur, organisatie=auteur.organisatie, inhoud="<p>Oude versie</p>",
                          rechtsgrond="art. 458ter Sw.", actueel=False)
    Bijdrage.create(dossier=d, auteur=auteur, organisatie=auteur.organisatie, inhoud="<p>Nieuwe versie</p>",
                    rechtsgrond="art. 458ter Sw.", vorige=oud)
    login("coordinator")
    t = client.get(f"/dossiers/{d.id}").text
    assert "Nieuwe versie" in t and "Oude versie" not in t
    assert "Nadia El Amrani" in t and "CGG Vlaams-Brabant Oost" in t


def test_lead_times(client, login):
    d = maak_dossier(personen=VOS)
    login("coordinator")
    t = client.get(f"/dossiers/{d.id}").text
    assert "Doorlooptijden" in t and "0 dagen na de vorige stap" in t
    tijden = doorlooptijden.stappen(doorlooptijden.momenten(d, aanmeldingen=[], overgangen=[]))
    assert [s["op"] for s in tijden] == [None, None, None]


def test_list_shows_visible_dossiers_with_filter(client, login):
    d1 = maak_dossier("parketcheck", None, personen=VOS)
    d2 = maak_dossier(personen=[("Wim", "Twee", dt.date(1980, 1, 1), "pleger")])
    d_hv = maak_dossier("parketcheck", None, teamnaam=HV, personen=[("Hans", "Halle", dt.date(1975, 1, 1), "pleger")])
    login("coordinator")
    r = client.get("/dossiers")
    assert r.status_code == 200
    assert d1.nummer in r.text and d2.nummer in r.text and d_hv.nummer not in r.text
    assert "Greet" not in r.text  # number, phase, team, counts: no names on the list
    rij = r.text[r.text.index(d1.nummer):]
    rij = rij[:rij.index("</tr>")]
    assert "Wacht op parket" in rij and ">3<" in rij and "Pilootzone" in rij
    r = client.get("/dossiers?fase=te_bespreken", headers={**HX, "HX-Target": "dossier-resultaten"})
    assert_fragment(r, contains='id="dossier-resultaten"')
    assert d2.nummer in r.text and d1.nummer not in r.text
    assert client.get("/dossiers?fase=onzin").status_code == 400
    assert client.get("/dossiers?pagina=x").status_code == 400
    assert "Alle fasen" in client.get("/dossiers", headers={**HX, "HX-Target": "scherm"}).text


def test_list_access(client, login):
    for role, code in {"aanmelder": 403, "parket": 403, "beheerder": 403, "dpo": 403,
                       "coordinator": 200, "kernpartner": 200, "regisseur2": 200}.items():
        c = client.application.test_client()
        login(role, c)
        assert c.get("/dossiers").status_code == code, role


def test_list_is_bounded_in_queries(client, login, app):
    for i in range(3):
        maak_dossier("parketcheck", None, personen=[(f"Persoon{i}", "Test", dt.date(1980, 1, 1 + i), "slachtoffer")])
    maak_aanmelding(personen=[("Persoon0", "Test", dt.date(1980, 1, 1), "slachtoffer")])  # mogelijk gekend
    login("coordinator")
    counts = []
    for extra in range(2):
        if extra:
            for i in range(5):
                maak_dossier("parketcheck", None, personen=[(f"Extra{i}", "Test", dt.date(1970, 1, 1 + i), "slachtoffer")])
                maak_aanmelding(personen=[(f"Inbox{i}", "Test", dt.date(1960, 1, 1 + i), "slachtoffer")])
        with count_queries() as statements:
            assert client.get("/dossiers").status_code == 200
            assert client.get("/ontvangst").status_code == 200
        counts.append(statements.count)
    assert counts[0] == counts[1] and counts[0] > 5, counts


# ---------------------------------------------------------------- the dossier-screen frame
def _views(d) -> int:
    return AuditEvent.select().where((AuditEvent.actie == "dossier.view") & (AuditEvent.dossier_id == d.id)).count()


def test_frame_as_page_and_as_fragment(client, login):
    d = maak_dossier("parketcheck", None, personen=VOS, veilig_contact="Niet bellen na 17 u.", gezin_op_de_hoogte=False)
    login("coordinator")
    page = client.get(f"/dossiers/{d.id}")
    assert 'id="scherm"' in assert_page(page)
    t = page.text[page.text.index('id="scherm"'):]
    assert t.index("Het gezin is niet op de hoogte") < t.index("Niet bellen na 17 u.") < t.index("Volgende stap")
    assert t.index(f"Dossier {d.nummer}") < t.index("Niet bellen na 17 u.")
    # The whole frame (a block the screen inherits, not overrides) as the fragment for #scherm.
    scherm = client.get(f"/dossiers/{d.id}", headers={**HX, "HX-Target": "scherm"})
    assert_fragment(scherm)
    assert scherm.text.lstrip().startswith('<div id="scherm">') and scherm.text.rstrip().endswith("</div>")
    for tekst in (d.nummer, "Wacht op parket", "Niet bellen na 17 u.", "Volgende stap", "Greet Vos", "Verloop"):
        assert tekst in scherm.text, tekst
    assert scherm.text.index("Niet bellen na 17 u.") < scherm.text.index("Volgende stap")
    # A block the screen defines itself.
    stap = client.get(f"/dossiers/{d.id}", headers={**HX, "HX-Target": "volgende-stap"})
    assert assert_fragment(stap).lstrip().startswith('<section id="volgende-stap"')
    assert "Greet Vos" not in stap.text
    assert _views(d) == 3  # every render of dossier data, page or fragment


def test_frame_audits_a_failed_form_shown_again_and_not_a_redirect(client, login):
    d = maak_dossier("parketcheck", None, personen=VOS)  # asked already: asking again is refused by the workflow
    login("coordinator")
    before = _views(d)
    r = client.post(f"/dossiers/{d.id}/parketcheck")
    assert 'role="alert"' in assert_page(r, 422)
    assert _views(d) == before + 1
    r = client.post(f"/dossiers/{d.id}/parketcheck", headers={**HX, "HX-Target": "volgende-stap"})
    assert 'role="alert"' in assert_fragment(r, 422)
    assert _views(d) == before + 2
    for headers, status in (({}, 303), ({**HX, "HX-Target": "volgende-stap"}, 204)):
        Dossier.update(fase="nieuw").where(Dossier.id == d.id).execute()
        assert client.post(f"/dossiers/{d.id}/parketcheck", headers=headers).status_code == status
        assert _views(d) == before + 2  # the change is audited by its rule, not as a view
    assert AuditEvent.select().where((AuditEvent.actie == "dossier.parket_vragen")
                                     & (AuditEvent.dossier_id == d.id)).count() == 3


def test_sub_navigation_lists_only_the_screens_the_user_may_open(client, login, user, monkeypatch):
    from vh.dossier import frame
    d = maak_dossier(personen=VOS)
    maak_overleg(("kernpartner",), [d], dagen=0)
    login("kernpartner")
    assert 'class="sub-nav"' not in client.get(f"/dossiers/{d.id}").text  # one screen: no tabs
    monkeypatch.setattr(frame, "TABS", [*frame.TABS, frame.Tab("besluit.nemen", "Besluit", "besluit.create"),
                                        frame.Tab("besluit.nemen", "Bijdragen", "bijdrage.create")])
    for role, tabs in (("coordinator", ["Overzicht", "Besluit", "Bijdragen"]),
                       ("kernpartner", ["Overzicht", "Bijdragen"])):
        c = client.application.test_client()
        login(role, c)
        for headers in ({}, {**HX, "HX-Target": "scherm"}):
            t = c.get(f"/dossiers/{d.id}", headers=headers).text
            nav = t[t.index('<nav class="sub-nav"'):]
            nav = nav[:nav.index("</nav>")]
            assert [label for label in ("Overzicht", "Besluit", "Bijdragen") if f">{label}</a>" in nav] == tabs, role
            assert f'href="/dossiers/{d.id}" aria-current="page">Overzicht' in nav


def test_impossible_ids_are_absent_not_errors(client, login):
    d = maak_dossier("parketcheck", None, personen=VOS)
    login("coordinator")
    for pk in ("0", "9223372036854775808", "99999999999999999999999"):
        assert client.get(f"/dossiers/{pk}").status_code == 404, pk
        assert client.post(f"/dossiers/{pk}/parketcheck").status_code == 404, pk
    assert client.get(f"/dossiers/{d.id}").status_code == 200


def test_a_dossier_that_went_to_triage_during_a_pause_offers_the_parketcheck(client, login):
    """Issue 8.1: once the parket takes part again, the dossier page asks it (not only advies)."""
    d = maak_dossier("te_bespreken", parket=None)
    login("coordinator")
    html = client.get(f"/dossiers/{d.id}").text
    assert "Vraag de parketcheck aan" in html and f"/dossiers/{d.id}/parketcheck" in html
    assert client.post(f"/dossiers/{d.id}/parketcheck").status_code == 303
    assert Dossier.get_by_id(d.id).fase == "parketcheck"


# ---------------------------------------------------------------- a parket without an account
WAARSCHUWING_HV = ("Het parket van Halle-Vilvoorde heeft nog geen actief account: de vraag wordt niet "
                   "gezien. Vraag de beheerder een account aan te maken.")


def test_parket_zonder_account_rule(app):
    from kit import HV, team

    from vh.models import User
    from vh.parket.parketcheck import parket_zonder_account
    assert parket_zonder_account(team()) is None and parket_zonder_account(team(HV)) is None
    User.update(actief=False).where(User.email == "parket-hv@vh.test").execute()
    assert parket_zonder_account(team(HV)) == WAARSCHUWING_HV
    assert parket_zonder_account(team()) is None  # Leuven's account does not count for Halle-Vilvoorde
    # an account of the right parket without the parket role does not count either
    User.update(actief=True, rollen="aanmelder").where(User.email == "parket-hv@vh.test").execute()
    assert parket_zonder_account(team(HV)) == WAARSCHUWING_HV


def test_coordinator_is_warned_where_the_parket_is_asked(client, login):
    from vh.models import User
    User.update(actief=False).where(User.email == "parket-hv@vh.test").execute()
    a = maak_aanmelding(plaats=HALLE)
    login("coordinator_hv")
    assert WAARSCHUWING_HV in client.get(f"/ontvangst/{a.id}").text
    d = open_dossier(client, a)
    assert d.fase == "parketcheck"
    assert WAARSCHUWING_HV in client.get(f"/dossiers/{d.id}").text
    # Oost-Brabant has an active parket account: no warning there
    c = client.application.test_client()
    login("coordinator", c)
    d2 = open_dossier(c, maak_aanmelding())
    assert "heeft nog geen actief account" not in c.get(f"/dossiers/{d2.id}").text


def test_the_board_warns_when_the_teams_parket_has_no_account(client, login):
    from vh.models import User
    login("coordinator_hv")
    assert "heeft nog geen actief account" not in client.get("/triage").text
    User.update(actief=False).where(User.email == "parket-hv@vh.test").execute()
    assert WAARSCHUWING_HV in client.get("/triage").text
    assert "heeft nog geen actief account" not in client.get("/triage?weergave=projectie").text
    c = client.application.test_client()
    login("coordinator", c)  # Oost-Brabant's parket has an account
    assert "heeft nog geen actief account" not in c.get("/triage").text
