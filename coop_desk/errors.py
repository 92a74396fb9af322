"""Known errors: conditions a user can understand and act on, shown in words.

Anything that is not a ``CoopDeskError`` is a bug and is reported as such (with a traceback
in the log) by the front ends.
"""

from __future__ import annotations

from datetime import UTC, datetime

from coop_desk.domain.problems import Problem


class CoopDeskError(Exception):
    """Base of every error the user is told about in words."""


class DatabaseError(CoopDeskError):
    """The database cannot be opened, read, written or migrated."""


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer coop-desk than this one."""


class NotFound(CoopDeskError):
    """A record that was asked for does not exist."""


class PermissionDenied(CoopDeskError):
    """The current user's role does not allow the action."""


class Conflict(CoopDeskError):
    """The action contradicts stored data (duplicate code, posted entry, closed year...)."""


class StaleEdit(Conflict):
    """A save based on what a record was when the form opened, but another user (another PC)
    changed it since: nothing was saved. Says who and when (from the audit trail) so the user
    can reload the new values and redo their change."""

    def __init__(
        self,
        what: str,
        changed_by: str | None = None,
        changed_at: datetime | None = None,
        *,
        deleted: bool = False,
    ) -> None:
        self.what = what
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.deleted = deleted
        done = "deleted" if deleted else "changed"
        who = f" by {changed_by}" if changed_by else ""
        when = f" on {changed_at.astimezone(UTC):%Y-%m-%d at %H:%M} UTC" if changed_at else ""
        super().__init__(
            f"{what} was {done}{who}{when}, after you opened it. Nothing was saved: "
            "reload to see the new values, then make your change again."
        )


class ValidationError(CoopDeskError):
    """Input with one or more problems; carries every problem, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(p.describe() for p in self.problems) or "invalid input")
