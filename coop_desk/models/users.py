"""User accounts: who may sign in, with which role. Passwords are kept only as scrypt hashes
(``services/users.py`` describes the format); never in clear."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from coop_desk.models.base import Base, UTCDateTime, sized, utcnow


class User(Base):
    __tablename__ = "app_user"
    __table_args__ = (
        CheckConstraint(
            "role IN ('administrator', 'treasurer', 'secretary', 'auditor')", name="role"
        ),
        CheckConstraint("failed_attempts >= 0", name="failed_attempts"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stored lower-case (``services.users.normal_username``): sign-in ignores case.
    username: Mapped[str] = mapped_column(sized("app_user", "username"), unique=True)
    full_name: Mapped[str] = mapped_column(sized("app_user", "full_name"), default="")
    role: Mapped[str] = mapped_column(sized("app_user", "role"))
    # "scrypt$N$r$p$salt$hash" (base64 salt and hash): the parameters travel with the hash.
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    # Sign-in throttling: consecutive failures and the time before which no attempt is checked.
    # Volatile state, left out of the audit trail (see services/audit/canonical.py: VOLATILE_COLUMNS).
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
