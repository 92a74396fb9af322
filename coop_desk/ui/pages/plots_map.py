"""Plots map: every plot of the cooperative drawn to scale (no internet needed), the plots that
fail a rule of the EU deforestation regulation in red with the reasons, and the import of
boundaries from GeoJSON, KML/KMZ and GPX files."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coop_desk.domain.members import code_sort_key
from coop_desk.domain.text import fold
from coop_desk.services import plot_geo
from coop_desk.services.access import Permission
from coop_desk.services.plot_geo import PlotGeoRow
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.member_certs_tab import make_table, selected_row
from coop_desk.ui.dialogs.trade import (
    BoundaryFileDialog,
    EudrRulesDialog,
    GeometryImportDialog,
    PlotEvidenceDialog,
    issue_lines,
)
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import QT_TRANSLATE_NOOP
from coop_desk.ui.models.table import Column, RowTableModel
from coop_desk.ui.pages.base import Page
from coop_desk.ui.plot_map import PROBLEM_COLOUR, PlotMap
from coop_desk.ui.widgets import format_decimal
from coop_desk.ui.workers import BackgroundLoader


@dataclass(frozen=True)
class _Loaded:
    rows: list[PlotGeoRow]


def _columns() -> list[Column[PlotGeoRow]]:
    from PySide6.QtCore import QCoreApplication

    def t(text: str) -> str:
        return QCoreApplication.translate("PlotsMapPage", text)

    kinds = {
        "polygon": t(QT_TRANSLATE_NOOP("PlotsMapPage", "boundary")),
        "point": t(QT_TRANSLATE_NOOP("PlotsMapPage", "point")),
        "none": t(QT_TRANSLATE_NOOP("PlotsMapPage", "none")),
    }
    return [
        Column(
            t(QT_TRANSLATE_NOOP("PlotsMapPage", "Member")),
            lambda r: code_sort_key(r.member_code),
            row_display=lambda r: r.member_code,
        ),
        Column(t(QT_TRANSLATE_NOOP("PlotsMapPage", "Plot")), lambda r: r.plot_name),
        Column(
            t(QT_TRANSLATE_NOOP("PlotsMapPage", "EU rules")),
            lambda r: sum(1 for i in r.issues if i.is_error),
            lambda v: (
                t(QT_TRANSLATE_NOOP("PlotsMapPage", "passes"))
                if v == 0
                else t(QT_TRANSLATE_NOOP("PlotsMapPage", "1 problem"))
                if v == 1
                else t(QT_TRANSLATE_NOOP("PlotsMapPage", "{0} problems")).format(v)
            ),
            tooltip=lambda r: issue_lines(r.issues),
        ),
        Column(
            t(QT_TRANSLATE_NOOP("PlotsMapPage", "Geolocation")),
            lambda r: r.geometry_kind,
            lambda v: kinds.get(v, v),
        ),
        Column(
            t(QT_TRANSLATE_NOOP("PlotsMapPage", "Area (ha)")),
            lambda r: r.total_area_ha,
            lambda v: format_decimal(v, 2),
            True,
        ),
        Column(t(QT_TRANSLATE_NOOP("PlotsMapPage", "Name")), lambda r: r.member_name),
    ]


class PlotsMapPage(Page):
    key = "plots"
    topics = frozenset({"members", "settings"})
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[PlotGeoRow] = []
        self.map = PlotMap()
        self.map.plot_clicked.connect(self._map_clicked)
        self.show_combo = QComboBox()
        self.show_combo.addItem(self.tr("All plots"), False)
        self.show_combo.addItem(self.tr("Only plots with problems"), True)
        self.show_combo.currentIndexChanged.connect(lambda _i: self._filter())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Member code, name or plot…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._filter())
        self.import_button = QPushButton(self.tr("Import boundaries…"))
        self.rules_button = QPushButton(self.tr("EU rules…"))
        self.import_button.clicked.connect(lambda: self._run(self.open_import()))
        self.rules_button.clicked.connect(lambda: self._run(self.open_rules()))
        self.model: RowTableModel[PlotGeoRow] = RowTableModel(
            _columns(), self, colour=lambda r: None if r.passes else QColor(PROBLEM_COLOUR)
        )
        self.table = make_table(self.model, 8)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_selected(current.row())
        )
        self.findings = QLabel()
        self.findings.setObjectName("plot_findings")
        self.findings.setWordWrap(True)
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evidence_button = QPushButton(self.tr("Planting and evidence…"))
        self.boundary_button = QPushButton(self.tr("Boundary from file…"))
        self.evidence_button.clicked.connect(lambda: self._run(self.open_evidence()))
        self.boundary_button.clicked.connect(lambda: self._run(self.open_boundary()))
        self.loading_label = QLabel(self.tr("Loading…"))
        self.loading_label.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.show_combo)
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.rules_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 3)
        right_layout.addWidget(self.findings)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.boundary_button)
        buttons.addWidget(self.evidence_button)
        right_layout.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.map)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([620, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.loading_label)
        layout.addWidget(split, 1)

        self.loader = BackgroundLoader(self)
        self.loader.finished.connect(self.loaded)
        self.loader.failed.connect(self._failed)
        self.apply_permissions()
        self._row_selected(-1)

    def title(self) -> str:
        return self.tr("Plots map")

    # --- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def read() -> _Loaded:  # pool thread, own Session
            with db.reading(actor) as s:
                return _Loaded(plot_geo.plot_checks(s, actor))

        self.loading_label.setVisible(True)
        self.status_message.emit(self.tr("Checking the plots…"))
        self.loader.load(read, self._apply)

    def _failed(self, exc: BaseException) -> None:
        self.loading_label.setVisible(False)
        show_error(self, exc)

    def _apply(self, data: _Loaded) -> None:
        self.loading_label.setVisible(False)
        self.rows = data.rows
        self.map.set_plots(self.rows)
        self._filter()

    def _filter(self) -> None:
        only_problems = bool(self.show_combo.currentData())
        words = fold(self.search.text()).split()
        shown = [
            r
            for r in self.rows
            if (not only_problems or not r.passes)
            and all(w in fold(f"{r.member_code} {r.member_name} {r.plot_name}") for w in words)
        ]
        self.model.set_rows(shown)
        failing = sum(1 for r in self.rows if not r.passes)
        polygons = sum(1 for r in self.rows if r.boundary is not None)
        points = sum(1 for r in self.rows if r.boundary is None and r.point is not None)
        self.status_message.emit(
            self.tr("{0} plots: {1} boundaries, {2} points only; {3} fail the EU rules").format(
                len(self.rows), polygons, points, failing
            )
        )

    def apply_permissions(self) -> None:
        writable = self.ctx.can(Permission.MEMBERS_WRITE)
        self.import_button.setEnabled(writable)
        self.rules_button.setEnabled(self.ctx.can(Permission.SETTINGS_WRITE))
        self.evidence_button.setEnabled(writable and self.selected() is not None)
        self.boundary_button.setEnabled(writable and self.selected() is not None)

    def focus_search(self) -> None:
        self.search.setFocus()

    # --- selection -------------------------------------------------------------------------
    def selected(self) -> PlotGeoRow | None:
        return self.model.row_at(selected_row(self.table))

    def _row_selected(self, index: int) -> None:
        row = self.model.row_at(index)
        self.map.select(row.plot_id if row else None, centre=row is not None)
        if row is None:
            self.findings.setText(self.tr("Select a plot in the list or on the map."))
            self.findings.setStyleSheet("")
        else:
            text = issue_lines(row.issues) or self.tr("✔ Passes the EU deforestation rules.")
            self.findings.setText(f"<b>{row.label}</b><br>" + text.replace("\n", "<br>"))
            self.findings.setStyleSheet(f"color: {'#c62828' if not row.passes else '#2e7d32'};")
        self.apply_permissions()

    def _map_clicked(self, plot_id: int) -> None:
        index = self.model.find_row(lambda r: r.plot_id == plot_id)
        if index < 0 and self.show_combo.currentData():
            self.show_combo.setCurrentIndex(0)
            index = self.model.find_row(lambda r: r.plot_id == plot_id)
        if index >= 0:
            self.table.selectRow(index)

    # --- forms (open_* return the form so tests can drive it) ----------------------------------
    def open_import(self) -> GeometryImportDialog:
        return GeometryImportDialog(self.ctx, self)

    def open_rules(self) -> EudrRulesDialog:
        return EudrRulesDialog(self.ctx, self)

    def open_evidence(self) -> PlotEvidenceDialog | None:
        row = self.selected()
        return PlotEvidenceDialog(self.ctx, row, self) if row else None

    def open_boundary(self) -> BoundaryFileDialog | None:
        row = self.selected()
        return BoundaryFileDialog(self.ctx, row, self) if row else None

    def _run(self, dialog: QDialog | None) -> None:
        if dialog is not None:
            dialog.exec()
