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
from coop_desk.ui.widgets import (
    AmountEdit,
    DateField,
    ProblemLabel,
    TypedValueLabel,
    format_decimal,
)


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
            self._show(project)

    def _show(self, project: ProjectRow) -> None:
        self.project = project
        self.name.setText(project.name)
        self.objective.setPlainText(project.objective)
        self.responsible.setText(project.responsible)
        self.timeline.setText(project.timeline)
        self.quality.setChecked(project.productivity_quality)
        self.active.setChecked(project.active)
        self.mark_loaded()

    def can_reload(self) -> bool:
        return self.project is not None

    def reload_record(self) -> None:
        assert self.project is not None
        project_id = self.project.id
        self._show(self.ctx.read(lambda s, a: plan.get_project(s, a, project_id)))

    def prepare(self) -> Prepared:
        data = ProjectInput(
            self.name.text(),
            self.objective.toPlainText(),
            self.responsible.text(),
            self.timeline.text(),
            self.quality.isChecked(),
            self.active.isChecked(),
        )
        project = self.project

        def call(session: Session, actor: Actor) -> ProjectRow:
            if project is None:
                return plan.create_project(session, actor, data)
            return plan.update_project(
                session, actor, project.id, data, record_version=project.record_version
            )

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
        self.current = current
        self.setMinimumWidth(560)
        self.build_meeting_fields()

        projects = ctx.read(plan.list_projects)
        self.budget_edits: dict[int, AmountEdit] = {}
        self.budget_problems: dict[int, ProblemLabel] = {}
        self.budget_typed: dict[int, TypedValueLabel] = {}
        box = QGroupBox(self.tr("Approved budget (USD)"))
        budget_form = QFormLayout(box)
        for p in projects:
            edit = AmountEdit()
            edit.setPlaceholderText(self.tr("no budget"))
            edit.valueChanged.connect(self._update_total)
            label = p.name + (" ★" if p.productivity_quality else "")
            budget_form.addRow(label, edit)
            problem = ProblemLabel()
            budget_form.addRow("", problem)
            typed = TypedValueLabel()
            budget_form.addRow("", typed)
            self.problems.labels[f"budget[{p.id}]"] = problem
            self.budget_edits[p.id] = edit
            self.budget_typed[p.id] = typed
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
        self._show_version(current)

    def _show_version(self, current: ApprovalRow | None) -> None:
        """Start the budget from ``current``, the version in force (None: the first plan)."""
        self.current = current
        year = self.year
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
        amounts = {line.project_id: line.amount for line in current.lines} if current else {}
        for project_id, edit in self.budget_edits.items():
            edit.setValue(amounts.get(project_id))
        self._started_from = {i: edit.text() for i, edit in self.budget_edits.items()}
        self._update_total()

    # Another PC recorded a revision meanwhile: start again from it, amounts typed in sight.
    def can_reload(self) -> bool:
        return True

    def reload_record(self) -> None:
        typed = {i: edit.text() for i, edit in self.budget_edits.items()}
        changed = {i for i, text in typed.items() if text != self._started_from[i]}
        year = self.year
        self._show_version(self.ctx.read(lambda s, a: plan.current_approval(s, a, year)))
        for project_id, edit in self.budget_edits.items():
            label = self.budget_typed[project_id]
            mine = typed[project_id]
            label.setVisible(project_id in changed and mine != edit.text())
            label.setText(self.tr("You typed: {0}").format(mine or self.tr("(empty)")))

    def typed_budget(self) -> dict[int, str]:
        """The "You typed" notes shown under the budget lines (for tests)."""
        return {i: lab.text() for i, lab in self.budget_typed.items() if not lab.isHidden()}

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
        # The version the budget started from: a revision recorded meanwhile refuses this one.
        revises = self.current.id if self.current is not None else None
        return [], lambda s, a: plan.record_approval(s, a, year, data, budget, revises=revises)


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
        self._show(approval)

    def _show(self, approval: ApprovalRow) -> None:
        self.approval = approval
        self.approval_date.set_date_value(approval.approval_date)
        self.minutes.setText(approval.minutes_number)
        self.members_present.setValue(approval.members_present)
        self.women_present.setValue(approval.women_present)
        self.votes_for.setValue(approval.votes_for)
        self.votes_against.setValue(approval.votes_against)
        self.votes_abstaining.setValue(approval.votes_abstaining)
        self.notes.setText(approval.notes)
        self.mark_loaded()

    def can_reload(self) -> bool:
        return True

    def reload_record(self) -> None:
        year, approval_id = self.approval.year, self.approval.id
        rows = self.ctx.read(lambda s, a: plan.list_approvals(s, a, year))
        self._show(next(r for r in rows if r.id == approval_id))

    def prepare(self) -> Prepared:
        data = self.meeting_input()
        approval_id, version = self.approval.id, self.approval.record_version
        return [], lambda s, a: plan.correct_approval_details(
            s, a, approval_id, data, record_version=version
        )
