"""The books' vocabulary and calendar, shared by every ledger service and both front ends.

- Vocabulary: account roles (:class:`AccountRole`), entry kinds (:class:`EntryKind`) with their
  labels, which account kinds carry their balances into the next year, and how an entry is
  named ("2025-0001", :func:`entry_number`).
- The cooperative's calendar and currencies as stored in its profile: the fiscal year's first
  month, the fiscal year of a day and its bounds (the rules are ``domain.premium``'s), the
  reporting (USD) and local (PEN) currencies, and the years that are closed.
- :func:`like_words`: text search in SQL, one escaped LIKE pattern per folded word.

A public module: the GUI, the CLI and other services import it; it imports only ``domain``
and ``models``, so every ledger module can use it without an import cycle.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain.premium import fiscal_year_bounds, fiscal_year_of
from coop_desk.domain.text import fold
from coop_desk.i18n import N_
from coop_desk.models import Cooperative, FiscalYearEvent


class AccountRole(StrEnum):
    BANK = "bank"
    CASH = "cash"
    RECEIVABLE = "receivable"
    PREMIUM_INCOME = "premium_income"
    PREMIUM_FUND = "premium_fund"
    PROJECT_EXPENSE = "project_expense"
    EXCHANGE = "exchange"
    OPENING = "opening"


class EntryKind(StrEnum):
    MANUAL = "manual"
    SHIPMENT = "shipment"
    RECEIPT = "receipt"
    PAYMENT = "payment"
    TRANSFER = "transfer"
    EXCHANGE = "exchange"
    OPENING = "opening"
    CARRY = "carry"
    REVERSAL = "reversal"


ENTRY_KIND_LABELS = {
    EntryKind.MANUAL: N_("Manual entry"),
    EntryKind.SHIPMENT: N_("Shipment (premium earned)"),
    EntryKind.RECEIPT: N_("Premium received"),
    EntryKind.PAYMENT: N_("Project payment"),
    EntryKind.TRANSFER: N_("Transfer"),
    EntryKind.EXCHANGE: N_("Currency exchange"),
    EntryKind.OPENING: N_("Opening balance"),
    EntryKind.CARRY: N_("Balances carried from the previous year"),
    EntryKind.REVERSAL: N_("Reversal"),
}

# Balance-sheet accounts carry their own balances into the next year; every other account
# (income, expense, equity) is folded into the Premium fund at year close.
CARRIED_KINDS = ("asset", "liability")


def start_month(session: Session) -> int:
    value = session.scalar(select(Cooperative.fiscal_year_start_month).where(Cooperative.id == 1))
    return int(value or 1)


def reporting_currency(session: Session) -> str:
    value = session.scalar(select(Cooperative.reporting_currency).where(Cooperative.id == 1))
    return value or "USD"


def local_currency(session: Session) -> str:
    value = session.scalar(select(Cooperative.local_currency).where(Cooperative.id == 1))
    return value or "PEN"


def year_of(session: Session, day: date) -> int:
    return fiscal_year_of(day, start_month(session))


def year_bounds(session: Session, year: int) -> tuple[date, date]:
    return fiscal_year_bounds(year, start_month(session))


def closed_years(session: Session) -> set[int]:
    """Years whose latest close/reopen event is a close."""
    last: dict[int, str] = {}
    for year, action in session.execute(
        select(FiscalYearEvent.year, FiscalYearEvent.action).order_by(FiscalYearEvent.id)
    ):
        last[year] = action
    return {year for year, action in last.items() if action == "close"}


def entry_number(year: int, number: int) -> str:
    """How people and auditors name an entry: "2025-0001"."""
    return f"{year}-{number:04d}"


def like_words(text: str) -> list[str]:
    """LIKE patterns, one per folded word, with wildcards escaped (escape char '\\')."""
    patterns = []
    for word in fold(text).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        patterns.append(f"%{escaped}%")
    return patterns
