"""Every role boundary, enforced in the service layer: services called directly as each role."""

from __future__ import annotations

import pytest

from coop_desk.domain.members import MemberStatus
from coop_desk.errors import PermissionDenied
from coop_desk.services import audit, cooperative, members, users
from coop_desk.services.access import ROLE_PERMISSIONS, SYSTEM, Actor, Permission, Role, require
from coop_desk.services.demo import load_demo
from coop_desk.services.verify import verify
from tests.conftest import TODAY
from tests.unit.test_member_services import make_input

ACTORS = {role: Actor(role.value, role, user_id=100 + i) for i, role in enumerate(Role)}

# The matrix the issue asks for: who may do what.
EXPECTED = {
    Permission.READ: set(Role),
    Permission.EXPORT: set(Role),
    Permission.MEMBERS_WRITE: {Role.ADMINISTRATOR, Role.SECRETARY},
    Permission.CERTS_WRITE: {Role.ADMINISTRATOR, Role.SECRETARY},
    Permission.LEDGER_WRITE: {Role.ADMINISTRATOR, Role.TREASURER},
    Permission.SETTINGS_WRITE: {Role.ADMINISTRATOR},
    Permission.USERS_ADMIN: {Role.ADMINISTRATOR},
    Permission.YEAR_REOPEN: {Role.ADMINISTRATOR},
    Permission.RESTORE: {Role.ADMINISTRATOR},
}


@pytest.mark.parametrize("permission", list(Permission))
def test_permission_matrix(permission):
    allowed = {role for role in Role if permission in ROLE_PERMISSIONS[role]}
    assert allowed == EXPECTED[permission]
    for role in Role:
        if role in allowed:
            assert require(ACTORS[role], permission) is ACTORS[role]
        else:
            with pytest.raises(PermissionDenied):
                require(ACTORS[role], permission)


def test_nobody_signed_in_is_refused():
    with pytest.raises(PermissionDenied, match="No user is signed in"):
        require(None, Permission.READ)


@pytest.fixture
def member_id(sqlite_db):
    with sqlite_db.transaction(SYSTEM) as s:
        return members.create_member(s, SYSTEM, make_input()).id


MEMBER_WRITES = {
    "create": lambda s, a, mid: members.create_member(s, a, make_input("X-9", dni=None)),
    "update": lambda s, a, mid: members.update_member(s, a, mid, make_input()),
    "status": lambda s, a, mid: members.change_status(
        s, a, mid, MemberStatus.WITHDRAWN, TODAY, "moved away"
    ),
}


@pytest.mark.parametrize("write", sorted(MEMBER_WRITES))
@pytest.mark.parametrize("role", list(Role))
def test_member_writes(sqlite_db, member_id, role, write):
    actor = ACTORS[role]
    call = MEMBER_WRITES[write]
    if role in EXPECTED[Permission.MEMBERS_WRITE]:
        with sqlite_db.transaction(actor) as s:
            call(s, actor, member_id)
    else:
        with (
            sqlite_db.transaction(actor) as s,
            pytest.raises(PermissionDenied, match="change the member register"),
        ):
            call(s, actor, member_id)


@pytest.mark.parametrize("role", list(Role))
def test_settings_writes(sqlite_db, role):
    actor = ACTORS[role]
    calls = [
        lambda s: cooperative.save_profile(s, actor, cooperative.Profile(name="Coop")),
        lambda s: cooperative.set_setting(s, actor, "x", "y"),
    ]
    if role != Role.ADMINISTRATOR:  # (the administrator loading the demo: test_main_window)
        calls.append(lambda s: load_demo(s, actor, TODAY))
    for call in calls:
        if role == Role.ADMINISTRATOR:
            with sqlite_db.transaction(actor) as s:
                call(s)
        else:
            with sqlite_db.transaction(actor) as s, pytest.raises(PermissionDenied):
                call(s)


@pytest.mark.parametrize("role", list(Role))
def test_every_role_reads_verifies_and_browses_the_trail(sqlite_db, member_id, role):
    actor = ACTORS[role]
    with sqlite_db.reading(actor) as s:
        assert members.get_member(s, actor, member_id).code == "CPGP-1"
        assert verify(s, actor).integrity_ok
        assert audit.count_records(s, actor) > 0
        assert audit.history(s, actor, "member", member_id)
    # Accounts and everyone's last sign-in: administrators only.
    with sqlite_db.reading(actor) as s:
        if role == Role.ADMINISTRATOR:
            users.list_users(s, actor)
        else:
            with pytest.raises(PermissionDenied, match="manage users"):
                users.list_users(s, actor)


def test_auditor_changes_nothing_through_any_service(sqlite_db, member_id):
    """The auditor's only write is their own password (tested in test_users)."""
    auditor = ACTORS[Role.AUDITOR]
    refused = [
        lambda s: members.create_member(s, auditor, make_input("Z-1", dni=None)),
        lambda s: members.update_member(s, auditor, member_id, make_input()),
        lambda s: cooperative.save_profile(s, auditor, cooperative.Profile(name="X")),
        lambda s: users.create_user(s, auditor, "x", Role.AUDITOR, "long enough"),
        lambda s: users.reset_password(s, auditor, "x", "long enough"),
        lambda s: users.deactivate_user(s, auditor, "x"),
    ]
    for call in refused:
        with sqlite_db.transaction(auditor) as s, pytest.raises(PermissionDenied):
            call(s)


@pytest.mark.parametrize("role", list(Role))
def test_certification_writes(sqlite_db, role):
    from coop_desk.services import certification

    actor = ACTORS[role]
    data = certification.SchemeInput(name=f"Rainforest {role.value}")
    if role in EXPECTED[Permission.CERTS_WRITE]:
        with sqlite_db.transaction(actor) as s:
            certification.add_scheme(s, actor, data)
    else:
        with (
            sqlite_db.transaction(actor) as s,
            pytest.raises(PermissionDenied, match="certification"),
        ):
            certification.add_scheme(s, actor, data)
