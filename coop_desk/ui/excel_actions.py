"""Excel actions of the GUI: export the member register, import a roster (wizard), download
the roster template, the Premium ledger workbook, the annual premium-use report and the legacy
cash book import.

Each action is a function ``action(parent, ctx)`` so menus, page buttons and tests call the
same code. File dialogs and messages go through ``ui.excel_files`` (shared with the import
dialogs), which tests replace. Slow work runs in a worker with a
progress dialog and Cancel (``run_with_progress``); the worker opens its own session.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from coop_desk.ui import excel_files
from coop_desk.ui.context import AppContext
from coop_desk.ui.workers import Progress

# --- members -----------------------------------------------------------------------------------


def export_members(parent: QWidget | None, ctx: AppContext) -> Path | None:
    """Export the register (Members, Plots) to a workbook the user chooses."""
    from coop_desk.services import member_export

    path = excel_files.choose_save_path(
        parent,
        QCoreApplication.translate("excel_actions", "Export the member register"),
        ctx.read(lambda s, _a: member_export.default_file_name(s, date.today())),
    )
    if path is None:
        return None
    db, actor = ctx.db, ctx.actor

    def job(progress: Progress) -> member_export.ExportResult:
        with db.reading(actor) as session:
            return member_export.export_members(session, actor, path, progress=progress)

    result = excel_files.run_job(
        parent, QCoreApplication.translate("excel_actions", "Exporting the member register"), job
    )
    if result is None:
        return None
    excel_files.inform(
        parent,
        QCoreApplication.translate("excel_actions", "Export finished"),
        QCoreApplication.translate(
            "excel_actions", "{0} members and {1} plots written to {2}."
        ).format(result.members, result.plots, result.path),
    )
    return Path(result.path)


def import_members(parent: QWidget | None, ctx: AppContext) -> Any:
    """Open the roster import wizard. Returns the wizard (tests drive it) after it closes."""
    from coop_desk.ui.dialogs.import_wizard import ImportWizard

    wizard = open_import_wizard(parent, ctx)
    wizard.exec()
    return wizard if isinstance(wizard, ImportWizard) else None


def open_import_wizard(parent: QWidget | None, ctx: AppContext) -> Any:
    """The wizard, not yet shown (tests replace ``import_members``' exec by driving this)."""
    from coop_desk.ui.dialogs.import_wizard import ImportWizard

    return ImportWizard(ctx, parent)


# --- the Premium ledger ------------------------------------------------------------------------


def choose_period(parent: QWidget | None, ctx: AppContext) -> dict[str, Any] | None:
    """Ask for a fiscal year or a date range; ``None`` when cancelled. Tests replace this."""
    from coop_desk.ui.dialogs.ledger_excel import PeriodDialog

    dialog = PeriodDialog(ctx, parent)
    if dialog.exec() != PeriodDialog.DialogCode.Accepted:
        return None
    return dialog.period()


def choose_year(parent: QWidget | None, ctx: AppContext) -> int | None:
    """Ask for a fiscal year; ``None`` when cancelled. Tests replace this."""
    from PySide6.QtWidgets import QInputDialog

    year, ok = QInputDialog.getInt(
        parent,
        QCoreApplication.translate("excel_actions", "Premium-use report"),
        QCoreApplication.translate("excel_actions", "Fiscal year:"),
        date.today().year - 1,
        1990,
        2100,
    )
    return year if ok else None


def export_ledger(parent: QWidget | None, ctx: AppContext) -> Path | None:
    """The Premium ledger workbook (Summary, Journal, Contracts, Compliance) for a period."""
    from coop_desk.services.ledger import workbook

    period = choose_period(parent, ctx)
    if period is None:
        return None
    label = str(period.get("year") or f"{period['date_from']}_{period['date_to']}")
    path = excel_files.choose_save_path(
        parent,
        QCoreApplication.translate("excel_actions", "Export the Premium ledger"),
        ctx.read(lambda s, _a: workbook.ledger_file_name(s, label)),
    )
    if path is None:
        return None
    db, actor = ctx.db, ctx.actor

    def job(progress: Progress) -> workbook.LedgerExportResult:
        with db.reading(actor) as session:
            return workbook.export_ledger(session, actor, path, progress=progress, **period)

    result = excel_files.run_job(
        parent, QCoreApplication.translate("excel_actions", "Exporting the Premium ledger"), job
    )
    if result is None:
        return None
    excel_files.inform(
        parent,
        QCoreApplication.translate("excel_actions", "Export finished"),
        QCoreApplication.translate(
            "excel_actions", "The ledger for {0} ({1} postings) was written to {2}."
        ).format(result.period.label(), result.postings, result.path),
    )
    return Path(result.path)


def export_premium_report(parent: QWidget | None, ctx: AppContext) -> Path | None:
    """The annual premium-use report for the General Assembly."""
    from coop_desk.services.ledger import assembly_report

    year = choose_year(parent, ctx)
    if year is None:
        return None
    path = excel_files.choose_save_path(
        parent,
        QCoreApplication.translate("excel_actions", "Premium-use report"),
        ctx.read(lambda s, _a: assembly_report.report_file_name(s, year)),
    )
    if path is None:
        return None
    db, actor = ctx.db, ctx.actor

    def job(progress: Progress) -> assembly_report.PremiumReportResult:
        progress(0, 0, QCoreApplication.translate("excel_actions", "Writing the report…"))
        with db.reading(actor) as session:
            return assembly_report.export_premium_report(session, actor, path, year)

    result = excel_files.run_job(
        parent, QCoreApplication.translate("excel_actions", "Writing the premium-use report"), job
    )
    if result is None:
        return None
    excel_files.inform(
        parent,
        QCoreApplication.translate("excel_actions", "Report written"),
        QCoreApplication.translate(
            "excel_actions", "The premium-use report {0} was written to {1}."
        ).format(year, result.path),
    )
    return Path(result.path)


def import_cashbook(parent: QWidget | None, ctx: AppContext) -> Any:
    """Read a legacy cash book, preview it, then post it (``CashbookDialog``)."""
    path = excel_files.choose_open_path(
        parent, QCoreApplication.translate("excel_actions", "Import a premium cash book")
    )
    if path is None:
        return None
    dialog = open_cashbook_dialog(parent, ctx, path)
    if dialog is None:
        return None
    dialog.exec()
    return dialog


def open_cashbook_dialog(parent: QWidget | None, ctx: AppContext, path: Path) -> Any:
    """Read ``path`` (worker) and build the preview dialog, not yet shown; ``None`` after a
    bad file (explained)."""
    from coop_desk.exchange.cashbook import read_cashbook
    from coop_desk.ui.dialogs.ledger_excel import CashbookDialog

    book = excel_files.run_job(
        parent,
        QCoreApplication.translate("excel_actions", "Reading {0}").format(path.name),
        lambda _p: read_cashbook(path),
    )
    if book is None:
        return None
    return CashbookDialog(ctx, book, parent)


# --- menus ---------------------------------------------------------------------------------------


def install_menus(window: Any) -> None:
    """Add the Excel actions to the main window: Export menu entries and File > Import."""
    from PySide6.QtGui import QAction

    from coop_desk.services.access import Permission

    ctx: AppContext = window.ctx
    export_action = QAction(
        QCoreApplication.translate("excel_actions", "Member register to &Excel…"), window
    )
    export_action.setObjectName("export_members_xlsx")
    export_action.triggered.connect(lambda: export_members(window, ctx))
    window.add_export_action(export_action)

    import_menu = window.import_menu
    import_action = QAction(
        QCoreApplication.translate("excel_actions", "&Member roster from Excel…"), window
    )
    import_action.setObjectName("import_members_xlsx")
    import_action.triggered.connect(lambda: import_members(window, ctx))
    import_menu.addAction(import_action)
    template_action = QAction(
        QCoreApplication.translate("excel_actions", "Download the roster &template…"), window
    )
    template_action.setObjectName("roster_template_xlsx")
    template_action.triggered.connect(lambda: excel_files.download_template(window, ctx))
    import_menu.addAction(template_action)

    ledger_action = QAction(
        QCoreApplication.translate("excel_actions", "Premium &ledger workbook…"), window
    )
    ledger_action.setObjectName("export_ledger_xlsx")
    ledger_action.triggered.connect(lambda: export_ledger(window, ctx))
    window.add_export_action(ledger_action)
    report_action = QAction(
        QCoreApplication.translate("excel_actions", "Annual &premium-use report…"), window
    )
    report_action.setObjectName("export_premium_report_xlsx")
    report_action.triggered.connect(lambda: export_premium_report(window, ctx))
    window.add_export_action(report_action)
    cashbook_action = QAction(
        QCoreApplication.translate("excel_actions", "Premium &cash book from Excel…"), window
    )
    cashbook_action.setObjectName("import_cashbook_xlsx")
    cashbook_action.triggered.connect(lambda: import_cashbook(window, ctx))
    import_menu.addAction(cashbook_action)

    def apply_permissions() -> None:
        for action in (export_action, ledger_action, report_action):
            action.setEnabled(ctx.can(Permission.EXPORT))
        import_action.setEnabled(ctx.can(Permission.MEMBERS_WRITE))
        cashbook_action.setEnabled(ctx.can(Permission.LEDGER_WRITE))

    apply_permissions()
    ctx.actor_changed.connect(apply_permissions)
