"""The document store's table: the content of every attached file (scanned receipts,
certificates, evidence), addressed by its SHA-256 (``domain.documents``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Integer, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from coop_desk.models.base import Base, UTCDateTime, sized, utcnow


class Document(Base):
    """One attached file's bytes, kept in the database so that every computer sharing it sees
    the same documents and a database backup holds them too.

    Rows are only inserted, never changed: a record that attaches a file keeps its address
    (and the name the person gave it), and replacing a certificate's document leaves the old
    one here for the records and the audit trail that name it. The content proves itself
    against its address, so the table is left out of the audit trail (which would otherwise
    hold every scan a second time); ``verify`` rehashes every referenced document."""

    __tablename__ = "document"
    __table_args__ = (
        CheckConstraint("size > 0", name="size"),
        CheckConstraint("length(sha256) = 64", name="sha256"),
    )

    sha256: Mapped[str] = mapped_column(sized("document", "sha256"), primary_key=True)
    name: Mapped[str] = mapped_column(
        sized("document", "name"), default=""
    )  # the name first stored under
    size: Mapped[int] = mapped_column(Integer)  # bytes
    # Deferred: listing documents never loads their bytes.
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    stored_by: Mapped[str] = mapped_column(sized("document", "stored_by"), default="")
