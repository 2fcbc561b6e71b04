"""Load the reference data shipped in vh/data/ (idempotent)."""
from __future__ import annotations

import csv
from pathlib import Path

from peewee import chunked

from vh.db import db
from vh.models import Gemeente

DATA = Path(__file__).resolve().parents[1] / "data"


def load_gemeenten(path: Path = DATA / "vlaams-brabant.csv") -> int:
    """Insert or update every postcode + locality; returns the number of rows in the file."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = [
            dict(postcode=r["postcode"], deelgemeente=r["deelgemeente"], gemeente=r["gemeente"],
                 politiezone_nr=r["politiezone_nr"], politiezone=r["politiezone"],
                 arrondissement=r["arrondissement"], pilootzone=r["pilootzone"] == "ja")
            for r in csv.DictReader(f)
        ]
    with db.atomic():
        for batch in chunked(rows, 100):
            (Gemeente.insert_many(batch)
             .on_conflict(conflict_target=[Gemeente.postcode, Gemeente.deelgemeente],
                          preserve=[Gemeente.gemeente, Gemeente.politiezone_nr, Gemeente.politiezone,
                                    Gemeente.arrondissement, Gemeente.pilootzone])
             .execute())
    return len(rows)
