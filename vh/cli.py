"""flask --app wsgi <command>: init-db, migrate, load-reference-data, demo, create-user, grant-role,
wachtwoord-link, audit-verify, meldingen."""
from __future__ import annotations

import os
import signal
import sys
import time

import click

from . import migrations
from .beheer import referentie
from .db import db


def init_app(app) -> None:
    _account_commands(app)
    _meldingen_command(app)

    @app.cli.command("migrate")
    def migrate_cmd():
        """Apply the schema migrations that are not applied yet."""
        with db.connection_context():
            ran = migrations.apply()
        click.echo("Toegepast: " + ", ".join(ran) if ran else "De database is al bijgewerkt.")

    @app.cli.command("init-db")
    def init_db_cmd():
        """Create or upgrade the schema and load the reference data."""
        with db.connection_context():
            migrations.apply()
            n = referentie.load_all()
        click.echo(f"Database klaar; {n} postcodes geladen.")

    @app.cli.command("load-reference-data")
    def load_reference_cmd():
        """Load the municipalities and police zones of vh/data/."""
        with db.connection_context():
            n = referentie.load_all()
        click.echo(f"{n} postcodes geladen.")

    @app.cli.command("demo")
    def demo_cmd():
        """Load the demo data (idempotent)."""
        from .demo import load
        with db.connection_context():
            migrations.apply()
            summary = load(app.config["VH_DEMO_PASSWORD"])
        click.echo(summary)

    @app.cli.command("backup")
    @click.argument("bestand", type=click.Path(dir_okay=False))
    def backup_cmd(bestand):
        """Write a consistent copy of the database to BESTAND (while the app runs)."""
        from .backup import BackupFout, backup
        with db.connection_context():
            try:
                backup(app.config["DATABASE_URL"], bestand)
            except BackupFout as fout:
                click.echo(f"Fout: {fout}", err=True)
                sys.exit(1)
        click.echo(f"Back-up geschreven naar {bestand}.")

    @app.cli.command("restore")
    @click.argument("bestand", type=click.Path(dir_okay=False, exists=True))
    @click.option("--ja", is_flag=True, help="Niet bevestigen (voor scripts).")
    def restore_cmd(bestand, ja):
        """Replace the whole database by the back-up BESTAND (stop the app first)."""
        from .backup import BackupFout, restore
        if not ja:
            click.confirm("Dit vervangt de hele database door de back-up. Verder?", abort=True)
        with db.connection_context():
            try:
                restore(app.config["DATABASE_URL"], bestand)
            except BackupFout as fout:
                click.echo(f"Fout: {fout}", err=True)
                sys.exit(1)
        click.echo(f"Database teruggezet uit {bestand}.")

    @app.cli.command("audit-verify")
    def audit_verify_cmd():
        """Walk the audit chain; exit 1 naming the first broken event."""
        from . import audit
        with db.connection_context():
            ok, message = audit.verify()
        click.echo(message, err=not ok)
        sys.exit(0 if ok else 1)


def _meldingen_command(app) -> None:
    @app.cli.command("meldingen")
    @click.option("--digest", is_flag=True, help="Maak nu het dagoverzicht van vandaag (één keer per dag).")
    @click.option("--herhaal", type=click.IntRange(min=1), default=None, metavar="SECONDEN",
                  help="Blijf lopen en bezorg elke SECONDEN (zoals make run doet).")
    def meldingen_cmd(digest, herhaal):
        """Deliver the outbox over SMTP (cron: every minute); from VH_DIGEST_UUR, once a day,
        build the daily overviews first."""
        from .meldingen import bezorgen, dagoverzicht
        from .templating import aantal

        def een_keer():
            with db.connection_context():
                if digest or dagoverzicht.tijd_voor(app.config):
                    gemaakt = dagoverzicht.maak()
                    if gemaakt is not None:
                        click.echo(f"Dagoverzicht: {aantal(gemaakt, 'e-mail', 'e-mails')} klaargezet.")
                return bezorgen.bezorg(app.config)

        if herhaal is None:
            click.echo(een_keer().tekst())
            return
        ouder = os.getppid()
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while os.getppid() == ouder:  # stop with the process that started the loop (make run)
            try:
                verslag = een_keer()
                if verslag.verzonden or verslag.mislukt or verslag.opgegeven:
                    click.echo(verslag.tekst())
            except Exception as error:  # noqa: BLE001 (a loop beside gunicorn keeps going)
                click.echo(f"meldingen: {type(error).__name__}", err=True)
            time.sleep(herhaal)


def _account_commands(app) -> None:
    """create-user, grant-role, wachtwoord-link: the command line's accounts (the bootstrap path)."""
    @app.cli.command("create-user")
    @click.option("--email", required=True)
    @click.option("--naam", required=True)
    @click.option("--rol", "rollen", multiple=True, required=True, help="Herhaal voor meer rollen.")
    @click.option("--organisatie", default=None, help="Naam van een bestaande organisatie.")
    @click.option("--team", "teams", multiple=True, help="Naam van een bestaand team.")
    @click.password_option("--password", help="Wordt gevraagd als u het weglaat.")
    def create_user_cmd(email, naam, rollen, organisatie, teams, password):
        """Create an account (e.g. the first functioneel beheerder)."""
        from .auth.accounts import AccountError, create_user
        with db.connection_context():
            try:
                user = create_user(email=email, naam=naam, rollen=rollen, password=password,
                                   organisatie=organisatie, teams=teams)
            except AccountError as error:
                click.echo(f"Fout: {error}", err=True)
                sys.exit(2)
        click.echo(f"Account {user.email} aangemaakt.")

    @app.cli.command("grant-role")
    @click.option("--email", required=True)
    @click.option("--rol", required=True, help="Eén rol, bv. coordinator of dpo.")
    def grant_role_cmd(email, rol):
        """Grant a role at once (the bootstrap path: in the app a second person confirms it)."""
        from .beheer import rollen
        from .models import ROLLEN, User
        if rol not in ROLLEN:
            click.echo(f"Fout: onbekende rol: {rol} (kies uit {', '.join(ROLLEN)})", err=True)
            sys.exit(2)
        with db.connection_context():
            user = User.get_or_none(User.email == email.strip().lower())
            if user is None:
                click.echo("Fout: er is geen account met dit e-mailadres.", err=True)
                sys.exit(2)
            changed = rollen.ken_toe(user, rol)
        click.echo(f"{user.email} heeft {'nu' if changed else 'al'} de rol {ROLLEN[rol]}.")

    @app.cli.command("wachtwoord-link")
    @click.option("--email", required=True)
    def wachtwoord_link_cmd(email):
        """Print a one-time link to set the password of an account (also a beheerder's or DPO's)."""
        from .auth import accounts
        from .models import User
        with db.connection_context():
            user = User.get_or_none(User.email == email.strip().lower())
            if user is None or not user.actief:
                click.echo("Fout: er is geen actief account met dit e-mailadres.", err=True)
                sys.exit(2)
            token = accounts.maak_link(user, None)
        click.echo(f"Eenmalige link, {accounts.LINK_UREN} uur geldig (plak hem achter het adres van de "
                   f"toepassing): /wachtwoord/{token}")
