"""a year close records the audit trail's head

Revision ID: 0550
Revises: 0450
Create Date: 2026-12-03

``fiscal_year_event.trail_head``: the trail's head ("N:HASH") when a year was closed, an
anchor ``verify`` proves the trail still holds. Closes recorded before this revision have none
(empty text).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0550"
down_revision: str | Sequence[str] | None = "0450"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (no batch copy): the table keeps its rows and constraints as they are.
    op.add_column(
        "fiscal_year_event",
        sa.Column("trail_head", sa.String(length=90), server_default="", nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("fiscal_year_event") as batch:
        batch.drop_column("trail_head")
