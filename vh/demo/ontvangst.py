"""Demo data of the ontvangst feature (filled in by that feature)."""


def load() -> str:  # placeholder
    return ""
