"""The Certifications page, the member certification tab and the inspection form, driven
through their widgets."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import update

from coop_desk.domain.certification import CommitteeDecision
from coop_desk.domain.members import MemberInput, PlotInput
from coop_desk.models import Document
from coop_desk.services import certification as certs
from coop_desk.services import members
from coop_desk.services.access import Actor, Role
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.member_certs_tab import MemberCertificationTab
from coop_desk.ui.pages.certifications import CertificationsPage
from tests.conftest import TODAY


def save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)


@pytest.fixture
def one_member(sqlite_db, actor):
    with sqlite_db.transaction(actor) as s:
        m = members.create_member(
            s,
            actor,
            MemberInput(
                code="CPGP-1",
                first_names="Rosa",
                surnames="Núñez Vega",
                gender="F",
                join_date=date(2015, 3, 1),
                plots=(
                    PlotInput("La Loma", Decimal("2.5"), Decimal("2")),
                    PlotInput("El Naranjo", Decimal("1"), Decimal("1")),
                ),
            ),
            today=TODAY,
        )
        certs.record_decision(s, actor, m.id, CommitteeDecision.APPROVED, date(2015, 4, 1))
    return m


def test_inspection_entered_through_the_form_reaches_the_service(qtbot, sqlite_db, one_member):
    ctx = AppContext(sqlite_db)
    tab = MemberCertificationTab(ctx)
    qtbot.addWidget(tab)
    tab.today = lambda: TODAY
    tab.set_member(one_member.id)
    assert "not inspected in 2026" in tab.summary.text()
    assert tab.inspections_model.rowCount() == 0

    dialog = tab.open_inspection()
    qtbot.addWidget(dialog)
    assert dialog.member_id() == one_member.id
    assert dialog.plots.count() == 2
    dialog.plots.item(1).setCheckState(Qt.CheckState.Unchecked)  # only La Loma visited
    dialog.inspection_date.set_date_value(date(2026, 11, 20))
    qtbot.keyClicks(dialog.inspector, "Wilder Tocto")
    dialog.result_combo.setCurrentIndex(dialog.result_combo.findData("conditional"))
    qtbot.keyClicks(dialog.findings, "Coffee pulp dumped by the stream")
    qtbot.keyClicks(dialog.action_text, "Compost the pulp")
    dialog.action_due.set_date_value(date(2027, 1, 20))
    qtbot.mouseClick(dialog.add_action_button, Qt.LeftButton)
    assert dialog.action_list.count() == 1
    qtbot.keyClicks(dialog.yield_estimate, "1350")
    qtbot.keyClicks(dialog.prohibited_input, "Urea")
    dialog.prohibited_known.setChecked(True)
    dialog.prohibited_date.set_date_value(date(2022, 3, 1))
    with qtbot.waitSignal(ctx.changed, timeout=2000) as signal:
        save(qtbot, dialog)
    assert signal.args == ["certs"]
    assert dialog.result() == QDialog.DialogCode.Accepted

    with sqlite_db.reading(ctx.actor) as s:
        rows = certs.list_inspections(s, ctx.actor, member_id=one_member.id)
    assert len(rows) == 1
    row = rows[0]
    assert (row.inspection_date, row.inspector, row.result) == (
        date(2026, 11, 20),
        "Wilder Tocto",
        "conditional",
    )
    assert row.plot_names == ("La Loma",)
    assert row.yield_estimate_kg == Decimal("1350")
    assert (row.last_prohibited_input, row.last_prohibited_input_date) == ("Urea", date(2022, 3, 1))
    assert [(a.description, a.due_date) for a in row.actions] == [
        ("Compost the pulp", date(2027, 1, 20))
    ]
    # The tab heard the change and shows the inspection.
    assert tab.inspections_model.rowCount() == 1
    assert "not inspected" not in tab.summary.text()


def test_the_form_shows_every_problem_and_saves_nothing(qtbot, sqlite_db, one_member):
    ctx = AppContext(sqlite_db)
    tab = MemberCertificationTab(ctx)
    qtbot.addWidget(tab)
    tab.today = lambda: TODAY
    tab.set_member(one_member.id)
    dialog = tab.open_inspection()
    qtbot.addWidget(dialog)
    dialog.result_combo.setCurrentIndex(dialog.result_combo.findData("not_approved"))
    qtbot.keyClicks(dialog.yield_estimate, "12x")
    save(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert any("not an amount" in m for m in dialog.problems.visible_messages())
    dialog.yield_estimate.clear()
    dialog.inspection_date.set_date_value(TODAY + timedelta(days=1))
    save(qtbot, dialog)
    messages = " ".join(dialog.problems.visible_messages())
    assert "inspector's name is required" in messages
    assert "in the future" in messages
    assert "describe the findings" in messages
    with sqlite_db.reading(ctx.actor) as s:
        assert certs.list_inspections(s, ctx.actor) == []


def test_sanction_and_committee_decision_from_the_tab(qtbot, sqlite_db, one_member):
    ctx = AppContext(sqlite_db)
    tab = MemberCertificationTab(ctx)
    qtbot.addWidget(tab)
    tab.today = lambda: TODAY
    tab.set_member(one_member.id)
    dialog = tab.open_sanction()
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("suspension"))
    dialog.starts_on.set_date_value(date(2026, 11, 1))
    dialog.has_end.setChecked(True)
    dialog.ends_on.set_date_value(date(2027, 4, 30))
    qtbot.keyClicks(dialog.reason, "Prohibited herbicide")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert tab.sanctions_model.rowCount() == 1
    assert tab.detail is not None and tab.detail.suspended
    assert "suspended" in tab.summary.text()

    decision = tab.open_decision()
    qtbot.addWidget(decision)
    decision.decision.setCurrentIndex(decision.decision.findData("rejected"))
    qtbot.keyClicks(decision.reference, "Acta 12")
    save(qtbot, decision)
    assert decision.result() == QDialog.DialogCode.Accepted
    with sqlite_db.reading(ctx.actor) as s:
        detail = certs.member_certification(s, ctx.actor, one_member.id, TODAY)
    assert detail.sanctions[0].ends_on == date(2027, 4, 30)
    assert detail.decisions[0].reference == "Acta 12" and not detail.approved


def test_plot_status_dialog_sets_conversion_and_override(qtbot, sqlite_db, one_member):
    ctx = AppContext(sqlite_db)
    tab = MemberCertificationTab(ctx)
    qtbot.addWidget(tab)
    tab.today = lambda: TODAY
    tab.set_member(one_member.id)
    tab.plots_view.selectRow(0)
    dialog = tab.open_plot()
    qtbot.addWidget(dialog)
    dialog.has_start.setChecked(True)
    dialog.conversion_start.set_date_value(date(2025, 1, 10))
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert tab.plots_model.rows()[0].status.value == "t2"
    again = tab.open_plot()
    qtbot.addWidget(again)
    again.override.setCurrentIndex(again.override.findData("conventional"))
    save(qtbot, again)  # no reason: refused, shown next to the field
    assert again.result() != QDialog.DialogCode.Accepted
    assert "needs a reason" in " ".join(again.problems.visible_messages())


def test_certificate_dialog_copies_the_document(qtbot, sqlite_db, tmp_path, monkeypatch):
    ctx = AppContext(sqlite_db)
    page = CertificationsPage(ctx)
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()
    scan = tmp_path / "fairtrade.pdf"
    scan.write_bytes(b"%PDF certificate")
    dialog = page.open_certificate()
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "choose_document", lambda: str(scan))
    monkeypatch.setattr(dialog, "ask_scheme_name", lambda: "Café Femenino")
    qtbot.mouseClick(dialog.add_scheme_button, Qt.LeftButton)
    assert dialog.scheme.currentText() == "Café Femenino"
    dialog.scheme.setCurrentIndex(dialog.scheme.findText("Fairtrade"))
    qtbot.keyClicks(dialog.certifier, "FLOCERT")
    qtbot.keyClicks(dialog.number, "3784")
    dialog.issue_date.set_date_value(date(2025, 10, 3))
    dialog.expiry_date.set_date_value(date(2028, 10, 3))
    qtbot.mouseClick(dialog.document_button, Qt.LeftButton)
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_row.document_sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()
    assert page.certificates_model.rowCount() == 1
    assert page.certificates_model.rows()[0].number == "3784"

    # "Open document" opens a copy from the database under its own name, the scan gone.
    opened = []
    monkeypatch.setattr("coop_desk.ui.documents.open_with_system", opened.append)
    scan.unlink()
    page.certificates_view.selectRow(0)
    page.open_document_button.click()
    assert [p.name for p in opened] == ["fairtrade.pdf"]
    assert opened[0].read_bytes() == b"%PDF certificate"
    # A changed copy is not opened; the status bar says why.
    with ctx.db.transaction(ctx.actor) as s:
        s.execute(update(Document).values(content=b"%PDF forged"))
    with qtbot.waitSignal(page.status_message) as message:
        assert page.open_document() is None
    assert "changed since it was attached" in message.args[0]
    assert len(opened) == 1


def test_page_on_the_demo_shows_coverage_schedule_alerts_and_exports(
    qtbot, demo_db, tmp_path, monkeypatch
):
    ctx = AppContext(demo_db)
    page = CertificationsPage(ctx)
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()
    assert page.coverage_bar.value() == 951
    assert "176 of 185" in page.coverage_label.text()
    assert page.schedule_model.rowCount() == 9
    assert any(a.overdue(TODAY) for a in page.actions_model.rows())
    kinds = {a.kind.value for a in page.alerts_model.rows()}
    assert {"certificate_expiring", "action_overdue", "not_inspected"} <= kinds
    with qtbot.waitSignal(page.alerts_loader.finished, timeout=20_000):
        page.days.setValue(30)
    assert "certificate_expiring" not in {a.kind.value for a in page.alerts_model.rows()}

    target = tmp_path / "ics"
    monkeypatch.setattr(page, "choose_export_path", lambda: str(target))
    path = page.export_ics()
    assert path == tmp_path / "ics.xlsx"
    ws = openpyxl.load_workbook(path)["ICS farmers"]
    assert ws.max_row == 186

    # A member from the schedule gets inspected: the schedule shrinks.
    page.schedule_view.selectRow(0)
    member = page.schedule_model.rows()[0]
    dialog = page.open_inspection()
    qtbot.addWidget(dialog)
    assert dialog.member_id() == member.member_id
    dialog.inspection_date.set_date_value(TODAY)
    qtbot.keyClicks(dialog.inspector, "Marleni Cubas")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.ensure_fresh()
    assert page.schedule_model.rowCount() == 8

    # Completing the overdue action.
    overdue = next(i for i, a in enumerate(page.actions_model.rows()) if a.overdue(TODAY))
    page.actions_view.selectRow(overdue)
    done = page.open_complete_action()
    qtbot.addWidget(done)
    done.completed_on.set_date_value(TODAY)
    save(qtbot, done)
    assert done.result() == QDialog.DialogCode.Accepted
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.ensure_fresh()
    assert not any(a.overdue(TODAY) for a in page.actions_model.rows())


def test_auditor_sees_but_cannot_change(qtbot, demo_db):
    ctx = AppContext(demo_db, Actor("ana", Role.AUDITOR))
    page = CertificationsPage(ctx)
    qtbot.addWidget(page)
    tab = MemberCertificationTab(ctx)
    qtbot.addWidget(tab)
    tab.set_member(1)
    assert not page.new_certificate_button.isEnabled()
    assert not page.inspection_button.isEnabled()
    assert page.export_button.isEnabled()
    assert not tab.new_inspection_button.isEnabled()
    assert not tab.sanction_button.isEnabled()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, demo_db):
    ctx = AppContext(demo_db)
    page = CertificationsPage(ctx)
    page.today = lambda: TODAY
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()
    tab = MemberCertificationTab(ctx)
    tab.today = lambda: TODAY
    suspended = next(s.member_id for s in ctx.read(certs.list_sanctions))
    tab.set_member(suspended)
    models = [
        page.certificates_model,
        page.schedule_model,
        page.actions_model,
        page.alerts_model,
        page.sanctions_model,
        tab.schemes_model,
        tab.plots_model,
        tab.inspections_model,
        tab.sanctions_model,
    ]
    for model in models:
        assert model.rowCount() > 0, model.columns[0].header
        qtmodeltester.check(model)
        model.sort(0, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model)
    page.deleteLater()
    tab.deleteLater()


def test_member_certificate_from_the_tab(qtbot, sqlite_db, one_member):
    ctx = AppContext(sqlite_db)
    tab = MemberCertificationTab(ctx)
    qtbot.addWidget(tab)
    tab.today = lambda: TODAY
    tab.set_member(one_member.id)
    tab.schemes_view.selectRow(2)
    scheme = tab.schemes_model.rows()[2]
    dialog = tab.open_certificate()
    qtbot.addWidget(dialog)
    assert dialog.scheme.currentData() == scheme.scheme_id
    qtbot.keyClicks(dialog.certifier, "Control Union")
    qtbot.keyClicks(dialog.number, "CU-F-1")
    dialog.issue_date.set_date_value(date(2026, 1, 1))
    dialog.expiry_date.set_date_value(date(2027, 1, 1))
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = next(r for r in tab.schemes_model.rows() if r.scheme_id == scheme.scheme_id)
    assert row.certificate is not None and row.certificate.number == "CU-F-1"
    assert row.certificate.member_id == one_member.id


def test_sanction_for_a_member_picked_in_the_form(qtbot, sqlite_db, one_member):
    ctx = AppContext(sqlite_db)
    page = CertificationsPage(ctx)
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()
    assert page.sanctions_model.rowCount() == 0
    dialog = page.open_any_sanction()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.reason, "Late records")
    save(qtbot, dialog)  # no member chosen yet
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "choose the member sanctioned" in dialog.problems.visible_messages()
    dialog.member.setCurrentIndex(dialog.member.findData(one_member.id))
    assert dialog.member_id == one_member.id
    dialog.kind.setCurrentIndex(dialog.kind.findData("warning"))
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.ensure_fresh()
    assert [(r.member_code, r.kind, r.reason) for r in page.sanctions_model.rows()] == [
        ("CPGP-1", "warning", "Late records")
    ]


def test_a_renewed_certificate_is_grey_not_red(qtbot, demo_db):
    ctx = AppContext(demo_db)
    page = CertificationsPage(ctx)
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()
    model = page.certificates_model
    colours = {
        r.number: model.data(model.index(i, 0), Qt.ItemDataRole.ForegroundRole)
        for i, r in enumerate(model.rows())
    }
    assert colours["CU-PE-845920"].color().name() == "#6b6b6b"  # expired, renewed
    assert colours["CU-PE-845921"].color().name() == "#a15c00"  # expires within 90 days
    assert colours["3784"] is None
