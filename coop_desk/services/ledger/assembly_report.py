"""The General Assembly's annual report on the use of the Fairtrade Premium (xlsx).

For the General Assembly and the auditors (DOMAIN.md "How the Premium is governed"): the
Premium fund over the year, premium received per contract, spending per project against the
budget the GA approved, the 25% productivity/quality share, the balance carried over and the
GA approvals of the plan, and the participation of women (``services.ledger.gender``: among the
members, at the Assembly, in the organic group and among those inspected; the women's
programme's budget and spending).

Model. The figures come from ``reports.ga_summary`` (the same rows the Project balances tab
and ``coop-desk ledger summary`` show); totals, remainders and the 25% check are formulas over
them, with the rule and its rounding from ``domain.premium``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from coop_desk import i18n
from coop_desk.domain.premium import quality_share_formula
from coop_desk.exchange.values import tidy
from coop_desk.exchange.xlsx import (
    BOLD,
    Column,
    Formula,
    SheetWriter,
    currency_format,
    discard_workbook,
    display_width,
    money_text,
    new_workbook,
    save_workbook,
)
from coop_desk.i18n import _, ngettext
from coop_desk.services import audit, cooperative
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger import plan, reports
from coop_desk.services.ledger.gender import GenderReport, gender_report
from coop_desk.services.ledger.workbook import cell, period_for, write_header


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True)
class PremiumReportResult:
    path: Path
    year: int
    received: Decimal
    spent: Decimal
    carried_over: Decimal
    quality_spent: Decimal


def export_premium_report(
    session: Session,
    actor: Actor,
    path: str | Path,
    year: int,
    *,
    local_rate: Decimal | None = None,
    today: date | None = None,
    language: str | None = None,
) -> PremiumReportResult:
    """The year's premium-use report (xlsx) for the GA and auditors, in ``language``
    (default: the cooperative's)."""
    require(actor, Permission.EXPORT)
    with i18n.use_language(language or cooperative.cooperative_language(session)):
        return _export(session, actor, path, year, local_rate, today)


def report_file_name(session: Session, year: int) -> str:
    """The name the report is offered under, in the cooperative's language."""
    with i18n.use_language(cooperative.cooperative_language(session)):
        return _("premium-use-{year}.xlsx", year=year)


def _export(
    session: Session,
    actor: Actor,
    path: str | Path,
    year: int,
    local_rate: Decimal | None,
    today: date | None,
) -> PremiumReportResult:
    today = today or date.today()
    summary = reports.ga_summary(session, actor, year, local_rate=local_rate)
    profile = cooperative.get_profile(session, actor)
    coop = profile.name if profile else ""
    period = period_for(session, year=year)
    dues = reports.contract_dues(session, actor, year=year, today=today)
    approvals = plan.list_approvals(session, actor, year)
    widths = _column_widths(summary, dues, approvals)
    wb = new_workbook()
    try:
        sheet = SheetWriter(
            wb,
            _("Premium use"),
            [Column("", 40), *(Column("", width) for width in widths)],
            header=False,
            print_title=_("{coop} — Fairtrade Premium use {year}", coop=coop, year=year),
        )
        write_header(
            sheet,
            _("Fairtrade Premium: use of the Premium in {year}", year=year),
            coop,
            period,
            actor,
        )
        received_row = _write_fund(sheet, summary)
        _write_contracts(sheet, summary, dues)
        _write_projects_and_share(sheet, summary, received_row)
        _write_approvals(sheet, summary, approvals)
        _write_gender(sheet, gender_report(session, actor, year, today=today))
        sheet.close()
        audit.stamp_workbook(session, wb)
        target = save_workbook(wb, path)
    except BaseException:
        discard_workbook(wb)
        raise
    return PremiumReportResult(
        target, year, summary.received, summary.spent, summary.carried_over, summary.quality_spent
    )


def _column_widths(
    summary: reports.GASummary,
    dues: list[reports.ContractDueRow],
    approvals: list[plan.ApprovalRow],
) -> list[float]:
    """Widths of columns B.. that show every amount (totals in bold included) and every
    header whole, in any reader: a number that does not fit prints as "###"."""
    usd, local = summary.reporting_currency, summary.local_currency
    lines = summary.lines
    other = any(line.paid_other for line in lines)

    def total(values: list[Decimal]) -> list[Decimal]:
        return [*values, sum(values, Decimal(0))]

    def money(values: list[Decimal], currency: str) -> list[str]:
        return [money_text(v, currency) for v in values]

    fund = [
        summary.opening,
        summary.received,
        summary.spent,
        summary.carried_over,
        summary.receivable,
    ]
    columns: list[tuple[list[str], list[str]]] = [  # (bold headers and totals, plain texts)
        (
            # The headers in the language the report is written in (as _write_* write them).
            [
                _("{usd} value", usd=usd),
                _("Premium due"),
                _("Approved budget ({usd})", usd=usd),
                _("Date"),
            ]
            + money([sum((d.premium_due for d in dues), Decimal(0))], usd)
            + money([sum((line.approved or Decimal(0) for line in lines), Decimal(0))], usd),
            money(fund, usd)
            + money([d.premium_due for d in dues], usd)
            + money([line.approved or Decimal(0) for line in lines], usd)
            + money([summary.quality.required, summary.quality.spent], usd),
        ),
        (
            [_("Received"), _("Spent ({usd} value)", usd=usd), _("Minutes")]
            + money(total([d.received for d in dues])[-1:], usd)
            + money(total([line.spent for line in lines])[-1:], usd),
            money([summary.local(v) or Decimal(0) for v in fund], local)
            + money([d.received for d in dues], usd)
            + money([line.spent for line in lines], usd)
            + [a.minutes_number for a in approvals],
        ),
        (
            [_("Outstanding"), _("Remaining ({usd})", usd=usd), _("Present")]
            + money(total([d.outstanding for d in dues])[-1:], usd)
            + money(total([line.remaining for line in lines])[-1:], usd),
            money([d.outstanding for d in dues] + [line.remaining for line in lines], usd),
        ),
        (
            [_("Paid in {usd}", usd=usd), _("Women")]
            + money(total([x.paid_usd for x in lines])[-1:], usd),
            money([line.paid_usd for line in lines], usd),
        ),
        (
            [_("Paid in {local}", local=local), _("Votes for")]
            + money(total([x.paid_local for x in lines])[-1:], local),
            money([line.paid_local for line in lines], local),
        ),
        (
            [_("Paid in other currencies") if other else _("Quality"), _("Budget")],
            money([a.total for a in approvals], usd) + [x.paid_other_text() for x in lines],
        ),
        ([_("Quality")], []),
    ]
    return [
        max(
            10.0,
            *(display_width(t, bold=True) for t in bold),
            *(display_width(t) for t in plain),
        )
        for bold, plain in columns
    ]


def _write_fund(sheet: SheetWriter, summary: reports.GASummary) -> int:
    """The fund in USD value, and the same converted at one stated rate (labelled as such).
    Returns the row of the premium received."""
    usd, local, rate = summary.reporting_currency, summary.local_currency, summary.local_rate
    usd_fmt, local_fmt = currency_format(usd), currency_format(local)
    converted = (
        _("{local}, converted at {tidy} {local} per {usd}", local=local, tidy=tidy(rate), usd=usd)
        if rate
        else _("{local}: no rate recorded, not converted", local=local)
    )
    sheet.append_raw(
        [
            _("Exchange rate for the converted {local} column", local=local),
            _("{tidy} {local} per {usd}", tidy=tidy(rate), local=local, usd=usd)
            if rate
            else _("none recorded"),
        ]
    )
    rate_row = sheet.next_row
    sheet.ws.append(
        [
            cell(sheet, _("{local} per {usd}", local=local, usd=usd)),
            cell(sheet, rate or None, "0.0000"),
        ]
    )
    sheet.rows_written += 1
    sheet.append_raw(
        [
            _(
                "The fund is kept in {usd} value (each payment at the rate recorded on it); the {local} column converts it at one rate for reference. Projects show what was paid, in each currency.",
                usd=usd,
                local=local,
            )
        ]
    )
    sheet.blank()
    sheet.append_raw([_("The Premium fund"), _("{usd} value", usd=usd), converted], font=BOLD)
    received_row = 0
    for key, label, value in (
        ("opening", _("Balance at the start of the year"), summary.opening),
        ("received", _("Premium received"), summary.received),
        ("spent", _("Premium spent on projects"), summary.spent),
        ("carried", _("Balance carried over"), summary.carried_over),
        ("receivable", _("Premium earned, not yet received"), summary.receivable),
    ):
        r = sheet.next_row
        if key == "received":
            received_row = r
        pen = Formula(f'=IF(N($B${rate_row})>0,ROUND(B{r}*$B${rate_row},2),"")')
        sheet.ws.append(
            [cell(sheet, label), cell(sheet, value, usd_fmt), cell(sheet, pen, local_fmt)]
        )
        sheet.rows_written += 1
    sheet.blank()
    return received_row


def _write_contracts(
    sheet: SheetWriter, summary: reports.GASummary, dues: list[reports.ContractDueRow]
) -> None:
    usd_fmt = currency_format(summary.reporting_currency)
    sheet.append_raw(
        [_("Premium received per contract"), _("Premium due"), _("Received"), _("Outstanding")],
        font=BOLD,
    )
    first = sheet.next_row
    for c in dues:
        r = sheet.next_row
        sheet.ws.append(
            [
                cell(sheet, f"{c.number} — {c.buyer_name}"),
                cell(sheet, c.premium_due, usd_fmt),
                cell(sheet, c.received, usd_fmt),
                cell(sheet, Formula(f"=B{r}-C{r}"), usd_fmt),
            ]
        )
        sheet.rows_written += 1
    if sheet.next_row > first:
        last = sheet.next_row - 1
        sheet.ws.append(
            [cell(sheet, "Total", font=BOLD)]
            + [
                cell(sheet, Formula(f"=SUM({c}{first}:{c}{last})"), usd_fmt, font=BOLD)
                for c in "BCD"
            ]
        )
        sheet.rows_written += 1
    sheet.blank()


def _write_projects_and_share(
    sheet: SheetWriter, summary: reports.GASummary, received_row: int
) -> None:
    """Per project: budget, spent (USD value), remaining, and what was paid in each currency,
    as the Project balances tab shows it; then the 25% productivity/quality share."""
    usd, local = summary.reporting_currency, summary.local_currency
    usd_fmt, local_fmt = currency_format(usd), currency_format(local)
    other = any(line.paid_other for line in summary.lines)
    header = [
        _("Spent per project"),
        _("Approved budget ({usd})", usd=usd),
        _("Spent ({usd} value)", usd=usd),
        _("Remaining ({usd})", usd=usd),
        _("Paid in {usd}", usd=usd),
        _("Paid in {local}", local=local),
        *([_("Paid in other currencies")] if other else []),
        _("Quality"),
    ]
    quality_column = chr(ord("A") + len(header) - 1)  # the last column
    sheet.append_raw(header, font=BOLD)
    first = sheet.next_row
    for line in summary.lines:
        r = sheet.next_row
        sheet.ws.append(
            [
                cell(sheet, line.name),
                cell(sheet, line.approved, usd_fmt),
                cell(sheet, line.spent, usd_fmt),
                cell(sheet, Formula(f"=N(B{r})-C{r}"), usd_fmt),
                cell(sheet, line.paid_usd, usd_fmt),
                cell(sheet, line.paid_local, local_fmt),
                *([cell(sheet, line.paid_other_text())] if other else []),
                cell(sheet, _("yes") if line.productivity_quality else _("no")),
            ]
        )
        sheet.rows_written += 1
    last = sheet.next_row - 1
    if last >= first:
        sheet.ws.append(
            [cell(sheet, "Total", font=BOLD)]
            + [
                cell(sheet, Formula(f"=SUM({c}{first}:{c}{last})"), fmt, font=BOLD)
                for c, fmt in (
                    ("B", usd_fmt),
                    ("C", usd_fmt),
                    ("D", usd_fmt),
                    ("E", usd_fmt),
                    ("F", local_fmt),
                )
            ]
        )
        sheet.rows_written += 1
    sheet.append_raw(
        [
            _(
                "Paid: the amounts as paid, in each currency. Spent ({usd} value): each payment at the rate recorded on it.",
                usd=usd,
            )
        ]
    )
    sheet.blank()

    share = summary.quality
    sheet.append_raw(
        [
            _(
                "Productivity / quality share (at least {share} of the Premium)",
                share=format(share.share, ".0%"),
            )
        ],
        font=BOLD,
    )
    q = sheet.next_row
    end = max(last, first)
    sheet.ws.append(
        [
            cell(sheet, _("Spent on productivity / quality")),
            cell(
                sheet,
                Formula(
                    f"=SUMIFS(C{first}:C{end},{quality_column}{first}:{quality_column}{end},"
                    f"{_quoted(_('yes'))})"
                ),
                usd_fmt,
            ),
        ]
    )
    sheet.rows_written += 1
    sheet.ws.append(
        [
            cell(
                sheet,
                _("Required: {share} of the premium received", share=format(share.share, ".0%")),
            ),
            cell(sheet, Formula("=" + quality_share_formula(f"B{received_row}")), usd_fmt),
        ]
    )
    sheet.rows_written += 1
    sheet.ws.append(
        [
            cell(sheet, _("Share of the premium received")),
            cell(
                sheet,
                Formula(f'=IF(B{received_row}>0,B{q}/B{received_row},"")'),
                "0.0%",
            ),
        ]
    )
    sheet.rows_written += 1
    sheet.append_raw(
        [_("Met"), Formula(f"=IF(B{q}>=B{q + 1},{_quoted(_('yes'))},{_quoted(_('no'))})")]
    )
    sheet.blank()


def _write_approvals(
    sheet: SheetWriter, summary: reports.GASummary, approvals: list[plan.ApprovalRow]
) -> None:
    usd_fmt = currency_format(summary.reporting_currency)
    sheet.append_raw(
        [
            _("General Assembly approvals of the plan"),
            _("Date"),
            _("Minutes"),
            _("Present"),
            _("Women"),
            _("Votes for"),
            _("Budget"),
        ],
        font=BOLD,
    )
    for a in approvals:
        sheet.ws.append(
            [
                cell(
                    sheet,
                    _("Version {version}", version=a.version)
                    + (_(" (in force)") if a.current else ""),
                ),
                cell(sheet, a.approval_date),
                cell(sheet, a.minutes_number),
                cell(sheet, a.members_present),
                cell(sheet, a.women_present),
                cell(sheet, a.votes_for),
                cell(sheet, a.total, usd_fmt),
            ]
        )
        sheet.rows_written += 1


def _write_gender(sheet: SheetWriter, g: GenderReport) -> None:
    """The participation of women; each share is a formula over the two counts beside it."""
    sheet.blank()
    sheet.append_raw(
        [_("Participation of women"), _("Women"), _("Total"), _("Share of women")], font=BOLD
    )
    for label, share in (
        (_("Active members (on {on})", on=g.on), g.members),
        (
            ngettext(
                "General Assembly attendance ({n} meeting)",
                "General Assembly attendance ({n} meetings)",
                len(g.meetings),
            ),
            g.assembly,
        ),
        (_("Members of the organic group (ICS)"), g.group),
        (_("Inspected internally in {year}", year=g.on.year), g.inspected),
    ):
        r = sheet.next_row
        sheet.ws.append(
            [
                cell(sheet, label),
                cell(sheet, share.women),
                cell(sheet, share.total),
                cell(sheet, Formula(f'=IF(C{r}>0,B{r}/C{r},"")'), "0.0%"),
            ]
        )
        sheet.rows_written += 1
    if not g.programme_name:
        return
    usd_fmt = currency_format("USD")
    name = g.programme_name
    sheet.blank()
    sheet.ws.append(
        [
            cell(sheet, _("Approved budget of {name}", name=name)),
            cell(sheet, g.programme_budget, usd_fmt),
        ]
    )
    sheet.rows_written += 1
    spent_row = sheet.next_row
    sheet.ws.append(
        [
            cell(sheet, _("Spent on {name} in {year}", name=name, year=g.year)),
            cell(sheet, g.programme_spent, usd_fmt),
        ]
    )
    sheet.rows_written += 1
    total_row = sheet.next_row
    sheet.ws.append(
        [
            cell(sheet, _("All the Premium spent on projects")),
            cell(sheet, g.premium_spent, usd_fmt),
        ]
    )
    sheet.rows_written += 1
    sheet.ws.append(
        [
            cell(sheet, _("Share spent on {name}", name=name)),
            cell(sheet, Formula(f'=IF(B{total_row}>0,B{spent_row}/B{total_row},"")'), "0.0%"),
        ]
    )
    sheet.rows_written += 1
