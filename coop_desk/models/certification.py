"""Certification tables: schemes, certificates (of the cooperative or of a member), per-plot
organic status, member status per scheme, internal inspections with corrective actions, the
ICS approval committee's decisions and sanctions (DOMAIN.md, "Organic group certification")."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coop_desk.models.base import Base, Quantity, UTCDateTime, Versioned, sized, utcnow


class CertScheme(Versioned, Base):
    """A certification scheme: Fairtrade, organic (EU, USDA NOP, JAS) and those the user adds
    (Rainforest Alliance, C.A.F.E. Practices, Café Femenino...)."""

    __tablename__ = "cert_scheme"
    __table_args__ = (CheckConstraint("kind IN ('fairtrade', 'organic', 'other')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(sized("cert_scheme", "code"), unique=True)
    name: Mapped[str] = mapped_column(sized("cert_scheme", "name"), unique=True)
    kind: Mapped[str] = mapped_column(sized("cert_scheme", "kind"), default="other")
    # Whether each member needs a certificate of their own (some schemes certify farms).
    member_certificates: Mapped[bool] = mapped_column(Boolean, default=False)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class Certificate(Versioned, Base):
    """A certificate of the cooperative (``member_id`` NULL) or of one member."""

    __tablename__ = "certificate"
    __table_args__ = (
        CheckConstraint("expiry_date > issue_date", name="dates"),
        Index("ix_certificate_expiry", "expiry_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("cert_scheme.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    certifier: Mapped[str] = mapped_column(sized("certificate", "certifier"))
    number: Mapped[str] = mapped_column(sized("certificate", "number"))  # the FLO ID for Fairtrade
    scope: Mapped[str] = mapped_column(Text, default="")
    issue_date: Mapped[date] = mapped_column(Date)
    expiry_date: Mapped[date] = mapped_column(Date)
    # The attached file's address in the document store (SHA-256, hex) and its original name.
    document_sha256: Mapped[str | None] = mapped_column(sized("certificate", "document_sha256"))
    document_name: Mapped[str] = mapped_column(sized("certificate", "document_name"), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    recorded_by: Mapped[str] = mapped_column(sized("certificate", "recorded_by"), default="")

    scheme: Mapped[CertScheme] = relationship()


class PlotOrganic(Versioned, Base):
    """Organic conversion of one plot: the start date and, when the computed status does not
    apply, an override with its reason. Removed with the plot."""

    __tablename__ = "plot_organic"
    __table_args__ = (
        CheckConstraint(
            "status_override IS NULL OR status_override IN "
            "('conventional', 't1', 't2', 't3', 'organic')",
            name="status_override",
        ),
    )

    plot_id: Mapped[int] = mapped_column(
        ForeignKey("plot.id", ondelete="CASCADE"), primary_key=True
    )
    conversion_start: Mapped[date | None] = mapped_column(Date)
    status_override: Mapped[str | None] = mapped_column(sized("plot_organic", "status_override"))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(sized("plot_organic", "updated_by"), default="")


class MemberScheme(Versioned, Base):
    """A member's place in a scheme: in the certified scope or not, since when."""

    __tablename__ = "member_scheme"
    __table_args__ = (
        UniqueConstraint("member_id", "scheme_id", name="uq_member_scheme_member_scheme"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("cert_scheme.id"))
    in_scope: Mapped[bool] = mapped_column(Boolean, default=True)
    since: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(sized("member_scheme", "updated_by"), default="")


inspection_result_check = "result IN ('approved', 'conditional', 'not_approved')"


class Inspection(Versioned, Base):
    """An internal (ICS) inspection of one member's farm."""

    __tablename__ = "inspection"
    __table_args__ = (
        CheckConstraint(inspection_result_check, name="result"),
        CheckConstraint("yield_estimate_kg IS NULL OR yield_estimate_kg >= 0", name="yield"),
        Index("ix_inspection_member_date", "member_id", "inspection_date"),
        Index("ix_inspection_date", "inspection_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    inspection_date: Mapped[date] = mapped_column(Date)
    inspector: Mapped[str] = mapped_column(sized("inspection", "inspector"))
    result: Mapped[str] = mapped_column(sized("inspection", "result"))
    findings: Mapped[str] = mapped_column(Text, default="")
    yield_estimate_kg: Mapped[Decimal | None] = mapped_column(Quantity())
    last_prohibited_input: Mapped[str] = mapped_column(
        sized("inspection", "last_prohibited_input"), default=""
    )
    last_prohibited_input_date: Mapped[date | None] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(sized("inspection", "recorded_by"), default="")

    plots: Mapped[list[InspectionPlot]] = relationship(
        cascade="all, delete-orphan", order_by="InspectionPlot.plot_id"
    )
    actions: Mapped[list[CorrectiveAction]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", order_by="CorrectiveAction.id"
    )


class InspectionPlot(Versioned, Base):
    """A plot visited during an inspection."""

    __tablename__ = "inspection_plot"

    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspection.id", ondelete="CASCADE"), primary_key=True
    )
    plot_id: Mapped[int] = mapped_column(
        ForeignKey("plot.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class CorrectiveAction(Versioned, Base):
    __tablename__ = "corrective_action"
    __table_args__ = (Index("ix_corrective_action_open", "completed_on", "due_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id", ondelete="CASCADE"))
    description: Mapped[str] = mapped_column(Text)
    due_date: Mapped[date] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    completion_note: Mapped[str] = mapped_column(Text, default="")

    inspection: Mapped[Inspection] = relationship(back_populates="actions")


class ApprovalDecision(Versioned, Base):
    """The ICS approval committee's decision on a member (new members count as approved only
    after an approval)."""

    __tablename__ = "approval_decision"
    __table_args__ = (CheckConstraint("decision IN ('approved', 'rejected')", name="decision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    decision_date: Mapped[date] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(sized("approval_decision", "decision"))
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspection.id"))
    reference: Mapped[str] = mapped_column(
        sized("approval_decision", "reference"), default=""
    )  # minutes / act number
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(sized("approval_decision", "recorded_by"), default="")


class Sanction(Versioned, Base):
    """A sanction from the ICS catalogue: warning, suspension (from/to) or exclusion."""

    __tablename__ = "sanction"
    __table_args__ = (
        CheckConstraint("kind IN ('warning', 'suspension', 'exclusion')", name="kind"),
        CheckConstraint(
            "ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    kind: Mapped[str] = mapped_column(sized("sanction", "kind"))
    decided_on: Mapped[date] = mapped_column(Date)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspection.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(sized("sanction", "recorded_by"), default="")
