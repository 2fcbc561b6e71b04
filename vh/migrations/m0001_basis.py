"""The first schema."""
from ..models import MODELS


def up(database):
    database.create_tables(MODELS)
