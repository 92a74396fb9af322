"""QA regressions on the command line: what a user sees for big and bad files."""

from __future__ import annotations

import openpyxl

from coop_desk.cli import main


def test_thousands_of_bad_rows_are_counted_not_flooded(tmp_path, capsys):
    """A sheet of 1,500 rows without a date of joining: the report lists the first errors,
    says how many more there are, and the counts are right."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Padrón")
    ws.append(["Código", "Apellidos", "Nombres", "Sexo", "Fecha de ingreso"])
    for i in range(1500):
        ws.append([f"B{i:05d}", "Apaza", f"Nombre {i}", "F", None])
    path = tmp_path / "big.xlsx"
    wb.save(path)
    db = str(tmp_path / "cli.sqlite")
    assert main(["--db", db, "members", "import", str(path), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert out.count("the date of joining is required") == 500 + 500  # table + list
    assert "… and 1000 more rows with errors (--all lists every row)" in out
    assert "  … and 1000 more (--all lists every one)" in out
    assert "0 new, 0 to update, 0 unchanged, 1500 with errors" in out
    assert main(["--db", db, "members", "import", str(path), "--dry-run", "--all"]) == 1
    assert capsys.readouterr().out.count("the date of joining is required") == 3000
