"""File > Open database: another SQLite file, or a PostgreSQL server that several PCs share.

The dialog returns a *target* (a file path, or a server URL without any password) that
``Database.open`` understands. The server's password is never a field here and never
remembered: when the server asks for one that libpq did not find (PGPASSFILE / ~/.pgpass,
pg_service.conf), :func:`password_prompt` asks for it at that moment.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from coop_desk import paths
from coop_desk.db import DEFAULT_PG_PORT, PasswordPrompt, server_url
from coop_desk.domain.problems import Problem
from coop_desk.ui.widgets import FormProblems


class OpenDatabaseDialog(QDialog):
    """Choose a database: a file on this computer, or a database on a PostgreSQL server."""

    def __init__(self, parent: QWidget | None = None, current: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open database"))
        self.setMinimumWidth(480)
        self._target = ""
        self.problems = FormProblems()

        self.file_choice = QRadioButton(self.tr("A database &file on this computer"))
        self.file_choice.setObjectName("file_choice")
        self.server_choice = QRadioButton(
            self.tr("A database on a &PostgreSQL server (shared by several PCs)")
        )
        self.server_choice.setObjectName("server_choice")
        group = QButtonGroup(self)
        group.addButton(self.file_choice)
        group.addButton(self.server_choice)

        self.file_box = QGroupBox()
        file_form = QFormLayout(self.file_box)
        self.path = QLineEdit()
        self.path.setObjectName("path")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.path, 1)
        row_layout.addWidget(browse)
        self.problems.add_row(file_form, self.tr("File"), "path", row)

        self.server_box = QGroupBox()
        server_form = QFormLayout(self.server_box)
        self.host = QLineEdit()
        self.host.setObjectName("host")
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10 or server-office"))
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PG_PORT)
        self.database = QLineEdit()
        self.database.setObjectName("database")
        self.database.setPlaceholderText("coopdesk")
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.user.setPlaceholderText("coop")
        self.problems.add_row(server_form, self.tr("&Host"), "host", self.host)
        self.problems.add_row(server_form, self.tr("P&ort"), "port", self.port)
        self.problems.add_row(server_form, self.tr("&Database"), "database", self.database)
        self.problems.add_row(server_form, self.tr("&User"), "user", self.user)
        note = QLabel(
            self.tr(
                "The password is asked for when the server wants one; it is never stored "
                "by coop-desk. It can also be kept in PostgreSQL's own password file "
                "(pgpass)."
            )
        )
        note.setWordWrap(True)
        server_form.addRow(note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_choice)
        layout.addWidget(self.file_box)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_box)
        layout.addWidget(self.problems.general)
        layout.addWidget(self.buttons)

        self.file_choice.toggled.connect(self._update_enabled)
        self.server_choice.toggled.connect(self._update_enabled)
        self._prefill(current)
        self._update_enabled()

    # --- reading the choice ---------------------------------------------------------------
    def target(self) -> str:
        """What the user chose (valid once the dialog is accepted)."""
        return self._target

    def read(self) -> tuple[list[Problem], str]:
        """The problems of the fields and the target they describe."""
        problems: list[Problem] = []
        if self.file_choice.isChecked():
            text = self.path.text().strip()
            if not text:
                problems.append(Problem("path", self.tr("choose the database file")))
                return problems, ""
            path = Path(text).expanduser()
            if not path.parent.is_dir():
                problems.append(
                    Problem("path", self.tr("the folder {0} does not exist").format(path.parent))
                )
            return problems, str(path.resolve())
        if not self.host.text().strip():
            problems.append(Problem("host", self.tr("give the server's name or address")))
        if not self.database.text().strip():
            problems.append(Problem("database", self.tr("give the name of the database")))
        if not self.user.text().strip():
            problems.append(Problem("user", self.tr("give the PostgreSQL user name")))
        url = server_url(
            self.host.text(), self.port.value(), self.database.text(), self.user.text()
        )
        return problems, url

    def accept(self) -> None:
        problems, target = self.read()
        self.problems.show(problems)
        if problems:
            self.adjustSize()  # room for the messages under the fields
            return
        self._target = target
        super().accept()

    def browse(self) -> None:
        start = self.path.text().strip() or str(paths.data_dir())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a coop-desk database"),
            start,
            self.tr("coop-desk database (*.sqlite);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)

    # --- state ----------------------------------------------------------------------------
    def _prefill(self, current: str | None) -> None:
        if current and "://" in current and not current.startswith("sqlite"):
            url = make_url(current)
            self.server_choice.setChecked(True)
            self.host.setText(url.host or "")
            self.port.setValue(url.port or DEFAULT_PG_PORT)
            self.database.setText(url.database or "")
            self.user.setText(url.username or "")
            return
        self.file_choice.setChecked(True)
        if current:
            self.path.setText(current.removeprefix("sqlite:///"))

    def _update_enabled(self) -> None:
        self.file_box.setEnabled(self.file_choice.isChecked())
        self.server_box.setEnabled(self.server_choice.isChecked())


def password_dialog(parent: QWidget | None, where: str, retry: bool) -> str | None:
    """Ask for a database server's password (never shown, never stored); None: cancelled."""
    title = QCoreApplication.translate("OpenDatabaseDialog", "Database password")
    if retry:
        label = QCoreApplication.translate(
            "OpenDatabaseDialog", "The server refused that password. Password for {0}:"
        ).format(where)
    else:
        label = QCoreApplication.translate("OpenDatabaseDialog", "Password for {0}:").format(where)
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def password_prompt(parent: QWidget | None) -> PasswordPrompt:
    """The prompt ``Database.open`` calls when the server wants a password (tests replace
    ``password_dialog``)."""

    def ask(where: str, retry: bool) -> str | None:
        return password_dialog(parent, where, retry)

    return ask
