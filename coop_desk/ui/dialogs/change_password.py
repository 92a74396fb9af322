"""The signed-in user changes their own password (required after an administrator's reset)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coop_desk.domain.problems import Problem
from coop_desk.errors import CoopDeskError, ValidationError
from coop_desk.services import users
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import show_error
from coop_desk.ui.widgets import FormProblems


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class ChangePasswordDialog(QDialog):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, forced: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Change password"))
        self.problems = FormProblems()
        layout = QVBoxLayout(self)
        if forced:
            note = QLabel(
                self.tr(
                    "An administrator set your password. Choose your own password now "
                    "(at least {0} characters)."
                ).format(users.MIN_PASSWORD_LENGTH)
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        self.old = password_field("old_password")
        self.new = password_field("new_password")
        self.repeat = password_field("repeat_password")
        form = QFormLayout()
        self.problems.add_row(form, self.tr("&Current password"), "old_password", self.old)
        self.problems.add_row(form, self.tr("&New password"), "new_password", self.new)
        self.problems.add_row(form, self.tr("&Repeat it"), "repeat", self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addLayout(form)
        layout.addWidget(self.problems.general)
        layout.addWidget(buttons)

    def save(self) -> bool:
        old, new = self.old.text(), self.new.text()
        if new != self.repeat.text():
            self.problems.show([Problem("repeat", self.tr("the two new passwords differ"))])
            return False
        try:
            self.ctx.write(lambda s, a: users.change_password(s, a, old, new), "users")
        except ValidationError as exc:
            self.problems.show(exc.problems)
            return False
        except CoopDeskError as exc:
            show_error(self, exc)
            return False
        self.accept()
        return True
