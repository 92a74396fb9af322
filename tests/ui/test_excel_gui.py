"""Excel in the GUI: the import wizard driven step by step, export and template actions."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from coop_desk.services import members
from coop_desk.services.member_import import ERROR, NEW
from coop_desk.ui import excel_actions, excel_files
from tests.unit.test_roster import messy_roster


def test_wizard_file_mapping_preview_import(qtbot, qtmodeltester, ctx, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(excel_files, "inform", lambda p, t, text: told.append(text))
    path = messy_roster(tmp_path / "padron.xlsx")
    wizard = excel_actions.open_import_wizard(None, ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.file_page.isComplete()
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    combos = wizard.mapping_page.combos
    assert combos[1].currentData() == "code" and combos[14].currentData() is None
    wizard.mapping_page.set_field("O", "notes")  # "Columna rara" mapped by hand
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    model = wizard.preview_page.model
    qtmodeltester.check(model)
    statuses = {r.row: r.action for r in model.rows()}
    assert statuses == {5: NEW, 6: NEW, 7: NEW, 8: ERROR, 9: ERROR, 12: NEW}
    error_row = model.find_row(lambda r: r.row == 8)
    assert "not a gender" in model.index(error_row, 6).data()
    assert model.index(error_row, 1).data() == "Error"
    assert not wizard.preview_page.isComplete()  # errors: nothing can be imported yet
    wizard.preview_page.skip_invalid.setChecked(True)
    assert wizard.preview_page.isComplete()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.rows()[0].row == 12
    with qtbot.waitSignal(ctx.changed, timeout=10_000):
        wizard.accept()
    assert told and "4 members added" in told[0]
    rows = ctx.read(lambda s, a: members.list_members(s, a))
    assert sorted(r.code for r in rows) == ["SOC-1", "SOC-2", "SOC-3", "SOC-6"]
    rosa = ctx.read(lambda s, a: members.get_member(s, a, rows[0].id))
    assert "x" in rosa.notes.splitlines()


def test_wizard_explains_a_bad_file_and_stays_on_the_first_page(qtbot, ctx, tmp_path):
    bad = tmp_path / "socios.xlsx"
    bad.write_text("codigo;nombre\n")
    wizard = excel_actions.open_import_wizard(None, ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(bad))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "not an Excel workbook" in wizard.file_page.problem.text()
    assert not wizard.file_page.problem.isHidden()


def test_export_menu_writes_the_register(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "register.xlsx"
    monkeypatch.setattr(excel_files, "choose_save_path", lambda *a: target)
    action = window.findChild(QAction, "export_members_xlsx")
    assert action is not None and action in window.export_menu.actions()
    action.trigger()
    assert target.exists()
    ws = openpyxl.load_workbook(target, read_only=True)["Members"]
    assert sum(1 for _ in ws.iter_rows(min_row=2)) == 188
    assert "188 members" in window.statusBar().currentMessage()


def test_import_menu_and_template(qtbot, window, tmp_path, monkeypatch):
    titles = [a.objectName() for a in window.import_menu.actions()]
    assert titles == ["import_members_xlsx", "roster_template_xlsx", "import_cashbook_xlsx"]
    target = tmp_path / "plantilla.xlsx"
    monkeypatch.setattr(excel_files, "choose_save_path", lambda *a: target)
    window.findChild(QAction, "roster_template_xlsx").trigger()
    header = [c.value for c in openpyxl.load_workbook(target).worksheets[0][1]]
    assert header[:3] == ["Código", "Apellidos", "Nombres"]


def test_cancelled_save_dialog_does_nothing(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(excel_files, "choose_save_path", lambda *a: None)
    assert excel_actions.export_members(None, ctx) is None


def test_ledger_workbook_and_report_from_the_export_menu(qtbot, window, tmp_path, monkeypatch):
    from tests.conftest import TODAY

    year = TODAY.year - 1
    monkeypatch.setattr(excel_actions, "choose_period", lambda *a: {"year": year})
    monkeypatch.setattr(excel_actions, "choose_year", lambda *a: year)
    targets = iter([tmp_path / "ledger.xlsx", tmp_path / "ga.xlsx"])
    monkeypatch.setattr(excel_files, "choose_save_path", lambda *a: next(targets))
    window.findChild(QAction, "export_ledger_xlsx").trigger()
    wb = openpyxl.load_workbook(tmp_path / "ledger.xlsx")
    assert wb.sheetnames[0] == "Summary" and wb["Journal"].max_row > 10
    window.findChild(QAction, "export_premium_report_xlsx").trigger()
    assert (tmp_path / "ga.xlsx").exists()
    assert "premium-use report" in window.statusBar().currentMessage()


def test_period_dialog_refuses_a_reversed_range(qtbot, ctx):
    from datetime import date

    from coop_desk.ui.dialogs.ledger_excel import PeriodDialog

    dialog = PeriodDialog(ctx)
    qtbot.addWidget(dialog)
    assert "year" in dialog.period()
    dialog.by_range.setChecked(True)
    dialog.date_from.set_date_value(date(2025, 6, 1))
    dialog.date_to.set_date_value(date(2025, 1, 1))
    assert not dialog.save()
    assert "before its start" in dialog.problems.labels["date_to"].text()
    assert dialog.result() == 0
    dialog.date_to.set_date_value(date(2025, 12, 31))
    assert dialog.problems.labels["date_to"].isHidden()  # fixed: the message goes
    assert dialog.save()
    assert dialog.period() == {"date_from": date(2025, 6, 1), "date_to": date(2025, 12, 31)}


def test_cash_book_preview_and_import(qtbot, qtmodeltester, ctx, tmp_path):
    from coop_desk.services.ledger import plan, reports
    from tests.integration.test_ledger_excel import cash_book

    ctx.write(lambda s, a: plan.create_project(s, a, plan.ProjectInput("Fondo de Educación")))
    ctx.write(lambda s, a: plan.create_project(s, a, plan.ProjectInput("Renovación de cafetales")))
    dialog = excel_actions.open_cashbook_dialog(None, ctx, cash_book(tmp_path / "caja.xlsx"))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 5
    assert dialog.model.index(0, 1).data() == "Opening balance"
    assert "row 9" in dialog.notes.text()
    assert not dialog.create_projects.isHidden()
    assert "Mejora de calidad" in dialog.create_projects.text()
    dialog.save()  # unknown project: explained, nothing posted
    assert "not in the Development Plan" in dialog.problems.general.text()
    dialog.create_projects.setChecked(True)
    with qtbot.waitSignal(ctx.changed, timeout=10_000):
        dialog.save()
    assert dialog.result_row.entries == 5
    bank = next(
        b for b in ctx.read(lambda s, a: reports.account_balances(s, a, 2025)) if b.code == "1010"
    )
    assert str(bank.closing) == "5616.04"


def test_a_bad_cash_book_file_is_explained(qtbot, ctx, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(excel_files, "show_error", lambda parent, exc, *a: shown.append(str(exc)))
    bad = tmp_path / "caja.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le"))
    assert excel_actions.open_cashbook_dialog(None, ctx, bad) is None
    assert "password" in shown[0]


def test_a_roster_without_a_code_column_is_mapped_by_hand(qtbot, ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(excel_files, "inform", lambda *a: None)
    path = tmp_path / "sin_codigo.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["N°", "Nombres", "Apellidos", "Sexo", "Fecha de ingreso"])
    wb.active.append([1, "Rosa", "Núñez", "F", "01/02/2010"])
    wb.save(path)
    wizard = excel_actions.open_import_wizard(None, ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()  # without a code: every row is an error, and the preview says why
    assert wizard.preview_page.model.rows()[0].action == ERROR
    assert "no member code column" in wizard.preview_page.skipped.text()
    wizard.back()
    wizard.mapping_page.set_field("A", "code")
    wizard.next()
    assert [r.action for r in wizard.preview_page.model.rows()] == [NEW]
    assert wizard.preview_page.model.rows()[0].code == "1"
    with qtbot.waitSignal(ctx.changed, timeout=10_000):
        wizard.accept()
    assert [r.code for r in ctx.read(lambda s, a: members.list_members(s, a))] == ["1"]


def test_the_user_can_choose_the_sheet(qtbot, ctx, tmp_path):
    from tests.unit.test_roster import messy_roster

    path = messy_roster(tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    other = wb.create_sheet("Nuevos")
    other.append(["Código", "Nombres", "Apellidos", "Sexo", "Fecha de ingreso"])
    other.append(["N-1", "Ana", "Ruiz", "F", "01/02/2020"])
    wb.save(path)
    wizard = excel_actions.open_import_wizard(None, ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.load_sheets()
    combo = wizard.file_page.sheet
    assert [combo.itemData(i) for i in range(combo.count())] == [None, "Padrón", "Nuevos"]
    combo.setCurrentIndex(2)
    wizard.next()
    wizard.next()
    assert [r.code for r in wizard.preview_page.model.rows()] == ["N-1"]
