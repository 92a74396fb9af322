"""The gender report on screen: the share of women among the members, in the General Assembly,
in the organic group and among those inspected, and the women's programme's spending, for a
fiscal year (``services.ledger.gender``), with Save as PDF and Print."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services.access import Permission
from coop_desk.services.ledger import fiscal, gender
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import show_error
from coop_desk.ui.models.table import Column, RowTableModel, plain_table
from coop_desk.ui.widgets import format_decimal
from coop_desk.ui.workers import BackgroundLoader

if TYPE_CHECKING:
    from coop_desk.ui.printing.dialog import ReportDialog


@dataclass(frozen=True)
class ShareRow:
    label: str
    women: int
    total: int
    percent: Decimal | None


class SharesModel(RowTableModel[ShareRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Group"), lambda r: r.label),
                Column(self.tr("Women"), lambda r: r.women, align_right=True),
                Column(self.tr("Total"), lambda r: r.total, align_right=True),
                Column(
                    self.tr("Share of women"),
                    lambda r: r.percent,
                    lambda v: "—" if v is None else f"{format_decimal(v, 1)} %",
                    align_right=True,
                ),
            ],
            parent,
        )


class GenderReportDialog(QDialog):
    loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.report: gender.GenderReport | None = None
        self.setWindowTitle(self.tr("Gender report"))
        self.resize(640, 380)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(ctx.read(lambda s, a: fiscal.current_year(s, a, today())))
        self.year.valueChanged.connect(lambda _v: self.refresh())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Fiscal year")))
        top.addWidget(self.year)
        top.addStretch(1)
        self.model = SharesModel(self)
        self.table = plain_table(self.model, 4)
        self.programme = QLabel()
        self.programme.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        for button in (self.pdf_button, self.print_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setEnabled(ctx.can(Permission.EXPORT))
        self.pdf_button.clicked.connect(lambda: self.report_dialog().save_pdf())
        self.print_button.clicked.connect(lambda: self.report_dialog().print_report())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.programme)
        layout.addWidget(self.buttons)
        self.loader = BackgroundLoader(self)
        self.loader.failed.connect(lambda exc: show_error(self, exc))
        self.loader.finished.connect(self.loaded)
        self.refresh()

    def refresh(self) -> None:
        db, actor, year, today = self.ctx.db, self.ctx.actor, self.year.value(), self.today()

        def read() -> gender.GenderReport:  # pool thread, own Session
            with db.reading(actor) as session:
                return gender.gender_report(session, actor, year, today=today)

        self.loader.load(read, self._apply)

    def _apply(self, report: gender.GenderReport) -> None:
        from coop_desk.ui.printing.documents import Reports

        self.report = report
        rows = [
            ShareRow(label, share.women, share.total, share.percent)
            for label, share in Reports().gender_rows(report)
        ]
        self.model.set_rows(rows)
        if report.programme_name:
            self.programme.setText(
                self.tr(
                    "{0}: approved USD {1}, spent USD {2} in {3}, "
                    "{4} of all the Premium spent on projects."
                ).format(
                    report.programme_name,
                    format_decimal(report.programme_budget) or "—",
                    format_decimal(report.programme_spent),
                    report.year,
                    "—"
                    if report.programme_share is None
                    else f"{format_decimal(report.programme_share, 1)} %",
                )
            )
        else:
            self.programme.setText(self.tr("The plan has no women's programme."))

    def report_dialog(self) -> ReportDialog:
        from coop_desk.ui.printing.dialog import GENDER, ReportDialog

        dialog = ReportDialog(self.ctx, GENDER, self, today=self.today)
        dialog.year.setValue(self.year.value())
        return dialog
