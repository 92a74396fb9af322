"""The ICS list workbook read back cell by cell, and the ``certs`` commands."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from coop_desk.cli import main
from coop_desk.domain.certification import (
    CommitteeDecision,
    InspectionInput,
    SanctionInput,
)
from coop_desk.domain.members import MemberInput, PlotInput
from coop_desk.exchange.ics_list import FARMER_COLUMNS
from coop_desk.services import certification as certs
from coop_desk.services import ics_list, members
from tests.conftest import TODAY


def _num(value):
    return Decimal(str(value))


def test_ics_list_reads_back_cell_by_cell(sqlite_db, actor, tmp_path):
    with sqlite_db.transaction(actor) as s:
        m = members.create_member(
            s,
            actor,
            MemberInput(
                code="CPGP-1",
                first_names="=cmd|' /C calc'!A0",  # must stay text, never a formula
                surnames="Núñez Vega",
                gender="F",
                join_date=date(2015, 3, 1),
                community="@La Palma",
                plots=(
                    PlotInput("La Loma", Decimal("2.5"), Decimal("2")),
                    PlotInput("-Bajo", Decimal("1.25"), Decimal("1")),
                ),
            ),
            today=TODAY,
        )
        certs.set_plot_organic(s, actor, m.plots[0].id, date(2015, 1, 1), today=TODAY)
        certs.set_plot_organic(s, actor, m.plots[1].id, date(2025, 6, 1), today=TODAY)
        certs.record_decision(s, actor, m.id, CommitteeDecision.APPROVED, date(2015, 4, 2))
        certs.record_inspection(
            s,
            actor,
            InspectionInput(
                m.id,
                date(2026, 5, 4),
                "Wilder Tocto",
                "conditional",
                findings="+ pulp by the stream",
                yield_estimate_kg=Decimal("1350"),
                last_prohibited_input="Urea",
                last_prohibited_input_date=date(2023, 2, 1),
            ),
            today=TODAY,
        )
        certs.record_sanction(
            s, actor, SanctionInput(m.id, "warning", date(2026, 5, 10), "late records"), today=TODAY
        )
    with sqlite_db.reading(actor) as s:
        out = ics_list.export_ics_list(s, actor, tmp_path / "ics.xlsx", on=TODAY).path

    wb = openpyxl.load_workbook(out)
    ws = wb["ICS farmers"]
    assert [c.value for c in ws[1]] == [c.header for c in FARMER_COLUMNS]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:V2"
    assert ws.column_dimensions["B"].width == 32
    row = {FARMER_COLUMNS[i].header: c for i, c in enumerate(ws[2])}
    assert row["Code"].value == "CPGP-1"
    assert row["Name"].value == "Núñez Vega, =cmd|' /C calc'!A0"
    name_cell = row["Name"]
    assert name_cell.data_type == "s"
    assert row["Community"].value == "@La Palma" and row["Community"].data_type == "s"
    assert row["Gender"].value == "F"
    assert row["Entry date"].value == datetime(2015, 3, 1)
    assert row["Entry date"].number_format == "yyyy-mm-dd"
    assert row["Register status"].value == "Active"
    assert row["ICS approved"].value == "yes"
    assert row["Approved on"].value == datetime(2015, 4, 2)
    assert row["Plots"].value == "La Loma 2.5 ha (Organic); -Bajo 1.25 ha (In conversion T2)"
    assert _num(row["Total ha"].value) == Decimal("3.75")
    assert row["Total ha"].data_type == "n" and row["Total ha"].number_format == "#,##0.00"
    assert _num(row["Organic ha"].value) == Decimal("2.5")
    assert _num(row["T1 ha"].value) == 0
    assert _num(row["T2 ha"].value) == Decimal("1.25")
    assert _num(row["T3 ha"].value) == 0
    assert _num(row["Conventional ha"].value) == 0
    assert _num(row["Certified ha"].value) == Decimal("2.5")
    assert _num(row["Yield estimate kg"].value) == 1350
    assert row["Last inspection"].value == datetime(2026, 5, 4)
    assert row["Result"].value == "Approved with conditions"
    assert row["Last prohibited input"].value == "Urea"
    assert row["Input date"].value == datetime(2023, 2, 1)
    assert row["Sanctions"].value == "Warning 2026-05-10: late records"
    plots = wb["Plots"]
    assert [c.value for c in plots[3]][:4] == [
        "CPGP-1",
        "Núñez Vega, =cmd|' /C calc'!A0",
        "-Bajo",
        1.25,
    ]
    assert plots["C3"].data_type == "s"
    assert plots["F3"].value == datetime(2025, 6, 1)
    assert plots["I3"].value == datetime(2028, 6, 1)
    assert wb["About"]["B3"].value == datetime(2026, 11, 27)


@pytest.fixture
def demo_path(demo_db):
    return str(demo_db.engine.url.database)


def test_cli_alerts_on_the_demo(demo_path, capsys):
    assert main(["--db", demo_path, "certs", "alerts", "--date", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "Certificate expiring" in out and "CU-PE-845921" in out
    assert "expires on 2027-01-26, in 60 days" in out
    assert "Corrective action overdue" in out
    assert "ICS coverage 2026:" in out and "target is 100%" in out
    assert "Not inspected this year" in out
    assert "Plot leaving conversion" in out
    assert "Member certificate missing" in out and "RA-PE-CPGP-3784-3" in out
    # With a 30-day horizon the EU certificate (60 days) is not yet news.
    assert main(["--db", demo_path, "certs", "alerts", "--days", "30", "--date", "2026-11-27"]) == 0
    assert "CU-PE-845921" not in capsys.readouterr().out


def test_cli_rejects_a_negative_horizon(demo_path, capsys):
    with pytest.raises(SystemExit):
        main(["--db", demo_path, "certs", "alerts", "--days", "-3"])
    assert "cannot be negative" in capsys.readouterr().err


def test_cli_export_ics_and_coverage(demo_path, tmp_path, capsys):
    out = tmp_path / "ics.xlsx"
    assert main(["--db", demo_path, "certs", "export-ics", str(out), "--date", "2026-11-27"]) == 0
    assert "185 members" in capsys.readouterr().out
    ws = openpyxl.load_workbook(out)["ICS farmers"]
    codes = [r[0].value for r in ws.iter_rows(min_row=2)]
    assert len(codes) == 185 and codes[0] == "CPGP-3784-1"
    sanctions = [r[21].value for r in ws.iter_rows(min_row=2) if r[21].value]
    assert any(s.startswith("Suspension") and "glyphosate" in s for s in sanctions)
    assert main(["--db", demo_path, "certs", "export-ics", str(tmp_path / "x.csv")]) == 2
    assert "must end in .xlsx" in capsys.readouterr().err
    assert main(["--db", demo_path, "certs", "coverage", "--date", "2026-11-27"]) == 0
    text = capsys.readouterr().out
    assert "ICS coverage 2026: 176 of 185 members inspected (95.1%" in text
    assert "re-inspection sample: 10 members" in text
    assert main(["--db", demo_path, "certs", "list"]) == 0
    assert "3784" in capsys.readouterr().out


def test_cli_rules_show_and_change(tmp_path, capsys):
    path = str(tmp_path / "r.sqlite")
    assert main(["--db", path, "certs", "rules"]) == 0
    out = capsys.readouterr().out
    assert "36 months" in out and "5 ha" in out and "5% of members, at least 10" in out
    assert main(["--db", path, "certs", "rules", "--max-group-members", "150"]) == 0
    assert "Group member limit:       150" in capsys.readouterr().out
    assert main(["--db", path, "certs", "rules", "--reinspection-share", "2"]) == 2
    assert "at most 1" in capsys.readouterr().err
    assert main(["--db", path, "certs", "rules"]) == 0
    assert "150" in capsys.readouterr().out
    assert main(["--db", path, "certs", "add-scheme", "C.A.F.E. Practices"]) == 0
    assert "Scheme added: C.A.F.E. Practices" in capsys.readouterr().out
    assert main(["--db", path, "certs", "add-scheme", "c.a.f.e. practices"]) == 2
    assert "already exists" in capsys.readouterr().err
