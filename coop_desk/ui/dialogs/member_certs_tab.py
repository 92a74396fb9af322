"""The member editor's certification tab: status per scheme and per plot (with conversion
status), inspection history, sanctions and committee decisions, with the actions that add to
them. The member editor embeds it and calls ``set_member``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.domain.certification import COMMITTEE_LABELS, CommitteeDecision
from coop_desk.domain.members import STATUS_LABELS, MemberStatus
from coop_desk.services import certification as certs
from coop_desk.services.access import Permission
from coop_desk.ui import cert_models
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.cert_records import (
    DecisionDialog,
    PlotOrganicDialog,
    SanctionDialog,
    SchemeScopeDialog,
)
from coop_desk.ui.dialogs.certificate import CertificateDialog
from coop_desk.ui.dialogs.inspection import InspectionDialog
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import tr_label
from coop_desk.ui.models.table import RowTableModel, fit_columns
from coop_desk.ui.widgets import format_date


def make_table(model: RowTableModel, rows: int = 4) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Rows arrive in the service's order (newest first, code order...): no column is sorted
    # until the user clicks a header. The indicator is cleared before sorting is enabled:
    # enabling it sorts at once by the indicator (column 0, descending, by default).
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setWordWrap(False)
    # Lists here are a few hundred rows at most: fitting the columns to their contents is
    # cheap. Fitted to the view's width too: on a 1024 px screen a certificate's expiry date
    # was out of sight behind its long scope (``fit_columns``).
    model.modelReset.connect(lambda: fit_columns(view, widest=420))
    view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * (rows + 1) + 4)
    return view


def selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else -1


class MemberCertificationTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today: Callable[[], date] = date.today
        self.member_id: int | None = None
        self.detail: certs.MemberCertification | None = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.schemes_model = cert_models.scheme_status_model(self)
        self.plots_model = cert_models.plot_status_model(self)
        self.inspections_model = cert_models.inspections_model(self)
        self.sanctions_model = cert_models.sanctions_model(lambda: self.today(), self)
        self.schemes_view = make_table(self.schemes_model, 3)
        self.plots_view = make_table(self.plots_model, 3)
        self.inspections_view = make_table(self.inspections_model, 4)
        self.sanctions_view = make_table(self.sanctions_model, 2)

        self.new_inspection_button = QPushButton(self.tr("New inspection…"))
        self.sanction_button = QPushButton(self.tr("Sanction…"))
        self.decision_button = QPushButton(self.tr("Committee decision…"))
        self.plot_button = QPushButton(self.tr("Plot organic status…"))
        self.scope_button = QPushButton(self.tr("Scheme scope…"))
        self.certificate_button = QPushButton(self.tr("Member certificate…"))
        self.certificate_button.clicked.connect(self.new_certificate)
        self.new_inspection_button.clicked.connect(self.new_inspection)
        self.sanction_button.clicked.connect(self.new_sanction)
        self.decision_button.clicked.connect(self.new_decision)
        self.plot_button.clicked.connect(self.edit_plot)
        self.scope_button.clicked.connect(self.edit_scope)
        self.plots_view.doubleClicked.connect(lambda _i: self.edit_plot())
        self.schemes_view.doubleClicked.connect(lambda _i: self.edit_scope())

        buttons = QHBoxLayout()
        for b in (self.new_inspection_button, self.sanction_button, self.decision_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(
            self._box(
                self.tr("Schemes"), self.schemes_view, self.scope_button, self.certificate_button
            )
        )
        layout.addWidget(self._box(self.tr("Plots"), self.plots_view, self.plot_button))
        layout.addWidget(self._box(self.tr("Internal inspections"), self.inspections_view))
        layout.addWidget(self._box(self.tr("Sanctions"), self.sanctions_view))
        ctx.changed.connect(self._on_changed)
        ctx.actor_changed.connect(self.apply_permissions)
        self.set_member(None)

    def _box(self, title: str, view: QTableView, *buttons: QPushButton) -> QGroupBox:
        box = QGroupBox(title)
        lay = QVBoxLayout(box)
        lay.addWidget(view)
        if buttons:
            row = QHBoxLayout()
            row.addStretch(1)
            for button in buttons:
                row.addWidget(button)
            lay.addLayout(row)
        return box

    # --- loading -------------------------------------------------------------------------
    def set_member(self, member_id: int | None) -> None:
        self.member_id = member_id
        self.reload()

    def reload(self) -> None:
        if self.member_id is None:
            self.detail = None
            for model in (
                self.schemes_model,
                self.plots_model,
                self.inspections_model,
                self.sanctions_model,
            ):
                model.set_rows([])
            self.summary.setText(self.tr("Save the member first to record certification data."))
        else:
            member_id, on = self.member_id, self.today()
            try:
                self.detail = self.ctx.read(
                    lambda s, a: certs.member_certification(s, a, member_id, on)
                )
            except Exception as exc:  # noqa: BLE001 - shown in words, the tab stays empty
                show_error(self, exc)
                self.detail = None
                return
            d = self.detail
            self.schemes_model.set_rows(d.schemes)
            self.plots_model.set_rows(d.plots)
            self.inspections_model.set_rows(d.inspections)
            self.sanctions_model.set_rows(d.sanctions)
            self.summary.setText(self._summary(d))
        self.apply_permissions()

    def _summary(self, d: certs.MemberCertification) -> str:
        parts = [
            self.tr("Register: {0}").format(
                tr_label(STATUS_LABELS[MemberStatus(d.register_status)])
            )
        ]
        if d.approved:
            parts.append(self.tr("ICS approved since {0}").format(format_date(d.approval_date)))
        elif d.decisions and d.decisions[0].decision == CommitteeDecision.REJECTED:
            parts.append(
                self.tr("ICS committee: {0} on {1}").format(
                    tr_label(COMMITTEE_LABELS[CommitteeDecision.REJECTED]),
                    format_date(d.decisions[0].decision_date),
                )
            )
        else:
            parts.append(self.tr("awaiting the ICS committee's approval"))
        if d.excluded:
            parts.append(self.tr("excluded from the organic group"))
        elif d.suspended:
            parts.append(self.tr("suspended: plots do not count as certified"))
        last = d.inspections[0].inspection_date if d.inspections else None
        parts.append(
            self.tr("last inspection {0}").format(format_date(last))
            if last
            else self.tr("never inspected")
        )
        if not d.inspected_this_year:
            parts.append(self.tr("not inspected in {0}").format(d.on.year))
        return " · ".join(parts)

    def apply_permissions(self) -> None:
        can = self.ctx.can(Permission.CERTS_WRITE) and self.member_id is not None
        for b in (
            self.new_inspection_button,
            self.sanction_button,
            self.decision_button,
            self.plot_button,
            self.scope_button,
            self.certificate_button,
        ):
            b.setEnabled(can)

    def _on_changed(self, topic: str) -> None:
        if topic in ("certs", "members", "*") and self.member_id is not None:
            self.reload()

    # --- dialogs (open_* return the dialog so tests can drive it) -------------------------
    def open_inspection(self) -> InspectionDialog:
        return InspectionDialog(self.ctx, self.member_id, self, today=self.today)

    def open_sanction(self) -> SanctionDialog:
        assert self.member_id is not None
        return SanctionDialog(self.ctx, self.member_id, self, today=self.today)

    def open_decision(self) -> DecisionDialog:
        assert self.member_id is not None
        return DecisionDialog(self.ctx, self.member_id, self, today=self.today)

    def open_plot(self) -> PlotOrganicDialog | None:
        row = self.plots_model.row_at(selected_row(self.plots_view))
        if row is None and self.plots_model.rows():
            row = self.plots_model.rows()[0]
        return PlotOrganicDialog(self.ctx, row, self, today=self.today) if row else None

    def open_scope(self) -> SchemeScopeDialog | None:
        row = self.schemes_model.row_at(selected_row(self.schemes_view))
        if row is None or self.member_id is None:
            return None
        return SchemeScopeDialog(self.ctx, self.member_id, row, self, today=self.today)

    def open_certificate(self) -> CertificateDialog:
        """A certificate of this member (for schemes that certify each farm)."""
        row = self.schemes_model.row_at(selected_row(self.schemes_view))
        dialog = CertificateDialog(self.ctx, member_id=self.member_id, parent=self)
        if row is not None:
            dialog.scheme.setCurrentIndex(dialog.scheme.findData(row.scheme_id))
        return dialog

    def new_certificate(self) -> None:
        self._run(self.open_certificate())

    def _run(self, dialog: QDialog | None) -> None:
        if dialog is not None:
            dialog.exec()

    def new_inspection(self) -> None:
        self._run(self.open_inspection())

    def new_sanction(self) -> None:
        self._run(self.open_sanction())

    def new_decision(self) -> None:
        self._run(self.open_decision())

    def edit_plot(self) -> None:
        self._run(self.open_plot())

    def edit_scope(self) -> None:
        self._run(self.open_scope())
