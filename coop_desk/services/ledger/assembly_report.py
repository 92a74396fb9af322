"""The General Assembly's annual report on the use of the Fairtrade Premium (xlsx).

For the General Assembly and the auditors (DOMAIN.md "How the Premium is governed"): the
Premium fund over the year, premium received per contract, spending per project against the
budget the GA approved, the 25% productivity/quality share, the balance carried over and the
GA approvals of the plan.

Model. The figures come from ``reports.ga_summary`` (the same rows the Project balances tab
and ``coop-desk ledger summary`` show); totals, remainders and the 25% check are formulas over
them, with the rule and its rounding from ``domain.premium``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from coop_desk.domain.premium import QUALITY_SHARE
from coop_desk.exchange.values import tidy
from coop_desk.exchange.xlsx import (
    BOLD,
    Column,
    Formula,
    SheetWriter,
    currency_format,
    discard_workbook,
    new_workbook,
    save_workbook,
)
from coop_desk.services import cooperative
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger import plan, reports
from coop_desk.services.ledger.workbook import cell, period_for, write_header


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
) -> PremiumReportResult:
    """The year's premium-use report (xlsx) for the GA and auditors."""
    require(actor, Permission.EXPORT)
    today = today or date.today()
    summary = reports.ga_summary(session, actor, year, local_rate=local_rate)
    profile = cooperative.get_profile(session, actor)
    coop = profile.name if profile else ""
    usd, local = summary.reporting_currency, summary.local_currency
    period = period_for(session, year=year)
    rate = summary.local_rate
    wb = new_workbook()
    try:
        sheet = SheetWriter(
            wb,
            "Premium use",
            [
                Column("", 40),
                Column("", 18),
                Column("", 18),
                Column("", 18),
                Column("", 18),
                Column("", 14),
            ],
            header=False,
            print_title=f"{coop} — Fairtrade Premium use {year}",
        )
        write_header(sheet, f"Fairtrade Premium: use of the Premium in {year}", coop, period, actor)
        usd_fmt, local_fmt = currency_format(usd), currency_format(local)
        sheet.append_raw(
            [
                f"Exchange rate used for {local}",
                f"{tidy(rate)} {local} per {usd}" if rate else "none recorded",
            ]
        )
        rate_row = sheet.next_row
        sheet.ws.append([cell(sheet, f"{local} per {usd}"), cell(sheet, rate or None, "0.0000")])
        sheet.rows_written += 1
        sheet.blank()

        def pen(row: int, column: str = "B") -> Any:
            return Formula(f'=IF(N($B${rate_row})>0,ROUND({column}{row}*$B${rate_row},2),"")')

        sheet.append_raw(["The Premium fund", usd, local], font=BOLD)
        fund_rows = {}
        for key, label, value in (
            ("opening", "Balance at the start of the year", summary.opening),
            ("received", "Premium received", summary.received),
            ("spent", "Premium spent on projects", summary.spent),
            ("carried", "Balance carried over", summary.carried_over),
            ("receivable", "Premium earned, not yet received", summary.receivable),
        ):
            r = sheet.next_row
            fund_rows[key] = r
            sheet.ws.append(
                [cell(sheet, label), cell(sheet, value, usd_fmt), cell(sheet, pen(r), local_fmt)]
            )
            sheet.rows_written += 1
        sheet.blank()

        sheet.append_raw(
            ["Premium received per contract", "Premium due", "Received", "Outstanding"], font=BOLD
        )
        first = sheet.next_row
        for c in reports.contract_dues(session, actor, year=year, today=today):
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

        sheet.append_raw(
            [
                "Spent per project",
                "Approved budget",
                "Spent",
                "Remaining",
                f"Spent ({local})",
                "Quality",
            ],
            font=BOLD,
        )
        first = sheet.next_row
        for line in summary.lines:
            r = sheet.next_row
            sheet.ws.append(
                [
                    cell(sheet, line.name),
                    cell(sheet, line.approved, usd_fmt),
                    cell(sheet, line.spent, usd_fmt),
                    cell(sheet, Formula(f"=N(B{r})-C{r}"), usd_fmt),
                    cell(sheet, pen(r, "C"), local_fmt),
                    cell(sheet, "yes" if line.productivity_quality else "no"),
                ]
            )
            sheet.rows_written += 1
        last = sheet.next_row - 1
        if last >= first:
            sheet.ws.append(
                [cell(sheet, "Total", font=BOLD)]
                + [
                    cell(sheet, Formula(f"=SUM({c}{first}:{c}{last})"), fmt, font=BOLD)
                    for c, fmt in (("B", usd_fmt), ("C", usd_fmt), ("D", usd_fmt), ("E", local_fmt))
                ]
            )
            sheet.rows_written += 1
        sheet.blank()
        sheet.append_raw(["Productivity / quality share (at least 25% of the Premium)"], font=BOLD)
        q = sheet.next_row
        sheet.ws.append(
            [
                cell(sheet, "Spent on productivity / quality"),
                cell(
                    sheet,
                    Formula(
                        f'=SUMIFS(C{first}:C{max(last, first)},F{first}:F{max(last, first)},"yes")'
                    ),
                    usd_fmt,
                ),
            ]
        )
        sheet.rows_written += 1
        sheet.ws.append(
            [
                cell(sheet, "Required: 25% of the premium received"),
                cell(
                    sheet, Formula(f"=ROUND(B{fund_rows['received']}*{QUALITY_SHARE},2)"), usd_fmt
                ),
            ]
        )
        sheet.rows_written += 1
        sheet.ws.append(
            [
                cell(sheet, "Share of the premium received"),
                cell(
                    sheet,
                    Formula(f'=IF(B{fund_rows["received"]}>0,B{q}/B{fund_rows["received"]},"")'),
                    "0.0%",
                ),
            ]
        )
        sheet.rows_written += 1
        sheet.append_raw(["Met", Formula(f'=IF(B{q}>=B{q + 1},"yes","no")')])
        sheet.blank()

        sheet.append_raw(
            [
                "General Assembly approvals of the plan",
                "Date",
                "Minutes",
                "Present",
                "Women",
                "Votes for",
                "Budget",
            ],
            font=BOLD,
        )
        for a in plan.list_approvals(session, actor, year):
            sheet.ws.append(
                [
                    cell(sheet, f"Version {a.version}" + (" (in force)" if a.current else "")),
                    cell(sheet, a.approval_date),
                    cell(sheet, a.minutes_number),
                    cell(sheet, a.members_present),
                    cell(sheet, a.women_present),
                    cell(sheet, a.votes_for),
                    cell(sheet, a.total, usd_fmt),
                ]
            )
            sheet.rows_written += 1
        sheet.close()
        target = save_workbook(wb, path)
    except BaseException:
        discard_workbook(wb)
        raise
    return PremiumReportResult(
        target, year, summary.received, summary.spent, summary.carried_over, summary.quality_spent
    )
