"""First start on an empty database: start a new cooperative (with its first administrator's
account) or open the demo (whose users then sign in)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.services import cooperative, users
from coop_desk.services.access import Actor
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.change_password import password_field, repeat_problems
from coop_desk.ui.dialogs.form import FormDialog, InBackground, Prepared
from coop_desk.ui.workers import Progress


class FirstRunDialog(FormDialog):
    topic = "*"  # everything is new
    accept_button = QDialogButtonBox.StandardButton.Ok

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Welcome to coop-desk"))
        self.set_intro(
            self.tr(
                "This database is empty. Start your own cooperative, or open the demo "
                "cooperative to explore coop-desk with realistic data."
            )
        )
        self.new_choice = QRadioButton(self.tr("Start a &new cooperative"))
        self.demo_choice = QRadioButton(self.tr("Open the &demo cooperative"))
        self.new_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.new_choice)
        group.addButton(self.demo_choice)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of the cooperative"))
        # The first administrator, asked only while the database has no accounts.
        self.needs_admin = not ctx.read(lambda s, a: users.has_users(s))
        self.admin_box = QWidget()
        admin_form = QFormLayout(self.admin_box)
        admin_form.setContentsMargins(0, 0, 0, 0)
        self.admin_name = QLineEdit()
        self.admin_name.setObjectName("admin_name")
        self.admin_password = password_field("admin_password")
        self.admin_repeat = password_field("admin_repeat")
        self.form.addRow(self.new_choice)
        self.add_field("", "name", self.name)
        self.form.addRow(self.admin_box)
        self.add_field(
            self.tr("Administrator's &user name"), "username", self.admin_name, form=admin_form
        )
        self.add_field(self.tr("&Password"), "password", self.admin_password, form=admin_form)
        self.add_field(
            self.tr("&Repeat the password"), "repeat", self.admin_repeat, form=admin_form
        )
        self.form.addRow(self.demo_choice)
        self.admin_box.setVisible(self.needs_admin)
        self.new_choice.toggled.connect(self.name.setEnabled)
        self.new_choice.toggled.connect(self.admin_box.setEnabled)
        self.new_choice.toggled.connect(lambda _checked: self.problems.clear())

    def prepare(self) -> Prepared:
        if self.demo_choice.isChecked():
            loading = self.tr("Loading the demo cooperative…")

            def demo(session: Session, actor: Actor, progress: Progress) -> None:
                # The demo's data modules are imported only by those who open it.
                from coop_desk.services.demo import load_demo

                progress(0, 0, loading)
                load_demo(session, actor)

            return [], InBackground(self.tr("Opening the demo"), demo, delay_ms=0)
        name = self.name.text()
        if not self.needs_admin:
            return [], lambda s, a: cooperative.start_cooperative(s, a, name)
        admin, password = self.admin_name.text().strip(), self.admin_password.text()
        problems = repeat_problems(password, self.admin_repeat.text())
        return problems, lambda s, a: cooperative.start_cooperative(
            s, a, name, admin_username=admin, admin_password=password
        )

    def after_save(self, result: Any) -> None:
        if self.new_choice.isChecked() and self.needs_admin:
            self.ctx.set_actor(
                users.sign_in(
                    self.ctx.db, self.admin_name.text().strip(), self.admin_password.text()
                )
            )


def needs_first_run(ctx: AppContext) -> bool:
    return ctx.read(cooperative.get_profile) is None
