"""Closing a fiscal year (locks it, carries the balances into the next) and reopening it
(administrators, with a reason that is recorded)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from coop_desk.domain.problems import Problem
from coop_desk.services.ledger import fiscal
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog, Prepared


class CloseYearDialog(FormDialog):
    topic = "ledger"

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.year = year
        self.today = date.today()
        self.setWindowTitle(self.tr("Close fiscal year {0}").format(year))
        self.set_intro(
            self.tr(
                "Closing {0} locks it: nothing more can be recorded in it. Each account's "
                "balance and the Premium fund are carried into {1}. Only an administrator can "
                "reopen it."
            ).format(year, year + 1)
        )
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional, e.g. accounts approved by the GA"))
        self.add_field(self.tr("&Note"), "note", self.note)
        self.save_button().setText(self.tr("&Close year"))

    def prepare(self) -> Prepared:
        year, note, today = self.year, self.note.text(), self.today
        return [], lambda s, a: fiscal.close_year(s, a, year, today=today, note=note)


class ReopenYearDialog(FormDialog):
    topic = "ledger"

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.year = year
        self.setWindowTitle(self.tr("Reopen fiscal year {0}").format(year))
        self.set_intro(
            self.tr(
                "Reopening {0} reverses the balances it carried into {1} and allows "
                "corrections in it. The reason is kept in the year's history."
            ).format(year, year + 1)
        )
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required: why the year is reopened"))
        self.add_field(self.tr("&Reason"), "reason", self.reason)
        self.save_button().setText(self.tr("&Reopen year"))

    def prepare(self) -> Prepared:
        reason = self.reason.text()
        if not reason.strip():
            return [Problem("reason", "say why the year is reopened")], None
        year = self.year
        return [], lambda s, a: fiscal.reopen_year(s, a, year, reason=reason)
