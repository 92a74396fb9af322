"""The command line in Spanish (COOP_DESK_LANG=es): its reports, errors and help read as a
Peruvian office reads them, end to end through the real commands."""

from __future__ import annotations

import shutil

import pytest

from coop_desk.cli import main
from tests.unit.test_roster import messy_roster


@pytest.fixture
def spanish(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COOP_DESK_LANG", "es")


def test_a_roster_import_report_in_spanish(spanish, tmp_path, capsys):
    db = str(tmp_path / "c.sqlite")
    assert main(["--db", db, "init", "--name", "Cooperativa Valle Alto"]) == 0
    capsys.readouterr()
    path = messy_roster(tmp_path / "padron.xlsx")
    status = main(["--db", db, "members", "import", str(path)])
    out, err = capsys.readouterr()
    text = out + err
    assert status != 0  # the messy roster has invalid rows: nothing is imported
    assert "nuevos" in text and "con errores" in text
    assert "No se importó nada" in text
    # A problem of a row, in Spanish, with its row and column in Spanish too.
    assert "no es un DNI" in text or "no es una fecha" in text or "es obligatori" in text
    assert "new," not in text and "with errors" not in text and "Nothing was imported" not in text
    # Why a row was skipped, in Spanish too.
    assert "fila de totales" in text and "totals row" not in text


def test_the_import_plan_table_answers_in_spanish(spanish, tmp_path, capsys):
    """The plan's table: its Fairtrade column says sí / no (it said yes / no in English)."""
    from tests.conftest import roster_workbook

    db = str(tmp_path / "c.sqlite")
    assert main(["--db", db, "init", "--name", "Cooperativa Valle Alto"]) == 0
    path = roster_workbook(
        tmp_path / "padron.xlsx",
        ["Código", "Apellidos", "Nombres", "Sexo", "Fecha de ingreso", "Comercio Justo"],
        [
            ["S1", "Rojas", "Ana", "F", "01/01/2015", "Sí"],
            ["S2", "Vega", "Cira", "F", "01/01/2015", "No"],
        ],
    )
    capsys.readouterr()
    assert main(["--db", db, "members", "import", str(path), "--dry-run"]) == 0
    lines = [
        line for line in capsys.readouterr().out.splitlines() if " S1 " in line or " S2 " in line
    ]
    assert len(lines) == 2
    assert " sí " in lines[0] and " no " in lines[1], lines
    assert not any(" yes " in line for line in lines), lines


def test_verify_output_in_spanish(spanish, demo_template, tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    shutil.copy(demo_template, db)
    status = main(["--db", db, "verify"])
    out = capsys.readouterr().out
    assert status == 0
    assert "verificaciones" in out and "errores de integridad" in out
    assert "checks run" not in out and "integrity errors" not in out
    # The demo's compliance warnings are described in Spanish.
    warnings = [line for line in out.splitlines() if line.startswith("AVISO ")]
    assert warnings, out
    assert not any(line.startswith("WARNING") for line in out.splitlines())


def test_a_sign_in_error_in_spanish(spanish, demo_template, tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "demo.sqlite")
    shutil.copy(demo_template, db)
    monkeypatch.setenv("COOP_DESK_PASSWORD", "wrong")
    assert main(["--db", db, "--user", "admin", "members", "list"]) == 2
    err = capsys.readouterr().err
    assert "Usuario desconocido o contraseña incorrecta." in err
    assert "wrong password" not in err


def test_help_and_argparse_errors_in_spanish(spanish, capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("uso: coop-desk")
    assert "mostrar esta ayuda y salir" in out and "opciones" in out
    assert "show this help message" not in out
    with pytest.raises(SystemExit):
        main(["members", "list", "--status", "nope"])
    err = capsys.readouterr().err
    assert "opción inválida" in err or "argumento" in err


def test_english_when_the_environment_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("COOP_DESK_LANG", "en")
    monkeypatch.setenv("LANG", "es_PE.UTF-8")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert capsys.readouterr().out.startswith("usage: coop-desk")
