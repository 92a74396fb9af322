"""First start on an empty database: start a new cooperative (with its first administrator's
account) or open the demo (whose users then sign in)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.errors import ValidationError
from coop_desk.services import cooperative, users
from coop_desk.services.access import Actor
from coop_desk.services.demo import load_demo
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import show_error
from coop_desk.ui.widgets import ProblemLabel
from coop_desk.ui.workers import Cancelled, Progress, run_with_progress


class FirstRunDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Welcome to coop-desk"))
        intro = QLabel(
            self.tr(
                "This database is empty. Start your own cooperative, or open the demo "
                "cooperative to explore coop-desk with realistic data."
            )
        )
        intro.setWordWrap(True)
        self.new_choice = QRadioButton(self.tr("Start a &new cooperative"))
        self.demo_choice = QRadioButton(self.tr("Open the &demo cooperative"))
        self.new_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.new_choice)
        group.addButton(self.demo_choice)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of the cooperative"))
        self.problem = ProblemLabel()
        # The first administrator, asked only while the database has no accounts.
        self.needs_admin = not ctx.read(lambda s, a: users.has_users(s))
        self.admin_box = QWidget()
        admin_form = QFormLayout(self.admin_box)
        admin_form.setContentsMargins(0, 0, 0, 0)
        self.admin_name = QLineEdit()
        self.admin_name.setObjectName("admin_name")
        self.admin_password = QLineEdit()
        self.admin_password.setObjectName("admin_password")
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_repeat = QLineEdit()
        self.admin_repeat.setObjectName("admin_repeat")
        self.admin_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        admin_form.addRow(self.tr("Administrator's &user name"), self.admin_name)
        admin_form.addRow(self.tr("&Password"), self.admin_password)
        admin_form.addRow(self.tr("&Repeat the password"), self.admin_repeat)
        self.admin_box.setVisible(self.needs_admin)
        self.new_choice.toggled.connect(self.name.setEnabled)
        self.new_choice.toggled.connect(self.admin_box.setEnabled)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.new_choice)
        layout.addWidget(self.name)
        layout.addWidget(self.admin_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.demo_choice)
        layout.addWidget(buttons)

    def start(self) -> None:
        try:
            if self.demo_choice.isChecked():
                db, actor = self.ctx.db, self.ctx.actor

                def job(progress: Progress) -> None:
                    progress(0, 0, self.tr("Loading the demo cooperative…"))
                    with db.transaction(actor) as session:
                        load_demo(session, actor)

                run_with_progress(self, self.tr("Opening the demo"), job, delay_ms=0)
            else:
                if not self._start_new():
                    return
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return
        self.ctx.notify("*")
        self.accept()

    def _start_new(self) -> bool:
        name = self.name.text().strip()
        problems = []
        if not name:
            problems.append(self.tr("Please enter the cooperative's name."))
        admin, password = self.admin_name.text().strip(), self.admin_password.text()
        if self.needs_admin:
            if not admin:
                problems.append(self.tr("Please enter the administrator's user name."))
            if password != self.admin_repeat.text():
                problems.append(self.tr("The two passwords differ."))
        if problems:
            self.problem.show_problems(problems)
            return False

        def create(session: Session, actor: Actor) -> None:
            cooperative.save_profile(session, actor, cooperative.Profile(name=name))
            if self.needs_admin:
                users.create_first_administrator(session, actor, admin, password)

        try:
            self.ctx.write(create)
        except ValidationError as exc:
            self.problem.show_problems([p.message for p in exc.problems])
            return False
        if self.needs_admin:
            self.ctx.set_actor(users.sign_in(self.ctx.db, admin, password))
        return True


def needs_first_run(ctx: AppContext) -> bool:
    return ctx.read(cooperative.get_profile) is None
