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
PG_FUNCTION = "coop_desk_refuse_posted_change"

# What this revision creates besides tables, per dialect and kind: name -> the statement run.
# A literal, so that ``services/schema.py`` reads it (without running this file) as what the
# database must hold: the same text, and nothing else that coop-desk did not make.
SCHEMA_OBJECTS = {
    "sqlite": {
        "trigger": {
            "tr_journal_entry_no_update": (
                "CREATE TRIGGER tr_journal_entry_no_update BEFORE UPDATE ON journal_entry "
                "BEGIN SELECT RAISE(ABORT, 'UPDATE on journal_entry: posted journal entries "
                "cannot be changed or deleted; reverse the entry and post a corrected one'); END"
            ),
            "tr_journal_entry_no_delete": (
                "CREATE TRIGGER tr_journal_entry_no_delete BEFORE DELETE ON journal_entry "
                "BEGIN SELECT RAISE(ABORT, 'DELETE on journal_entry: posted journal entries "
                "cannot be changed or deleted; reverse the entry and post a corrected one'); END"
            ),
            "tr_posting_no_update": (
                "CREATE TRIGGER tr_posting_no_update BEFORE UPDATE ON posting "
                "BEGIN SELECT RAISE(ABORT, 'UPDATE on posting: posted journal entries "
                "cannot be changed or deleted; reverse the entry and post a corrected one'); END"
            ),
            "tr_posting_no_delete": (
                "CREATE TRIGGER tr_posting_no_delete BEFORE DELETE ON posting "
                "BEGIN SELECT RAISE(ABORT, 'DELETE on posting: posted journal entries "
                "cannot be changed or deleted; reverse the entry and post a corrected one'); END"
            ),
        },
    },
    "postgresql": {
        "function": {
            "coop_desk_refuse_posted_change": (
                "CREATE FUNCTION coop_desk_refuse_posted_change() RETURNS trigger "
                "LANGUAGE plpgsql AS $$\n"
                "BEGIN\n"
                "    RAISE EXCEPTION '% on %: posted journal entries cannot be changed or "
                "deleted; reverse the entry and post a corrected one', TG_OP, TG_TABLE_NAME\n"
                "        USING ERRCODE = 'integrity_constraint_violation';\n"
                "END\n"
                "$$"
            ),
        },
        "trigger": {
            "tr_journal_entry_no_update": (
                "CREATE TRIGGER tr_journal_entry_no_update BEFORE UPDATE ON journal_entry "
                "FOR EACH ROW EXECUTE FUNCTION coop_desk_refuse_posted_change()"
            ),
            "tr_journal_entry_no_delete": (
                "CREATE TRIGGER tr_journal_entry_no_delete BEFORE DELETE ON journal_entry "
                "FOR EACH ROW EXECUTE FUNCTION coop_desk_refuse_posted_change()"
            ),
            # TRUNCATE skips row triggers: refuse it too.
            "tr_journal_entry_no_truncate": (
                "CREATE TRIGGER tr_journal_entry_no_truncate BEFORE TRUNCATE ON journal_entry "
                "FOR EACH STATEMENT EXECUTE FUNCTION coop_desk_refuse_posted_change()"
            ),
            "tr_posting_no_update": (
                "CREATE TRIGGER tr_posting_no_update BEFORE UPDATE ON posting "
                "FOR EACH ROW EXECUTE FUNCTION coop_desk_refuse_posted_change()"
            ),
            "tr_posting_no_delete": (
                "CREATE TRIGGER tr_posting_no_delete BEFORE DELETE ON posting "
                "FOR EACH ROW EXECUTE FUNCTION coop_desk_refuse_posted_change()"
            ),
            "tr_posting_no_truncate": (
                "CREATE TRIGGER tr_posting_no_truncate BEFORE TRUNCATE ON posting "
                "FOR EACH STATEMENT EXECUTE FUNCTION coop_desk_refuse_posted_change()"
            ),
        },
    },
}


def upgrade() -> None:
    dialect = "postgresql" if op.get_bind().dialect.name == "postgresql" else "sqlite"
    for kind in ("function", "trigger"):  # a trigger needs its function first
        for statement in SCHEMA_OBJECTS[dialect].get(kind, {}).values():
            op.execute(statement)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in TABLES:
        events = ("update", "delete", "truncate") if postgresql else ("update", "delete")
        for event in events:
            on = f" ON {table}" if postgresql else ""
            op.execute(f"DROP TRIGGER tr_{table}_no_{event}{on}")
    if postgresql:
        op.execute(f"DROP FUNCTION {PG_FUNCTION}()")
