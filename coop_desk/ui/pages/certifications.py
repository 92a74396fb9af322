"""Certifications: the cooperative's certificates, the organic Internal Control System (ICS)
overview with its coverage bar and inspection schedule, and the alerts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coop_desk.domain.certification import CONVERSION_LABELS, ConversionStatus
from coop_desk.errors import NotFound
from coop_desk.services import certification as certs
from coop_desk.services import cooperative, documents, ics_list
from coop_desk.services.access import Permission
from coop_desk.services.certification import alerts as cert_alerts
from coop_desk.ui import cert_models, exported
from coop_desk.ui import documents as ui_documents
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.cert_records import CompleteActionDialog, SanctionDialog
from coop_desk.ui.dialogs.certificate import CertificateDialog
from coop_desk.ui.dialogs.inspection import InspectionDialog
from coop_desk.ui.dialogs.member_certs_tab import make_table, selected_row
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import tr_label
from coop_desk.ui.layout_memory import remember_tab
from coop_desk.ui.pages.base import Page
from coop_desk.ui.widgets import format_decimal
from coop_desk.ui.workers import BackgroundLoader, Cancelled, Progress, run_with_progress


@dataclass(frozen=True)
class _Loaded:
    """What one refresh reads in the background (frozen rows only, no ORM objects)."""

    on: date
    days: int
    certificates: list[certs.CertificateRow]
    board: cert_alerts.Dashboard
    sanctions: list[certs.SanctionRow]


class CertificationsPage(Page):
    key = "certs"
    topics = frozenset({"certs", "members", "settings"})
    help_topic = "certifications"
    loaded = Signal()  # a refresh's result has been applied (it loads in a pool thread)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today: Callable[[], date] = date.today
        self.overview: certs.IcsOverview | None = None
        today = lambda: self.today()  # noqa: E731 - read at display time

        # Certificates
        self.certificates_model = cert_models.certificates_model(today, self)
        self.certificates_view = make_table(self.certificates_model, 6)
        self.certificates_view.doubleClicked.connect(lambda _i: self.edit_certificate())
        self.new_certificate_button = QPushButton(self.tr("New certificate…"))
        self.edit_certificate_button = QPushButton(self.tr("&Edit…"))
        self.open_document_button = QPushButton(self.tr("Open document"))
        self.new_certificate_button.clicked.connect(self.new_certificate)
        self.edit_certificate_button.clicked.connect(self.edit_certificate)
        self.open_document_button.clicked.connect(self.open_document)
        cert_tab = QWidget()
        cert_layout = QVBoxLayout(cert_tab)
        cert_layout.addWidget(self.certificates_view)
        row = QHBoxLayout()
        for b in (
            self.new_certificate_button,
            self.edit_certificate_button,
            self.open_document_button,
        ):
            row.addWidget(b)
        row.addStretch(1)
        cert_layout.addLayout(row)

        # ICS overview
        self.coverage_bar = QProgressBar()
        self.coverage_bar.setRange(0, 1000)  # tenths of a percent
        self.coverage_label = QLabel()
        self.ics_summary = QLabel()
        self.ics_summary.setWordWrap(True)
        self.schedule_model = cert_models.schedule_model(self)
        self.schedule_view = make_table(self.schedule_model, 6)
        self.schedule_view.doubleClicked.connect(lambda _i: self.new_inspection())
        self.actions_model = cert_models.actions_model(today, self)
        self.actions_view = make_table(self.actions_model, 4)
        self.inspection_button = QPushButton(self.tr("New inspection…"))
        self.sanction_button = QPushButton(self.tr("Sanction…"))
        self.complete_button = QPushButton(self.tr("Mark done…"))
        self.export_button = QPushButton(self.tr("Export ICS list…"))
        self.inspection_button.clicked.connect(self.new_inspection)
        self.sanction_button.clicked.connect(self.new_sanction)
        self.complete_button.clicked.connect(self.complete_action)
        self.export_button.clicked.connect(self.export_ics)
        ics_tab = QWidget()
        ics_layout = QVBoxLayout(ics_tab)
        bar_row = QHBoxLayout()
        bar_row.addWidget(self.coverage_label)
        bar_row.addWidget(self.coverage_bar, 1)
        bar_row.addWidget(self.export_button)
        ics_layout.addLayout(bar_row)
        ics_layout.addWidget(self.ics_summary)
        self.schedule_box = QGroupBox(self.tr("Not yet inspected this year"))
        sched = QVBoxLayout(self.schedule_box)
        sched.addWidget(self.schedule_view)
        sched_buttons = QHBoxLayout()
        sched_buttons.addStretch(1)
        sched_buttons.addWidget(self.inspection_button)
        sched_buttons.addWidget(self.sanction_button)
        sched.addLayout(sched_buttons)
        actions_box = QGroupBox(self.tr("Corrective actions due"))
        act = QVBoxLayout(actions_box)
        act.addWidget(self.actions_view)
        act_buttons = QHBoxLayout()
        act_buttons.addStretch(1)
        act_buttons.addWidget(self.complete_button)
        act.addLayout(act_buttons)
        ics_layout.addWidget(self.schedule_box, 3)
        ics_layout.addWidget(actions_box, 2)

        # Sanctions
        self.sanctions_model = cert_models.sanctions_model(today, self, with_member=True)
        self.sanctions_view = make_table(self.sanctions_model, 8)
        self.new_sanction_button = QPushButton(self.tr("New sanction…"))
        self.new_sanction_button.clicked.connect(self.new_any_sanction)
        sanctions_tab = QWidget()
        sl = QVBoxLayout(sanctions_tab)
        sl.addWidget(self.sanctions_view)
        s_buttons = QHBoxLayout()
        s_buttons.addStretch(1)
        s_buttons.addWidget(self.new_sanction_button)
        sl.addLayout(s_buttons)

        # Alerts
        self.days = QSpinBox()
        self.days.setRange(0, 3650)
        self.days.setValue(cert_alerts.DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(lambda _v: self.load_alerts())
        self.alerts_model = cert_models.alerts_model(self)
        self.alerts_view = make_table(self.alerts_model, 8)
        alerts_tab = QWidget()
        al = QVBoxLayout(alerts_tab)
        days_row = QHBoxLayout()
        days_row.addWidget(QLabel(self.tr("Look ahead:")))
        days_row.addWidget(self.days)
        days_row.addStretch(1)
        al.addLayout(days_row)
        al.addWidget(self.alerts_view)

        # Refreshing reads the whole ICS (seconds at federation size): a pool thread does it.
        self.loader = BackgroundLoader(self)
        self.loader.finished.connect(self.loaded)
        self.loader.failed.connect(self._load_failed)
        self.alerts_loader = BackgroundLoader(self)
        self.alerts_loader.failed.connect(self._load_failed)
        self.loading_label = QLabel(self.tr("Loading…"))
        self.loading_label.setVisible(False)

        self.tabs = QTabWidget()
        self.tabs.addTab(cert_tab, self.tr("Certificates"))
        self.tabs.addTab(ics_tab, self.tr("Internal Control System"))
        self.tabs.addTab(sanctions_tab, self.tr("Sanctions"))
        self.tabs.addTab(alerts_tab, self.tr("Alerts"))
        remember_tab(self.tabs, "certs")
        self.targets = {
            "certificates": cert_tab,
            "ics": ics_tab,
            "sanctions": sanctions_tab,
            "alerts": alerts_tab,
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self.loading_label)
        layout.addWidget(self.tabs)
        self.apply_permissions()

    def title(self) -> str:
        return self.tr("Certifications")

    def show_target(self, target: str) -> None:
        tab = self.targets.get(target)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)

    # --- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Start reading in a pool thread; ``loaded`` is emitted once the page shows it."""
        db, actor, on, days = self.ctx.db, self.ctx.actor, self.today(), self.days.value()

        def read() -> _Loaded:  # runs in a pool thread with its own Session
            with db.reading(actor) as s:
                return _Loaded(
                    on=on,
                    days=days,
                    certificates=certs.list_certificates(s, actor, everyone=True),
                    board=cert_alerts.dashboard(s, actor, on, days),
                    sanctions=certs.list_sanctions(s, actor),
                )

        self._set_loading(True)
        self.loader.load(read, self._apply)

    def _set_loading(self, loading: bool) -> None:
        self.loading_label.setVisible(loading)
        if loading:
            self.status_message.emit(self.tr("Loading the certifications…"))

    def _load_failed(self, exc: BaseException) -> None:
        self._set_loading(False)
        show_error(self, exc)

    def _apply(self, data: _Loaded) -> None:
        self._set_loading(False)
        on, board = data.on, data.board
        self.certificates_model.set_rows(data.certificates)
        self.overview = o = board.overview
        if data.days == self.days.value():  # else the alerts loader brings the newer look-ahead
            self.alerts_model.set_rows(board.alerts)
        self.coverage_bar.setValue(int(o.coverage_percent * 10))
        self.coverage_bar.setFormat(f"{format_decimal(o.coverage_percent, 1)}%")
        self.coverage_label.setText(
            self.tr("ICS coverage {0}: {1} of {2} members inspected").format(
                on.year, o.inspected, o.group_members
            )
        )
        areas = ", ".join(
            f"{tr_label(CONVERSION_LABELS[s])} {format_decimal(o.area_by_status.get(s), 2)} ha"
            for s in ConversionStatus
        )
        self.ics_summary.setText(
            self.tr(
                "Target 100%. Certifier's re-inspection sample: {0} members. "
                "Awaiting committee approval: {1}. Overdue corrective actions: {2}.\n{3}"
            ).format(o.reinspection_sample, len(o.pending_approval), len(o.overdue_actions), areas)
        )
        self.schedule_box.setTitle(self.tr("Not yet inspected in {0}").format(on.year))
        self.schedule_model.set_rows(o.not_inspected)
        self.actions_model.set_rows(o.open_actions)
        self.sanctions_model.set_rows(data.sanctions)
        self.status_message.emit(
            self.tr("{0} certificates · ICS coverage {1}% · {2} alerts").format(
                len(self.certificates_model.rows()),
                format_decimal(o.coverage_percent, 1),
                len(self.alerts_model.rows()),
            )
        )

    def load_alerts(self) -> None:
        db, actor, on, days = self.ctx.db, self.ctx.actor, self.today(), self.days.value()

        def read() -> list[cert_alerts.Alert]:  # pool thread, own Session
            with db.reading(actor) as s:
                return cert_alerts.alerts(s, actor, on, days)

        self.alerts_loader.load(read, self.alerts_model.set_rows)

    def apply_permissions(self) -> None:
        can = self.ctx.can(Permission.CERTS_WRITE)
        for b in (
            self.new_certificate_button,
            self.inspection_button,
            self.sanction_button,
            self.complete_button,
            self.new_sanction_button,
        ):
            b.setEnabled(can)
            b.setVisible(can)  # a role that may only look is not offered them
        # The same dialog, read-only for a role that may only look: say so on the button.
        self.edit_certificate_button.setText(self.tr("&Edit…") if can else self.tr("&View…"))
        self.export_button.setEnabled(self.ctx.can(Permission.EXPORT))

    def can_create(self) -> bool:
        return self.ctx.can(Permission.CERTS_WRITE)

    def new_record(self) -> None:
        if self.can_create():
            self.new_certificate()

    # --- dialogs (open_* return the dialog so tests can drive it) ----------------------------
    def selected_certificate(self) -> certs.CertificateRow | None:
        return self.certificates_model.row_at(selected_row(self.certificates_view))

    def open_certificate(self, row: certs.CertificateRow | None = None) -> CertificateDialog:
        return CertificateDialog(self.ctx, row, parent=self)

    def open_inspection(self) -> InspectionDialog:
        member = self.schedule_model.row_at(selected_row(self.schedule_view))
        return InspectionDialog(
            self.ctx, member.member_id if member else None, self, today=self.today
        )

    def open_sanction(self) -> SanctionDialog | None:
        member = self.schedule_model.row_at(selected_row(self.schedule_view))
        if member is None:
            return None
        return SanctionDialog(self.ctx, member.member_id, self, today=self.today)

    def open_any_sanction(self) -> SanctionDialog:
        """A sanction for any member of the group, picked in the form."""
        return SanctionDialog(self.ctx, None, self, today=self.today)

    def new_any_sanction(self) -> None:
        self._run(self.open_any_sanction())

    def open_complete_action(self) -> CompleteActionDialog | None:
        action = self.actions_model.row_at(selected_row(self.actions_view))
        if action is None:
            return None
        return CompleteActionDialog(self.ctx, action, self, today=self.today)

    def _run(self, dialog: QDialog | None, hint: str = "") -> None:
        if dialog is None:
            if hint:
                self.status_message.emit(hint)
            return
        dialog.exec()

    def new_certificate(self) -> None:
        self._run(self.open_certificate())

    def edit_certificate(self) -> None:
        row = self.selected_certificate()
        if row is None:
            self.status_message.emit(self.tr("Select a certificate to edit."))
            return
        self._run(self.open_certificate(row))

    def new_inspection(self) -> None:
        self._run(self.open_inspection())

    def new_sanction(self) -> None:
        self._run(self.open_sanction(), self.tr("Select a member in the schedule first."))

    def complete_action(self) -> None:
        self._run(self.open_complete_action(), self.tr("Select a corrective action first."))

    def open_document(self) -> Path | None:
        """Open the selected certificate's document (a temporary copy from the database)."""
        row = self.selected_certificate()
        if row is None or not row.document_sha256:
            self.status_message.emit(self.tr("The selected certificate has no document."))
            return None
        try:
            return ui_documents.open_document(self.ctx, row.document_sha256, row.document_name)
        except NotFound:
            self.status_message.emit(
                self.tr("The document {0} is missing from the database.").format(row.document_name)
            )
        except documents.DocumentAltered:
            self.status_message.emit(
                self.tr(
                    "The document {0} was changed since it was attached; it is not opened."
                ).format(row.document_name)
            )
        return None

    # --- export ------------------------------------------------------------------------------
    def choose_export_path(self) -> str | None:
        settings = QSettings()
        folder = str(settings.value("certs/export_folder", str(Path.home())))
        today = self.today().isoformat()
        name = self.ctx.read(
            lambda s, _a: cooperative.workbook_name(s, cooperative.ICS_LIST_NAME, date=today)
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the ICS list"),
            str(Path(folder) / name),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            settings.setValue("certs/export_folder", str(Path(path).parent))
        return path or None

    def export_ics(self) -> Path | None:
        target = self.choose_export_path()
        if not target:
            return None
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        db, actor, on = self.ctx.db, self.ctx.actor, self.today()

        def job(progress: Progress) -> Path:
            with db.reading(actor) as session:
                return ics_list.export_ics_list(
                    session, actor, target, on=on, progress=progress
                ).path

        try:
            path = run_with_progress(self, self.tr("Exporting the ICS list"), job)
        except Cancelled:
            self.status_message.emit(self.tr("Export cancelled."))
            return None
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return None
        text = self.tr("ICS list written to {0}").format(path)
        self.status_message.emit(text)
        exported.show_exported(self, self.tr("ICS list written"), text, Path(path))
        return path
