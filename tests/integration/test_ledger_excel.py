"""The ledger in Excel: the workbook read back cell by cell (formulas included), recalculated
by LibreOffice to the app's figures, the GA report, the legacy cash book import, the CLI."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from coop_desk.cli import main
from coop_desk.errors import ValidationError
from coop_desk.exchange.cashbook import read_cashbook
from coop_desk.exchange.xlsx import display_width, money_text
from coop_desk.services import cashbook_import, cooperative
from coop_desk.services.ledger import assembly_report, plan, reports, workbook
from coop_desk.services.ledger.accounts import list_accounts
from tests.conftest import TODAY

YEAR = TODAY.year - 1  # a whole year of the demo ledger


@pytest.fixture
def exported(demo_db, actor, tmp_path):
    with demo_db.reading(actor) as s:
        result = workbook.export_ledger(s, actor, tmp_path / "ledger.xlsx", year=YEAR, today=TODAY)
        fund = reports.fund_report(s, actor, YEAR)
        projects = {p.name: p for p in reports.project_balances(s, actor, YEAR)}
        balances = reports.account_balances(s, actor, YEAR)
    return result, fund, projects, balances


def summary_values(ws):
    return {row[0].value: row for row in ws.iter_rows() if row and row[0].value}


def test_ledger_workbook_read_back_cell_by_cell(exported):
    result, fund, projects, balances = exported
    wb = openpyxl.load_workbook(result.path)
    assert wb.sheetnames == ["Summary", "Journal", "Contracts", "Compliance"]
    assert wb.active.title == "Summary"
    summary = wb["Summary"]
    assert summary["A1"].value == "Fairtrade Premium ledger" and summary["A1"].font.b
    assert summary["B2"].value == "Cooperativa de Productores de Café Gran Pajatén"
    assert summary["B3"].value.startswith(f"fiscal year {YEAR}")
    assert summary["B4"].value.endswith(" by system") and "UTC" not in summary["B4"].value
    rows = summary_values(summary)
    earned = rows["Premium earned (shipments)"][1]
    assert earned.data_type == "f"
    last = result.postings + 1
    assert earned.value == (
        f"=-SUMIFS('Journal'!$P$2:$P${last},'Journal'!$J$2:$J${last},\"premium_income\")"
    )
    assert rows["Closing (carried over)"][1].value.startswith("=B")
    education = rows["Education fund"]
    assert education[1].value == projects["Education fund"].approved
    assert "SUMIFS(" in education[2].value and "$A" in education[2].value
    assert education[3].value == f"=B{education[0].row}-C{education[0].row}"
    assert rows["Total"][2].value.startswith("=SUM(C")

    journal = wb["Journal"]
    assert journal.max_row == result.postings + 1
    assert journal.freeze_panes == "A2" and journal.auto_filter.ref == f"A1:Q{last}"
    assert [c.value for c in journal[1]][:3] == ["Date", "Entry", "Kind"]
    assert all(c.font.b for c in journal[1])
    first = journal[2]
    assert first[0].is_date and first[15].data_type == "n"
    assert first[15].number_format.startswith('"US$"')
    # Running balance per account: the last line of each account is its closing balance.
    last_balance = {}
    for row in journal.iter_rows(min_row=2, values_only=True):
        last_balance[(row[7], row[11])] = row[16]
    for b in balances:
        if b.kind == "asset" and (b.code, b.currency) in last_balance:
            assert Decimal(str(last_balance[(b.code, b.currency)])) == b.closing, b.code
    contracts = wb["Contracts"]
    assert contracts["H2"].value == "=F2-G2"
    assert contracts.cell(contracts.max_row, 1).value == "Total"
    compliance = {
        r[0]: r[1] for r in wb["Compliance"].iter_rows(min_row=2, values_only=True) if r[0]
    }
    assert compliance["ledger.balanced"] == "passed"
    assert set(compliance) >= {"ledger.numbering", "premium.quality_share", "premium.vouchers"}
    assert summary.page_setup.orientation == "landscape"


soffice = shutil.which("soffice") or shutil.which("libreoffice")


def recalculate(path, tmp_path):
    out = tmp_path / "recalculated"
    out.mkdir()
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return openpyxl.load_workbook(out / path.name, data_only=True)


@pytest.mark.slow
@pytest.mark.skipif(
    soffice is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)
def test_libreoffice_recalculates_to_the_apps_totals(exported, demo_db, actor, tmp_path):
    result, fund, projects, _ = exported
    wb = recalculate(result.path, tmp_path)
    rows = {r[0]: r for r in wb["Summary"].iter_rows(values_only=True) if r and r[0]}

    def money(value):
        return Decimal(str(value)).quantize(Decimal("0.01"))

    assert money(rows["Premium earned (shipments)"][1]) == fund.earned
    assert money(rows["Premium received from buyers"][1]) == fund.received
    assert money(rows["Spent on projects"][1]) == fund.spent
    assert money(rows["Opening"][1]) == fund.opening + fund.opening_balances
    assert money(rows["Closing (carried over)"][1]) == fund.closing
    for name, p in projects.items():
        assert money(rows[name][2]) == p.spent, name
        assert money(rows[name][3]) == (p.approved or 0) - p.spent, name
    assert money(rows["Total"][2]) == fund.spent
    with demo_db.reading(actor) as s:
        report = assembly_report.export_premium_report(
            s, actor, tmp_path / "ga.xlsx", YEAR, today=TODAY
        )
        summary = reports.ga_summary(s, actor, YEAR)
    second = tmp_path / "second"
    second.mkdir()
    ga = recalculate(report.path, second)
    ga_rows = {r[0]: r for r in ga.active.iter_rows(values_only=True) if r and r[0]}
    assert money(ga_rows["Spent on productivity / quality"][1]) == summary.quality_spent
    assert money(ga_rows["Premium received"][2]) == summary.local(summary.received)
    assert ga_rows["Met"][1] == (
        "yes" if summary.quality_spent >= summary.quality_required else "no"
    )


def test_premium_report_read_back(demo_db, actor, tmp_path):
    with demo_db.reading(actor) as s:
        result = assembly_report.export_premium_report(
            s, actor, tmp_path / "ga.xlsx", YEAR, today=TODAY
        )
        summary = reports.ga_summary(s, actor, YEAR)
        approvals = plan.list_approvals(s, actor, YEAR)
    ws = openpyxl.load_workbook(result.path).active
    rows = {r[0].value: r for r in ws.iter_rows() if r and r[0].value}
    assert Decimal(str(rows["Premium received"][1].value)) == summary.received
    assert rows["Premium received"][2].data_type == "f"
    assert Decimal(str(rows["Balance carried over"][1].value)) == summary.carried_over
    assert "SUMIFS(" in rows["Spent on productivity / quality"][1].value
    assert sum(1 for k in rows if str(k).startswith("Version ")) == len(approvals)


def printed_text(path, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """What LibreOffice prints of a workbook (PDF, as text)."""
    out = tmp_path / "pdf"
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = out / path.with_suffix(".pdf").name
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.slow
@pytest.mark.skipif(
    soffice is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and pdftotext are needed to print the workbook",
)
def test_the_assembly_report_prints_every_amount_even_large_ones(demo_db, actor, tmp_path):
    from coop_desk.services.ledger import operations

    with demo_db.transaction(actor) as s:
        bank_pen = next(a.id for a in list_accounts(s, actor) if a.name == "Bank PEN")
        education = next(p.id for p in plan.list_projects(s, actor) if p.name == "Education fund")
        operations.record_opening_balance(
            s,
            actor,
            account_id=bank_pen,
            entry_date=date(YEAR, 1, 2),
            amount=Decimal("9876543.21"),
            rate=Decimal("3.7"),
        )
        operations.record_project_payment(
            s,
            actor,
            project_id=education,
            account_id=bank_pen,
            entry_date=date(YEAR, 6, 2),
            amount=Decimal("4938271.60"),
            rate=Decimal("3.7"),
            payee="Constructora",
            voucher="F9-1",
            description="A typo the treasurer confirmed",
            accept=operations.ALL_WARNINGS,
        )
        report = assembly_report.export_premium_report(
            s, actor, tmp_path / "ga.xlsx", YEAR, today=TODAY
        )
    text = printed_text(report.path, tmp_path)
    assert "###" not in text
    assert "-US$ 1,333,668.00" in text  # the project's remaining budget, far below zero
    assert "S/ 4,949,434.80" in text  # paid in PEN
    assert "Approved budget (USD)" in text  # the header whole, not "Approved budget (U"
    # Whatever font a reader substitutes for Calibri: every amount has room in its column.
    ws = openpyxl.load_workbook(report.path).active
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, int | float) and "US$" in c.number_format:
                amount = Decimal(str(c.value)).quantize(Decimal("0.01"))
                needed = display_width(money_text(amount, "USD"), bold=bool(c.font.b))
                assert ws.column_dimensions[c.column_letter].width >= needed, c.coordinate


@pytest.mark.slow
@pytest.mark.skipif(soffice is None, reason="LibreOffice (soffice) is needed to print")
def test_the_journal_prints_readably_on_landscape_pages(exported, tmp_path):
    result, *_ = exported
    ws = openpyxl.load_workbook(result.path)["Journal"]
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"  # the header row on every page
    hidden = {k for k, d in ws.column_dimensions.items() if d.hidden}
    assert hidden == {"C", "J"}  # the formulas' code columns
    visible = sum(d.width for k, d in ws.column_dimensions.items() if not d.hidden)
    assert visible <= 210  # scaled to about 65 % on A4 landscape, not 48 %
    text = printed_text(result.path, tmp_path)
    pages = text.count("\f")
    assert pages >= 3  # the summary, then the journal over more than one page
    assert text.count("Entry") >= 2  # the header row repeated


def test_ledger_cli_export_and_report(demo_db, tmp_path, capsys):
    db = str(demo_db.engine.url.database)
    out = tmp_path / "l.xlsx"
    assert main(["--db", db, "ledger", "export", str(out), "--year", str(YEAR)]) == 0
    assert "carried over" in capsys.readouterr().out
    ranged = tmp_path / "r.xlsx"
    args = [
        "--db",
        db,
        "ledger",
        "export",
        str(ranged),
        "--from",
        f"{YEAR}-03-01",
        "--to",
        f"{YEAR}-06-30",
    ]
    assert main(args) == 0
    ws = openpyxl.load_workbook(ranged)["Journal"]
    dates = [r[0].date() for r in ws.iter_rows(min_row=2, values_only=True)]
    assert dates and min(dates) >= date(YEAR, 3, 1) and max(dates) <= date(YEAR, 6, 30)
    assert (
        main(["--db", db, "ledger", "export", str(out), "--year", "2020", "--from", "2020-01-01"])
        == 2
    )
    assert (
        main(["--db", db, "ledger", "report", str(tmp_path / "g.xlsx"), "--year", str(YEAR)]) == 0
    )


# --- the legacy cash book ------------------------------------------------------------------


def cash_book(path, rows=None, currency="US$"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Caja Premio"
    ws.append(["Cooperativa Valle Alto — Libro de caja del Premio Comercio Justo 2025"])
    ws.append([])
    ws.append(
        [
            "Fecha",
            "N° Comprobante",
            "Concepto",
            "Proyecto",
            f"Ingresos ({currency})",
            f"Egresos ({currency})",
            "Saldo",
        ]
    )
    for row in rows or [
        [None, None, "Saldo inicial", None, None, None, 1000],
        ["15/01/2025", "R-001", "Prima recibida contrato NRC-1", None, "8,366.54", None, 9366.54],
        [
            date(2025, 2, 3),
            "F-0012",
            "Útiles escolares",
            "  fondo de EDUCACION ",
            None,
            1250.5,
            8116.04,
        ],
        [
            "2025-03-10",
            "B-77",
            "Plantones de café",
            "Renovación de cafetales",
            None,
            "2000",
            "=G6-F7",
        ],
        [],
        ["20/03/2025", "F-0020", "Secador solar", "Mejora de calidad", None, 500, 5000],
        ["TOTAL", None, None, None, "=SUM(E5:E9)", "=SUM(F5:F9)", None],
    ]:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def ledger_db(sqlite_db, actor):
    with sqlite_db.transaction(actor) as s:
        cooperative.save_profile(s, actor, cooperative.Profile(name="Valle Alto"))
        plan.create_project(s, actor, plan.ProjectInput(name="Fondo de Educación"))
        plan.create_project(s, actor, plan.ProjectInput(name="Renovación de cafetales"))
    return sqlite_db


def test_cash_book_read_row_by_row(tmp_path):
    book = read_cashbook(cash_book(tmp_path / "caja.xlsx"), today=TODAY)
    assert book.header_row == 3
    assert [(r.row, r.kind, r.amount) for r in book.rows] == [
        (4, "opening", Decimal("1000.00")),
        (5, "income", Decimal("8366.54")),
        (6, "expense", Decimal("1250.50")),
        (7, "expense", Decimal("2000.00")),
        (9, "expense", Decimal("500.00")),
    ]
    assert book.rows[1].entry_date == date(2025, 1, 15) and book.rows[3].entry_date == date(
        2025, 3, 10
    )
    assert {s.row: s.reason for s in book.skipped} == {8: "blank row", 10: "totals row"}
    # Row 9's typed balance is wrong (5616.04 expected); row 7 is a formula never calculated.
    assert [(w.row, w.column) for w in book.warnings] == [(9, "G (Saldo)")]
    assert "5,000.00" in book.warnings[0].message and "5,616.04" in book.warnings[0].message
    assert book.notes and "not cross-checked" in book.notes[0]
    assert book.closing == Decimal("5616.04")


def test_unknown_projects_stop_the_import_then_are_created(ledger_db, actor, tmp_path):
    book = read_cashbook(cash_book(tmp_path / "caja.xlsx"), today=TODAY)
    with pytest.raises(cashbook_import.UnknownProjects) as err:
        with ledger_db.transaction(actor) as s:
            cashbook_import.import_cashbook(s, actor, book)
    assert list(err.value.names) == ["Mejora de calidad"] and err.value.names[
        "Mejora de calidad"
    ] == ["9"]
    with ledger_db.transaction(actor) as s:
        result = cashbook_import.import_cashbook(s, actor, book, create_projects=True)
    assert result.entries == 5 and result.created_projects == ("Mejora de calidad",)
    assert (result.posted_opening, result.posted_income, result.posted_expense) == (
        book.opening_amount,
        book.income_total,
        book.expense_total,
    )
    with ledger_db.reading(actor) as s:
        bank = next(b for b in reports.account_balances(s, actor, 2025) if b.code == "1010")
        spent = {p.name: p.spent for p in reports.project_balances(s, actor, 2025)}
    assert bank.closing == book.closing  # totals after the import equal the sheet's
    assert spent == {
        "Fondo de Educación": Decimal("1250.50"),
        "Renovación de cafetales": Decimal("2000.00"),
        "Mejora de calidad": Decimal("500.00"),
    }
    from coop_desk.errors import Conflict

    with pytest.raises(Conflict, match="already imported"):
        with ledger_db.transaction(actor) as s:
            cashbook_import.import_cashbook(s, actor, book, create_projects=True)


def test_the_preview_names_the_projects_the_plan_does_not_know(ledger_db, actor, tmp_path):
    """The one function the cash book dialog and the CLI call before posting (issue 9)."""
    path = cash_book(tmp_path / "caja.xlsx")
    with ledger_db.reading(actor) as s:
        preview = cashbook_import.preview_file(s, actor, path, today=TODAY)
    assert preview.book == read_cashbook(path, today=TODAY)
    assert preview.unknown_projects == {"Mejora de calidad": ["9"]}


def test_a_bad_row_stops_everything_with_row_and_column(ledger_db, actor, tmp_path):
    rows = [
        [None, None, "Saldo anterior", None, None, None, 100],
        ["15/01/2025", None, "Pago sin comprobante", "Fondo de educación", None, 50, 50],
        ["16/01/2025", "X-1", "Raro", "Fondo de educación", "abc", None, None],
    ]
    book = read_cashbook(cash_book(tmp_path / "caja.xlsx", rows), today=TODAY)
    assert [(p.row, p.column) for p in book.problems] == [(6, "E (Ingresos (US$))")]
    with pytest.raises(ValidationError):
        with ledger_db.transaction(actor) as s:
            cashbook_import.import_cashbook(s, actor, book)
    fixed = read_cashbook(cash_book(tmp_path / "caja2.xlsx", rows[:2]), today=TODAY)
    with pytest.raises(ValidationError) as err:
        with ledger_db.transaction(actor) as s:
            cashbook_import.import_cashbook(s, actor, fixed)
    problem = err.value.problems[0]
    assert problem.row == 5 and problem.column == "B (N° Comprobante)"
    assert "voucher" in problem.message
    with ledger_db.reading(actor) as s:
        assert not any(b.closing for b in reports.account_balances(s, actor, 2025))


def test_cash_book_in_soles_goes_through_the_exchange_account(ledger_db, actor, tmp_path):
    rows = [
        ["02/01/2025", None, "Saldo inicial", None, None, None, 3750],
        ["10/01/2025", "R-1", "Prima", None, 375, None, 4125],
        ["11/01/2025", "F-1", "Cuadernos", "Fondo de Educación", None, 37.5, 4087.5],
    ]
    book = read_cashbook(cash_book(tmp_path / "soles.xlsx", rows, "S/"), today=TODAY)
    with ledger_db.reading(actor) as s:
        pen = next(a for a in list_accounts(s, actor) if a.currency == "PEN" and a.role == "bank")
    with pytest.raises(ValidationError, match="exchange rate"):
        with ledger_db.transaction(actor) as s:
            cashbook_import.import_cashbook(s, actor, book, account_code=pen.code)
    with ledger_db.transaction(actor) as s:
        result = cashbook_import.import_cashbook(
            s, actor, book, account_code=pen.code, rate=Decimal("3.75")
        )
    assert result.currency == "PEN" and result.closing == Decimal("4087.50")
    with ledger_db.reading(actor) as s:
        fund = reports.fund_report(s, actor, 2025)
        bank = next(b for b in reports.account_balances(s, actor, 2025) if b.code == pen.code)
    assert bank.closing == Decimal("4087.50")
    assert fund.earned == Decimal("100.00") and fund.spent == Decimal("10.00")


def test_cashbook_cli_dry_run_then_import(ledger_db, tmp_path, capsys):
    db = str(ledger_db.engine.url.database)
    path = cash_book(tmp_path / "caja.xlsx")
    assert main(["--db", db, "ledger", "import-cashbook", str(path)]) == 2
    assert "Mejora de calidad" in capsys.readouterr().err
    args = ["--db", db, "ledger", "import-cashbook", str(path), "--create-projects"]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Dry run: 5 entries would be posted" in out and "warning: row 9" in out
    assert main(["--db", db, "ledger", "journal", "--year", "2025"]) == 0
    assert "Útiles" not in capsys.readouterr().out
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Posted 5 entries" in out and "closing 5,616.04" in out
    assert main(["--db", db, "ledger", "import-cashbook", str(tmp_path / "none.xlsx")]) == 2


def test_cash_book_with_one_signed_amount_column(ledger_db, actor, tmp_path):
    path = tmp_path / "importe.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Fecha", "Recibo", "Glosa", "Rubro", "Tipo", "Importe", "Saldo"])
    ws.append(["01/01/2025", None, "Saldo anterior", None, None, None, 500])
    ws.append(["05/01/2025", "R-9", "Prima", None, "Ingreso", 1000, 1500])
    ws.append(["06/01/2025", "F-9", "Cuadernos", "fondo de educacion", "Egreso", 200, 1300])
    ws.append(["07/01/2025", "F-10", "Lápices", "Fondo de Educación", None, -50, 1250])
    wb.save(path)
    book = read_cashbook(path, today=TODAY)
    assert [(r.kind, r.amount) for r in book.rows] == [
        ("opening", Decimal("500.00")),
        ("income", Decimal("1000.00")),
        ("expense", Decimal("200.00")),
        ("expense", Decimal("50.00")),
    ]
    assert not book.warnings and book.balance_checked == 3
    with ledger_db.transaction(actor) as s:
        result = cashbook_import.import_cashbook(s, actor, book)
    assert result.closing == Decimal("1250.00") == book.closing


@pytest.mark.slow
@pytest.mark.skipif(
    soffice is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)
def test_running_balance_formulas_saved_by_a_spreadsheet_are_cross_checked(tmp_path):
    rows = [
        [None, None, "Saldo inicial", None, None, None, 1000],
        ["15/01/2025", "R-001", "Prima", None, 500, None, "=G4+E5-F5"],
        ["16/01/2025", "F-1", "Útiles", "Fondo de Educación", None, 100, "=G5+E6-F6"],
        ["17/01/2025", "F-2", "Plantones", "Fondo de Educación", None, 50, "=G6+E7-F7+1"],
    ]
    source = cash_book(tmp_path / "caja.xlsx", rows)
    recalculate(source, tmp_path)  # writes tmp_path/recalculated/caja.xlsx
    recalculated = tmp_path / "recalculated" / "caja.xlsx"
    book = read_cashbook(recalculated, today=TODAY)
    assert book.balance_checked == 3 and not book.notes
    assert [(w.row, w.column) for w in book.warnings] == [(7, "G (Saldo)")]
    assert "1,351.00" in book.warnings[0].message and "1,350.00" in book.warnings[0].message


def test_cash_book_with_month_titles_and_carried_balances(tmp_path):
    rows = [
        [None, None, "Saldo inicial", None, None, None, 100],
        ["ENERO"],
        ["10/01/2025", "R-1", "Prima", None, 50, None, 150],
        [None, None, "Saldo al 31/01/2025", None, None, None, 150],
        ["FEBRERO"],
        [None, None, "Vienen", None, None, None, 140],
        ["03/02/2025", "F-1", "Útiles", "Fondo de Educación", None, 30, 120],
    ]
    book = read_cashbook(cash_book(tmp_path / "meses.xlsx", rows), today=TODAY)
    assert [(r.row, r.kind) for r in book.rows] == [(4, "opening"), (6, "income"), (10, "expense")]
    reasons = {s.row: s.reason for s in book.skipped}
    assert reasons[5].startswith("title row") and reasons[7].startswith("balance line")
    assert [(w.row, "140.00" in w.message) for w in book.warnings] == [(9, True)]
    assert book.closing == Decimal("120.00")


def test_cash_book_without_a_project_column(ledger_db, actor, tmp_path, capsys):
    path = tmp_path / "sin_proyecto.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["LIBRO CAJA - PRIMA"])
    ws.append(["Fecha", "N° Doc", "Detalle", "Debe", "Haber", "Saldo"])
    ws.append(["02/01/2025", None, "Saldo anterior", 300, None, 300])
    ws.append(["03/01/2025", "B-1", "Compra de útiles", None, 120, 180])
    wb.save(path)
    book = read_cashbook(path, today=TODAY)
    assert [(r.kind, r.amount) for r in book.rows] == [
        ("opening", Decimal("300.00")),
        ("expense", Decimal("120.00")),
    ]
    with pytest.raises(ValidationError) as err:
        with ledger_db.transaction(actor) as s:
            cashbook_import.import_cashbook(s, actor, book)
    assert err.value.problems[0].row == 4 and "project" in err.value.problems[0].message
    db = str(ledger_db.engine.url.database)
    args = [
        "--db",
        db,
        "ledger",
        "import-cashbook",
        str(path),
        "--default-project",
        "fondo de educacion",
    ]
    assert main(args) == 0
    assert "Posted 2 entries" in capsys.readouterr().out
    with ledger_db.reading(actor) as s:
        spent = {p.name: p.spent for p in reports.project_balances(s, actor, 2025)}
    assert spent == {"Fondo de Educación": Decimal("120.00")}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.250", "1250.00"),
        ("1,250", "1250.00"),
        ("S/ 1.250,50", "1250.50"),
        ("1,250.5", "1250.50"),
        ("12,5", "12.50"),
    ],
)
def test_cash_book_amounts_typed_as_text(raw, expected):
    from coop_desk.exchange.cashbook import _money

    assert _money(raw) == Decimal(expected)


@pytest.mark.skipif(
    soffice is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)
def test_a_spanish_cooperative_gets_a_spanish_ledger_that_recalculates(demo_db, actor, tmp_path):
    """The workbook follows the cooperative's language (not the program's): sheet names,
    headers and labels in Spanish, and the Summary's formulas read the Spanish Journal sheet
    to the same figures."""
    with demo_db.transaction(actor) as s:
        profile = cooperative.get_profile(s, actor)
        cooperative.save_profile(
            s, actor, cooperative.Profile(**{**profile.__dict__, "language": "es"})
        )
    with demo_db.reading(actor) as s:
        assert workbook.ledger_file_name(s, str(YEAR)) == f"libro-prima-{YEAR}.xlsx"
        assert assembly_report.report_file_name(s, YEAR) == f"uso-prima-{YEAR}.xlsx"
        result = workbook.export_ledger(s, actor, tmp_path / "libro.xlsx", year=YEAR, today=TODAY)
        report = assembly_report.export_premium_report(
            s, actor, tmp_path / "uso.xlsx", YEAR, today=TODAY
        )
        fund = reports.fund_report(s, actor, YEAR)
    written = openpyxl.load_workbook(result.path)
    assert written.sheetnames == ["Resumen", "Diario", "Contratos", "Cumplimiento"]
    journal = written["Diario"]
    assert [c.value for c in journal[1]][:3] == ["Fecha", "Asiento", "Tipo"]
    assert journal["A2"].number_format == "dd/mm/yyyy"
    wb = recalculate(result.path, tmp_path)
    rows = {r[0]: r for r in wb["Resumen"].iter_rows(values_only=True) if r and r[0]}
    assert rows["Cooperativa"][1]
    assert (
        Decimal(str(rows["Prima generada (embarques)"][1])).quantize(Decimal("0.01")) == fund.earned
    )
    assert Decimal(str(rows["Gastado en proyectos"][1])).quantize(Decimal("0.01")) == fund.spent
    assert rows["Cumplido"][1] in ("sí", "no")
    ga = openpyxl.load_workbook(report.path)
    assert ga.sheetnames == ["Uso de la Prima"]
    labels = {r[0] for r in ga.active.iter_rows(values_only=True) if r and r[0]}
    assert {"El fondo de la Prima", "Prima recibida", "Saldo trasladado"} <= labels
