"""Reading a legacy premium cash book (libro de caja del Premio) from Excel. No Qt, no database.

The sheet a treasurer kept before coop-desk: date, voucher number, description, project,
income, expense and often a running balance (typed or formulas). The header row may sit below
title rows; an opening balance row ("Saldo inicial", "Saldo anterior", "Opening balance")
comes before the movements; blank rows and totals rows are skipped.

The running balance column is cross-checked against opening + income - expense: a difference
is reported (row, column, both figures) as a warning; formulas whose results were never saved
cannot be checked and are reported as such. ``services.cashbook_import`` posts the rows.

Finding the header (also over two rows), merged cells, the header repeated, several sheets (a
sheet per month is read as one book, in the workbook's order) and cell values are the generic
sheet reader's (:mod:`coop_desk.exchange.sheets`), shared with the member roster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from coop_desk.domain import limits
from coop_desk.domain.documents import content_sha256
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean, fold
from coop_desk.exchange import values as v
from coop_desk.exchange.sheets import (
    HEADER_SCAN_ROWS,
    FormulaText,
    Header,
    SkippedRow,
    SourceColumn,
    fill_merged_down,
    find_header,
    header_key,
    is_repeated_header,
    open_workbook,
    reading_to_the_end,
    sheet_rows,
    sheet_values,
    sheets_to_read,
    title_text,
)
from coop_desk.exchange.xlsx import WorkbookError
from coop_desk.i18n import N_, _

ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("fecha", "date", "dia", "fechaoperacion", "fechadocumento", "foperacion", "fdoc"),
    "voucher": (
        "comprobante",
        "ncomprobante",
        "comprob",  # "Nro. Comprob."
        "comp",
        "cpte",
        "voucher",
        "recibo",
        "documento",
        "doc",
        "factura",
        "boleta",
        "nrodoc",
        "receipt",
        "vouchernumber",
        "comprobantepago",
        "serie",
    ),
    "description": (
        "descripcion",
        "concepto",
        "detalle",
        "glosa",
        "description",
        "details",
        "detail",
        "motivo",
        "operacion",
    ),
    "project": (
        "proyecto",
        "project",
        "rubro",
        "actividad",
        "partida",
        "linea",
        "lineapresupuestal",
        "destino",
        "projectname",
    ),
    "income": (
        "ingreso",
        "ingresos",
        "entrada",
        "entradas",
        "income",
        "receipts",
        "abono",
        "abonos",
        "debe",
        "in",
    ),
    "expense": (
        "egreso",
        "egresos",
        "gasto",
        "gastos",
        "salida",
        "salidas",
        "expense",
        "expenses",
        "payments",
        "pagos",
        "cargo",
        "cargos",
        "haber",
        "out",
    ),
    "balance": ("saldo", "balance", "saldoacumulado", "runningbalance", "saldofinal"),
    "payee": ("beneficiario", "proveedor", "pagadoa", "payee", "paidto", "razonsocial"),
    "rate": ("tipocambio", "tc", "rate", "exchangerate", "tipodecambio"),
    "currency": ("moneda", "currency", "divisa", "mon", "tipomoneda"),
    # One signed amount column (+ income, - expense), optionally with a type column.
    "amount": ("importe", "monto", "amount", "valor", "montototal", "importetotal"),
    "type": ("tipo", "movimiento", "tipomovimiento", "type", "ingresoegreso", "entradasalida"),
}
LABELS = {
    "date": N_("Date"),
    "voucher": N_("Voucher"),
    "description": N_("Description"),
    "project": N_("Project"),
    "income": N_("Income"),
    "expense": N_("Expense"),
    "balance": N_("Running balance"),
    "payee": N_("Payee"),
    "rate": N_("Exchange rate"),
    "amount": N_("Amount"),
    "type": N_("Income or expense"),
    "currency": N_("Currency"),
}
_LOOKUP = {alias: key for key, aliases in ALIASES.items() for alias in aliases}

_OPENING = re.compile(
    r"saldo (inicial|anterior|de apertura|al |del (ano|periodo) anterior)|opening balance|"
    r"balance (b/?f|brought forward)|^saldo$|^apertura"
)
_CARRIED = re.compile(
    r"^(van|vienen|pasan|pasa|viene)\b|\b(van|vienen)$|"
    r"saldo (al|a la fecha|del mes|final|que pasa|anterior|inicial del mes|de(l)? mes)|"
    r"total (del mes|mensual)|carried forward|brought forward|balance c/?f"
)
_TOTALS = re.compile(r"^(sub)?totale?s?\b|^suma\b|^sum\b|^saldo final|^closing balance")

EARLIEST_DATE = date(1990, 1, 1)  # older "dates" in a premium cash book are typos
INCOME = "income"
EXPENSE = "expense"
OPENING = "opening"


@dataclass(frozen=True)
class CashRow:
    row: int
    kind: str  # opening / income / expense
    entry_date: date | None
    voucher: str
    description: str
    project: str
    payee: str
    amount: Decimal
    rate: Decimal | None
    problems: tuple[Problem, ...] = ()
    currency: str = ""  # ISO code the row states (currency column or S/ / US$ sign), "" = none
    sheet: str = ""  # set when the book has a sheet per month

    @property
    def label(self) -> str:
        """The row as the user finds it: "12", or "Febrero!12"."""
        return f"{self.sheet}!{self.row}" if self.sheet else str(self.row)


@dataclass(frozen=True)
class CashBook:
    path: Path
    sheet: str
    header_row: int
    columns: tuple[SourceColumn, ...]
    rows: tuple[CashRow, ...]
    skipped: tuple[SkippedRow, ...]
    warnings: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()
    balance_checked: int = 0  # rows whose running balance was compared
    sheet_closing: Decimal | None = None  # the last running balance in the sheet
    sha256: str = ""  # of the file: the ledger remembers which cash books it imported

    @property
    def opening(self) -> CashRow | None:
        return next((r for r in self.rows if r.kind == OPENING), None)

    @property
    def income_total(self) -> Decimal:
        return sum((r.amount for r in self.rows if r.kind == INCOME), Decimal("0.00"))

    @property
    def expense_total(self) -> Decimal:
        return sum((r.amount for r in self.rows if r.kind == EXPENSE), Decimal("0.00"))

    @property
    def opening_amount(self) -> Decimal:
        opening = self.opening
        return opening.amount if opening else Decimal("0.00")

    @property
    def closing(self) -> Decimal:
        return self.opening_amount + self.income_total - self.expense_total

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]

    def column_for(self, key: str) -> SourceColumn | None:
        return next((c for c in self.columns if c.field == key), None)


@dataclass
class _State:
    running: Decimal = Decimal("0.00")
    checked: int = 0
    unchecked_formulas: int = 0
    warnings: list[Problem] = field(default_factory=list)
    last_balance: Decimal | None = None


def match_cash_header(text: object) -> str | None:
    """The cash-book column a header names, or ``None``."""
    found = _match_cash(text)
    return found[0] if found else None


def _match_cash(text: object) -> tuple[str, bool] | None:
    """The cash book's :data:`~coop_desk.exchange.sheets.HeaderMatch`: (column, exact); a
    header that starts with a known word of 5+ letters ("Ingresos del mes") matches it."""
    key = header_key(text)
    if key in _LOOKUP:
        return _LOOKUP[key], True
    best: tuple[int, str] | None = None
    for alias, name in _LOOKUP.items():
        if len(alias) >= 5 and key.startswith(alias) and (best is None or len(alias) > best[0]):
            best = (len(alias), name)
    return (best[1], False) if best else None


def _is_cash_header(keys: set[str]) -> bool:
    """A cash book names its dates and its amounts: income and expense, or one signed amount."""
    return "date" in keys and ({"income", "expense"} <= keys or "amount" in keys)


def _find_header(rows: list[tuple[Any, ...]]) -> Header | None:
    return find_header(rows[:HEADER_SCAN_ROWS], _match_cash, _is_cash_header)


_CURRENCY_WORDS = (
    (re.compile(r"(?i)us\s*\$|\busd\b|\bdolar(es)?\b|\bdollars?\b|^\s*\$"), "USD"),
    (re.compile(r"(?i)s/\.?|\bpen\b|\bsoles?\b|\bnuevos soles\b"), "PEN"),
    (re.compile(r"(?i)€|\beur\b|\beuros?\b"), "EUR"),
)


def read_currency(value: object) -> str:
    """The currency a cell names: "US$", "USD", "dólares", "$" -> USD; "S/", "S/.", "PEN",
    "soles" -> PEN; "" when it names none."""
    if v.is_blank(value) or not isinstance(value, str):
        return ""
    text = fold(value)
    for pattern, code in _CURRENCY_WORDS:
        if pattern.search(text):
            return code
    return ""


def _money(value: Any) -> Decimal | None:
    if isinstance(value, str):
        text = re.sub(r"(?i)(s/\.?|us\$|\$|usd|pen)", "", value).strip()
        value = text
        if re.fullmatch(r"[+-]?\d{1,3}([.,]\d{3})+", text.replace(" ", "")):
            # Money has two decimals at most: "1.250" and "1,250" are one thousand two
            # hundred fifty, whichever separator the treasurer's Excel uses.
            value = re.sub(r"[.,]", "", text)
    amount = v.read_decimal(value, decimal_comma=False, places=6)
    if amount is None:
        return None
    if beyond := limits.check_amount(amount):
        raise ValueError(beyond)
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(_("{amount} has more than two decimals", amount=amount))
    return amount.quantize(Decimal("0.01"))


def read_cashbook(
    path: str | Path, *, sheet: str | None = None, today: date | None = None
) -> CashBook:
    today = today or date.today()
    target = Path(path)
    wb = open_workbook(target)
    cached_wb = open_workbook(target, data_only=True)
    with reading_to_the_end(target, wb, cached_wb):
        found_sheets = []
        for name in sheets_to_read(wb, sheet, target.name):
            head = list(sheet_rows(wb[name], max_row=HEADER_SCAN_ROWS))
            found = _find_header(head)
            if found:
                found_sheets.append((name, found))
        if not found_sheets:
            raise WorkbookError(
                _(
                    "No cash book header was found in {target_name}: expected columns such as Fecha, Comprobante, Concepto, Proyecto, Ingreso, Egreso, Saldo.",
                    target_name=target.name,
                )
            )
        # A sheet per month (Enero, Febrero ...): read them all, in the workbook's order, as
        # one book; a later sheet's "Saldo anterior" is then a carried balance, cross-checked.
        several = len(found_sheets) > 1
        rows: list[CashRow] = []
        skipped: list[SkippedRow] = []
        state = _State()
        name, header = found_sheets[0]
        columns = _cash_columns(header)
        for sheet_name, sheet_header in found_sheets:
            _read(
                wb[sheet_name],
                cached_wb[sheet_name],
                _cash_columns(sheet_header),
                sheet_header.index + 1,
                today,
                (rows, skipped, state),
                sheet_name if several else "",
            )
    notes = []
    if several:
        notes.append(
            _("Sheets read, in this order: ") + ", ".join(f[0] for f in found_sheets) + "."
        )
    if state.unchecked_formulas:
        notes.append(
            _(
                "{unchecked_formulas} running-balance cells are formulas whose results were never saved (the file was not saved by Excel/LibreOffice): not cross-checked.",
                unchecked_formulas=state.unchecked_formulas,
            )
        )
    return CashBook(
        target,
        name,
        header.index + 1,
        columns,
        tuple(rows),
        tuple(skipped),
        tuple(state.warnings),
        tuple(notes),
        state.checked,
        state.last_balance,
        content_sha256(target.read_bytes()),
    )


def _cash_columns(header: Header) -> tuple[SourceColumn, ...]:
    """The recognised columns only: a cash book has no hand mapping."""
    return tuple(
        SourceColumn(i, get_column_letter(i + 1), header.texts[i], key)
        for i, key in sorted(header.found.items())
    )


def _read(
    ws: Any,
    cached: Any,
    columns: tuple[SourceColumn, ...],
    header_row: int,
    today: date,
    into: tuple[list[CashRow], list[SkippedRow], _State],
    sheet: str = "",
) -> None:
    """Read one sheet's rows into ``into`` (rows, skipped, state shared by every sheet)."""
    by_key = {c.field: c for c in columns}
    rows, all_skipped, state = into
    skipped = _SheetSkipped(all_skipped, sheet)
    number = header_row
    # A date or project merged down over several rows counts for each of them.
    cached_rows = fill_merged_down(
        cached, sheet_values(cached, min_row=header_row + 1), header_row + 1
    )
    for cells in fill_merged_down(ws, sheet_rows(ws, min_row=header_row + 1), header_row + 1):
        number += 1
        values = next(cached_rows, ())
        if all(v.is_blank(c) for c in cells):
            skipped.append(SkippedRow(number, _("blank row")))
            continue

        def raw(key: str, cells: Any = cells, values: Any = values) -> Any:
            column = by_key.get(key)
            if column is None or column.index >= len(cells):
                return None
            cell = cells[column.index]
            if isinstance(cell, FormulaText):
                return values[column.index] if column.index < len(values) else None
            return cell

        def is_formula(key: str, cells: Any = cells) -> bool:
            column = by_key.get(key)
            return (
                column is not None
                and column.index < len(cells)
                and isinstance(cells[column.index], FormulaText)
            )

        problems: list[Problem] = []

        def bad(
            key: str, message: str, problems: list[Problem] = problems, number: int = number
        ) -> None:
            column = by_key.get(key)
            problems.append(
                Problem(key, message, number, column.describe() if column else None, sheet or None)
            )

        texts = " ".join(
            fold(c) for c in cells if isinstance(c, str) and not isinstance(c, FormulaText)
        )
        first_text = next(
            (
                fold(c).strip()
                for c in cells
                if isinstance(c, str) and not isinstance(c, FormulaText) and c.strip()
            ),
            "",
        )
        if _TOTALS.match(first_text) or (
            any(
                isinstance(c, FormulaText) and re.match(r"=\s*(SUM|SUMA)\(", c, re.I) for c in cells
            )
            and raw("date") is None
        ):
            skipped.append(SkippedRow(number, _("totals row")))
            continue
        title = title_text(cells)
        if title is not None:
            skipped.append(SkippedRow(number, _("title row ({title})", title=title[:40])))
            continue
        if is_repeated_header(cells, columns):
            skipped.append(SkippedRow(number, _("the header row again")))
            continue
        if rows_have_movements(rows) and _CARRIED.search(texts):
            # "Van" / "Vienen" / "Saldo al 31/01": a balance line between pages or months.
            try:
                # The carried balance, in the balance column or typed as an amount.
                shown = _money(raw("balance"))
                if shown is None:
                    shown = _money(raw("income")) or _money(raw("amount"))
            except ValueError:
                shown = None
            if shown is not None and abs(shown - state.running) > Decimal("0.005"):
                column = by_key.get("balance") or by_key.get("income") or by_key["amount"]
                state.warnings.append(
                    Problem(
                        "balance",
                        _(
                            "the balance line shows {shown}; opening + income - expense = {running}",
                            shown=format(shown, ",.2f"),
                            running=format(state.running, ",.2f"),
                        ),
                        number,
                        column.describe(),
                        sheet or None,
                    )
                )
            elif shown is not None:
                state.checked += 1
            skipped.append(SkippedRow(number, _("balance line (carried forward)")))
            continue
        for key in ("date", "voucher", "description", "project", "income", "expense", "amount"):
            if is_formula(key) and raw(key) is None:
                column = by_key[key]
                formula = str(cells[column.index])
                bad(
                    key,
                    _(
                        "the cell holds the formula {formula} whose result was never saved (the file was written by a program, not by Excel): open it in Excel or LibreOffice, save it, and import it again",
                        formula=formula[:40],
                    ),
                )
        amounts: dict[str, Decimal | None] = {}
        for key in ("income", "expense", "balance", "amount"):
            try:
                amounts[key] = _money(raw(key))
            except ValueError as exc:
                bad(key, str(exc))
                amounts[key] = None
        signed = amounts.pop("amount")
        if signed is not None and amounts["income"] is None and amounts["expense"] is None:
            direction = _direction(raw("type"))
            if direction is None and "type" in by_key and not v.is_blank(raw("type")):
                bad(
                    "type",
                    _(
                        "'{read_text}' is neither income nor expense",
                        read_text=v.read_text(raw("type")),
                    ),
                )
            elif direction == EXPENSE or (direction is None and signed < 0):
                amounts["expense"] = abs(signed)
            else:
                amounts["income"] = abs(signed)
        try:
            day = v.read_date(raw("date"), today)
        except ValueError as exc:
            bad("date", str(exc))
            day = None
        if day is not None and not EARLIEST_DATE <= day <= today:
            # 2203-01-05 for 2023-01-05: a typo, never a movement to post.
            bad(
                "date",
                _("{day} is in the future", day=day)
                if day > today
                else _("{day} is too old", day=day),
            )
            day = None
        rate = None
        if "rate" in by_key:
            try:
                rate = v.read_decimal(raw("rate"), decimal_comma=False, places=8)
            except ValueError as exc:
                bad("rate", str(exc))
        currency = ""
        if "currency" in by_key and not v.is_blank(raw("currency")):
            currency = read_currency(raw("currency"))
            if not currency:
                bad(
                    "currency",
                    _(
                        "'{read_text}' is not a currency (S/, US$)",
                        read_text=v.read_text(raw("currency")),
                    ),
                )
        for key in ("income", "expense", "amount"):
            if not v.is_blank(raw(key)):
                # "US$ 1,250.00" in the cell, or "Ingresos (US$)" over the column.
                currency = currency or read_currency(raw(key)) or read_currency(by_key[key].header)
        income, expense, balance = amounts["income"], amounts["expense"], amounts["balance"]
        opening = bool(_OPENING.search(texts)) and not rows_have_movements(rows)
        description = clean(v.read_text(raw("description")))
        common: dict[str, Any] = dict(
            row=number,
            entry_date=day,
            voucher=clean(v.read_text(raw("voucher"))),
            description=description,
            project=clean(v.read_text(raw("project"))),
            payee=clean(v.read_text(raw("payee"))),
            rate=rate,
            currency=currency,
            sheet=sheet,
        )
        if opening:
            amount = balance if balance is not None else (income or Decimal("0.00"))
            if amount is None or amount < 0:
                bad("balance", _("the opening balance must be a positive amount"))
                amount = Decimal("0.00")
            rows.append(CashRow(kind=OPENING, amount=amount, problems=tuple(problems), **common))
            state.running = amount
            state.last_balance = amount
            continue
        if income is None and expense is None and not problems:  # (formulas reported above)
            if day is None and not description:
                skipped.append(SkippedRow(number, _("no amount, date or description")))
                continue
            bad("income", _("the row has neither income nor expense"))
        if income is not None and expense is not None and income and expense:
            bad("expense", _("the row holds both income and expense; split it into two rows"))
        for key, given in (("income", income), ("expense", expense)):
            if given is not None and given < 0:
                bad(key, _("{given} is negative; write it in the other column", given=given))
        if day is None and not any(p.field == "date" for p in problems):
            bad("date", _("the date is required"))
        kind = INCOME if income else EXPENSE
        amount = (income if kind == INCOME else expense) or Decimal("0.00")
        state.running += (income or 0) - (expense or 0)
        if balance is not None:
            state.checked += 1
            state.last_balance = balance
            if abs(balance - state.running) > Decimal("0.005"):
                column = by_key["balance"]
                state.warnings.append(
                    Problem(
                        "balance",
                        _(
                            "the sheet's running balance {balance} differs from opening + income - expense = {running}",
                            balance=format(balance, ",.2f"),
                            running=format(state.running, ",.2f"),
                        ),
                        number,
                        column.describe(),
                        sheet or None,
                    )
                )
        elif is_formula("balance"):
            state.unchecked_formulas += 1
        rows.append(CashRow(kind=kind, amount=amount, problems=tuple(problems), **common))


class _SheetSkipped:
    """Appends skipped rows with the sheet they are on."""

    def __init__(self, into: list[SkippedRow], sheet: str) -> None:
        self.into = into
        self.sheet = sheet

    def append(self, skipped: SkippedRow) -> None:
        self.into.append(replace(skipped, sheet=self.sheet))


_INCOME_WORDS = ("ingreso", "entrada", "income", "abono", "deposito", "i", "+", "in")
_EXPENSE_WORDS = ("egreso", "salida", "gasto", "expense", "pago", "cargo", "e", "g", "-", "out")


def _direction(value: object) -> str | None:
    if v.is_blank(value) and value not in ("-",):
        return None
    key = fold(str(value)).strip()
    if key.startswith(_INCOME_WORDS[:6]) or key in _INCOME_WORDS:
        return INCOME
    if key.startswith(_EXPENSE_WORDS[:6]) or key in _EXPENSE_WORDS:
        return EXPENSE
    return None


def rows_have_movements(rows: list[CashRow]) -> bool:
    return any(r.kind != OPENING for r in rows)
