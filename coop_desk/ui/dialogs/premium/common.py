"""What every Premium form shares: a form with inline problems, Save / Cancel, amount parsing
and one transaction per save."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.domain.money import MoneyError
from coop_desk.domain.problems import Problem
from coop_desk.errors import ValidationError
from coop_desk.services.access import Actor
from coop_desk.services.ledger.accounts import AccountRow
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import show_error
from coop_desk.ui.widgets import AmountEdit, FormProblems

ServiceCall = Callable[[Session, Actor], Any]


def read_amount(
    problems: list[Problem],
    field: str,
    edit: AmountEdit,
    *,
    required: bool = True,
    what: str = "the amount",
) -> Decimal | None:
    """The amount typed in ``edit``; a problem for ``field`` when unreadable or missing."""
    try:
        value = edit.value()
    except MoneyError as exc:
        problems.append(Problem(field, str(exc)))
        return None
    if value is None and required:
        problems.append(Problem(field, f"give {what}"))
    return value


def fill_accounts(combo: QComboBox, rows: Sequence[AccountRow]) -> None:
    """Bank and cash accounts by name with their currency; item data is the row."""
    combo.clear()
    for row in rows:
        combo.addItem(f"{row.name} ({row.currency})" if row.currency else row.name, row)


class FormDialog(QDialog):
    """A form whose Save runs one service call in one transaction.

    Subclasses add fields with :meth:`add_field` and implement :meth:`prepare`, which returns
    the problems found in the widgets themselves (unreadable amounts) and the service call.
    """

    saved = Signal(object)  # what the service returned
    topic = "ledger"

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.problems = FormProblems()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.result_row: Any = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problems.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_field(self, label: str, field: str, widget: QWidget) -> QWidget:
        self.problems.add_row(self.form, label, field, widget)
        return widget

    def save_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def prepare(self) -> tuple[list[Problem], ServiceCall | None]:
        raise NotImplementedError

    def save(self) -> None:
        self.problems.clear()
        try:
            problems, call = self.prepare()
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return
        if problems or call is None:
            self.problems.show(problems)
            return
        try:
            result = self.ctx.write(call, self.topic)
        except ValidationError as exc:
            self.problems.show(exc.problems)
            return
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return
        self.result_row = result
        self.saved.emit(result)
        self.accept()
