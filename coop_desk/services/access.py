"""Who is acting and what their role allows. Permissions are enforced here, in the service
layer, so the GUI, the command line and any script are held to the same rules."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from coop_desk.errors import PermissionDenied
from coop_desk.i18n import N_, _


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    TREASURER = "treasurer"
    SECRETARY = "secretary"
    AUDITOR = "auditor"


class Permission(StrEnum):
    READ = "read"  # see every record
    EXPORT = "export"  # write workbooks, audit packs, Beancount files
    MEMBERS_WRITE = "members.write"
    CERTS_WRITE = "certs.write"
    LEDGER_WRITE = "ledger.write"
    SETTINGS_WRITE = "settings.write"  # cooperative profile and settings
    USERS_ADMIN = "users.admin"
    YEAR_REOPEN = "year.reopen"
    RESTORE = "database.restore"  # replace the database with a backup copy


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: frozenset(Permission),
    Role.TREASURER: frozenset({Permission.READ, Permission.EXPORT, Permission.LEDGER_WRITE}),
    Role.SECRETARY: frozenset(
        {Permission.READ, Permission.EXPORT, Permission.MEMBERS_WRITE, Permission.CERTS_WRITE}
    ),
    Role.AUDITOR: frozenset({Permission.READ, Permission.EXPORT}),
}

ROLE_LABELS = {
    Role.ADMINISTRATOR: N_("Administrator"),
    Role.TREASURER: N_("Treasurer"),
    Role.SECRETARY: N_("Secretary"),
    Role.AUDITOR: N_("Auditor"),
}

PERMISSION_LABELS = {
    Permission.READ: N_("read the records"),
    Permission.EXPORT: N_("export"),
    Permission.MEMBERS_WRITE: N_("change the member register"),
    Permission.CERTS_WRITE: N_("change certification records"),
    Permission.LEDGER_WRITE: N_("record premium ledger operations"),
    Permission.SETTINGS_WRITE: N_("change the cooperative's settings"),
    Permission.USERS_ADMIN: N_("manage users"),
    Permission.YEAR_REOPEN: N_("reopen a closed fiscal year"),
    Permission.RESTORE: N_("restore the database from a backup"),
}


@dataclass(frozen=True)
class Actor:
    """The person (or the local system, before any user exists) on whose behalf a service runs."""

    username: str
    role: Role
    user_id: int | None = None

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


# Used before the first user account exists, by `coop-desk init` and by tests.
SYSTEM = Actor(username="system", role=Role.ADMINISTRATOR)

# The command line without --user on a database that has accounts: reads only.
LOCAL = Actor(username="local", role=Role.AUDITOR)


def require(actor: Actor | None, permission: Permission) -> Actor:
    """Raise ``PermissionDenied`` unless ``actor`` may do ``permission``; return the actor."""
    if actor is None:
        raise PermissionDenied(_("No user is signed in."))
    if not actor.can(permission):
        message = _(
            "{user} ({role}) may not {action}.",
            user=actor.username,
            role=_(ROLE_LABELS[actor.role]).lower(),
            action=_(PERMISSION_LABELS[permission]),
        )
        if actor == LOCAL:
            message += " " + _("Sign in to make changes: coop-desk --user NAME ...")
        raise PermissionDenied(message)
    return actor
