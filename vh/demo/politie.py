"""Demo data of the politie feature (filled in by that feature)."""


def load() -> str:  # placeholder
    return ""
