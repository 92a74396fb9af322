"""Coffee from members to contracts: deliveries (acopio) and the lots they are grouped in.

A *delivery* is one purchase of parchment coffee from a member at a collection point; a *lot*
groups deliveries for a contract. A delivery sits in at most one lot; a lot goes to at most
one contract. A *micro-lot* names one producer (``producer_member_id``): all its coffee is
hers (the women's programme sells such lots under the producer's own name).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from coop_desk.models.base import Base, Quantity, ScaledDecimal, UTCDateTime, sized, utcnow


class Lot(Base):
    __tablename__ = "lot"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(sized("lot", "code"), unique=True)
    # Certified coffee only (Fairtrade / organic); a conventional lot may take any coffee.
    certified: Mapped[bool] = mapped_column(Boolean, default=True)
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"), index=True)
    producer_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    created_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(sized("lot", "recorded_by"), default="")


class Delivery(Base):
    __tablename__ = "delivery"
    __table_args__ = (
        CheckConstraint("kg > 0", name="kg"),
        # Stored scaled (x 100): 10000 is 100.00 %.
        CheckConstraint("moisture_pct >= 0 AND moisture_pct <= 10000", name="moisture"),
        CheckConstraint("yield_factor_pct > 0 AND yield_factor_pct <= 10000", name="yield"),
        CheckConstraint("price_per_kg >= 0", name="price"),
        Index("ix_delivery_member_date", "member_id", "delivery_date"),
        Index("ix_delivery_date", "delivery_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(
        sized("delivery", "number"), unique=True
    )  # the ticket number
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    delivery_date: Mapped[date] = mapped_column(Date)
    collection_point: Mapped[str] = mapped_column(sized("delivery", "collection_point"), default="")
    kg: Mapped[Decimal] = mapped_column(Quantity())  # parchment coffee, as weighed
    moisture_pct: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    # Exportable green coffee from this parchment, in % (rendimiento exportable).
    yield_factor_pct: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    price_per_kg: Mapped[Decimal] = mapped_column(ScaledDecimal(4))
    currency: Mapped[str] = mapped_column(sized("delivery", "currency"), default="PEN")
    certified: Mapped[bool] = mapped_column(Boolean, default=False)
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lot.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(sized("delivery", "recorded_by"), default="")
