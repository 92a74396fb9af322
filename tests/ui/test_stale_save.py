"""A member form opened on this PC while another PC (its own connection) saves the same member:
the save is refused with who and when, the form offers to reload, shows the new values and keeps
what the user typed in sight; plots another PC added survive a form opened before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox

from coop_desk.db import Database
from coop_desk.domain.members import MemberInput, PlotInput
from coop_desk.errors import StaleEdit
from coop_desk.services import members
from coop_desk.services.access import Actor, Role
from coop_desk.ui.dialogs.member_editor import MemberEditor

JUAN = Actor(username="juan", role=Role.SECRETARY)
ANA = Actor(username="ana", role=Role.TREASURER)


@pytest.fixture
def member_id(ctx) -> int:  # type: ignore[no-untyped-def]
    detail = ctx.write(
        lambda s, a: members.create_member(
            s,
            a,
            MemberInput(
                code="CPGP-3784-7",
                first_names="Rosa",
                surnames="Quispe Mamani",
                gender="F",
                join_date=date(2020, 3, 1),
                plots=(PlotInput("La Loma", Decimal("2.5"), Decimal("2")),),
            ),
        )
    )
    return detail.id


@pytest.fixture
def other_pc(ctx):  # type: ignore[no-untyped-def]
    """Another PC: its own Database (engine, connection) on the same file."""
    db = Database.open(ctx.db.target)
    yield db
    db.close()


def juan_saves(other_pc: Database, member_id: int, **changes: object) -> None:
    with other_pc.transaction(JUAN) as s:
        base = members.get_member(s, JUAN, member_id)
        members.update_member(s, JUAN, member_id, replace(base.to_input(), **changes), base=base)


def test_a_stale_save_is_refused_reloaded_and_what_was_typed_stays_visible(
    qtbot, ctx, other_pc, member_id
):
    editor = MemberEditor(ctx, member_id)
    qtbot.addWidget(editor)
    editor.phone.setText("911111111")
    qtbot.keyClicks(editor.notes, "visita de campo")
    juan_saves(other_pc, member_id, phone="922222222", community="Alto Perú")
    asked: list[StaleEdit] = []
    messages: list[str] = []

    def reload_please(exc: StaleEdit) -> bool:
        asked.append(exc)
        messages.append(editor.stale_message(exc))
        return True

    editor.ask_reload = reload_please  # type: ignore[method-assign]
    assert not editor.save()
    assert asked and asked[0].changed_by == "juan"
    assert "juan changed this record on" in messages[0]
    assert "Nothing was saved" in messages[0]
    # The form now shows what is saved, with what the user typed under the fields.
    assert editor.phone.text() == "922222222"
    assert editor.notes.toPlainText() == ""
    assert editor.community.currentText() == "Alto Perú"
    # Named only under the fields the user had changed (not under the community).
    typed = editor.typed_labels()
    assert typed == {
        "phone": "You typed: 911111111",
        "notes": "You typed: visita de campo",
    }
    assert any("Reloaded" in m for m in editor.problems.visible_messages())
    # The user makes the change again on the new values: both saved, nothing lost.
    qtbot.keyClicks(editor.notes, "visita de campo")
    assert editor.save()
    saved = ctx.read(lambda s, a: members.get_member(s, a, member_id))
    assert (saved.phone, saved.notes, saved.community) == (
        "922222222",
        "visita de campo",
        "Alto Perú",
    )


def test_keep_editing_leaves_the_form_as_typed_with_the_message(qtbot, ctx, other_pc, member_id):
    editor = MemberEditor(ctx, member_id)
    qtbot.addWidget(editor)
    editor.phone.setText("911111111")
    juan_saves(other_pc, member_id, phone="922222222")
    editor.ask_reload = lambda exc: False  # type: ignore[method-assign]
    assert not editor.save()
    assert editor.phone.text() == "911111111"
    assert any("juan changed this record" in m for m in editor.problems.visible_messages())
    assert ctx.read(lambda s, a: members.get_member(s, a, member_id)).phone == "922222222"


def test_the_question_offers_reload_in_a_message_box(qtbot, ctx, other_pc, member_id, monkeypatch):
    editor = MemberEditor(ctx, member_id)
    qtbot.addWidget(editor)
    editor.phone.setText("911111111")
    juan_saves(other_pc, member_id, phone="922222222")
    shown: list[tuple[str, list[str]]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.text(), [b.text() for b in box.buttons()]))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert not editor.save()
    assert shown and "juan changed this record" in shown[0][0]
    assert "&Reload" in shown[0][1] and "&Keep editing" in shown[0][1]


def test_a_plot_added_on_another_pc_survives_a_form_opened_before(qtbot, ctx, other_pc, member_id):
    editor = MemberEditor(ctx, member_id)
    qtbot.addWidget(editor)
    with other_pc.transaction(JUAN) as s:
        base = members.get_member(s, JUAN, member_id)
        data = base.to_input()
        new = PlotInput("Nueva", Decimal("0.5"), Decimal("0.5"))
        members.update_member(
            s, JUAN, member_id, replace(data, plots=(*data.plots, new)), base=base
        )
    editor.phone.setText("933333333")
    assert editor.save()
    saved = ctx.read(lambda s, a: members.get_member(s, a, member_id))
    assert sorted(p.name for p in saved.plots) == ["La Loma", "Nueva"]
    assert saved.phone == "933333333"


def test_the_same_plot_changed_on_both_pcs_reloads_and_names_what_was_typed(
    qtbot, ctx, other_pc, member_id
):
    editor = MemberEditor(ctx, member_id)
    qtbot.addWidget(editor)
    with other_pc.transaction(JUAN) as s:
        base = members.get_member(s, JUAN, member_id)
        data = base.to_input()
        changed = tuple(replace(p, altitude_m=1500) for p in data.plots)
        members.update_member(s, JUAN, member_id, replace(data, plots=changed), base=base)
    model = editor.plots_model
    model.setData(model.index(0, 3), "1650")
    editor.add_plot()  # a new plot typed before the reload is kept
    editor.ask_reload = lambda exc: True  # type: ignore[method-assign]
    assert not editor.save()
    assert model.index(0, 3).data() == "1500"
    assert model.rowCount() == 2  # the stored plot and the new one still being typed
    assert "You typed for plot La Loma" in editor.plots_typed.text()
    assert "1650 m" in editor.plots_typed.text()


def test_a_budget_revision_based_on_an_outdated_version_reloads_the_new_one(qtbot, ctx, other_pc):
    from coop_desk.services.ledger import plan
    from coop_desk.ui.dialogs.premium.plan import ApprovalDialog

    def meeting(minutes: str, day: date) -> plan.ApprovalInput:
        return plan.ApprovalInput(day, minutes, 120, 50, 100, 10, 10)

    projects = ctx.read(plan.list_projects)[:2]
    first = ctx.write(
        lambda s, a: plan.record_approval(
            s,
            a,
            2026,
            meeting("Acta 01-2026", date(2026, 2, 1)),
            {p.id: Decimal("1000.00") for p in projects},
        )
    )
    dialog = ApprovalDialog(ctx, 2026, current=first)
    qtbot.addWidget(dialog)
    with other_pc.transaction(ANA) as s:
        plan.record_approval(
            s,
            ANA,
            2026,
            meeting("Acta 05-2026", date(2026, 5, 1)),
            {projects[0].id: Decimal("1500.00"), projects[1].id: Decimal("1000.00")},
            revises=first.id,
        )
    dialog.approval_date.set_date_value(date(2026, 6, 1))
    dialog.minutes.setText("Acta 06-2026")
    dialog.members_present.setValue(100)
    dialog.votes_for.setValue(80)
    dialog.budget_edits[projects[1].id].setText("800")
    dialog.ask_reload = lambda exc: True  # type: ignore[method-assign]
    assert not dialog.save()
    assert "version 3" in dialog.windowTitle()
    assert dialog.budget_edits[projects[0].id].value() == Decimal("1500.00")
    assert dialog.budget_edits[projects[1].id].value() == Decimal("1000.00")
    # Only the line the user changed is named (the other one was as version 1 had it).
    assert dialog.typed_budget() == {projects[1].id: "You typed: 800"}
    assert dialog.minutes.text() == "Acta 06-2026"  # the meeting being recorded is the user's
    dialog.budget_edits[projects[1].id].setText("800")
    assert dialog.save()
    versions_now = ctx.read(lambda s, a: plan.list_approvals(s, a, 2026))
    assert [v.minutes_number for v in versions_now] == [
        "Acta 01-2026",
        "Acta 05-2026",
        "Acta 06-2026",
    ]
    assert [line.amount for line in versions_now[-1].lines] == [
        Decimal("1500.00"),
        Decimal("800.00"),
    ]


def test_a_plots_organic_status_changed_on_another_pc_reloads_in_its_form(
    qtbot, ctx, other_pc, member_id
):
    from coop_desk.services import certification as certs
    from coop_desk.ui.dialogs.cert_records import PlotOrganicDialog

    on = date(2026, 6, 1)
    shown = ctx.read(lambda s, a: certs.member_certification(s, a, member_id, on))
    dialog = PlotOrganicDialog(ctx, shown.plots[0], today=lambda: on)
    qtbot.addWidget(dialog)
    dialog.has_start.setChecked(True)
    dialog.conversion_start.set_date_value(date(2023, 3, 1))
    with other_pc.transaction(JUAN) as s:  # Juan records the start first, on his PC
        certs.set_plot_organic(s, JUAN, shown.plots[0].plot_id, date(2022, 1, 1), today=on)
    dialog.ask_reload = lambda exc: True  # type: ignore[method-assign]
    assert not dialog.save()
    # The form shows Juan's date now; the user's is named under the field.
    assert dialog.conversion_start.date_value() == date(2022, 1, 1)
    assert dialog.plot.record_version == 1
    assert "Reloaded" in dialog.problems.general.text()
    typed = dialog.typed_labels()
    assert list(typed) == ["conversion_start"] and "2023" in typed["conversion_start"]
    # Saved again from the reloaded version, it goes through.
    dialog.conversion_start.set_date_value(date(2023, 3, 1))
    assert dialog.save()
    after = ctx.read(lambda s, a: certs.member_certification(s, a, member_id, on))
    assert after.plots[0].conversion_start == date(2023, 3, 1)


def test_a_members_scope_changed_on_another_pc_is_not_overwritten(qtbot, ctx, other_pc, member_id):
    from coop_desk.services import certification as certs
    from coop_desk.ui.dialogs.cert_records import SchemeScopeDialog

    on = date(2026, 6, 1)
    shown = ctx.read(lambda s, a: certs.member_certification(s, a, member_id, on))
    dialog = SchemeScopeDialog(ctx, member_id, shown.schemes[0], today=lambda: on)
    qtbot.addWidget(dialog)
    dialog.notes.setText("mine")
    with other_pc.transaction(JUAN) as s:
        certs.set_member_scheme(
            s, JUAN, member_id, shown.schemes[0].scheme_id, False, date(2025, 1, 1), "out", today=on
        )
    dialog.ask_reload = lambda exc: False  # type: ignore[method-assign]
    assert not dialog.save()
    assert "juan changed this record" in dialog.problems.general.text()
    after = ctx.read(lambda s, a: certs.member_certification(s, a, member_id, on))
    assert after.schemes[0].in_scope is False and after.schemes[0].notes == "out"


def test_the_ledger_settings_form_keeps_another_pcs_change(qtbot, ctx, other_pc):
    from coop_desk.services.ledger import settings as ledger_settings
    from coop_desk.ui.dialogs.premium.setup import LedgerSettingsDialog

    dialog = LedgerSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    days = dialog.overdue_days.value()
    dialog.overdue_days.setValue(days + 30)  # this user changes the days only
    with other_pc.transaction(ANA) as s:  # meanwhile the treasurer blocks over-budget payments
        shown = ledger_settings.get_ledger_settings(s, ANA)
        admin = Actor(username="ana", role=Role.ADMINISTRATOR)
        ledger_settings.save_ledger_settings(s, admin, replace(shown, over_budget="block"))
    assert dialog.save()
    now = ctx.read(ledger_settings.get_ledger_settings)
    assert now.over_budget == "block" and now.overdue_days == days + 30


def test_a_status_change_saved_with_the_member_respects_another_pcs_changes(
    qtbot, ctx, other_pc, member_id
):
    from coop_desk.domain.members import MemberStatus
    from coop_desk.ui.dialogs.member_editor import PendingStatus

    # Juan changed the phone meanwhile: this user's suspension is saved and his phone kept.
    editor = MemberEditor(ctx, member_id)
    qtbot.addWidget(editor)
    editor.set_pending_status(PendingStatus(MemberStatus.SUSPENDED, date(2026, 1, 5), "deudas"))
    juan_saves(other_pc, member_id, phone="922222222")
    assert editor.save()
    saved = ctx.read(lambda s, a: members.get_member(s, a, member_id))
    assert saved.status == MemberStatus.SUSPENDED and saved.phone == "922222222"

    # Juan changed the status meanwhile: this user's change is refused, naming him, and stays
    # pending in the reloaded form.
    editor = MemberEditor(ctx, member_id)
    qtbot.addWidget(editor)
    editor.set_pending_status(PendingStatus(MemberStatus.WITHDRAWN, date(2026, 2, 1), "retiro"))
    with other_pc.transaction(JUAN) as s:
        members.change_status(s, JUAN, member_id, MemberStatus.ACTIVE, date(2026, 1, 20), "pagó")
    asked: list[StaleEdit] = []
    editor.ask_reload = lambda exc: bool(asked.append(exc)) or True  # type: ignore[method-assign]
    assert not editor.save()
    assert asked and asked[0].changed_by == "juan"
    assert editor.detail is not None and editor.detail.status == MemberStatus.ACTIVE
    assert editor.pending_status is not None
    assert editor.pending_status.status == MemberStatus.WITHDRAWN
    saved = ctx.read(lambda s, a: members.get_member(s, a, member_id))
    assert saved.status == MemberStatus.ACTIVE
