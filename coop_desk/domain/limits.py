"""What may be stored: the one table of limits that every path checks (issue 11).

One accepted value can break the books for good (an entry dated year 1 or 9999 that no report
can place, an amount whose sum overflows the database's integers, a surname of 52 million
characters), and entries are never deleted. So every value is held to the limits below before
it is written, on every path:

- the domain's and the services' validation (GUI forms, the command line, imports) report a
  value beyond a limit as a :class:`~coop_desk.domain.problems.Problem` naming the field, with
  the row and column when it came from a file;
- the last guard (``services/limit_guard.py``, installed by ``Database`` on its sessions)
  refuses any flush that would write one anyway, so no path can skip the check;
- ``verify`` names stored rows beyond a limit (written by an older version or outside the
  program) as integrity errors, and reports and year close work around them instead of
  failing.

The limits and why:

- **Dates**: 1900-01-01 to 2199-12-31. Birth dates of living members, joining dates, contracts,
  certificates and fiscal years all fall far inside; the range is what Excel shows as dates
  (from 1900), four-digit years in entry numbers ("2025-0001"), and a typo such as 0001 or
  9999 is refused instead of posted.
- **Fiscal years** (the books): 1900 to 2198, so that a year's first and last day, and the
  first day of the next year (where its close carries the balances), are dates in the range.
- **Amounts** (money, any currency): at most 9,999,999,999.99 either way. Stored as cents in a
  64-bit integer (``models.base.ScaledDecimal``), the sum of a million postings of that size
  (10^18 cents) still fits (2^63 - 1 is about 9.2 * 10^18): every ``SUM`` a report runs is
  safe. The largest Fairtrade cooperatives handle a few million dollars a year.
- **Exchange rates** (units of a currency per USD): 0.0001 to 1,000,000, which covers every
  currency in use (the weakest trade at tens of thousands per dollar).
- **Quantities** (kg, lb, bags, ha, coordinates): at most 999,999,999.999999, a billion kg,
  above any contract; areas, yields and coordinates have their own narrower domain rules.
- **Whole numbers** (counts, altitudes, votes): those a PostgreSQL ``INTEGER`` holds, so SQLite
  and PostgreSQL agree; counts of people have their own domain rules.
- **Text**: a maximum length per field, in :data:`TEXT_LIMITS`. The models' ``String`` columns
  take their length from this table, so SQLite (which does not enforce a declared length) and
  PostgreSQL (which refuses a longer value with a raw database error) hold the same text.
  Free text (notes, descriptions, findings) is at most :data:`LONG_TEXT` characters, less
  than an Excel cell holds (32,767), so whatever is stored can be exported.

What may be read: a workbook to import is checked for its size, the size it unpacks to, the
text it shares between cells and the rows of each sheet before a cell of it is parsed
(``exchange.sheets.check_workbook``), so that a file built to exhaust the computer (a few
hundred kilobytes unpacking to gigabytes, a million rows) is refused in seconds, with the
reason, instead of running for minutes. The bounds are far above the largest roster or cash
book a federation of tens of thousands of members keeps: 100,000 members on 19 columns make a
9 MB file that unpacks to 91 MB.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Final

from coop_desk.domain.problems import Problem
from coop_desk.i18n import _

# --- dates ---------------------------------------------------------------------------------------

EARLIEST_DATE: Final = date(1900, 1, 1)
LATEST_DATE: Final = date(2199, 12, 31)
FIRST_BOOK_YEAR: Final = EARLIEST_DATE.year
LAST_BOOK_YEAR: Final = LATEST_DATE.year - 1  # its close carries into LATEST_DATE.year

# --- numbers -------------------------------------------------------------------------------------

MAX_AMOUNT: Final = Decimal("9999999999.99")
MIN_RATE: Final = Decimal("0.0001")
MAX_RATE: Final = Decimal("1000000")
MAX_QUANTITY: Final = Decimal("999999999.999999")
MAX_INTEGER: Final = 2**31 - 1  # PostgreSQL INTEGER
MIN_INTEGER: Final = -(2**31)

# --- files people import ------------------------------------------------------------------------

MEGABYTE: Final = 1024 * 1024
MAX_WORKBOOK_BYTES: Final = 50 * MEGABYTE  # the file itself
MAX_UNPACKED_BYTES: Final = 256 * MEGABYTE  # all of its parts, unpacked
MAX_SHARED_TEXT_BYTES: Final = 64 * MEGABYTE  # the text cells share (xl/sharedStrings.xml)
MAX_CELL_TEXT_BYTES: Final = MEGABYTE  # one text; Excel allows 32,767 characters in a cell
MAX_ROW_BYTES: Final = 8 * MEGABYTE  # one row of a sheet, as written in the file
MAX_SHEET_ROWS: Final = 200_000  # rows holding a value, per sheet

# --- text ----------------------------------------------------------------------------------------

LONG_TEXT: Final = 10_000  # notes, descriptions, findings, reasons: pages of text, one Excel cell
# Columns the program derives from others (search keys, the audit trail's copies of a row):
# bounded by what their sources may hold, never typed by anyone.
DERIVED_TEXT: Final = 1_000_000

NAME: Final = 120  # a person's names, a community, a plot, a project, an account
USERNAME: Final = 60  # who recorded a change (user names)
SHA256_HEX: Final = 64
FILE_NAME: Final = 255

TEXT_LIMITS: Final[Mapping[str, Mapping[str, int]]] = {
    "account": {
        "code": 20,
        "name": NAME,
        "kind": 10,
        "role": 20,
        "currency": 3,
        "bank_details": 200,
    },
    "app_user": {
        "username": USERNAME,
        "full_name": NAME,
        "role": 20,
        "password_hash": 500,
    },
    "approval_decision": {
        "decision": 12,
        "reference": 120,
        "notes": LONG_TEXT,
        "recorded_by": USERNAME,
    },
    "audit_record": {
        "username": USERNAME,
        "action": 6,
        "table_name": 80,
        "record_id": 200,
        "before": DERIVED_TEXT,
        "after": DERIVED_TEXT,
        "reason": DERIVED_TEXT,  # a change's reason, with what it concerns
        "prev_hash": SHA256_HEX,
        "hash": SHA256_HEX,
    },
    "budget_line": {"note": LONG_TEXT},
    "buyer": {"name": 200, "country": 60, "notes": LONG_TEXT},
    "cert_scheme": {"code": 40, "name": NAME, "kind": 12},
    "certificate": {
        "certifier": NAME,
        "number": 60,
        "scope": LONG_TEXT,
        "document_sha256": SHA256_HEX,
        "document_name": FILE_NAME,
        "notes": LONG_TEXT,
        "recorded_by": USERNAME,
    },
    "contract": {
        "number": 60,
        "scheme": 20,
        "process": 10,
        "quantity_unit": 4,
        "notes": LONG_TEXT,
        "created_by": USERNAME,
    },
    "cooperative": {
        "name": 200,
        "short_name": 60,
        "country": 2,
        "tax_id": 30,
        "flo_id": 30,
        "reporting_currency": 3,
        "local_currency": 3,
        "language": 5,
    },
    "corrective_action": {"description": LONG_TEXT, "completion_note": LONG_TEXT},
    "document": {"sha256": SHA256_HEX, "name": FILE_NAME, "stored_by": USERNAME},
    "fiscal_year_event": {
        "action": 10,
        "reason": LONG_TEXT,
        "recorded_by": USERNAME,
        "trail_head": 90,  # "N:" and 64 hexadecimal digits
    },
    "inspection": {
        "inspector": NAME,
        "result": 16,
        "findings": LONG_TEXT,
        "last_prohibited_input": 200,
        "recorded_by": USERNAME,
    },
    "journal_entry": {
        "kind": 10,
        "description": LONG_TEXT,
        "reference": 120,
        "payee": 200,
        "voucher": 60,
        "document_sha256": SHA256_HEX,
        "document_name": FILE_NAME,
        "search_key": DERIVED_TEXT,
        "created_by": USERNAME,
    },
    "member": {
        "code": 40,
        "code_sort": 120,
        "first_names": NAME,
        "surnames": NAME,
        "dni": 8,
        "gender": 1,
        "status": 12,
        "community": NAME,
        "phone": 40,
        "notes": LONG_TEXT,
        "search_key": DERIVED_TEXT,
    },
    "member_scheme": {"notes": LONG_TEXT, "updated_by": USERNAME},
    "member_status_change": {
        "old_status": 12,
        "new_status": 12,
        "reason": LONG_TEXT,
        "recorded_by": USERNAME,
    },
    "plan_approval": {"minutes_number": 60, "notes": LONG_TEXT, "recorded_by": USERNAME},
    "plot": {"name": NAME, "varieties": 200},
    "plot_organic": {"status_override": 12, "override_reason": LONG_TEXT, "updated_by": USERNAME},
    "posting": {"currency": 3, "memo": 200},
    "premium_rate": {"scheme": 20, "note": LONG_TEXT, "updated_by": USERNAME},
    "project": {
        "key": 40,
        "name": NAME,
        "objective": LONG_TEXT,
        "responsible": NAME,
        "timeline": 200,
    },
    "sanction": {"kind": 12, "reason": LONG_TEXT, "recorded_by": USERNAME},
    "setting": {"key": 80, "value": LONG_TEXT},
}


def text_limit(table: str, column: str) -> int:
    """The most characters ``table.column`` may hold (``KeyError`` for a field not in the
    table: every text column has its limit here)."""
    return TEXT_LIMITS[table][column]


# --- the checks: a message in words, or None when the value may be stored -------------------


def check_text(table: str, column: str, value: str | None) -> str | None:
    if value is None:
        return None
    limit = text_limit(table, column)
    if len(value) > limit:
        return _(
            "at most {limit} characters ({count} given)",
            limit=format(limit, ","),
            count=format(len(value), ","),
        )
    return None


def check_date(value: date | None) -> str | None:
    if value is None:
        return None
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        return _(
            "{day} is outside the dates the books can hold ({EARLIEST_DATE} to {LATEST_DATE})",
            day=day,
            EARLIEST_DATE=EARLIEST_DATE,
            LATEST_DATE=LATEST_DATE,
        )
    return None


def check_book_year(year: int) -> str | None:
    """A fiscal year the books can hold (its days, and the next year's first day, are dates in
    the range)."""
    if not FIRST_BOOK_YEAR <= year <= LAST_BOOK_YEAR:
        return _(
            "{year} is not a fiscal year the books can hold ({FIRST_BOOK_YEAR} to {LAST_BOOK_YEAR})",
            year=year,
            FIRST_BOOK_YEAR=FIRST_BOOK_YEAR,
            LAST_BOOK_YEAR=LAST_BOOK_YEAR,
        )
    return None


def check_amount(value: Decimal | None) -> str | None:
    if value is None:
        return None
    if not value.is_finite() or abs(value) > MAX_AMOUNT:
        return _(
            "{show} is beyond the largest amount the books can hold ({MAX_AMOUNT})",
            show=_show(value),
            MAX_AMOUNT=format(MAX_AMOUNT, ","),
        )
    return None


def check_rate(value: Decimal | None) -> str | None:
    """An exchange rate: units of a currency per USD."""
    if value is None:
        return None
    if not value.is_finite() or not MIN_RATE <= value <= MAX_RATE:
        return _(
            "{show} is not an exchange rate the books can hold (from {MIN_RATE} to {MAX_RATE} per USD)",
            show=_show(value),
            MIN_RATE=MIN_RATE,
            MAX_RATE=format(MAX_RATE, ","),
        )
    return None


def check_quantity(value: Decimal | None) -> str | None:
    if value is None:
        return None
    if not value.is_finite() or abs(value) > MAX_QUANTITY:
        return _(
            "{show} is beyond the largest quantity the books can hold ({MAX_QUANTITY})",
            show=_show(value),
            MAX_QUANTITY=format(MAX_QUANTITY, ","),
        )
    return None


def check_integer(value: int | None) -> str | None:
    if value is None:
        return None
    if not MIN_INTEGER <= value <= MAX_INTEGER:
        return _(
            "{show} is beyond the largest whole number the books can hold ({MAX_INTEGER})",
            show=_show(value),
            MAX_INTEGER=format(MAX_INTEGER, ","),
        )
    return None


def _show(value: Decimal | int) -> str:
    """A number as people read it; a very long one shortened (it is quoted in a message)."""
    text = f"{value:,}" if isinstance(value, int) or value.is_finite() else str(value)
    if len(text) <= 40:
        return text
    return _("a number of {sum} digits", sum=format(sum(c.isdigit() for c in text), ","))


# --- every problem of an input at once -----------------------------------------------------------


def text_problems(
    table: str, values: Mapping[str, str | None], *, prefix: str = "", label: str = ""
) -> list[Problem]:
    """A problem for each text of ``values`` (column -> text) longer than ``table`` allows.
    ``prefix`` names a part of the input (``"plots[2]."``), ``label`` starts each message
    (``"plot 2: "``)."""
    problems = []
    for column, value in values.items():
        message = check_text(table, column, value)
        if message:
            problems.append(Problem(prefix + column, label + message))
    return problems


def date_problems(
    values: Mapping[str, date | None], *, prefix: str = "", label: str = ""
) -> list[Problem]:
    """A problem for each date of ``values`` (field -> date) outside the range."""
    problems = []
    for field, value in values.items():
        message = check_date(value)
        if message:
            problems.append(Problem(prefix + field, label + message))
    return problems
