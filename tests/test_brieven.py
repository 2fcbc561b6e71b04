"""The advice letter: compose → preview → send → frozen → print view and PDF; rich text; access."""
import shutil
import subprocess

import pytest
from kit import aanmelding_van, assert_fragment, assert_page, maak_dossier

HX_PLAIN = {"HX-Request": "true"}
HX = {**HX_PLAIN, "HX-Target": "brief"}

from vh import access, richtext
from vh.models import Aanmelding, AuditEvent, Besluit, Brief, User
from vh.triage import besluiten, brieven


def compose(client, a, onderwerp="Advies over uw aanmelding", inhoud="Ons advies: het CAW.", **kw):
    return client.post(f"/aanmeldingen/{a.id}/brief",
                       data={"actie": "voorbeeld", "onderwerp": onderwerp, "tekst": inhoud}, **kw)


def send(client, a, **kw):
    return client.post(f"/aanmeldingen/{a.id}/brief", data={"actie": "versturen"}, **kw)


def sent_letter(client, login) -> tuple[Aanmelding, Brief]:
    a = aanmelding_van(maak_dossier("afgesloten", aanmelder="huisarts"))
    login("coordinator")
    assert compose(client, a).status_code == 303
    assert send(client, a).status_code == 303
    client.post("/logout")
    return a, Brief.get(Brief.aanmelding == a.id)


def events(actie):
    return AuditEvent.select().where(AuditEvent.actie == actie).count()


# ---------------------------------------------------------------- rich text
def test_sanitize_allow_list():
    dirty = ('<p onclick="x()">Hallo <strong>vet</strong> <em>schuin</em><script>alert(1)</script>'
             '<a href="javascript:x">link</a><img src=x onerror=y></p><ul><li>één</li></ul><h1>Kop</h1>')
    clean = richtext.sanitize(dirty)
    assert "<script" not in clean and "onclick" not in clean and "<a" not in clean and "<img" not in clean
    assert "<h1" not in clean and "<strong>vet</strong>" in clean and "<em>schuin</em>" in clean
    assert "<ul><li>één</li></ul>" in clean


def test_plain_text_to_html_and_back():
    text = "Eerste alinea\nmet een tweede regel.\n\n- punt één\n- punt <strong>twee</strong>\n\nA < B & <script>x</script>"
    html = richtext.tekst_naar_html(text)
    assert html.startswith("<p>Eerste alinea<br>met een tweede regel.</p>")
    assert "<ul><li>punt één</li><li>punt <strong>twee</strong></li></ul>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html and "A &lt; B &amp;" in html
    assert richtext.tekst_naar_html(richtext.html_naar_tekst(html)) == html


# ---------------------------------------------------------------- compose, preview, send
def test_compose_page_prefilled(client, login):
    a = aanmelding_van(maak_dossier("afgesloten", aanmelder="huisarts"))
    login("coordinator")
    page = client.get(f"/aanmeldingen/{a.id}/brief")
    assert_page(page)
    assert f"Advies over uw aanmelding {a.nummer}" in page.text
    assert "Verwijs het gezin naar het CAW." in page.text  # the motivering is the starting point
    assert "<p>" not in page.text.split('name="tekst"')[1].split("</textarea>")[0]  # plain text to edit
    fragment = client.get(f"/aanmeldingen/{a.id}/brief", headers=HX)
    assert_fragment(fragment)
    assert 'name="tekst"' in fragment.text


def test_compose_preview_send_without_js(client, login, user):
    a = aanmelding_van(maak_dossier("afgesloten", aanmelder="huisarts"))
    login("coordinator")
    r = compose(client, a, inhoud="Ons advies.\n\n- Het CAW\n- 1712\n\n<script>alert(1)</script>")
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/aanmeldingen/{a.id}/brief?stap=voorbeeld")
    draft = Brief.get(Brief.aanmelding == a.id)
    assert draft.verzonden_op is None and draft.aan_id == user("huisarts").id and draft.dossier_id == a.dossier_id
    assert "<script" not in draft.inhoud and "<ul><li>Het CAW</li>" in draft.inhoud
    # The referrer cannot see a draft.
    preview = client.get(r.headers["Location"])
    assert preview.status_code == 200 and "Kijk de brief na" in preview.text
    for text in (a.nummer, "1712", "101", "112 BE", "CAW", "huisarts", "Dr. An Wuyts", "Huisartsenpraktijk De Linde",
                 "huisarts@vh.test", "Veilig Huis Oost-Brabant", "Brief versturen"):
        assert text in preview.text, text
    assert "<script>alert" not in preview.text
    # Change it once more, then send.
    assert compose(client, a, onderwerp="Advies", inhoud="Tweede versie.").status_code == 303
    assert Brief.select().where(Brief.aanmelding == a.id).count() == 1
    assert events("brief.edit") == 1
    r = send(client, a)
    brief = Brief.get(Brief.aanmelding == a.id)
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/brieven/{brief.id}")
    assert brief.verzonden_op is not None and brief.verzonden_door_id == user("coordinator").id
    assert "Tweede versie." in brief.html and a.nummer in brief.html and "1712" in brief.html
    assert events("brief.send") == 1


def test_compose_and_send_with_htmx(client, login):
    a = aanmelding_van(maak_dossier("afgesloten", aanmelder="huisarts"))
    login("coordinator")
    r = compose(client, a, headers=HX)
    assert r.status_code == 204 and r.headers["HX-Location"].endswith("?stap=voorbeeld")
    fragment = client.get(f"/aanmeldingen/{a.id}/brief?stap=voorbeeld", headers=HX)
    assert_fragment(fragment)
    assert "Brief versturen" in fragment.text
    r = send(client, a, headers=HX)
    brief = Brief.get(Brief.aanmelding == a.id)
    assert r.status_code == 204 and r.headers["HX-Location"] == f"/brieven/{brief.id}"
    assert brief.verzonden_op is not None


@pytest.mark.parametrize("data, message", [
    ({"onderwerp": "", "tekst": "x"}, "Vul het onderwerp"),
    ({"onderwerp": "x", "tekst": ""}, "Schrijf de tekst"),
    ({"onderwerp": "x", "tekst": "<p></p>"}, "Schrijf de tekst"),
    ({"onderwerp": "x" * 201, "tekst": "x"}, "te lang"),
])
@pytest.mark.parametrize("headers", [{}, HX], ids=["plain", "htmx"])
def test_compose_validation_422(client, login, data, message, headers):
    a = aanmelding_van(maak_dossier("afgesloten", aanmelder="huisarts"))
    login("coordinator")
    r = client.post(f"/aanmeldingen/{a.id}/brief", data={"actie": "voorbeeld", **data}, headers=headers)
    assert r.status_code == 422 and message in r.text and "Er is een probleem" in r.text
    assert Brief.select().count() == 0


def test_send_needs_a_draft(client, login):
    a = aanmelding_van(maak_dossier("afgesloten", aanmelder="huisarts"))
    login("coordinator")
    assert send(client, a).status_code == 409
    assert Brief.select().count() == 0


def test_sent_letter_is_frozen(client, login, user):
    a, brief = sent_letter(client, login)
    frozen = brief.html
    login("coordinator")
    r = compose(client, a, onderwerp="Gewijzigd", inhoud="Gewijzigd")
    assert r.status_code == 409 and "kan niet meer gewijzigd" in r.text
    assert send(client, a).status_code == 409
    r = client.get(f"/aanmeldingen/{a.id}/brief")
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/brieven/{brief.id}")
    with pytest.raises(brieven.BriefError):
        brieven.bewaar(a, "x", "<p>x</p>", user("coordinator"))
    with pytest.raises(brieven.BriefError):
        brieven.verstuur(brief, user("coordinator"))
    again = Brief.get_by_id(brief.id)
    assert again.html == frozen and again.verzonden_op == brief.verzonden_op
    assert Brief.select().count() == 1
    assert not access.can(user("coordinator"), "brief.edit", again)


# ---------------------------------------------------------------- print view and PDF
def test_print_view_and_pdf_for_the_referrer(client, login):
    a, brief = sent_letter(client, login)
    login("huisarts")
    page = client.get(f"/brieven/{brief.id}")
    assert page.status_code == 200 and brief.html in page.text and "Download als PDF" in page.text
    assert client.get(f"/brieven/{brief.id}", headers=HX).status_code == 200
    r = client.get(f"/brieven/{brief.id}.pdf")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "application/pdf"
    assert r.headers["Content-Disposition"] == f'attachment; filename="advies-{a.nummer}.pdf"'
    assert r.data.startswith(b"%PDF")
    huisarts = User.get(User.email == "huisarts@vh.test")
    views = AuditEvent.select().where((AuditEvent.user_id == huisarts.id) & (AuditEvent.object_type == "Brief")
                                      & (AuditEvent.object_id == brief.id))
    assert {e.actie for e in views} == {"brief.view", "brief.pdf"}
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=r.data, capture_output=True, check=True).stdout.decode()
        assert a.nummer in text and "1712" in text and "Dr. An Wuyts" in text


def test_pdf_is_one_a4_page(app, client, login):
    a, brief = sent_letter(client, login)
    with app.test_request_context():
        pages = brieven.document(Brief.get_by_id(brief.id)).pages
    assert len(pages) == 1
    # A4 in CSS px (96 per inch): 210 mm × 297 mm
    assert round(pages[0].width * 25.4 / 96) == 210 and round(pages[0].height * 25.4 / 96) == 297


def test_pdf_fetches_nothing_but_the_stylesheet():
    fetcher = brieven._alleen_stylesheet()
    assert fetcher.fetch(brieven.STYLESHEET.as_uri())
    for url in ("file:///etc/passwd", "http://127.0.0.1/", (brieven.STATIC / "app.js").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


# ---------------------------------------------------------------- niet ontvankelijk, no advice
def test_niet_ontvankelijk_letter(client, login, user):
    huisarts = user("huisarts")
    a = Aanmelding.create(nummer="VH-2026-0999", status="niet_ontvankelijk", auteur=huisarts,
                          team=user("coordinator").teams[0], aanmelder_naam=huisarts.naam)
    Besluit.create(aanmelding=a, uitkomst="niet_ontvankelijk", motivering="Geen IFG.",
                   beslist_door=user("coordinator"))
    login("coordinator")
    page = client.get(f"/aanmeldingen/{a.id}/brief")
    assert page.status_code == 200 and "voorwaarden" in page.text and "Geen IFG." in page.text
    assert compose(client, a).status_code == 303 and send(client, a).status_code == 303
    brief = Brief.get(Brief.aanmelding == a.id)
    assert brief.dossier_id is None and brief.verzonden_op is not None
    client.post("/logout")
    login("huisarts")
    assert client.get(f"/brieven/{brief.id}.pdf").status_code == 200
    client.post("/logout")
    login("coordinator_hv")
    assert client.get(f"/brieven/{brief.id}").status_code == 404


def test_no_letter_without_advice_decision(client, login, user):
    d = maak_dossier(aanmelder="huisarts")
    besluiten.neem_besluit(d, "spoor2", "x", user("coordinator"), regisseur=user("regisseur2"))
    a = Aanmelding.get(Aanmelding.dossier == d.id)
    login("coordinator")
    assert client.get(f"/aanmeldingen/{a.id}/brief").status_code == 409
    assert compose(client, a).status_code == 409
    assert Brief.select().count() == 0


# ---------------------------------------------------------------- access
def test_referrer_before_sending_gets_404(client, login):
    a = aanmelding_van(maak_dossier("afgesloten", aanmelder="huisarts"))
    login("coordinator")
    compose(client, a)
    brief = Brief.get(Brief.aanmelding == a.id)
    client.post("/logout")
    login("huisarts")
    assert client.get(f"/brieven/{brief.id}").status_code == 404
    assert client.get(f"/brieven/{brief.id}.pdf").status_code == 404
    # The referrer knows the referral but may not write the letter.
    assert client.get(f"/aanmeldingen/{a.id}/brief").status_code == 403
    assert compose(client, a).status_code == 403


@pytest.mark.parametrize("role", ["aanmelder", "politie", "kernpartner", "coordinator_hv", "parket",
                                  "regisseur2", "regisseur3", "beheerder", "dpo"])
def test_others_get_404(client, login, role):
    a, brief = sent_letter(client, login)
    login(role)
    assert client.get(f"/brieven/{brief.id}").status_code == 404
    assert client.get(f"/brieven/{brief.id}.pdf").status_code == 404
    assert client.get(f"/aanmeldingen/{a.id}/brief").status_code == 404
    assert compose(client, a).status_code == 404
    assert events("brief.view") == events("brief.pdf") == 0


def test_referrer_of_another_referral(client, login):
    a, brief = sent_letter(client, login)
    other = aanmelding_van(maak_dossier("afgesloten", aanmelder="caw@vh.test"))
    login("coordinator")
    compose(client, other)
    send(client, other)
    client.post("/logout")
    login("aanmelder")  # caw@vh.test: the referrer of `other`, not of `a`
    assert client.get(f"/brieven/{brief.id}").status_code == 404
    other_brief = Brief.get(Brief.aanmelding == other.id)
    assert client.get(f"/brieven/{other_brief.id}").status_code == 200


def test_unknown_letter_404(client, login):
    login("coordinator")
    assert client.get("/brieven/99999").status_code == 404
    assert client.get("/brieven/99999.pdf").status_code == 404
    assert client.get("/aanmeldingen/99999/brief").status_code == 404


def test_access_policy_cells(app, user, client, login):
    a, brief = sent_letter(client, login)
    coordinator, huisarts = user("coordinator"), user("huisarts")
    assert access.can(coordinator, "brief.view", brief) and access.can(coordinator, "brief.pdf", brief)
    assert access.can(huisarts, "brief.view", brief) and access.can(huisarts, "brief.pdf", brief)
    assert not access.can(huisarts, "brief.edit", brief) and not access.can(coordinator, "brief.send", brief)
    assert access.can(coordinator, "brief.compose", a) and not access.can(huisarts, "brief.compose", a)
    assert not access.can(user("coordinator_hv"), "brief.view", brief)
    huisarts.actief = False
    assert not access.can(huisarts, "brief.view", brief)


def test_demo_is_idempotent_and_the_gp_sees_the_letter(app, client, login):
    from vh.demo import besluit as demo
    with app.app_context():
        assert "brief aan de huisarts verzonden" in demo.load()
        assert demo.load() == ""
    brief = Brief.get()
    assert Brief.select().count() == 1 and brief.verzonden_op is not None
    assert brief.aan.email == "huisarts@vh.test" and brief.dossier.afsluitreden == "advies"
    login("huisarts")
    assert client.get(f"/brieven/{brief.id}").status_code == 200
    assert client.get(f"/brieven/{brief.id}.pdf").data.startswith(b"%PDF")
