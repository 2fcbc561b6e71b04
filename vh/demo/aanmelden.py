"""Demo data of the aanmelden feature (filled in by that feature)."""


def load() -> str:  # placeholder
    return ""
