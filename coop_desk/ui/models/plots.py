"""Editable table of a member's plots inside the member editor.

Cells hold the text the user typed; numbers are parsed only when the member is saved, so a
half-typed value is never lost and every problem is reported at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from coop_desk.domain.members import PlotInput
from coop_desk.domain.money import MoneyError, parse_amount
from coop_desk.domain.problems import Problem
from coop_desk.services.members import PlotRow
from coop_desk.ui.labels import QT_TRANSLATE_NOOP
from coop_desk.ui.widgets import format_decimal, locale_decimal_point

Index = QModelIndex | QPersistentModelIndex

FIELDS = (
    "name",
    "total_area_ha",
    "coffee_area_ha",
    "altitude_m",
    "varieties",
    "latitude",
    "longitude",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlotsEditModel", text)


@dataclass
class PlotDraft:
    id: int | None = None
    values: dict[str, str] = field(default_factory=lambda: dict.fromkeys(FIELDS, ""))


class PlotsEditModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("PlotsEditModel", "Name"),
        QT_TRANSLATE_NOOP("PlotsEditModel", "Total area (ha)"),
        QT_TRANSLATE_NOOP("PlotsEditModel", "Coffee area (ha)"),
        QT_TRANSLATE_NOOP("PlotsEditModel", "Altitude (m)"),
        QT_TRANSLATE_NOOP("PlotsEditModel", "Varieties"),
        QT_TRANSLATE_NOOP("PlotsEditModel", "Latitude"),
        QT_TRANSLATE_NOOP("PlotsEditModel", "Longitude"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PlotDraft] = []
        self.editable = True
        self.modified = False

    def set_plots(self, plots: tuple[PlotRow, ...]) -> None:
        self.beginResetModel()
        self._rows = [
            PlotDraft(
                id=p.id,
                values={
                    "name": p.name,
                    "total_area_ha": format_decimal(p.total_area_ha, 4).rstrip("0").rstrip(".,")
                    or "0",
                    "coffee_area_ha": format_decimal(p.coffee_area_ha, 4).rstrip("0").rstrip(".,")
                    or "0",
                    "altitude_m": "" if p.altitude_m is None else str(p.altitude_m),
                    "varieties": p.varieties,
                    "latitude": "" if p.latitude is None else str(p.latitude.normalize()),
                    "longitude": "" if p.longitude is None else str(p.longitude.normalize()),
                },
            )
            for p in plots
        ]
        self.endResetModel()
        self.modified = False

    def plot_id(self, row: int) -> int | None:
        """The stored plot behind ``row`` (None for a plot not saved yet)."""
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def drafts(self) -> list[PlotDraft]:
        """A copy of the rows as typed (kept across a reload)."""
        return [PlotDraft(d.id, dict(d.values)) for d in self._rows]

    def append_drafts(self, drafts: list[PlotDraft]) -> None:
        """Add rows typed before a reload (new plots, not yet saved)."""
        if not drafts:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(drafts) - 1)
        self._rows.extend(PlotDraft(d.id, dict(d.values)) for d in drafts)
        self.endInsertRows()
        self.modified = True

    def add_plot(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        draft = PlotDraft()
        draft.values["name"] = QCoreApplication.translate("PlotsEditModel", "Plot {0}").format(
            row + 1
        )
        draft.values["total_area_ha"] = "0"
        draft.values["coffee_area_ha"] = "0"
        self._rows.append(draft)
        self.endInsertRows()
        self.modified = True
        return row

    def remove_plot(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.modified = True

    def to_inputs(self) -> tuple[tuple[PlotInput, ...], list[Problem]]:
        """The plots as service input, and every value that could not be read."""
        plots: list[PlotInput] = []
        problems: list[Problem] = []
        point = locale_decimal_point()
        for number, draft in enumerate(self._rows, start=1):
            v = draft.values
            total = _number(
                v,
                "total_area_ha",
                QCoreApplication.translate("PlotsEditModel", "total area"),
                number,
                point,
                problems,
                True,
            )
            coffee = _number(
                v,
                "coffee_area_ha",
                QCoreApplication.translate("PlotsEditModel", "coffee area"),
                number,
                point,
                problems,
                True,
            )
            altitude = _number(
                v,
                "altitude_m",
                QCoreApplication.translate("PlotsEditModel", "altitude"),
                number,
                point,
                problems,
            )
            lat = _number(
                v,
                "latitude",
                QCoreApplication.translate("PlotsEditModel", "latitude"),
                number,
                point,
                problems,
            )
            lon = _number(
                v,
                "longitude",
                QCoreApplication.translate("PlotsEditModel", "longitude"),
                number,
                point,
                problems,
            )
            if altitude is not None and altitude != altitude.to_integral_value():
                problems.append(
                    Problem(
                        f"plots[{number}].altitude_m",
                        QCoreApplication.translate(
                            "PlotsEditModel", "plot {0}: altitude is a whole number of metres"
                        ).format(number),
                    )
                )
            plots.append(
                PlotInput(
                    id=draft.id,
                    name=v["name"],
                    total_area_ha=total if total is not None else Decimal(0),
                    coffee_area_ha=coffee if coffee is not None else Decimal(0),
                    altitude_m=int(altitude) if altitude is not None else None,
                    varieties=v["varieties"],
                    latitude=_round6(lat),
                    longitude=_round6(lon),
                )
            )
        return tuple(plots), problems

    # --- Qt interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(FIELDS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()].values[FIELDS[index.column()]]
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= index.column() <= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        draft = self._rows[index.row()]
        key = FIELDS[index.column()]
        text = "" if value is None else str(value)
        if draft.values[key] == text:
            return False
        self._rows[index.row()] = replace(draft, values={**draft.values, key: text})
        self.modified = True
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.editable else base

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


def _number(
    values: dict[str, str],
    key: str,
    label: str,
    number: int,
    point: str,
    problems: list[Problem],
    required: bool = False,
) -> Decimal | None:
    text = values[key].strip()
    if not text:
        if required:
            message = QCoreApplication.translate(
                "PlotsEditModel", "plot {0}: {1} is required"
            ).format(number, label)
            problems.append(Problem(f"plots[{number}].{key}", message))
        return None
    try:
        return parse_amount(text, point)
    except MoneyError:
        message = QCoreApplication.translate(
            "PlotsEditModel", "plot {0}: {1} {2!r} is not a number"
        ).format(number, label, text)
        problems.append(Problem(f"plots[{number}].{key}", message))
        return None


def _round6(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    return value.quantize(Decimal("0.000001"))
