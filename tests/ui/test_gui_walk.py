"""What the Spanish walk of the three office jobs found (issue 10, the walk): the program's
own changes read "sistema", the audit trail's action fits its column, the integrity check
names records as people know them, counts read right for one, the exchange rate's hint is in
Spanish. Each drives the real widgets in Spanish, on the demo cooperative."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.premium_helpers import account_named, pick, premium_page
from tests.ui.test_translations import spanish, spanish_window  # noqa: F401 - the fixtures


def test_the_programs_own_changes_read_sistema(spanish_window, qtbot):  # noqa: F811
    page = spanish_window.show_page("audit")
    users = [page.user.itemText(i) for i in range(page.user.count())]
    assert "sistema" in users and "system" not in users
    page.set_filter(username="system")
    page.view.selectRow(0)
    assert page.model.rowCount() > 0
    assert page.model.index(0, 1).data() == "sistema"
    members = spanish_window.show_page("members")
    qtbot.waitUntil(lambda: not members.model.busy and members.model.rowCount() > 0)
    editor = members.open_editor(members.model.rows()[0].id)
    qtbot.addWidget(editor)
    history = editor.history_model
    headers = [
        history.headerData(c, Qt.Orientation.Horizontal) for c in range(history.columnCount())
    ]
    recorded_by = headers.index("Registrado por")
    assert history.index(0, recorded_by).data() == "sistema"


def test_the_audit_action_is_not_cut(spanish_window, qtbot):  # noqa: F811
    page = spanish_window.show_page("audit")
    page.set_filter(table_name="premium_rate")
    baseline = [
        r for r in range(page.model.rowCount()) if page.model.index(r, 1).data() == "migración"
    ]
    assert baseline, "the rows that existed before the trail: by the migration, in words"
    assert page.model.index(baseline[0], 4).data().startswith("el registro existía antes")
    page.view.selectRow(baseline[0])
    history = page.open_history()
    qtbot.addWidget(history)
    for view in (page.view, history.list):
        metrics = view.fontMetrics()
        for word in ("creado", "modificado", "eliminado"):
            assert view.columnWidth(2) > metrics.horizontalAdvance(word) + 8, word


def test_the_integrity_check_names_records_as_people_know_them(spanish_window):  # noqa: F811
    page = spanish_window.show_page("audit")
    dialog = page.run_verify()
    text = dialog.text.toPlainText()
    assert "(Contrato KFH-2026-09)" in text
    assert "[contract " not in text and "contract 13" not in text
    assert "(Socio CPGP-3784-" in text and "#CPGP" not in text  # named by code, not by id
    assert "AVISO" in text and "WARNING" not in text
    assert "advertencias de cumplimiento:" in dialog.headline.text()
    dialog.close()


def test_one_compliance_warning_reads_right(spanish_window, qtbot):  # noqa: F811
    page = premium_page(spanish_window)
    tab = page.compliance_tab
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.tabs.setCurrentWidget(tab)
    summary = tab.summary.text()
    assert "advertencias de cumplimiento: 1" in summary  # it read "1 advertencias"
    assert "1 advertencias" not in summary


def test_the_exchange_rate_hint_is_spanish(spanish_window, qtbot):  # noqa: F811
    page = premium_page(spanish_window)
    dialog = page.open_payment_dialog()
    qtbot.addWidget(dialog)
    pick(dialog.account, account_named("Bank PEN"))
    assert dialog.rate.placeholderText() == "PEN por 1 USD"
    pick(dialog.account, account_named("Bank USD"))
    assert dialog.rate.toolTip() == "no hace falta para USD"


def test_the_roster_columns_show_dates_as_people_write_them(
    qtbot,
    ctx,
    demo_ctx,
    spanish,  # noqa: F811
    tmp_path,
):
    from PySide6.QtWidgets import QLabel

    from coop_desk.services import member_export
    from coop_desk.ui import excel_actions

    roster = tmp_path / "padron.xlsx"
    demo_ctx.read(lambda s, a: member_export.export_members(s, a, roster))
    wizard = excel_actions.open_import_wizard(None, ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(roster))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    texts = [label.text() for label in wizard.mapping_page.findChildren(QLabel)]
    joined = " | ".join(texts)
    assert "18/07/2000" in joined  # the first member joined on that day
    assert "2000-07-18" not in joined


def test_an_auditor_is_offered_to_view_a_certificate_not_to_edit_it(qtbot, demo_db, spanish):  # noqa: F811
    from coop_desk.services import users
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.pages.certifications import CertificationsPage

    for username, text in (("auditor", "&Ver…"), ("admin", "E&ditar…")):
        ctx = AppContext(demo_db, users.sign_in(demo_db, username, "demo"))
        page = CertificationsPage(ctx)
        qtbot.addWidget(page)
        page.apply_permissions()
        assert page.edit_certificate_button.text() == text, username
