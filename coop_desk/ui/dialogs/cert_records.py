"""Small certification forms: a sanction, the approval committee's decision, a plot's organic
conversion, a member's scope in a scheme, and completing a corrective action."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from coop_desk.domain.certification import (
    COMMITTEE_LABELS,
    CONVERSION_LABELS,
    INSPECTION_RESULT_LABELS,
    SANCTION_LABELS,
    CommitteeDecision,
    ConversionStatus,
    InspectionResult,
    SanctionInput,
    SanctionKind,
)
from coop_desk.services import certification as certs
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.cert_form import CertFormDialog, MemberPicker
from coop_desk.ui.dialogs.form import Prepared
from coop_desk.ui.labels import tr_label
from coop_desk.ui.widgets import DateField, format_date


def _inspection_combo(inspections: Sequence[certs.InspectionRow]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(QCoreApplication.translate("certs", "(none)"), None)
    for i in inspections:
        combo.addItem(_describe_inspection(i), i.id)
    return combo


def _describe_inspection(i: certs.InspectionRow) -> str:
    result = INSPECTION_RESULT_LABELS[InspectionResult(i.result)]
    return f"{format_date(i.inspection_date)} — {result} ({i.inspector})"


class SanctionDialog(CertFormDialog):
    """A sanction for ``member_id``; without one, the form starts with a member picker."""

    def __init__(
        self,
        ctx: AppContext,
        member_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(ctx, parent, today=today)
        self.setWindowTitle(self.tr("Sanction"))
        self.fixed_member = member_id
        self.member = MemberPicker(
            ctx.read(certs.group_member_choices) if member_id is None else []
        )
        if member_id is None:
            self.member.setCurrentIndex(-1)
            self.member.currentIndexChanged.connect(lambda _i: self._load_inspections())
        self.kind = QComboBox()
        for kind in SanctionKind:
            self.kind.addItem(tr_label(SANCTION_LABELS[kind]), kind.value)
        self.decided_on = DateField(today())
        self.starts_on = DateField(today())
        self.has_end = QCheckBox(self.tr("ends on"))
        self.ends_on = DateField(today() + timedelta(days=365))
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(70)
        self.inspection = _inspection_combo([])
        if member_id is None:
            self.add_field(self.tr("&Member"), "member_id", self.member)
        self.add_field(self.tr("&Sanction"), "kind", self.kind)
        self.add_field(self.tr("&Decided on"), "decided_on", self.decided_on)
        self.add_field(self.tr("&From"), "starts_on", self.starts_on)
        end_row = QWidget()
        end_layout = QHBoxLayout(end_row)
        end_layout.setContentsMargins(0, 0, 0, 0)
        end_layout.addWidget(self.has_end)
        end_layout.addWidget(self.ends_on, 1)
        self.add_field(self.tr("&To"), "ends_on", end_row)
        self.add_field(self.tr("&Reason"), "reason", self.reason)
        self.add_field(self.tr("&Inspection"), "inspection_id", self.inspection)
        self.kind.currentIndexChanged.connect(self._update)
        self.has_end.toggled.connect(self._update)
        self._load_inspections()
        self._update()

    @property
    def member_id(self) -> int | None:
        return self.fixed_member if self.fixed_member is not None else self.member.member_id()

    def _load_inspections(self) -> None:
        member_id = self.member_id
        self.inspection.clear()
        self.inspection.addItem(self.tr("(none)"), None)
        if member_id is None:
            return
        for i in self.ctx.read(lambda s, a: certs.list_inspections(s, a, member_id=member_id)):
            self.inspection.addItem(_describe_inspection(i), i.id)

    def _update(self) -> None:
        kind = self.kind.currentData()
        self.starts_on.setEnabled(kind != SanctionKind.WARNING)
        self.has_end.setEnabled(kind == SanctionKind.SUSPENSION)
        self.ends_on.setEnabled(kind == SanctionKind.SUSPENSION and self.has_end.isChecked())

    def input_data(self) -> SanctionInput:
        kind = str(self.kind.currentData())
        return SanctionInput(
            member_id=self.member_id,
            kind=kind,
            decided_on=self.decided_on.date_value(),
            reason=self.reason.toPlainText(),
            starts_on=self.starts_on.date_value() if kind != SanctionKind.WARNING else None,
            ends_on=(
                self.ends_on.date_value()
                if kind == SanctionKind.SUSPENSION and self.has_end.isChecked()
                else None
            ),
            inspection_id=self.inspection.currentData(),
        )

    def prepare(self) -> Prepared:
        data = self.input_data()
        today = self.today()
        return [], lambda s, a: certs.record_sanction(s, a, data, today=today)


class DecisionDialog(CertFormDialog):
    """The ICS approval committee's decision on a member's inspection report."""

    def __init__(
        self,
        ctx: AppContext,
        member_id: int,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(ctx, parent, today=today)
        self.setWindowTitle(self.tr("Approval committee decision"))
        self.member_id = member_id
        self.decision = QComboBox()
        for decision in CommitteeDecision:
            self.decision.addItem(tr_label(COMMITTEE_LABELS[decision]), decision.value)
        self.decision_date = DateField(today())
        inspections = ctx.read(lambda s, a: certs.list_inspections(s, a, member_id=member_id))
        self.inspection = _inspection_combo(inspections)
        if inspections:
            self.inspection.setCurrentIndex(1)  # the latest report
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("minutes / act number"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.add_field(self.tr("&Decision"), "decision", self.decision)
        self.add_field(self.tr("D&ate"), "decision_date", self.decision_date)
        self.add_field(self.tr("&Inspection report"), "inspection_id", self.inspection)
        self.add_field(self.tr("&Reference"), "reference", self.reference)
        self.add_field(self.tr("&Notes"), "notes", self.notes)

    def prepare(self) -> Prepared:
        member_id = self.member_id
        decision = str(self.decision.currentData())
        when = self.decision_date.date_value()
        inspection_id = self.inspection.currentData()
        reference = self.reference.text()
        notes = self.notes.toPlainText()
        today = self.today()
        return [], lambda s, a: certs.record_decision(
            s,
            a,
            member_id,
            decision,
            when,
            inspection_id=inspection_id,
            reference=reference,
            notes=notes,
            today=today,
        )


class PlotOrganicDialog(CertFormDialog):
    """A plot's conversion start and, when needed, an override of the computed status."""

    def __init__(
        self,
        ctx: AppContext,
        plot: certs.PlotStatusRow,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(ctx, parent, today=today)
        self.setWindowTitle(self.tr("Organic status of {0}").format(plot.name))
        self.plot = plot
        self.has_start = QCheckBox(self.tr("In organic conversion since:"))
        self.conversion_start = DateField(today())
        self.has_start.toggled.connect(self.conversion_start.setEnabled)
        self.computed = QLabel()
        self.override = QComboBox()
        self.override.addItem(self.tr("(computed from the dates)"), None)
        for status in ConversionStatus:
            self.override.addItem(tr_label(CONVERSION_LABELS[status]), status.value)
        self.reason = QLineEdit()
        self.form.addRow(self.has_start, self.conversion_start)
        self.problems.labels["conversion_start"] = self.problems.general
        self.track_field("conversion_start", self.conversion_start)
        self.add_field(self.tr("Computed status"), "computed", self.computed)
        self.add_field(self.tr("&Override"), "status_override", self.override)
        self.add_field(self.tr("Override &reason"), "override_reason", self.reason)
        self._fill(plot)

    def _fill(self, plot: certs.PlotStatusRow) -> None:
        self.plot = plot
        self.has_start.setChecked(plot.conversion_start is not None)
        self.conversion_start.set_date_value(plot.conversion_start or self.today())
        self.conversion_start.setEnabled(self.has_start.isChecked())
        self.computed.setText(tr_label(CONVERSION_LABELS[plot.computed]))
        self.override.setCurrentIndex(
            self.override.findData(plot.override.value) if plot.override is not None else 0
        )
        self.reason.setText(plot.override_reason)
        self.mark_loaded()

    def can_reload(self) -> bool:
        return True

    def reload_record(self) -> None:
        member_id, plot_id, on = self.plot.member_id, self.plot.plot_id, self.today()
        found = self.ctx.read(lambda s, a: certs.member_certification(s, a, member_id, on))
        self._fill(next(p for p in found.plots if p.plot_id == plot_id))

    def prepare(self) -> Prepared:
        plot_id = self.plot.plot_id
        start = self.conversion_start.date_value() if self.has_start.isChecked() else None
        value = self.override.currentData()
        override = ConversionStatus(value) if value else None
        reason = self.reason.text()
        today = self.today()
        version = self.plot.record_version
        return [], lambda s, a: certs.set_plot_organic(
            s, a, plot_id, start, override, reason, today=today, record_version=version
        )


class SchemeScopeDialog(CertFormDialog):
    """Whether a member is in the certified scope of a scheme, since when."""

    def __init__(
        self,
        ctx: AppContext,
        member_id: int,
        scheme: certs.SchemeStatusRow,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(ctx, parent, today=today)
        self.setWindowTitle(self.tr("{0}: certified scope").format(scheme.scheme_name))
        self.member_id = member_id
        self.scheme = scheme
        self.in_scope = QCheckBox(self.tr("In the certified scope"))
        self.since = DateField(today())
        self.notes = QLineEdit()
        self.add_field("", "in_scope", self.in_scope)
        self.add_field(self.tr("&Since"), "since", self.since)
        self.add_field(self.tr("&Notes"), "notes", self.notes)
        self._fill(scheme)

    def _fill(self, scheme: certs.SchemeStatusRow) -> None:
        self.scheme = scheme
        self.in_scope.setChecked(scheme.in_scope is not False)
        self.since.set_date_value(scheme.since or self.today())
        self.notes.setText(scheme.notes)
        self.mark_loaded()

    def can_reload(self) -> bool:
        return True

    def reload_record(self) -> None:
        member_id, scheme_id, on = self.member_id, self.scheme.scheme_id, self.today()
        found = self.ctx.read(lambda s, a: certs.member_certification(s, a, member_id, on))
        self._fill(next(r for r in found.schemes if r.scheme_id == scheme_id))

    def prepare(self) -> Prepared:
        member_id, scheme_id = self.member_id, self.scheme.scheme_id
        in_scope, since, notes = (
            self.in_scope.isChecked(),
            self.since.date_value(),
            self.notes.text(),
        )
        today = self.today()
        version = self.scheme.record_version
        return [], lambda s, a: certs.set_member_scheme(
            s, a, member_id, scheme_id, in_scope, since, notes, today=today, record_version=version
        )


class CompleteActionDialog(CertFormDialog):
    def __init__(
        self,
        ctx: AppContext,
        action: certs.ActionRow,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(ctx, parent, today=today)
        self.setWindowTitle(self.tr("Corrective action done"))
        self.action = action
        what = QLabel(
            self.tr("{0} {1}: {2} (due {3})").format(
                action.member_code,
                action.member_name,
                action.description,
                format_date(action.due_date),
            )
        )
        what.setWordWrap(True)
        self.completed_on = DateField(today())
        self.note = QLineEdit()
        self.form.addRow(what)
        self.add_field(self.tr("&Completed on"), "completed_on", self.completed_on)
        self.add_field(self.tr("&Note"), "note", self.note)

    def prepare(self) -> Prepared:
        action_id, when, note = self.action.id, self.completed_on.date_value(), self.note.text()
        today = self.today()
        return [], lambda s, a: certs.complete_action(s, a, action_id, when, note, today=today)
