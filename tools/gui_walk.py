"""The three office jobs of issue 10, walked in the Spanish GUI, with a screenshot per step.

The treasurer records a payment (with its consequences) and exports the ledger; the
administrator registers and edits members; the auditor reviews the year. Each screen is
captured with ``QWidget.grab()`` at 1024x768 and 1600x1000 into a folder, to be looked at
by a person (English words, cut-off labels, unclear messages).

    COOP_DESK_LANG=es xvfb-run -a -s "-screen 0 1600x1000x24" \\
        .venv/bin/python tools/gui_walk.py /tmp/shots

Runs over a fresh demo database in a temporary folder; writes nothing else.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("COOP_DESK_LANG", "es")

from PySide6.QtCore import QSettings, QThreadPool, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from coop_desk.app import make_application  # noqa: E402
from coop_desk.db import Database  # noqa: E402
from coop_desk.services import users  # noqa: E402
from coop_desk.services.access import SYSTEM  # noqa: E402
from coop_desk.services.demo import load_demo  # noqa: E402

SIZES = {"1024": (1024, 768), "1600": (1600, 1000)}
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "gui-walk")


def settle() -> None:
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(30_000)
        QApplication.processEvents()


def shot(widget: QWidget, name: str) -> None:
    settle()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def with_modal(action: Callable[[], object], name: str, finish: Callable[[QWidget], None]) -> None:
    """Run ``action`` (which opens a modal dialog), capture the dialog, then ``finish`` it."""

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(50, look)
            return
        shot(modal, name)
        finish(modal)

    QTimer.singleShot(50, look)
    action()


def discard(dialog, name: str) -> None:  # type: ignore[no-untyped-def]
    """Close a form; when it holds changes, capture the "discard them?" question and discard."""
    from PySide6.QtWidgets import QMessageBox

    if not (getattr(dialog, "is_modified", lambda: False)() and dialog.save_button().isEnabled()):
        dialog.reject()
        return

    def click_discard(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Discard).click()

    with_modal(dialog.reject, name, click_discard)


def window_for(db: Database, username: str):  # type: ignore[no-untyped-def]
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.main_window import MainWindow

    ctx = AppContext(db, users.sign_in(db, username, "demo"))
    window = MainWindow(ctx)
    window.show()
    return window


def each_size(window, name: str) -> None:  # type: ignore[no-untyped-def]
    for label, (width, height) in SIZES.items():
        window.resize(width, height)
        shot(window, f"{name}-{label}")


def sign_in_screens(db: Database) -> None:
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.dialogs.login import LoginDialog

    login = LoginDialog(AppContext(db))
    login.show()
    shot(login, "00-sign-in")
    login.close()


def treasurer(db: Database) -> None:
    window = window_for(db, "tesorero")
    page = window.show_page("premium")
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        each_size(window, f"10-treasurer-premium-tab{i}")
    dialog = page.open_payment_dialog()
    dialog.show()
    shot(dialog, "11-payment-empty")
    for i in range(dialog.account.count()):  # a PEN account: the USD value shows while typing
        if dialog.account.itemData(i) is not None and dialog.account.itemData(i).currency == "PEN":
            dialog.account.setCurrentIndex(i)
            break
    dialog.rate.setText("3.75")
    dialog.amount.setText("50,000.00")
    dialog.payee.setText("Ferretería El Progreso")
    dialog.voucher.setText("F001-2345")
    dialog.description.setText("Calaminas para el almacén")
    shot(dialog, "12-payment-typed")
    with_modal(dialog.save_button().click, "13-payment-confirm", lambda box: box.reject())
    shot(dialog, "14-payment-after-go-back")
    discard(dialog, "14b-payment-discard")
    from coop_desk.ui import excel_actions

    def export() -> None:
        with_modal(
            lambda: excel_actions.export_ledger(window, window.page("premium").ctx),
            "15-ledger-period",
            lambda d: with_modal(d.accept, "16-ledger-save-as", lambda f: f.reject()),
        )

    export()
    window.close()


def administrator(db: Database) -> None:
    window = window_for(db, "admin")
    page = window.show_page("members")
    each_size(window, "20-admin-members")
    page.search.setText("Núñez")
    page._search_now()
    shot(window, "21-admin-search")
    editor = page.open_editor(None)
    editor.show()
    shot(editor, "22-new-member")
    editor.save_button().click()  # nothing typed: the problems show
    shot(editor, "23-new-member-problems")
    discard(editor, "23b-new-member-discard")
    page.search.clear()
    page._search_now()
    settle()
    editor = page.open_editor(page.model.rows()[0].id)
    editor.show()
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
        shot(editor, f"24-edit-member-tab{i}")
    status = editor.status_dialog()
    status.show()
    shot(status, "25-status-change")
    discard(status, "25b-status-discard")
    history = editor.history_dialog()
    history.show()
    shot(history, "26-member-history")
    history.close()
    editor.reject()
    for key in ("home", "users", "certs", "plots", "trade"):
        window.show_page(key)
        each_size(window, f"27-admin-{key}")
    from coop_desk.ui.dialogs.settings import SettingsDialog

    settings = SettingsDialog(window.page("members").ctx)
    settings.show()
    shot(settings, "28-settings")
    discard(settings, "28b-settings-discard")
    window.close()


def auditor(db: Database) -> None:
    window = window_for(db, "auditor")
    page = window.show_page("audit")
    each_size(window, "30-auditor-audit")
    page.view.selectRow(0)
    history = page.open_history()
    if history is not None:
        history.show()
        shot(history, "31-audit-history")
        history.close()
    verify = page.run_verify()
    if verify is not None:
        verify.show()
        shot(verify, "32-verify")
        verify.close()
    premium = window.show_page("premium")
    for i in range(premium.tabs.count()):
        premium.tabs.setCurrentIndex(i)
        each_size(window, f"33-auditor-premium-tab{i}")
    window.show_page("certs")
    each_size(window, "34-auditor-certifications")
    window.show_page("members")
    each_size(window, "35-auditor-members")
    members = window.page("members")
    editor = members.open_editor(members.model.rows()[0].id)
    editor.show()
    shot(editor, "36-auditor-member-read-only")
    editor.reject()
    window.close()


def new_cooperative(folder: Path, roster: Path) -> None:
    """First run of a new cooperative: the choice, the empty register's guidance, then the
    administrator imports a roster (the demo's register, exported) and sees the preview."""
    from coop_desk.ui import excel_actions
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.dialogs.first_run import FirstRunDialog
    from coop_desk.ui.main_window import MainWindow

    db = Database.open(folder / "new.sqlite")
    ctx = AppContext(db)
    first = FirstRunDialog(ctx)
    first.show()
    shot(first, "01-first-run")
    first.name.setText("Cooperativa Agraria Cafetalera Alto Mayo")
    first.admin_name.setText("rosa")
    first.admin_password.setText("clave-larga-2026")
    first.admin_repeat.setText("clave-larga-2027")
    first.save_button().click()
    shot(first, "02-first-run-problem")
    first.admin_repeat.setText("clave-larga-2026")
    first.save_button().click()
    settle()
    window = MainWindow(ctx)
    window.show()
    each_size(window, "03-empty-register")
    wizard = excel_actions.open_import_wizard(window, ctx)
    wizard.show()
    wizard.file_page.path_edit.setText(str(roster))
    shot(wizard, "04-import-file")
    wizard.next()
    shot(wizard, "05-import-columns")
    wizard.next()
    shot(wizard, "06-import-preview")
    wizard.reject()
    window.close()
    db.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    make_application()
    folder = Path(tempfile.mkdtemp(prefix="gui-walk-"))
    db = Database.open(folder / "demo.sqlite")
    with db.transaction(SYSTEM) as session:
        load_demo(session, SYSTEM)
    from coop_desk.services import member_export

    roster = folder / "padron.xlsx"
    with db.reading(SYSTEM) as session:
        member_export.export_members(session, SYSTEM, roster)
    new_cooperative(folder, roster)
    sign_in_screens(db)
    treasurer(db)
    administrator(db)
    auditor(db)
    db.close()


if __name__ == "__main__":
    main()
