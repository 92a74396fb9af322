"""The journal: posting balanced entries, reversing them, and reading them back.

Entries are immutable once posted: no service changes or deletes one, the guard ``Database``
installs on its sessions (``guard``) refuses to flush a change or deletion of a posted entry
or posting, and the database's triggers refuse it on any other path. A correction is a
reversal entry (same postings, signs swapped, linked to the original by ``reverses_id``)
followed by a new entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, exists, func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from coop_desk.domain import limits
from coop_desk.domain.ledger import Leg, balance_problems, usd_values
from coop_desk.domain.money import MoneyError, format_amount, to_decimal
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean, fold
from coop_desk.errors import Conflict, NotFound, ValidationError
from coop_desk.i18n import _
from coop_desk.models import Account, Contract, JournalEntry, Posting, Project
from coop_desk.services import audit
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger.books import (
    AccountRole,
    EntryKind,
    closed_years,
    entry_number,
    like_words,
    reporting_currency,
    year_of,
)


def summable() -> ColumnElement[bool]:
    """Postings the books can add up. One beyond the limits of ``domain.limits`` (stored
    before they existed, or from outside the program) would overflow the database's sums and
    stop every report: ``verify`` names it, and every sum over postings leaves it out."""
    bound = limits.MAX_AMOUNT
    return Posting.amount.between(-bound, bound) & Posting.usd_value.between(-bound, bound)


@dataclass(frozen=True)
class PostingInput:
    """One line to post: ``amount`` is a debit when positive, a credit when negative.

    ``currency`` defaults to the account's own; ``rate`` is the entry's rate for that currency
    (currency units per USD, e.g. 3.75 for PEN) and is required for any currency but USD.
    """

    account_id: int
    amount: Decimal
    currency: str | None = None
    rate: Decimal | None = None
    memo: str = ""


@dataclass(frozen=True)
class EntryRow:
    """One journal entry as a grid shows it."""

    id: int
    number: str  # "2025-0001"
    fiscal_year: int
    seq: int
    entry_date: date
    kind: str
    description: str
    reference: str
    payee: str
    voucher: str
    project_id: int | None
    project_name: str
    contract_id: int | None
    contract_number: str
    total_usd: Decimal  # debit side in USD value (exchange legs left out: no double count)
    amounts: str  # same debit side per currency, e.g. "3,750.00 PEN"
    reverses_id: int | None
    reverses_number: str
    reversed_by_id: int | None
    reversed_by_number: str
    document_sha256: str
    document_name: str
    created_by: str
    created_at: datetime

    @property
    def is_reversal(self) -> bool:
        return self.reverses_id is not None

    @property
    def is_reversed(self) -> bool:
        return self.reversed_by_id is not None


@dataclass(frozen=True)
class PostingRow:
    id: int
    entry_id: int
    line: int
    account_id: int
    account_code: str
    account_name: str
    currency: str
    amount: Decimal
    rate: Decimal
    usd_value: Decimal
    memo: str

    @property
    def debit(self) -> Decimal:
        return self.amount if self.amount > 0 else Decimal("0.00")

    @property
    def credit(self) -> Decimal:
        return -self.amount if self.amount < 0 else Decimal("0.00")


@dataclass(frozen=True)
class EntryDetail:
    entry: EntryRow
    postings: tuple[PostingRow, ...]


@dataclass(frozen=True)
class JournalFilter:
    """Every field narrows the list; empty fields do not."""

    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    project_id: int | None = None
    account_id: int | None = None
    contract_id: int | None = None
    kind: str | None = None
    text: str = ""  # words in number, description, reference, payee, voucher


@dataclass(frozen=True)
class LedgerLine:
    """A posting with its entry, for an account's ledger (running balance per currency)."""

    entry_id: int
    number: str
    entry_date: date
    description: str
    currency: str
    amount: Decimal
    usd_value: Decimal
    balance: Decimal  # running balance in ``currency`` within the fiscal year


# --- writing ----------------------------------------------------------------------------------


def post_entry(
    session: Session,
    actor: Actor,
    *,
    entry_date: date,
    description: str,
    postings: Sequence[PostingInput],
    reference: str = "",
) -> EntryRow:
    """Post a manual entry (an adjustment an accountant writes in debits and credits)."""
    require(actor, Permission.LEDGER_WRITE)
    entry = write_entry(
        session,
        actor,
        entry_date=entry_date,
        kind=EntryKind.MANUAL,
        description=description,
        reference=reference,
        postings=postings,
    )
    return entry_row(session, entry.id)


def text_problems(
    description: str,
    reference: str = "",
    payee: str = "",
    voucher: str = "",
    document_name: str = "",
) -> list[Problem]:
    """An entry's words: a description is required, each text within its column's limit."""
    problems = []
    if not clean(description):
        problems.append(Problem("description", _("say what the entry is for")))
    problems += limits.text_problems(
        "journal_entry",
        {
            "description": clean(description),
            "reference": clean(reference),
            "payee": clean(payee),
            "voucher": clean(voucher),
            "document_name": document_name,
        },
    )
    return problems


def _closed_message(session: Session, entry_date: date) -> str:
    year = year_of(session, entry_date)
    closed = closed_years(session)
    if year in closed:
        return _(
            "the fiscal year {year} is closed; nothing can be posted in it unless an administrator reopens it",
            year=year,
        )
    if closed and year < max(closed):
        # Years close in order: one before a closed year is closed too (an entry there would
        # change the balances already carried forward).
        return _(
            "the books are closed up to the fiscal year {max}; nothing can be posted in {year}",
            max=max(closed),
            year=year,
        )
    return ""


def date_problems(
    session: Session, entry_date: date | None, kind: EntryKind = EntryKind.MANUAL
) -> list[Problem]:
    """Why nothing can be posted on ``entry_date``: no date, a date the books cannot hold, a
    closed year (or one before a closed year). A front end or an operation asks before it
    does anything else; ``write_entry`` applies it to every entry."""
    if entry_date is None:
        return [Problem("entry_date", _("the date is required"))]
    out_of_range = limits.check_date(entry_date) or limits.check_book_year(
        year_of(session, entry_date)
    )
    if out_of_range:
        return [Problem("entry_date", out_of_range)]
    closed = _closed_message(session, entry_date) if kind != EntryKind.CARRY else ""
    return [Problem("entry_date", closed)] if closed else []


def write_entry(
    session: Session,
    actor: Actor,
    *,
    entry_date: date,
    kind: EntryKind,
    description: str,
    postings: Sequence[PostingInput],
    reference: str = "",
    payee: str = "",
    voucher: str = "",
    project_id: int | None = None,
    contract_id: int | None = None,
    reverses_id: int | None = None,
    document_sha256: str = "",
    document_name: str = "",
    allow_inactive: bool = False,
    extra_problems: Sequence[Problem] = (),
    fixed_usd: Sequence[Decimal] | None = None,
) -> JournalEntry:
    """Validate and post one balanced entry (the single way entries are written).

    Numbers are given per fiscal year without gaps: the next number is ``max + 1`` inside the
    caller's transaction, and the unique (year, number) constraint
    refuses a concurrent duplicate, so a gap or a double can never be committed.

    ``fixed_usd`` (system entries only: reversals and balances carried between years) gives
    the USD value of every posting instead of deriving it from the rates; such an entry may
    hold value-only postings (amount 0, a USD value) and its rates are informative.
    """
    require(actor, Permission.LEDGER_WRITE)
    problems = list(extra_problems)
    description = clean(description)
    problems += text_problems(description, reference, payee, voucher, document_name)
    problems += date_problems(session, entry_date, kind)
    if (
        entry_date is None
        or limits.check_date(entry_date)
        or limits.check_book_year(year_of(session, entry_date))
    ):
        raise ValidationError(problems)  # no fiscal year to number the entry in
    year = year_of(session, entry_date)
    usd = reporting_currency(session)
    legs: list[Leg] = []
    accounts: list[Account | None] = []
    for index, p in enumerate(postings, start=1):
        field = f"postings[{index}]"
        account = session.get(Account, p.account_id)
        accounts.append(account)
        if account is None:
            problems.append(
                Problem(
                    field, _("there is no account with id {account_id}", account_id=p.account_id)
                )
            )
            continue
        if not account.active and not allow_inactive:
            problems.append(
                Problem(field, _("the account {account_name} is closed", account_name=account.name))
            )
        currency = (p.currency or account.currency or "").upper()
        if not currency:
            problems.append(
                Problem(
                    field, _("say the currency posted to {account_name}", account_name=account.name)
                )
            )
            continue
        if account.currency and currency != account.currency:
            problems.append(
                Problem(
                    field,
                    _(
                        "{account_name} is kept in {currency}, not {currency2}",
                        account_name=account.name,
                        currency=account.currency,
                        currency2=currency,
                    ),
                )
            )
        try:
            amount = to_decimal(p.amount)
        except MoneyError as exc:
            problems.append(Problem(field, str(exc)))
            continue
        beyond = limits.check_amount(amount) or limits.check_text("posting", "memo", clean(p.memo))
        if beyond:
            problems.append(Problem(field, beyond))
            continue
        if currency == usd:
            rate = Decimal(1)
        elif fixed_usd is not None:
            rate = p.rate if p.rate is not None and p.rate > 0 else Decimal(1)
        elif p.rate is None:
            problems.append(
                Problem(
                    field,
                    _("the {currency} rate (per {usd}) is required", currency=currency, usd=usd),
                )
            )
            continue
        else:
            try:
                rate = to_decimal(p.rate)
            except MoneyError as exc:
                problems.append(Problem(field, str(exc)))
                continue
            if limits.check_rate(rate):
                problems.append(Problem(field, str(limits.check_rate(rate))))
                continue
            if rate != rate.quantize(Decimal("0.00000001")):
                problems.append(Problem(field, _("a rate has at most 8 decimals")))
        legs.append(Leg(currency, amount, rate))
    if len(legs) == len(postings):
        if fixed_usd is None:
            messages = balance_problems(legs, usd)
        else:
            messages = _fixed_problems(legs, fixed_usd, usd)
        problems.extend(Problem("postings", message) for message in messages)
    if problems:
        raise ValidationError(problems)
    values = usd_values(legs, usd) if fixed_usd is None else list(fixed_usd)
    problems = [
        Problem(f"postings[{index}]", _("its {usd} value: {beyond}", usd=usd, beyond=beyond))
        for index, value in enumerate(values, start=1)
        if (beyond := limits.check_amount(value))
    ]
    if problems:
        raise ValidationError(problems)
    number = (
        session.scalar(
            select(func.max(JournalEntry.number)).where(JournalEntry.fiscal_year == year)
        )
        or 0
    ) + 1
    entry = JournalEntry(
        fiscal_year=year,
        number=number,
        entry_date=entry_date,
        kind=str(kind),
        description=description,
        reference=clean(reference),
        payee=clean(payee),
        voucher=clean(voucher),
        project_id=project_id,
        contract_id=contract_id,
        reverses_id=reverses_id,
        document_sha256=document_sha256,
        document_name=document_name,
        created_by=actor.username,
    )
    entry.search_key = fold(
        " ".join(
            [
                entry_number(year, number),
                description,
                entry.reference,
                entry.payee,
                entry.voucher,
            ]
        )
    )
    session.add(entry)
    session.flush()
    for line, (p, leg, value) in enumerate(zip(postings, legs, values, strict=True), start=1):
        session.add(
            Posting(
                entry_id=entry.id,
                line=line,
                account_id=p.account_id,
                fiscal_year=year,
                entry_date=entry_date,
                currency=leg.currency,
                amount=leg.amount,
                rate=leg.rate,
                usd_value=value,
                memo=clean(p.memo),
            )
        )
    session.flush()
    return entry


def _fixed_problems(legs: Sequence[Leg], values: Sequence[Decimal], usd: str) -> list[str]:
    problems = []
    if len(values) != len(legs):
        return ["one USD value per posting is needed"]
    sums: dict[str, Decimal] = {}
    for leg, value in zip(legs, values, strict=True):
        if leg.amount == 0 and value == 0:
            problems.append("a posting must have an amount or a USD value")
        if leg.currency == usd and leg.amount != value:
            problems.append(f"a {usd} posting is worth its amount")
        sums[leg.currency] = sums.get(leg.currency, Decimal(0)) + leg.amount
    problems += [
        _("the {currency} postings do not balance (off by {difference})", currency=c, difference=t)
        for c, t in sums.items()
        if t
    ]
    if sum(values, Decimal(0)) != 0:
        problems.append(_("the postings do not balance in {usd} value", usd=usd))
    return problems


def reverse_entry(
    session: Session,
    actor: Actor,
    entry_id: int,
    *,
    reason: str,
    entry_date: date | None = None,
) -> EntryRow:
    """Post the mirror image of an entry, linked to it. The original stays as it was.

    ``entry_date`` defaults to the original's date; when the original's year is closed, give a
    date in an open year.
    """
    require(actor, Permission.LEDGER_WRITE)
    # The reason is recorded on the audit records of the reversal, not only in its text.
    with audit.reason(session, clean(reason)):
        reversal = reverse(session, actor, entry_id, reason=reason, entry_date=entry_date)
    return entry_row(session, reversal.id)


def reverse(
    session: Session,
    actor: Actor,
    entry_id: int,
    *,
    reason: str,
    entry_date: date | None = None,
    allow_carry: bool = False,
) -> JournalEntry:
    require(actor, Permission.LEDGER_WRITE)
    original = session.get(JournalEntry, entry_id)
    if original is None:
        raise NotFound(_("There is no journal entry with id {entry_id}.", entry_id=entry_id))
    name = entry_number(original.fiscal_year, original.number)
    if original.kind == EntryKind.CARRY and not allow_carry:
        raise Conflict(
            _(
                "Entry {name} carries balances from the previous year; it is reversed only by reopening that year.",
                name=name,
            )
        )
    if original.reverses_id is not None:
        raise Conflict(_("Entry {name} is itself a reversal; post a new entry instead.", name=name))
    already = session.scalar(
        select(JournalEntry.fiscal_year, JournalEntry.number)
        .where(JournalEntry.reverses_id == entry_id)
        .limit(1)
    )
    if already is not None:
        raise Conflict(_("Entry {name} has already been reversed.", name=name))
    problems: list[Problem] = []
    if not clean(reason):
        problems.append(Problem("reason", _("say why the entry is reversed")))
    day = entry_date or original.entry_date
    if day < original.entry_date:
        problems.append(Problem("entry_date", _("a reversal cannot be dated before the entry")))
    lines = session.scalars(
        select(Posting).where(Posting.entry_id == entry_id).order_by(Posting.line)
    ).all()
    reversal = write_entry(
        session,
        actor,
        entry_date=day,
        kind=EntryKind.REVERSAL,
        description=_("Reversal of {name}: {clean}", name=name, clean=clean(reason))
        if clean(reason)
        else "",
        reference=name,
        payee=original.payee,
        project_id=original.project_id,
        contract_id=original.contract_id,
        reverses_id=original.id,
        postings=[PostingInput(p.account_id, -p.amount, p.currency, p.rate, p.memo) for p in lines],
        allow_inactive=True,
        extra_problems=problems,
        # The USD values are mirrored exactly (not recomputed): a reversal restores every
        # balance to the cent.
        fixed_usd=[-p.usd_value for p in lines],
    )
    return reversal


# --- reading ----------------------------------------------------------------------------------


def _filter_clauses(flt: JournalFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if flt.year is not None:
        clauses.append(JournalEntry.fiscal_year == flt.year)
    if flt.date_from is not None:
        clauses.append(JournalEntry.entry_date >= flt.date_from)
    if flt.date_to is not None:
        clauses.append(JournalEntry.entry_date <= flt.date_to)
    if flt.kind:
        clauses.append(JournalEntry.kind == flt.kind)
    if flt.contract_id is not None:
        clauses.append(JournalEntry.contract_id == flt.contract_id)
    if flt.account_id is not None:
        clauses.append(
            exists().where(
                Posting.entry_id == JournalEntry.id, Posting.account_id == flt.account_id
            )
        )
    if flt.project_id is not None:
        clauses.append(
            or_(
                JournalEntry.project_id == flt.project_id,
                exists().where(
                    Posting.entry_id == JournalEntry.id,
                    Posting.account_id == Account.id,
                    Account.project_id == flt.project_id,
                ),
            )
        )
    for pattern in like_words(flt.text):
        clauses.append(JournalEntry.search_key.like(pattern, escape="\\"))
    return clauses


def list_entries(
    session: Session,
    actor: Actor,
    flt: JournalFilter | None = None,
    *,
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[EntryRow]:
    """Entries in date order (then number), filtered and paged in SQL."""
    require(actor, Permission.READ)
    return _entry_rows(session, _filter_clauses(flt or JournalFilter()), descending, limit, offset)


def entry_row(session: Session, entry_id: int) -> EntryRow:
    rows = _entry_rows(session, [JournalEntry.id == entry_id], False, None, 0)
    if not rows:
        raise NotFound(_("There is no journal entry with id {entry_id}.", entry_id=entry_id))
    return rows[0]


def _entry_rows(
    session: Session,
    clauses: list[ColumnElement[bool]],
    descending: bool,
    limit: int | None,
    offset: int,
) -> list[EntryRow]:
    original = aliased(JournalEntry)
    reversal = aliased(JournalEntry)
    stmt = (
        select(
            JournalEntry,
            Project.name,
            Contract.number,
            original.fiscal_year,
            original.number,
            reversal.id,
            reversal.fiscal_year,
            reversal.number,
        )
        .outerjoin(Project, Project.id == JournalEntry.project_id)
        .outerjoin(Contract, Contract.id == JournalEntry.contract_id)
        .outerjoin(original, original.id == JournalEntry.reverses_id)
        .outerjoin(reversal, reversal.reverses_id == JournalEntry.id)
        .where(*clauses)
    )
    order = [JournalEntry.entry_date, JournalEntry.fiscal_year, JournalEntry.number]
    stmt = stmt.order_by(*[c.desc() for c in order] if descending else order)
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    result = session.execute(stmt).all()
    ids = [r[0].id for r in result]
    totals: dict[int, dict[str, Decimal]] = {i: {} for i in ids}
    usd_totals: dict[int, Decimal] = dict.fromkeys(ids, Decimal("0.00"))
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        for entry_id, currency, amount, usd in session.execute(
            select(
                Posting.entry_id,
                Posting.currency,
                func.sum(Posting.amount),
                func.sum(Posting.usd_value),
            )
            .join(Account, Account.id == Posting.account_id)
            .where(Posting.entry_id.in_(chunk), Posting.amount > 0, summable())
            .where(Account.role != AccountRole.EXCHANGE)
            .group_by(Posting.entry_id, Posting.currency)
        ):
            totals[entry_id][currency] = Decimal(amount)
            usd_totals[entry_id] += Decimal(usd)
    rows = []
    for entry, project_name, contract_number, o_year, o_num, r_id, r_year, r_num in result:
        amounts = "; ".join(f"{format_amount(v)} {c}" for c, v in sorted(totals[entry.id].items()))
        rows.append(
            EntryRow(
                id=entry.id,
                number=entry_number(entry.fiscal_year, entry.number),
                fiscal_year=entry.fiscal_year,
                seq=entry.number,
                entry_date=entry.entry_date,
                kind=entry.kind,
                description=entry.description,
                reference=entry.reference,
                payee=entry.payee,
                voucher=entry.voucher,
                project_id=entry.project_id,
                project_name=project_name or "",
                contract_id=entry.contract_id,
                contract_number=contract_number or "",
                total_usd=usd_totals[entry.id],
                amounts=amounts,
                reverses_id=entry.reverses_id,
                reverses_number=entry_number(o_year, o_num) if o_year is not None else "",
                reversed_by_id=r_id,
                reversed_by_number=entry_number(r_year, r_num) if r_year is not None else "",
                document_sha256=entry.document_sha256,
                document_name=entry.document_name,
                created_by=entry.created_by,
                created_at=entry.created_at,
            )
        )
    return rows


def get_entry(session: Session, actor: Actor, entry_id: int) -> EntryDetail:
    require(actor, Permission.READ)
    row = entry_row(session, entry_id)
    postings = tuple(
        _posting_row(p, code, name)
        for p, code, name in session.execute(
            select(Posting, Account.code, Account.name)
            .join(Account, Account.id == Posting.account_id)
            .where(Posting.entry_id == entry_id)
            .order_by(Posting.line)
        )
    )
    return EntryDetail(row, postings)


def list_entry_details(
    session: Session, actor: Actor, flt: JournalFilter | None = None
) -> list[EntryDetail]:
    """Every entry ``flt`` selects with its postings, in journal order (for exports).

    Two reads in all, however many entries: the entries (as :func:`list_entries`), then every
    posting of them in one query, grouped by entry."""
    require(actor, Permission.READ)
    clauses = _filter_clauses(flt or JournalFilter())
    rows = _entry_rows(session, clauses, False, None, 0)
    postings: dict[int, list[PostingRow]] = {r.id: [] for r in rows}
    # An alias, so that the filter's own EXISTS over postings is not correlated to this one.
    line = aliased(Posting)
    for p, code, name in session.execute(
        select(line, Account.code, Account.name)
        .join(Account, Account.id == line.account_id)
        .join(JournalEntry, JournalEntry.id == line.entry_id)
        .where(*clauses)
        .order_by(line.entry_id, line.line)
    ):
        postings[p.entry_id].append(_posting_row(p, code, name))
    return [EntryDetail(r, tuple(postings[r.id])) for r in rows]


def _posting_row(p: Posting, code: str, name: str) -> PostingRow:
    return PostingRow(
        p.id,
        p.entry_id,
        p.line,
        p.account_id,
        code,
        name,
        p.currency,
        p.amount,
        p.rate,
        p.usd_value,
        p.memo,
    )


def account_ledger(session: Session, actor: Actor, account_id: int, year: int) -> list[LedgerLine]:
    """Every posting to one account in a fiscal year, with a running balance per currency."""
    require(actor, Permission.READ)
    running: dict[str, Decimal] = {}
    lines = []
    for p, fy, num, desc in session.execute(
        select(Posting, JournalEntry.fiscal_year, JournalEntry.number, JournalEntry.description)
        .join(JournalEntry, JournalEntry.id == Posting.entry_id)
        .where(Posting.account_id == account_id, Posting.fiscal_year == year)
        .order_by(Posting.entry_date, JournalEntry.number, Posting.line)
    ):
        running[p.currency] = running.get(p.currency, Decimal("0.00")) + p.amount
        lines.append(
            LedgerLine(
                p.entry_id,
                entry_number(fy, num),
                p.entry_date,
                desc,
                p.currency,
                p.amount,
                p.usd_value,
                running[p.currency],
            )
        )
    return lines


@dataclass(frozen=True)
class JournalLine:
    """One posting with its entry's details: the journal as a flat table (one row per
    posting), for exports and for grids that list postings."""

    entry_id: int
    number: str
    fiscal_year: int
    entry_date: date
    kind: str
    description: str
    reference: str
    payee: str
    voucher: str
    document_sha256: str
    reverses_number: str
    line: int
    account_id: int
    account_code: str
    account_name: str
    project_id: int | None  # of the account (project expense accounts)
    currency: str
    amount: Decimal
    rate: Decimal
    usd_value: Decimal
    memo: str


def list_journal_lines(
    session: Session,
    actor: Actor,
    flt: JournalFilter | None = None,
    *,
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[JournalLine]:
    """Every posting of the entries ``flt`` selects, in journal order (``descending``: newest
    first, lines still in order); with ``limit``, one page of them. Plain columns, no ORM
    objects: a year of 100,000 postings would otherwise fill the session."""
    require(actor, Permission.READ)
    original = aliased(JournalEntry)
    order = [JournalEntry.entry_date, JournalEntry.fiscal_year, JournalEntry.number]
    stmt = (
        select(
            Posting.entry_id,
            Posting.line,
            Posting.account_id,
            Posting.currency,
            Posting.amount,
            Posting.rate,
            Posting.usd_value,
            Posting.memo,
            JournalEntry.fiscal_year,
            JournalEntry.number,
            JournalEntry.entry_date,
            JournalEntry.kind,
            JournalEntry.description,
            JournalEntry.reference,
            JournalEntry.payee,
            JournalEntry.voucher,
            JournalEntry.document_sha256,
            Account.code,
            Account.name,
            Account.project_id,
            original.fiscal_year.label("o_year"),
            original.number.label("o_number"),
        )
        .join(JournalEntry, JournalEntry.id == Posting.entry_id)
        .join(Account, Account.id == Posting.account_id)
        .outerjoin(original, original.id == JournalEntry.reverses_id)
        .where(*_filter_clauses(flt or JournalFilter()))
        .order_by(*[c.desc() for c in order] if descending else order, Posting.line)
    )
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return [
        JournalLine(
            entry_id=r.entry_id,
            number=entry_number(r.fiscal_year, r.number),
            fiscal_year=r.fiscal_year,
            entry_date=r.entry_date,
            kind=r.kind,
            description=r.description,
            reference=r.reference,
            payee=r.payee,
            voucher=r.voucher,
            document_sha256=r.document_sha256,
            reverses_number=entry_number(r.o_year, r.o_number) if r.o_year is not None else "",
            line=r.line,
            account_id=r.account_id,
            account_code=r.code,
            account_name=r.name,
            project_id=r.project_id,
            currency=r.currency,
            amount=r.amount,
            rate=r.rate,
            usd_value=r.usd_value,
            memo=r.memo,
        )
        for r in session.execute(stmt)
    ]


@dataclass(frozen=True)
class JournalCounts:
    entries: int
    postings: int


def count_journal(
    session: Session, actor: Actor, flt: JournalFilter | None = None
) -> JournalCounts:
    """How many entries, and postings in them, ``flt`` selects (for a paged list's counts)."""
    require(actor, Permission.READ)
    clauses = _filter_clauses(flt or JournalFilter())
    entries = session.scalar(select(func.count()).select_from(JournalEntry).where(*clauses))
    postings = session.scalar(
        select(func.count())
        .select_from(Posting)
        .join(JournalEntry, JournalEntry.id == Posting.entry_id)
        .where(*clauses)
    )
    return JournalCounts(int(entries or 0), int(postings or 0))


def journal_position(
    session: Session,
    actor: Actor,
    entry_id: int,
    flt: JournalFilter | None = None,
    *,
    descending: bool = False,
    postings: bool = False,
) -> int | None:
    """Where ``entry_id`` stands (0-based) in ``list_entries`` (``postings``: where its first
    line stands in ``list_journal_lines``) with the same filter and order; ``None`` when the
    filter leaves it out. A paged list loads that far to show the entry selected."""
    require(actor, Permission.READ)
    clauses = _filter_clauses(flt or JournalFilter())
    key = (JournalEntry.entry_date, JournalEntry.fiscal_year, JournalEntry.number)
    found = session.execute(select(*key).where(JournalEntry.id == entry_id, *clauses)).first()
    if found is None:
        return None
    before = tuple_(*key) > tuple_(*found) if descending else tuple_(*key) < tuple_(*found)
    stmt = select(func.count()).select_from(
        Posting.__table__.join(JournalEntry, JournalEntry.id == Posting.entry_id)
        if postings
        else JournalEntry
    )
    return int(session.scalar(stmt.where(before, *clauses)) or 0)
