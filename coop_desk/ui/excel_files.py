"""Choosing Excel files and telling the user how an Excel action ended: shared by the menu
actions (``ui.excel_actions``) and the import dialogs, so neither imports the other.

File dialogs go through :func:`choose_save_path` / :func:`choose_open_path` (the last folder
used is kept in ``QSettings``) and messages through :func:`inform`; tests replace them.
:func:`run_job` runs slow work in a worker with a progress dialog and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from coop_desk.i18n import _, use_language
from coop_desk.ui import exported
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import QT_TRANSLATE_NOOP
from coop_desk.ui.workers import Cancelled, Progress, run_with_progress

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coop_desk.services.access import Actor
    from coop_desk.ui.context import AppContext

T = TypeVar("T")

XLSX_FILTER = QT_TRANSLATE_NOOP("excel_actions", "Excel workbook (*.xlsx)")
OPEN_FILTER = QT_TRANSLATE_NOOP("excel_actions", "Excel workbook (*.xlsx *.xlsm);;All files (*)")
_FOLDER_KEY = "excel/last_folder"


def tr(text: str) -> str:
    return QCoreApplication.translate("excel_actions", text)


def _last_folder() -> Path:
    value = QSettings().value(_FOLDER_KEY, "")
    folder = Path(str(value)) if value else Path.home()
    return folder if folder.is_dir() else Path.home()


def _remember(path: Path) -> None:
    QSettings().setValue(_FOLDER_KEY, str(path.parent))


def choose_save_path(
    parent: QWidget | None,
    title: str,
    suggested: str,
    file_filter: str | None = None,
    *,
    suffix: str = ".xlsx",
) -> Path | None:
    """Ask where to write a workbook (or, with ``file_filter`` and ``suffix``, another kind of
    file); ``None`` when the user cancels. Tests replace this."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(_last_folder() / suggested), file_filter or tr(XLSX_FILTER)
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_suffix(suffix)
    _remember(path)
    return path


def choose_open_path(parent: QWidget | None, title: str) -> Path | None:
    """Ask for a workbook to read; ``None`` when the user cancels. Tests replace this."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(_last_folder()), tr(OPEN_FILTER))
    if not chosen:
        return None
    path = Path(chosen)
    _remember(path)
    return path


def inform(parent: QWidget | None, title: str, text: str, path: Path | None = None) -> None:
    """Tell the user an action finished: for a file written (``path``), the shared box with
    Open file / Open folder; else in the status bar of the main window when there is one, or
    in a message box. Tests replace this."""
    if path is not None:
        exported.show_exported(parent, title, text, path)
        return
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 10_000)
        return
    QMessageBox.information(parent, title, text)


def run_job(parent: QWidget | None, title: str, job: Callable[[Progress], Any]) -> Any:
    """Run ``job`` with a progress dialog; ``None`` after Cancel or an error (shown)."""
    try:
        return run_with_progress(parent, title, job)
    except Cancelled:
        return None
    except Exception as exc:  # noqa: BLE001 - shown to the user in words
        show_error(parent, exc)
        return None


def write_in_background(
    parent: QWidget | None,
    ctx: AppContext,
    busy: str,
    path: Path,
    write: Callable[[Session, Actor, Path, Progress], T],
) -> T | None:
    """Run ``write(session, actor, path, progress)`` in a worker with its own reading session,
    behind a progress dialog titled ``busy``; ``None`` after Cancel or an error (shown)."""
    db, actor = ctx.db, ctx.actor

    def job(progress: Progress) -> T:
        with db.reading(actor) as session:
            return write(session, actor, path, progress)

    result: T | None = run_job(parent, busy, job)
    return result


def download_template(parent: QWidget | None, ctx: AppContext | None = None) -> Path | None:
    """Write the roster template (recognised headers and an example row)."""
    from coop_desk.services.cooperative import cooperative_language
    from coop_desk.services.member_import import write_template

    # The template is in the cooperative's language, like every workbook.
    language = ctx.read(lambda s, _a: cooperative_language(s)) if ctx is not None else None
    with use_language(language):
        name = _("members-template.xlsx")
    path = choose_save_path(
        parent, QCoreApplication.translate("excel_actions", "Save the roster template"), name
    )
    if path is None:
        return None
    try:
        written = write_template(path, language)
    except Exception as exc:  # noqa: BLE001 - shown in words
        show_error(parent, exc)
        return None
    inform(
        parent,
        QCoreApplication.translate("excel_actions", "Template saved"),
        QCoreApplication.translate("excel_actions", "The template was saved to {0}.").format(
            written
        ),
        written,
    )
    return written
