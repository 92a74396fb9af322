"""the cooperative's language: the language of its workbooks and of the names it is given

A cooperative created from now on takes the language of the program that creates it (the
first-run window, ``coop-desk init``). A cooperative that existed before this revision is
Spanish-speaking: coop-desk was written for Peruvian cooperatives, and their General Assembly
reads Spanish. The settings dialog changes it.

Revision ID: 0450
Revises: 0400
Create Date: 2026-12-03 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0450"
down_revision: str | Sequence[str] | None = "0400"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cooperative", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("language", sa.String(length=5), nullable=False, server_default="es")
        )


def downgrade() -> None:
    with op.batch_alter_table("cooperative", schema=None) as batch_op:
        batch_op.drop_column("language")
