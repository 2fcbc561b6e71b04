"""Delivering the outbox over SMTP (`flask --app wsgi meldingen`, from cron every minute or the
loop of `make run`).

Never twice: a runner first claims a row with a conditional UPDATE (only if it is not sent, not
given up and not claimed by another runner, or that claim expired) and sends only when that
UPDATE changed exactly one row, so two runners on two nodes never both send it. The claim and
each outcome are committed on their own (no transaction is held open while the SMTP server
answers). A runner that dies between the server's "250 OK" and its own UPDATE leaves a claim
that expires after CLAIM; the row is then sent again with the same Message-ID, so the
recipient's mail system can recognise the duplicate. That window is the only one.

Failures: the error (its class and SMTP code, never the text of the mail) goes in
`laatste_fout`, and the row is tried again after 1, 2, 4, … minutes (at most 6 hours apart)
until MAX_POGINGEN; a permanent refusal (5xx, e.g. an unknown recipient) gives up at once. A
row whose account was deactivated meanwhile is given up without sending.

Without VH_SMTP_HOST nothing is sent: the mails stay in the outbox, on the beheerder's page.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, parseaddr

from peewee import JOIN

from vh import audit
from vh.models import Melding, User, utcnow
from vh.templating import aantal

log = logging.getLogger(__name__)

CLAIM = dt.timedelta(minutes=10)  # a claim longer than any run; an expired claim means a dead runner
MAX_POGINGEN = 10
MAX_WACHT = dt.timedelta(hours=6)
PER_KEER = 500  # rows per run: a backlog is worked off over the next runs
TIMEOUT = 20  # seconds for the SMTP server to answer


def wacht(pogingen: int) -> dt.timedelta:
    """The backoff after `pogingen` failed attempts: 1, 2, 4, 8 … minutes, at most MAX_WACHT."""
    return min(dt.timedelta(minutes=2 ** max(pogingen - 1, 0)), MAX_WACHT)


@dataclass
class Verslag:
    """What a run did (counts and ids only)."""
    ingesteld: bool = True
    verzonden: list[int] = field(default_factory=list)
    mislukt: list[int] = field(default_factory=list)
    opgegeven: list[int] = field(default_factory=list)
    wachtend: int = 0

    def tekst(self) -> str:
        if not self.ingesteld:
            return (f"Geen SMTP-server ingesteld (VH_SMTP_HOST): {aantal(self.wachtend, 'e-mail', 'e-mails')} "
                    "in de uitgaande post.")
        return (f"Verzonden: {len(self.verzonden)}, mislukt (nieuwe poging later): {len(self.mislukt)}, "
                f"opgegeven: {len(self.opgegeven)}.")


class _Verbinding:
    """One SMTP connection for a run, opened at the first mail that is really sent."""

    def __init__(self, cfg: dict):
        self.cfg, self.smtp = cfg, None

    def open(self) -> smtplib.SMTP:
        if self.smtp is None:
            host, port, tls = self.cfg["VH_SMTP_HOST"], self.cfg["VH_SMTP_PORT"], self.cfg["VH_SMTP_TLS"]
            if tls == "ssl":
                smtp = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT, context=ssl.create_default_context())
            else:
                smtp = smtplib.SMTP(host, port, timeout=TIMEOUT)
                if tls == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
            if self.cfg.get("VH_SMTP_USER"):
                smtp.login(self.cfg["VH_SMTP_USER"], self.cfg["VH_SMTP_PASSWORD"])
            self.smtp = smtp
        return self.smtp

    def sluit(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()
            self.smtp = None


def bericht(m: Melding, adres: str, afzender: str) -> EmailMessage:
    """The e-mail of a row: plain text, Dutch, a Message-ID derived from the row's key."""
    msg = EmailMessage()
    msg["From"] = afzender
    msg["To"] = adres
    msg["Subject"] = m.onderwerp
    msg["Date"] = formatdate(localtime=False)
    domein = parseaddr(afzender)[1].rpartition("@")[2] or "localhost"
    msg["Message-ID"] = f"<melding-{m.id}-{hashlib.sha256(m.sleutel.encode()).hexdigest()[:16]}@{domein}>"
    msg["Auto-Submitted"] = "auto-generated"
    msg["Content-Language"] = "nl-BE"
    msg.set_content(m.tekst)
    return msg


def _claim(melding_id: int, nu: dt.datetime) -> bool:
    """Take the row for this runner: True only if the conditional UPDATE changed it."""
    n = (Melding.update(geclaimd_tot=nu + CLAIM, pogingen=Melding.pogingen + 1)
         .where((Melding.id == melding_id) & Melding.verzonden_op.is_null() & Melding.opgegeven_op.is_null()
                & (Melding.geclaimd_tot.is_null() | (Melding.geclaimd_tot < nu)))
         .execute())
    return n == 1


def _permanent(error: Exception) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    code = getattr(error, "smtp_code", None)
    return isinstance(code, int) and code >= 500


def _fout(error: Exception) -> str:
    """The failure as recorded: the error's class and SMTP code (no mail text, no address)."""
    code = getattr(error, "smtp_code", None)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code = ",".join(str(c) for c, _ in error.recipients.values())
    return f"{type(error).__name__}{f' {code}' if code else ''}"[:300]


def _mislukt(m: Melding, error: Exception, verslag: Verslag) -> None:
    nu = utcnow()
    if _permanent(error) or m.pogingen >= MAX_POGINGEN:
        Melding.update(laatste_fout=_fout(error), geclaimd_tot=None, opgegeven_op=nu).where(
            Melding.id == m.id).execute()
        verslag.opgegeven.append(m.id)
    else:
        Melding.update(laatste_fout=_fout(error), geclaimd_tot=None, verstuur_na=nu + wacht(m.pogingen)).where(
            Melding.id == m.id).execute()
        verslag.mislukt.append(m.id)
    log.warning("melding %s niet verzonden (poging %s): %s", m.id, m.pogingen, _fout(error))


def _verstuur_een(m: Melding, verbinding: _Verbinding, afzender: str, verslag: Verslag) -> None:
    if m.user_id is not None and not m.user.actief:
        Melding.update(laatste_fout="account niet actief", geclaimd_tot=None, opgegeven_op=utcnow()).where(
            Melding.id == m.id).execute()
        verslag.opgegeven.append(m.id)
        return
    adres = m.user.email if m.user_id is not None else m.adres
    verbinding.open().send_message(bericht(m, adres, afzender))
    Melding.update(verzonden_op=utcnow(), geclaimd_tot=None, laatste_fout="").where(Melding.id == m.id).execute()
    verslag.verzonden.append(m.id)


def bezorg(cfg: dict, limiet: int = PER_KEER) -> Verslag:
    """Send what is due, each row claimed first; returns what happened. A server that cannot be
    reached ends the run after recording the failure on the row it was for (the others are
    tried at the next run). Audited once per run that sent or failed something (ids, counts)."""
    if not cfg.get("VH_SMTP_HOST"):
        return Verslag(ingesteld=False, wachtend=Melding.te_versturen(utcnow()).count())
    verslag = Verslag()
    ids = [m.id for m in Melding.te_versturen(utcnow()).select(Melding.id)
           .order_by(Melding.verstuur_na, Melding.id).limit(limiet)]
    verbinding = _Verbinding(cfg)
    try:
        for melding_id in ids:
            if not _claim(melding_id, utcnow()):
                continue  # another runner has it
            m = (Melding.select(Melding, User).join(User, JOIN.LEFT_OUTER, on=(Melding.user == User.id))
                 .where(Melding.id == melding_id).get())
            try:
                _verstuur_een(m, verbinding, cfg["VH_MAIL_FROM"], verslag)
            except (smtplib.SMTPException, OSError) as error:
                _mislukt(m, error, verslag)
                if verbinding.smtp is None or isinstance(error, smtplib.SMTPServerDisconnected):
                    break  # the server is not there: the rest waits for the next run
    finally:
        verbinding.sluit()
    if verslag.verzonden or verslag.mislukt or verslag.opgegeven:
        audit.record("melding.bezorgd", details={"verzonden": verslag.verzonden, "mislukt": verslag.mislukt,
                                                  "opgegeven": verslag.opgegeven})
    return verslag
