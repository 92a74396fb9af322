"""EU deforestation regulation: plot boundaries and evidence, deliveries, lots, the buyer's
due-diligence reference on contracts (issue 13).

Revision ID: 0700
Revises: 0600
Create Date: 2026-12-01 15:35:51.843644
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0700"
down_revision: str | Sequence[str] | None = "0600"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing rows get '' in the new text columns (server_default); the program writes them.
    op.create_table(
        "lot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("certified", sa.Boolean(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=True),
        sa.Column("producer_member_id", sa.Integer(), nullable=True),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"], name=op.f("fk_lot_contract_id_contract")
        ),
        sa.ForeignKeyConstraint(
            ["producer_member_id"], ["member.id"], name=op.f("fk_lot_producer_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lot")),
        sa.UniqueConstraint("code", name=op.f("uq_lot_code")),
    )
    with op.batch_alter_table("lot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lot_contract_id"), ["contract_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_lot_producer_member_id"), ["producer_member_id"], unique=False
        )

    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("delivery_date", sa.Date(), nullable=False),
        sa.Column("collection_point", sa.String(length=120), nullable=False),
        sa.Column("kg", sa.BigInteger(), nullable=False),
        sa.Column("moisture_pct", sa.BigInteger(), nullable=False),
        sa.Column("yield_factor_pct", sa.BigInteger(), nullable=False),
        sa.Column("price_per_kg", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("certified", sa.Boolean(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.CheckConstraint("kg > 0", name=op.f("ck_delivery_kg")),
        sa.CheckConstraint(
            "moisture_pct >= 0 AND moisture_pct <= 10000", name=op.f("ck_delivery_moisture")
        ),
        sa.CheckConstraint("price_per_kg >= 0", name=op.f("ck_delivery_price")),
        sa.CheckConstraint(
            "yield_factor_pct > 0 AND yield_factor_pct <= 10000", name=op.f("ck_delivery_yield")
        ),
        sa.ForeignKeyConstraint(["lot_id"], ["lot.id"], name=op.f("fk_delivery_lot_id_lot")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_delivery_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery")),
        sa.UniqueConstraint("number", name=op.f("uq_delivery_number")),
    )
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.create_index("ix_delivery_date", ["delivery_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_delivery_lot_id"), ["lot_id"], unique=False)
        batch_op.create_index(
            "ix_delivery_member_date", ["member_id", "delivery_date"], unique=False
        )

    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "due_diligence_reference", sa.String(length=80), nullable=False, server_default=""
            )
        )

    with op.batch_alter_table("plot", schema=None) as batch_op:
        batch_op.add_column(sa.Column("code", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("boundary", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("boundary_source", sa.String(length=255), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("bbox_west", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("bbox_south", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("bbox_east", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("bbox_north", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("coffee_planted_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("farmland_since", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("evidence_kind", sa.String(length=20), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column(
                "evidence_reference", sa.String(length=200), nullable=False, server_default=""
            )
        )
        batch_op.add_column(
            sa.Column("evidence_document_sha256", sa.String(length=64), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "evidence_document_name", sa.String(length=255), nullable=False, server_default=""
            )
        )
        batch_op.create_unique_constraint(batch_op.f("uq_plot_code"), ["code"])

    # ### end Alembic commands ###


def downgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    with op.batch_alter_table("plot", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_plot_code"), type_="unique")
        batch_op.drop_column("evidence_document_name")
        batch_op.drop_column("evidence_document_sha256")
        batch_op.drop_column("evidence_reference")
        batch_op.drop_column("evidence_kind")
        batch_op.drop_column("farmland_since")
        batch_op.drop_column("coffee_planted_on")
        batch_op.drop_column("bbox_north")
        batch_op.drop_column("bbox_east")
        batch_op.drop_column("bbox_south")
        batch_op.drop_column("bbox_west")
        batch_op.drop_column("boundary_source")
        batch_op.drop_column("boundary")
        batch_op.drop_column("code")

    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.drop_column("due_diligence_reference")

    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.drop_index("ix_delivery_member_date")
        batch_op.drop_index(batch_op.f("ix_delivery_lot_id"))
        batch_op.drop_index("ix_delivery_date")

    op.drop_table("delivery")
    with op.batch_alter_table("lot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lot_producer_member_id"))
        batch_op.drop_index(batch_op.f("ix_lot_contract_id"))

    op.drop_table("lot")
    # ### end Alembic commands ###
