"""The cooperative's profile (one row) and named settings."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from coop_desk.models.base import Base, Versioned, sized


class Cooperative(Versioned, Base):
    __tablename__ = "cooperative"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("fiscal_year_start_month BETWEEN 1 AND 12", name="fiscal_year_start_month"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(sized("cooperative", "name"))
    short_name: Mapped[str] = mapped_column(sized("cooperative", "short_name"), default="")
    country: Mapped[str] = mapped_column(sized("cooperative", "country"), default="PE")
    tax_id: Mapped[str] = mapped_column(sized("cooperative", "tax_id"), default="")
    flo_id: Mapped[str] = mapped_column(sized("cooperative", "flo_id"), default="")
    reporting_currency: Mapped[str] = mapped_column(
        sized("cooperative", "reporting_currency"), default="USD"
    )
    local_currency: Mapped[str] = mapped_column(
        sized("cooperative", "local_currency"), default="PEN"
    )
    fiscal_year_start_month: Mapped[int] = mapped_column(Integer, default=1)
    # The language of its workbooks and default names ("es", "en": ``coop_desk.i18n``).
    language: Mapped[str] = mapped_column(
        sized("cooperative", "language"), default="es", server_default="es"
    )


class Setting(Versioned, Base):
    """A named, user-editable setting (e.g. ``ledger.over_budget`` = ``warn``)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(sized("setting", "key"), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
