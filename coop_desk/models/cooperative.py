"""The cooperative's profile (one row) and named settings."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coop_desk.models.base import Base, Versioned


class Cooperative(Versioned, Base):
    __tablename__ = "cooperative"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("fiscal_year_start_month BETWEEN 1 AND 12", name="fiscal_year_start_month"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(60), default="")
    country: Mapped[str] = mapped_column(String(2), default="PE")
    tax_id: Mapped[str] = mapped_column(String(30), default="")
    flo_id: Mapped[str] = mapped_column(String(30), default="")
    reporting_currency: Mapped[str] = mapped_column(String(3), default="USD")
    local_currency: Mapped[str] = mapped_column(String(3), default="PEN")
    fiscal_year_start_month: Mapped[int] = mapped_column(Integer, default=1)


class Setting(Versioned, Base):
    """A named, user-editable setting (e.g. ``ledger.over_budget`` = ``warn``)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
