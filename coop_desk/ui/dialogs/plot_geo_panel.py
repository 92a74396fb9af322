"""The member editor's plot map: the member's plots drawn to scale (boundaries and points,
problems in red), the findings of the selected plot in words, and its EUDR records: the
boundary from a file, the planting date and the deforestation-free evidence.

Reads ``plot_geo.plot_checks`` for the member (its neighbours' boundaries too, for overlaps);
each button opens a form that writes one change and the panel reloads.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import plot_geo
from coop_desk.services.access import Permission
from coop_desk.services.plot_geo import PlotGeoRow
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.trade import (
    BoundaryFileDialog,
    PlotEvidenceDialog,
    evidence_label,
    issue_lines,
)
from coop_desk.ui.errors import show_error
from coop_desk.ui.plot_map import PlotMap
from coop_desk.ui.widgets import format_date, format_decimal


class PlotGeoPanel(QWidget):
    changed = Signal()  # a plot's EUDR records were saved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id: int | None = None
        self.rows: list[PlotGeoRow] = []
        self.current: int | None = None
        self.map = PlotMap()
        self.map.setMinimumHeight(200)
        self.map.plot_clicked.connect(lambda plot_id: self.select_plot(plot_id, centre=False))
        self.summary = QLabel()
        self.summary.setObjectName("plot_summary")
        self.summary.setWordWrap(True)
        self.findings = QLabel()
        self.findings.setObjectName("plot_findings")
        self.findings.setWordWrap(True)
        self.findings.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.boundary_button = QPushButton(self.tr("Boundary from file…"))
        self.remove_boundary_button = QPushButton(self.tr("Remove boundary"))
        self.evidence_button = QPushButton(self.tr("Planting and evidence…"))
        self.document_button = QPushButton(self.tr("Open evidence document"))
        self.boundary_button.clicked.connect(lambda: self._run(self.boundary_dialog()))
        self.remove_boundary_button.clicked.connect(self.remove_boundary)
        self.evidence_button.clicked.connect(lambda: self._run(self.evidence_dialog()))
        self.document_button.clicked.connect(self.open_document)
        side = QVBoxLayout()
        side.addWidget(self.summary)
        side.addWidget(self.findings)
        side.addStretch(1)
        for button in (
            self.boundary_button,
            self.remove_boundary_button,
            self.evidence_button,
            self.document_button,
        ):
            side.addWidget(button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.map, 3)
        layout.addLayout(side, 2)
        self._update_details()

    # --- data ------------------------------------------------------------------------------
    def set_member(self, member_id: int | None) -> None:
        self.member_id = member_id
        self.reload()

    def reload(self) -> None:
        if self.member_id is None:
            self.rows = []
        else:
            member_id = self.member_id
            self.rows = self.ctx.read(
                lambda s, a: plot_geo.plot_checks(s, a, member_ids=[member_id])
            )
        self.map.set_plots(self.rows, self.current)
        self._update_details()

    def row(self) -> PlotGeoRow | None:
        return next((r for r in self.rows if r.plot_id == self.current), None)

    def select_plot(self, plot_id: int | None, *, centre: bool = True) -> None:
        self.current = plot_id
        self.map.select(plot_id, centre=centre)
        self._update_details()

    # --- display ---------------------------------------------------------------------------
    def _update_details(self) -> None:
        row = self.row()
        writable = self.ctx.can(Permission.MEMBERS_WRITE)
        for button in (self.boundary_button, self.evidence_button):
            button.setEnabled(row is not None and writable)
        self.remove_boundary_button.setEnabled(
            row is not None and writable and row.boundary is not None
        )
        self.document_button.setEnabled(row is not None and bool(row.evidence_document_sha256))
        if row is None:
            failing = sum(1 for r in self.rows if not r.passes)
            if self.member_id is None:
                self.summary.setText(self.tr("Save the member to record the plots' boundaries."))
            elif not self.rows:
                self.summary.setText(self.tr("The member has no plots yet."))
            else:
                self.summary.setText(
                    self.tr("{0} plots, {1} with problems. Select a plot.").format(
                        len(self.rows), failing
                    )
                )
            self.findings.clear()
            return
        kind = {
            "polygon": self.tr("boundary of {0} ha").format(
                format_decimal(row.boundary_area_ha, 2)
            ),
            "point": self.tr("GPS point only"),
            "none": self.tr("no geolocation"),
        }[row.geometry_kind]
        planted = format_date(row.coffee_planted_on) if row.coffee_planted_on else "—"
        evidence = evidence_label(row.evidence_kind) or "—"
        if row.evidence_reference:
            evidence += f" ({row.evidence_reference})"
        self.summary.setText(
            self.tr(
                "<b>{0}</b>: {1} ha recorded, {2}.<br>Coffee planted: {3}. Evidence: {4}."
            ).format(row.plot_name, format_decimal(row.total_area_ha, 2), kind, planted, evidence)
        )
        text = issue_lines(row.issues)
        self.findings.setText(text or self.tr("✔ Passes the EU deforestation rules."))
        colour = "#c62828" if not row.passes else "#2e7d32"
        self.findings.setStyleSheet(f"color: {colour};")

    # --- actions (the *_dialog methods return the form so tests can drive it) ------------------
    def boundary_dialog(self) -> BoundaryFileDialog | None:
        row = self.row()
        return BoundaryFileDialog(self.ctx, row, self) if row else None

    def evidence_dialog(self) -> PlotEvidenceDialog | None:
        row = self.row()
        return PlotEvidenceDialog(self.ctx, row, self) if row else None

    def _run(self, dialog: QWidget | None) -> None:
        if dialog is None:
            return
        if dialog.exec():  # type: ignore[attr-defined]
            self.reload()
            self.changed.emit()

    def remove_boundary(self) -> None:
        row = self.row()
        if row is None:
            return
        plot_id = row.plot_id
        try:
            self.ctx.write(lambda s, a: plot_geo.set_boundary(s, a, plot_id, None), "members")
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return
        self.reload()
        self.changed.emit()

    def open_document(self) -> None:
        row = self.row()
        if row is None:
            return
        plot_id = row.plot_id
        try:
            path = self.ctx.read(lambda s, a: plot_geo.evidence_document_copy(s, a, plot_id))
        except Exception as exc:  # noqa: BLE001 - shown in words (an altered document says so)
            show_error(self, exc)
            return
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
