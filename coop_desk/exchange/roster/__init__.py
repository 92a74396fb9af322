"""Reading a member roster (padrón de socios) from a real cooperative's Excel file. No Qt.

Modules
    fields  what a roster's columns can hold (:data:`FIELDS`), how people title them, the
            template that lists them
    parser  the roster read into rows: one :class:`RosterRow` per member, with its plots

The generic part (opening the workbook, finding the header row below titles, headers over two
rows, merged cells, repeated header rows, totals rows, several sheets, reading cell values) is
:mod:`coop_desk.exchange.sheets`, shared with the cash-book reader.

The model. A roster is one or more sheets of member rows under a header row. Each column is
mapped to a field (recognised from its header, in Spanish or English, or mapped by hand in the
import wizard); a row's values are read as people type them (:mod:`coop_desk.exchange.values`)
and every value that cannot be read becomes a :class:`~coop_desk.domain.problems.Problem` of
that row, so the wizard and the CLI show them all at once. Plot columns (areas, altitude,
varieties, coordinates) make a plot of the member; further plots come from rows under the member
or from a separate Plots sheet keyed by member code. Rows that are not members (blank, titles,
totals, the header again, the template's example) are skipped and listed, never imported.

Nothing here touches the database: :mod:`coop_desk.services.member_import` compares the parsed
rows with the register and applies them. Organic and Fairtrade status are parsed and kept on each
row (``organic_status``, ``fairtrade``) for the certifications module; the member register
itself has no field for them.
"""

from coop_desk.exchange.roster.fields import (
    FIELD_BY_KEY,
    FIELD_LABELS,
    FIELDS,
    IGNORED,
    PLOT_FIELDS,
    FieldSpec,
    match_header,
    write_template,
)
from coop_desk.exchange.roster.parser import (
    MAX_DATA_ROWS,
    PlotData,
    Roster,
    RosterRow,
    parse_row,
    read_roster,
    split_full_name,
)

__all__ = [
    "FIELDS",
    "FIELD_BY_KEY",
    "FIELD_LABELS",
    "IGNORED",
    "MAX_DATA_ROWS",
    "PLOT_FIELDS",
    "FieldSpec",
    "PlotData",
    "Roster",
    "RosterRow",
    "match_header",
    "parse_row",
    "read_roster",
    "split_full_name",
    "write_template",
]
