"""The internal (ICS) inspection form: member, date, inspector, plots visited, result,
findings, corrective actions with due dates, yield estimate, last prohibited input."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coop_desk.domain.certification import (
    INSPECTION_RESULT_LABELS,
    CorrectiveActionInput,
    InspectionInput,
    InspectionResult,
)
from coop_desk.domain.problems import Problem
from coop_desk.services import certification as certs
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.cert_form import CertFormDialog, MemberPicker
from coop_desk.ui.dialogs.form import Prepared, read_amount
from coop_desk.ui.labels import tr_label
from coop_desk.ui.widgets import AmountEdit, DateField, field_row, format_date


class InspectionDialog(CertFormDialog):
    def __init__(
        self,
        ctx: AppContext,
        member_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(ctx, parent, today=today)
        self.corrective_actions: list[CorrectiveActionInput] = []
        self.setWindowTitle(self.tr("Internal inspection"))
        self.choices = ctx.read(certs.group_member_choices)

        self.member = MemberPicker(self.choices)
        self.member.currentIndexChanged.connect(self._load_plots)
        self.inspection_date = DateField(today())
        self.inspector = QLineEdit()
        self.plots = QListWidget()
        self.plots.setFixedHeight(80)
        self.result_combo = QComboBox()
        for result in InspectionResult:
            self.result_combo.addItem(tr_label(INSPECTION_RESULT_LABELS[result]), result.value)
        self.findings = QPlainTextEdit()
        self.findings.setFixedHeight(70)
        self.yield_estimate = AmountEdit(places=2)
        self.yield_estimate.setPlaceholderText(self.tr("kg of green coffee"))
        self.prohibited_input = QLineEdit()
        self.prohibited_input.setPlaceholderText(self.tr("none known"))
        self.prohibited_known = QCheckBox(self.tr("date known:"))
        self.prohibited_date = DateField(today())
        self.prohibited_date.setEnabled(False)
        self.prohibited_known.toggled.connect(self.prohibited_date.setEnabled)
        prohibited_row = field_row(
            self.prohibited_input, self.prohibited_known, self.prohibited_date
        )

        self.action_text = QLineEdit()
        self.action_text.setPlaceholderText(self.tr("what the member must do"))
        self.action_due = DateField(today() + timedelta(days=60))
        self.add_action_button = QPushButton(self.tr("Add"))
        self.add_action_button.clicked.connect(self.add_action)
        self.remove_action_button = QPushButton(self.tr("Remove"))
        self.remove_action_button.clicked.connect(self.remove_action)
        action_row = field_row(self.action_text, self.action_due, self.add_action_button)
        self.action_list = QListWidget()
        self.action_list.setFixedHeight(70)
        actions_box = QWidget()
        abox = QVBoxLayout(actions_box)
        abox.setContentsMargins(0, 0, 0, 0)
        abox.addWidget(action_row)
        abox.addWidget(self.action_list)
        abox.addWidget(self.remove_action_button, 0, Qt.AlignmentFlag.AlignRight)

        self.add_field(self.tr("&Member"), "member_id", self.member)
        self.add_field(self.tr("&Date"), "inspection_date", self.inspection_date)
        self.add_field(self.tr("&Inspector"), "inspector", self.inspector)
        self.add_field(self.tr("&Plots visited"), "plot_ids", self.plots)
        self.add_field(self.tr("&Result"), "result", self.result_combo)
        self.add_field(self.tr("&Findings"), "findings", self.findings)
        self.add_field(self.tr("Corrective &actions"), "corrective_actions", actions_box)
        self.add_field(self.tr("&Yield estimate (kg)"), "yield_estimate_kg", self.yield_estimate)
        self.add_field(self.tr("Last &prohibited input"), "last_prohibited_input", prohibited_row)
        self.problems.labels["last_prohibited_input_date"] = self.problems.labels[
            "last_prohibited_input"
        ]
        if member_id is not None:
            self.set_member(member_id)
        else:
            self._load_plots()

    def set_member(self, member_id: int) -> None:
        if self.member.set_member(member_id):
            self._load_plots()

    def member_id(self) -> int | None:
        return self.member.member_id()

    def _load_plots(self) -> None:
        self.plots.clear()
        member_id = self.member_id()
        for choice in self.choices:
            if choice.id == member_id:
                for plot_id, name in choice.plots:
                    item = QListWidgetItem(name)
                    item.setData(Qt.ItemDataRole.UserRole, plot_id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked)
                    self.plots.addItem(item)

    def plot_ids(self) -> tuple[int, ...]:
        ids = []
        for row in range(self.plots.count()):
            item = self.plots.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def add_action(self) -> None:
        text = self.action_text.text().strip()
        if not text:
            self.problems.show([Problem("corrective_actions", self.tr("describe the action"))])
            return
        action = CorrectiveActionInput(text, self.action_due.date_value())
        self.corrective_actions.append(action)
        self.action_list.addItem(
            self.tr("{0} — due {1}").format(action.description, format_date(action.due_date))
        )
        self.action_text.clear()

    def remove_action(self) -> None:
        row = self.action_list.currentRow()
        if 0 <= row < len(self.corrective_actions):
            del self.corrective_actions[row]
            self.action_list.takeItem(row)

    def input_data(self, problems: list[Problem]) -> InspectionInput:
        """What the form holds; unreadable numbers go to ``problems``."""
        yield_kg = read_amount(problems, "yield_estimate_kg", self.yield_estimate, required=False)
        return InspectionInput(
            member_id=self.member_id(),
            inspection_date=self.inspection_date.date_value(),
            inspector=self.inspector.text(),
            result=str(self.result_combo.currentData()),
            findings=self.findings.toPlainText(),
            plot_ids=self.plot_ids(),
            yield_estimate_kg=yield_kg,
            last_prohibited_input=self.prohibited_input.text(),
            last_prohibited_input_date=(
                self.prohibited_date.date_value() if self.prohibited_known.isChecked() else None
            ),
            corrective_actions=tuple(self.corrective_actions),
        )

    def prepare(self) -> Prepared:
        problems: list[Problem] = []
        data = self.input_data(problems)
        today = self.today()
        return problems, lambda s, a: certs.record_inspection(s, a, data, today=today)
