"""The report dialog: the year, the period or the member, then *Save as PDF…* or *Print…*.

The dialog reads the data in a worker (``run_with_progress``), renders it in the user's
language and writes it (``QPdfWriter``) or prints it (``QPrintDialog``). After a PDF, the shared
"Open file / Open folder" box. ``choose_pdf_path`` and ``print_html`` are what tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services.access import Permission
from coop_desk.services.ledger import fiscal
from coop_desk.ui import excel_files, exported
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import busy_cursor
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import QT_TRANSLATE_NOOP
from coop_desk.ui.printing import documents, output
from coop_desk.ui.printing.kinds import ASSEMBLY, BALANCES, GENDER, JOURNAL, MEMBER
from coop_desk.ui.widgets import DateField, ProblemLabel
from coop_desk.ui.workers import Cancelled, Progress, run_with_progress

PDF_FILTER = QT_TRANSLATE_NOOP("ReportDialog", "PDF document (*.pdf)")


def choose_pdf_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """Ask where to write a PDF; ``None`` when cancelled. Tests replace this."""
    return excel_files.choose_save_path(
        parent,
        title,
        suggested,
        QCoreApplication.translate("ReportDialog", PDF_FILTER),
        suffix=".pdf",
    )


def print_html(parent: QWidget | None, html: str, title: str) -> bool:
    """Send to a printer (tests replace this: no printer dialog in tests)."""
    return output.print_html(parent, html, title)


class ReportDialog(QDialog):
    """Choose what to print (year, period or member), then save it as PDF or print it."""

    def __init__(
        self,
        ctx: AppContext,
        kind: str,
        parent: QWidget | None = None,
        *,
        member_id: int | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.member_id = member_id
        self.today = today
        self.written: Path | None = None
        titles = {
            ASSEMBLY: self.tr("General Assembly report"),
            BALANCES: self.tr("Project balances"),
            JOURNAL: self.tr("Journal for a period"),
            MEMBER: self.tr("Member card"),
            GENDER: self.tr("Gender report"),
        }
        self.setWindowTitle(titles[kind])
        form = QFormLayout()
        current = ctx.read(lambda s, a: fiscal.current_year(s, a, today()))
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        # The Assembly reports on the year just ended; balances follow the current one.
        self.year.setValue(current - 1 if kind in (ASSEMBLY, GENDER) else current)
        self.date_from = DateField(date(today().year, 1, 1))
        self.date_to = DateField(today())
        self.member = QComboBox()
        if kind in (ASSEMBLY, BALANCES, GENDER):
            form.addRow(self.tr("Fiscal &year"), self.year)
        elif kind == JOURNAL:
            form.addRow(self.tr("&From"), self.date_from)
            form.addRow(self.tr("&To"), self.date_to)
        elif kind == MEMBER:
            from coop_desk.services import members

            for row in ctx.read(members.list_members):
                self.member.addItem(f"{row.code}  {row.full_name}", row.id)
            if member_id is not None:
                self.member.setCurrentIndex(max(self.member.findData(member_id), 0))
            form.addRow(self.tr("&Member"), self.member)
        self.problem = ProblemLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.print_button.clicked.connect(lambda: self.print_report())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("In the language of the program; amounts in its format.")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        ok = ctx.can(Permission.EXPORT)
        self.pdf_button.setEnabled(ok)
        self.print_button.setEnabled(ok)

    # --- what and how --------------------------------------------------------------------
    def suggested_name(self) -> str:
        if self.kind == JOURNAL:
            return (
                f"journal-{self.date_from.date_value().isoformat()}"
                f"-{self.date_to.date_value().isoformat()}.pdf"
            )
        if self.kind == MEMBER:
            code = (self.member.currentText().split() or ["member"])[0]
            return f"member-{code}.pdf"
        names = {ASSEMBLY: "assembly-report", BALANCES: "project-balances", GENDER: "gender"}
        return f"{names[self.kind]}-{self.year.value()}.pdf"

    def _problems(self) -> list[str]:
        if self.kind == JOURNAL and self.date_to.date_value() < self.date_from.date_value():
            return [self.tr("The end of the period is before its start.")]
        if self.kind == MEMBER and self.member.currentData() is None:
            return [self.tr("Choose a member.")]
        return []

    def render_report(self) -> tuple[str, str] | None:
        """Read the data in a worker and lay it out: (title, html); None after an error."""
        problems = self._problems()
        self.problem.show_problems(problems)
        if problems:
            return None
        db, actor, today = self.ctx.db, self.ctx.actor, self.today()
        kind, year = self.kind, self.year.value()
        start, end = self.date_from.date_value(), self.date_to.date_value()
        member_id = self.member.currentData()

        def job(progress: Progress) -> Any:
            progress(0, 0, QCoreApplication.translate("ReportDialog", "Reading the records…"))
            with db.reading(actor) as session:
                if kind in (ASSEMBLY, GENDER):
                    return documents.load_assembly(session, actor, year, today=today)
                if kind == BALANCES:
                    return documents.load_balances(session, actor, year)
                if kind == JOURNAL:
                    return documents.load_journal(session, actor, start, end)
                return documents.load_member_card(session, actor, int(member_id), today)

        try:
            data = run_with_progress(self, self.windowTitle(), job)
        except Cancelled:
            return None
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return None
        reports = documents.Reports()
        renderers: dict[str, Callable[[Any], str]] = {
            ASSEMBLY: reports.render_assembly,
            BALANCES: reports.render_balances,
            JOURNAL: reports.render_journal,
            MEMBER: reports.render_member_card,
            GENDER: reports.render_gender,
        }
        return self.windowTitle(), renderers[self.kind](data)

    def save_pdf(self, target: Path | None = None) -> Path | None:
        target = target or choose_pdf_path(self, self.tr("Save as PDF"), self.suggested_name())
        if target is None:
            return None
        rendered = self.render_report()
        if rendered is None:
            return None
        title, html = rendered
        try:
            # Qt lays the document out on this (GUI) thread: about 0.8 s per 300 table rows.
            with busy_cursor():
                self.written = output.write_pdf(html, target, title)
        except OSError as exc:
            self.problem.show_problems([self.tr("The PDF could not be written: {0}").format(exc)])
            return None
        self.accept()
        exported.show_exported(
            self.parentWidget(),
            self.tr("PDF written"),
            self.tr("{0} was saved as a PDF.").format(title),
            self.written,
        )
        return self.written

    def print_report(self) -> bool:
        rendered = self.render_report()
        if rendered is None:
            return False
        title, html = rendered
        if print_html(self, html, title):
            self.accept()
            return True
        return False


def open_report(
    parent: QWidget | None, ctx: AppContext, kind: str, member_id: int | None = None
) -> ReportDialog:
    """The dialog, not yet shown (tests drive it)."""
    return ReportDialog(ctx, kind, parent, member_id=member_id)
