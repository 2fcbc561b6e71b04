"""Issue 8.4: the casusregisseur reads the referrals of their dossier (the referrer's contact, safe
contact, language and interpreter); language and interpreter need are recorded per person."""
from __future__ import annotations

from kit import maak_dossier, user

from vh.models import Aanmelding, Persoon

SANDRA = {"voornaam": "Sandra", "achternaam": "Wouters", "geboortedatum-dag": "3",
          "geboortedatum-maand": "9", "geboortedatum-jaar": "1987", "geslacht": "v",
          "rol": "slachtoffer", "straat": "Diestsesteenweg 1", "postcode": "3010", "relatie": "moeder"}


def test_the_person_form_records_language_and_interpreter(client, login):
    login("aanmelder")
    r = client.post("/aanmelden", data={})
    aid = int(r.headers["Location"].split("/")[2])
    r = client.post(f"/aanmelden/{aid}/clientsysteem/personen", data=dict(SANDRA, taal=" Arabisch ", tolk_nodig="y"))
    assert r.status_code == 303, r.text[:300]
    p = Persoon.get()
    assert (p.taal, p.tolk_nodig) == ("Arabisch", True)
    html = client.get(f"/aanmelden/{aid}/clientsysteem/personen/{p.id}").text
    assert 'value="Arabisch"' in html and "checked" in html


def _dossier_met_regisseur():
    d = maak_dossier("kennismaking")
    d.regisseur, d.spoor = user("regisseur3"), 3
    d.save()
    Persoon.update(taal="Tigrinya", tolk_nodig=True).where(Persoon.dossier == d.id).execute()
    Aanmelding.update(aanmelder_naam="Juf Els Peeters", aanmelder_telefoon="016 12 34 56",
                      aanmelder_email="els@school.test", veilig_contact="Alleen via de school",
                      taal="Tigrinya", tolk_nodig=True).where(Aanmelding.dossier == d.id).execute()
    return d


def test_the_regisseur_reads_the_referrals_of_their_dossier(client, login):
    d = _dossier_met_regisseur()
    login("regisseur3")
    page = client.get(f"/dossiers/{d.id}").text
    assert "Tigrinya" in page and "tolk nodig" in page  # per person on the dossier page
    assert f'href="/dossiers/{d.id}/aanmeldingen"' in page  # the tab
    r = client.get(f"/dossiers/{d.id}/aanmeldingen")
    assert r.status_code == 200
    for tekst in ("Juf Els Peeters", "016 12 34 56", "els@school.test", "Alleen via de school", "Tigrinya"):
        assert tekst in r.text, tekst


def test_others_do_not_read_the_referrals_through_the_dossier(client, login):
    d = _dossier_met_regisseur()
    login("regisseur2")
    assert client.get(f"/dossiers/{d.id}/aanmeldingen").status_code == 404
    client.post("/logout")
    login("coordinator")
    assert "Juf Els Peeters" in client.get(f"/dossiers/{d.id}/aanmeldingen").text
