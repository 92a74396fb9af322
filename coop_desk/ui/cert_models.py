"""Item models of the certification screens: the shared ``RowTableModel`` (ui/models/table.py)
over the services' row dataclasses, described by its columns and a per-row colour. ``data()``
only looks up and formats; sorting uses the columns' raw sort keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from coop_desk.domain.certification import (
    CONVERSION_LABELS,
    INSPECTION_RESULT_LABELS,
    SANCTION_LABELS,
    ConversionStatus,
    InspectionResult,
    SanctionKind,
)
from coop_desk.domain.members import code_sort_key
from coop_desk.services.certification import (
    ActionRow,
    CertificateRow,
    FarmerRow,
    InspectionRow,
    PlotStatusRow,
    SanctionRow,
    SchemeStatusRow,
)
from coop_desk.services.certification.alerts import KIND_LABELS, Alert, Level
from coop_desk.ui.labels import QT_TRANSLATE_NOOP, tr_label
from coop_desk.ui.models.table import Column, RowTableModel
from coop_desk.ui.widgets import format_date, format_decimal

R = TypeVar("R")

RED = QColor("#b00020")
AMBER = QColor("#a15c00")
GREY = QColor("#6b6b6b")


def tr(text: str) -> str:
    return QCoreApplication.translate("certs", text)


def col(
    header: str,
    display: Callable[[R], str],
    sort: Callable[[R], Any],
    *,
    numeric: bool = False,
    tooltip: Callable[[R], str] | None = None,
) -> Column[R]:
    """A shared ``Column`` from the row's text and its sort key; the header, marked with
    ``QT_TRANSLATE_NOOP`` at the call site, is translated here."""
    return Column(tr(header), sort, align_right=numeric, tooltip=tooltip, row_display=display)


def _date_key(value: date | None) -> date:
    return value or date.min


def _ha(value: Decimal) -> str:
    return format_decimal(value, 2)


# --- concrete models ------------------------------------------------------------------------


def certificates_model(today: Callable[[], date], parent: Any = None) -> RowTableModel:
    """Certificates; an expired one is red unless a later one of the same scheme and holder
    replaced it (then grey)."""
    latest: dict[tuple[int | None, int], date] = {}

    def colour(r: CertificateRow) -> QColor | None:
        if r.expiry_date < latest.get((r.member_id, r.scheme_id), r.expiry_date):
            return GREY
        left = r.days_left(today())
        if left < 0:
            return RED
        return AMBER if left <= 90 else None

    cols: list[Column[CertificateRow]] = [
        col(QT_TRANSLATE_NOOP("certs", "Scheme"), lambda r: r.scheme_name, lambda r: r.scheme_name),
        col(
            QT_TRANSLATE_NOOP("certs", "Holder"),
            # The group's own certificate: "the cooperative" in the user's language.
            lambda r: (
                r.holder if r.member_id else QCoreApplication.translate("certs", "the cooperative")
            ),
            lambda r: r.holder,
        ),
        col(QT_TRANSLATE_NOOP("certs", "Certifier"), lambda r: r.certifier, lambda r: r.certifier),
        col(QT_TRANSLATE_NOOP("certs", "Number"), lambda r: r.number, lambda r: r.number),
        col(
            QT_TRANSLATE_NOOP("certs", "Issued"),
            lambda r: format_date(r.issue_date),
            lambda r: r.issue_date,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Expires"),
            lambda r: format_date(r.expiry_date),
            lambda r: r.expiry_date,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Days left"),
            lambda r: str(r.days_left(today())),
            lambda r: r.expiry_date,
            numeric=True,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Document"),
            lambda r: r.document_name,
            lambda r: r.document_name,
            tooltip=lambda r: f"SHA-256 {r.document_sha256}" if r.document_sha256 else "",
        ),
        col(QT_TRANSLATE_NOOP("certs", "Scope"), lambda r: r.scope, lambda r: r.scope),
    ]
    model: RowTableModel = RowTableModel(cols, parent, colour=colour)

    def _index_latest() -> None:
        latest.clear()
        for row in model.rows():
            key = (row.member_id, row.scheme_id)
            latest[key] = max(latest.get(key, row.expiry_date), row.expiry_date)

    model.modelReset.connect(_index_latest)
    return model


def schedule_model(parent: Any = None) -> RowTableModel:
    """Members of the group not yet inspected this year."""
    cols: list[Column[FarmerRow]] = [
        col(QT_TRANSLATE_NOOP("certs", "Code"), lambda r: r.code, lambda r: code_sort_key(r.code)),
        col(QT_TRANSLATE_NOOP("certs", "Name"), lambda r: r.name, lambda r: r.name),
        col(QT_TRANSLATE_NOOP("certs", "Community"), lambda r: r.community, lambda r: r.community),
        col(
            QT_TRANSLATE_NOOP("certs", "Last inspection"),
            lambda r: (
                format_date(r.last_inspection_date) or QCoreApplication.translate("certs", "never")
            ),
            lambda r: _date_key(r.last_inspection_date),
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Total ha"),
            lambda r: _ha(r.total_area_ha),
            lambda r: r.total_area_ha,
            numeric=True,
        ),
    ]
    return RowTableModel(cols, parent)


def actions_model(today: Callable[[], date], parent: Any = None) -> RowTableModel:
    def colour(r: ActionRow) -> QColor | None:
        if r.completed_on is not None:
            return GREY
        return RED if r.overdue(today()) else None

    cols: list[Column[ActionRow]] = [
        col(
            QT_TRANSLATE_NOOP("certs", "Member"),
            lambda r: f"{r.member_code} {r.member_name}",
            lambda r: code_sort_key(r.member_code),
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Corrective action"),
            lambda r: r.description,
            lambda r: r.description,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Due"),
            lambda r: format_date(r.due_date),
            lambda r: r.due_date,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Status"),
            lambda r: (
                QCoreApplication.translate("certs", "done {0}").format(format_date(r.completed_on))
                if r.completed_on
                else QCoreApplication.translate("certs", "overdue")
                if r.overdue(today())
                else QCoreApplication.translate("certs", "open")
            ),
            lambda r: (r.completed_on is not None, r.due_date),
        ),
    ]
    return RowTableModel(cols, parent, colour=colour)


def alerts_model(parent: Any = None) -> RowTableModel:
    order = {Level.URGENT: 0, Level.WARNING: 1, Level.INFO: 2}

    def colour(a: Alert) -> QColor | None:
        return RED if a.level == Level.URGENT else AMBER if a.level == Level.WARNING else None

    cols: list[Column[Alert]] = [
        col(
            QT_TRANSLATE_NOOP("certs", "Level"),
            lambda a: tr_label(a.level.value),
            lambda a: order[a.level],
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Alert"),
            lambda a: tr_label(KIND_LABELS[a.kind]),
            lambda a: a.kind.value,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Date"),
            lambda a: format_date(a.when),
            lambda a: _date_key(a.when),
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Details"),
            lambda a: a.message,
            lambda a: a.message,
            tooltip=lambda a: a.message,
        ),
    ]
    return RowTableModel(cols, parent, colour=colour)


def scheme_status_model(parent: Any = None) -> RowTableModel:
    def scope(r: SchemeStatusRow) -> str:
        if r.in_scope is None:
            return QCoreApplication.translate("certs", "not recorded")
        return (
            QCoreApplication.translate("certs", "yes")
            if r.in_scope
            else QCoreApplication.translate("certs", "no")
        )

    cols: list[Column[SchemeStatusRow]] = [
        col(QT_TRANSLATE_NOOP("certs", "Scheme"), lambda r: r.scheme_name, lambda r: r.scheme_name),
        col(
            QT_TRANSLATE_NOOP("certs", "In certified scope"),
            scope,
            lambda r: (r.in_scope is None, not r.in_scope),
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Since"),
            lambda r: format_date(r.since),
            lambda r: _date_key(r.since),
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Member certificate"),
            lambda r: (
                QCoreApplication.translate("certs", "{0}, expires {1}").format(
                    r.certificate.number, format_date(r.certificate.expiry_date)
                )
                if r.certificate
                else ""
            ),
            lambda r: _date_key(r.certificate.expiry_date if r.certificate else None),
        ),
        col(QT_TRANSLATE_NOOP("certs", "Notes"), lambda r: r.notes, lambda r: r.notes),
    ]
    return RowTableModel(cols, parent)


def plot_status_model(parent: Any = None) -> RowTableModel:
    def colour(r: PlotStatusRow) -> QColor | None:
        return None if r.certified or r.status != ConversionStatus.ORGANIC else AMBER

    cols: list[Column[PlotStatusRow]] = [
        col(QT_TRANSLATE_NOOP("certs", "Plot"), lambda r: r.name, lambda r: r.name),
        col(
            QT_TRANSLATE_NOOP("certs", "Total ha"),
            lambda r: _ha(r.total_area_ha),
            lambda r: r.total_area_ha,
            numeric=True,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Conversion start"),
            lambda r: format_date(r.conversion_start),
            lambda r: _date_key(r.conversion_start),
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Status"),
            lambda r: tr_label(CONVERSION_LABELS[r.status]) + (" *" if r.override else ""),
            lambda r: r.status.value,
            tooltip=lambda r: (
                QCoreApplication.translate("certs", "Override: {0} (computed: {1})").format(
                    r.override_reason, tr_label(CONVERSION_LABELS[r.computed])
                )
                if r.override
                else ""
            ),
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Organic from"),
            lambda r: format_date(r.organic_from),
            lambda r: _date_key(r.organic_from),
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Counts as certified"),
            lambda r: (
                QCoreApplication.translate("certs", "yes")
                if r.certified
                else QCoreApplication.translate("certs", "no")
            ),
            lambda r: r.certified,
        ),
    ]
    return RowTableModel(cols, parent, colour=colour)


def inspections_model(parent: Any = None) -> RowTableModel:
    def colour(r: InspectionRow) -> QColor | None:
        return RED if r.result == InspectionResult.NOT_APPROVED else None

    cols: list[Column[InspectionRow]] = [
        col(
            QT_TRANSLATE_NOOP("certs", "Date"),
            lambda r: format_date(r.inspection_date),
            lambda r: r.inspection_date,
        ),
        col(QT_TRANSLATE_NOOP("certs", "Inspector"), lambda r: r.inspector, lambda r: r.inspector),
        col(
            QT_TRANSLATE_NOOP("certs", "Result"),
            lambda r: tr_label(INSPECTION_RESULT_LABELS[InspectionResult(r.result)]),
            lambda r: r.result,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Plots visited"),
            lambda r: ", ".join(r.plot_names),
            lambda r: len(r.plot_ids),
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Yield estimate kg"),
            lambda r: format_decimal(r.yield_estimate_kg, 0),
            lambda r: r.yield_estimate_kg if r.yield_estimate_kg is not None else Decimal(-1),
            numeric=True,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Prohibited input"),
            lambda r: (
                f"{r.last_prohibited_input} ({format_date(r.last_prohibited_input_date)})"
                if r.last_prohibited_input
                else ""
            ),
            lambda r: r.last_prohibited_input,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Findings"),
            lambda r: r.findings,
            lambda r: r.findings,
            tooltip=lambda r: r.findings,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Corrective actions"),
            lambda r: "; ".join(
                f"{a.description} ({format_date(a.due_date)}"
                + (f", {QCoreApplication.translate('certs', 'done')})" if a.completed_on else ")")
                for a in r.actions
            ),
            lambda r: len(r.actions),
        ),
    ]
    return RowTableModel(cols, parent, colour=colour)


def sanctions_model(
    today: Callable[[], date], parent: Any = None, *, with_member: bool = False
) -> RowTableModel:
    def colour(r: SanctionRow) -> QColor | None:
        return RED if r.active(today()) else None

    member: list[Column[SanctionRow]] = [
        col(
            QT_TRANSLATE_NOOP("certs", "Member"),
            lambda r: f"{r.member_code} {r.member_name}",
            lambda r: code_sort_key(r.member_code),
        )
    ]
    cols: list[Column[SanctionRow]] = [
        *(member if with_member else []),
        col(
            QT_TRANSLATE_NOOP("certs", "Decided"),
            lambda r: format_date(r.decided_on),
            lambda r: r.decided_on,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Sanction"),
            lambda r: tr_label(SANCTION_LABELS[SanctionKind(r.kind)]),
            lambda r: r.kind,
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "From"),
            lambda r: format_date(r.starts_on),
            lambda r: _date_key(r.starts_on),
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "To"),
            lambda r: format_date(r.ends_on),
            lambda r: _date_key(r.ends_on),
        ),
        col(
            QT_TRANSLATE_NOOP("certs", "Reason"),
            lambda r: r.reason,
            lambda r: r.reason,
            tooltip=lambda r: r.reason,
        ),
    ]
    return RowTableModel(cols, parent, colour=colour)
