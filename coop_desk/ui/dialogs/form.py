"""The one base of every form dialog: fields in a form, Save / Cancel, one service call per save.

The model: a subclass builds its widgets and adds them with :meth:`FormDialog.add_field`
(label, the field name the services use in their ``Problem``\\ s, widget). When the user
saves (the Save button, or Enter anywhere in the form: Save is the default button),
:meth:`FormDialog.prepare` reads the widgets and returns the problems it found in them
(an unreadable amount, two passwords that differ) and the service call for the action.
Without problems the call runs as one transaction (``ctx.write``) under a busy cursor, or in a
worker with a progress dialog when it is wrapped in :class:`InBackground`. Then:

- the service's ``ValidationError`` problems are shown in red under their fields (a problem
  whose field the form does not have goes to the line above the buttons), and a field's
  message goes away as soon as the user changes that field;
- a save refused because another PC saved the record after the form opened
  (``StaleEdit``) says who and when, and offers to reload: a form that can
  (:meth:`FormDialog.can_reload`, :meth:`FormDialog.reload_record`) then shows the values
  saved now, with what the user had typed shown under each field that differs ("You typed:
  …"), and the reloaded version becomes the base of the next save;
- any other error is put into words by ``ui/errors.show_error`` (nothing was saved);
- on success the change bus hears ``topic``, ``saved`` is emitted with what the service
  returned (also kept in ``result_row``) and the dialog is accepted.

A dialog that only asks for choices (no write) returns no call: it is accepted once its
problems are gone. Tests fill the real widgets and call ``save()`` or click
``save_button()``.

Closing a form the user has changed (Cancel, Esc, the window's close button) asks first
whether to discard the changes (:meth:`FormDialog.is_modified`: a field was edited after the
dialog was shown; a form may compare its values instead). Forms that only ask for choices set
``confirm_discard_changes = False``. The question goes through :func:`ask_discard`, which
tests replace.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.domain.money import MoneyError
from coop_desk.domain.problems import Problem
from coop_desk.errors import CoopDeskError, StaleEdit, ValidationError
from coop_desk.services.access import Actor, Permission
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import message_for, show_error
from coop_desk.ui.widgets import (
    AmountEdit,
    FormProblems,
    TypedValueLabel,
    on_edit,
    set_read_only,
    widget_text,
)
from coop_desk.ui.workers import Cancelled, Progress, run_with_progress

T = TypeVar("T")

# What a form's save runs: one service use case, inside the transaction ``ctx.write`` opens.
ServiceCall = Callable[[Session, Actor], Any]


@dataclass(frozen=True)
class InBackground(Generic[T]):
    """A save too slow for the GUI thread (loading the demo, posting a cash book): ``fn``
    runs in a worker with its own transaction, behind a progress dialog that can cancel it."""

    title: str
    fn: Callable[[Session, Actor, Progress], T]
    delay_ms: int = 400  # the progress dialog shows only when the work takes longer


Prepared = tuple[list[Problem], ServiceCall | InBackground[Any] | None]


@contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor while the GUI thread waits for the database."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


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


def ask_discard(parent: QWidget, text: str) -> bool:
    """Ask whether to discard unsaved changes; True: discard. Tests replace this."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("FormDialog", "Discard changes?"),
        text,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


class FormDialog(QDialog):
    """A form whose Save runs one service call in one transaction (see the module doc).

    Subclasses set ``topic`` (announced on the change bus after a save), optionally
    ``permission`` (without it Save is disabled), ``accept_button`` and ``inline_errors``
    (known errors shown on the form rather than in a message box), add fields with
    :meth:`add_field` and implement :meth:`prepare`. A form that is not one plain list of
    fields (tabs, a preview table) puts its own widget in place with :meth:`set_body`.
    """

    saved = Signal(object)  # what the service returned
    topic: str | None = None
    permission: Permission | None = None
    accept_button = QDialogButtonBox.StandardButton.Save
    inline_errors: tuple[type[CoopDeskError], ...] = ()
    confirm_discard_changes = True  # False: a form of choices, nothing typed is lost

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, title: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_row: Any = None
        self._edited = False  # a field changed since the dialog was shown
        if title:
            self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.problems = FormProblems()
        self._fields: dict[str, QWidget] = {}
        self._typed_notes: dict[str, TypedValueLabel] = {}
        self._loaded: dict[str, str] | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_area = QWidget()
        form_area_layout = QVBoxLayout(self.form_area)
        form_area_layout.setContentsMargins(0, 0, 0, 0)
        form_area_layout.addLayout(self.form)
        form_area_layout.addStretch(1)  # rows stay together when the dialog is taller
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.buttons = QDialogButtonBox(self.accept_button | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Enter in any field saves (a multi-line field keeps Enter for its new lines).
        self.save_button().setDefault(True)
        # A role that may not save sees the form read-only, with Close instead of Cancel.
        self.may_save = self.permission is None or ctx.can(self.permission)
        if not self.may_save:
            self.save_button().setEnabled(False)
            self.save_button().hide()
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.intro)
        self._layout.addWidget(self.form_area, 1)
        self._layout.addWidget(self.problems.general)
        self._layout.addWidget(self.buttons)

    # --- building ----------------------------------------------------------------------
    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def set_body(self, body: QWidget) -> None:
        """Show ``body`` where the plain form was; the caller places ``form_area`` inside it
        (in a tab, under a preview)."""
        self._layout.insertWidget(self._layout.indexOf(self.intro) + 1, body, 1)
        self._layout.removeWidget(self.form_area)

    def add_field(
        self, label: str, field: str, widget: QWidget, *, form: QFormLayout | None = None
    ) -> QWidget:
        """A row for ``widget`` with the line under it where the problems of ``field``
        appear; ``form`` when the row goes into another form than the dialog's own."""
        target = form or self.form
        self.problems.add_row(target, label, field, widget)
        return self.track_field(field, widget, target)

    def track_field(self, field: str, widget: QWidget, form: QFormLayout | None = None) -> QWidget:
        """Count ``widget`` as the form's ``field`` (in a row the dialog laid out itself): after
        a reload, what the user had typed there is shown under it when it differs."""
        typed = TypedValueLabel()
        (form or self.form).addRow("", typed)
        self._typed_notes.setdefault(field, typed)
        self._fields.setdefault(field, widget)
        on_edit(widget, self._mark_edited)
        if not self.may_save:
            set_read_only(widget)
        return widget

    # --- unsaved changes ---------------------------------------------------------------
    def _mark_edited(self) -> None:
        if self.isVisible():  # values the dialog fills in before it shows are not edits
            self._edited = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not event.spontaneous():
            self._edited = False

    def is_modified(self) -> bool:
        """Whether closing would lose something the user typed."""
        return self._edited

    def discard_text(self) -> str:
        return QCoreApplication.translate(
            "FormDialog", "The changes in this form are not saved. Discard them?"
        )

    def confirm_discard(self) -> bool:
        return ask_discard(self, self.discard_text())

    def reject(self) -> None:
        if (
            self.confirm_discard_changes
            and self.save_button().isEnabled()
            and self.is_modified()
            and not self.confirm_discard()
        ):
            return
        super().reject()

    def save_button(self) -> QPushButton:
        return self.buttons.button(self.accept_button)

    # --- saving ------------------------------------------------------------------------
    def prepare(self) -> Prepared:
        """The problems found in the widgets themselves, and the call that saves."""
        raise NotImplementedError

    def save(self) -> bool:
        """Check, save in one transaction, announce and close. True when saved."""
        self.problems.clear()
        try:
            problems, call = self.prepare()
            if problems:
                raise ValidationError(problems)
            result = self.execute(call) if call is not None else None
            self.after_save(result)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except StaleEdit as exc:
            self.handle_stale(exc)
            return False
        except Cancelled:
            return False
        except self.inline_errors as exc:
            self.problems.general.show_problems([message_for(exc)])
            return False
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return False
        self.result_row = result
        if call is not None and self.topic:
            self.ctx.notify(self.topic)
        self.saved.emit(result)
        self.accept()
        return True

    def execute(self, call: ServiceCall | InBackground[Any]) -> Any:
        """Run the save: one ``ctx.write`` transaction, or a worker for ``InBackground``."""
        if isinstance(call, InBackground):
            db, actor, fn = self.ctx.db, self.ctx.actor, call.fn

            def job(progress: Progress) -> Any:
                with db.transaction(actor) as session:
                    return fn(session, actor, progress)

            return run_with_progress(self, call.title, job, delay_ms=call.delay_ms)
        with busy_cursor():
            return self.ctx.write(call)

    def after_save(self, result: Any) -> None:
        """Hook: what the dialog does with a saved result before it closes."""

    # --- another PC saved first -------------------------------------------------------------
    def can_reload(self) -> bool:
        """Whether this form can show the record again as stored now (:meth:`reload_record`)."""
        return False

    def reload_record(self) -> None:
        """Hook: read the record again and show it (its new version is then the base)."""

    def mark_loaded(self) -> None:
        """Call once the form shows a stored record: after a reload, only the fields the
        user changed since are named under the new values."""
        self._loaded = self.typed_values()

    def typed_values(self) -> dict[str, str]:
        """What each field shows now, as text (compared before and after a reload)."""
        return {field: widget_text(widget) for field, widget in self._fields.items()}

    def stale_message(self, exc: StaleEdit) -> str:
        """The refusal in the user's language, with who and when (local time)."""
        when = ""
        if exc.changed_at is not None:
            moment = QDateTime.fromSecsSinceEpoch(int(exc.changed_at.timestamp()))
            when = QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)
        who = exc.changed_by or self.tr("another user")
        if exc.deleted:
            text = self.tr("{0} deleted part of this record on {1}, after you opened it.")
        else:
            text = self.tr("{0} changed this record on {1}, after you opened it.")
        return (
            text.format(who, when or self.tr("a moment ago"))
            + "\n\n"
            + self.tr("Nothing was saved, so that neither change is lost.")
        )

    def ask_reload(self, exc: StaleEdit) -> bool:
        """Offer to reload (True) or to go on editing; tests replace it."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed on another computer"))
        box.setText(self.stale_message(exc))
        reload_button = None
        if self.can_reload():
            box.setInformativeText(
                self.tr(
                    "Reload shows the values saved now; what you typed stays visible under "
                    "each field that differs, so you can make your change again."
                )
            )
            reload_button = box.addButton(self.tr("&Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return reload_button is not None and box.clickedButton() is reload_button

    def handle_stale(self, exc: StaleEdit) -> None:
        """Another PC saved this record after the form opened: say who and when, and offer
        to reload it while keeping what the user typed in sight."""
        if not self.ask_reload(exc) or not self.can_reload():
            self.problems.general.show_problems([self.stale_message(exc)])
            return
        typed = self.typed_values()
        loaded = self._loaded
        self.reload_record()
        self.show_typed(typed, loaded)

    def show_typed(self, typed: dict[str, str], loaded: dict[str, str] | None = None) -> None:
        """Under each field the user changed (``typed`` differs from ``loaded``, what the
        form showed) whose value now differs from ``typed``: "You typed: …"."""
        now = self.typed_values()
        differing = 0
        for field, label in self._typed_notes.items():
            mine = typed.get(field)
            untouched = loaded is not None and loaded.get(field) == mine
            if mine is None or untouched or mine == now.get(field):
                label.hide()
                continue
            differing += 1
            label.setText(self.tr("You typed: {0}").format(mine or self.tr("(empty)")))
            label.show()
        self.problems.general.show_problems(
            [
                self.tr(
                    "Reloaded: the form shows the values saved now. What you typed is shown "
                    "under the fields that differ; make your change again and save."
                )
            ]
            if differing
            else [self.tr("Reloaded: the form shows the values saved now.")]
        )

    def typed_labels(self) -> dict[str, str]:
        """The "You typed" notes shown, per field (for tests)."""
        return {f: lab.text() for f, lab in self._typed_notes.items() if not lab.isHidden()}

    def grow_to_fit(self) -> None:
        """Taller when lines appeared or wrapped (problems under fields, a status line):
        wrapped labels do not make a shown dialog grow by themselves, and were clipped."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        need = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        screen = self.screen().availableGeometry().height() if self.screen() else need
        if self.height() < need:
            self.resize(self.width(), min(need, screen))

    def show_problems(self, problems: list[Problem]) -> None:
        """Each problem under its field; the cursor goes to the first field with one."""
        self.problems.show(problems)
        self.grow_to_fit()
        named = {p.field for p in problems}
        for field, widget in self._fields.items():
            if field in named and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                break
