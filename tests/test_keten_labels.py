"""Every <label for=…> points at exactly one element, a form control (found by the browser walk of
Peggy and Jordy: the bijdrage textarea had id "inhoud", which is also the <main> of base.html, so its
label and the error-summary link pointed at the page's main region instead of the field)."""
from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from kit import maak_dossier, maak_overleg

from vh.models import Bijdrage, User

CONTROLS = {"input", "textarea", "select"}


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: Counter = Counter()
        self.tag_of: dict[str, str] = {}
        self.labels: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids[a["id"]] += 1
            self.tag_of.setdefault(a["id"], tag)
        if tag == "label" and a.get("for"):
            self.labels.append(a["for"])
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.links.append(a["href"][1:])


def _check_labels(html: str) -> _Ids:
    p = _Ids()
    p.feed(html)
    for target in p.labels:
        assert p.ids[target] == 1, f"label for={target!r}: {p.ids[target]} elementen met die id"
        assert p.tag_of[target] in CONTROLS, f"label for={target!r} wijst naar <{p.tag_of[target]}>"
    return p


def test_bijdrage_label_points_at_the_textarea(client, login):
    d = maak_dossier("te_bespreken")
    o = maak_overleg(dossiers=[d])
    for role in ("politie", "coordinator"):
        login(role)
        r = client.get(f"/overleggen/{o.id}/punt/1")
        assert r.status_code == 200 and "Uw bijdrage" in r.text
        p = _check_labels(r.text)
        assert p.tag_of["bijdrage-inhoud"] == "textarea"
        client.post("/logout")


def test_bijdrage_error_summary_links_to_the_field(client, login):
    d = maak_dossier("te_bespreken")
    o = maak_overleg(dossiers=[d])
    login("politie")
    r = client.post(f"/overleggen/{o.id}/punt/1/bijdrage", data={"inhoud": ""})
    assert r.status_code == 422
    p = _check_labels(r.text)
    assert "bijdrage-inhoud" in p.links and p.tag_of["bijdrage-inhoud"] == "textarea"


def test_corrigeren_label_points_at_the_textarea(client, login):
    d = maak_dossier("te_bespreken")
    o = maak_overleg(dossiers=[d])
    login("politie")
    assert client.post(f"/overleggen/{o.id}/punt/1/bijdrage", data={"inhoud": "Eerste versie"}).status_code == 303
    b = Bijdrage.get((Bijdrage.dossier == d.id) & (Bijdrage.auteur == User.get(User.email == "politie@vh.test").id))
    r = client.get(f"/overleggen/{o.id}/punt/1/bijdrage/{b.id}/corrigeren")
    assert r.status_code == 200
    assert _check_labels(r.text).tag_of["bijdrage-inhoud"] == "textarea"
