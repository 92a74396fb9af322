"""The one form-dialog base (``ui/dialogs/form.py``), driven through real dialogs: Enter
saves, problems sit next to their fields and go when the field is fixed, errors are told in
words, the write runs once, in one transaction, under a busy cursor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from coop_desk.errors import Conflict
from coop_desk.services import cooperative, members
from coop_desk.services.access import Actor, Role
from coop_desk.ui.dialogs.form import FormDialog, Prepared
from coop_desk.ui.dialogs.settings import SettingsDialog


def test_enter_in_a_field_saves(qtbot, ctx):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.save_button().isDefault()
    dialog.short_name.clear()
    qtbot.keyClicks(dialog.short_name, "CAVA")
    with qtbot.waitSignal(ctx.changed) as announced, qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.short_name, Qt.Key.Key_Return)
    assert announced.args == ["settings"]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.read(cooperative.get_profile).short_name == "CAVA"
    assert dialog.result_row.short_name == "CAVA"  # what the service returned


def test_a_problem_stays_next_to_its_field_until_that_field_is_fixed(qtbot, ctx):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tax_id.setText("123")
    dialog.local_currency.setText("SO")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    tax_id, currency = dialog.problems.labels["tax_id"], dialog.problems.labels["local_currency"]
    assert "11 digits" in tax_id.text() and not tax_id.isHidden()
    assert "three-letter" in currency.text() and not currency.isHidden()
    assert dialog.focusWidget() is dialog.tax_id  # the first field with a problem
    qtbot.keyClicks(dialog.tax_id, "45678901")  # now 11 digits
    assert tax_id.isHidden()
    assert not currency.isHidden()  # the other field is still wrong
    assert ctx.read(cooperative.get_profile).tax_id == ""  # nothing was saved


class _Recorder(FormDialog):
    """A form whose service call is given by the test."""

    topic = "members"

    def __init__(self, ctx, call) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.call = call
        self.field = QLineEdit()
        self.add_field("Field", "field", self.field)

    def prepare(self) -> Prepared:
        return [], self.call


def test_the_write_runs_once_in_a_transaction_under_a_busy_cursor(qtbot, ctx):
    seen = []

    def call(session, actor):  # type: ignore[no-untyped-def]
        counts = members.register_counts(session, actor)
        cursor = QApplication.overrideCursor()
        seen.append((cursor.shape() if cursor else None, session.in_transaction()))
        return counts

    dialog = _Recorder(ctx, call)
    qtbot.addWidget(dialog)
    assert dialog.save()
    assert seen == [(Qt.CursorShape.WaitCursor, True)]
    assert QApplication.overrideCursor() is None  # given back
    assert dialog.result_row.members == 0


def test_a_known_error_is_told_in_words_and_the_form_stays_open(qtbot, ctx, monkeypatch):
    shown = []
    monkeypatch.setattr("coop_desk.ui.dialogs.form.show_error", lambda _p, exc: shown.append(exc))
    notified = []
    ctx.changed.connect(notified.append)

    def call(session, actor):  # type: ignore[no-untyped-def]
        raise Conflict("someone else changed it")

    dialog = _Recorder(ctx, call)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert [str(e) for e in shown] == ["someone else changed it"]
    assert dialog.result() != QDialog.DialogCode.Accepted and notified == []
    assert QApplication.overrideCursor() is None


def test_without_the_permission_save_is_disabled(qtbot, ctx):
    ctx.set_actor(Actor("auditor", Role.AUDITOR, user_id=1))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button().isEnabled()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()


def test_the_settings_choose_the_language_of_the_workbooks(qtbot, ctx):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    codes = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert codes == ["en", "es"]
    dialog.language.setCurrentIndex(codes.index("es"))
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert ctx.read(cooperative.get_profile).language == "es"
