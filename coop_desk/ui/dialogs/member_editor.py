"""The member editor: details with inline validation, plots, and status with its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.domain.members import (
    GENDER_LABELS,
    STATUS_LABELS,
    MemberInput,
    MemberStatus,
    member_warnings,
    validate_member,
    validate_status_change,
)
from coop_desk.domain.problems import Problem
from coop_desk.services import audit_words, members
from coop_desk.services.access import Actor, Permission
from coop_desk.services.members import MemberDetail, StatusChangeRow
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog, Prepared
from coop_desk.ui.dialogs.history import HistoryDialog
from coop_desk.ui.dialogs.member_certs_tab import MemberCertificationTab
from coop_desk.ui.dialogs.plot_geo_panel import PlotGeoPanel
from coop_desk.ui.labels import tr_label
from coop_desk.ui.models.plots import PlotsEditModel
from coop_desk.ui.models.table import Column, RowTableModel, plain_table
from coop_desk.ui.widgets import (
    WARNING_COLOR,
    DateField,
    ProblemLabel,
    TypedValueLabel,
    date_format,
    format_date,
)
from coop_desk.ui.workers import Cancelled

NO_DATE = QDate(1900, 1, 1)


class OptionalDateField(QDateEdit):
    """A date that may be left blank (shown as "—"); ``date_value()`` is then ``None``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_format())
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDate(NO_DATE)

    def date_value(self) -> date | None:
        q = self.date()
        if q == NO_DATE:
            return None
        return date(q.year(), q.month(), q.day())

    def set_date_value(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


@dataclass(frozen=True)
class PendingStatus:
    """A status change chosen in the editor, saved with the member (or dropped by Cancel)."""

    status: MemberStatus
    effective_date: date
    reason: str


class StatusChangeDialog(FormDialog):
    """Choose a member's new status: from when, and why (all kept as history). Nothing is
    written here: the member editor saves the change with the member, in one transaction,
    when the user presses Save there (Cancel there drops it)."""

    permission = Permission.MEMBERS_WRITE
    accept_button = QDialogButtonBox.StandardButton.Ok

    def __init__(self, ctx: AppContext, detail: MemberDetail, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.detail = detail
        self.pending: PendingStatus | None = None
        self.setWindowTitle(self.tr("Change status of {0}").format(detail.code))
        self.set_intro(
            self.tr(
                "The change is saved with the member when you press Save in the member's window."
            )
        )
        current = QLabel(tr_label(STATUS_LABELS[MemberStatus(detail.status)]))
        self.form.addRow(self.tr("Current status"), current)
        self.new_status = QComboBox()
        for status in MemberStatus:
            if status.value != detail.status:
                self.new_status.addItem(tr_label(STATUS_LABELS[status]), status.value)
        self.effective = DateField(date.today())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required: why the status changes"))
        self.reason.setMinimumWidth(320)
        self.add_field(self.tr("&New status"), "status", self.new_status)
        self.add_field(self.tr("&Effective date"), "effective_date", self.effective)
        self.add_field(self.tr("&Reason"), "reason", self.reason)

    def prepare(self) -> Prepared:
        new = MemberStatus(self.new_status.currentData())
        when = self.effective.date_value()
        reason = self.reason.text()
        problems = validate_status_change(
            MemberStatus(self.detail.status), new, when, reason, self.detail.status_date
        )
        if not problems:
            self.pending = PendingStatus(new, when, reason)
        return problems, None


def _status_version(base: MemberDetail | None, now: MemberDetail) -> int | None:
    """The member's version a status change saved with the member is checked against: the
    form's when another PC changed the status since it opened (refused, naming who), else
    the one just written (the details and plots were merged and checked by update_member)."""
    if base is None:
        return None
    if (now.status, now.status_date) != (base.status, base.status_date):
        return base.version
    return now.version


def _history_columns() -> list[Column[StatusChangeRow]]:
    def status_label(status: str | None) -> str:
        return tr_label(STATUS_LABELS[MemberStatus(status)]) if status else ""

    return [
        Column(QCoreApplication.translate("MemberEditor", "Date"), lambda r: r.effective_date),
        Column(
            QCoreApplication.translate("MemberEditor", "From"), lambda r: r.old_status, status_label
        ),
        Column(
            QCoreApplication.translate("MemberEditor", "To"), lambda r: r.new_status, status_label
        ),
        Column(QCoreApplication.translate("MemberEditor", "Reason"), lambda r: r.reason),
        Column(
            QCoreApplication.translate("MemberEditor", "Recorded by"),
            lambda r: audit_words.user_words(r.recorded_by),
        ),
    ]


class MemberEditor(FormDialog):
    """Edit a member (``member_id``) or register a new one (``None``). ``saved`` carries the
    member's ``MemberDetail`` after a successful save."""

    topic = "members"
    permission = Permission.MEMBERS_WRITE

    def __init__(self, ctx: AppContext, member_id: int | None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.member_id = member_id
        self.detail: MemberDetail | None = None
        self.pending_status: PendingStatus | None = None
        self.suggested_code = ""
        self.editable = ctx.can(Permission.MEMBERS_WRITE)
        self.resize(760, 540)

        self.code = QLineEdit()
        self.first_names = QLineEdit()
        self.surnames = QLineEdit()
        self.dni = QLineEdit()
        self.dni.setMaxLength(12)
        self.dni.setPlaceholderText(self.tr("8 digits"))
        self.gender = QComboBox()
        self.gender.addItem("—", "")
        for key, text in GENDER_LABELS.items():
            self.gender.addItem(tr_label(text), key)
        self.birth_date = OptionalDateField()
        self.join_date = DateField(date.today())
        self.community = QComboBox()
        self.community.setEditable(True)
        self.phone = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)

        add = self.add_field
        add(self.tr("&Code"), "code", self.code)
        add(self.tr("&First names"), "first_names", self.first_names)
        add(self.tr("&Surnames"), "surnames", self.surnames)
        add(self.tr("&DNI"), "dni", self.dni)
        add(self.tr("&Gender"), "gender", self.gender)
        add(self.tr("&Birth date"), "birth_date", self.birth_date)
        add(self.tr("&Joined on"), "join_date", self.join_date)
        add(self.tr("C&ommunity (caserío / sector)"), "community", self.community)
        add(self.tr("&Phone"), "phone", self.phone)
        add(self.tr("&Notes"), "notes", self.notes)

        # Plots
        self.plots_model = PlotsEditModel(self)
        self.plots_view = QTableView()
        self.plots_view.setObjectName("plots_table")
        self.plots_view.setModel(self.plots_model)
        self.plots_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plots_view.horizontalHeader().setStretchLastSection(True)
        self.add_plot_button = QPushButton(self.tr("&Add plot"))
        self.remove_plot_button = QPushButton(self.tr("&Remove plot"))
        self.add_plot_button.clicked.connect(self.add_plot)
        self.remove_plot_button.clicked.connect(self.remove_plot)
        self.plot_problems = ProblemLabel()
        # After a reload: the plots the user had typed differently, in words.
        self.plots_typed = TypedValueLabel()
        plot_buttons = QHBoxLayout()
        plot_buttons.addWidget(self.add_plot_button)
        plot_buttons.addWidget(self.remove_plot_button)
        plot_buttons.addStretch(1)
        plots = QWidget()
        plots_layout = QVBoxLayout(plots)
        plots_layout.addWidget(self.plots_view)
        plots_layout.addWidget(self.plot_problems)
        plots_layout.addWidget(self.plots_typed)
        plots_layout.addLayout(plot_buttons)
        # The plots on a map, with their EU deforestation records (ui/dialogs/plot_geo_panel.py).
        self.geo_panel = PlotGeoPanel(ctx, self)
        plots_layout.addWidget(self.geo_panel, 2)
        self.plots_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.geo_panel.select_plot(
                self.plots_model.plot_id(current.row())
            )
        )

        # Status and history
        self.status_label = QLabel()
        self.change_status_button = QPushButton(self.tr("Change &status…"))
        self.change_status_button.clicked.connect(self.change_status)
        self.history_model: RowTableModel[StatusChangeRow] = RowTableModel(_history_columns(), self)
        history_view = plain_table(self.history_model)
        status = QWidget()
        status_layout = QVBoxLayout(status)
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.change_status_button)
        status_layout.addLayout(top)
        status_layout.addWidget(history_view)

        self.tabs = QTabWidget()
        self.set_body(self.tabs)
        self.tabs.addTab(self.form_area, self.tr("Details"))
        self.tabs.addTab(plots, self.tr("Plots"))
        self.status_tab_index = self.tabs.addTab(status, self.tr("Status and history"))
        self.certs_tab = MemberCertificationTab(ctx, self)
        # Four tables tall: it scrolls inside its tab rather than make the editor taller than
        # a 768 px laptop screen (it opened 882 px tall, mostly empty on the other tabs).
        certs_scroll = QScrollArea()
        certs_scroll.setWidgetResizable(True)
        certs_scroll.setFrameShape(QFrame.Shape.NoFrame)
        certs_scroll.setWidget(self.certs_tab)
        self.certs_tab_index = self.tabs.addTab(certs_scroll, self.tr("Certification"))

        self.history_button = self.buttons.addButton(
            self.tr("&History…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.history_button.setToolTip(
            self.tr("Every change to this member, its plots and status: who, when, what")
        )
        self.history_button.setEnabled(member_id is not None)
        self.history_button.clicked.connect(self.show_history)

        self._load()
        self._apply_editable()

    # --- loading -----------------------------------------------------------------------
    def _load(self) -> None:
        names = self.ctx.read(members.communities)
        self.community.addItems(names)
        if self.member_id is None:
            self.setWindowTitle(self.tr("New member"))
            # The next free code of the register's series, ready to keep or overwrite.
            self.suggested_code = self.ctx.read(members.suggest_code)
            self.code.setText(self.suggested_code)
            self.code.selectAll()
            if self.suggested_code:
                self.code.setToolTip(self.tr("The next free code; type another to change it"))
            self.community.setEditText("")
            self.tabs.setTabEnabled(self.status_tab_index, False)
            self.tabs.setTabEnabled(self.certs_tab_index, False)
            self.status_label.setText(self.tr("A new member starts as active."))
            return
        detail = self.ctx.read(lambda s, a: members.get_member(s, a, self.member_id or 0))
        self._show(detail)

    def _show(self, detail: MemberDetail) -> None:
        self.detail = detail
        self.setWindowTitle(f"{detail.code} — {detail.full_name}")
        self.code.setText(detail.code)
        self.first_names.setText(detail.first_names)
        self.surnames.setText(detail.surnames)
        self.dni.setText(detail.dni or "")
        self.gender.setCurrentIndex(max(self.gender.findData(detail.gender), 0))
        self.birth_date.set_date_value(detail.birth_date)
        self.join_date.set_date_value(detail.join_date)
        self.community.setEditText(detail.community)
        self.phone.setText(detail.phone)
        self.notes.setPlainText(detail.notes)
        self.plots_model.set_plots(detail.plots)
        self.geo_panel.set_member(detail.id)
        self.certs_tab.set_member(detail.id)
        self.history_model.set_rows(detail.history)
        self.pending_status = None
        self._show_status()
        self.mark_loaded()

    def _show_status(self) -> None:
        detail = self.detail
        if detail is None:
            return
        text = self.tr("Status: {0} since {1}").format(
            tr_label(STATUS_LABELS[MemberStatus(detail.status)]), format_date(detail.status_date)
        )
        pending = self.pending_status
        if pending is not None:
            text += "\n" + self.tr("Changes to {0} from {1} when you save ({2}).").format(
                tr_label(STATUS_LABELS[pending.status]),
                format_date(pending.effective_date),
                pending.reason.strip(),
            )
        self.status_label.setStyleSheet(f"color: {WARNING_COLOR};" if pending else "")
        self.status_label.setText(text)

    def _apply_editable(self) -> None:
        """Without the permission the fields are read-only (``FormDialog.add_field``); so are
        the plots and the status."""
        for control in (self.add_plot_button, self.remove_plot_button, self.change_status_button):
            control.setVisible(self.editable)
        self.plots_model.editable = self.editable
        if not self.editable:
            self.plots_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    # --- editing -----------------------------------------------------------------------
    def add_plot(self) -> None:
        row = self.plots_model.add_plot()
        self.plots_view.setCurrentIndex(self.plots_model.index(row, 0))
        self.plots_view.edit(self.plots_model.index(row, 0))

    def remove_plot(self) -> None:
        rows = self.plots_view.selectionModel().selectedRows()
        if rows:
            self.plots_model.remove_plot(rows[0].row())

    def member_input(self) -> tuple[MemberInput, list[Problem]]:
        plots, problems = self.plots_model.to_inputs()
        dni = self.dni.text().strip() or None
        data = MemberInput(
            code=self.code.text(),
            first_names=self.first_names.text(),
            surnames=self.surnames.text(),
            gender=self.gender.currentData() or "",
            join_date=self.join_date.date_value(),
            dni=dni,
            birth_date=self.birth_date.date_value(),
            community=self.community.currentText(),
            phone=self.phone.text(),
            notes=self.notes.toPlainText(),
            plots=plots,
        )
        return data, problems

    def prepare(self) -> Prepared:
        data, problems = self.member_input()
        member_id = self.member_id
        # What the form showed: only what the user changed relative to it is saved, row by
        # row, and a row another PC changed meanwhile refuses the save (StaleEdit).
        base = self.detail
        pending = self.pending_status
        if not problems and not validate_member(data):
            # Unlikely but possible (joined before 14...): saved once the user has seen it.
            # Only what this edit brings is asked; a member stored so is not asked again.
            before = (
                {w.message for w in member_warnings(self.detail.to_input())}
                if (self.detail is not None)
                else set()
            )
            new = [w for w in member_warnings(data) if w.message not in before]
            if new and not self.confirm_warnings(new):
                raise Cancelled()

        def call(session: Session, actor: Actor) -> MemberDetail:
            if member_id is None:
                return members.create_member(session, actor, data)
            detail = members.update_member(session, actor, member_id, data, base=base)
            if pending is not None:  # the same transaction: both saved, or neither
                detail = members.change_status(
                    session,
                    actor,
                    member_id,
                    pending.status,
                    pending.effective_date,
                    pending.reason,
                    version=_status_version(base, detail),
                )
            return detail

        return problems, call

    def after_save(self, result: MemberDetail) -> None:
        self.member_id = result.id
        self.detail = result
        self.pending_status = None
        self.plot_problems.show_problems([])

    # --- another PC saved first --------------------------------------------------------
    def can_reload(self) -> bool:
        return self.member_id is not None

    def reload_record(self) -> None:
        """Show the member as saved now; keep the plots the user added, and say in words
        which plots the user had typed differently (the fields do it for the details)."""
        before = self.plots_model.drafts()
        seen = {p.id for p in self.detail.plots} if self.detail else set()
        pending = self.pending_status
        self.reload()
        self.set_pending_status(pending)  # still to be saved, shown on the Status tab
        now = {d.id: d for d in self.plots_model.drafts()}
        self.plots_model.append_drafts([d for d in before if d.id is None])
        typed = {d.id for d in before}
        notes = [
            self.tr("You typed for plot {0}: {1}").format(
                d.values["name"], self._plot_text(d.values)
            )
            for d in before
            if d.id is not None and (d.id not in now or d.values != now[d.id].values)
        ]
        notes += [
            self.tr("You had removed plot {0}.").format(now[i].values["name"])
            for i in sorted(seen - typed)
            if i in now
        ]
        self.plots_typed.setText("\n".join(notes))
        self.plots_typed.setVisible(bool(notes))

    def _plot_text(self, values: dict[str, str]) -> str:
        parts = [
            self.tr("total {0} ha").format(values["total_area_ha"]),
            self.tr("coffee {0} ha").format(values["coffee_area_ha"]),
        ]
        if values["altitude_m"]:
            parts.append(self.tr("{0} m").format(values["altitude_m"]))
        if values["varieties"]:
            parts.append(values["varieties"])
        return ", ".join(parts)

    def show_problems(self, problems: list[Problem]) -> None:
        plot_problems = [p for p in problems if p.field.startswith("plots")]
        super().show_problems([p for p in problems if not p.field.startswith("plots")])
        self.plot_problems.show_problems([p.message for p in plot_problems])
        if plot_problems and len(plot_problems) == len(problems):
            self.tabs.setCurrentIndex(1)
        else:
            self.tabs.setCurrentIndex(0)

    def change_status(self) -> None:
        if self.detail is None:
            return
        dialog = self.status_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_pending_status(dialog.pending)

    def set_pending_status(self, pending: PendingStatus | None) -> None:
        """The status change to save with the member (shown on the Status tab until then)."""
        self.pending_status = pending
        self._show_status()

    def status_dialog(self) -> StatusChangeDialog:
        assert self.detail is not None
        return StatusChangeDialog(self.ctx, self.detail, self)

    def history_dialog(self) -> HistoryDialog:
        """The member's audit trail (its plots and status changes included)."""
        assert self.member_id is not None
        return HistoryDialog(self.ctx, "member", self.member_id, self)

    def show_history(self) -> None:
        if self.member_id is not None:
            self.history_dialog().exec()

    def reload(self) -> None:
        if self.member_id is not None:
            self._show(self.ctx.read(lambda s, a: members.get_member(s, a, self.member_id or 0)))

    def is_modified(self) -> bool:
        if not self.editable:
            return False
        if self.plots_model.modified or self.pending_status is not None:
            return True
        if self.detail is None:
            return self.code.text().strip() != self.suggested_code or any(
                w.text().strip() for w in (self.first_names, self.surnames, self.dni)
            )
        data, _ = self.member_input()
        original = self.detail.to_input()
        return (
            data.code.strip().upper() != original.code
            or data.first_names.strip() != original.first_names
            or data.surnames.strip() != original.surnames
            or (data.dni or None) != original.dni
            or data.gender != original.gender
            or data.birth_date != original.birth_date
            or data.join_date != original.join_date
            or data.community.strip() != original.community
            or data.phone.strip() != original.phone
            or data.notes.strip() != original.notes
        )

    def confirm_warnings(self, warnings: list[Problem]) -> bool:
        """Asked before saving a member with something unlikely; tests replace it."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Save with a warning?"))
        box.setText(self.tr("This looks unlikely. Check it; save it if it is right."))
        box.setInformativeText("\n".join(f"• {w.message}" for w in warnings))
        save = box.addButton(self.tr("&Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is save

    def discard_text(self) -> str:
        return self.tr("This member has changes that are not saved. Discard them?")
