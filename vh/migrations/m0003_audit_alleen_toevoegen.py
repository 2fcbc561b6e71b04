"""m0003: the database itself refuses to change or delete audit events (domain rule 6).

The hash chain shows tampering after the fact; these triggers stop the application (or a
mistaken script) from doing it at all. Only someone who can drop triggers can still tamper, and
then `flask audit-verify` names the event.
"""
from . import dialect

MESSAGE = "audit_event is append-only"

SQL = {
    "sqlite": [
        f"CREATE TRIGGER audit_event_geen_wijziging BEFORE UPDATE ON audit_event "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        f"CREATE TRIGGER audit_event_geen_verwijdering BEFORE DELETE ON audit_event "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    ],
    "postgres": [
        f"CREATE FUNCTION audit_event_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$",
        "CREATE TRIGGER audit_event_geen_wijziging BEFORE UPDATE OR DELETE ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION audit_event_alleen_toevoegen()",
        "CREATE TRIGGER audit_event_geen_truncate BEFORE TRUNCATE ON audit_event "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_alleen_toevoegen()",
    ],
}


def up(migrator, db):
    for statement in SQL[dialect(migrator)]:
        db.execute_sql(statement)
