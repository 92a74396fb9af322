"""Signing in: the dialog shown at start when the database has user accounts, and to switch
user. A failed attempt is refused with the reason; after repeated failures the Sign in button
stays disabled for the delay the service asks (a timer, never a sleep)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coop_desk.errors import CoopDeskError
from coop_desk.services import users
from coop_desk.services.access import Actor
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import show_error
from coop_desk.ui.widgets import ProblemLabel

Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class LoginDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        username: str | None = None,
        parent: QWidget | None = None,
        *,
        clock: Clock = _utcnow,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clock = clock
        self.actor: Actor | None = None
        self.must_change_password = False
        self.setWindowTitle(self.tr("Sign in to coop-desk"))
        self.setMinimumWidth(380)
        intro = QLabel(self.tr("Sign in with your user name and password."))
        intro.setWordWrap(True)
        self.username = QLineEdit(username or "")
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.problem = ProblemLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        self.wait_timer = QTimer(self)
        self.wait_timer.setSingleShot(True)
        self.wait_timer.timeout.connect(self._end_wait)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        # Enter signs in. The default is set once the button is inside the dialog: set
        # earlier, the dialog had no default when shown and made Cancel (the first button in
        # the focus chain) the default, so Enter closed the program.
        self.sign_in_button.setDefault(True)
        (self.password if username else self.username).setFocus()

    def try_sign_in(self) -> bool:
        """Check the typed name and password; on success set the context's actor and accept."""
        name = self.username.text().strip()
        if not name:
            self.problem.show_problems([self.tr("Please enter your user name.")])
            return False
        try:
            actor = users.sign_in(self.ctx.db, name, self.password.text(), self.clock())
        except users.AuthenticationFailed as exc:
            self.password.clear()
            self.problem.show_problems([str(exc)])
            if exc.retry_after:
                self._start_wait(int(exc.retry_after.total_seconds() * 1000))
            return False
        except CoopDeskError as exc:
            show_error(self, exc)
            return False
        with self.ctx.db.reading(actor) as session:
            self.must_change_password = users.get_user(
                session, actor, actor.username
            ).must_change_password
        self.actor = actor
        self.password.clear()
        self.ctx.set_actor(actor)
        self.accept()
        return True

    def _start_wait(self, milliseconds: int) -> None:
        self.sign_in_button.setEnabled(False)
        self.wait_timer.start(max(milliseconds, 1))

    def _end_wait(self) -> None:
        self.sign_in_button.setEnabled(True)
