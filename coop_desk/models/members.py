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
    # EU deforestation regulation (domain/eudr.py). The plot's code in the ICS or the
    # surveyor's files, to match imported boundaries; unique when given.
    code: Mapped[str | None] = mapped_column(sized("plot", "code"), unique=True)
    # The boundary as RFC 7946 GeoJSON geometry text (Polygon or MultiPolygon, WGS84, exact
    # decimals as surveyed) and where it came from ("KML: parcelas.kmz, Placemark 'Lote 1'").
    boundary: Mapped[str | None] = mapped_column(Text)
    boundary_source: Mapped[str] = mapped_column(sized("plot", "boundary_source"), default="")
    # The boundary's bounding box (degrees, rounded outwards), written with it: finds the
    # neighbours a boundary may overlap without reading every other boundary.
    bbox_west: Mapped[Decimal | None] = mapped_column(Quantity())
    bbox_south: Mapped[Decimal | None] = mapped_column(Quantity())
    bbox_east: Mapped[Decimal | None] = mapped_column(Quantity())
    bbox_north: Mapped[Decimal | None] = mapped_column(Quantity())
    coffee_planted_on: Mapped[date | None] = mapped_column(Date)
    farmland_since: Mapped[date | None] = mapped_column(Date)
    evidence_kind: Mapped[str] = mapped_column(sized("plot", "evidence_kind"), default="")
    evidence_reference: Mapped[str] = mapped_column(sized("plot", "evidence_reference"), default="")
    # The attached evidence document, in the document store under its SHA-256 (hex).
    evidence_document_sha256: Mapped[str | None] = mapped_column(
        sized("plot", "evidence_document_sha256")
    )
    evidence_document_name: Mapped[str] = mapped_column(
        sized("plot", "evidence_document_name"), default=""
    )

    member: Mapped[Member] = relationship(back_populates="plots")
