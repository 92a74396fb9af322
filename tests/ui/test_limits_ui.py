"""The limits of what may be stored (issue 11) in the window: a value beyond a limit is shown
under its field, in the form, and nothing is saved."""

from __future__ import annotations

from datetime import date

from coop_desk.services import members


def test_a_surname_too_long_is_shown_under_its_field_and_saves_nothing(qtbot, ctx):
    from coop_desk.ui.dialogs.member_editor import MemberEditor

    editor = MemberEditor(ctx, None)
    qtbot.addWidget(editor)
    editor.code.setText("LIM-1")
    editor.first_names.setText("Ana")
    editor.surnames.setText("N" * 121)
    editor.gender.setCurrentIndex(editor.gender.findData("F"))
    editor.join_date.set_date_value(date(2020, 2, 1))
    assert not editor.save()
    label = editor.problems.labels["surnames"]
    assert not label.isHidden()
    assert "at most 120 characters (121 given)" in label.text()
    assert ctx.read(lambda s, a: members.list_members(s, a)) == []
