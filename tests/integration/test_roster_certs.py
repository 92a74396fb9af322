"""The roster's organic status and Fairtrade column go to the certifications module, in the
import's transaction: statuses read back through the certification services, re-import is
unchanged, and a role without CERTS_WRITE is refused."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from coop_desk.errors import PermissionDenied
from coop_desk.exchange.roster import read_roster
from coop_desk.services import certification, member_import, members
from coop_desk.services.access import Actor, Role
from coop_desk.services.member_import import NEW, UNCHANGED, UPDATE
from tests.conftest import TODAY, roster_workbook

HEADER = [
    "Código",
    "Apellidos",
    "Nombres",
    "Sexo",
    "Fecha de ingreso",
    "Área total (ha)",
    "Área café (ha)",
    "Estado orgánico",
    "Comercio Justo",
]
ROWS = [
    ["C-1", "Quispe", "Ana", "F", "01/02/2010", "2", "1,5", " Orgánico ", "SI"],
    ["C-2", "Rojas", "Luis", "m", "2012-06-15", 3, 2, "T1", "No"],
    ["C-3", "Flores", "Eva", "mujer", "15/01/2018", "1.5", "1", "Transición 2", "si"],
    ["C-4", "Cruz", "Raúl", "varón", "01/01/2019", 2, 1, "convencional", "no"],
    ["C-5", "Vega", "Inés", "F", "01/01/2019", None, None, "organico", None],  # no plot
]


def roster_file(path, rows=ROWS):
    return roster_workbook(path, HEADER, rows)


def statuses(db, actor):
    with db.reading(actor) as s:
        out = {}
        for m in members.list_members(s, actor):
            cert = certification.member_certification(s, actor, m.id, on=TODAY)
            fairtrade = next(r for r in cert.schemes if r.scheme_kind == "fairtrade")
            out[m.code] = (
                [(p.status.value, p.override_reason) for p in cert.plots],
                (fairtrade.in_scope, fairtrade.since),
            )
        return out


def test_statuses_stored_by_the_certifications_module_and_reimport_unchanged(db, actor, tmp_path):
    path = roster_file(tmp_path / "padron.xlsx")
    roster = read_roster(path, today=TODAY)
    with db.reading(actor) as s:
        plan = member_import.plan_import(s, actor, roster, today=TODAY)
    assert [r.action for r in plan.rows] == [NEW] * 5
    first = {c.field: (c.old, c.new) for c in plan.rows[0].changes}
    assert first == {
        "Fairtrade scope": ("", "yes since 2010-02-01"),
        "plot Parcela 1: organic status": ("Conventional", "Organic"),
    }
    # Conventional is what an unrecorded plot already is: nothing to write, nothing shown.
    assert {c.field for c in plan.rows[3].changes} == {"Fairtrade scope"}
    with db.transaction(actor) as s:
        result = member_import.apply_import(s, actor, roster, today=TODAY)
    assert result.created == 5 and result.certifications == 7
    got = statuses(db, actor)
    assert got["C-1"] == (
        [("organic", "from roster padron.xlsx (row 3)")],
        (True, date(2010, 2, 1)),
    )
    assert got["C-2"] == ([("t1", "from roster padron.xlsx (row 4)")], (False, date(2012, 6, 15)))
    assert got["C-3"] == ([("t2", "from roster padron.xlsx (row 5)")], (True, date(2018, 1, 15)))
    assert got["C-4"] == ([("conventional", "")], (False, date(2019, 1, 1)))
    assert got["C-5"] == ([], (None, None))
    with db.reading(actor) as s:
        notes = {
            m.code: members.get_member(s, actor, m.id).notes for m in members.list_members(s, actor)
        }
    # Only the value with no home (an organic status for a member without a plot) stays in notes.
    assert notes["C-1"] == "" and notes["C-4"] == ""
    assert notes["C-5"] == "Roster: organic status Organic"

    # The same file again changes nothing.
    roster = read_roster(path, today=TODAY)
    with db.reading(actor) as s:
        again = member_import.plan_import(s, actor, roster, today=TODAY)
    assert [r.action for r in again.rows] == [UNCHANGED] * 5
    with db.transaction(actor) as s:
        result = member_import.apply_import(s, actor, roster, today=TODAY)
    assert (result.updated, result.certifications) == (0, 0)
    assert statuses(db, actor) == got

    # A changed status is an update of the certification data only; Fairtrade keeps its date.
    wb = openpyxl.load_workbook(path)
    wb.active["H3"] = "T3"
    wb.active["I4"] = "Sí"
    wb.save(path)
    roster = read_roster(path, today=TODAY)
    with db.reading(actor) as s:
        plan = member_import.plan_import(s, actor, roster, today=TODAY)
    changed = {r.code: {c.field: (c.old, c.new) for c in r.changes} for r in plan.rows}
    assert [r.action for r in plan.rows] == [UPDATE, UPDATE, UNCHANGED, UNCHANGED, UNCHANGED]
    assert changed["C-1"] == {"plot Parcela 1: organic status": ("Organic", "In conversion T3")}
    assert changed["C-2"] == {"Fairtrade scope": ("no", "yes since 2012-06-15")}
    with db.transaction(actor) as s:
        member_import.apply_import(s, actor, roster, today=TODAY)
    after = statuses(db, actor)
    assert after["C-1"][0] == [("t3", "from roster padron.xlsx (row 3)")]
    assert after["C-2"][1] == (True, date(2012, 6, 15))


def test_a_role_without_certs_write_is_refused_and_nothing_is_written(db, actor, tmp_path):
    clerk = Actor("clerk", Role.SECRETARY)
    path = roster_file(tmp_path / "padron.xlsx")
    roster = read_roster(path, today=TODAY)
    # A role with MEMBERS_WRITE but not CERTS_WRITE (none ships today; a custom one could).
    monkey = pytest.MonkeyPatch()
    from coop_desk.services import access

    perms = dict(access.ROLE_PERMISSIONS)
    perms[Role.SECRETARY] = perms[Role.SECRETARY] - {access.Permission.CERTS_WRITE}
    monkey.setattr(access, "ROLE_PERMISSIONS", perms)
    try:
        with db.reading(clerk) as s:
            plan = member_import.plan_import(s, clerk, roster, today=TODAY)
        assert any("certification records" in n for n in plan.notes)
        with pytest.raises(PermissionDenied, match="certification records"):
            with db.transaction(clerk) as s:
                member_import.apply_import(s, clerk, roster, today=TODAY)
        with db.reading(actor) as s:
            assert members.list_members(s, actor) == []
        # Without the certification columns the same user imports the members.
        plain = read_roster(
            roster_file(tmp_path / "plain.xlsx", [r[:7] + [None, None] for r in ROWS]),
            today=TODAY,
        )
        with db.transaction(clerk) as s:
            assert member_import.apply_import(s, clerk, plain, today=TODAY).created == 5
    finally:
        monkey.undo()


def test_conventional_overrides_a_recorded_conversion_and_agreeing_dates_clear_it(
    db, actor, tmp_path
):
    path = roster_file(tmp_path / "padron.xlsx", [ROWS[3]])  # C-4, convencional
    with db.transaction(actor) as s:
        member_import.apply_import(s, actor, read_roster(path, today=TODAY), today=TODAY)
    with db.transaction(actor) as s:
        member = members.list_members(s, actor)[0]
        plot = members.get_member(s, actor, member.id).plots[0]
        start = date(TODAY.year - 2, TODAY.month, 1)  # 24+ months ago: T3 by the dates
        certification.set_plot_organic(s, actor, plot.id, start, today=TODAY)
    with db.reading(actor) as s:
        plan = member_import.plan_import(s, actor, read_roster(path, today=TODAY), today=TODAY)
    assert [(c.old, c.new) for c in plan.rows[0].changes] == [("In conversion T3", "Conventional")]
    with db.transaction(actor) as s:
        member_import.apply_import(s, actor, read_roster(path, today=TODAY), today=TODAY)
    with db.reading(actor) as s:
        (row,) = certification.member_certification(s, actor, member.id, on=TODAY).plots
    assert (row.status, row.conversion_start, row.override_reason) == (
        "conventional",
        start,
        "from roster padron.xlsx (row 3)",
    )
    # A later roster agreeing with the dates removes the override instead of adding one.
    wb = openpyxl.load_workbook(path)
    wb.active["H3"] = "T3"
    wb.save(path)
    with db.transaction(actor) as s:
        member_import.apply_import(s, actor, read_roster(path, today=TODAY), today=TODAY)
    with db.reading(actor) as s:
        (row,) = certification.member_certification(s, actor, member.id, on=TODAY).plots
    assert (row.status, row.override, row.conversion_start) == ("t3", None, start)
