"""The Users page: every account with its role; administrators add accounts, reset passwords,
deactivate and reactivate. Other roles see the list only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.errors import CoopDeskError
from coop_desk.services import users
from coop_desk.services.access import ROLE_LABELS, Permission, Role
from coop_desk.services.users import UserRow
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.change_password import password_field, repeat_problems
from coop_desk.ui.dialogs.form import FormDialog, Prepared
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import tr_label
from coop_desk.ui.models.table import Column, RowTableModel
from coop_desk.ui.pages.base import Page
from coop_desk.ui.widgets import format_datetime


def _yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("UsersModel", "yes")
    return QCoreApplication.translate("UsersModel", "no")


def user_columns() -> list[Column[UserRow]]:
    return [
        Column(QCoreApplication.translate("UsersModel", "User"), lambda r: r.username),
        Column(QCoreApplication.translate("UsersModel", "Name"), lambda r: r.full_name),
        Column(
            QCoreApplication.translate("UsersModel", "Role"),
            lambda r: r.role,
            lambda role: tr_label(ROLE_LABELS[role]),
        ),
        Column(QCoreApplication.translate("UsersModel", "Active"), lambda r: r.active, _yes_no),
        Column(
            QCoreApplication.translate("UsersModel", "Last sign-in"),
            lambda r: r.last_login_at,
            lambda t: format_datetime(t),
        ),
    ]


class UsersModel(RowTableModel[UserRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(user_columns(), parent)


class UserDialog(FormDialog):
    """A new account: user name, full name, role, first password (typed twice)."""

    topic = "users"
    permission = Permission.USERS_ADMIN

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("New user"))
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.role = _role_combo()
        self.password = password_field("password")
        self.repeat = password_field("repeat")
        self.add_field(self.tr("&User name"), "username", self.username)
        self.add_field(self.tr("&Full name"), "full_name", self.full_name)
        self.add_field(self.tr("&Role"), "role", self.role)
        self.add_field(self.tr("&Password"), "password", self.password)
        self.add_field(self.tr("R&epeat it"), "repeat", self.repeat)

    def prepare(self) -> Prepared:
        name, full, role, password = (
            self.username.text(),
            self.full_name.text(),
            self.role.currentData(),
            self.password.text(),
        )
        problems = repeat_problems(password, self.repeat.text())
        return problems, lambda s, a: users.create_user(s, a, name, role, password, full)


class ResetPasswordDialog(FormDialog):
    topic = "users"
    permission = Permission.USERS_ADMIN

    def __init__(self, ctx: AppContext, username: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.username = username
        self.setWindowTitle(self.tr("Reset the password of {0}").format(username))
        self.password = password_field("password")
        self.repeat = password_field("repeat")
        self.add_field(self.tr("&New password"), "password", self.password)
        self.add_field(self.tr("&Repeat it"), "repeat", self.repeat)

    def prepare(self) -> Prepared:
        username, password = self.username, self.password.text()
        problems = repeat_problems(password, self.repeat.text())
        return problems, lambda s, a: users.reset_password(s, a, username, password)


class RoleDialog(FormDialog):
    """Give an account another role."""

    topic = "users"
    permission = Permission.USERS_ADMIN

    def __init__(
        self, ctx: AppContext, username: str, role: Role, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.username = username
        self.setWindowTitle(self.tr("Role of {0}").format(username))
        self.role = _role_combo()
        self.role.setCurrentIndex(self.role.findData(role.value))
        self.add_field(self.tr("&Role"), "role", self.role)

    def prepare(self) -> Prepared:
        username, role = self.username, self.role.currentData()
        return [], lambda s, a: users.set_role(s, a, username, role)


def _role_combo() -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(tr_label(ROLE_LABELS[role]), role.value)
    return combo


class UsersPage(Page):
    key = "users"
    topics = frozenset({"users"})
    help_topic = "users"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = UsersModel(self)
        self.view = QTableView()
        self.view.setObjectName("users_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.add_button.clicked.connect(lambda: self.open_add_dialog())
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.reset_button.clicked.connect(lambda: self.open_reset_dialog())
        self.deactivate_button = QPushButton(self.tr("&Deactivate"))
        self.deactivate_button.clicked.connect(lambda: self.set_selected_active(False))
        self.reactivate_button = QPushButton(self.tr("Re&activate"))
        self.reactivate_button.clicked.connect(lambda: self.set_selected_active(True))
        self.role_button = QPushButton(self.tr("Change r&ole…"))
        self.role_button.clicked.connect(lambda: self.open_role_dialog())
        self.admin_buttons = [
            self.add_button,
            self.reset_button,
            self.role_button,
            self.deactivate_button,
            self.reactivate_button,
        ]
        buttons = QHBoxLayout()
        for button in self.admin_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.apply_permissions()

    def title(self) -> str:
        return self.tr("Users")

    def refresh(self) -> None:
        if not self.is_available():
            self.model.set_rows([])
            return
        rows = self.ctx.read(users.list_users)
        self.model.set_rows(rows)
        active = sum(1 for r in rows if r.active)
        self.status_message.emit(self.tr("{0} accounts, {1} active").format(len(rows), active))
        self._update_buttons()

    def selected(self) -> UserRow | None:
        return self.model.row_at(self.view.currentIndex().row())

    def select_user(self, username: str) -> None:
        row = self.model.find_row(lambda r: r.username == username)
        if row >= 0:
            self.view.selectRow(row)

    def apply_permissions(self) -> None:
        """Only administrators see the buttons that change accounts."""
        admin = self.ctx.can(Permission.USERS_ADMIN)
        for button in self.admin_buttons:
            button.setVisible(admin)
        self._update_buttons()

    def _update_buttons(self) -> None:
        admin = self.ctx.can(Permission.USERS_ADMIN)
        row = self.selected()
        self.add_button.setEnabled(admin)
        self.reset_button.setEnabled(admin and row is not None)
        self.role_button.setEnabled(admin and row is not None)
        self.deactivate_button.setEnabled(admin and row is not None and row.active)
        self.reactivate_button.setEnabled(admin and row is not None and not row.active)

    def can_create(self) -> bool:
        return self.ctx.can(Permission.USERS_ADMIN)

    def is_available(self) -> bool:
        from coop_desk.ui.pages import users_available

        return users_available(self.ctx)

    def new_record(self) -> None:
        if self.ctx.can(Permission.USERS_ADMIN):
            self.open_add_dialog()

    def open_add_dialog(self) -> UserDialog:
        dialog = UserDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_reset_dialog(self) -> ResetPasswordDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = ResetPasswordDialog(self.ctx, row.username, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_role_dialog(self) -> RoleDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = RoleDialog(self.ctx, row.username, row.role, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def set_selected_active(self, active: bool) -> bool:
        row = self.selected()
        if row is None:
            return False
        change = users.reactivate_user if active else users.deactivate_user
        try:
            self.ctx.write(lambda s, a: change(s, a, row.username), "users")
        except CoopDeskError as exc:
            show_error(self, exc)
            return False
        self.select_user(row.username)
        return True
