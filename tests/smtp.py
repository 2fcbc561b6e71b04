"""A real SMTP server for the tests: aiosmtpd on 127.0.0.1 on a free port, in a thread, keeping
every message it accepts. `Postbus.weiger(adres, code)` makes it refuse a recipient (e.g. 550:
permanent, 451: try again later); `Postbus.stop()` takes it away (a server that is down)."""
from __future__ import annotations

import socket
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Handler:
    def __init__(self, postbus: Postbus):
        self.postbus = postbus

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = self.postbus.geweigerd.get(address.lower())
        if code:
            return f"{code} Ontvanger geweigerd (test)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.postbus.berichten.append(msg)
        return "250 Message accepted for delivery"


class Postbus:
    """The server and what arrived: `berichten` (EmailMessage, in order of arrival)."""

    def __init__(self):
        self.berichten: list[EmailMessage] = []
        self.geweigerd: dict[str, int] = {}
        self.port = vrije_poort()
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def config(self) -> dict:
        """The app's settings that send to this server (plain SMTP on loopback, no login)."""
        return {"VH_SMTP_HOST": "127.0.0.1", "VH_SMTP_PORT": self.port, "VH_SMTP_TLS": "uit",
                "VH_SMTP_USER": "", "VH_SMTP_PASSWORD": "", "VH_MAIL_FROM": "Veilig Huis <noreply@vh.test>"}

    def weiger(self, adres: str, code: int = 550) -> None:
        self.geweigerd[adres.lower()] = code

    def aan(self, adres: str) -> list[EmailMessage]:
        return [m for m in self.berichten if m["To"] == adres]

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def namen_en_vrije_tekst() -> tuple[set[str], list[str]]:
    """Every person's first and last name and every account's name words in the database, and the
    referrals' free texts: what no mail may contain."""
    import re

    from vh.models import Aanmelding, Persoon, User
    namen = {w for p in Persoon.select(Persoon.voornaam, Persoon.achternaam) for w in (p.voornaam, p.achternaam)
             if len(w) >= 2}
    # the words of the accounts' names ("Inspecteur", "Coördinator", "Bart Beheer"'s "Beheer" are words of the app)
    namen |= {w for u in User.select(User.naam) for w in re.findall(r"[A-Za-zÀ-ÿ'-]{3,}", u.naam)
              if w not in ("Inspecteur", "Coördinator", "Beheer")}
    vrij = [t for a in Aanmelding.select() for t in (a.recent_incident, a.eerdere_incidenten, a.vraag,
                                                     a.veilig_contact, a.hulpverlening, a.hulp_vastgelopen) if t]
    return namen, vrij


def wat_niet_mag(berichten) -> list[tuple[str, str]]:
    """(what, subject) for every name or free text of the database found in one of `berichten`."""
    import re
    namen, vrij = namen_en_vrije_tekst()
    gevonden = []
    for bericht in berichten:
        inhoud = f"{bericht['Subject']}\n{bericht.get_content()}"
        gevonden += [(naam, bericht["Subject"]) for naam in namen if re.search(rf"\b{re.escape(naam)}\b", inhoud)]
        gevonden += [(tekst[:25], bericht["Subject"]) for tekst in vrij if tekst[:25] in inhoud]
    return gevonden
