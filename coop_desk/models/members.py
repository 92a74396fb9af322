"""Member register tables: members, the history of their status, and their plots."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coop_desk.models.base import Base, Quantity, UTCDateTime, Versioned, sized, utcnow


class Member(Versioned, Base):
    __tablename__ = "member"
    __table_args__ = (
        CheckConstraint("gender IN ('F', 'M')", name="gender"),
        CheckConstraint(
            "status IN ('active', 'suspended', 'withdrawn', 'expelled', 'deceased')",
            name="status",
        ),
        Index("ix_member_surnames", "surnames"),
        Index("ix_member_community", "community"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(sized("member", "code"), unique=True)
    # The code with its numbers zero-padded, so CPGP-3784-9 sorts before CPGP-3784-10.
    code_sort: Mapped[str] = mapped_column(sized("member", "code_sort"), index=True, default="")
    first_names: Mapped[str] = mapped_column(sized("member", "first_names"))
    surnames: Mapped[str] = mapped_column(sized("member", "surnames"))
    dni: Mapped[str | None] = mapped_column(sized("member", "dni"), unique=True)
    gender: Mapped[str] = mapped_column(sized("member", "gender"))
    birth_date: Mapped[date | None] = mapped_column(Date)
    join_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(sized("member", "status"), default="active")
    status_date: Mapped[date] = mapped_column(Date)
    community: Mapped[str] = mapped_column(sized("member", "community"), default="")
    phone: Mapped[str] = mapped_column(sized("member", "phone"), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Folded (lower-case, accent-free) code, names, DNI and community, so that a plain LIKE
    # finds "Núñez" from "nunez" on SQLite and PostgreSQL alike.
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    plots: Mapped[list[Plot]] = relationship(
        back_populates="member", order_by="Plot.id", cascade="save-update, merge"
    )
    status_changes: Mapped[list[MemberStatusChange]] = relationship(
        back_populates="member", order_by="MemberStatusChange.id"
    )


class MemberStatusChange(Base):
    """One change of a member's status, with its effective date and reason. Never edited."""

    __tablename__ = "member_status_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    old_status: Mapped[str | None] = mapped_column(sized("member_status_change", "old_status"))
    new_status: Mapped[str] = mapped_column(sized("member_status_change", "new_status"))
    effective_date: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(
        sized("member_status_change", "recorded_by"), default=""
    )

    member: Mapped[Member] = relationship(back_populates="status_changes")


class Plot(Versioned, Base):
    __tablename__ = "plot"
    __table_args__ = (
        CheckConstraint("total_area_ha >= 0", name="total_area"),
        CheckConstraint("coffee_area_ha >= 0", name="coffee_area"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    name: Mapped[str] = mapped_column(sized("plot", "name"))
    total_area_ha: Mapped[Decimal] = mapped_column(Quantity())
    coffee_area_ha: Mapped[Decimal] = mapped_column(Quantity())
    altitude_m: Mapped[int | None] = mapped_column(Integer)
    varieties: Mapped[str] = mapped_column(sized("plot", "varieties"), default="")
    latitude: Mapped[Decimal | None] = mapped_column(Quantity())
    longitude: Mapped[Decimal | None] = mapped_column(Quantity())

    member: Mapped[Member] = relationship(back_populates="plots")
