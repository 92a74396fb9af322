"""The Reports menu: the General Assembly report, project balances, the journal of a period,
a member's card (``dialog.ReportDialog``) and the gender report (``gender``), each to a PDF or
to a printer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from coop_desk.services.access import Permission
from coop_desk.ui.context import AppContext
from coop_desk.ui.printing.kinds import ASSEMBLY, BALANCES, GENDER, JOURNAL, MEMBER

__all__ = ["ASSEMBLY", "BALANCES", "GENDER", "JOURNAL", "MEMBER", "install_menus"]


def install_menus(window: Any) -> None:
    """The Reports menu of the main window."""
    ctx: AppContext = window.ctx
    menu = window.menuBar().addMenu(QCoreApplication.translate("ReportDialog", "&Reports"))
    window.reports_menu = menu

    def selected_member() -> int | None:
        try:
            member: int | None = window.page("members").selected_member_id()
            return member
        except KeyError:
            return None

    entries = [
        (ASSEMBLY, QCoreApplication.translate("ReportDialog", "&General Assembly report…")),
        (BALANCES, QCoreApplication.translate("ReportDialog", "Project &balances…")),
        (JOURNAL, QCoreApplication.translate("ReportDialog", "&Journal for a period…")),
        (MEMBER, QCoreApplication.translate("ReportDialog", "&Member card…")),
        (GENDER, QCoreApplication.translate("ReportDialog", "Gender &report…")),
    ]
    actions = []
    for kind, text in entries:
        action = QAction(text, window)
        action.setObjectName(f"report_{kind}")
        if kind == GENDER:
            action.triggered.connect(lambda _c=False: open_gender_dialog(window, ctx).exec())
        else:
            action.triggered.connect(
                lambda _c=False, kind=kind: open_report_dialog(
                    window, ctx, kind, selected_member() if kind == MEMBER else None
                ).exec()
            )
        menu.addAction(action)
        actions.append(action)

    def apply_permissions() -> None:
        for action in actions:
            action.setEnabled(ctx.can(Permission.EXPORT) or action.objectName() == "report_gender")

    apply_permissions()
    ctx.actor_changed.connect(apply_permissions)


def open_report_dialog(
    parent: QWidget | None, ctx: AppContext, kind: str, member_id: int | None = None
) -> QDialog:
    """The report dialog for ``kind``; its module (and the reports' services) imported when a
    report is first asked for."""
    from coop_desk.ui.printing.dialog import open_report

    return open_report(parent, ctx, kind, member_id)


def open_gender_dialog(parent: QWidget | None, ctx: AppContext) -> QDialog:
    from coop_desk.ui.printing.gender import GenderReportDialog

    return GenderReportDialog(ctx, parent)
