"""Read helpers for the Premium section of the GUI: small combinations of the other ledger
services' rows, so a page loads what it shows in one call (one session) and its item models
never query. Read-only; nothing here changes the books."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger import fiscal, reports
from coop_desk.services.ledger.books import (
    local_currency,
    reporting_currency,
    year_bounds,
    year_of,
)
from coop_desk.services.ledger.contracts import ContractFilter, ContractRow, list_contracts

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class LedgerInfo:
    """What the Premium section needs to know before it shows anything."""

    reporting_currency: str  # "USD"
    local_currency: str  # "PEN"
    current_year: int  # the fiscal year ``today`` falls in
    years: tuple[fiscal.FiscalYearRow, ...]

    def is_closed(self, year: int) -> bool:
        return any(y.year == year and y.closed for y in self.years)


def ledger_info(session: Session, actor: Actor, today: date | None = None) -> LedgerInfo:
    require(actor, Permission.READ)
    today = today or date.today()
    current = year_of(session, today)
    years = fiscal.list_fiscal_years(session, actor, today)
    if all(y.year != current + 1 for y in years):
        # The next year is offered too: its plan is approved before it starts.
        start, end = year_bounds(session, current + 1)
        years.append(fiscal.FiscalYearRow(current + 1, start, end, False, 0, False, ()))
    return LedgerInfo(
        reporting_currency(session),
        local_currency(session),
        current,
        tuple(years),
    )


@dataclass(frozen=True)
class ContractOverviewRow:
    """A contract with its premium figures and what the buyer has paid against it (USD)."""

    contract: ContractRow
    received: Decimal
    outstanding: Decimal
    overdue: bool

    @property
    def id(self) -> int:
        return self.contract.id


def contract_overview(
    session: Session,
    actor: Actor,
    flt: ContractFilter | None = None,
    *,
    year: int | None = None,
    today: date | None = None,
) -> list[ContractOverviewRow]:
    """Every contract ``flt`` selects, with received and outstanding premium; with ``year``
    only the fiscal year's contracts (shipped in it, or signed in it if not shipped: the rule
    of ``reports.contract_dues``)."""
    require(actor, Permission.READ)
    dues = {d.contract_id: d for d in reports.contract_dues(session, actor, year=year, today=today)}
    rows = []
    for c in list_contracts(session, actor, flt):
        if year is not None and c.id not in dues:
            continue
        due = dues.get(c.id)
        received = due.received if due is not None else ZERO
        rows.append(
            ContractOverviewRow(
                c,
                received,
                c.premium_due - received,
                bool(due is not None and due.overdue),
            )
        )
    return rows
