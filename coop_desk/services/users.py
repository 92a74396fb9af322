"""User accounts and signing in.

Passwords are hashed with scrypt (``hashlib.scrypt``): a random 16-byte salt per password and
the cost parameters stored with the hash as ``scrypt$N$r$p$salt$hash`` (base64), so the cost
can be raised later without locking anyone out (a weaker hash is replaced at the next sign-in).
A password is never stored, logged or returned in clear.

Failed sign-ins are throttled per user: after the ``n``-th consecutive failure no attempt is
checked before ``now + failure_delay(n)`` (2, 4, 8 ... seconds, at most 15 minutes). A try is
counted in the database before its password is checked, so tries made at the same time wait
their turn instead of all being checked (``sign_in``). The clock is a parameter (``now``), so
nothing sleeps: the front ends tell the user how long to wait.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Table, func, or_, select, update
from sqlalchemy.orm import Session

from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import Conflict, CoopDeskError, NotFound, PermissionDenied, ValidationError
from coop_desk.i18n import _, ngettext
from coop_desk.models import AuditRecord, User
from coop_desk.services.access import ROLE_LABELS, Actor, Permission, Role, require

if TYPE_CHECKING:
    from coop_desk.db import Database

# scrypt cost: N=2**15, r=8 (32 MiB, about 0.1 s on a small laptop), p=1.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_PASSWORD_LENGTH = 8
MAX_DELAY = timedelta(minutes=15)
_USERS: Table = User.__table__  # type: ignore[assignment]
USERNAME_RE = re.compile(r"^\w[\w.@-]{1,59}$")


class AuthenticationFailed(CoopDeskError):
    """Wrong user name or password, a deactivated account, or an attempt made too soon.
    ``retry_after`` is how long the user must wait before the next attempt is checked."""

    def __init__(self, message: str, retry_after: timedelta | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


# --- passwords ------------------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=KEY_BYTES,
        maxmem=256 * n * r + 1024 * 1024,
    )


def hash_password(
    password: str, *, n: int | None = None, r: int | None = None, p: int | None = None
) -> str:
    """``scrypt$N$r$p$salt$hash`` with a fresh random salt (default cost: SCRYPT_N/R/P)."""
    n, r, p = n or SCRYPT_N, r or SCRYPT_R, p or SCRYPT_P
    salt = secrets.token_bytes(SALT_BYTES)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(_scrypt(password, salt, n, r, p))}"


def check_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored`` (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _needs_rehash(stored: str) -> bool:
    parts = stored.split("$")
    try:
        return parts[0] != "scrypt" or int(parts[1]) < SCRYPT_N or int(parts[2]) < SCRYPT_R
    except (IndexError, ValueError):
        return True


_DUMMY_HASH: str | None = None


def _burn_time(password: str) -> None:
    """Spend the same time as a real check, so an unknown user name is not revealed by timing."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password(secrets.token_hex(8))
    check_password(password, _DUMMY_HASH)


def failure_delay(failures: int) -> timedelta:
    """How long after the ``failures``-th consecutive failure the next attempt is refused
    unchecked: none after the first, then 2, 4, 8 ... seconds, at most 15 minutes."""
    if failures <= 1:
        return timedelta(0)
    seconds = 2 ** min(failures - 1, 20)
    return min(timedelta(seconds=seconds), MAX_DELAY)


def password_problems(password: str, field: str = "password") -> list[Problem]:
    if len(password) < MIN_PASSWORD_LENGTH:
        return [
            Problem(
                field,
                _("the password needs at least {n} characters", n=MIN_PASSWORD_LENGTH),
            )
        ]
    if password.strip() != password:
        return [Problem(field, _("the password must not begin or end with a space"))]
    return []


# --- rows -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    must_change_password: bool
    failed_attempts: int
    locked_until: datetime | None
    last_login_at: datetime | None
    created_at: datetime

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]


def _row(user: User) -> UserRow:
    return UserRow(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        active=user.active,
        must_change_password=user.must_change_password,
        failed_attempts=user.failed_attempts,
        locked_until=user.locked_until,
        last_login_at=user.last_login_at,
        created_at=user.created_at,
    )


def normal_username(name: str) -> str:
    return clean(name).lower()


def _find(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == normal_username(username)))


def _load(session: Session, username: str) -> User:
    user = _find(session, username)
    if user is None:
        raise NotFound(_("There is no user named '{user}'.", user=normal_username(username)))
    return user


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError(_("now must be timezone-aware"))
    return now


# --- queries --------------------------------------------------------------------------------
def has_users(session: Session) -> bool:
    """Whether the database has accounts, or had some: asked before anyone signs in (so no
    permission check), to decide whether the local "system" may act without signing in. The
    program never deletes an account, so an empty users table whose accounts the audit trail
    records was emptied outside coop-desk: it gives nobody "system" rights."""
    return bool(session.scalar(select(func.count()).select_from(User))) or accounts_deleted(session)


def accounts_deleted(session: Session) -> bool:
    """The users table is empty but the audit trail records accounts (``audit.accounts``)."""
    if session.scalar(select(func.count()).select_from(User)):
        return False
    c = AuditRecord.__table__.c
    return (
        session.scalar(select(c.id).where(c.table_name == User.__tablename__).limit(1)) is not None
    )


def list_users(session: Session, actor: Actor) -> list[UserRow]:
    """Every account with its role and last sign-in: administrators only."""
    require(actor, Permission.USERS_ADMIN)
    return [_row(u) for u in session.scalars(select(User).order_by(User.username))]


def get_user(session: Session, actor: Actor, username: str) -> UserRow:
    """One account: one's own, or any for an administrator."""
    if actor.user_id is None or actor.username != username:
        require(actor, Permission.USERS_ADMIN)
    return _row(_load(session, username))


# --- signing in -----------------------------------------------------------------------------
def sign_in(db: Database, username: str, password: str, now: datetime | None = None) -> Actor:
    """The actor for ``username`` if ``password`` is right; otherwise ``AuthenticationFailed``
    (for front ends: the only service that owns its transactions).

    Every try is counted in the database before its password is checked, atomically, so tries
    made at the same time (threads, processes, PCs) each wait their turn (``_claim``): while
    one is checked, or while the delay after failures runs, the others are refused unchecked
    with the time to wait. A right password then clears the count; a wrong one leaves it, and
    the delay it earns (``failure_delay``) starts."""
    moment = _now(now)
    name = normal_username(username)
    wrong = _("Unknown user name or wrong password.")
    with db.transaction(None, allow_damaged_schema=True) as session:
        claim = _claim(session, name, moment)
        refusal = _refusal(session, name, moment) if claim is None else None
    if claim is None:
        if refusal is None:
            _burn_time(password)
            raise AuthenticationFailed(wrong)
        raise refusal
    right = check_password(password, claim.stored)
    with db.transaction(None, allow_damaged_schema=True) as session:
        c = _USERS.c
        # Each outcome is one UPDATE of the row as this try left it: if an administrator
        # reset it or another try claimed it meanwhile, nothing is changed.
        mine = (c.id == claim.user_id) & (c.failed_attempts == claim.count)
        if not right:
            delay = failure_delay(claim.count)
            session.execute(
                update(_USERS).where(mine).values(locked_until=moment + delay if delay else None)
            )
            failure = AuthenticationFailed(
                wrong + " " + _("Wait {wait} before the next attempt.", wait=_in_words(delay))
                if delay
                else wrong,
                retry_after=delay or None,
            )
        elif not claim.active:  # the right password of a deactivated account is no failure
            session.execute(
                update(_USERS)
                .where(mine)
                .values(failed_attempts=claim.count - 1, locked_until=None)
            )
            failure = AuthenticationFailed(
                _("The account {user} is deactivated. Ask an administrator.", user=name)
            )
        else:
            done = session.execute(
                update(_USERS)
                .where(mine)
                .values(failed_attempts=0, locked_until=None, last_login_at=moment)
                .returning(c.id)
            ).first()
            if done is None:
                failure = AuthenticationFailed(_("Another sign-in changed the account; try again."))
            else:
                actor = Actor(username=name, role=Role(claim.role), user_id=claim.user_id)
                if _needs_rehash(claim.stored):
                    session.info["actor"] = actor
                    user = session.get(User, claim.user_id)
                    assert user is not None
                    user.password_hash = hash_password(password)
                return actor
    raise failure


@dataclass(frozen=True)
class _Claim:
    user_id: int
    count: int  # failed_attempts with this try counted
    stored: str  # the password hash
    active: bool
    role: str


# The longest one password check may take: while it runs the account's other tries are
# refused (a check that outlasts it on an overloaded PC lets the next try in, still counted).
CHECK_HOLD = timedelta(seconds=10)


def _claim(session: Session, name: str, moment: datetime) -> _Claim | None:
    """Count one more try for ``name`` unless one is being checked or its delay runs: one
    ``UPDATE ... SET failed_attempts = failed_attempts + 1`` whose condition is evaluated under
    the row's lock (PostgreSQL) or the database's write lock (SQLite), as the first statement
    of its transaction. None: refused, or no such account."""
    c = _USERS.c
    row = session.execute(
        update(_USERS)
        .where(c.username == name, or_(c.locked_until.is_(None), c.locked_until <= moment))
        .values(failed_attempts=c.failed_attempts + 1, locked_until=moment + CHECK_HOLD)
        .returning(c.id, c.failed_attempts, c.password_hash, c.active, c.role)
    ).first()
    if row is None:
        return None
    return _Claim(int(row[0]), int(row[1]), str(row[2]), bool(row[3]), str(row[4]))


def _refusal(session: Session, name: str, moment: datetime) -> AuthenticationFailed | None:
    """Why ``name`` may not try now (None: there is no such account)."""
    c = _USERS.c
    row = session.execute(select(c.username, c.locked_until).where(c.username == name)).first()
    if row is None:
        return None
    locked = row.locked_until
    wait = locked - moment if locked is not None and locked > moment else timedelta(seconds=1)
    return AuthenticationFailed(
        _(
            "Too many failed attempts for {user}, or another sign-in is being checked. "
            "Try again in {wait}.",
            user=row.username,
            wait=_in_words(wait),
        ),
        retry_after=wait,
    )


def _in_words(delta: timedelta) -> str:
    seconds = max(1, int(delta.total_seconds() + 0.999))
    if seconds < 120:
        return ngettext("{n} second", "{n} seconds", seconds)
    return ngettext("{n} minute", "{n} minutes", (seconds + 59) // 60)


# --- changes --------------------------------------------------------------------------------
def create_user(
    session: Session,
    actor: Actor,
    username: str,
    role: Role | str,
    password: str,
    full_name: str = "",
    *,
    now: datetime | None = None,
    allow_weak_password: bool = False,
) -> UserRow:
    """Add an account. ``allow_weak_password`` is for the demo database only (password
    "demo")."""
    require(actor, Permission.USERS_ADMIN)
    name = normal_username(username)
    problems: list[Problem] = []
    if not USERNAME_RE.match(name):
        problems.append(
            Problem(
                "username",
                _("use 2 to 60 letters, digits, dots, dashes or @, without spaces"),
            )
        )
    elif _find(session, name) is not None:
        problems.append(Problem("username", _("the user name {user} is already taken", user=name)))
    try:
        role = Role(role)
    except ValueError:
        problems.append(
            Problem(
                "role",
                _(
                    "unknown role '{role}'; use one of {roles}",
                    role=role,
                    roles=", ".join(r.value for r in Role),
                ),
            )
        )
    if not allow_weak_password:
        problems += password_problems(password)
    elif not password:
        problems.append(Problem("password", _("the password is required")))
    if problems:
        raise ValidationError(problems)
    moment = _now(now)
    user = User(
        username=name,
        full_name=clean(full_name),
        role=str(role),
        password_hash=hash_password(password),
        active=True,
        must_change_password=False,
        failed_attempts=0,
        created_at=moment,
        password_changed_at=moment,
    )
    session.add(user)
    session.flush()
    return _row(user)


def create_first_administrator(
    session: Session, actor: Actor, username: str, password: str, full_name: str = ""
) -> UserRow:
    """The first account of a new database (``coop-desk init --admin``, the first-run
    dialog). Refused once any account exists."""
    require(actor, Permission.USERS_ADMIN)
    if accounts_deleted(session):
        raise Conflict(
            _(
                "The audit trail records user accounts that were deleted outside coop-desk: no "
                "first administrator is created on such a database. Restore a backup."
            )
        )
    if has_users(session):
        raise Conflict(
            _(
                "This database already has user accounts; an administrator adds more "
                "(coop-desk --user ADMIN users add ...)."
            )
        )
    return create_user(session, actor, username, Role.ADMINISTRATOR, password, full_name)


def change_password(
    session: Session,
    actor: Actor,
    old_password: str,
    new_password: str,
    *,
    now: datetime | None = None,
) -> UserRow:
    """The signed-in user changes their own password (any role may)."""
    if actor.user_id is None:
        raise PermissionDenied(
            _(
                "{username} is not a user account; sign in to change a password.",
                username=actor.username,
            )
        )
    user = session.get(User, actor.user_id)
    if user is None:
        raise NotFound(_("The account {user} no longer exists.", user=actor.username))
    problems: list[Problem] = []
    if not check_password(old_password, user.password_hash):
        problems.append(Problem("old_password", _("the current password is not right")))
    problems += password_problems(new_password, "new_password")
    if new_password and new_password == old_password:
        problems.append(Problem("new_password", _("choose a password different from the old one")))
    if problems:
        raise ValidationError(problems)
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    user.password_changed_at = _now(now)
    session.flush()
    return _row(user)


def reset_password(
    session: Session,
    actor: Actor,
    username: str,
    new_password: str,
    *,
    now: datetime | None = None,
) -> UserRow:
    """An administrator sets a new password; the user must change it at the next sign-in.
    Clears the sign-in delay."""
    require(actor, Permission.USERS_ADMIN)
    user = _load(session, username)
    problems = password_problems(new_password)
    if problems:
        raise ValidationError(problems)
    user.password_hash = hash_password(new_password)
    user.must_change_password = True
    user.password_changed_at = _now(now)
    user.failed_attempts = 0
    user.locked_until = None
    session.flush()
    return _row(user)


def _active_administrators(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.active.is_(True), User.role == Role.ADMINISTRATOR.value)
        )
        or 0
    )


def deactivate_user(session: Session, actor: Actor, username: str) -> UserRow:
    """The account can no longer sign in; it stays, with its history in the audit trail."""
    require(actor, Permission.USERS_ADMIN)
    user = _load(session, username)
    if actor.user_id is not None and user.id == actor.user_id:
        raise Conflict(_("You cannot deactivate your own account."))
    if (
        user.active
        and user.role == Role.ADMINISTRATOR.value
        and _active_administrators(session) <= 1
    ):
        raise Conflict(
            _(
                "{username} is the last active administrator; keep at least one.",
                username=user.username,
            )
        )
    user.active = False
    session.flush()
    return _row(user)


def reactivate_user(session: Session, actor: Actor, username: str) -> UserRow:
    require(actor, Permission.USERS_ADMIN)
    user = _load(session, username)
    user.active = True
    user.failed_attempts = 0
    user.locked_until = None
    session.flush()
    return _row(user)


def set_role(session: Session, actor: Actor, username: str, role: Role | str) -> UserRow:
    require(actor, Permission.USERS_ADMIN)
    user = _load(session, username)
    try:
        new_role = Role(role)
    except ValueError as exc:
        raise ValidationError([Problem("role", _("unknown role '{role}'", role=role))]) from exc
    if (
        user.role == Role.ADMINISTRATOR.value
        and new_role != Role.ADMINISTRATOR
        and user.active
        and _active_administrators(session) <= 1
    ):
        raise Conflict(
            _(
                "{username} is the last active administrator; keep at least one.",
                username=user.username,
            )
        )
    user.role = new_role.value
    session.flush()
    return _row(user)
