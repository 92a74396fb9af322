"""First start on an empty database: start a new cooperative or open the demo."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import cooperative
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
        self.new_choice.toggled.connect(self.name.setEnabled)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.new_choice)
        layout.addWidget(self.name)
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
                name = self.name.text().strip()
                if not name:
                    self.problem.show_problems([self.tr("Please enter the cooperative's name.")])
                    return
                self.ctx.write(
                    lambda s, a: cooperative.save_profile(s, a, cooperative.Profile(name=name))
                )
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return
        self.ctx.notify("*")
        self.accept()


def needs_first_run(ctx: AppContext) -> bool:
    return ctx.read(cooperative.get_profile) is None
