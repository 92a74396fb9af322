"""Posting a legacy premium cash book (read by ``exchange.cashbook``) into the ledger.

Every row becomes one balanced journal entry through the ledger services:

- the opening balance row: ``operations.record_opening_balance`` (Dr bank or cash / Cr opening
  balances);
- an income row (premium received, no contract on record): a manual entry Dr bank or cash /
  Cr premium income; in a non-USD account the income goes through the exchange account so each
  currency balances on its own (as ``record_premium_receipt`` does);
- an expense row: ``operations.record_project_payment`` (Dr project / Cr bank or cash), which
  requires the voucher number.

Project names match existing projects ignoring case, accents, spacing and punctuation. Unknown
names stop the import (``UnknownProjects`` lists them) unless ``create_projects``. Everything
runs in the caller's transaction: any row that cannot be posted is reported with its row and
column and nothing is kept (the caller rolls back). ``--dry-run`` is the same run rolled back.

The front ends call two functions, one per step of the user's action: ``preview_file`` (the
sheet read and checked, and the project names the plan does not know) and ``import_cashbook``
(the book the preview read, posted).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain.ledger import rate_from_legs
from coop_desk.domain.money import round_money
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import fold_key
from coop_desk.errors import Conflict, CoopDeskError, ValidationError
from coop_desk.exchange.cashbook import EXPENSE, INCOME, OPENING, CashBook, read_cashbook
from coop_desk.exchange.cashbook import CashRow as CashRow  # the preview's rows, for the front ends
from coop_desk.i18n import _
from coop_desk.models import Account, JournalEntry, Project
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger import journal, operations, plan
from coop_desk.services.ledger.accounts import account_by_role
from coop_desk.services.ledger.books import (
    AccountRole,
    EntryKind,
    entry_number,
    reporting_currency,
)
from coop_desk.services.ledger.journal import PostingInput

ProgressFn = Callable[[int, int, str], None]
ZERO = Decimal("0.00")

# Which cash book column a ledger service's problem field points at.
_FIELD_COLUMNS = {
    "entry_date": "date",
    "voucher": "voucher",
    "description": "description",
    "payee": "description",
    "project_id": "project",
    "amount": "amount",
    "rate": "rate",
    "account_id": "",
}


class UnknownProjects(CoopDeskError):
    """Project names in the cash book that match no project of the plan."""

    def __init__(self, names: dict[str, list[str]], known: Sequence[str] = ()) -> None:
        self.names = names
        self.suggestions = {name: close_project(name, known) for name in names}
        listed = "; ".join(
            f"{name!r} (rows {', '.join(rows)})"
            + (f", perhaps {self.suggestions[name]!r}?" if self.suggestions[name] else "")
            for name, rows in names.items()
        )
        super().__init__(
            _(
                "These projects are not in the Development Plan: {listed}. Create them first, correct the names in the sheet, or import with --create-projects.",
                listed=listed,
            )
        )


@dataclass(frozen=True)
class CashbookResult:
    entries: int
    opening: Decimal
    income: Decimal
    expense: Decimal
    created_projects: tuple[str, ...]
    account_code: str
    currency: str
    # Totals of what was posted to the account, to compare with the sheet's.
    posted_income: Decimal
    posted_expense: Decimal
    posted_opening: Decimal

    @property
    def closing(self) -> Decimal:
        return self.posted_opening + self.posted_income - self.posted_expense


@dataclass(frozen=True)
class CashbookPreview:
    """A cash book as read and checked, before anything is posted."""

    book: CashBook
    # Project names of the expense rows that the plan does not know -> the rows naming them.
    unknown_projects: dict[str, list[str]]


def preview_file(
    session: Session,
    actor: Actor,
    path: str | Path,
    *,
    sheet: str | None = None,
    today: date | None = None,
) -> CashbookPreview:
    """Read the cash book in ``path`` (every row checked, the running balance cross-checked)
    and match its project names with the plan. Reads only: what the user sees before
    ``import_cashbook`` posts ``preview.book``. A file that cannot be read raises
    ``WorkbookError`` saying why."""
    require(actor, Permission.READ)
    book = read_cashbook(path, sheet=sheet, today=today)
    _known, unknown = match_projects(session, book)
    return CashbookPreview(book, unknown)


def close_project(name: str, known: Sequence[str]) -> str | None:
    """A project of the plan the sheet's name is probably a short form or a typo of
    ("Educacion" -> "Fondo de Educación"), to suggest, never to use silently."""
    key = fold_key(name)
    by_key = {fold_key(k): k for k in known}
    if not key or not by_key:
        return None
    containing = [k for k in by_key if len(key) >= 5 and (key in k or k in key)]
    if len(containing) == 1:
        return by_key[containing[0]]
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.8)
    return by_key[close[0]] if close else None


def match_projects(
    session: Session, book: CashBook, default_project: str = ""
) -> tuple[dict[str, int], dict[str, list[str]]]:
    """(folded name -> project id, unknown name -> rows). Expenses without a project go to
    ``default_project`` when one is given."""
    known = {fold_key(name): pid for pid, name in session.execute(select(Project.id, Project.name))}
    unknown: dict[str, list[str]] = {}
    for row in book.rows:
        project = row.project or default_project
        if row.kind == EXPENSE and project and fold_key(project) not in known:
            names = {fold_key(n): n for n in unknown}
            name = names.get(fold_key(project), project)
            unknown.setdefault(name, []).append(row.label)
    return known, unknown


def import_cashbook(
    session: Session,
    actor: Actor,
    book: CashBook,
    *,
    account_code: str | None = None,
    rate: Decimal | None = None,
    create_projects: bool = False,
    default_project: str = "",
    progress: ProgressFn | None = None,
) -> CashbookResult:
    """Post ``book`` into the bank or cash account ``account_code`` (default: the USD bank
    account). Expenses without a project go to ``default_project`` if given, else they are
    reported."""
    require(actor, Permission.LEDGER_WRITE)
    report = progress or (lambda _d, _t, _s: None)
    if book.problems:
        raise ValidationError(book.problems)
    account = _account(session, account_code)
    usd = reporting_currency(session)
    currency = account.currency or usd
    if currency != usd and rate is None and book.column_for("rate") is None:
        raise ValidationError(
            [
                Problem(
                    "rate",
                    _(
                        "the account {account_name} is in {currency}: give the exchange rate ({currency} per {usd}) used for the cash book",
                        account_name=account.name,
                        currency=currency,
                        usd=usd,
                    ),
                )
            ]
        )
    _refuse_a_second_import(session, book)
    other_currency = [
        Problem(
            "currency",
            _(
                "the row is in {currency} but the cash book is posted to {account_name}, in {currency2}: import the rows of each currency into an account of that currency",
                currency=r.currency,
                account_name=account.name,
                currency2=currency,
            ),
            r.row,
            _column_name(book, "currency")
            or _column_name(book, "expense" if r.kind == EXPENSE else "income")
            or _column_name(book, "amount"),
        )
        for r in book.rows
        if r.currency and r.currency != currency
    ]
    if other_currency:
        raise ValidationError(other_currency)
    default_project = default_project.strip()
    missing = [
        Problem(
            "project",
            _(
                "an expense needs the project it was spent on (or choose a project for expenses without one)"
            ),
            r.row,
            _column_name(book, "project"),
            r.sheet or None,
        )
        for r in book.rows
        if r.kind == EXPENSE and not r.project and not default_project
    ]
    if missing:
        raise ValidationError(missing)
    known, unknown = match_projects(session, book, default_project)
    created: list[str] = []
    if unknown:
        if not create_projects:
            raise UnknownProjects(unknown, list(session.scalars(select(Project.name))))
        for name in unknown:
            project = plan.create_project(session, actor, plan.ProjectInput(name=name))
            known[fold_key(name)] = project.id
            created.append(project.name)
    problems: list[Problem] = []
    entries = 0
    posted = {OPENING: ZERO, INCOME: ZERO, EXPENSE: ZERO}
    first_date = next((r.entry_date for r in book.rows if r.entry_date), None)
    for index, row in enumerate(book.rows, start=1):
        row_rate = row.rate or rate
        try:
            if row.kind == EXPENSE and not row.project:
                row = replace(row, project=default_project)
            _post(session, actor, book, row, account, currency, usd, row_rate, known, first_date)
        except ValidationError as exc:
            problems.extend(_locate(book, row, p) for p in exc.problems)
            continue
        entries += 1
        posted[row.kind] += row.amount
        if index % 100 == 0:
            report(index, len(book.rows), _("Posting the cash book…"))
    if problems:
        raise ValidationError(problems)
    session.flush()
    return CashbookResult(
        entries,
        book.opening_amount,
        book.income_total,
        book.expense_total,
        tuple(created),
        account.code,
        currency,
        posted[INCOME],
        posted[EXPENSE],
        posted[OPENING],
    )


def _account(session: Session, code: str | None) -> Account:
    if code:
        account = session.scalars(select(Account).where(Account.code == code.strip())).first()
        if account is None or account.role not in (AccountRole.BANK, AccountRole.CASH):
            raise ValidationError(
                [
                    Problem(
                        "account", _("{code} is not the code of a bank or cash account", code=code)
                    )
                ]
            )
        return account
    usd = reporting_currency(session)
    account = session.scalars(
        select(Account)
        .where(Account.role == AccountRole.BANK, Account.currency == usd, Account.active)
        .order_by(Account.code)
    ).first()
    if account is None:
        raise ValidationError([Problem("account", _("there is no bank account in USD; give one"))])
    return account


def _post(
    session: Session,
    actor: Actor,
    book: CashBook,
    row: CashRow,
    account: Account,
    currency: str,
    usd: str,
    rate: Decimal | None,
    projects: dict[str, int],
    first_date: object,
) -> None:
    fx = None if currency == usd else rate
    description = row.description or _("Cash book row {label}", label=row.label)
    if row.kind == OPENING:
        day = row.entry_date or first_date
        if day is None:
            raise ValidationError([Problem("entry_date", _("the opening balance needs a date"))])
        operations.record_opening_balance(
            session,
            actor,
            account_id=account.id,
            entry_date=day,  # type: ignore[arg-type]
            amount=row.amount,
            rate=fx,
            description=_("Opening balance (cash book): {description}", description=description),
        )
        return
    assert row.entry_date is not None
    if row.kind == EXPENSE:
        operations.record_project_payment(
            session,
            actor,
            project_id=projects[fold_key(row.project)],
            account_id=account.id,
            entry_date=row.entry_date,
            amount=row.amount,
            payee=row.payee or description,
            voucher=row.voucher,
            description=description,
            rate=fx,
            reference=_reference(book, row),
            # A cash book records what was already paid: history is taken as it happened
            # (a budget never approved in the program, a balance recorded later); verify
            # reports it. The policy ``block`` still refuses it.
            accept=operations.ALL_WARNINGS,
        )
        return
    income = account_by_role(session, AccountRole.PREMIUM_INCOME)
    if fx is None:
        postings = [
            PostingInput(account.id, row.amount, usd, None, _("cash book")),
            PostingInput(income.id, -row.amount, usd, None, _("cash book")),
        ]
    else:
        exchange = account_by_role(session, AccountRole.EXCHANGE)
        usd_amount = round_money(row.amount / fx)
        if usd_amount == 0:
            raise ValidationError([Problem("amount", _("less than a cent in USD"))])
        used = rate_from_legs(row.amount, usd_amount)
        postings = [
            PostingInput(account.id, row.amount, currency, used, _("cash book")),
            PostingInput(exchange.id, -row.amount, currency, used, _("converted")),
            PostingInput(exchange.id, usd_amount, usd, None, _("converted")),
            PostingInput(income.id, -usd_amount, usd, None, _("cash book")),
        ]
    journal.write_entry(
        session,
        actor,
        entry_date=row.entry_date,
        kind=EntryKind.MANUAL,
        description=_("Premium received (cash book): {description}", description=description),
        reference=_reference(book, row),
        voucher=row.voucher,
        postings=postings,
    )


def _column_name(book: CashBook, key: str) -> str | None:
    column = book.column_for(key)
    return column.describe() if column else None


def _reference(book: CashBook, row: CashRow) -> str:
    """Names the file and the row: "cash book 3fa2c1d0 row 12" (the file's SHA-256)."""
    # Data, not words: the refusal of a second import finds these references by pattern, in
    # whatever language the first import ran.
    return f"cash book {book.sha256[:12]} row {row.label}"


def _refuse_a_second_import(session: Session, book: CashBook) -> None:
    """The same file imported twice would post every row twice."""
    if not book.sha256:
        return
    pattern = f"cash book {book.sha256[:12]} row %"
    found = session.execute(
        select(JournalEntry.fiscal_year, JournalEntry.number)
        .where(JournalEntry.reference.like(pattern))
        .order_by(JournalEntry.fiscal_year, JournalEntry.number)
        .limit(1)
    ).first()
    if found is not None:
        raise Conflict(
            _(
                "This cash book ({path_name}) was already imported (entry {entry_number} and following). Importing it again would post every row twice; reverse those entries first if the import must be redone.",
                path_name=book.path.name,
                entry_number=entry_number(found.fiscal_year, found.number),
            )
        )


def _locate(book: CashBook, row: CashRow, problem: Problem) -> Problem:
    key = _FIELD_COLUMNS.get(problem.field, problem.field)
    if key == "amount":
        key = "income" if row.kind == INCOME else "expense" if row.kind == EXPENSE else "balance"
    column = book.column_for(key) if key else None
    if column is None and key in ("income", "expense"):
        column = book.column_for("amount")  # a cash book with one signed amount column
    return Problem(
        problem.field,
        problem.message,
        row.row,
        column.describe() if column else None,
        row.sheet or None,
    )
