"""The police inflow across paths and at volume (issue 8, items 9 and 10b): a PV number of any form
is recorded like an imported one, the report names the PVs it skipped, a row may carry several forms
of violence, and a large file is written in short transactions that never block other users."""
from __future__ import annotations

import io
import json
import sqlite3
import threading
import time

import pytest
from kit import maak_aanmelding, maak_dossier

from vh.aanmelding import politie as pi
from vh.db import db, is_sqlite
from vh.models import Aanmelding, AuditEvent, PvNummer

KOP = ",".join(pi.KOLOMMEN)


def rij(pv="LE.55.L1.000001/2026", vorm="partnergeweld", rol="slachtoffer", vn="Anna",
        geb="1990-05-01") -> str:
    return ",".join([pv, "2026-03-14", vorm, "", rol, vn, "Test", geb, "3000"])


def bestand(*rijen: str) -> bytes:
    return ("\n".join([KOP, *rijen]) + "\n").encode("utf-8")


def veel(interventies: int, prefix: str = "LE.55.L1.") -> bytes:
    """`interventies` interventions of two persons each."""
    regels = []
    for n in range(interventies):
        pv = f"{prefix}{n:06d}/2026"
        regels += [rij(pv=pv, vn=f"V{n}"), rij(pv=pv, rol="pleger", vn=f"M{n}", geb="1988-01-01")]
    return bestand(*regels)


def upload(client, data: bytes):
    return client.post("/aanmelden/politie-import", content_type="multipart/form-data",
                       data={"bestand": (io.BytesIO(data), "interventies.csv", "text/csv")})


# ---------------------------------------------------------------- item 9: PV numbers across paths
def test_pv_numbers_of_the_regular_form_are_recorded_on_submit(app):
    a = maak_aanmelding(pv_nummers="le.55.l1.004711/2026; LE.55.L1.004712/2026,\nonbekend")
    assert sorted(p.nummer for p in PvNummer.select().where(PvNummer.aanmelding == a)) == [
        "LE.55.L1.004711/2026", "LE.55.L1.004712/2026"]


def test_a_later_csv_recognises_the_pv_of_the_regular_form(app, user):
    maak_aanmelding(pv_nummers="LE.55.L1.004711/2026")
    imp = pi.importeer(bestand(rij(pv="le.55.l1.004711/2026"), rij(pv="LE.9/26")), user("politie")).import_
    assert (imp.nieuw, imp.al_ingevoerd) == (1, 1)
    assert pi.al_ingevoerd_van(imp) == ["LE.55.L1.004711/2026"]
    assert Aanmelding.select().where(Aanmelding.bron == pi.BRON).count() == 1


def test_a_pv_already_known_does_not_stop_a_regular_referral(app):
    """Another professional may refer the same family for the same facts: the referral goes in, the
    PV keeps pointing to the referral that brought it first."""
    eerste = maak_aanmelding(pv_nummers="LE.1/26")
    tweede = maak_aanmelding(pv_nummers="LE.1/26, LE.2/26")
    assert tweede.status == "ingediend"
    assert {p.nummer: p.aanmelding_id for p in PvNummer.select()} == {"LE.1/26": eerste.id,
                                                                      "LE.2/26": tweede.id}


def test_short_form_refuses_a_pv_of_the_regular_form(client, login):
    from test_politie_views import kort_data
    maak_aanmelding(pv_nummers="LE.55.L1.012345/2026")
    login("politie")
    r = client.post("/aanmelden/politie", data=kort_data())
    assert r.status_code == 422 and "al aangemeld" in r.text
    assert Aanmelding.select().where(Aanmelding.bron == "politie-kort").count() == 0


def test_the_report_names_the_skipped_pvs(client, login, user):
    login("politie")
    maak_aanmelding(pv_nummers="LE.55.L1.000001/2026")
    r = upload(client, veel(3))
    assert r.status_code == 303
    lijst = client.get(r.headers["Location"]).text.split("PV-nummers die al ingevoerd waren")[1]
    assert "LE.55.L1.000001/2026" in lijst and "LE.55.L1.000000/2026" not in lijst
    imp = pi.importeer(veel(3), user("politie")).import_
    assert pi.al_ingevoerd_van(imp) == [f"LE.55.L1.{n:06d}/2026" for n in range(3)]


@pytest.mark.parametrize("vorm", ["partnergeweld|belaging", "partnergeweld; belaging",
                                  '"Belaging , Partnergeweld"', "belaging|partnergeweld|belaging"])
def test_one_row_may_carry_several_forms_of_violence(app, user, vorm):
    pi.importeer(bestand(rij(vorm=vorm), rij(vorm="belaging|partnergeweld", rol="pleger", vn="B")),
                 user("politie"))
    assert Aanmelding.get().ifg_vormen == "partnergeweld|belaging"


def test_rows_of_one_pv_must_name_the_same_forms():
    o = pi.ontleed("\n".join([KOP, rij(vorm="partnergeweld|belaging"),
                              rij(vorm="partnergeweld", rol="pleger", vn="B")]), {"3000"})
    assert [f.regel for f in o.fouten] == [3] and "vorm van geweld verschilt" in o.fouten[0].bericht


def test_an_unknown_form_among_several_is_named():
    o = pi.ontleed("\n".join([KOP, rij(vorm="partnergeweld|oorlog")]), {"3000"})
    assert "Onbekende vorm van geweld 'oorlog'" in o.fouten[0].bericht


def test_template_and_page_show_several_forms(client, login):
    assert "partnergeweld|belaging" in pi.sjabloon()
    login("politie")
    assert "gescheiden door |" in client.get("/aanmelden/politie-import").text


# ---------------------------------------------------------------- item 10b: volume
def test_the_row_limit_is_enforced_and_said(client, login, monkeypatch):
    monkeypatch.setattr(pi, "MAX_RIJEN", 5)
    login("politie")
    pagina = client.get("/aanmelden/politie-import").text
    assert "hoogstens 5 regels" in pagina
    r = upload(client, veel(3))
    assert r.status_code == 422
    assert "meer dan 5 regels met personen" in r.text and "Er is een probleem" in r.text
    assert Aanmelding.select().count() == 0
    assert upload(client, veel(2)).status_code == 303  # 4 rows: allowed


def test_the_default_row_limit_fits_the_upload_limit():
    assert pi.MAX_RIJEN == 40_000


def test_import_commits_in_short_transactions(app, user, monkeypatch):
    """Each part commits on its own: if the import stops halfway, what was written stays, and the
    same file uploaded again imports only the rest (the PV constraint keeps it idempotent)."""
    monkeypatch.setattr(pi, "DEEL", 5)
    echt = pi._schrijf_deel
    delen = []

    def breekt_bij_de_derde(*args, **kwargs):
        delen.append(1)
        if len(delen) == 3:
            raise RuntimeError("worker gestopt")
        return echt(*args, **kwargs)

    monkeypatch.setattr(pi, "_schrijf_deel", breekt_bij_de_derde)
    with pytest.raises(RuntimeError):
        pi.importeer(veel(12), user("politie"))
    assert Aanmelding.select().count() == 10 and PvNummer.select().count() == 10
    monkeypatch.setattr(pi, "_schrijf_deel", echt)
    verslag = pi.importeer(veel(12), user("politie"))
    assert (verslag.import_.nieuw, verslag.import_.al_ingevoerd) == (2, 10)
    assert verslag.transacties == 4  # 3 parts of at most 5 interventions, and the report
    assert Aanmelding.select().count() == 12


def test_each_part_is_audited_with_ids_and_no_names(app, user, monkeypatch):
    monkeypatch.setattr(pi, "DEEL", 5)
    voor = AuditEvent.select().count()
    imp = pi.importeer(veel(12), user("politie")).import_
    events = list(AuditEvent.select().order_by(AuditEvent.id))[voor:]
    assert [e.actie for e in events] == ["politie.import.deel"] * 3 + ["politie.import"]
    ids = [i for e in events[:3] for i in json.loads(e.details)["aanmelding_ids"]]
    assert sorted(ids) == sorted(a.id for a in Aanmelding.select())
    assert json.loads(events[-1].details)["nieuw"] == 12 and events[-1].object_id == imp.id
    assert not any("V1" in e.details or "Test" in e.details for e in events)


def test_an_import_never_blocks_other_users(app, client, login, user):
    """While a large import runs in a thread, other users' dossier pages (each writes its view
    event) and a second connection that writes all the time get their turn: each transaction of
    the import holds the write lock for a moment only, well under SQLite's busy_timeout of 5 s
    (the writer here waits at most 1 s: one transaction for the whole file fails it)."""
    d = maak_dossier()
    politie = user("politie")
    data = veel(6000)
    verslag, fouten, schrijfbeurten = {}, [], []

    def invoer():
        with app.app_context(), db.connection_context():
            verslag["v"] = pi.importeer(data, politie)

    def schrijver():
        conn = sqlite3.connect(app.config["DATABASE_URL"].removeprefix("sqlite:///"), timeout=1.0,
                               isolation_level=None)
        conn.execute("CREATE TABLE IF NOT EXISTS proef_schrijver (n INTEGER)")
        while draad.is_alive():
            try:
                conn.execute("INSERT INTO proef_schrijver VALUES (?)", (len(schrijfbeurten),))
                schrijfbeurten.append(1)
            except sqlite3.OperationalError as fout:
                fouten.append(str(fout))
            time.sleep(0.01)
        conn.close()

    login("coordinator")
    draad = threading.Thread(target=invoer)
    draad.start()
    tweede = threading.Thread(target=schrijver) if is_sqlite() else None
    if tweede:
        tweede.start()
    paginas = 0
    while draad.is_alive():
        assert client.get(f"/dossiers/{d.id}").status_code == 200
        paginas += 1
    draad.join()
    if tweede:
        tweede.join()
        assert fouten == [] and len(schrijfbeurten) >= 10, (fouten[:3], len(schrijfbeurten))
    v = verslag["v"]
    assert v.import_.nieuw == 6000 and paginas >= 2, paginas
    assert v.transacties >= 3 and v.langste_transactie < 1.0, v.langste_transactie
