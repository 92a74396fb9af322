"""Known errors: conditions a user can understand and act on, shown in words.

Anything that is not a ``CoopDeskError`` is a bug and is reported as such (with a traceback
in the log) by the front ends.
"""

from __future__ import annotations

from datetime import datetime

from coop_desk.domain.problems import Problem
from coop_desk.i18n import _


class CoopDeskError(Exception):
    """Base of every error the user is told about in words."""


class DatabaseError(CoopDeskError):
    """The database cannot be opened, read, written or migrated."""


class DatabaseBusy(DatabaseError):
    """Another writer (a window on another PC, an import) held the database longer than a save
    waits for it: nothing was saved, and the same action can simply be done again."""


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
        from coop_desk.i18n.formats import datetime_text

        if changed_by and changed_at:
            when = datetime_text(changed_at)
            said = (
                _(
                    "{what} was deleted by {who} on {when}, after you opened it.",
                    what=what,
                    who=changed_by,
                    when=when,
                )
                if deleted
                else _(
                    "{what} was changed by {who} on {when}, after you opened it.",
                    what=what,
                    who=changed_by,
                    when=when,
                )
            )
        else:
            said = (
                _("{what} was deleted by another user after you opened it.", what=what)
                if deleted
                else _("{what} was changed by another user after you opened it.", what=what)
            )
        super().__init__(
            said
            + " "
            + _("Nothing was saved: reload to see the new values, then make your change again.")
        )


class NeedsConfirmation(CoopDeskError):
    """The action is allowed but has consequences the user must see and confirm first (a
    payment beyond the approved budget, an account taken below zero); nothing was done."""

    def __init__(self, consequences: list[str]) -> None:
        self.consequences = list(consequences)
        super().__init__("; ".join(self.consequences) + " (confirm to go ahead)")


class ValidationError(CoopDeskError):
    """Input with one or more problems; carries every problem, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(p.describe() for p in self.problems) or _("invalid input"))
