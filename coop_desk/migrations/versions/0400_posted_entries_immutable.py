"""posted journal entries refused any change by the database

Revision ID: 0400
Revises: 0410
Create Date: 2026-12-02

Every row of ``journal_entry`` and ``posting`` is a posted entry: nothing may update or delete
one, whatever the path (the program's sessions refuse it first, with words; these triggers
refuse Core SQL, ``sqlite3`` or ``psql`` on the database). Corrections are reversal entries,
which are inserts.

The statements are frozen here, as they were at this revision. A later migration that must
rewrite these tables drops the triggers, does its work and creates them again from its own
copy; note that SQLite's batch mode (copy, drop, rename the table) drops a table's triggers.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0400"
down_revision: str | Sequence[str] | None = "0410"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("journal_entry", "posting")
MESSAGE = (
    "posted journal entries cannot be changed or deleted; "
    "reverse the entry and post a corrected one"
)
PG_FUNCTION = "coop_desk_refuse_posted_change"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% on %: {MESSAGE}', TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'integrity_constraint_violation';
            END
            $$
            """
        )
        for table in TABLES:
            for event in ("update", "delete"):
                op.execute(
                    f"CREATE TRIGGER tr_{table}_no_{event} BEFORE {event.upper()} ON {table} "
                    f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
                )
            # TRUNCATE skips row triggers: refuse it too.
            op.execute(
                f"CREATE TRIGGER tr_{table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()"
            )
    else:
        for table in TABLES:
            for event in ("update", "delete"):
                op.execute(
                    f"CREATE TRIGGER tr_{table}_no_{event} BEFORE {event.upper()} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{event.upper()} on {table}: {MESSAGE}'); END"
                )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in TABLES:
        events = ("update", "delete", "truncate") if postgresql else ("update", "delete")
        for event in events:
            on = f" ON {table}" if postgresql else ""
            op.execute(f"DROP TRIGGER tr_{table}_no_{event}{on}")
    if postgresql:
        op.execute(f"DROP FUNCTION {PG_FUNCTION}()")
