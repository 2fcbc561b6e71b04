"""Demo data of the besluit feature (filled in by that feature)."""


def load() -> str:  # placeholder
    return ""
