"""The exports that go through the one xlsx writer and read the journal in bulk: the ICS list
and the audit pack keep formula-like text as text (quote prefix, as ``exchange.xlsx`` does for
every workbook), and the Beancount file and the audit pack read the books with a number of
SQL statements that does not grow with the number of entries."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal as D
from typing import Any

import openpyxl
from sqlalchemy import event

from coop_desk.db import Database
from coop_desk.domain.members import MemberInput, PlotInput
from coop_desk.services import ics_list, members
from coop_desk.services.audit_pack import build_audit_pack
from coop_desk.services.ledger import operations
from coop_desk.services.ledger.beancount import render_beancount
from tests.conftest import TODAY
from tests.unit.test_ledger_services import set_up

EVIL = '=HYPERLINK("http://evil.example","click")'


def test_ics_list_keeps_formula_like_names_as_quoted_text(sqlite_db, actor, tmp_path):
    with sqlite_db.transaction(actor) as s:
        members.create_member(
            s,
            actor,
            MemberInput(
                code="CPGP-1",
                first_names="Ana",
                surnames=EVIL,
                gender="F",
                join_date=date(2015, 3, 1),
                community="+51 La Palma",
                plots=(PlotInput("-Bajo", D("1.25"), D("1")),),
            ),
            today=TODAY,
        )
    with sqlite_db.reading(actor) as s:
        result = ics_list.export_ics_list(s, actor, tmp_path / "ics.xlsx", on=TODAY)
    assert result.members == 1
    wb = openpyxl.load_workbook(result.path)
    farmer = wb["ICS farmers"][2]
    plot = wb["Plots"][2]
    for cell in (farmer[1], farmer[2], plot[1], plot[2]):  # name, community; name, plot
        assert cell.data_type == "s", cell.coordinate
        assert cell.quotePrefix, f"{cell.coordinate} {cell.value!r} would be a formula in Excel"
    assert EVIL in farmer[1].value and farmer[2].value == "+51 La Palma"
    assert plot[2].value == "-Bajo"
    ws = wb["ICS farmers"]
    assert ws.print_options.gridLines is False and ws.page_setup.orientation == "landscape"


def _post(db: Database, actor: Any, payments: int) -> None:
    with db.transaction(actor) as s:
        b = set_up(s, actor)
        operations.record_opening_balance(
            s, actor, account_id=b.bank_usd, entry_date=date(2024, 1, 2), amount=D("50000.00")
        )
        for n in range(payments):
            operations.record_project_payment(
                s,
                actor,
                project_id=b.projects["quality_improvement"],
                account_id=b.bank_usd,
                entry_date=date(2024, 2, 1) + timedelta(days=n),
                amount=D("10.00") + n,
                payee=EVIL if n == 0 else f"Supplier {n}",
                voucher=f"F001-{n:05d}",
                description="Seedlings",
                accept=operations.ALL_WARNINGS,
            )


def test_audit_pack_keeps_formula_like_payees_as_quoted_text(sqlite_db, actor, tmp_path):
    _post(sqlite_db, actor, 1)
    with sqlite_db.reading(actor) as s:
        build_audit_pack(s, actor, tmp_path / "pack.xlsx", 2024, today=TODAY)
    wb = openpyxl.load_workbook(tmp_path / "pack.xlsx")
    payment = next(r for r in wb["Payments"].iter_rows(min_row=2) if r[5].value == "F001-00000")
    journal = [r[4] for r in wb["Journal"].iter_rows(min_row=2) if r[5].value == "F001-00000"]
    for cell in [payment[3], *journal]:
        assert cell.value == EVIL
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    assert wb["Payments"].freeze_panes == "A2"


@contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _count(db: Database, actor: Any, export: Callable[[Any], object]) -> int:
    with _statements(db) as seen, db.reading(actor) as s:
        export(s)
    return len(seen)


def test_exports_read_the_books_in_bulk(tmp_path, actor):
    """3 entries or 40: the same number of statements (one query per entry would add 37)."""
    counts = {}
    for payments in (2, 39):
        db = Database.open(tmp_path / f"books-{payments}.sqlite")
        try:
            _post(db, actor, payments)
            counts[payments] = (
                _count(db, actor, lambda s: render_beancount(s, actor, 2024)),
                _count(db, actor, lambda s: render_beancount(s, actor)),
                _count(
                    db,
                    actor,
                    lambda s, n=payments: build_audit_pack(
                        s, actor, tmp_path / f"pack-{n}.xlsx", 2024, today=TODAY
                    ),
                ),
            )
        finally:
            db.close()
    assert counts[2] == counts[39], counts


def test_balances_read_the_books_in_a_fixed_number_of_statements(tmp_path, actor):
    """Account balances, project balances and the Premium fund: the same statements for 3
    payments to one project as for 40 spread over every project and two years (a query per
    account, project or posting would add dozens)."""
    from coop_desk.services.ledger import reports

    def balances(s: Any) -> None:
        reports.account_balances(s, actor, 2025)
        reports.project_balances(s, actor, 2025, include_idle=True)
        reports.fund_report(s, actor, 2025)

    counts = {}
    for payments in (2, 39):
        db = Database.open(tmp_path / f"balances-{payments}.sqlite")
        try:
            with db.transaction(actor) as s:
                b = set_up(s, actor)
                operations.record_opening_balance(
                    s, actor, account_id=b.bank_usd, entry_date=date(2024, 1, 2), amount=D("9000")
                )
                projects = sorted(b.projects.values())
                for n in range(payments):
                    operations.record_project_payment(
                        s,
                        actor,
                        project_id=projects[n % len(projects)],
                        account_id=b.bank_usd,
                        entry_date=date(2024 + n % 2, 2, 1) + timedelta(days=n),
                        amount=D("10.00") + n,
                        payee=f"Supplier {n}",
                        voucher=f"F001-{n:05d}",
                        description="Seedlings",
                        accept=operations.ALL_WARNINGS,
                    )
            counts[payments] = _count(db, actor, balances)
        finally:
            db.close()
    assert counts[2] == counts[39] <= 30, counts
