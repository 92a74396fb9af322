"""The member roster import wizard: choose a file -> map the columns -> preview -> import.

Reading the file, comparing it with the register and importing run in a worker with a progress
dialog (``run_with_progress``); the wizard itself holds no rules: each step calls one function of
``services.member_import``, as the CLI does: ``read_file`` (the columns to map),
``preview_file`` (the file read with the mapping and compared with the register) and
``apply_import`` (in one transaction).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from coop_desk.domain.certification import organic_status_label
from coop_desk.errors import ValidationError
from coop_desk.services import member_import
from coop_desk.services.member_import import ACTION_LABELS, ERROR, ImportPlan, Preview, RowPlan
from coop_desk.ui import excel_files
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import message_for, show_error
from coop_desk.ui.labels import tr_label
from coop_desk.ui.models.table import Column, RowTableModel
from coop_desk.ui.widgets import WARNING_COLOR, DateField, ProblemLabel
from coop_desk.ui.workers import Cancelled, Progress, run_with_progress

ACTION_COLOURS = {
    member_import.NEW: "#1b5e20",
    member_import.UPDATE: "#0d47a1",
    member_import.UNCHANGED: "#616161",
    member_import.ERROR: "#b00020",
}


class PreviewModel(RowTableModel[RowPlan]):
    """One line per roster row: Excel row, what will happen, code, name, details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("ImportWizard", "Row"),
                    lambda r: (r.sheet, r.row),
                    lambda k: f"{k[0]}!{k[1]}" if k[0] else str(k[1]),
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("ImportWizard", "Status"),
                    lambda r: r.action,
                    lambda a: tr_label(ACTION_LABELS[a]),
                ),
                Column(QCoreApplication.translate("ImportWizard", "Code"), lambda r: r.code),
                Column(QCoreApplication.translate("ImportWizard", "Name"), lambda r: r.name),
                Column(
                    QCoreApplication.translate("ImportWizard", "Organic"),
                    lambda r: r.organic_status,
                    lambda s: tr_label(organic_status_label(s)),
                ),
                Column(
                    QCoreApplication.translate("ImportWizard", "Fairtrade"),
                    lambda r: r.fairtrade,
                    lambda f: (
                        ""
                        if f is None
                        else (
                            QCoreApplication.translate("ImportWizard", "yes")
                            if f
                            else QCoreApplication.translate("ImportWizard", "no")
                        )
                    ),
                ),
                Column(
                    QCoreApplication.translate("ImportWizard", "Changes / problems"),
                    lambda r: r.summary,
                    tooltip=_details,
                ),
            ],
            parent,
        )

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            if row is not None and index.column() == 1:
                return QColor(ACTION_COLOURS[row.action])
            if row is not None and row.warnings and row.action != ERROR:
                return QColor(WARNING_COLOR)  # imported, but worth a look
            return None
        return super().data(index, role)


def _details(row: RowPlan) -> str:
    lines = [p.describe() for p in row.problems]
    lines += [
        QCoreApplication.translate("ImportWizard", "Warning: {0}").format(w.describe())
        for w in row.warnings
    ]
    lines += [c.describe() for c in row.changes]
    return "\n".join(lines)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the roster"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook (.xlsx) with one member per row. Title rows above the "
                "headers, blank rows and a totals row are fine; headers may be in Spanish "
                "or English, in any order."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Path of the .xlsx file"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        template = QPushButton(self.tr("&Download template…"))
        template.clicked.connect(self.download_template)
        self.problem = ProblemLabel()
        self.sheet = QComboBox()
        self.sheet.addItem(self.tr("(found automatically)"), None)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        sheet_label = QLabel(self.tr("&Sheet:"))
        sheet_label.setBuddy(self.sheet)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(sheet_label)
        sheet_row.addWidget(self.sheet, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(sheet_row)
        layout.addWidget(template, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.path_edit.editingFinished.connect(self.load_sheets)

    def load_sheets(self) -> None:
        """List the workbook's sheets so the user can pick one (errors wait for Next)."""
        self.sheet.clear()
        self.sheet.addItem(self.tr("(found automatically)"), None)
        path = Path(self.path_edit.text().strip()).expanduser()
        if not path.is_file():
            return
        try:
            names = member_import.sheet_names(path)
        except Exception:  # noqa: BLE001 - a bad file is explained when the user goes on
            return
        for name in names:
            self.sheet.addItem(name, name)

    def browse(self) -> None:
        path = excel_files.choose_open_path(self, self.tr("Import a member roster"))
        if path is not None:
            self.path_edit.setText(str(path))
            self.load_sheets()

    def download_template(self) -> None:
        excel_files.download_template(self, self.owner.ctx)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        path = Path(self.path_edit.text().strip()).expanduser()
        self.problem.show_problems([])
        self.owner.sheet = self.sheet.currentData()
        if not self.owner.read(path):
            return False
        self.owner.path = path
        return True


class MappingPage(QWizardPage):
    """Recognised columns are pre-selected; any column can be mapped by hand."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr(
                "What each column of the sheet holds. Recognised columns are already chosen; "
                "pick a field for any other column you want to import."
            )
        )
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)  # rows packed, not spread out
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.problem = ProblemLabel()
        # Many rosters have no date of joining: one date for the new members without it.
        self.use_join_date = QCheckBox(
            self.tr("&Date of joining for new members whose row gives none:")
        )
        self.join_date = DateField()
        self.join_date.setEnabled(False)
        self.use_join_date.toggled.connect(self.join_date.setEnabled)
        join_row = QHBoxLayout()
        join_row.addWidget(self.use_join_date)
        join_row.addWidget(self.join_date)
        join_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(scroll, 1)
        layout.addLayout(join_row)
        layout.addWidget(self.problem)
        self.combos: dict[int, QComboBox] = {}

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        roster = self.owner.roster
        assert roster is not None
        self.problem.show_problems([])
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()
        self.info.setText(
            self.tr("Sheet “{0}”, headers on row {1}, {2} member rows, {3} rows skipped.").format(
                ", ".join(roster.sheets_read) or roster.sheet,
                roster.header_row,
                len(roster.rows),
                len(roster.skipped),
            )
        )
        for col, title in enumerate(
            (self.tr("Column"), self.tr("Header"), self.tr("Examples"), self.tr("Import as"))
        ):
            label = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(label, 0, col)
        for line, column in enumerate(roster.columns, start=1):
            self.grid.addWidget(QLabel(column.letter), line, 0)
            self.grid.addWidget(QLabel(column.header), line, 1)
            self.grid.addWidget(QLabel(", ".join(column.samples)), line, 2)
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for spec in member_import.FIELDS:
                combo.addItem(tr_label(spec.label), spec.key)
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            self.grid.addWidget(combo, line, 3)
            self.combos[column.index] = combo
        self.grid.setColumnStretch(2, 1)

    def default_join_date(self) -> date | None:
        return self.join_date.date_value() if self.use_join_date.isChecked() else None

    def mapping(self) -> dict[int, str | None]:
        return {index: combo.currentData() for index, combo in self.combos.items()}

    def set_field(self, column_letter: str, field_key: str | None) -> None:
        """Choose the field of a column (what a user does with the combo box)."""
        roster = self.owner.roster
        assert roster is not None
        for column in roster.columns:
            if column.letter == column_letter:
                combo = self.combos[column.index]
                combo.setCurrentIndex(combo.findData(field_key))
                return
        raise KeyError(column_letter)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        return self.owner.make_preview(self.mapping())


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(
            self.tr("What the import will do, row by row. Nothing is saved until you import.")
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt starts descending
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Sizing columns looks at the first rows only: a 100,000-row preview stays instant.
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.skipped = QLabel()
        self.skipped.setWordWrap(True)
        self.skip_invalid = QCheckBox(self.tr("&Skip the rows with errors and import the others"))
        self.skip_invalid.toggled.connect(lambda _c: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skipped)
        layout.addWidget(self.skip_invalid)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        plan = self.owner.plan
        assert plan is not None
        self.model.set_rows(list(plan.rows))
        self.table.resizeColumnsToContents()
        errors = plan.count(ERROR)
        text = self.tr(
            "{0} new, {1} to update, {2} unchanged, {3} with errors, {4} rows skipped."
        ).format(
            plan.count(member_import.NEW),
            plan.count(member_import.UPDATE),
            plan.count(member_import.UNCHANGED),
            errors,
            len(plan.skipped),
        )
        warned = sum(1 for r in plan.rows if r.warnings and r.action != ERROR)
        if warned:
            text += " " + self.tr(
                "{0} rows have warnings (something unlikely, in amber): they are imported."
            ).format(warned)
        if errors:
            text += " " + self.tr(
                "Nothing is imported while a row has errors, unless you choose to skip them."
            )
        self.summary.setText(text)
        self.skipped.setText(
            "\n".join(
                [
                    *(
                        self.tr("Skipped {0}").format(line)
                        for line in member_import.summarise_skipped(plan.skipped, limit=15)
                    ),
                    *plan.notes[:15],
                ]
            )
        )
        self.skip_invalid.setVisible(bool(errors))
        self.skip_invalid.setChecked(False)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        plan = self.owner.plan
        if plan is None:
            return False
        return not plan.has_errors or self.skip_invalid.isChecked()


class ImportWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import a member roster"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.path: Path | None = None
        self.sheet: str | None = None  # chosen by the user; None: found automatically
        self.roster: member_import.Roster | None = None
        self.plan: ImportPlan | None = None
        self.result_: member_import.ImportResult | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.addPage(self.file_page)
        self.addPage(self.mapping_page)
        self.addPage(self.preview_page)
        self.resize(900, 600)

    def read(self, path: Path) -> bool:
        """Read the file's columns in a worker; a bad file is explained on the file page."""
        sheet = self.sheet

        def job(progress: Progress) -> member_import.Roster:
            return member_import.read_file(path, sheet=sheet, progress=progress)

        try:
            self.roster = run_with_progress(self, self.tr("Reading {0}").format(path.name), job)
        except Cancelled:
            return False
        except Exception as exc:  # noqa: BLE001 - a file's problem, told on the page
            self.file_page.problem.show_problems([message_for(exc)])
            return False
        return True

    def make_preview(self, mapping: dict[int, str | None]) -> bool:
        """Read the file again with the columns as mapped and compare it with the register;
        a file that can no longer be read is explained on the mapping page."""
        path, roster = self.path, self.roster
        assert path is not None and roster is not None
        # The sheet the file step found, unless the roster came from several sheets.
        sheet = roster.sheet if len(roster.sheets_read) == 1 else self.sheet
        db, actor = self.ctx.db, self.ctx.actor
        join_date = self.mapping_page.default_join_date()

        def job(progress: Progress) -> Preview:
            with db.reading(actor) as session:
                return member_import.preview_file(
                    session,
                    actor,
                    path,
                    sheet=sheet,
                    mapping=mapping,
                    default_join_date=join_date,
                    progress=progress,
                )

        try:
            preview = run_with_progress(self, self.tr("Reading {0}").format(path.name), job)
        except Cancelled:
            return False
        except member_import.WorkbookError as exc:
            self.mapping_page.problem.show_problems([message_for(exc)])
            return False
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return False
        self.roster, self.plan = preview.roster, preview.plan
        return True

    def run_import(self) -> bool:
        """Apply the import in one transaction; ``True`` when done."""
        roster = self.roster
        assert roster is not None
        db, actor = self.ctx.db, self.ctx.actor
        skip = self.preview_page.skip_invalid.isChecked()
        join_date = self.mapping_page.default_join_date()
        plan = self.plan

        def job(progress: Progress) -> member_import.ImportResult:
            with db.transaction(actor) as session:
                return member_import.apply_import(
                    session,
                    actor,
                    roster,
                    skip_invalid=skip,
                    progress=progress,
                    default_join_date=join_date,
                    plan=plan,  # applied as previewed unless the register changed meanwhile
                )

        try:
            self.result_ = run_with_progress(self, self.tr("Importing members"), job)
        except Cancelled:
            return False
        except ValidationError as exc:
            show_error(self, exc, self.tr("Nothing was imported"))
            return False
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return False
        self.ctx.notify("members")
        return True

    def accept(self) -> None:
        if self.run_import():
            result = self.result_
            assert result is not None
            excel_files.inform(
                self.parentWidget(),
                self.tr("Import finished"),
                self.tr(
                    "{0} members added, {1} updated, {2} unchanged, {3} rows not imported."
                ).format(result.created, result.updated, result.unchanged, result.rejected),
            )
            super().accept()
