"""The roster's parser: a member roster (padrón de socios) read into plain rows, one per
member, each with the values read and the problems found. No Qt, no database.

Sheets: without a sheet named, the sheet whose header names most member fields is read,
together with every other visible sheet recognised with the same columns (cooperatives often
keep one sheet per community; rows then name their sheet). A sheet keyed by member code that
names plots but no member field is a *Plots sheet*: its rows become the members' plots.

Rows: blank rows, rows that name no member (section titles, notes), the header row repeated and
totals rows are skipped (listed, never errors); a row with no identity but plot values under a
member is a further plot of that member, and so is the same code and name again. Formula cells
are read a second time with the values Excel saved; a formula without one is a problem of its
row. Each value is read by :mod:`coop_desk.exchange.values` as people type it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from coop_desk.domain import limits
from coop_desk.domain.geometry import GeometryError, parse_utm_zone, utm_to_position
from coop_desk.domain.members import ParseError, parse_code, parse_dni
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean, fold
from coop_desk.exchange import values as v
from coop_desk.exchange.cells import reading_ahead
from coop_desk.exchange.roster.fields import (
    FIELD_BY_KEY,
    FIELD_LABELS,
    FULL_NAME_FIELDS,
    IDENTITY_FIELDS,
    MEMBER_FIELDS,
    PLOT_FIELDS,
    match_field,
)
from coop_desk.exchange.sheets import (
    BLANK_RUN_STOP,
    HEADER_SCAN_ROWS,
    TOTAL_WORDS,
    ExcelError,
    FormulaText,
    Header,
    SkippedRow,
    SourceColumn,
    cell_text,
    collector_paused,
    columns_for_header,
    fill_merged_down,
    find_header,
    is_repeated_header,
    is_totals_row,
    open_workbook,
    reading_to_the_end,
    saved_values,
    sheet_rows,
    sheets_to_read,
    title_text,
)
from coop_desk.exchange.xlsx import WorkbookError
from coop_desk.i18n import _, ngettext

ProgressFn = Callable[[int, int, str], None]


MAX_DATA_ROWS = limits.MAX_SHEET_ROWS  # also checked before the sheet is parsed
_PLOT_OF = "_plot_of"  # a row holding only another plot of the member on that row


@dataclass(frozen=True)
class PlotData:
    name: str
    total_area_ha: Decimal | None
    coffee_area_ha: Decimal | None
    altitude_m: int | None = None
    varieties: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    row: int = 0  # Excel row it came from (its own sheet for a Plots sheet)


@dataclass(frozen=True)
class RosterRow:
    """One member row: the values read (only fields whose columns exist), problems found."""

    row: int  # Excel row number
    values: dict[str, Any]
    problems: tuple[Problem, ...]
    plots: tuple[PlotData, ...] = ()
    sheet: str = ""  # set when several sheets were read

    @property
    def code(self) -> str:
        return str(self.values.get("code") or "")

    @property
    def label(self) -> str:
        """How the row is named to the user: "12", or "La Palma!12" with several sheets."""
        return f"{self.sheet}!{self.row}" if self.sheet else str(self.row)

    @property
    def organic_status(self) -> str | None:
        value = self.values.get("organic_status")
        return value if isinstance(value, str) else None

    @property
    def fairtrade(self) -> bool | None:
        value = self.values.get("fairtrade")
        return value if isinstance(value, bool) else None

    @property
    def name(self) -> str:
        first = self.values.get("first_names") or ""
        last = self.values.get("surnames") or ""
        return f"{last}, {first}" if first and last else str(last or first)


@dataclass(frozen=True)
class Roster:
    path: Path
    sheet: str
    sheets: tuple[str, ...]
    header_row: int
    columns: tuple[SourceColumn, ...]
    rows: tuple[RosterRow, ...]
    skipped: tuple[SkippedRow, ...]
    notes: tuple[str, ...] = ()
    plots_sheet: str | None = None
    sheets_read: tuple[str, ...] = ()
    # Columns of each sheet read, when several sheets share the fields in their own order.
    sheet_columns: dict[str, tuple[SourceColumn, ...]] = field(default_factory=dict)

    @property
    def fields(self) -> set[str]:
        return {c.field for c in self.columns if c.field}

    def column_for(self, field_key: str) -> SourceColumn | None:
        for column in self.columns:
            if column.field == field_key:
                return column
        return None

    @property
    def invalid_rows(self) -> list[RosterRow]:
        return [r for r in self.rows if r.problems]


def read_roster(
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[int, str | None] | None = None,
    today: date | None = None,
    progress: ProgressFn | None = None,
    read_ahead: bool = False,
) -> Roster:
    """Read the roster in ``path``. ``mapping`` (column index -> field key or ``None``)
    overrides the recognised columns (the wizard's hand mapping).

    Without ``sheet``, every visible sheet laid out as a roster with the same columns is read
    (cooperatives often keep one sheet per community); rows then name their sheet.

    ``read_ahead``: a big sheet's cells are read by a child process while this one checks the
    rows received, where that is safe (Linux, a process of one thread: the command line, not
    the GUI; :func:`coop_desk.exchange.cells.reading_ahead`). The rows are the same.
    """
    with collector_paused(), reading_ahead() if read_ahead else contextlib.nullcontext():
        return _read_roster(path, sheet, mapping, today, progress)


def _read_roster(
    path: str | Path,
    sheet: str | None,
    mapping: dict[int, str | None] | None,
    today: date | None,
    progress: ProgressFn | None,
) -> Roster:
    today = today or date.today()
    report = progress or (lambda _d, _t, _s: None)
    target = Path(path)
    wb = open_workbook(target)
    parts: list[
        tuple[
            str,
            tuple[SourceColumn, ...],
            list[RosterRow],
            list[SkippedRow],
            list[str],
            dict[int, set[int]],
            int,
        ]
    ] = []
    with reading_to_the_end(target, wb):
        sheets = tuple(wb.sheetnames)
        if not sheets:
            raise WorkbookError(_("{target_name} has no sheets.", target_name=target.name))
        chosen, plots_sheet = _choose_sheet(wb, sheet, target.name)
        first_texts = chosen[0][1].texts
        for name, header, head_rows in chosen:
            own = mapping if mapping is not None and header.texts == first_texts else None
            columns = columns_for_header(header, head_rows, own)
            _check_mapping(columns)
            ws = wb[name]
            header_row_number = header.index + 1  # the last header row: data start below it
            rows, skipped, notes, formula_rows = _read_rows(
                ws, columns, header_row_number, today, report, ws.max_row or 0
            )
            parts.append((name, columns, rows, skipped, notes, formula_rows, header_row_number))
    several = len(parts) > 1
    all_rows: list[RosterRow] = []
    all_skipped: list[SkippedRow] = []
    all_notes: list[str] = []
    for name, columns, rows, skipped, notes, formula_rows, _plots in parts:
        if formula_rows:
            rows = _resolve_formulas(target, name, columns, rows, formula_rows, today)
        rows, merged_notes = _merge_plot_rows(rows)
        prefix = f"{name}: " if several else ""
        all_notes += [prefix + n for n in [*notes, *merged_notes]]
        all_skipped += [SkippedRow(s.row, s.reason, name if several else "") for s in skipped]
        all_rows += [_in_sheet(r, name) for r in rows] if several else rows
    if several:
        all_notes.insert(0, "Sheets read: " + ", ".join(p[0] for p in parts) + ".")
    columns = parts[0][1]
    if plots_sheet and "plot_name" not in {c.field for c in columns}:
        plots, plot_notes = _read_plots_sheet(target, plots_sheet, today)
        all_rows = _attach_plots(all_rows, plots)
        all_notes += plot_notes
    else:
        plots_sheet = None
    report(len(all_rows), len(all_rows), _("Read"))
    return Roster(
        path=target,
        sheet=parts[0][0],
        sheets=sheets,
        header_row=parts[0][6],
        columns=columns,
        rows=tuple(all_rows),
        skipped=tuple(all_skipped),
        notes=tuple(all_notes),
        plots_sheet=plots_sheet,
        sheets_read=tuple(p[0] for p in parts),
        sheet_columns={p[0]: p[1] for p in parts} if several else {},
    )


def _in_sheet(row: RosterRow, sheet: str) -> RosterRow:
    """A row of one of several sheets: its problems name the sheet."""
    problems = tuple(replace(p, sheet=sheet) for p in row.problems)
    return RosterRow(row.row, row.values, problems, row.plots, sheet)


def _choose_sheet(
    wb: Any, requested: str | None, filename: str
) -> tuple[list[tuple[str, Header, list[tuple[Any, ...]]]], str | None]:
    """The roster sheets: the requested one, else the one whose header names most member
    fields together with every other sheet recognised with the same columns; and, when there
    is one, a sheet of plots keyed by member code."""
    found_sheets: list[tuple[int, str, Header, list[tuple[Any, ...]]]] = []
    plots_sheet: str | None = None
    any_data = False
    for name in sheets_to_read(wb, requested, filename):
        ws = wb[name]
        head_rows = list(sheet_rows(ws, max_row=HEADER_SCAN_ROWS + 5))
        if any(any(not v.is_blank(c) for c in r) for r in head_rows):
            any_data = True
        header = find_header(head_rows[:HEADER_SCAN_ROWS], match_field)
        if header is None:
            continue
        fields = set(header.found.values())
        member_score = len(fields & MEMBER_FIELDS)
        if member_score == 0 and "code" in fields and "plot_name" in fields:
            plots_sheet = plots_sheet or name
            continue
        found_sheets.append((member_score, name, header, head_rows))
    if not found_sheets:
        if not any_data:
            raise WorkbookError(
                _("{filename} is empty: no sheet holds any data.", filename=filename)
            )
        where = f"the sheet {requested!r}" if requested else "any sheet"
        raise WorkbookError(
            _(
                "No header row was found in {where} of {filename} (looked at the first {HEADER_SCAN_ROWS} rows). Expected column titles such as Código, Nombres, Apellidos, DNI, Sexo, Fecha de ingreso — or download the template.",
                where=where,
                filename=filename,
                HEADER_SCAN_ROWS=HEADER_SCAN_ROWS,
            )
        )
    best = max(found_sheets, key=lambda f: f[0])  # the first of the best in workbook order
    same = set(best[2].found.values())
    chosen = [
        (name, header, rows)
        for score, name, header, rows in found_sheets
        if name == best[1] or (score >= 2 and set(header.found.values()) == same)
    ]
    return chosen, plots_sheet


def _check_mapping(columns: Sequence[SourceColumn]) -> None:
    """Two columns mapped to one field is a mapping error, not a row error."""
    seen: dict[str, SourceColumn] = {}
    for column in columns:
        if not column.field:
            continue
        if column.field in seen:
            raise WorkbookError(
                _(
                    "Columns {seen} and {column} are both read as '{field}'; map one of them to another field or to nothing.",
                    seen=seen[column.field].describe(),
                    column=column.describe(),
                    field=_(FIELD_LABELS[column.field]),
                )
            )
        seen[column.field] = column


def _read_rows(
    ws: Any,
    columns: Sequence[SourceColumn],
    header_row: int,
    today: date,
    report: ProgressFn,
    total_rows: int,
) -> tuple[list[RosterRow], list[SkippedRow], list[str], dict[int, set[int]]]:
    rows: list[RosterRow] = []
    skipped: list[SkippedRow] = []
    notes: list[str] = []
    formula_rows: dict[int, set[int]] = {}  # Excel row -> indexes of its formula cells
    blank_run = 0
    mapped = [c for c in columns if c.field]
    identity_columns = [
        c for c in mapped if c.field in IDENTITY_FIELDS or c.field in FULL_NAME_FIELDS
    ]
    plot_columns = [c for c in mapped if c.field in PLOT_FIELDS]
    readers = column_readers(mapped, today)
    plot_readers = column_readers(plot_columns, today)
    example = _template_example(mapped)
    last_data_row = -1
    excel_row = header_row
    for cells in fill_merged_down(ws, sheet_rows(ws, min_row=header_row + 1), header_row + 1):
        excel_row += 1
        if excel_row % 2000 == 0:
            report(excel_row - header_row, max(total_rows - header_row, 0), _("Reading rows…"))
        if all(v.is_blank(c) for c in cells):
            blank_run += 1
            if blank_run >= BLANK_RUN_STOP:
                notes.append(
                    _(
                        "Stopped reading at row {row}: {count} blank rows in a row.",
                        row=excel_row,
                        count=BLANK_RUN_STOP,
                    )
                )
                break
            continue
        if blank_run:
            skipped.append(
                SkippedRow(excel_row - blank_run, _("blank row"))
                if blank_run == 1
                else SkippedRow(
                    excel_row - blank_run,
                    ngettext("{n} blank row", "{n} blank rows", blank_run),
                )
            )
        blank_run = 0
        if is_totals_row(cells) and not _names_a_member(cells, mapped):
            skipped.append(SkippedRow(excel_row, _("totals row")))
            continue
        title = title_text(cells)
        if title is not None:
            skipped.append(
                SkippedRow(excel_row, _("title or note row ({title})", title=title[:60]))
            )
            continue
        if is_repeated_header(cells, mapped):
            skipped.append(SkippedRow(excel_row, _("the header row again")))
            continue
        if example and _is_template_example(cells, example):
            skipped.append(SkippedRow(excel_row, _("the template's example row")))
            continue
        if all(
            v.is_blank(cells[c.index]) if c.index < len(cells) else True for c in identity_columns
        ):
            if (
                rows
                and last_data_row == excel_row - 1
                and any(
                    c.index < len(cells) and not v.is_blank(cells[c.index]) for c in plot_columns
                )
            ):
                # A further plot of the member above (rosters with one row per plot).
                parent = rows[-1].values.get(_PLOT_OF) or rows[-1].row
                parsed = parse_row(excel_row, cells, plot_columns, today, plot_readers)
                rows.append(RosterRow(excel_row, {_PLOT_OF: parent}, parsed.problems, parsed.plots))
                last_data_row = excel_row
                continue
            preview = " ".join(cell_text(c) for c in cells if not v.is_blank(c))[:60]
            skipped.append(
                SkippedRow(excel_row, _("no member on this row ({preview})", preview=preview))
            )
            continue
        if len(rows) >= MAX_DATA_ROWS:
            raise WorkbookError(
                _(
                    "The sheet has more than {MAX_DATA_ROWS} member rows; split it into smaller files.",
                    MAX_DATA_ROWS=format(MAX_DATA_ROWS, ","),
                )
            )
        if FormulaText in map(type, cells):  # rarely: then which mapped cells
            formulas = {
                c.index
                for c in mapped
                if c.index < len(cells) and isinstance(cells[c.index], FormulaText)
            }
            if formulas:
                formula_rows[excel_row] = formulas
        rows.append(parse_row(excel_row, cells, mapped, today, readers))
        last_data_row = excel_row
    return rows, skipped, notes, formula_rows


def _names_a_member(cells: Sequence[Any], mapped: Sequence[SourceColumn]) -> bool:
    """A totals-looking row that still has a valid code and a name is a member row."""
    by_field = {c.field: cells[c.index] for c in mapped if c.index < len(cells)}
    code = by_field.get("code")
    if v.is_blank(code) or (isinstance(code, str) and TOTAL_WORDS.match(fold(code))):
        return False
    try:
        parse_code(code)
    except ParseError:
        return False
    names = [by_field.get(k) for k in ("first_names", "surnames", *FULL_NAME_FIELDS)]
    return any(isinstance(n, str) and n.strip() and not TOTAL_WORDS.match(fold(n)) for n in names)


def _resolve_formulas(
    path: Path,
    sheet: str,
    columns: Sequence[SourceColumn],
    rows: list[RosterRow],
    formula_rows: dict[int, set[int]],
    today: date,
) -> list[RosterRow]:
    """Rows with formulas in data cells: read again with the values Excel saved."""
    values = saved_values(path, sheet, formula_rows)
    mapped = [c for c in columns if c.field]
    readers = column_readers(mapped, today)
    out: list[RosterRow] = []
    for row in rows:
        if row.row not in formula_rows:
            out.append(row)
            continue
        cached = values.get(row.row, ())
        parsed = parse_row(row.row, cached, mapped, today, readers)
        missing = [
            Problem(
                c.field or "",
                _(
                    "the cell holds a formula whose result was not saved; open the file in Excel or LibreOffice, save it, and import again (or type the value)"
                ),
                row.row,
                c.describe(),
            )
            for c in mapped
            if c.index in formula_rows[row.row]
            and (c.index >= len(cached) or cached[c.index] is None)
        ]
        # A required value that is missing because its formula has no result: say so once.
        unsaved = {p.column for p in missing}
        kept = [p for p in parsed.problems if p.column not in unsaved]
        out.append(RosterRow(row.row, parsed.values, (*kept, *missing), parsed.plots))
    return out


def _merge_plot_rows(rows: list[RosterRow]) -> tuple[list[RosterRow], list[str]]:
    """One member per code: rows that only add a plot (a blank-identity row under a member,
    or the same code and name again) become further plots of that member."""
    out: list[RosterRow] = []
    by_row: dict[int, int] = {}
    by_code: dict[str, int] = {}
    notes: list[str] = []
    for row in rows:
        parent_row = row.values.get(_PLOT_OF)
        target: int | None = None
        if parent_row is not None:
            target = by_row.get(parent_row)
        elif row.code and row.code in by_code and row.plots:
            first = out[by_code[row.code]]
            if _same_member(first, row):
                target = by_code[row.code]
        if target is None:
            if parent_row is not None:
                continue  # its member row was merged away: cannot happen, kept for safety
            by_row[row.row] = len(out)
            if row.code and row.code not in by_code:
                by_code[row.code] = len(out)
            out.append(row)
            continue
        parent = out[target]
        by_row[row.row] = target
        notes.append(f"Row {row.row}: another plot of the member on row {parent.row}.")
        out[target] = RosterRow(
            parent.row,
            parent.values,
            (*parent.problems, *row.problems),
            (*parent.plots, *row.plots),
        )
    return [_name_plots(r) for r in out], notes


def _same_member(first: RosterRow, again: RosterRow) -> bool:
    for key in ("first_names", "surnames", "dni", "gender"):
        a, b = first.values.get(key), again.values.get(key)
        if a and b and fold(str(a)) != fold(str(b)):
            return False
    return True


def _name_plots(row: RosterRow) -> RosterRow:
    """Several unnamed plots of one member: "Parcela 1", "Parcela 2"..."""
    if len(row.plots) < 2 or all(p.name for p in row.plots):
        return row
    named = tuple(
        p if p.name else replace(p, name=f"Parcela {i}") for i, p in enumerate(row.plots, start=1)
    )
    return RosterRow(row.row, row.values, row.problems, named)


_PARTICLES = {"de", "del", "la", "las", "los", "y", "da", "di", "van", "von", "san", "santa"}


def split_full_name(text: str, surnames_first: bool) -> tuple[str, str]:
    """``"Núñez Vega, Rosa Elvira"`` / ``"Rosa Elvira Núñez Vega"`` -> (first names, surnames).

    With a comma the sides are explicit. Without one, Peruvians carry two surnames: the first
    two words (surnames first) or the last two (names first) are the surnames; particles such
    as "de la" stay with the surname they belong to.
    """
    text = clean(text)
    if "," in text:
        left, right = (clean(p) for p in text.split(",", 1))
        return (right, left) if surnames_first else (left, right)
    words = text.split(" ")
    groups: list[str] = []
    pending: list[str] = []
    for word in words:
        if fold(word) in _PARTICLES:
            pending.append(word)
            continue
        groups.append(" ".join([*pending, word]))
        pending = []
    if pending:
        groups.append(" ".join(pending))
    if len(groups) <= 1:
        return ("", text) if surnames_first else (text, "")
    count = 2 if len(groups) >= 3 else 1
    if surnames_first:
        return " ".join(groups[count:]), " ".join(groups[:count])
    return " ".join(groups[:-count]), " ".join(groups[-count:])


_PHONE_SEPARATOR = re.compile(r"\s*(?:[/;,|]|\by\b|\bo\b)\s*")


def parse_row(
    excel_row: int,
    cells: Sequence[Any],
    mapped: Sequence[SourceColumn],
    today: date,
    readers: Sequence[ColumnReader] | None = None,
) -> RosterRow:
    """The member (and plot) on one row: each mapped cell read by its field's rule, every
    problem kept with its row and column. ``readers`` (:func:`column_readers` of ``mapped``)
    are made once per sheet by a caller reading many rows."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []

    def bad(column: SourceColumn, message: str, field_key: str | None = None) -> None:
        problems.append(
            Problem(field_key or column.field or "", message, excel_row, column.describe())
        )

    plot_fields: dict[str, Any] = {}
    width = len(cells)
    for column, key, is_plot, read in readers or column_readers(mapped, today):
        index = column.index
        raw = cells[index] if index < width else None
        if raw.__class__ is not str and isinstance(raw, str):
            if isinstance(raw, ExcelError):
                bad(column, _excel_error_message(raw))
                continue
            if isinstance(raw, FormulaText):
                value = None  # a formula: its saved value is read in a second pass
            else:
                value = read(raw)
        else:
            value = read(raw)
        if value.__class__ is _Refused:
            bad(column, value.message)
            continue
        if is_plot:
            plot_fields[key] = value
        else:
            values[key] = value
    # Several phones in one cell ("987654321 / 976543210"): the first is the member's phone,
    # the others are kept (the import notes them).
    phone = values.get("phone")
    if phone and not phone.isdigit():  # digits only: one number, nothing to split
        numbers = [p.strip() for p in _PHONE_SEPARATOR.split(phone) if p.strip()]
        if len(numbers) > 1:
            values["phone"] = numbers[0]
            values["other_phones"] = " / ".join(numbers[1:])
    # Names from split columns.
    if "full_name_surnames_first" in values or "full_name_names_first" in values:
        surnames_first = "full_name_surnames_first" in values
        full = values.pop("full_name_surnames_first", None) or values.pop(
            "full_name_names_first", None
        )
        values.pop("full_name_names_first", None)
        if full:
            first, last = split_full_name(full, surnames_first)
            values.setdefault("first_names", first)
            values.setdefault("surnames", last)
    if "surname_1" in values or "surname_2" in values:
        parts = [values.pop("surname_1", "") or "", values.pop("surname_2", "") or ""]
        joined = clean(" ".join(parts))
        if joined and not values.get("surnames"):
            values["surnames"] = joined
    _utm_to_degrees(plot_fields, mapped, bad)
    plots: tuple[PlotData, ...] = ()
    if any(plot_fields.get(k) not in (None, "") for k in plot_fields):
        total = plot_fields.get("total_area")
        coffee = plot_fields.get("coffee_area")
        if total is None and coffee is not None:
            total = coffee  # only the coffee area is known: the plot is at least that large
        plots = (
            PlotData(
                name=plot_fields.get("plot_name") or "",
                total_area_ha=total,
                coffee_area_ha=coffee,
                altitude_m=plot_fields.get("altitude"),
                varieties=plot_fields.get("varieties") or "",
                latitude=plot_fields.get("latitude"),
                longitude=plot_fields.get("longitude"),
                row=excel_row,
            ),
        )
    return RosterRow(excel_row, values, tuple(problems), plots)


def _utm_to_degrees(
    plot_fields: dict[str, Any],
    mapped: Sequence[SourceColumn],
    bad: Callable[[SourceColumn, str, str | None], None],
) -> None:
    """UTM easting/northing (and zone) become the plot's latitude/longitude. Metres typed in
    the latitude/longitude columns (a surveyor's "Coordenada X/Y") count as UTM when a zone
    is given. Latitude/longitude in degrees win over UTM columns when both are filled."""
    east, north = plot_fields.pop("utm_east", None), plot_fields.pop("utm_north", None)
    zone = plot_fields.pop("utm_zone", None)
    lat, lon = plot_fields.get("latitude"), plot_fields.get("longitude")
    if (
        zone is not None
        and lat is not None
        and lon is not None
        and (abs(lon) > 180 or abs(lat) > 90)
    ):
        east, north, lat, lon = lon, lat, None, None
        plot_fields.pop("latitude"), plot_fields.pop("longitude")
    if east is None and north is None:
        return
    column = next((c for c in mapped if c.field in ("utm_east", "utm_north", "longitude")), None)
    assert column is not None  # a value came from one of them
    if lat is not None and lon is not None:
        return
    if east is None or north is None:
        bad(column, _("give both the UTM easting (Este) and northing (Norte)"), "utm_east")
        return
    if zone is None:
        bad(column, _("UTM coordinates need their zone (17S, 18S or 19S)"), "utm_zone")
        return
    try:
        point = utm_to_position(east, north, zone)
    except GeometryError as exc:
        bad(column, str(exc), "utm_east")
        return
    places = Decimal("0.000001")
    plot_fields["latitude"] = point.lat.quantize(places, ROUND_HALF_UP)
    plot_fields["longitude"] = point.lon.quantize(places, ROUND_HALF_UP)


def _excel_error_message(raw: str) -> str:
    return _(
        "the cell shows the Excel error {raw}; correct its formula or type the value",
        raw=raw,
    )


_DATE_FIELDS = ("birth_date", "join_date", "status_date")


def _field_rule(key: str, today: date) -> Callable[[Any], Any]:
    """The rule reading a cell of field ``key`` (raising ``ValueError`` when it cannot),
    chosen once per column rather than for every cell: the one place the roster's fields
    are read."""
    if key == "code":
        return _read_code
    if key == "dni":
        return _read_dni
    if key == "gender":
        return v.read_gender
    if key in _DATE_FIELDS:
        return lambda raw: _read_day(raw, today)
    if key in ("total_area", "coffee_area"):
        return _read_area
    if key in ("latitude", "longitude"):
        return _read_degrees
    if key in ("utm_east", "utm_north"):
        return _read_metres
    if key == "utm_zone":
        return _read_zone
    if key == "altitude":
        return v.read_int
    if key == "fairtrade":
        return v.read_yes_no
    if key == "organic_status":
        return v.read_organic_status
    if key == "status":
        return v.read_member_status
    if key == "notes":
        return _read_notes
    return v.read_text  # the phone, names, caserío... as text


def _read_code(raw: Any) -> str | None:
    if v.is_blank(raw):
        return None
    return parse_code(v.read_text(raw))


_DNI_LABEL = re.compile(r"^(dni|d\.n\.i\.?|le)\s*:?\s*", re.I)


def _read_dni(raw: Any) -> str | None:
    if isinstance(raw, str):
        raw = _DNI_LABEL.sub("", raw.strip())
    return parse_dni(raw)


def _read_day(raw: Any, today: date) -> date | None:
    day = v.read_date(raw, today)
    if beyond := limits.check_date(day):
        raise ValueError(beyond)
    return day


def _read_area(raw: Any) -> Decimal | None:
    value = v.read_decimal(raw, decimal_comma=True, places=6)
    if value is not None and value < 0:
        raise ValueError(_("an area cannot be negative"))
    return value


def _read_degrees(raw: Any) -> Decimal | None:
    return v.read_decimal(raw, decimal_comma=True, places=6)


def _read_metres(raw: Any) -> Decimal | None:
    return v.read_decimal(raw, decimal_comma=True, places=2)


def _read_zone(raw: Any) -> int | None:
    return None if v.is_blank(raw) else parse_utm_zone(raw)


def _read_notes(raw: Any) -> str:
    if v.is_blank(raw) or not isinstance(raw, str):
        return v.read_text(raw)
    return "\n".join(clean(line) for line in raw.strip().splitlines())


@dataclass(frozen=True, slots=True)
class _Refused:
    """A cell its field's rule refused, with the reason (kept like a value, not raised)."""

    message: str


# Values whose reading is remembered per column: immutable, and equal ones are read alike
# (the class is part of the key: 1, 1.0 and True are equal in Python, not in a cell).
_REMEMBERED_TYPES = frozenset({str, int, float, bool, datetime, date})
_REMEMBERED_PER_COLUMN = 4096
_REMEMBERED_TEXT_LENGTH = 100
_UNSEEN = object()

# (column, field key, is a plot field, read: raw cell -> value or _Refused)
ColumnReader = tuple[SourceColumn, str, bool, Callable[[Any], Any]]


def column_readers(mapped: Sequence[SourceColumn], today: date) -> tuple[ColumnReader, ...]:
    """For each mapped column, its field's rule, chosen once for the sheet. Each remembers
    what it read for values that repeat down a column (a caserío, a sex, "Sí", an organic
    status, an area): the same value in the same column reads the same, so the rule runs
    once per distinct value, not once per cell. A refusal is returned as :class:`_Refused`."""
    return tuple(
        (column, key, key in PLOT_FIELDS, _remembering(_field_rule(key, today)))
        for column in mapped
        for key in (column.field or "",)
    )


def _remembering(rule: Callable[[Any], Any]) -> Callable[[Any], Any]:
    memory: dict[Any, Any] = {}

    def read(raw: Any) -> Any:
        kind = raw.__class__
        if kind not in _REMEMBERED_TYPES or (kind is str and len(raw) > _REMEMBERED_TEXT_LENGTH):
            return _apply(rule, raw)
        if kind is float and raw == 0:
            return _apply(rule, raw)  # -0.0 equals 0.0 but may not read the same
        key = raw if kind is str else (kind, raw)
        found = memory.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = _apply(rule, raw)
            if len(memory) < _REMEMBERED_PER_COLUMN:
                memory[key] = found
        return found

    return read


def _apply(rule: Callable[[Any], Any], raw: Any) -> Any:
    try:
        return rule(raw)
    except (ValueError, ParseError) as exc:
        return _Refused(str(exc))


def _read_plots_sheet(
    path: Path, sheet: str, today: date
) -> tuple[dict[str, list[PlotData | Problem]], list[str]]:
    """Plots keyed by member code; a plot row that cannot be read is kept as a Problem."""
    wb = open_workbook(path)
    result: dict[str, list[PlotData | Problem]] = {}
    try:
        ws = wb[sheet]
        head = list(sheet_rows(ws, max_row=HEADER_SCAN_ROWS))
        found = find_header(head, match_field)
        if found is None:
            return {}, []
        index = found.index
        columns = [
            SourceColumn(i, get_column_letter(i + 1), found.texts[i], f)
            for i, f in found.found.items()
        ]
        code_column = next(c for c in columns if c.field == "code")
        readers = column_readers(columns, today)
        number = index + 1
        for cells in sheet_rows(ws, min_row=index + 2):
            number += 1
            if all(v.is_blank(c) for c in cells) or is_totals_row(cells):
                continue
            raw_code = cells[code_column.index] if code_column.index < len(cells) else None
            try:
                code = parse_code(v.read_text(raw_code))
            except ParseError as exc:
                result.setdefault("", []).append(
                    Problem("code", f"{sheet}: {exc}", number, code_column.describe())
                )
                continue
            parsed = parse_row(number, cells, columns, today, readers)
            entry: list[PlotData | Problem] = result.setdefault(code, [])
            entry.extend(
                Problem(p.field, f"{sheet}: {p.message}", p.row, p.column) for p in parsed.problems
            )
            entry.extend(parsed.plots)
    finally:
        wb.close()
    return result, [f"Plots read from the sheet {sheet!r}."]


def _attach_plots(
    rows: list[RosterRow], plots: dict[str, list[PlotData | Problem]]
) -> list[RosterRow]:
    out: list[RosterRow] = []
    for row in rows:
        entries = plots.get(row.code, [])
        found = tuple(e for e in entries if isinstance(e, PlotData))
        problems = tuple(e for e in entries if isinstance(e, Problem))
        # The Plots sheet replaces the area columns of the member sheet (there, they are sums).
        out.append(replace(row, problems=(*row.problems, *problems), plots=found))
    return out


_EXAMPLE_FIELDS = ("code", "first_names", "surnames")


def _template_example(mapped: Sequence[SourceColumn]) -> tuple[tuple[int, object], ...]:
    """(column index, text) of the template's example row in these columns: its code, names
    and surnames as :func:`write_template` writes them; empty when a column is not mapped
    (then no row can be the example)."""
    by_field = {c.field: c.index for c in mapped}
    if any(key not in by_field for key in _EXAMPLE_FIELDS):
        return ()
    return tuple((by_field[key], FIELD_BY_KEY[key].example) for key in _EXAMPLE_FIELDS)


def _is_template_example(cells: Sequence[Any], example: Sequence[tuple[int, object]]) -> bool:
    """The example row of :func:`write_template` left in a filled-in template: never a member
    (its code, names and surnames as written there, ``example`` from
    :func:`_template_example`)."""
    return all(index < len(cells) and cell_text(cells[index]) == text for index, text in example)
