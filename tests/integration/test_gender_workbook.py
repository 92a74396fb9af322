"""The General Assembly's workbook carries the gender report (issue 15), its shares as
formulas over the counts, recalculated by LibreOffice to the service's figures."""

from __future__ import annotations

from decimal import Decimal

import openpyxl

from coop_desk.services.ledger import assembly_report, gender
from tests.conftest import TODAY
from tests.integration.test_ledger_excel import recalculate, soffice

YEAR = TODAY.year - 1


def test_the_assembly_workbook_has_the_participation_of_women(demo_db, actor, tmp_path):
    with demo_db.reading(actor) as s:
        result = assembly_report.export_premium_report(
            s, actor, tmp_path / "ga.xlsx", YEAR, today=TODAY
        )
        report = gender.gender_report(s, actor, YEAR, today=TODAY)
    ws = openpyxl.load_workbook(result.path).active
    rows = {r[0].value: r for r in ws.iter_rows() if r and r[0].value}
    assert "Participation of women" in rows
    attendance = rows["General Assembly attendance (2 meetings)"]
    assert (attendance[1].value, attendance[2].value) == (79, 230)
    assert attendance[3].data_type == "f"
    members = rows[f"Active members (on {YEAR}-12-31)"]
    assert (members[1].value, members[2].value) == (report.members.women, report.members.total)
    spent = rows[f"Spent on Women's programme in {YEAR}"]
    assert Decimal(str(spent[1].value)) == report.programme_spent == Decimal("3000.00")
    if soffice is not None:
        values = {
            r[0]: r for r in recalculate(result.path, tmp_path).active.iter_rows(values_only=True)
        }
        share = values["General Assembly attendance (2 meetings)"][3]
        assert round(Decimal(str(share)) * 100, 1) == report.assembly.percent
        programme = values["Share spent on Women's programme"][1]
        assert round(Decimal(str(programme)) * 100, 1) == report.programme_share
