"""The Users page: every account with its role; administrators add accounts, reset passwords,
deactivate and reactivate. Other roles see the list only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.domain.problems import Problem
from coop_desk.errors import CoopDeskError, ValidationError
from coop_desk.services import users
from coop_desk.services.access import ROLE_LABELS, Permission, Role
from coop_desk.services.users import UserRow
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.change_password import password_field
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import tr_label
from coop_desk.ui.pages.base import Page
from coop_desk.ui.widgets import FormProblems

Index = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("UsersModel", "User"),
        QT_TRANSLATE_NOOP("UsersModel", "Name"),
        QT_TRANSLATE_NOOP("UsersModel", "Role"),
        QT_TRANSLATE_NOOP("UsersModel", "Active"),
        QT_TRANSLATE_NOOP("UsersModel", "Last sign-in"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UserRow] = []

    def set_rows(self, rows: list[UserRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.username,
                row.full_name,
                tr_label(ROLE_LABELS[row.role]),
                self.tr("yes") if row.active else self.tr("no"),
                f"{row.last_login_at.astimezone():%Y-%m-%d %H:%M}" if row.last_login_at else "",
            )[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.username
        return None


class UserDialog(QDialog):
    """A new account: user name, full name, role, first password (typed twice)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: UserRow | None = None
        self.setWindowTitle(self.tr("New user"))
        self.problems = FormProblems()
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(tr_label(ROLE_LABELS[role]), role.value)
        self.password = password_field("password")
        self.repeat = password_field("repeat")
        form = QFormLayout()
        self.problems.add_row(form, self.tr("&User name"), "username", self.username)
        self.problems.add_row(form, self.tr("&Full name"), "full_name", self.full_name)
        self.problems.add_row(form, self.tr("&Role"), "role", self.role)
        self.problems.add_row(form, self.tr("&Password"), "password", self.password)
        self.problems.add_row(form, self.tr("R&epeat it"), "repeat", self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems.general)
        layout.addWidget(buttons)

    def save(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.problems.show([Problem("repeat", self.tr("the two passwords differ"))])
            return False
        name, full, role, password = (
            self.username.text(),
            self.full_name.text(),
            self.role.currentData(),
            self.password.text(),
        )
        try:
            self.created = self.ctx.write(
                lambda s, a: users.create_user(s, a, name, role, password, full), "users"
            )
        except ValidationError as exc:
            self.problems.show(exc.problems)
            return False
        except CoopDeskError as exc:
            show_error(self, exc)
            return False
        self.accept()
        return True


class ResetPasswordDialog(QDialog):
    def __init__(self, ctx: AppContext, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.username = username
        self.setWindowTitle(self.tr("Reset the password of {0}").format(username))
        self.problems = FormProblems()
        self.password = password_field("password")
        self.repeat = password_field("repeat")
        form = QFormLayout()
        self.problems.add_row(form, self.tr("&New password"), "password", self.password)
        self.problems.add_row(form, self.tr("&Repeat it"), "repeat", self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems.general)
        layout.addWidget(buttons)

    def save(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.problems.show([Problem("repeat", self.tr("the two passwords differ"))])
            return False
        password = self.password.text()
        try:
            self.ctx.write(
                lambda s, a: users.reset_password(s, a, self.username, password), "users"
            )
        except ValidationError as exc:
            self.problems.show(exc.problems)
            return False
        except CoopDeskError as exc:
            show_error(self, exc)
            return False
        self.accept()
        return True


class RoleDialog(QDialog):
    """Give an account another role."""

    def __init__(
        self, ctx: AppContext, username: str, role: Role, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.username = username
        self.setWindowTitle(self.tr("Role of {0}").format(username))
        self.role = QComboBox()
        for r in Role:
            self.role.addItem(tr_label(ROLE_LABELS[r]), r.value)
        self.role.setCurrentIndex(self.role.findData(role.value))
        form = QFormLayout()
        form.addRow(self.tr("&Role"), self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> bool:
        role = self.role.currentData()
        try:
            self.ctx.write(lambda s, a: users.set_role(s, a, self.username, role), "users")
        except CoopDeskError as exc:
            show_error(self, exc)
            return False
        self.accept()
        return True


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
        rows = self.ctx.read(users.list_users)
        self.model.set_rows(rows)
        active = sum(1 for r in rows if r.active)
        self.status_message.emit(self.tr("{0} accounts, {1} active").format(len(rows), active))
        self._update_buttons()

    def selected(self) -> UserRow | None:
        row = self.view.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def select_user(self, username: str) -> None:
        for i, row in enumerate(self.model.rows):
            if row.username == username:
                self.view.selectRow(i)
                return

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
