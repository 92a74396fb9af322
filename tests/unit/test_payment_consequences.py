"""A payment's consequences, computed once (``operations.preview_payment``) and applied by the
service: a payment beyond the approved budget, to a project without one or taking an account
below zero is posted only once the user confirmed exactly those consequences; the setting
``ledger.over_budget`` may refuse it outright for a role. The command line refuses it without
``--confirm``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from coop_desk.errors import NeedsConfirmation, ValidationError
from coop_desk.services import cooperative
from coop_desk.services.access import Actor, Role
from coop_desk.services.ledger import journal, operations
from coop_desk.services.ledger.operations import PaymentWarning
from tests.unit.test_ledger_services import set_up

TREASURER = Actor("tesorera", Role.TREASURER)


@pytest.fixture
def books(sqlite_db, actor):
    """Budgets of USD 1,500 per project (approved 2024-03-15); 2,000 USD and 3,700 PEN in the
    banks."""
    with sqlite_db.transaction(actor) as s:
        books = set_up(s, actor)
        operations.record_opening_balance(
            s, actor, account_id=books.bank_usd, entry_date=date(2024, 1, 2), amount=D("2000")
        )
        operations.record_opening_balance(
            s,
            actor,
            account_id=books.bank_pen,
            entry_date=date(2024, 1, 2),
            amount=D("3700"),
            rate=D("3.70"),
        )
    return books


def pay(session, actor, books, amount, *, account="bank_pen", rate=D("3.75"), day=None, **kw):
    return operations.record_project_payment(
        session,
        actor,
        project_id=books.projects["education_fund"],
        account_id=getattr(books, account),
        entry_date=day or date(2024, 6, 1),
        amount=D(amount),
        rate=rate if account == "bank_pen" else None,
        payee="Librería",
        voucher="B-1",
        description="Útiles",
        **kw,
    )


def preview(session, actor, books, amount, *, account="bank_pen", rate=D("3.75"), day=None):
    return operations.preview_payment(
        session,
        actor,
        project_id=books.projects["education_fund"],
        account_id=getattr(books, account),
        entry_date=day or date(2024, 6, 1),
        amount=D(amount),
        rate=rate,
    )


def entries(db, actor) -> int:
    with db.reading(actor) as s:
        return len(journal.list_entries(s, actor))


def test_a_payment_within_budget_and_balance_has_no_consequences(sqlite_db, actor, books):
    with sqlite_db.reading(actor) as s:
        shown = preview(s, actor, books, "375.00")
    assert shown.consequences == () and not shown.needs_confirmation
    assert (shown.currency, shown.usd_value) == ("PEN", D("100.00"))
    assert (shown.balance, shown.balance_after) == (D("3700.00"), D("3325.00"))
    assert (shown.budget.remaining, shown.remaining_after, shown.percent_after) == (
        D("1500.00"),
        D("1400.00"),
        D("6.7"),
    )
    with sqlite_db.transaction(actor) as s:
        pay(s, actor, books, "375.00")  # posted without being asked


def test_a_typo_of_50000_soles_is_not_posted_until_confirmed(sqlite_db, actor, books):
    before = entries(sqlite_db, actor)
    with sqlite_db.reading(actor) as s:
        shown = preview(s, actor, books, "50000.00")
    assert shown.kinds == {PaymentWarning.OVER_BUDGET, PaymentWarning.OVERDRAWN}
    assert shown.usd_value == D("13333.33") and shown.percent_after == D("888.9")
    assert shown.balance_after == D("-46300.00")
    assert shown.needs_confirmation and not shown.refused
    with pytest.raises(NeedsConfirmation) as asked:
        with sqlite_db.transaction(actor) as s:
            pay(s, actor, books, "50000.00")
    assert len(asked.value.consequences) == 2
    assert "over the approved budget of USD 1,500.00" in asked.value.consequences[0]
    assert "Bank PEN holds 3,700.00 PEN" in asked.value.consequences[1]
    assert "-46,300.00 PEN" in asked.value.consequences[1]
    # Confirming one consequence is not confirming the other (another PC may have changed the
    # books between the question and the answer).
    with pytest.raises(NeedsConfirmation) as still:
        with sqlite_db.transaction(actor) as s:
            pay(s, actor, books, "50000.00", accept={PaymentWarning.OVER_BUDGET})
    assert [c for c in still.value.consequences] == [asked.value.consequences[1]]
    assert entries(sqlite_db, actor) == before
    with sqlite_db.transaction(actor) as s:
        pay(s, actor, books, "50000.00", accept=shown.kinds)
    assert entries(sqlite_db, actor) == before + 1


def test_a_project_without_an_approved_budget_on_the_day(sqlite_db, actor, books):
    with sqlite_db.reading(actor) as s:
        shown = preview(s, actor, books, "100.00", account="bank_usd", day=date(2024, 3, 1))
    assert shown.kinds == {PaymentWarning.NO_BUDGET}
    assert shown.budget.approved is None and shown.remaining_after is None
    assert "no budget approved by the General Assembly for 2024" in shown.consequences[0].message


def test_the_usd_value_while_no_rate_is_typed_uses_the_last_rate_recorded(sqlite_db, actor, books):
    with sqlite_db.reading(actor) as s:
        shown = preview(s, actor, books, "370.00", rate=None)
    assert shown.rate is None and shown.rate_is_last_recorded
    assert shown.usd_value == D("100.00")  # at the opening balance's 3.70


@pytest.mark.parametrize(
    ("policy", "who", "refused"),
    [
        ("warn", TREASURER, False),
        ("administrators", TREASURER, True),
        ("administrators", Actor("admin", Role.ADMINISTRATOR), False),
        ("block", Actor("admin", Role.ADMINISTRATOR), True),
    ],
)
def test_the_policy_refuses_such_payments_for_a_role(sqlite_db, actor, books, policy, who, refused):
    with sqlite_db.transaction(actor) as s:
        cooperative.set_setting(s, actor, operations.OVER_BUDGET_SETTING, policy)
    with sqlite_db.reading(who) as s:
        assert preview(s, who, books, "9000.00").refused is refused
    expected = ValidationError if refused else NeedsConfirmation
    with pytest.raises(expected):
        with sqlite_db.transaction(who) as s:
            pay(s, who, books, "9000.00")
    if refused:  # confirming does not help: the cooperative decided
        with pytest.raises(ValidationError, match="over the approved budget"):
            with sqlite_db.transaction(who) as s:
                pay(s, who, books, "9000.00", accept=operations.ALL_WARNINGS)
    # A payment inside the plan and the balance is never refused.
    with sqlite_db.transaction(who) as s:
        pay(s, who, books, "37.50")


def test_the_command_line_refuses_without_confirm(sqlite_db, actor, books, capsys):
    from coop_desk.cli import main

    db = ["--db", sqlite_db.url.replace("sqlite:///", "")]
    command = [
        *db,
        "ledger",
        "pay",
        "Education",
        "50000.00",
        "--account",
        "1020",
        "--rate",
        "3.75",
        "--payee",
        "Librería",
        "--voucher",
        "B-9",
        "--description",
        "Útiles",
        "--date",
        "2024-06-01",
    ]
    before = entries(sqlite_db, actor)
    assert main(command) == 1
    err = capsys.readouterr().err
    assert "Not posted" in err and "over the approved budget" in err and "--confirm" in err
    assert entries(sqlite_db, actor) == before
    assert main([*command, "--confirm"]) == 0
    out = capsys.readouterr().out
    assert "Posted 2024-" in out and "confirmed:" in out and "-46,300.00 PEN" in out
    assert entries(sqlite_db, actor) == before + 1
