"""The ledger workbook: the Premium ledger of a fiscal year or a date range as a workbook
treasurers and auditors can audit in Excel (issue 5).

Model. The Journal sheet is the data: a row per posting of the period. Every figure of the
Summary sheet is a live formula over it (SUMIFS on the account role, the entry kind and the
project), so a reader can audit how each one is made; recalculated by Excel or LibreOffice the
formulas give the figures coop-desk computes from the same postings (``reports``), which
``export_ledger`` returns so callers and tests can compare. The rules (the 25% share and its
rounding) come from ``domain.premium`` as numbers and as formulas.

Sheets, Summary first (it is the sheet that opens):

- Summary: the cooperative's name, the period and the time of generation; the Premium fund
  (opening, earned, received, spent, exchange, closing) and per project budget / spent /
  remaining, and the 25% productivity/quality share.
- Journal: a row per posting (date, entry number, kind, reference, voucher, description,
  payee, account, role, project, currency, debit, credit, rate, USD value) with a running
  balance per account and currency within the fiscal year (as ``journal.account_ledger``).
- Contracts: premium due vs received per contract, outstanding as a formula.
- Compliance: the ledger checks for the period and the 25% productivity/quality rule.

The General Assembly's annual report is ``assembly_report``; it shares the period and the
sheet header defined here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coop_desk import i18n
from coop_desk.domain.premium import quality_share_formula
from coop_desk.exchange.xlsx import (
    BOLD,
    TITLE_FONT,
    Column,
    Formula,
    SheetWriter,
    currency_format,
    discard_workbook,
    make_cell,
    new_workbook,
    quote_sheet,
    save_workbook,
    translated,
)
from coop_desk.i18n import N_, _, formats
from coop_desk.models import Account, JournalEntry, Posting, Project
from coop_desk.services import audit, cooperative
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger import checks, plan, reports
from coop_desk.services.ledger.books import (
    AccountRole,
    EntryKind,
    entry_number,
    reporting_currency,
    year_bounds,
    year_of,
)

ProgressFn = Callable[[int, int, str], None]
ZERO = Decimal("0.00")
JOURNAL = N_("Journal")  # the sheet the Summary's formulas read, named in the workbook's language
BATCH = 1000

# Widths keep the printed journal readable: fitted to the width of a landscape page, the
# visible columns add up to about 200 characters (the print is scaled to about 65 %). The two
# code columns the Summary formulas use are hidden (and so not printed); unhide them in Excel.
JOURNAL_COLUMNS = (
    Column(N_("Date"), 11, kind="date"),  # A
    Column(N_("Entry"), 10),  # B
    Column(N_("Kind"), 10, hidden=True),  # C (code, used by the Summary formulas)
    Column(N_("Reference"), 12),  # D
    Column(N_("Voucher"), 11),  # E
    Column(N_("Description"), 32),  # F
    Column(N_("Payee"), 16),  # G
    Column(N_("Account code"), 8),  # H
    Column(N_("Account"), 20),  # I
    Column(N_("Role"), 15, hidden=True),  # J (account role, used by the Summary formulas)
    Column(N_("Project"), 18),  # K
    Column(N_("Currency"), 6),  # L
    Column(N_("Debit"), 13, kind="decimal"),  # M
    Column(N_("Credit"), 13, kind="decimal"),  # N
    Column(N_("Rate"), 10, kind="rate"),  # O
    Column(N_("USD value"), 15, kind="money", currency="USD"),  # P (debit positive)
    Column(N_("Running balance"), 14, kind="decimal"),  # Q (account's currency, within the year)
)


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    year: int | None  # set when the period is one whole fiscal year

    def label(self) -> str:
        if self.year is not None:
            return _(
                "fiscal year {year} ({start} to {end})",
                year=self.year,
                start=self.start,
                end=self.end,
            )
        return _("{start} to {end}", start=self.start, end=self.end)


def period_for(
    session: Session,
    *,
    year: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    today: date | None = None,
) -> Period:
    """A fiscal year (default: the current one) or a date range."""
    if date_from is not None or date_to is not None:
        if year is not None:
            raise ValueError(_("give a year or a date range, not both"))
        today = today or date.today()
        start = date_from or year_bounds(session, year_of(session, date_to or today))[0]
        end = date_to or today
        if end < start:
            raise ValueError(_("the end of the period is before its start"))
        bounds = year_bounds(session, year_of(session, start))
        whole = (start, end) == bounds
        return Period(start, end, year_of(session, start) if whole else None)
    chosen = year if year is not None else year_of(session, today or date.today())
    start, end = year_bounds(session, chosen)
    return Period(start, end, chosen)


@dataclass(frozen=True)
class LedgerExportResult:
    path: Path
    period: Period
    postings: int
    # The figures coop-desk computes, which the workbook's formulas recalculate to.
    earned: Decimal
    received: Decimal
    spent: Decimal
    closing: Decimal | None
    project_spent: dict[str, Decimal]


def write_header(sheet: SheetWriter, title: str, coop: str, period: Period, actor: Actor) -> None:
    stamp = formats.datetime_text(datetime.now(UTC))
    sheet.append_raw([title], font=TITLE_FONT)
    sheet.append_raw([_("Cooperative"), coop])
    sheet.append_raw([_("Period"), period.label()])
    sheet.append_raw([_("Generated"), _("{time} by {user}", time=stamp, user=actor.username)])
    sheet.blank()


def export_ledger(
    session: Session,
    actor: Actor,
    path: str | Path,
    *,
    year: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    progress: ProgressFn | None = None,
    today: date | None = None,
    language: str | None = None,
) -> LedgerExportResult:
    """Write the ledger workbook in ``language`` (default: the cooperative's)."""
    require(actor, Permission.EXPORT)
    with i18n.use_language(language or cooperative.cooperative_language(session)):
        return _export_ledger(session, actor, path, year, date_from, date_to, progress, today)


def ledger_file_name(session: Session, label: str) -> str:
    """The name the ledger workbook is offered under, in the cooperative's language
    (``libro-prima-2026.xlsx``); ``label`` is the year or the date range."""
    with i18n.use_language(cooperative.cooperative_language(session)):
        return _("premium-ledger-{period}.xlsx", period=label)


def _export_ledger(
    session: Session,
    actor: Actor,
    path: str | Path,
    year: int | None,
    date_from: date | None,
    date_to: date | None,
    progress: ProgressFn | None,
    today: date | None,
) -> LedgerExportResult:
    report = progress or (lambda _d, _t, _s: None)
    today = today or date.today()
    period = period_for(session, year=year, date_from=date_from, date_to=date_to, today=today)
    profile = cooperative.get_profile(session, actor)
    coop = profile.name if profile else ""
    usd = reporting_currency(session)
    wb = new_workbook()
    try:
        summary = SheetWriter(
            wb,
            _("Summary"),
            [Column("", 34), Column("", 18), Column("", 18), Column("", 18), Column("", 12)],
            header=False,
            print_title=_("{coop} — Premium ledger — {label}", coop=coop, label=period.label()),
        )
        journal_sheet = SheetWriter(
            wb,
            _(JOURNAL),
            translated(JOURNAL_COLUMNS),
            print_title=_("{coop} — Premium journal", coop=coop),
        )
        count = _write_journal(session, journal_sheet, period, report)
        journal_sheet.close()
        last = max(journal_sheet.rows_written, 2)
        _write_contracts(session, actor, wb, coop, period, today)
        _write_compliance(session, actor, wb, coop, period, today)
        figures = _write_summary(summary, session, actor, coop, period, last, usd)
        summary.close()
        report(count, count, _("Saving…"))
        audit.stamp_workbook(session, wb)
        target = save_workbook(wb, path)
    except BaseException:
        discard_workbook(wb)
        raise
    return LedgerExportResult(target, period, count, *figures)


def _range(column: str, last: int) -> str:
    return f"{quote_sheet(_(JOURNAL))}!${column}$2:${column}${last}"


def _sumifs(last: int, *criteria: tuple[str, str]) -> str:
    parts = [_range("P", last)]
    for column, criterion in criteria:
        parts += [_range(column, last), criterion]
    return f"SUMIFS({','.join(parts)})"


def _q(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _write_journal(session: Session, sheet: SheetWriter, period: Period, report: ProgressFn) -> int:
    project_names = dict(session.execute(select(Project.id, Project.name)).tuples().all())
    # Running balances start from what the account held at the start of the period within
    # its fiscal year (the carry entry of the year included).
    balances: dict[tuple[int, str, int], Decimal] = defaultdict(lambda: ZERO)
    first_year = year_of(session, period.start)
    year_start = year_bounds(session, first_year)[0]
    if period.start > year_start:
        for account_id, currency, amount in session.execute(
            select(Posting.account_id, Posting.currency, Posting.amount).where(
                Posting.fiscal_year == first_year,
                Posting.entry_date >= year_start,
                Posting.entry_date < period.start,
            )
        ):
            balances[(account_id, currency, first_year)] += amount
    total = (
        session.scalar(
            select(func.count())
            .select_from(Posting)
            .where(Posting.entry_date >= period.start, Posting.entry_date <= period.end)
        )
        or 0
    )
    stmt = (
        select(
            Posting.entry_date,
            JournalEntry.fiscal_year,
            JournalEntry.number,
            JournalEntry.kind,
            JournalEntry.reference,
            JournalEntry.voucher,
            JournalEntry.description,
            JournalEntry.payee,
            JournalEntry.project_id,
            Account.id.label("account_id"),
            Account.code,
            Account.name,
            Account.role,
            Account.project_id.label("account_project_id"),
            Posting.currency,
            Posting.amount,
            Posting.rate,
            Posting.usd_value,
        )
        .join(JournalEntry, JournalEntry.id == Posting.entry_id)
        .join(Account, Account.id == Posting.account_id)
        .where(Posting.entry_date >= period.start, Posting.entry_date <= period.end)
        .order_by(Posting.entry_date, JournalEntry.fiscal_year, JournalEntry.number, Posting.line)
        .execution_options(yield_per=BATCH)
    )
    count = 0
    append = sheet.append
    label = ""
    last_entry = None
    for (
        entry_date,
        fiscal_year,
        number,
        kind,
        reference,
        voucher,
        description,
        payee,
        entry_project_id,
        account_id,
        code,
        name,
        role,
        account_project_id,
        currency,
        amount,
        rate,
        usd_value,
    ) in session.connection().execute(stmt).tuples():  # columns only: no ORM layer
        key = (account_id, currency, fiscal_year)
        balance = balances[key] = balances[key] + amount
        if (fiscal_year, number) != last_entry:  # an entry's postings come one after another
            last_entry = (fiscal_year, number)
            label = entry_number(fiscal_year, number)
        project_id = account_project_id or entry_project_id
        append(
            [
                entry_date,
                label,
                kind,
                reference,
                voucher,
                description,
                payee,
                code,
                name,
                role,
                project_names.get(project_id, "") if project_id else "",
                currency,
                amount if amount > 0 else None,
                -amount if amount < 0 else None,
                rate,
                usd_value,
                balance,
            ]
        )
        count += 1
        if count % BATCH == 0:
            report(count, total, _("Writing the journal…"))
    return count


def _write_summary(
    sheet: SheetWriter,
    session: Session,
    actor: Actor,
    coop: str,
    period: Period,
    last: int,
    usd: str,
) -> tuple[Decimal, Decimal, Decimal, Decimal | None, dict[str, Decimal]]:
    money = currency_format(usd)
    write_header(sheet, _("Fairtrade Premium ledger"), coop, period, actor)
    not_carry = ("C", _q("<>" + EntryKind.CARRY))
    fund = reports.fund_report(session, actor, period.year) if period.year is not None else None

    sheet.append_raw([_("The Premium fund (USD)"), _("Amount"), _("How it is computed")], font=BOLD)
    if fund is not None and not fund.provisional:
        opening_formula = Formula(
            f"=-{_sumifs(last, ('J', _q(AccountRole.PREMIUM_FUND)), ('C', _q(EntryKind.CARRY)))}"
            f"-{_sumifs(last, ('J', _q(AccountRole.OPENING)))}"
        )
        opening_note = _("carried from the previous year + opening balances (Journal)")
    elif fund is not None:
        opening_formula = Formula(
            f"={fund.opening}-{_sumifs(last, ('J', _q(AccountRole.OPENING)))}"
        )
        opening_note = _("previous year not closed: computed by coop-desk (provisional)")
    else:
        opening_formula = None
        opening_note = _("a date range: opening and closing are shown for whole fiscal years")
    rows: dict[str, int] = {}
    rows["opening"] = sheet.next_row
    money_line(sheet, _("Opening"), opening_formula, opening_note, money)
    rows["earned"] = sheet.next_row
    money_line(
        sheet,
        _("Premium earned (shipments)"),
        Formula(f"=-{_sumifs(last, ('J', _q(AccountRole.PREMIUM_INCOME)))}"),
        _("premium income postings"),
        money,
    )
    rows["received"] = sheet.next_row
    money_line(
        sheet,
        _("Premium received from buyers"),
        Formula(
            f"=B{rows['earned']}-{_sumifs(last, ('J', _q(AccountRole.RECEIVABLE)), not_carry)}"
        ),
        _("earned minus the change in receivables"),
        money,
    )
    rows["spent"] = sheet.next_row
    money_line(
        sheet,
        _("Spent on projects"),
        Formula(f"={_sumifs(last, ('J', _q(AccountRole.PROJECT_EXPENSE)))}"),
        _("project expense postings (bank charges under administration)"),
        money,
    )
    rows["exchange"] = sheet.next_row
    money_line(
        sheet,
        _("Exchange differences"),
        Formula(f"=-{_sumifs(last, ('J', _q(AccountRole.EXCHANGE)))}"),
        _("currency exchange account"),
        money,
    )
    rows["other"] = sheet.next_row
    money_line(
        sheet,
        _("Other entries to the fund"),
        Formula(f"=-{_sumifs(last, ('J', _q(AccountRole.PREMIUM_FUND)), not_carry)}"),
        _("manual entries to the Premium fund"),
        money,
    )
    rows["closing"] = sheet.next_row
    if opening_formula is not None:
        closing: Any = Formula(
            f"=B{rows['opening']}+B{rows['earned']}-B{rows['spent']}+B{rows['exchange']}"
            f"+B{rows['other']}"
        )
    else:
        closing = None
    money_line(
        sheet,
        _("Closing (carried over)"),
        closing,
        _("opening + earned − spent ± other"),
        money,
        bold=True,
    )
    sheet.blank()

    # Projects: approved budget (GA version in force) vs spent (formulas over the journal).
    budget_year = period.year if period.year is not None else year_of(session, period.end)
    budgets = plan.approved_budget(session, budget_year)
    projects = list(
        session.execute(
            select(Project.id, Project.name, Project.productivity_quality).order_by(Project.id)
        )
    )
    spent_by_project = {
        p.name: p.spent for p in reports.project_balances(session, actor, budget_year)
    }
    sheet.append_raw(
        [
            _(
                "Projects (USD; budget approved by the GA for {budget_year})",
                budget_year=budget_year,
            ),
            _("Approved budget"),
            "Spent",
            "Remaining",
            _("% used"),
        ],
        font=BOLD,
    )
    first_project = sheet.next_row
    project_spent: dict[str, Decimal] = {}
    quality_rows: list[int] = []
    for project_id, name, quality in projects:
        if project_id not in budgets and name not in spent_by_project:
            continue
        r = sheet.next_row
        spent_formula = Formula(
            f"={_sumifs(last, ('K', f'$A{r}'), ('J', _q(AccountRole.PROJECT_EXPENSE)))}"
        )
        sheet.ws.append(
            [
                cell(sheet, name),
                cell(sheet, budgets.get(project_id), money),
                cell(sheet, spent_formula, money),
                cell(sheet, Formula(f"=B{r}-C{r}"), money),
                cell(sheet, Formula(f'=IF(N(B{r})>0,C{r}/B{r},"")'), "0.0%"),
            ]
        )
        sheet.rows_written += 1
        if quality:
            quality_rows.append(r)
        project_spent[name] = spent_by_project.get(name, ZERO)
    last_project = sheet.next_row - 1
    if last_project >= first_project:
        sheet.ws.append(
            [
                cell(sheet, _("Total"), font=BOLD),
                cell(sheet, Formula(f"=SUM(B{first_project}:B{last_project})"), money, font=BOLD),
                cell(sheet, Formula(f"=SUM(C{first_project}:C{last_project})"), money, font=BOLD),
                cell(sheet, Formula(f"=SUM(D{first_project}:D{last_project})"), money, font=BOLD),
            ]
        )
        sheet.rows_written += 1
    sheet.blank()
    # DOMAIN.md: at least 25% of the Premium goes to productivity and/or quality.
    sheet.append_raw([_("Productivity / quality share (at least 25%)")], font=BOLD)
    q_spent_row = sheet.next_row
    quality_sum = "+".join(f"C{r}" for r in quality_rows) or "0"
    money_line(sheet, _("Spent on productivity / quality"), Formula(f"={quality_sum}"), "", money)
    q_required_row = sheet.next_row
    money_line(
        sheet,
        _("Required (25% of the premium received)"),
        Formula("=" + quality_share_formula(f"B{rows['received']}")),
        "",
        money,
    )
    yes, no = _q(_("yes")), _q(_("no"))
    sheet.append_raw([_("Met"), Formula(f"=IF(B{q_spent_row}>=B{q_required_row},{yes},{no})")])
    if fund is not None:
        return fund.earned, fund.received, fund.spent, fund.closing, project_spent
    earned = received = spent = ZERO
    return earned, received, spent, None, project_spent


def cell(sheet: SheetWriter, value: Any, fmt: str | None = None, *, font: Any = None) -> Any:
    """A formatted cell for ``sheet.ws.append`` (``None`` stays an empty cell)."""
    if value is None:
        return None
    return make_cell(sheet.ws, value, fmt, font=font)


def money_line(
    sheet: SheetWriter, label: str, value: Any, note: str, money: str, *, bold: bool = False
) -> None:
    font = BOLD if bold else None
    sheet.ws.append(
        [
            cell(sheet, label, font=font),
            cell(sheet, value, money, font=font),
            cell(sheet, note) if note else None,
        ]
    )
    sheet.rows_written += 1


def _write_contracts(
    session: Session, actor: Actor, wb: Any, coop: str, period: Period, today: date
) -> SheetWriter:
    usd = reporting_currency(session)
    sheet = SheetWriter(
        wb,
        _("Contracts"),
        [
            Column(_("Contract"), 16),
            Column(_("Buyer"), 26),
            Column(_("Signed"), kind="date"),
            Column(_("Scheme"), 12),
            Column(_("Shipped"), kind="date"),
            Column(_("Premium due"), kind="money", currency=usd),
            Column(_("Received"), kind="money", currency=usd),
            Column(_("Outstanding"), kind="money", currency=usd),
            Column(_("Days since shipment"), 10, kind="int"),
            Column(_("Overdue"), 9),
        ],
        print_title=_("{coop} — premium due vs received", coop=coop),
    )
    rows = [
        r
        for r in reports.contract_dues(session, actor, today=today)
        if period.start <= (r.shipment_date or r.signing_date) <= period.end
    ]
    for r in rows:
        n = sheet.next_row
        sheet.append(
            [
                r.number,
                r.buyer_name,
                r.signing_date,
                r.scheme,
                r.shipment_date,
                r.premium_due,
                r.received,
                Formula(f"=F{n}-G{n}"),
                r.days_since_shipment,
                _("yes") if r.overdue else _("no"),
            ]
        )
    if rows:
        first, last = 2, sheet.next_row - 1
        sheet.append(
            [
                _("Total"),
                None,
                None,
                None,
                None,
                Formula(f"=SUM(F{first}:F{last})"),
                Formula(f"=SUM(G{first}:G{last})"),
                Formula(f"=SUM(H{first}:H{last})"),
            ],
            font=BOLD,
        )
    sheet.close()
    return sheet


def _write_compliance(
    session: Session, actor: Actor, wb: Any, coop: str, period: Period, today: date
) -> None:
    """Each ledger check with its result for the period, then every finding."""
    from coop_desk.services.verify import CHECKS, Finding, Severity, load_checks

    load_checks()
    sheet = SheetWriter(
        wb,
        _("Compliance"),
        [
            Column(_("Check"), 28),
            Column(_("Result"), 90),
            Column(_("Record"), 22),
            Column(_("Severity"), 10),
        ],
        print_title=_("{coop} — compliance checks", coop=coop),
    )
    years = set(range(year_of(session, period.start), year_of(session, period.end) + 1))
    entry_ids = {
        f"journal_entry {i}"
        for i in session.scalars(
            select(JournalEntry.id).where(JournalEntry.fiscal_year.in_(sorted(years)))
        )
    }

    def concerns_period(f: Finding) -> bool:
        return f.record in entry_ids or any(str(y) in f.message for y in years)

    all_findings: list[Finding] = []
    ledger_checks = {id(check): check for check in checks.LEDGER_CHECKS}
    for name, registered in CHECKS:
        check = ledger_checks.get(id(registered))
        if check is None:
            continue
        try:
            # The check looks at the period's years only (verify runs it over all of them).
            found = [f for f in check(session, today, years=years) if concerns_period(f)]
        except Exception as exc:  # noqa: BLE001 - a crashing check is itself a result
            found = [Finding(Severity.ERROR, name, _("the check could not run: {exc}", exc=exc))]
        errors = sum(1 for f in found if f.severity == Severity.ERROR)
        warnings = len(found) - errors
        result = (
            _("passed")
            if not found
            else _("{errors} error(s), {warnings} warning(s)", errors=errors, warnings=warnings)
        )
        sheet.append([name, result, "", "error" if errors else "warning" if warnings else "ok"])
        all_findings.extend(found)
    sheet.blank()
    sheet.append_raw(["Findings", "", "", ""], font=BOLD)
    for f in sorted(all_findings, key=lambda f: (f.severity != Severity.ERROR, f.check)):
        sheet.append([f.check, f.message, f.record, str(f.severity)])
    if not all_findings:
        sheet.append(["", _("No findings for the period."), "", _("ok")])
    sheet.close()
