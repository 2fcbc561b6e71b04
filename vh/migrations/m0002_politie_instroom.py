"""The police inflow: PV numbers (idempotent import) and the upload reports."""
from ..models import PolitieImport, PvNummer


def up(database):
    database.create_tables([PvNummer, PolitieImport], safe=True)
