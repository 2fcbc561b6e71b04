"""Demo data of the triage feature (filled in by that feature)."""


def load() -> str:  # placeholder
    return ""
