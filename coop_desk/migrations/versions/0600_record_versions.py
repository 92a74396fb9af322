"""a version on every record people edit (no lost update between PCs)

Revision ID: 0600
Revises: 0550
Create Date: 2026-12-01

Each table whose rows are edited gets ``version`` (1 for every existing row). The program's
sessions compare it on every UPDATE and DELETE (SQLAlchemy's ``version_id_col``) and the
services refuse a save based on an older version, naming who changed the record and when.
Append-only tables (the audit trail, journal entries and postings, status changes, fiscal year
events) and user accounts (changed at every sign-in) have none.

``ADD COLUMN`` with a constant default (and ``DROP COLUMN`` on the way down) is done in place
on SQLite and PostgreSQL alike: no table is copied, so triggers and foreign keys are
untouched.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0600"
down_revision: str | Sequence[str] | None = "0550"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen: the tables as they were at this revision.
TABLES = (
    "account",
    "approval_decision",
    "budget_line",
    "buyer",
    "cert_scheme",
    "certificate",
    "contract",
    "cooperative",
    "corrective_action",
    "inspection",
    "inspection_plot",
    "member",
    "member_scheme",
    "plan_approval",
    "plot",
    "plot_organic",
    "premium_rate",
    "project",
    "sanction",
    "setting",
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    # In place too (SQLite 3.35+): a batch copy of a parent table would trip its foreign keys.
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN version")
