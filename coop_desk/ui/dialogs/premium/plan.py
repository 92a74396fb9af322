"""The Fairtrade Development Plan: a project, and a General Assembly approval of the year's
budget (the first approval, or a revision pre-filled with the version in force)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.domain.problems import Problem
from coop_desk.services.access import Actor
from coop_desk.services.ledger import plan
from coop_desk.services.ledger.plan import ApprovalInput, ApprovalRow, ProjectInput, ProjectRow
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog, Prepared, read_amount
from coop_desk.ui.widgets import AmountEdit, DateField, ProblemLabel, format_decimal


class _MeetingFields(FormDialog):
    """The General Assembly meeting's fields, shared by an approval and the correction of its
    record."""

    topic = "ledger"

    def build_meeting_fields(self) -> None:
        self.approval_date = DateField(date.today())
        self.minutes = QLineEdit()
        self.minutes.setPlaceholderText(self.tr("e.g. Acta 07-2026"))
        self.members_present = self._count()
        self.women_present = self._count()
        self.votes_for = self._count()
        self.votes_against = self._count()
        self.votes_abstaining = self._count()
        self.notes = QLineEdit()
        self.add_field(self.tr("Assembly &date"), "approval_date", self.approval_date)
        self.add_field(self.tr("&Minutes / resolution"), "minutes_number", self.minutes)
        self.add_field(self.tr("Members &present"), "members_present", self.members_present)
        self.add_field(self.tr("&Women present"), "women_present", self.women_present)
        self.add_field(self.tr("Votes &for"), "votes_for", self.votes_for)
        self.add_field(self.tr("Votes a&gainst"), "votes_against", self.votes_against)
        self.add_field(self.tr("A&bstentions"), "votes_abstaining", self.votes_abstaining)
        self.add_field(self.tr("N&otes"), "notes", self.notes)

    @staticmethod
    def _count() -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 100000)
        return spin

    def meeting_input(self) -> ApprovalInput:
        return ApprovalInput(
            self.approval_date.date_value(),
            self.minutes.text(),
            self.members_present.value(),
            self.women_present.value(),
            self.votes_for.value(),
            self.votes_against.value(),
            self.votes_abstaining.value(),
            self.notes.text(),
        )


class ProjectDialog(FormDialog):
    topic = "ledger"

    def __init__(
        self, ctx: AppContext, project: ProjectRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.project = project
        self.setWindowTitle(
            self.tr("New project")
            if project is None
            else self.tr("Project {0}").format(project.name)
        )
        self.name = QLineEdit()
        self.objective = QPlainTextEdit()
        self.objective.setFixedHeight(70)
        self.responsible = QLineEdit()
        self.timeline = QLineEdit()
        self.quality = QCheckBox(self.tr("Counts toward the 25% productivity/quality share"))
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)
        self.add_field(self.tr("&Name"), "name", self.name)
        self.add_field(self.tr("&Objective"), "objective", self.objective)
        self.add_field(self.tr("&Responsible"), "responsible", self.responsible)
        self.add_field(self.tr("&Timeline"), "timeline", self.timeline)
        self.add_field("", "productivity_quality", self.quality)
        self.add_field("", "active", self.active)
        if project is not None:
            self.name.setText(project.name)
            self.objective.setPlainText(project.objective)
            self.responsible.setText(project.responsible)
            self.timeline.setText(project.timeline)
            self.quality.setChecked(project.productivity_quality)
            self.active.setChecked(project.active)

    def prepare(self) -> Prepared:
        data = ProjectInput(
            self.name.text(),
            self.objective.toPlainText(),
            self.responsible.text(),
            self.timeline.text(),
            self.quality.isChecked(),
            self.active.isChecked(),
        )
        project_id = self.project.id if self.project is not None else None

        def call(session: Session, actor: Actor) -> ProjectRow:
            if project_id is None:
                return plan.create_project(session, actor, data)
            return plan.update_project(session, actor, project_id, data)

        return [], call


class ApprovalDialog(_MeetingFields):
    """A General Assembly approval of ``year``'s budget. With ``current`` (the version in
    force) it is a budget revision: the lines start from it and the history stays."""

    def __init__(
        self,
        ctx: AppContext,
        year: int,
        current: ApprovalRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.year = year
        self.setMinimumWidth(560)
        self.setWindowTitle(
            self.tr("General Assembly approval of the {0} plan").format(year)
            if current is None
            else self.tr("Budget revision {0} (version {1})").format(year, current.version + 1)
        )
        if current is not None:
            self.set_intro(
                self.tr(
                    "A revision needs its own General Assembly approval. The budget below "
                    "starts from version {0} (approved {1}, USD {2}); the earlier versions stay "
                    "in the history."
                ).format(current.version, current.minutes_number, format_decimal(current.total))
            )
        self.build_meeting_fields()

        projects = ctx.read(plan.list_projects)
        amounts = {line.project_id: line.amount for line in current.lines} if current else {}
        self.budget_edits: dict[int, AmountEdit] = {}
        self.budget_problems: dict[int, ProblemLabel] = {}
        box = QGroupBox(self.tr("Approved budget (USD)"))
        budget_form = QFormLayout(box)
        for p in projects:
            edit = AmountEdit()
            edit.setPlaceholderText(self.tr("no budget"))
            if p.id in amounts:
                edit.setValue(amounts[p.id])
            edit.valueChanged.connect(self._update_total)
            label = p.name + (" ★" if p.productivity_quality else "")
            budget_form.addRow(label, edit)
            problem = ProblemLabel()
            budget_form.addRow("", problem)
            self.problems.labels[f"budget[{p.id}]"] = problem
            self.budget_edits[p.id] = edit
        self.total_label = QLabel()
        budget_form.addRow(self.tr("Total"), self.total_label)
        hint = QLabel(self.tr("★ counts toward the 25% productivity/quality share"))
        hint.setStyleSheet("color: palette(mid);")
        budget_form.addRow("", hint)
        budget_problem = ProblemLabel()
        budget_form.addRow("", budget_problem)
        self.problems.labels["budget"] = budget_problem
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(box)
        scroll.setMinimumHeight(260)
        self.form.addRow(scroll)
        self._update_total()

    def _update_total(self) -> None:
        total = Decimal("0.00")
        for edit in self.budget_edits.values():
            try:
                total += edit.value() or 0
            except ValueError:
                continue
        self.total_label.setText(f"USD {format_decimal(total)}")

    def prepare(self) -> Prepared:
        problems: list[Problem] = []
        budget: dict[int, Decimal] = {}
        for project_id, edit in self.budget_edits.items():
            value = read_amount(problems, f"budget[{project_id}]", edit, required=False)
            if value is not None:
                budget[project_id] = value
        if problems:
            return problems, None
        data = self.meeting_input()
        year = self.year
        return [], lambda s, a: plan.record_approval(s, a, year, data, budget)


class ApprovalDetailsDialog(_MeetingFields):
    """Correct how a General Assembly meeting was recorded (a typo in the minutes number, the
    attendance or the votes). The budget it approved does not change: that needs a new
    approval."""

    def __init__(self, ctx: AppContext, approval: ApprovalRow, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.approval = approval
        self.setWindowTitle(
            self.tr("Correct the record of {0} (version {1})").format(
                approval.minutes_number, approval.version
            )
        )
        self.set_intro(
            self.tr(
                "Only the record of the meeting changes. The budget it approved (USD {0}) stays; "
                "a different budget needs a new approval."
            ).format(format_decimal(approval.total))
        )
        self.build_meeting_fields()
        self.approval_date.set_date_value(approval.approval_date)
        self.minutes.setText(approval.minutes_number)
        self.members_present.setValue(approval.members_present)
        self.women_present.setValue(approval.women_present)
        self.votes_for.setValue(approval.votes_for)
        self.votes_against.setValue(approval.votes_against)
        self.votes_abstaining.setValue(approval.votes_abstaining)
        self.notes.setText(approval.notes)

    def prepare(self) -> Prepared:
        data = self.meeting_input()
        approval_id = self.approval.id
        return [], lambda s, a: plan.correct_approval_details(s, a, approval_id, data)
