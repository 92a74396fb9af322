"""Ledger checks for ``coop-desk verify`` and the Compliance panel.

Integrity (severity ERROR: the books cannot be trusted): every entry balances per currency and
in USD value; USD postings are worth their amount; entry numbers run 1..n per year without
gaps; postings repeat their entry's date and year; reversals mirror their original exactly and
are linked one to one; balances recomputed posting by posting equal the SQL aggregation; the
year after a closed year opens with exactly what the closed year ends with.

Compliance (severity WARNING): the 25% productivity/quality share per year; payments without a
voucher; payments to a project with no approved budget (at the payment date) or beyond it;
spending dated before the GA approval; a negative Premium fund or bank balance; premium
overdue N days after shipment (setting ``ledger.premium_overdue_days``, default 60).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from datetime import date
from decimal import Decimal
from typing import Protocol, cast

from sqlalchemy import ColumnElement, func, or_, select, text, true
from sqlalchemy.orm import QueryableAttribute, Session, aliased

from coop_desk.domain import limits
from coop_desk.domain.money import format_amount
from coop_desk.i18n import _
from coop_desk.i18n.formats import amount as amount_text
from coop_desk.models import Account, JournalEntry, Posting, Project
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger import fiscal
from coop_desk.services.ledger.books import (
    AccountRole,
    EntryKind,
    closed_years,
    entry_number,
    reporting_currency,
    year_bounds,
)
from coop_desk.services.ledger.journal import summable
from coop_desk.services.ledger.plan import approved_budget, first_approvals
from coop_desk.services.verify import Finding, Severity, register

ZERO = Decimal("0.00")

# The fiscal years a check looks at: ``None`` (what ``verify`` passes) means every year; the
# ledger workbook's Compliance sheet and the Compliance panel pass the years of their period,
# so that they cost what those years cost, not what the whole books cost.
Years = Collection[int] | None


class PeriodCheck(Protocol):
    """A ledger check: ``verify``'s ``(session, today)``, and the years to look at."""

    def __call__(self, session: Session, today: date, *, years: Years = None) -> list[Finding]: ...


def _in(column: QueryableAttribute[int] | ColumnElement[int], years: Years) -> ColumnElement[bool]:
    """``column IN years``, or no condition for every year."""
    return true() if years is None else column.in_(sorted(years))


class _EntryNames:
    """Entry numbers ("2025-0042") looked up only for the entries a finding names."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[int, str] = {}

    def __getitem__(self, entry_id: int) -> str:
        if entry_id not in self.cache:
            row = self.session.execute(
                select(JournalEntry.fiscal_year, JournalEntry.number).where(
                    JournalEntry.id == entry_id
                )
            ).first()
            self.cache[entry_id] = entry_number(row[0], row[1]) if row else str(entry_id)
        return self.cache[entry_id]

    def get(self, entry_id: int, default: object = None) -> str:
        return self[entry_id]


def _entry_names(session: Session) -> _EntryNames:
    return _EntryNames(session)


# --- integrity --------------------------------------------------------------------------------


@register("ledger.balanced")
def check_balanced(session: Session, today: date, *, years: Years = None) -> list[Finding]:
    """Every entry balances per currency and in USD value; USD postings are worth their amount."""
    findings = []
    usd = reporting_currency(session)
    names = _entry_names(session)
    for entry_id, currency, amount in session.execute(
        select(Posting.entry_id, Posting.currency, func.sum(Posting.amount))
        .where(summable(), _in(Posting.fiscal_year, years))
        .group_by(Posting.entry_id, Posting.currency)
        .having(func.sum(Posting.amount) != 0)
    ):
        findings.append(
            Finding(
                Severity.ERROR,
                "ledger.unbalanced",
                _(
                    "Entry {entry} does not balance in {currency} (off by {difference})",
                    entry=names.get(entry_id, entry_id),
                    currency=currency,
                    difference=Decimal(amount),
                ),
                f"journal_entry {entry_id}",
            )
        )
    for entry_id, value in session.execute(
        select(Posting.entry_id, func.sum(Posting.usd_value))
        .where(summable(), _in(Posting.fiscal_year, years))
        .group_by(Posting.entry_id)
        .having(func.sum(Posting.usd_value) != 0)
    ):
        findings.append(
            Finding(
                Severity.ERROR,
                "ledger.unbalanced",
                _(
                    "Entry {entry} does not balance in {usd} value (off by {difference})",
                    entry=names.get(entry_id, entry_id),
                    usd=usd,
                    difference=Decimal(value),
                ),
                f"journal_entry {entry_id}",
            )
        )
    for entry_id, posting_id in session.execute(
        select(Posting.entry_id, Posting.id).where(
            Posting.currency == usd,
            Posting.amount != Posting.usd_value,
            _in(Posting.fiscal_year, years),
        )
    ):
        findings.append(
            Finding(
                Severity.ERROR,
                "ledger.usd_value",
                _(
                    "Entry {entry}: a {usd} posting has a different {usd} value than its amount",
                    entry=names.get(entry_id, entry_id),
                    usd=usd,
                ),
                f"posting {posting_id}",
            )
        )
    lonely = session.execute(
        select(JournalEntry.id)
        .outerjoin(Posting, Posting.entry_id == JournalEntry.id)
        .where(_in(JournalEntry.fiscal_year, years))
        .group_by(JournalEntry.id)
        .having(func.count(Posting.id) < 2)
    ).scalars()
    for entry_id in lonely:
        findings.append(
            Finding(
                Severity.ERROR,
                "ledger.unbalanced",
                _("Entry {entry} has fewer than two postings", entry=names.get(entry_id, entry_id)),
                f"journal_entry {entry_id}",
            )
        )
    return findings


@register("ledger.numbering")
def check_numbering(session: Session, today: date, *, years: Years = None) -> list[Finding]:
    """Entry numbers run 1..n per fiscal year (no gaps); entries lie in their fiscal year and
    postings repeat their entry's date and year."""
    findings = []
    for year, count, highest in session.execute(
        select(JournalEntry.fiscal_year, func.count(), func.max(JournalEntry.number))
        .where(_in(JournalEntry.fiscal_year, years))
        .group_by(JournalEntry.fiscal_year)
    ):
        if count != highest:
            numbers = set(
                session.scalars(select(JournalEntry.number).where(JournalEntry.fiscal_year == year))
            )
            missing = sorted(set(range(1, highest + 1)) - numbers)[:5]
            findings.append(
                Finding(
                    Severity.ERROR,
                    "ledger.numbering",
                    _(
                        "Fiscal year {year}: {count} entries numbered up to {highest}; missing {items}",
                        year=year,
                        count=count,
                        highest=highest,
                        items=", ".join(entry_number(year, n) for n in missing),
                    ),
                    f"fiscal_year {year}",
                )
            )
    for year in list(
        session.scalars(
            select(JournalEntry.fiscal_year).where(_in(JournalEntry.fiscal_year, years)).distinct()
        )
    ):
        first, last = year_bounds(session, year)
        for entry_id, number, day in session.execute(
            select(JournalEntry.id, JournalEntry.number, JournalEntry.entry_date).where(
                JournalEntry.fiscal_year == year,
                (JournalEntry.entry_date < first) | (JournalEntry.entry_date > last),
            )
        ):
            findings.append(
                Finding(
                    Severity.ERROR,
                    "ledger.numbering",
                    _(
                        "Entry {entry_number} is dated {day}, outside fiscal year {year}",
                        entry_number=entry_number(year, number),
                        day=day,
                        year=year,
                    ),
                    f"journal_entry {entry_id}",
                )
            )
    mismatched = session.execute(
        select(Posting.id, Posting.entry_id)
        .join(JournalEntry, JournalEntry.id == Posting.entry_id)
        .where(
            (Posting.entry_date != JournalEntry.entry_date)
            | (Posting.fiscal_year != JournalEntry.fiscal_year),
            _in(JournalEntry.fiscal_year, years),
        )
    ).all()
    names = _entry_names(session)
    for posting_id, entry_id in mismatched:
        findings.append(
            Finding(
                Severity.ERROR,
                "ledger.numbering",
                _(
                    "A posting of entry {entry} has another date or year than its entry",
                    entry=names.get(entry_id, entry_id),
                ),
                f"posting {posting_id}",
            )
        )
    return findings


@register("ledger.reversals")
def check_reversals(session: Session, today: date, *, years: Years = None) -> list[Finding]:
    """A reversal is the exact mirror of its original, of kind 'reversal', never reversed
    twice and never a reversal of a reversal."""
    findings = []
    names = _entry_names(session)
    original = aliased(JournalEntry)
    for rev, orig in session.execute(
        select(JournalEntry, original)
        .join(original, original.id == JournalEntry.reverses_id)
        .where(
            JournalEntry.reverses_id.is_not(None),
            or_(_in(JournalEntry.fiscal_year, years), _in(original.fiscal_year, years)),
        )
    ):
        label = names[rev.id]
        if rev.kind != EntryKind.REVERSAL or orig.reverses_id is not None:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "ledger.reversal",
                    _(
                        "Entry {label} reverses {names} but is not a plain reversal",
                        label=label,
                        names=names[orig.id],
                    ),
                    f"journal_entry {rev.id}",
                )
            )
        if rev.entry_date < orig.entry_date:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "ledger.reversal",
                    _(
                        "Reversal {label} is dated before the entry it reverses ({names})",
                        label=label,
                        names=names[orig.id],
                    ),
                    f"journal_entry {rev.id}",
                )
            )

        def legs(entry_id: int, sign: int) -> list[tuple[int, str, Decimal, Decimal]]:
            return sorted(
                (p.account_id, p.currency, sign * p.amount, sign * p.usd_value)
                for p in session.scalars(select(Posting).where(Posting.entry_id == entry_id))
            )

        if legs(rev.id, 1) != legs(orig.id, -1):
            findings.append(
                Finding(
                    Severity.ERROR,
                    "ledger.reversal",
                    _(
                        "Reversal {label} does not mirror {names} exactly",
                        label=label,
                        names=names[orig.id],
                    ),
                    f"journal_entry {rev.id}",
                )
            )
    for entry_id in session.scalars(
        select(JournalEntry.id).where(
            JournalEntry.kind == EntryKind.REVERSAL,
            JournalEntry.reverses_id.is_(None),
            _in(JournalEntry.fiscal_year, years),
        )
    ):
        findings.append(
            Finding(
                Severity.ERROR,
                "ledger.reversal",
                _(
                    "Entry {names} is marked as a reversal but reverses nothing",
                    names=names[entry_id],
                ),
                f"journal_entry {entry_id}",
            )
        )
    return findings


@register("ledger.recompute")
def check_recompute(session: Session, today: date, *, years: Years = None) -> list[Finding]:
    """Balances recomputed posting by posting (in Python, from the stored integers) equal the
    SQL aggregation the reports use (both over the postings the books can add up)."""
    bound = int(limits.MAX_AMOUNT.scaleb(2))  # stored in cents
    summable = f"amount BETWEEN -{bound} AND {bound} AND usd_value BETWEEN -{bound} AND {bound}"
    if years is not None:  # integers, written into the statement as such
        summable += (
            f" AND fiscal_year IN ({', '.join(str(int(y)) for y in sorted(years)) or 'NULL'})"
        )
    by_sql: dict[tuple[int, int, str], tuple[int, int]] = {
        (account_id, year, currency): (int(amount), int(usd))
        for account_id, year, currency, amount, usd in session.execute(
            text(
                "SELECT account_id, fiscal_year, currency, sum(amount), sum(usd_value) "
                f"FROM posting WHERE {summable} GROUP BY account_id, fiscal_year, currency"
            )
        )
    }
    by_hand: dict[tuple[int, int, str], list[int]] = defaultdict(lambda: [0, 0])
    for account_id, year, currency, amount, usd in session.execute(
        text(
            "SELECT account_id, fiscal_year, currency, amount, usd_value FROM posting "
            f"WHERE {summable}"
        )
    ):
        total = by_hand[(account_id, year, currency)]
        total[0] += amount
        total[1] += usd
    findings = []
    for key in sorted(set(by_sql) | set(by_hand)):
        if by_sql.get(key, (0, 0)) != tuple(by_hand.get(key, [0, 0])):
            findings.append(
                Finding(
                    Severity.ERROR,
                    "ledger.recompute",
                    _(
                        "Account {key}, {key2}, {key3}: the summed balance differs from the postings",
                        key=key[0],
                        key2=key[1],
                        key3=key[2],
                    ),
                    f"account {key[0]}",
                )
            )
    return findings


# --- compliance -------------------------------------------------------------------------------


def _years(session: Session, years: Years = None) -> list[int]:
    """The years of the books that hold entries (one outside them is an integrity error of
    ``limits.stored``, not a year to judge), of ``years`` only when given."""
    return sorted(
        set(
            session.scalars(
                select(JournalEntry.fiscal_year)
                .where(
                    JournalEntry.fiscal_year.between(limits.FIRST_BOOK_YEAR, limits.LAST_BOOK_YEAR),
                    _in(JournalEntry.fiscal_year, years),
                )
                .distinct()
            )
        )
    )


@register("ledger.carry")
def check_carry(session: Session, today: date) -> list[Finding]:
    """Each closed year's successor opens with what the closed year ends with: the carry
    entry posted at the close still equals what the year's postings carry today. A posting
    that reached a year after its close (or a carry entry altered) shows here."""
    findings: list[Finding] = []
    codes = dict(session.execute(select(Account.id, Account.code)).tuples().all())
    for year in sorted(closed_years(session)):
        opening = fiscal.carry_in_position(session, year + 1)
        closing = fiscal.carry_position(session, year)
        zero = (ZERO, ZERO)
        keys = sorted(
            k for k in set(opening) | set(closing) if opening.get(k, zero) != closing.get(k, zero)
        )
        for account_id, currency in keys[:5]:
            opened = opening.get((account_id, currency), zero)
            closed = closing.get((account_id, currency), zero)
            findings.append(
                Finding(
                    Severity.ERROR,
                    "ledger.carry",
                    _(
                        "{next_year} opens with {opened} {currency} (USD value {opened_usd}) "
                        "in account {account} where {year} closed with {closed} {currency} "
                        "(USD value {closed_usd}): postings changed {year} after it was closed",
                        next_year=year + 1,
                        opened=amount_text(opened[0]),
                        opened_usd=amount_text(opened[1]),
                        currency=currency,
                        account=codes.get(account_id),
                        year=year,
                        closed=amount_text(closed[0]),
                        closed_usd=amount_text(closed[1]),
                    ),
                    f"fiscal_year {year}",
                )
            )
        if len(keys) > 5:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "ledger.carry",
                    _(
                        "{n} more accounts open {next_year} away from {year}'s closing",
                        n=len(keys) - 5,
                        next_year=year + 1,
                        year=year,
                    ),
                    f"fiscal_year {year}",
                )
            )
    return findings


@register("premium.quality_share")
def check_quality_share(session: Session, today: date, *, years: Years = None) -> list[Finding]:
    """At least 25% of the year's premium received goes to productivity/quality projects
    (DOMAIN.md). The current year is not judged until it is over."""
    from coop_desk.services.access import SYSTEM
    from coop_desk.services.ledger.books import year_bounds
    from coop_desk.services.ledger.reports import quality_share

    findings = []
    for year in _years(session, years):
        if year_bounds(session, year)[1] >= today:
            continue
        share = quality_share(session, SYSTEM, year)
        if share.received <= 0 or share.met:
            continue
        findings.append(
            Finding(
                Severity.WARNING,
                "premium.quality_share",
                _(
                    "{year}: USD {spent} spent on productivity/quality projects = {percent}% of the USD {received} premium received; at least {share} (USD {required}) is required",
                    year=year,
                    spent=format_amount(share.spent),
                    percent=share.percent,
                    received=format_amount(share.received),
                    share=format(share.share, ".0%"),
                    required=format_amount(share.required),
                ),
                f"fiscal_year {year}",
            )
        )
    return findings


@register("premium.vouchers")
def check_vouchers(session: Session, today: date, *, years: Years = None) -> list[Finding]:
    """Every payment to a project carries a voucher/receipt number."""
    findings = []
    reversed_ids = select(JournalEntry.reverses_id).where(JournalEntry.reverses_id.is_not(None))
    stmt = select(JournalEntry).where(
        JournalEntry.voucher == "",
        JournalEntry.id.not_in(reversed_ids),
        JournalEntry.kind.in_([EntryKind.PAYMENT, EntryKind.MANUAL]),
        _in(JournalEntry.fiscal_year, years),
    )
    expense_ids = set(
        session.scalars(select(Account.id).where(Account.role == AccountRole.PROJECT_EXPENSE))
    )
    for entry in session.scalars(stmt):
        accounts = set(
            session.scalars(select(Posting.account_id).where(Posting.entry_id == entry.id))
        )
        if entry.kind == EntryKind.MANUAL and not accounts & expense_ids:
            continue
        findings.append(
            Finding(
                Severity.WARNING,
                "premium.voucher_missing",
                _(
                    "Payment {entry_number} of {entry_date} ({description}) has no voucher/receipt number",
                    entry_number=entry_number(entry.fiscal_year, entry.number),
                    entry_date=entry.entry_date,
                    description=entry.description,
                ),
                f"journal_entry {entry.id}",
            )
        )
    return findings


def _unapproved_payments(
    session: Session, years: Years
) -> Iterator[tuple[int, int, int, date, int, date | None]]:
    """(entry id, fiscal year, number, date, project id, first approval or None) of each
    posting to a project expense account, in an entry that is neither reversed nor a reversal,
    that no budget of its year had approved on its date (``plan.first_approvals``), of
    ``years``: the rest are never read."""
    reversed_ids = select(JournalEntry.reverses_id).where(JournalEntry.reverses_id.is_not(None))
    first = first_approvals().subquery()
    rows = session.connection().execute(  # columns only: no ORM layer
        select(
            JournalEntry.id,
            JournalEntry.fiscal_year,
            JournalEntry.number,
            JournalEntry.entry_date,
            Account.project_id,
            first.c.first,
        )
        .join(Posting, Posting.entry_id == JournalEntry.id)
        .join(Account, Account.id == Posting.account_id)
        .outerjoin(
            first,
            (first.c.year == JournalEntry.fiscal_year) & (first.c.project_id == Account.project_id),
        )
        .where(
            Account.role == AccountRole.PROJECT_EXPENSE,
            JournalEntry.reverses_id.is_(None),
            JournalEntry.id.not_in(reversed_ids),
            Posting.amount > 0,
            first.c.first.is_(None) | (JournalEntry.entry_date < first.c.first),
            _in(JournalEntry.fiscal_year, years),
        )
        .order_by(JournalEntry.entry_date, JournalEntry.number, Posting.id)
        .execution_options(yield_per=2000)
    )
    yield from cast("Iterator[tuple[int, int, int, date, int, date | None]]", iter(rows))


@register("premium.budget")
def check_budget(session: Session, today: date, *, years: Years = None) -> list[Finding]:
    """Spending against the GA-approved plan: a project with no approved budget, spending
    beyond the budget, spending dated before the approval."""
    from coop_desk.services.access import SYSTEM
    from coop_desk.services.ledger.reports import project_balances

    findings = []
    names = dict(session.execute(select(Project.id, Project.name)).tuples().all())
    for entry_id, year, number, day, project_id, approved_on in _unapproved_payments(
        session, years
    ):
        label = entry_number(year, number)
        if approved_on is None:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "premium.no_budget",
                    _(
                        "Payment {label} of {day} to {names}: the General Assembly approved no budget for this project in {year}",
                        label=label,
                        day=day,
                        names=names[project_id],
                        year=year,
                    ),
                    f"journal_entry {entry_id}",
                )
            )
        else:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "premium.before_approval",
                    _(
                        "Payment {label} of {day} to {names} is dated before the General Assembly approved its budget ({approved_on})",
                        label=label,
                        day=day,
                        names=names[project_id],
                        approved_on=approved_on,
                    ),
                    f"journal_entry {entry_id}",
                )
            )
    for year in _years(session, years):
        if not approved_budget(session, year):
            continue
        for row in project_balances(session, SYSTEM, year):
            if row.approved is not None and row.spent > row.approved:
                findings.append(
                    Finding(
                        Severity.WARNING,
                        "premium.over_budget",
                        _(
                            "{year}: {name} spent USD {spent}, over its approved budget of USD {approved} ({percent_used}%)",
                            year=year,
                            name=row.name,
                            spent=format_amount(row.spent),
                            approved=format_amount(row.approved),
                            percent_used=row.percent_used,
                        ),
                        f"project {row.project_id}",
                    )
                )
    return findings


@register("premium.negative_balance")
def check_negative(session: Session, today: date, *, years: Years = None) -> list[Finding]:
    """The Premium fund, banks and cash never end a year below zero."""
    from coop_desk.services.access import SYSTEM
    from coop_desk.services.ledger.reports import account_balances, fund_report

    findings = []
    for year in _years(session, years):
        fund = fund_report(session, SYSTEM, year)
        if fund.closing < 0:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "premium.negative_fund",
                    _(
                        "{year}: the Premium fund ends the year at USD {closing}",
                        year=year,
                        closing=format_amount(fund.closing),
                    ),
                    f"fiscal_year {year}",
                )
            )
        for row in account_balances(session, SYSTEM, year):
            if row.role in (AccountRole.BANK, AccountRole.CASH) and row.closing < 0:
                findings.append(
                    Finding(
                        Severity.WARNING,
                        "premium.negative_fund",
                        _(
                            "{year}: {name} ends the year at {closing} {currency}",
                            year=year,
                            name=row.name,
                            closing=format_amount(row.closing),
                            currency=row.currency,
                        ),
                        f"account {row.account_id}",
                    )
                )
    return findings


@register("premium.overdue")
def check_overdue(session: Session, today: date, *, years: Years = None) -> list[Finding]:
    """Premium still outstanding N days after shipment (every contract: few, and a period's
    reader keeps those of its dates)."""
    from coop_desk.services.access import SYSTEM
    from coop_desk.services.ledger.reports import contract_dues, overdue_days

    days = overdue_days(session)
    return [
        Finding(
            Severity.WARNING,
            "premium.overdue",
            _(
                "Contract {number} ({buyer_name}) shipped {shipment_date}: USD {outstanding} of premium still not received after {days_since_shipment} days (limit {days})",
                number=row.number,
                buyer_name=row.buyer_name,
                shipment_date=row.shipment_date,
                outstanding=format_amount(row.outstanding),
                days_since_shipment=row.days_since_shipment,
                days=days,
            ),
            f"contract {row.contract_id}",
        )
        for row in contract_dues(session, SYSTEM, today=today)
        if row.overdue
    ]


# The ledger's checks; each takes the fiscal years to look at (``years``, default every year).
LEDGER_CHECKS: list[PeriodCheck] = [
    check_balanced,
    check_numbering,
    check_reversals,
    check_recompute,
    check_quality_share,
    check_vouchers,
    check_budget,
    check_negative,
    check_overdue,
]


def compliance(
    session: Session, actor: Actor, today: date | None = None, *, year: int | None = None
) -> list[Finding]:
    """Every ledger finding (integrity errors first), for the Compliance panel. ``year`` keeps
    the findings that name that year or concern its entries."""
    require(actor, Permission.READ)
    today = today or date.today()
    findings: list[Finding] = []
    for check in LEDGER_CHECKS:
        findings.extend(check(session, today, years=None if year is None else {year}))
    if year is not None:
        entry_ids = {
            f"journal_entry {i}"
            for i in session.scalars(
                select(JournalEntry.id).where(JournalEntry.fiscal_year == year)
            )
        }
        findings = [f for f in findings if f.record in entry_ids or str(year) in f.message]
    findings.sort(key=lambda f: (f.severity != "error", f.check))
    return findings
