"""What may be stored (issue 11): the one table of limits, the models that take their text
lengths from it, the services that report a value beyond a limit with its field, and the
guard on every flush that no path can skip, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import Boolean, Integer, String, Text, select

from coop_desk.domain import limits
from coop_desk.domain.members import MemberInput, PlotInput, validate_member
from coop_desk.domain.premium import fiscal_year_bounds
from coop_desk.errors import ValidationError
from coop_desk.models import Base, Member, Plot, Posting
from coop_desk.models.base import ScaledDecimal
from coop_desk.services import cooperative, members
from coop_desk.services.ledger import contracts, fiscal, journal, operations, plan
from tests.unit.test_ledger_services import set_up

MEMBER = MemberInput(
    code="LIM-0001",
    first_names="Rosa",
    surnames="Núñez Vega",
    gender="F",
    join_date=date(2015, 3, 1),
    dni="40000001",
)


def _problems(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {p.field: p.message for p in exc.value.problems}


# --- the table ------------------------------------------------------------------------------


def test_every_text_column_takes_its_length_from_the_table():
    """A ``String`` column's declared length is the table's, so SQLite and PostgreSQL hold the
    same text; a ``Text`` column has its limit there too; the table names no column that does
    not exist. A new text column without a limit fails here."""
    seen: set[tuple[str, str]] = set()
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if not isinstance(column.type, String):
                continue
            key = (table.name, column.name)
            seen.add(key)
            assert table.name in limits.TEXT_LIMITS, f"{table.name} has no text limits"
            assert column.name in limits.TEXT_LIMITS[table.name], f"no limit for {key}"
            limit = limits.text_limit(*key)
            if isinstance(column.type, Text):
                assert limit <= limits.DERIVED_TEXT
            else:
                assert column.type.length == limit, key
    named = {(t, c) for t, columns in limits.TEXT_LIMITS.items() for c in columns}
    assert named == seen


def test_free_text_fits_one_excel_cell():
    assert limits.LONG_TEXT <= 32_767


def test_a_million_postings_of_the_largest_amount_add_up_in_a_64_bit_integer():
    cents = int(limits.MAX_AMOUNT.scaleb(2))
    assert cents * 1_000_000 < 2**63
    assert int(limits.MAX_RATE.scaleb(8)) < 2**63
    assert int(limits.MAX_QUANTITY.scaleb(6)) < 2**63


def test_the_books_years_have_their_days_and_their_carry_within_the_dates():
    for month in range(1, 13):
        first, _ = fiscal_year_bounds(limits.FIRST_BOOK_YEAR, month)
        _, last = fiscal_year_bounds(limits.LAST_BOOK_YEAR, month)
        carry, _ = fiscal_year_bounds(limits.LAST_BOOK_YEAR + 1, month)
        assert limits.EARLIEST_DATE <= first and carry <= limits.LATEST_DATE
        assert last < carry


@pytest.mark.parametrize("year", [-1, 0, 1, 9998, 9999, 10_000, 99_999])
def test_fiscal_year_bounds_never_fail(year):
    """A year stored by mistake (0001, 9999) is cut to the days there are, never an error."""
    for month in (1, 4, 12):
        first, last = fiscal_year_bounds(year, month)
        assert first <= last


def test_the_checks_name_the_limit():
    assert limits.check_date(date(1900, 1, 1)) is None
    assert limits.check_date(date(2199, 12, 31)) is None
    assert "1900-01-01 to 2199-12-31" in str(limits.check_date(date(1, 1, 1)))
    assert limits.check_date(date(9999, 12, 31))
    assert limits.check_amount(D("9999999999.99")) is None
    assert limits.check_amount(D("-9999999999.99")) is None
    assert "9,999,999,999.99" in str(limits.check_amount(D("10000000000")))
    assert limits.check_amount(D("Infinity"))
    assert limits.check_rate(D("3.75")) is None
    assert limits.check_rate(D("99999999999"))
    assert limits.check_rate(D("0.00001"))
    assert limits.check_integer(2**31 - 1) is None
    assert limits.check_integer(2**31)
    assert limits.check_book_year(2025) is None
    assert limits.check_book_year(1) and limits.check_book_year(2199)
    assert limits.check_text("member", "surnames", "x" * 120) is None
    assert limits.check_text("member", "surnames", "x" * 121) == (
        "at most 120 characters (121 given)"
    )


def test_a_huge_number_is_shortened_in_the_message():
    message = str(limits.check_amount(D("9" * 5000)))
    assert message.startswith("a number of 5,000 digits is beyond the largest amount")


# --- the domain's and the services' validation ------------------------------------------------


def test_member_validation_names_every_field_beyond_its_limit():
    data = MemberInput(
        code="LIM-0001",
        first_names="R" * 121,
        surnames="N" * 52_428,
        gender="F",
        join_date=date(1, 1, 1),
        birth_date=date(1, 1, 1),
        community="C" * 121,
        notes="n" * (limits.LONG_TEXT + 1),
        plots=(PlotInput("P" * 121, D(1), D(1), varieties="V" * 201),),
    )
    found = {p.field: p.message for p in validate_member(data, today=date(2026, 1, 1))}
    assert found["surnames"] == "at most 120 characters (52,428 given)"
    assert {"first_names", "community", "notes", "join_date", "birth_date"} <= set(found)
    assert found["plots[1].name"].startswith("plot 1: at most 120 characters")
    assert "plots[1].varieties" in found


def test_the_member_service_refuses_a_long_surname_with_its_field_on_both_databases(db, actor):
    """On PostgreSQL the same name gave "value too long for type character varying(120)"."""
    with pytest.raises(ValidationError) as exc, db.transaction(actor) as s:
        members.create_member(s, actor, replace(MEMBER, surnames="N" * 121))
    assert _problems(exc) == {"surnames": "at most 120 characters (121 given)"}
    with db.reading(actor) as s:
        assert s.scalar(select(Member.id).where(Member.code == "LIM-0001")) is None


def test_ledger_validation_names_the_field(db, actor):
    with db.transaction(actor) as s:
        books = set_up(s, actor)
    payment = {
        "project_id": books.projects["administration"],
        "account_id": books.bank_usd,
        "entry_date": date(2024, 7, 1),
        "amount": D("10.00"),
        "payee": "Ana",
        "voucher": "R-1",
        "description": "stationery",
    }
    cases = [
        ({"entry_date": date(1, 1, 1)}, "entry_date", "outside the dates the books can hold"),
        ({"entry_date": date(9999, 12, 31)}, "entry_date", "outside the dates"),
        ({"entry_date": date(2199, 6, 1)}, "entry_date", "not a fiscal year the books can hold"),
        ({"amount": D("92233720368547758.07")}, "amount", "beyond the largest amount"),
        ({"amount": D("99999999999999999")}, "amount", "beyond the largest amount"),
        ({"payee": "p" * 201}, "payee", "at most 200 characters"),
        ({"description": "d" * (limits.LONG_TEXT + 1)}, "description", "at most 10,000"),
    ]
    for change, field, words in cases:
        with pytest.raises(ValidationError) as exc, db.transaction(actor) as s:
            operations.record_project_payment(s, actor, **{**payment, **change})
        assert words in _problems(exc).get(field, ""), (change, exc.value.problems)
    with pytest.raises(ValidationError) as exc, db.transaction(actor) as s:
        operations.record_project_payment(
            s, actor, **{**payment, "account_id": books.bank_pen, "rate": D("99999999999")}
        )
    assert "not an exchange rate the books can hold" in _problems(exc)["rate"]
    with pytest.raises(ValidationError) as exc, db.transaction(actor) as s:
        operations.record_project_payment(
            s,
            actor,
            **{
                **payment,
                "account_id": books.bank_pen,
                "amount": D("9999999999"),
                "rate": D("0.0001"),
            },
        )
    assert any("USD value" in p.message for p in exc.value.problems)
    with db.reading(actor) as s:
        assert s.scalar(select(Posting.id)) is None  # nothing of it was posted


def test_nothing_is_posted_before_a_closed_year(db, actor):
    """An entry in 2023 once 2024 was closed was accepted, and then 2025 could never close
    ("close 2023 first")."""
    with db.transaction(actor) as s:
        books = set_up(s, actor)
        fiscal.close_year(s, actor, 2024, today=date(2025, 2, 1))
    with pytest.raises(ValidationError) as exc, db.transaction(actor) as s:
        operations.record_opening_balance(
            s, actor, account_id=books.bank_usd, entry_date=date(2023, 5, 1), amount=D(10)
        )
    assert "closed up to the fiscal year 2024" in _problems(exc)["entry_date"]


def test_contracts_plans_and_the_profile_check_their_limits(db, actor):
    with db.transaction(actor) as s:
        books = set_up(s, actor)
    with pytest.raises(ValidationError) as exc, db.transaction(actor) as s:
        contracts.create_contract(
            s,
            actor,
            contracts.ContractInput(
                books.buyer_id, "N" * 61, date(2024, 3, 1), quantity=D("999999999")
            ),
        )
    found = _problems(exc)
    assert "at most 60 characters" in found["number"]
    assert "beyond the largest quantity" in found["quantity"]  # 999,999,999 bags in kg
    with pytest.raises(ValidationError) as exc, db.transaction(actor) as s:
        plan.record_approval(
            s,
            actor,
            2025,
            plan.ApprovalInput(date(2025, 3, 1), "Acta", 2**31, 10, 2**31, 0, 0),
            {books.projects["administration"]: D("1e12")},
        )
    found = _problems(exc)
    assert "largest whole number" in found["members_present"]
    assert "beyond the largest amount" in found[f"budget[{books.projects['administration']}]"]
    profile = cooperative.Profile(name="C" * 201)
    assert "at most 200 characters" in {
        p.field: p.message for p in cooperative.validate_profile(profile)
    }.get("name", "")


def test_year_close_refuses_a_year_the_books_cannot_hold(db, actor):
    with pytest.raises(ValidationError) as exc, db.transaction(actor) as s:
        fiscal.close_year(s, actor, 9999, today=date(2026, 1, 1))
    assert "1900 to 2198" in _problems(exc)["year"]


# --- the guard: the ORM itself, on both databases ----------------------------------------------


def test_the_guard_refuses_what_no_service_checked(db, actor):
    """A script writing through the ORM, skipping every service, still cannot store a value
    beyond a limit: the flush is refused with the field and the limit, nothing is written."""
    row = Member(
        code="LIM-0002",
        first_names="Ana",
        surnames="R" * 52_428,
        gender="F",
        join_date=date(1, 1, 1),
        status="active",
        status_date=date(2020, 1, 1),
    )
    with pytest.raises(ValidationError) as exc, db.transaction(actor) as s:
        s.add(row)
        s.flush()
    found = _problems(exc)
    assert found["surnames"] == "at most 120 characters (52,428 given)"
    assert "outside the dates the books can hold" in found["join_date"]
    with db.reading(actor) as s:
        assert s.scalar(select(Member.id).where(Member.code == "LIM-0002")) is None


def test_the_guard_checks_numbers_by_their_column(db, actor):
    with db.transaction(actor) as s:
        member = members.create_member(s, actor, MEMBER)
    with pytest.raises(ValidationError) as exc, db.transaction(actor) as s:
        s.add(
            Plot(
                member_id=member.id,
                name="Alto",
                total_area_ha=D("1e10"),
                coffee_area_ha=D(1),
                altitude_m=2**31,
            )
        )
        s.flush()
    found = _problems(exc)
    assert "largest quantity" in found["total_area_ha"]
    assert "largest whole number" in found["altitude_m"]


def test_an_unrelated_edit_of_a_row_holding_old_data_is_not_refused(sqlite_db, actor):
    """A surname stored before the limits existed does not stop a change of the phone; changing
    the surname itself is checked."""
    import sqlite3

    with sqlite_db.transaction(actor) as s:
        member = members.create_member(s, actor, MEMBER)
    path = sqlite_db.engine.url.database
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE member SET surnames = ? WHERE id = ?", ("N" * 500, member.id))
    with sqlite_db.transaction(actor) as s:
        row = s.get(Member, member.id)
        assert row is not None
        row.phone = "999 111 222"
    with pytest.raises(ValidationError), sqlite_db.transaction(actor) as s:
        row = s.get(Member, member.id)
        assert row is not None
        row.surnames = "M" * 121


def test_the_guard_looks_at_every_kind_of_limited_column():
    """Each column type the models use is either checked or has nothing to check."""
    checked = (String, ScaledDecimal, Integer)
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, checked) and not isinstance(column.type, Boolean):
                continue
            assert type(column.type).__name__ in {
                "Date",
                "Boolean",
                "UTCDateTime",
                "LargeBinary",
            }, (table.name, column.name, column.type)


def test_year_listing_and_sums_leave_out_what_the_books_cannot_hold(sqlite_db, actor):
    """Postings stored beyond the limits (here by sqlite3) are left out of every sum, which
    they would overflow; the year they sit in is not listed."""
    import sqlite3

    with sqlite_db.transaction(actor) as s:
        books = set_up(s, actor)
    with sqlite3.connect(sqlite_db.engine.url.database) as conn:
        _plant_entry(conn, 1, "0001-01-01", books.bank_usd, books.projects["administration"], 1000)
        _plant_entry(
            conn, 2024, "2024-08-01", books.bank_usd, books.projects["administration"], 2**63 - 1
        )
    with sqlite_db.reading(actor) as s:
        years = [y.year for y in fiscal.list_fiscal_years(s, actor, today=date(2025, 1, 1))]
        position = fiscal.closing_position(s, 2025)
        rows = journal.list_entries(s, actor, journal.JournalFilter(year=2024))
    assert 1 not in years and 2024 in years
    assert all(abs(amount) < limits.MAX_AMOUNT for amount, _ in position.values())
    assert len(rows) == 1


def _plant_entry(conn, year: int, day: str, bank: int, project: int, cents: int) -> None:
    expense = conn.execute("SELECT id FROM account WHERE project_id = ?", (project,)).fetchone()[0]
    number = conn.execute(
        "SELECT coalesce(max(number), 0) + 1 FROM journal_entry WHERE fiscal_year = ?", (year,)
    ).fetchone()[0]
    cur = conn.execute(
        "INSERT INTO journal_entry (fiscal_year, number, entry_date, kind, description, "
        "reference, payee, voucher, document_sha256, document_name, search_key, created_at, "
        "created_by) VALUES (?, ?, ?, 'payment', 'planted', '', 'X', 'V', '', '', '', "
        "'2026-01-01 00:00:00', 'x')",
        (year, number, day),
    )
    entry = cur.lastrowid
    for line, (account, amount) in enumerate(((expense, cents), (bank, -cents)), start=1):
        conn.execute(
            "INSERT INTO posting (entry_id, line, account_id, fiscal_year, entry_date, currency, "
            "amount, rate, usd_value, memo) VALUES (?, ?, ?, ?, ?, 'USD', ?, 100000000, ?, '')",
            (entry, line, account, year, day, amount, amount),
        )
