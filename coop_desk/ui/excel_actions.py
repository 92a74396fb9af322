"""Excel actions of the GUI: export the member register, import a roster (wizard), download
the roster template, the Premium ledger workbook, the annual premium-use report and the legacy
cash book import.

Each action is a function ``action(parent, ctx)`` so menus, page buttons and tests call the
same code. File dialogs and messages go through ``ui.excel_files`` (shared with the import
dialogs), which tests replace. Slow work runs in a worker with a
progress dialog and Cancel (``run_with_progress``); the worker opens its own session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from coop_desk.services.access import Actor
from coop_desk.ui import excel_files
from coop_desk.ui.context import AppContext
from coop_desk.ui.workers import Progress

# --- writing a workbook ---------------------------------------------------------------------------


class _Written(Protocol):
    @property
    def path(self) -> Any: ...


T = TypeVar("T", bound=_Written)


def _write_workbook(
    parent: QWidget | None,
    ctx: AppContext,
    *,
    title: str,
    suggested: str,
    busy: str,
    write: Callable[[Session, Actor, Path, Progress], T],
    finished: str,
    done: Callable[[T], str],
) -> Path | None:
    """Ask where (``title``, ``suggested`` name), run ``write`` in a worker (``busy``) with its
    own reading session, and tell the user (``finished``, ``done(result)``). The path written,
    or ``None`` after Cancel or an error (shown)."""
    path = excel_files.choose_save_path(parent, title, suggested)
    if path is None:
        return None
    result = excel_files.write_in_background(parent, ctx, busy, path, write)
    if result is None:
        return None
    excel_files.inform(parent, finished, done(result), Path(result.path))
    return Path(result.path)


# --- members -----------------------------------------------------------------------------------


def export_members(parent: QWidget | None, ctx: AppContext) -> Path | None:
    """Export the register (Members, Plots) to a workbook the user chooses."""
    from coop_desk.services import member_export

    return _write_workbook(
        parent,
        ctx,
        title=QCoreApplication.translate("excel_actions", "Export the member register"),
        suggested=ctx.read(lambda s, _a: member_export.default_file_name(s, date.today())),
        busy=QCoreApplication.translate("excel_actions", "Exporting the member register"),
        write=lambda s, a, path, progress: member_export.export_members(
            s, a, path, progress=progress
        ),
        finished=QCoreApplication.translate("excel_actions", "Export finished"),
        done=lambda result: QCoreApplication.translate(
            "excel_actions", "{0} members and {1} plots written to {2}."
        ).format(result.members, result.plots, result.path),
    )


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
    return _write_workbook(
        parent,
        ctx,
        title=QCoreApplication.translate("excel_actions", "Export the Premium ledger"),
        suggested=ctx.read(lambda s, _a: workbook.ledger_file_name(s, label)),
        busy=QCoreApplication.translate("excel_actions", "Exporting the Premium ledger"),
        write=lambda s, a, path, progress: workbook.export_ledger(
            s, a, path, progress=progress, **period
        ),
        finished=QCoreApplication.translate("excel_actions", "Export finished"),
        done=lambda result: QCoreApplication.translate(
            "excel_actions", "The ledger for {0} ({1} postings) was written to {2}."
        ).format(result.period.label(), result.postings, result.path),
    )


def export_premium_report(parent: QWidget | None, ctx: AppContext) -> Path | None:
    """The annual premium-use report for the General Assembly."""
    from coop_desk.services.ledger import assembly_report

    year = choose_year(parent, ctx)
    if year is None:
        return None
    writing = QCoreApplication.translate("excel_actions", "Writing the report…")

    def write(
        session: Session, actor: Actor, path: Path, progress: Progress
    ) -> assembly_report.PremiumReportResult:
        progress(0, 0, writing)
        return assembly_report.export_premium_report(session, actor, path, year)

    return _write_workbook(
        parent,
        ctx,
        title=QCoreApplication.translate("excel_actions", "Premium-use report"),
        suggested=ctx.read(lambda s, _a: assembly_report.report_file_name(s, year)),
        busy=QCoreApplication.translate("excel_actions", "Writing the premium-use report"),
        write=write,
        finished=QCoreApplication.translate("excel_actions", "Report written"),
        done=lambda result: QCoreApplication.translate(
            "excel_actions", "The premium-use report {0} was written to {1}."
        ).format(year, result.path),
    )


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
    from coop_desk.services import cashbook_import
    from coop_desk.ui.dialogs.ledger_excel import CashbookDialog

    db, actor = ctx.db, ctx.actor

    def job(_progress: Progress) -> cashbook_import.CashbookPreview:
        with db.reading(actor) as session:
            return cashbook_import.preview_file(session, actor, path)

    preview = excel_files.run_job(
        parent,
        QCoreApplication.translate("excel_actions", "Reading {0}").format(path.name),
        job,
    )
    if preview is None:
        return None
    return CashbookDialog(ctx, preview, parent)


# --- menus ---------------------------------------------------------------------------------------


def install_menus(window: Any) -> None:
    """Add the Excel actions to the main window: Export menu entries and File > Import, each
    enabled while the user's role allows it (the template is for everyone)."""
    from PySide6.QtGui import QAction

    from coop_desk.services.access import Permission

    ctx: AppContext = window.ctx
    allowed: list[tuple[QAction, Permission]] = []

    def add(
        text: str,
        name: str,
        run: Callable[[Any, AppContext], Any],
        permission: Permission | None,
    ) -> QAction:
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda: run(window, ctx))
        if permission is not None:
            allowed.append((action, permission))
        return action

    for export in (
        add(
            QCoreApplication.translate("excel_actions", "Member register to &Excel…"),
            "export_members_xlsx",
            export_members,
            Permission.EXPORT,
        ),
        add(
            QCoreApplication.translate("excel_actions", "Premium &ledger workbook…"),
            "export_ledger_xlsx",
            export_ledger,
            Permission.EXPORT,
        ),
        add(
            QCoreApplication.translate("excel_actions", "Annual &premium-use report…"),
            "export_premium_report_xlsx",
            export_premium_report,
            Permission.EXPORT,
        ),
    ):
        window.add_export_action(export)
    for entry in (
        add(
            QCoreApplication.translate("excel_actions", "&Member roster from Excel…"),
            "import_members_xlsx",
            import_members,
            Permission.MEMBERS_WRITE,
        ),
        add(
            QCoreApplication.translate("excel_actions", "Download the roster &template…"),
            "roster_template_xlsx",
            excel_files.download_template,
            None,
        ),
        add(
            QCoreApplication.translate("excel_actions", "Premium &cash book from Excel…"),
            "import_cashbook_xlsx",
            import_cashbook,
            Permission.LEDGER_WRITE,
        ),
    ):
        window.import_menu.addAction(entry)

    def apply_permissions() -> None:
        for action, permission in allowed:
            action.setEnabled(ctx.can(permission))

    apply_permissions()
    ctx.actor_changed.connect(apply_permissions)
