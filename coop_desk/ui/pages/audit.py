"""The Audit page: browse the audit trail filtered by user, date, table and record; see the
values before and after each change; open a record's history; check integrity (verify)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.services import audit, audit_words, cooperative
from coop_desk.services.access import Permission
from coop_desk.services.audit import AuditFilter
from coop_desk.services.verify import SEVERITY_LABELS, Finding, VerifyResult, verify
from coop_desk.ui import excel_files, exported
from coop_desk.ui.audit_models import AuditTableModel, ChangesModel, size_columns
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.history import HistoryDialog
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import tr_label
from coop_desk.ui.layout_memory import remember_columns, remember_splitter
from coop_desk.ui.pages.base import Page
from coop_desk.ui.widgets import DateField, compact_combo
from coop_desk.ui.workers import Progress

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coop_desk.services.access import Actor
    from coop_desk.services.audit_pack import AuditPackResult
    from coop_desk.services.ledger.beancount import BeancountExport


class AuditPage(Page):
    key = "audit"
    open_requested = Signal(str, int)  # ("member" | "journal_entry", id): the window opens it
    # Every write adds audit records, whatever its topic (see _on_changed).
    topics = frozenset({"members", "ledger", "certs", "settings", "users", "audit"})
    help_topic = "audit"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.user = QComboBox()
        self.user.setObjectName("user_filter")
        self.table = QComboBox()
        self.table.setObjectName("table_filter")
        compact_combo(self.table, 14)
        compact_combo(self.user, 9)
        self.record = QLineEdit()
        self.record.setPlaceholderText(self.tr("record id"))
        self.record.setClearButtonEnabled(True)
        self.record.setMaximumWidth(110)
        self.use_from = QCheckBox(self.tr("&From"))
        self.date_from = DateField()
        self.use_to = QCheckBox(self.tr("&To"))
        self.date_to = DateField()
        for box, field in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            field.setEnabled(False)
            box.toggled.connect(field.setEnabled)
            box.toggled.connect(lambda _on: self.refresh())
            field.dateChanged.connect(lambda _d: self.refresh())
        self.user.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.currentIndexChanged.connect(lambda _i: self.refresh())
        self.record.returnPressed.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("User")))
        filters.addWidget(self.user)
        filters.addWidget(QLabel(self.tr("Record kind")))
        filters.addWidget(self.table)
        filters.addWidget(self.record)
        filters.addWidget(self.use_from)
        filters.addWidget(self.date_from)
        filters.addWidget(self.use_to)
        filters.addWidget(self.date_to)
        filters.addStretch(1)

        self.model = AuditTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("audit_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        # One line per record, fixed height: smooth scrolling through a long trail.
        self.view.setWordWrap(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setStretchLastSection(True)
        size_columns(self.view)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.doubleClicked.connect(lambda _i: self.open_history())
        self.changes = ChangesModel(self)
        self.detail = QTableView()
        self.detail.setModel(self.changes)
        self.detail.verticalHeader().hide()
        self.detail.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        remember_columns(self.view, "audit")
        remember_splitter(splitter, "audit")

        self.history_button = QPushButton(self.tr("&History of this record…"))
        self.history_button.clicked.connect(lambda: self.open_history())
        self.open_button = QPushButton(self.tr("&Open the member or entry"))
        self.open_button.setToolTip(
            self.tr("Open the member or the journal entry this change belongs to")
        )
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self.open_record())
        self.verify_button = QPushButton(self.tr("&Check integrity…"))
        self.verify_button.clicked.connect(lambda: self.run_verify())
        self.year = QSpinBox()
        self.year.setObjectName("pack_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setToolTip(self.tr("Fiscal year of the audit pack and the Beancount file"))
        self.pack_button = QPushButton(self.tr("Audit &pack…"))
        self.pack_button.setToolTip(
            self.tr(
                "A workbook for the auditor: journal, trial balance, GA approvals, payments "
                "with vouchers and receipt hashes, the year's audit trail, the integrity check"
            )
        )
        self.pack_button.clicked.connect(lambda: self.export_audit_pack())
        self.beancount_button = QPushButton(self.tr("&Beancount file…"))
        self.beancount_button.setToolTip(
            self.tr("The year's journal for an independent check with Beancount (bean-check)")
        )
        self.beancount_button.clicked.connect(lambda: self.export_beancount())
        self.actions_row = QHBoxLayout()
        self.actions_row.addWidget(self.history_button)
        self.actions_row.addWidget(self.open_button)
        self.actions_row.addWidget(self.verify_button)
        self.actions_row.addStretch(1)
        # The year's exports on a row of their own: both rows fit a 1024 px screen.
        self.export_row = QHBoxLayout()
        self.export_row.addStretch(1)
        self.export_row.addWidget(QLabel(self.tr("Fiscal year")))
        self.export_row.addWidget(self.year)
        self.export_row.addWidget(self.pack_button)
        self.export_row.addWidget(self.beancount_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(self.actions_row)
        layout.addLayout(self.export_row)
        self._loading_choices = False
        self.apply_permissions()

    def title(self) -> str:
        return self.tr("Audit trail")

    # --- data ---------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        since, until = audit.local_day_bounds(
            self.date_from.date_value() if self.use_from.isChecked() else None,
            self.date_to.date_value() if self.use_to.isChecked() else None,
        )
        return AuditFilter(
            username=self.user.currentData() or None,
            table_name=self.table.currentData() or None,
            record_id=self.record.text().strip() or None,
            since=since,
            until=until,
        )

    def set_filter(
        self,
        *,
        username: str | None = None,
        table_name: str | None = None,
        record_id: str | None = None,
        first: date | None = None,
        last: date | None = None,
    ) -> None:
        """Set the filter widgets (e.g. to show one record's changes) and reload once."""
        self._loading_choices = True
        try:
            self._reload_choices()
            self.user.setCurrentIndex(max(self.user.findData(username or ""), 0))
            self.table.setCurrentIndex(max(self.table.findData(table_name or ""), 0))
            self.record.setText(record_id or "")
            self.use_from.setChecked(first is not None)
            if first:
                self.date_from.set_date_value(first)
            self.use_to.setChecked(last is not None)
            if last:
                self.date_to.set_date_value(last)
        finally:
            self._loading_choices = False
        self.refresh()

    def _reload_choices(self) -> None:
        names = self.ctx.read(audit.usernames)
        tables = self.ctx.read(audit.table_names)
        for combo, values in ((self.user, names), (self.table, tables)):
            keep = combo.currentData() or ""
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(all)"), "")
            for value in values:
                if combo is self.table:
                    text = tr_label(audit_words.entity_label(value))
                else:
                    text = audit_words.user_words(value)
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(keep), 0))
            combo.blockSignals(False)

    def refresh(self) -> None:
        if self._loading_choices:
            return
        self._loading_choices = True
        try:
            self._reload_choices()
        finally:
            self._loading_choices = False
        flt = self.current_filter()
        total = self.ctx.read(lambda s, a: audit.count_records(s, a, flt))

        def load(offset: int, limit: int) -> list[audit_words.RecordWords]:
            return self.ctx.read(
                lambda s, a: audit_words.describe(
                    s, a, audit.list_records(s, a, flt, offset=offset, limit=limit)
                )
            )

        self.model.reset(total, load)
        self.changes.set_record(None)
        self.status_message.emit(self.tr("{0} audit records").format(total))

    def _on_changed(self, topic: str) -> None:
        # Any write adds audit records, whatever its topic.
        self._stale = True
        if self.isVisible():
            self.ensure_fresh()

    def _on_current(self, *_args: Any) -> None:
        words = self.model.words_at(self.view.currentIndex().row())
        self.changes.set_record(words)
        self.open_button.setEnabled(words is not None and words.target is not None)

    def selected(self) -> audit.AuditRow | None:
        return self.model.row_at(self.view.currentIndex().row())

    # --- actions ------------------------------------------------------------------------
    def open_history(self) -> HistoryDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = HistoryDialog(self.ctx, row.table_name, row.record_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_record(self) -> tuple[str, int] | None:
        """Ask the window to open the member or the journal entry of the selected change."""
        words = self.model.words_at(self.view.currentIndex().row())
        if words is None or words.target is None:
            return None
        self.open_requested.emit(*words.target)
        return words.target

    def run_verify(self) -> VerifyDialog | None:
        # The heads the backups noted too: the trail must still hold every one.
        anchors = audit.logged_anchors(self.ctx.db.url)

        def read(session: Session, actor: Actor) -> tuple[VerifyResult, dict[str, str]]:
            result = verify(session, actor, anchors=anchors)
            # "contract 13" -> "Contrato KFH-2026-09": what a person recognises.
            named = audit_words.name_records(session, actor, (f.record for f in result.findings))
            return result, {ref: f"{tr_label(e)} {key}" for ref, (e, key) in named.items()}

        try:
            result, names = self.ctx.read(read)
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return None
        dialog = VerifyDialog(result, self, names)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def focus_search(self) -> None:
        self.record.setFocus()

    def apply_permissions(self) -> None:
        # Everyone may read the trail. Buttons that export are added by the audit pack and
        # need Permission.EXPORT.
        for button in self.export_buttons():
            button.setVisible(self.ctx.can(Permission.EXPORT))

    def export_buttons(self) -> list[QPushButton]:
        return [self.pack_button, self.beancount_button]

    def _ask_target(self, title: str, name: str, pattern: str) -> Path | None:
        settings = QSettings()
        folder = str(settings.value("audit/last_folder", str(Path.home())))
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), pattern)
        if not chosen:
            return None
        settings.setValue("audit/last_folder", str(Path(chosen).parent))
        return Path(chosen)

    def export_audit_pack(self, target: Path | None = None) -> AuditPackResult | None:
        """Write the audit pack for the chosen year (asks where unless ``target`` is given);
        runs in a worker with a progress dialog."""
        from coop_desk.services.audit_pack import build_audit_pack

        year = self.year.value()
        target = target or self._ask_target(
            self.tr("Save the audit pack"),
            self.ctx.read(
                lambda s, _a: cooperative.workbook_name(s, cooperative.AUDIT_PACK_NAME, year=year)
            ),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if target is None:
            return None
        result = excel_files.write_in_background(
            self,
            self.ctx,
            self.tr("Writing the audit pack"),
            target,
            lambda session, actor, path, progress: build_audit_pack(
                session, actor, path, year, progress=progress
            ),
        )
        if result is None:
            return None
        text = self.tr("Audit pack for {0} written to {1} (integrity {2}).").format(
            year, result.path, self.tr("OK") if result.integrity_ok else self.tr("FAILED")
        )
        self.status_message.emit(text)
        exported.show_exported(self, self.tr("Audit pack written"), text, Path(result.path))
        return result

    def export_beancount(self, target: Path | None = None) -> BeancountExport | None:
        from coop_desk.services.ledger.beancount import export_beancount

        year = self.year.value()
        target = target or self._ask_target(
            self.tr("Save the Beancount file"),
            f"coop-desk-{year}.beancount",
            self.tr("Beancount file (*.beancount)"),
        )
        if target is None:
            return None
        writing = self.tr("Writing the journal…")

        def write(
            session: Session, actor: Actor, path: Path, progress: Progress
        ) -> BeancountExport:
            progress(0, 0, writing)
            return export_beancount(session, actor, path, year)

        result = excel_files.write_in_background(
            self, self.ctx, self.tr("Writing the Beancount file"), target, write
        )
        if result is None:
            return None
        text = self.tr("Beancount file written to {0} ({1} transactions).").format(
            result.path, result.entries
        )
        self.status_message.emit(text)
        exported.show_exported(self, self.tr("Beancount file written"), text, Path(result.path))
        return result


class VerifyDialog(QDialog):
    """The result of ``verify``: each finding with the record it concerns."""

    def __init__(
        self,
        result: VerifyResult,
        parent: QWidget | None = None,
        names: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.verify_result = result
        self.setWindowTitle(self.tr("Integrity check"))
        self.resize(760, 420)
        if result.integrity_ok:
            headline = self.tr("Integrity holds. Checks run: {0} · compliance warnings: {1}.")
        else:
            headline = self.tr(
                "Integrity FAILED. Problems found: {2} · checks run: {0} · compliance warnings: {1}."
            )
        self.headline = QLabel(
            headline.format(len(result.checks_run), len(result.warnings), len(result.errors))
        )
        self.headline.setWordWrap(True)
        if not result.integrity_ok:
            self.headline.setStyleSheet("color: #b00020; font-weight: bold;")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlainText(
            "\n".join(self.line(f, names or {}) for f in result.findings) or self.tr("No findings.")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    @staticmethod
    def line(finding: Finding, names: dict[str, str]) -> str:
        """ "WARNING premium.overdue: … (Contract KFH-2026-09)": the record as a person knows
        it, not as the check writes it ("contract 13")."""
        where = names.get(finding.record, finding.record)
        severity = tr_label(SEVERITY_LABELS[finding.severity])
        return f"{severity} {finding.check}: {finding.message}" + (f" ({where})" if where else "")
