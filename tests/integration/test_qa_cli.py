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


def test_join_date_for_a_roster_without_the_column(tmp_path, capsys):
    """Many rosters have no "Fecha de ingreso": --join-date gives new members one; a member
    already registered keeps the date on record."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Código", "Apellidos y Nombres", "Sexo", "Fecha de ingreso"])
    ws.append(["S-1", "Quispe Mamani Rosa", "F", "05/03/2019"])
    wb.save(tmp_path / "first.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Código", "Apellidos y Nombres", "Sexo (M/F)"])
    ws.append(["S-1", "Quispe Mamani Rosa", "F"])
    ws.append(["S-2", "Huamán Torres Juan", "M"])
    wb.save(tmp_path / "roster.xlsx")
    db = str(tmp_path / "cli.sqlite")
    assert main(["--db", db, "members", "import", str(tmp_path / "first.xlsx")]) == 0
    args = ["--db", db, "members", "import", str(tmp_path / "roster.xlsx")]
    assert main(args) == 2
    out = capsys.readouterr().out
    assert "row 3: join_date: the date of joining is required" in out
    assert "Hint: --join-date DATE" in out
    assert main([*args, "--join-date", "31/02/2020"]) == 2
    assert "--join-date: '31/02/2020' is not a valid date" in capsys.readouterr().err
    assert main([*args, "--join-date", "01/01/2020"]) == 0
    assert "Imported: 1 new, 0 updated, 1 unchanged." in capsys.readouterr().out
    assert main(["--db", db, "members", "list"]) == 0
    listing = capsys.readouterr().out
    assert "2019-03-05" in listing and "2020-01-01" in listing
