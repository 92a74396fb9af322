"""The signed-in user changes their own password (required after an administrator's reset)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from coop_desk.domain.problems import Problem
from coop_desk.services import users
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog, Prepared


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def repeat_problems(password: str, repeated: str, field: str = "repeat") -> list[Problem]:
    """A password is typed twice; a problem for ``field`` when the two differ."""
    if password == repeated:
        return []
    return [Problem(field, QCoreApplication.translate("password", "the two passwords differ"))]


class ChangePasswordDialog(FormDialog):
    topic = "users"

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, forced: bool = False
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Change password"))
        if forced:
            self.set_intro(
                self.tr(
                    "An administrator set your password. Choose your own password now "
                    "(at least {0} characters)."
                ).format(users.MIN_PASSWORD_LENGTH)
            )
        self.old = password_field("old_password")
        self.new = password_field("new_password")
        self.repeat = password_field("repeat_password")
        self.add_field(self.tr("&Current password"), "old_password", self.old)
        self.add_field(self.tr("&New password"), "new_password", self.new)
        self.add_field(self.tr("&Repeat it"), "repeat", self.repeat)

    def prepare(self) -> Prepared:
        old, new = self.old.text(), self.new.text()
        problems = repeat_problems(new, self.repeat.text())
        return problems, lambda s, a: users.change_password(s, a, old, new)
