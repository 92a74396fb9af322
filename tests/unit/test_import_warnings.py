"""Plausibility is a warning, not an error (issue 10, defect 9): a roster whose members joined
young imports, each such row listed with its warning; what cannot be stored still stops it."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from coop_desk.domain.members import MemberInput, member_warnings, validate_member
from coop_desk.errors import ValidationError
from coop_desk.exchange.roster import read_roster
from coop_desk.services import member_import, members
from coop_desk.services.access import SYSTEM
from tests.conftest import TODAY


def young_roster(path, *, bad_dni: bool = False):  # type: ignore[no-untyped-def]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        ["Código", "Apellidos", "Nombres", "Sexo", "DNI", "Fecha de nacimiento", "Fecha de ingreso"]
    )
    for i in range(1, 11):  # born 1994, joined 2006: twelve years old
        ws.append([f"J-{i}", "Vera", "Ana", "F", f"4{i:07d}", "12/03/1994", "01/02/2006"])
    ws.append(
        [
            "J-11",
            "Díaz",
            "Luis",
            "M",
            "1234567" if bad_dni else "41000011",
            "1980-01-01",
            "2001-01-01",
        ]
    )
    wb.save(path)
    return path


def test_joining_young_is_a_warning_not_an_error():
    data = MemberInput("A-1", "Ana", "Vera", "F", date(2006, 2, 1), birth_date=date(1994, 3, 12))
    assert validate_member(data, TODAY) == []
    (warning,) = member_warnings(data, TODAY)
    assert warning.field == "birth_date" and "before the age of 14" in warning.message


def test_a_roster_of_members_who_joined_young_imports_with_its_warnings(sqlite_db, tmp_path):
    roster = read_roster(young_roster(tmp_path / "r.xlsx"), today=TODAY)
    with sqlite_db.reading(SYSTEM) as s:
        plan = member_import.plan_import(s, SYSTEM, roster, today=TODAY)
    assert not plan.has_errors and plan.count(member_import.NEW) == 11
    assert len(plan.warnings) == 10
    first = plan.warnings[0]
    assert (first.row, first.column) == (2, "F (Fecha de nacimiento)")
    assert "10 with warnings (imported)" in plan.summary()
    assert plan.rows[0].summary.startswith("warning: F (Fecha de nacimiento): ")
    with sqlite_db.transaction(SYSTEM) as s:
        result = member_import.apply_import(s, SYSTEM, roster, today=TODAY)
    assert result.created == 11
    with sqlite_db.reading(SYSTEM) as s:
        assert members.register_counts(s, SYSTEM).members == 11


def test_what_cannot_be_stored_still_stops_the_import(sqlite_db, tmp_path):
    roster = read_roster(young_roster(tmp_path / "r.xlsx", bad_dni=True), today=TODAY)
    with sqlite_db.reading(SYSTEM) as s:
        plan = member_import.plan_import(s, SYSTEM, roster, today=TODAY)
    assert plan.has_errors and plan.count(member_import.ERROR) == 1
    with pytest.raises(ValidationError, match="DNI"):
        with sqlite_db.transaction(SYSTEM) as s:
            member_import.apply_import(s, SYSTEM, roster, today=TODAY)


def test_the_command_line_lists_the_warnings_and_imports(sqlite_db, tmp_path, capsys):
    from coop_desk.cli import main

    path = young_roster(tmp_path / "r.xlsx")
    db = sqlite_db.url.replace("sqlite:///", "")
    assert main(["--db", db, "members", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Warnings (unlikely but possible; these rows are imported):" in out
    assert out.count("before the age of 14") >= 10


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (["CPGP-3784-9", "CPGP-3784-188", "CPGP-3784-10"], "CPGP-3784-189"),
        (["S-007", "S-003"], "S-008"),  # zero padding kept
        (["X-9"], "X-10"),
        (["A-1", "A-2", "B-50"], "A-3"),  # the main series: most codes share it
        ([], None),
        (["SOCIO"], None),
    ],
)
def test_the_next_free_member_code(codes, expected):
    from coop_desk.domain.members import next_member_code

    assert next_member_code(codes) == expected


def test_a_row_without_a_code_is_told_the_next_free_one(sqlite_db, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Código", "Apellidos", "Nombres", "Sexo", "Fecha de ingreso"])
    ws.append(["C-041", "Vera", "Ana", "F", "01/02/2015"])
    ws.append([None, "Díaz", "Luis", "M", "01/02/2015"])
    ws.append([None, "Mego", "Rosa", "F", "01/02/2015"])
    wb.save(tmp_path / "r.xlsx")
    roster = read_roster(tmp_path / "r.xlsx", today=TODAY)
    with sqlite_db.reading(SYSTEM) as s:
        plan = member_import.plan_import(s, SYSTEM, roster, today=TODAY)
        assert members.suggest_code(s, SYSTEM) == ""  # an empty register has no series yet
    messages = [p.message for p in plan.problems]
    assert messages == [
        "the member code is required (the next free code is C-042)",
        "the member code is required (the next free code is C-043)",
    ]
