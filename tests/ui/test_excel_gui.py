"""Excel in the GUI: the import wizard driven step by step, export and template actions."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from coop_desk.services import members
from coop_desk.services.member_import import ERROR, NEW
from coop_desk.ui import excel_actions
from tests.unit.test_roster import messy_roster


def test_wizard_file_mapping_preview_import(qtbot, qtmodeltester, ctx, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(excel_actions, "inform", lambda p, t, text: told.append(text))
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
    monkeypatch.setattr(excel_actions, "choose_save_path", lambda *a: target)
    action = window.findChild(QAction, "export_members_xlsx")
    assert action is not None and action in window.export_menu.actions()
    action.trigger()
    assert target.exists()
    ws = openpyxl.load_workbook(target, read_only=True)["Members"]
    assert sum(1 for _ in ws.iter_rows(min_row=2)) == 188
    assert "188 members" in window.statusBar().currentMessage()


def test_import_menu_and_template(qtbot, window, tmp_path, monkeypatch):
    titles = [a.objectName() for a in window.import_menu.actions()]
    assert titles == ["import_members_xlsx", "roster_template_xlsx"]
    target = tmp_path / "plantilla.xlsx"
    monkeypatch.setattr(excel_actions, "choose_save_path", lambda *a: target)
    window.findChild(QAction, "roster_template_xlsx").trigger()
    header = [c.value for c in openpyxl.load_workbook(target)["Socios"][1]]
    assert header[:3] == ["Código", "Apellidos", "Nombres"]


def test_cancelled_save_dialog_does_nothing(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(excel_actions, "choose_save_path", lambda *a: None)
    assert excel_actions.export_members(None, ctx) is None
