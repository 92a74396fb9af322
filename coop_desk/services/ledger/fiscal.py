"""Fiscal years: close (lock and carry balances forward) and reopen (administrators, with a
reason). Every close and reopen is recorded in ``fiscal_year_event``.

Closing year Y posts one *carry* entry dated the first day of Y+1: each asset account's
balance per currency (amount and USD value as recorded), against the Premium fund, into which
every other account (income, project expenses, exchange, opening balances, the fund itself)
is folded. Reopening Y reverses that carry entry (linked, visible) and unlocks Y; closing it
again posts a new carry entry. Years close in order and reopen in reverse order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from coop_desk.domain import limits
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import Conflict, ValidationError
from coop_desk.i18n import _
from coop_desk.models import Account, FiscalYearEvent, JournalEntry, Posting
from coop_desk.services import audit
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger.accounts import account_by_role
from coop_desk.services.ledger.books import (
    CARRIED_KINDS,
    AccountRole,
    EntryKind,
    closed_years,
    entry_number,
    reporting_currency,
    year_bounds,
    year_of,
)
from coop_desk.services.ledger.journal import PostingInput, reverse, summable, write_entry

Position = dict[tuple[int, str], tuple[Decimal, Decimal]]  # (account, currency) -> (amount, usd)


@dataclass(frozen=True)
class YearEventRow:
    id: int
    year: int
    action: str  # close / reopen
    reason: str
    entry_id: int | None
    recorded_at: datetime
    recorded_by: str
    trail_head: str = ""  # close: the audit trail's head, "N:HASH" (an anchor)


@dataclass(frozen=True)
class FiscalYearRow:
    year: int
    start: date
    end: date
    closed: bool
    entries: int
    carry_in: bool  # the previous year's balances are posted into this year
    events: tuple[YearEventRow, ...]

    @property
    def status(self) -> str:
        return "closed" if self.closed else "open"


def _live_carry_entries(session: Session, year: int) -> list[int]:
    """Carry entries posted in ``year`` that have not been reversed."""
    reversed_ids = select(JournalEntry.reverses_id).where(JournalEntry.reverses_id.is_not(None))
    return list(
        session.scalars(
            select(JournalEntry.id).where(
                JournalEntry.fiscal_year == year,
                JournalEntry.kind == EntryKind.CARRY,
                JournalEntry.id.not_in(reversed_ids),
            )
        )
    )


def has_carry_in(session: Session, year: int) -> bool:
    return bool(_live_carry_entries(session, year))


def _in_books() -> ColumnElement[bool]:
    """Entries of the years the books hold: one dated outside (stored before the limits of
    ``domain.limits`` existed, or outside the program) is named by ``verify`` and left out of
    the chain of years, so that it cannot hold back a close or make a report fail."""
    return JournalEntry.fiscal_year.between(limits.FIRST_BOOK_YEAR, limits.LAST_BOOK_YEAR)


def first_year(session: Session) -> int | None:
    return session.scalar(select(func.min(JournalEntry.fiscal_year)).where(_in_books()))


def year_totals(session: Session, year: int) -> Position:
    """Sum of every posting of the year per (account, currency): one grouped, covered query."""
    result: Position = {}
    for account_id, currency, amount, usd in session.execute(
        select(
            Posting.account_id,
            Posting.currency,
            func.sum(Posting.amount),
            func.sum(Posting.usd_value),
        )
        .where(Posting.fiscal_year == year, summable())
        .group_by(Posting.account_id, Posting.currency)
    ):
        result[(account_id, currency)] = (Decimal(amount), Decimal(usd))
    return result


def opening_position(session: Session, year: int) -> tuple[Position, bool]:
    """What year ``year`` starts with, and whether it is provisional.

    When the carry entry is posted, its postings (net of any reversal) are the opening; when
    the previous year is still open, the opening is computed the same way a close would post
    it (provisional)."""
    carries = carry_in_position(session, year)
    if has_carry_in(session, year) or not _has_earlier(session, year):
        return carries, False
    return carry_position(session, year - 1), True


def _has_earlier(session: Session, year: int) -> bool:
    return bool(
        session.scalar(select(func.count()).where(JournalEntry.fiscal_year < year, _in_books()))
    )


def carry_in_position(session: Session, year: int) -> Position:
    """What ``year`` opens with, as posted: its carry entries and their reversals (which
    cancel out), per (account, currency)."""
    carry_ids = select(JournalEntry.id).where(
        JournalEntry.fiscal_year == year, JournalEntry.kind == EntryKind.CARRY
    )
    reversal_ids = select(JournalEntry.id).where(JournalEntry.reverses_id.in_(carry_ids))
    result: Position = {}
    for account_id, currency, amount, usd in session.execute(
        select(
            Posting.account_id,
            Posting.currency,
            func.sum(Posting.amount),
            func.sum(Posting.usd_value),
        )
        .where(Posting.entry_id.in_(carry_ids.union(reversal_ids)), summable())
        .group_by(Posting.account_id, Posting.currency)
    ):
        if amount or usd:
            result[(account_id, currency)] = (Decimal(amount), Decimal(usd))
    return result


def closing_position(session: Session, year: int) -> Position:
    """Balances at the end of ``year`` per (account, currency), opening included.

    A year without a posted carry entry opens with what closing the year before would carry,
    back to the nearest year that has one (or the first year of the books). The years are
    walked forward from there, one by one: books of any age, never a deep recursion."""
    start = year
    while not has_carry_in(session, start) and _has_earlier(session, start):
        start -= 1
    position: Position = dict(year_totals(session, start))
    for following in range(start + 1, year + 1):
        carried = _carry_of(session, position)
        position = dict(year_totals(session, following))
        for key, (amount, usd) in carried.items():
            old = position.get(key, (Decimal(0), Decimal(0)))
            position[key] = (old[0] + amount, old[1] + usd)
    return position


def carry_position(session: Session, year: int) -> Position:
    """What closing ``year`` carries into the next: asset and liability balances as they are;
    everything else folded into the Premium fund, per currency (so each currency balances)."""
    return _carry_of(session, closing_position(session, year))


def _carry_of(session: Session, closing: Position) -> Position:
    kinds = dict(session.execute(select(Account.id, Account.kind)).tuples().all())
    fund = account_by_role(session, AccountRole.PREMIUM_FUND).id
    result: Position = {}
    folded: dict[str, tuple[Decimal, Decimal]] = defaultdict(lambda: (Decimal(0), Decimal(0)))
    for (account_id, currency), (amount, usd) in closing.items():
        if kinds[account_id] in CARRIED_KINDS:
            if amount or usd:
                result[(account_id, currency)] = (amount, usd)
        else:
            old = folded[currency]
            folded[currency] = (old[0] + amount, old[1] + usd)
    for currency, (amount, usd) in folded.items():
        if amount or usd:
            result[(fund, currency)] = (amount, usd)
    return result


def _implied_rate(amount: Decimal, usd: Decimal) -> Decimal:
    if amount == 0 or usd == 0:
        return Decimal(1)
    return (abs(amount) / abs(usd)).quantize(Decimal("0.00000001"), ROUND_HALF_UP)


def close_year(
    session: Session, actor: Actor, year: int, *, today: date | None = None, note: str = ""
) -> FiscalYearRow:
    """Lock ``year`` and carry its balances into the next year (one carry entry)."""
    require(actor, Permission.LEDGER_WRITE)
    today = today or date.today()
    if beyond := limits.check_book_year(year):
        raise ValidationError([Problem("year", beyond)])
    closed = closed_years(session)
    start, end = year_bounds(session, year)
    problems: list[Problem] = []
    if year in closed:
        raise Conflict(_("The fiscal year {year} is already closed.", year=year))
    if end >= today:
        problems.append(
            Problem(
                "year",
                _("the fiscal year {year} ends on {end}; close it after", year=year, end=end),
            )
        )
    earliest = first_year(session)
    if earliest is not None:
        open_before = [y for y in range(earliest, year) if y not in closed]
        if open_before:
            problems.append(
                Problem(
                    "year",
                    _(
                        "close {open_before} first: years are closed in order",
                        open_before=open_before[0],
                    ),
                )
            )
    if problems:
        raise ValidationError(problems)
    carry = carry_position(session, year)
    usd = reporting_currency(session)
    entry_id = None
    if carry:
        keys = sorted(carry, key=lambda k: (k[0], k[1]))
        entry = write_entry(
            session,
            actor,
            entry_date=year_bounds(session, year + 1)[0],
            kind=EntryKind.CARRY,
            description=_("Balances carried from fiscal year {year}", year=year),
            reference=_("close {year}", year=year),
            postings=[
                PostingInput(
                    account_id,
                    carry[(account_id, currency)][0],
                    currency,
                    Decimal(1)
                    if currency == usd
                    else _implied_rate(*carry[(account_id, currency)]),
                )
                for account_id, currency in keys
            ],
            fixed_usd=[carry[k][1] for k in keys],
            allow_inactive=True,
        )
        entry_id = entry.id
    session.flush()
    # The trail's head with the carry entry in it: printed and kept, an anchor verify proves
    # the trail still holds (the close's own record cannot hold its own hash).
    head = audit.current_anchor(session)
    session.add(
        FiscalYearEvent(
            year=year,
            action="close",
            reason=clean(note),
            entry_id=entry_id,
            recorded_by=actor.username,
            trail_head=head.text,
        )
    )
    session.flush()
    return _year_row(session, year)


def reopen_year(session: Session, actor: Actor, year: int, *, reason: str) -> FiscalYearRow:
    """Unlock a closed year (administrators only, with a reason). Its carry entry into the next
    year is reversed; close the year again when the corrections are posted."""
    require(actor, Permission.YEAR_REOPEN)
    closed = closed_years(session)
    if year not in closed:
        raise Conflict(_("The fiscal year {year} is not closed.", year=year))
    if not clean(reason):
        raise ValidationError([Problem("reason", _("say why the year is reopened"))])
    if year + 1 in closed:
        raise Conflict(
            _("Reopen {value} first: closed years are reopened from the latest.", value=year + 1)
        )
    with audit.reason(
        session, _("fiscal year {year} reopened: {clean}", year=year, clean=clean(reason))
    ):
        return _reopen(session, actor, year, clean(reason))


def _reopen(session: Session, actor: Actor, year: int, reason: str) -> FiscalYearRow:
    reversal_id = None
    for carry_id in _live_carry_entries(session, year + 1):
        reversal = reverse(
            session,
            actor,
            carry_id,
            reason=_("fiscal year {year} reopened: {reason}", year=year, reason=reason),
            allow_carry=True,
        )
        reversal_id = reversal.id
    session.add(
        FiscalYearEvent(
            year=year,
            action="reopen",
            reason=reason,
            entry_id=reversal_id,
            recorded_by=actor.username,
        )
    )
    session.flush()
    return _year_row(session, year)


def _events(session: Session, year: int | None = None) -> list[YearEventRow]:
    stmt = select(FiscalYearEvent).order_by(FiscalYearEvent.id)
    if year is not None:
        stmt = stmt.where(FiscalYearEvent.year == year)
    return [
        YearEventRow(
            e.id, e.year, e.action, e.reason, e.entry_id, e.recorded_at, e.recorded_by, e.trail_head
        )
        for e in session.scalars(stmt)
    ]


def _year_row(session: Session, year: int) -> FiscalYearRow:
    start, end = year_bounds(session, year)
    count = session.scalar(select(func.count()).where(JournalEntry.fiscal_year == year)) or 0
    return FiscalYearRow(
        year,
        start,
        end,
        year in closed_years(session),
        int(count),
        has_carry_in(session, year),
        tuple(_events(session, year)),
    )


def list_fiscal_years(
    session: Session, actor: Actor, today: date | None = None
) -> list[FiscalYearRow]:
    """Every year with entries or events, and the current one: the years the books hold
    (``verify`` names an entry stored outside them)."""
    require(actor, Permission.READ)
    years = set(session.scalars(select(JournalEntry.fiscal_year).distinct()))
    years |= set(session.scalars(select(FiscalYearEvent.year).distinct()))
    years.add(year_of(session, today or date.today()))
    return [_year_row(session, y) for y in sorted(years) if not limits.check_book_year(y)]


def current_year(session: Session, actor: Actor, today: date | None = None) -> int:
    """The fiscal year ``today`` falls in (by the cooperative's fiscal start month)."""
    require(actor, Permission.READ)
    return year_of(session, today or date.today())


def carry_entry_number(session: Session, year: int) -> str:
    ids = _live_carry_entries(session, year)
    if not ids:
        return ""
    entry = session.get(JournalEntry, ids[0])
    assert entry is not None
    return entry_number(entry.fiscal_year, entry.number)
