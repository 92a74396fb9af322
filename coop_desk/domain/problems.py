"""A problem found in input: where (field, row, column) and why, collected rather than raised."""

from __future__ import annotations

from dataclasses import dataclass

from coop_desk.i18n import _


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input.

    ``field`` names the attribute (``"dni"``); ``row`` and ``column`` locate it in a file
    (Excel row number, column letter or header) when the input came from one.
    """

    field: str
    message: str
    row: int | None = None
    column: str | None = None
    sheet: str | None = None  # the sheet, when a file has several

    def describe(self) -> str:
        where = [_("sheet '{sheet}'", sheet=self.sheet)] if self.sheet else []
        if self.row is not None:
            where.append(_("row {row}", row=self.row))
        if self.column:
            where.append(_("column {column}", column=self.column))
        prefix = f"{', '.join(where)}: " if where else ""
        return f"{prefix}{self.field}: {self.message}" if self.field else f"{prefix}{self.message}"
