"""User accounts: scrypt hashes, throttled sign-in with an injected clock, administration."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from coop_desk.errors import Conflict, PermissionDenied, ValidationError
from coop_desk.models import AuditRecord, User
from coop_desk.services import users
from coop_desk.services.access import LOCAL, SYSTEM, Actor, Role
from coop_desk.services.users import AuthenticationFailed

T0 = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    """Tests hash with a low cost (the stored parameters make it work); production: 2**15."""
    monkeypatch.setattr(users, "SCRYPT_N", 2**10)


@pytest.fixture
def accounts(db):
    with db.transaction(SYSTEM) as s:
        users.create_first_administrator(s, SYSTEM, "Admin", "correct horse")
        users.create_user(s, SYSTEM, "tesorero", Role.TREASURER, "tesorero-pw", "Wilmer")
        users.create_user(s, SYSTEM, "auditor", Role.AUDITOR, "auditor-pw")
    return db


def sign_in(db, name, password, now=T0):
    return users.sign_in(db, name, password, now)


def test_password_hash_is_scrypt_with_its_parameters_and_a_random_salt():
    a = users.hash_password("secret password", n=2**10)
    b = users.hash_password("secret password", n=2**10)
    assert a.startswith("scrypt$1024$8$1$") and a != b  # random salt
    assert "secret" not in a
    assert users.check_password("secret password", a)
    assert not users.check_password("secret passworD", a)
    assert not users.check_password("x", "not-a-hash")


def test_password_never_stored_in_clear(accounts):
    with accounts.reading(SYSTEM) as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "admin"))
        trail = " ".join(r or "" for r in s.scalars(select(AuditRecord.after)))
    assert "correct horse" not in stored and stored.startswith("scrypt$")
    assert "correct horse" not in trail
    assert stored not in trail  # the trail keeps only a fingerprint of the hash


def test_sign_in_returns_the_actor_and_ignores_case_of_the_name(accounts):
    actor = sign_in(accounts, "ADMIN", "correct horse")
    assert actor.username == "admin" and actor.role == Role.ADMINISTRATOR
    assert actor.user_id is not None
    with accounts.reading(SYSTEM) as s:
        assert users.get_user(s, SYSTEM, "admin").last_login_at == T0


def test_wrong_password_and_unknown_user_get_the_same_answer(accounts):
    with pytest.raises(AuthenticationFailed) as wrong:
        sign_in(accounts, "tesorero", "nope")
    with pytest.raises(AuthenticationFailed) as unknown:
        sign_in(accounts, "nobody", "nope")
    assert str(wrong.value) == str(unknown.value) == "Unknown user name or wrong password."


def test_delay_grows_after_failures_and_the_clock_is_injected(accounts):
    # 1st failure: no delay. 2nd: 2 s, 3rd: 4 s ... the next attempt is refused unchecked.
    with pytest.raises(AuthenticationFailed) as exc:
        sign_in(accounts, "tesorero", "bad", T0)
    assert exc.value.retry_after is None
    with pytest.raises(AuthenticationFailed) as exc:
        sign_in(accounts, "tesorero", "bad", T0)
    assert exc.value.retry_after == timedelta(seconds=2)
    # Even the right password is refused while the delay runs.
    with pytest.raises(AuthenticationFailed, match="Try again in 2 seconds"):
        sign_in(accounts, "tesorero", "tesorero-pw", T0 + timedelta(seconds=0))
    with pytest.raises(AuthenticationFailed) as exc:
        sign_in(accounts, "tesorero", "bad", T0 + timedelta(seconds=2))
    assert exc.value.retry_after == timedelta(seconds=4)
    with accounts.reading(SYSTEM) as s:
        row = users.get_user(s, SYSTEM, "tesorero")
    assert row.failed_attempts == 3
    assert row.locked_until == T0 + timedelta(seconds=6)
    # After the delay the right password works and clears the count.
    actor = sign_in(accounts, "tesorero", "tesorero-pw", T0 + timedelta(seconds=6))
    assert actor.role == Role.TREASURER
    with accounts.reading(SYSTEM) as s:
        assert users.get_user(s, SYSTEM, "tesorero").failed_attempts == 0


def test_failure_delay_is_capped():
    assert users.failure_delay(1) == timedelta(0)
    assert users.failure_delay(5) == timedelta(seconds=16)
    assert users.failure_delay(50) == timedelta(minutes=15)


def test_failed_attempts_write_no_audit_records(accounts):
    with accounts.reading(SYSTEM) as s:
        before = s.scalar(text("SELECT count(*) FROM audit_record"))
    with pytest.raises(AuthenticationFailed):
        sign_in(accounts, "tesorero", "bad")
    with accounts.reading(SYSTEM) as s:
        assert s.scalar(text("SELECT count(*) FROM audit_record")) == before


def test_change_password(accounts):
    actor = sign_in(accounts, "tesorero", "tesorero-pw")
    with accounts.transaction(actor) as s, pytest.raises(ValidationError) as exc:
        users.change_password(s, actor, "wrong", "short")
    fields = {p.field for p in exc.value.problems}
    assert fields == {"old_password", "new_password"}
    with accounts.transaction(actor) as s:
        users.change_password(s, actor, "tesorero-pw", "a much better one")
    with pytest.raises(AuthenticationFailed):
        sign_in(accounts, "tesorero", "tesorero-pw")
    assert sign_in(accounts, "tesorero", "a much better one", T0 + timedelta(hours=1))


def test_change_password_needs_a_signed_in_account(accounts):
    with accounts.transaction(SYSTEM) as s, pytest.raises(PermissionDenied):
        users.change_password(s, SYSTEM, "x", "yyyyyyyyyy")


def test_admin_resets_password_and_clears_the_delay(accounts):
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            sign_in(accounts, "tesorero", "bad")
    admin = sign_in(accounts, "admin", "correct horse")
    with accounts.transaction(admin) as s:
        row = users.reset_password(s, admin, "tesorero", "temporary-1")
    assert row.must_change_password and row.failed_attempts == 0
    assert sign_in(accounts, "tesorero", "temporary-1").role == Role.TREASURER


def test_deactivated_user_cannot_sign_in(accounts):
    admin = sign_in(accounts, "admin", "correct horse")
    with accounts.transaction(admin) as s:
        users.deactivate_user(s, admin, "tesorero")
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        sign_in(accounts, "tesorero", "tesorero-pw")
    with accounts.transaction(admin) as s:
        users.reactivate_user(s, admin, "tesorero")
    assert sign_in(accounts, "tesorero", "tesorero-pw")


def test_last_administrator_and_oneself_cannot_be_deactivated(accounts):
    admin = sign_in(accounts, "admin", "correct horse")
    with accounts.transaction(admin) as s, pytest.raises(Conflict, match="your own"):
        users.deactivate_user(s, admin, "admin")
    with accounts.transaction(SYSTEM) as s, pytest.raises(Conflict, match="last active"):
        users.deactivate_user(s, SYSTEM, "admin")
    with accounts.transaction(SYSTEM) as s, pytest.raises(Conflict, match="last active"):
        users.set_role(s, SYSTEM, "admin", Role.AUDITOR)


def test_new_user_validation_collects_every_problem(accounts):
    with accounts.transaction(SYSTEM) as s, pytest.raises(ValidationError) as exc:
        users.create_user(s, SYSTEM, "Admin", "boss", "short")
    fields = {p.field for p in exc.value.problems}
    assert fields == {"username", "role", "password"}
    with accounts.transaction(SYSTEM) as s, pytest.raises(ValidationError):
        users.create_user(s, SYSTEM, "has space", Role.AUDITOR, "long enough")


def test_first_administrator_only_once(accounts):
    with accounts.transaction(SYSTEM) as s, pytest.raises(Conflict):
        users.create_first_administrator(s, SYSTEM, "other", "long enough")


@pytest.mark.parametrize(
    "call",
    [
        lambda s, a: users.create_user(s, a, "x1", Role.AUDITOR, "long enough"),
        lambda s, a: users.reset_password(s, a, "admin", "long enough"),
        lambda s, a: users.deactivate_user(s, a, "tesorero"),
        lambda s, a: users.reactivate_user(s, a, "tesorero"),
        lambda s, a: users.set_role(s, a, "tesorero", Role.ADMINISTRATOR),
    ],
)
@pytest.mark.parametrize("role", [Role.AUDITOR, Role.TREASURER, Role.SECRETARY])
def test_only_administrators_manage_users(sqlite_db, call, role):
    with sqlite_db.transaction(SYSTEM) as s:
        users.create_first_administrator(s, SYSTEM, "admin", "correct horse")
        users.create_user(s, SYSTEM, "tesorero", Role.TREASURER, "tesorero-pw")
    actor = Actor("someone", role, user_id=99)
    with sqlite_db.transaction(actor) as s, pytest.raises(PermissionDenied, match="manage users"):
        call(s, actor)


def test_local_actor_is_told_to_sign_in(accounts):
    with accounts.transaction(LOCAL) as s, pytest.raises(PermissionDenied, match="--user"):
        users.create_user(s, LOCAL, "x1", Role.AUDITOR, "long enough")
    with accounts.reading(LOCAL) as s, pytest.raises(PermissionDenied, match="--user"):
        users.list_users(s, LOCAL)  # accounts and last sign-ins: administrators only
    with accounts.reading(SYSTEM) as s:
        assert [u.username for u in users.list_users(s, SYSTEM)] == ["admin", "auditor", "tesorero"]


def test_weaker_hash_is_upgraded_at_sign_in(accounts):
    with accounts.transaction(SYSTEM) as s:
        user = s.scalar(select(User).where(User.username == "auditor"))
        user.password_hash = users.hash_password("auditor-pw", n=2**8)
    sign_in(accounts, "auditor", "auditor-pw")
    with accounts.reading(SYSTEM) as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "auditor"))
    assert stored.startswith(f"scrypt${users.SCRYPT_N}$")


def test_a_new_cooperative_starts_with_its_profile_and_administrator_or_neither(sqlite_db):
    from coop_desk.services import cooperative

    with sqlite_db.transaction(SYSTEM) as s, pytest.raises(ValidationError) as caught:
        cooperative.start_cooperative(s, SYSTEM, "", admin_username="rosa", admin_password="short")
    assert {p.field for p in caught.value.problems} == {"name", "password"}  # both at once
    with sqlite_db.reading(SYSTEM) as s:
        assert cooperative.get_profile(s, SYSTEM) is None and not users.has_users(s)
    with sqlite_db.transaction(SYSTEM) as s:
        profile = cooperative.start_cooperative(
            s, SYSTEM, "Cooperativa La Palma", admin_username="rosa", admin_password="long enough"
        )
    assert profile.name == "Cooperativa La Palma"
    assert users.sign_in(sqlite_db, "rosa", "long enough", T0).role == Role.ADMINISTRATOR


# --- tries made at the same time (issue 11: 30 wrong passwords in parallel were all checked and
# left the count at 1; with 20 wrong ones, the right one was accepted) --------------------------
def _attempt(db, password, name="tesorero"):
    try:
        return users.sign_in(db, name, password, T0)
    except AuthenticationFailed as exc:
        return exc


def test_tries_made_while_one_is_checked_are_refused_unchecked(accounts, monkeypatch):
    import threading
    from concurrent.futures import ThreadPoolExecutor

    checking = threading.Event()
    release = threading.Event()
    checked: list[str] = []
    real_check = users.check_password

    def held_check(password, stored):
        checked.append(password)
        if len(checked) == 1:  # the first try stays in its check until the others are done
            checking.set()
            assert release.wait(60)
        return real_check(password, stored)

    monkeypatch.setattr(users, "check_password", held_check)
    with ThreadPoolExecutor(max_workers=8) as pool:
        first = pool.submit(_attempt, accounts, "wrong-0")
        assert checking.wait(60)
        others = [f"wrong-{i}" for i in range(1, 21)] + ["tesorero-pw"]
        refused = list(pool.map(lambda pw: _attempt(accounts, pw), others))
        release.set()
        outcome = first.result()
    assert checked == ["wrong-0"]  # nobody else's password was even looked at
    assert isinstance(outcome, AuthenticationFailed) and "wrong password" in str(outcome)
    assert all(isinstance(r, AuthenticationFailed) and r.retry_after for r in refused)
    assert "Try again in" in str(refused[-1])  # the right password too: it waits its turn
    with accounts.reading(SYSTEM) as s:
        assert users.get_user(s, SYSTEM, "tesorero").failed_attempts == 1


def test_thirty_wrong_passwords_at_once_are_each_counted_or_refused(accounts, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    checked: list[str] = []
    real_check = users.check_password

    def counted_check(password, stored):
        checked.append(password)
        return real_check(password, stored)

    monkeypatch.setattr(users, "check_password", counted_check)
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda i: _attempt(accounts, f"wrong-{i}"), range(30)))
    assert all(isinstance(r, AuthenticationFailed) for r in results)
    # At T0 the second failure starts a 2-second delay: at most two tries are ever checked,
    # and every try checked is counted (none lost to another's write).
    assert 1 <= len(checked) <= 2
    with accounts.reading(SYSTEM) as s:
        assert users.get_user(s, SYSTEM, "tesorero").failed_attempts == len(checked)
    assert sum(1 for r in results if r.retry_after) >= 28
