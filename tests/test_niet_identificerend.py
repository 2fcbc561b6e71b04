"""Need-to-know on every screen a kernpartner reaches (issue 8.1b, domain rule 3): before the
parket's akkoord and after a bezwaar, partners see only the non-identifying card (initials, ages,
municipality, forms of violence); the bezwaar reason is for the coordinator alone.

Each screen is grepped for the seeded names, birth dates and free text, per state of the parket.
The access cells themselves are in tests/test_access.py."""
from __future__ import annotations

import pytest
from kit import AARSCHOT, GEZIN, HX, maak_dossier, maak_overleg, user

from vh.models import Aanmelding, Agendapunt, Bijdrage, Parketcheck

INCIDENT = "Vader sloeg met de riem in de keuken"
VRAAG = "Kan de school mee aan tafel zitten"
WAAROM = "Moeder vreest de reactie van haar broer"
VEILIG = "Alleen bellen via juf Annemieke van de school"
REDEN = "Lopend gerechtelijk onderzoek van de onderzoeksrechter"
BIJDRAGE = "Gekend bij de wijkagent sinds de verhuis"
NOTITIE = "Besproken: de oudste dochter is bang thuis"
GEHEIM = [INCIDENT, VRAAG, WAAROM, VEILIG, REDEN, BIJDRAGE, NOTITIE]
NAMEN = [w for voornaam, achternaam, *_ in GEZIN[:2] for w in (voornaam, achternaam)]
GEBOORTEDATA = ["14 maart 1985", "2 juli 1983", "1985-03-14", "14/03/1985"]

# parket state → (phase, the latest parketcheck's outcome; "open" asked and waiting, None never asked)
STATEN = {"geen": ("te_bespreken", None), "open": ("parketcheck", "open"),
          "akkoord": ("dossiervorming", "akkoord"), "beperkingen": ("dossiervorming", "beperkingen"),
          "bezwaar": ("te_bespreken", "bezwaar")}
DELEN = {"akkoord", "beperkingen"}


def _dossier(staat: str):
    fase, uitkomst = STATEN[staat]
    d = maak_dossier(fase, parket=uitkomst if uitkomst not in (None, "open") else None, plaats=AARSCHOT,
                     beperkingen="Niets over het onderzoek." if uitkomst == "beperkingen" else "")
    if uitkomst == "open":
        Parketcheck.create(dossier=d, gevraagd_door=user("coordinator"))
    if uitkomst == "bezwaar":
        Parketcheck.update(reden=REDEN).where(Parketcheck.dossier == d.id).execute()
    Aanmelding.update(recent_incident=INCIDENT, vraag=VRAAG, gezin_op_de_hoogte=False,
                      waarom_niet_op_de_hoogte=WAAROM, veilig_contact=VEILIG).where(
        Aanmelding.dossier == d.id).execute()
    Bijdrage.create(dossier=d, auteur=user("coordinator"), inhoud=f"<p>{BIJDRAGE}</p>", rechtsgrond="r")
    o = maak_overleg(dossiers=[d])
    Agendapunt.update(bespreking=f"<p>{NOTITIE}</p>", besproken=True).where(Agendapunt.dossier == d.id).execute()
    return d, o


def _screens(client, d, o) -> dict[str, str]:
    pages = {"dossier": client.get(f"/dossiers/{d.id}"),
             "dossier (htmx)": client.get(f"/dossiers/{d.id}", headers={**HX, "HX-Target": "scherm"}),
             "agendapunt": client.get(f"/overleggen/{o.id}/punt/1"),
             "verslag": client.get(f"/overleggen/{o.id}/verslag")}
    for name, r in pages.items():
        assert r.status_code == 200, (name, r.text[:300])
    return {name: r.text for name, r in pages.items()}


@pytest.mark.parametrize("staat", sorted(STATEN))
def test_a_kernpartner_sees_who_the_family_is_only_after_the_akkoord(client, login, staat):
    d, o = _dossier(staat)
    login("politie")
    for name, html in _screens(client, d, o).items():
        geheim = [t for t in NAMEN + GEBOORTEDATA + GEHEIM if t in html]
        if staat in DELEN:
            assert "Griet" in html or name == "verslag", name
            assert REDEN not in html, name
        else:
            assert geheim == [], (staat, name, geheim)
            if name != "verslag":
                assert "GV" in html and "JV" in html and "Partnergeweld" in html, (name, "the card")


def test_the_card_says_why_and_keeps_the_banners_without_their_free_text(client, login):
    d, o = _dossier("bezwaar")
    login("kernpartner")
    html = client.get(f"/dossiers/{d.id}").text
    assert "Het parket maakte bezwaar" in html and "Het gezin is niet op de hoogte" in html
    assert "alleen een niet-identificerende kaart" in html
    assert "Aarschot" in html  # the municipality is on the card


def test_the_coordinator_reads_everything_and_the_bezwaar_reason(client, login):
    d, o = _dossier("bezwaar")
    login("coordinator")
    screens = _screens(client, d, o)
    for name, html in screens.items():
        if name != "verslag":
            assert "Griet Vandermeulen" in html and WAAROM in html and VEILIG in html, name
    assert REDEN in screens["dossier"] and INCIDENT in screens["agendapunt"]
    assert NOTITIE in screens["verslag"]


def test_the_parket_reads_its_own_bezwaar_reason(client, login):
    d, _ = _dossier("bezwaar")
    login("parket")
    assert REDEN in client.get(f"/parket/{d.laatste_parketcheck().id}").text


# ---------------------------------------------------------------- sensitive banners everywhere (8.3)
def test_the_parket_screen_and_the_minutes_carry_the_sensitive_banners(client, login):
    d, o = _dossier("open")
    login("parket")
    html = client.get(f"/parket/{d.laatste_parketcheck().id}").text
    assert "Het gezin is niet op de hoogte" in html and "afspraken over veilig contact" in html
    assert WAAROM not in html and VEILIG not in html  # only what the decision needs (test_parket)
    client.post("/logout")
    login("coordinator")
    verslag = client.get(f"/overleggen/{o.id}/verslag").text
    assert "Het gezin is niet op de hoogte" in verslag and VEILIG in verslag


@pytest.mark.parametrize("projectie", [False, True])
def test_a_board_card_carries_a_marker_without_free_text(client, login, projectie):
    d, _ = _dossier("akkoord")
    login("coordinator")
    html = client.get("/triage" + ("?weergave=projectie&kolom=dossiervorming" if projectie else "")).text
    kaart = html[html.index(f'id="kaart-dossier-{d.id}"'):]
    kaart = kaart[:kaart.index("</article>")]
    assert "Gezin niet op de hoogte" in kaart and "Veilig contact" in kaart
    assert WAAROM not in html and VEILIG not in html
