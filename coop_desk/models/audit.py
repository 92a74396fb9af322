"""The audit trail: one row per change of any record, chained by SHA-256.

Rows are only ever inserted, by the listener in ``services/audit/writer.py``, in the same
transaction as the change they describe. ``id`` is assigned by that listener (consecutive,
from 1) so that a missing or inserted row shows as a gap or a broken link.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from coop_desk.models.base import Base, UTCDateTime, sized


class AuditRecord(Base):
    __tablename__ = "audit_record"
    __table_args__ = (
        CheckConstraint("action IN ('insert', 'update', 'delete')", name="action"),
        Index("ix_audit_record_table_record", "table_name", "record_id", "id"),
        Index("ix_audit_record_username", "username", "id"),
        Index("ix_audit_record_at", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    username: Mapped[str] = mapped_column(sized("audit_record", "username"))
    user_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(sized("audit_record", "action"))
    table_name: Mapped[str] = mapped_column(sized("audit_record", "table_name"))
    record_id: Mapped[str] = mapped_column(sized("audit_record", "record_id"))
    # Canonical JSON of the row's columns (None for an insert's "before", a delete's "after").
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(sized("audit_record", "prev_hash"))
    hash: Mapped[str] = mapped_column(sized("audit_record", "hash"), unique=True)
