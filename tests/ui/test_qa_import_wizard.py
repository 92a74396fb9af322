"""QA regressions in the import wizard: the preview reads top to bottom, problems in words."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt

from coop_desk.ui import excel_actions, excel_files


def test_preview_starts_at_the_first_row_and_names_columns_not_field_keys(qtbot, ctx, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Código", "Apellidos y Nombres", "Sexo", "Área (Has)"])
    for i in range(5):
        ws.append([f"E{i}", f"Gómez León Rosa {i}", "F", "abc" if i == 2 else "1,5"])
    wb.save(tmp_path / "padron.xlsx")
    wizard = excel_actions.open_import_wizard(None, ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(tmp_path / "padron.xlsx"))
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    model = wizard.preview_page.model
    assert [r.row for r in model.rows()] == [2, 3, 4, 5, 6]
    details = model.index(model.find_row(lambda r: r.row == 4), 6).data()
    assert details.startswith("D (Área (Has)): 'abc' is not a number; ")
    assert "Join date: the date of joining is required" in details
    assert "join_date" not in details and "row 4" not in details


def test_cash_book_preview_shows_each_rows_currency(qtbot, qtmodeltester, ctx, tmp_path):
    from coop_desk.exchange.cashbook import read_cashbook
    from coop_desk.ui.dialogs.ledger_excel import CashRowsModel

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Fecha", "Comprobante", "Descripción", "Proyecto", "Moneda", "Ingreso", "Egreso"])
    ws.append(["01/03/2023", "R1", "Prima", None, "US$", 1000, None])
    ws.append(["02/03/2023", "R2", "Taller", "Educación", "S/", None, 500])
    wb.save(tmp_path / "caja.xlsx")
    model = CashRowsModel()
    model.set_rows(list(read_cashbook(tmp_path / "caja.xlsx").rows))
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = headers.index("Currency")
    assert [model.index(r, column).data() for r in range(2)] == ["USD", "PEN"]


def test_wizard_gives_new_members_a_join_date_when_the_roster_has_none(
    qtbot, ctx, tmp_path, monkeypatch
):
    from datetime import date

    from coop_desk.services import members
    from coop_desk.services.member_import import ERROR, NEW

    monkeypatch.setattr(excel_files, "inform", lambda *a: None)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Código", "Apellidos y Nombres", "Sexo (M/F)"])
    ws.append(["S-1", "Quispe Mamani Rosa", "F"])
    wb.save(tmp_path / "padron.xlsx")
    wizard = excel_actions.open_import_wizard(None, ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(tmp_path / "padron.xlsx"))
    wizard.next()
    assert not wizard.mapping_page.join_date.isEnabled()
    wizard.next()
    assert [r.action for r in wizard.preview_page.model.rows()] == [ERROR]
    wizard.back()
    wizard.mapping_page.use_join_date.setChecked(True)
    wizard.mapping_page.join_date.set_date_value(date(2020, 1, 1))
    wizard.next()
    assert [r.action for r in wizard.preview_page.model.rows()] == [NEW]
    with qtbot.waitSignal(ctx.changed, timeout=10_000):
        wizard.accept()
    (member,) = ctx.read(lambda s, a: members.list_members(s, a))
    assert ctx.read(lambda s, a: members.get_member(s, a, member.id)).join_date == date(2020, 1, 1)


def test_unlikely_rows_are_listed_in_amber_and_imported(qtbot, ctx, tmp_path):
    from tests.unit.test_import_warnings import young_roster

    wizard = excel_actions.open_import_wizard(None, ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(young_roster(tmp_path / "padron.xlsx")))
    wizard.next()
    wizard.next()
    page = wizard.preview_page
    assert "10 rows have warnings" in page.summary.text()
    assert page.isComplete()  # nothing to skip: the rows are imported
    model = page.model
    first = model.find_row(lambda r: r.row == 2)
    assert "before the age of 14" in model.index(first, 6).data()
    assert model.index(first, 6).data(Qt.ItemDataRole.ForegroundRole) is not None
