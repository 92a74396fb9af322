"""Plain-text tables for the command line."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from coop_desk.i18n import _


def table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], right: set[int] | None = None
) -> str:
    """Aligned columns; ``right`` lists the column indexes aligned right (numbers)."""
    right = right or set()
    text_rows = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in text_rows:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(value))

    def line(values: Sequence[str]) -> str:
        cells = [
            v.rjust(widths[i]) if i in right else v.ljust(widths[i]) for i, v in enumerate(values)
        ]
        return "  ".join(cells).rstrip()

    out = [line(list(headers)), line(["-" * w for w in widths])]
    out.extend(line(row) for row in text_rows)
    return "\n".join(out)


def print_trail_head(path: str | os.PathLike[str]) -> None:
    """Print the audit trail head a workbook just written holds (``xlsx.set_trail_head``)."""
    from coop_desk.services.audit import stored_head

    stored = stored_head(path)
    if stored is not None:
        print(
            _(
                "Audit trail head: {head} (stored in the workbook: coop-desk verify --anchor "
                "{path} proves the trail still holds it)",
                head=stored[0],
                path=path,
            )
        )
