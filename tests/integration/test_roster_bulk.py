"""The roster import's bulk path (issue 14): new members are inserted with one statement per
table and their audit records written from the same values. What it stores and records must
be what the register's own services store and record for the same member (so the two can
never drift), the trail must verify, and the preview's plan is applied as it is only while
the register is unchanged."""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from coop_desk.domain.members import MemberStatus
from coop_desk.domain.text import fold
from coop_desk.errors import DatabaseError, ValidationError
from coop_desk.exchange.roster import read_roster
from coop_desk.i18n import _
from coop_desk.models import AuditRecord, CertScheme, Member, MemberStatusChange, Plot
from coop_desk.services import audit, certification, limit_guard, member_import, members
from coop_desk.services.audit import writer as audit_writer
from coop_desk.services.audit.writer import BULK_SWITCH_INTERVAL
from coop_desk.services.member_import import IMPORT_REASON, NEW, UPDATE
from coop_desk.services.verify import verify
from tests.conftest import TODAY, roster_workbook

HEADER = [
    "Código",
    "Apellidos",
    "Nombres",
    "DNI",
    "Sexo",
    "Fecha de nacimiento",
    "Fecha de ingreso",
    "Caserío",
    "Teléfono",
    "Parcela",
    "Área total (ha)",
    "Área café (ha)",
    "Altitud (msnm)",
    "Variedades",
    "Estado orgánico",
    "Comercio Justo",
    "Estado del socio",
    "Observaciones",
]
ROWS = [
    # Every column; a plot in transition (an override), in the Fairtrade scope.
    [
        "C-1",
        "Quispe  Mamani",
        "Ana",
        "01234567",
        "F",
        "12/03/1980",
        "01/02/2010",
        " San José ",
        "987654321",
        "Lote Alto",
        "2,25",
        "1.5",
        1650,
        "Caturra, Typica",
        "T1",
        "Sí",
        "Activo",
        "hija de socia",
    ],
    # Organic on a new plot (an override too), out of the Fairtrade scope, withdrawn.
    ["C-2", "Rojas", "Luis", 7654321, "M", None, "2012-06-15", "Lima", None, None, 3, 2]
    + [None, None, "Orgánico", "No", "Retirado", None],
    # Conventional: what a new plot is anyway (nothing to write); no Fairtrade column value.
    ["C-3", "Flores", "Eva", None, "F", None, "15/01/2018", None, None, "Parcela 1", "1.5", 1]
    + [None, None, "Convencional", None, None, None],
    # No plot: the organic status has no home (the member's notes say it).
    ["C-4", "Vega", "Inés", None, "F", None, "01/01/2019", None, None, None, None, None]
    + [None, None, "organico", "si", None, None],
]
STAMPS = {"id", "member_id", "plot_id", "created_at", "updated_at", "recorded_at"}


@pytest.fixture(autouse=True)
def _two_processors(monkeypatch):
    """SQLite's bulk inserts run in their own thread (as on any machine of 2 processors or
    more) wherever the tests run."""
    monkeypatch.setattr(audit_writer, "_processors", lambda: 2)


def roster_file(path, rows=ROWS):
    return roster_workbook(path, HEADER, rows)


def records_after(session, start):
    """The audit records after ``start`` as comparable values: ids and times left out (they
    differ from one write to the next), the rest as recorded."""

    def image(text):
        if text is None:
            return None
        return {k: v for k, v in json.loads(text).items() if k not in STAMPS}

    rows = session.scalars(
        select(AuditRecord).where(AuditRecord.id > start).order_by(AuditRecord.id)
    ).all()
    return sorted(
        (
            (r.action, r.table_name, r.username, r.reason, image(r.before), image(r.after))
            for r in rows
        ),
        key=repr,
    )


class Rollback(Exception):
    pass


def through_the_services(session, actor, plan):
    """What the register's services write for the plan's new rows: ``create_member``, then
    ``change_status``, ``set_member_scheme`` and ``set_plot_organic`` (the import's path
    before the bulk one, member by member)."""
    fairtrade = session.scalar(select(CertScheme.id).where(CertScheme.code == "fairtrade"))
    for row in plan.rows:
        assert row.action == NEW and row.data is not None
        member = members.create_member(session, actor, row.data, today=TODAY)
        if row.status and row.status != MemberStatus.ACTIVE:
            members.change_status(
                session,
                actor,
                member.id,
                MemberStatus(row.status),
                row.status_date or TODAY,
                row.status_reason or _(IMPORT_REASON),
            )
        if row.fairtrade_write is not None:
            in_scope, since, notes = row.fairtrade_write
            certification.set_member_scheme(
                session, actor, member.id, fairtrade, in_scope, since, notes, today=TODAY
            )
        plots = {fold(p.name): p.id for p in member.plots}
        for name, override, reason in row.organic_writes:
            certification.set_plot_organic(
                session,
                actor,
                plots[fold(name)],
                None,
                override,
                reason if override is not None else "",
                today=TODAY,
            )
    session.flush()


def test_the_bulk_path_stores_and_records_what_the_services_do(db, actor, tmp_path):
    roster = read_roster(roster_file(tmp_path / "padron.xlsx"), today=TODAY)
    with db.reading(actor) as s:
        plan = member_import.plan_import(s, actor, roster, today=TODAY)
    assert [r.action for r in plan.rows] == [NEW] * 4, [r.summary for r in plan.rows]
    assert sum(len(r.organic_writes) for r in plan.rows) == 2  # T1 and organic: overrides
    with pytest.raises(Rollback):
        with db.transaction(actor) as s:
            start = _head(s)
            through_the_services(s, actor, plan)
            expected = records_after(s, start)
            stored_by_services = _stored_rows(s)
            raise Rollback
    with db.transaction(actor) as s:
        start = _head(s)
        result = member_import.apply_import(s, actor, roster, today=TODAY, plan=plan)
        recorded = records_after(s, start)
    assert (result.created, result.certifications) == (4, 5)  # 3 scopes, 2 plots
    tables = sorted({r[1] for r in expected})
    assert tables == ["member", "member_scheme", "member_status_change", "plot", "plot_organic"]
    assert recorded == expected
    with db.reading(actor) as s:
        assert _stored_rows(s) == stored_by_services
        assert verify(s, actor, TODAY).errors == []
        withdrawn = members.find_member_id(s, actor, "C-2")
        assert members.get_member(s, actor, withdrawn or 0).status == MemberStatus.WITHDRAWN
        history = select(MemberStatusChange.new_status).where(
            MemberStatusChange.member_id == withdrawn
        )
        assert s.scalars(history.order_by(MemberStatusChange.id)).all() == ["active", "withdrawn"]


def _head(session):
    return session.scalar(select(AuditRecord.id).order_by(AuditRecord.id.desc()).limit(1)) or 0


def _stored_rows(session):
    """Every member and plot as stored, ids and times aside."""
    out = []
    for model in (Member, Plot):
        table = model.__table__
        for row in session.execute(select(table).order_by(table.c.id)):
            out.append({k: v for k, v in row._mapping.items() if k not in STAMPS})
    return out


def test_a_large_roster_verifies_and_batches_link_to_each_other(db, actor, tmp_path):
    """More rows than a batch: ids follow each other across batches, every audit record
    equals its row, the chain holds, and a second import of the file changes nothing."""
    n = member_import.BATCH + 7
    rows = [
        [f"B-{i}", "Huamán", f"Socio {i}", f"{40_000_000 + i:08d}", "M", None, "01/03/2015"]
        + [None, None, None, "1.5", "0,75", None, None, "T2", "Sí", None, None]
        for i in range(1, n + 1)
    ]
    roster = read_roster(roster_file(tmp_path / "big.xlsx", rows), today=TODAY)
    with db.transaction(actor) as s:
        result = member_import.apply_import(s, actor, roster, today=TODAY)
    assert result.created == n
    with db.reading(actor) as s:
        assert verify(s, actor, TODAY).errors == []
        assert s.scalar(select(Plot.id).where(Plot.member_id == _id_of(s, f"B-{n}")))
        again = member_import.plan_import(s, actor, roster, today=TODAY)
    assert {r.action for r in again.rows} == {"unchanged"}


def _id_of(session, code):
    return session.scalar(select(Member.id).where(Member.code == code))


def test_the_previews_plan_is_applied_unless_the_register_changed(db, actor, tmp_path, monkeypatch):
    roster = read_roster(roster_file(tmp_path / "padron.xlsx"), today=TODAY)
    with db.reading(actor) as s:
        plan = member_import.plan_import(s, actor, roster, today=TODAY)
    planned = []
    real_plan = member_import.plan_import

    def counted(*args, **kwargs):
        planned.append(1)
        return real_plan(*args, **kwargs)

    monkeypatch.setattr(member_import, "plan_import", counted)
    # Someone registers C-1 after the preview: the plan is made again, C-1 is updated.
    from tests.unit.test_member_services import make_input

    with db.transaction(actor) as s:
        members.create_member(s, actor, make_input("C-1"), today=TODAY)
    with db.transaction(actor) as s:
        result = member_import.apply_import(s, actor, roster, today=TODAY, plan=plan)
    assert planned == [1]
    assert result.plan.rows[0].action == UPDATE and result.created == 3
    # Unchanged register: the preview's plan is the one applied (no second plan).
    other = read_roster(roster_file(tmp_path / "otro.xlsx", [["C-9", *ROWS[2][1:]]]), today=TODAY)
    with db.reading(actor) as s:
        preview = real_plan(s, actor, other, today=TODAY)
    with db.transaction(actor) as s:
        result = member_import.apply_import(s, actor, other, today=TODAY, plan=preview)
    assert planned == [1] and result.plan is preview and result.created == 1
    # Another roster, another day or another default join date: planned again.
    with db.reading(actor) as s:
        preview = real_plan(s, actor, other, today=TODAY)
    with db.transaction(actor) as s:
        member_import.apply_import(s, actor, roster, today=TODAY, plan=preview)
    assert planned == [1, 1]
    with db.reading(actor) as s:
        assert verify(s, actor, TODAY).errors == []


def test_the_limits_are_checked_on_rows_inserted_in_bulk():
    """The flush's limit guard does not see rows inserted without a flush: the bulk path
    checks them with the guard's own checks."""
    check = limit_guard.row_checker(Member.__table__)
    values = {
        "id": 1,
        "code": "C-1",
        "first_names": "A" * 500,
        "surnames": "B",
        "gender": "F",
        "join_date": date(1700, 1, 1),
        "status_date": TODAY,
    }
    assert {p.field for p in check(values)} == {"first_names", "join_date"}
    assert check({**values, "first_names": "A", "join_date": TODAY}) == []


def test_a_limit_beyond_in_a_bulk_row_refuses_the_whole_import(db, actor, tmp_path, monkeypatch):
    """A value the plan let through but the limits refuse (here: a limit made smaller than
    the plan knows) stops the import with the row named; nothing is written."""
    roster = read_roster(roster_file(tmp_path / "padron.xlsx"), today=TODAY)
    monkeypatch.setitem(
        limit_guard._COLUMN_CHECKS,
        ("plot", "varieties"),
        lambda v: "too long" if len(v) > 5 else None,
    )
    with pytest.raises(ValidationError) as err:
        with db.transaction(actor) as s:
            member_import.apply_import(s, actor, roster, today=TODAY)
    assert [(p.field, p.row) for p in err.value.problems] == [("varieties", 3)]
    with db.reading(actor) as s:
        assert members.list_members(s, actor) == []


def test_a_code_registered_meanwhile_names_the_batch_that_failed(db, actor, tmp_path, monkeypatch):
    """One batch per row: on SQLite the batches' inserts run while the next ones are made
    (``audit.bulk_inserts``), so the unique constraint refuses C-3 after later batches were
    made; the user is still told which rows, nothing is imported, and the interpreter's
    switch interval is as before."""
    from tests.unit.test_member_services import make_input

    monkeypatch.setattr(member_import, "BATCH", 1)
    roster = read_roster(roster_file(tmp_path / "padron.xlsx"), today=TODAY)
    with db.reading(actor) as s:
        plan = member_import.plan_import(s, actor, roster, today=TODAY)
    with db.transaction(actor) as s:
        members.create_member(s, actor, make_input("C-3", dni="99999999"), today=TODAY)
    interval = sys.getswitchinterval()
    with pytest.raises(ValidationError) as err:
        with db.transaction(actor) as s:
            # The preview's plan, as if made before C-3 was registered (the basis is now).
            plan = dataclasses.replace(plan, basis=member_import._basis(s, TODAY, None))
            member_import.apply_import(s, actor, roster, today=TODAY, plan=plan)
    message = err.value.problems[0].message
    assert "registered by another user" in message and "rows 5 to 5" in message, message  # C-3
    assert sys.getswitchinterval() == interval
    with db.reading(actor) as s:
        assert [m.code for m in members.list_members(s, actor)] == ["C-3"]
        assert verify(s, actor, TODAY).errors == []


def _member_row(session, code):
    build = audit.row_builder(Member.__table__, session.get_bind().dialect)
    return build(
        {
            "code": code,
            "first_names": "Ana",
            "surnames": "Rojas",
            "gender": "F",
            "join_date": TODAY,
            "status_date": TODAY,
        }
    )


def test_nothing_runs_on_the_connection_while_bulk_inserts_are_queued(db, actor):
    """Every statement on the session's connection waits for the queued inserts (a read
    sees them); a failed insert is raised at the next statement, again when the block ends,
    and nothing is committed. The switch interval is as before, whatever happened."""
    interval = sys.getswitchinterval()
    fast = BULK_SWITCH_INTERVAL if db.is_sqlite else interval
    with db.transaction(actor) as s:
        with audit.bulk_inserts(s):
            audit.insert_audited(s, Member.__table__, [(1, *_member_row(s, "K-1")[1:])])
            assert sys.getswitchinterval() == pytest.approx(fast)
            assert s.scalars(select(Member.code)).all() == ["K-1"]
        assert sys.getswitchinterval() == interval
    with pytest.raises(DatabaseError, match="UNIQUE|unique|duplicate"):
        with db.transaction(actor) as s:
            with audit.bulk_inserts(s):
                # The same code again: the unique constraint refuses it (on PostgreSQL
                # here; on SQLite in the bulk's thread, raised at the next statement).
                audit.insert_audited(s, Member.__table__, [(2, *_member_row(s, "K-1")[1:])])
                with pytest.raises(IntegrityError):
                    s.scalars(select(Member.code)).all()
                with pytest.raises(IntegrityError):
                    s.execute(select(Member.code))
    assert sys.getswitchinterval() == interval
    with db.reading(actor) as s:
        assert s.scalars(select(Member.code)).all() == ["K-1"]
        assert verify(s, actor, TODAY).errors == []


def test_an_import_cancelled_between_batches_writes_nothing(db, actor, tmp_path, monkeypatch):
    """The wizard's Cancel raises from the progress report, after a batch whose inserts may
    still be queued (SQLite): they are dropped, the transaction rolled back, nothing kept."""
    monkeypatch.setattr(member_import, "BATCH", 1)
    roster = read_roster(roster_file(tmp_path / "padron.xlsx"), today=TODAY)
    interval = sys.getswitchinterval()

    def cancel(done, _total, _text):
        if done == 2:
            raise Rollback

    with pytest.raises(Rollback):
        with db.transaction(actor) as s:
            member_import.apply_import(s, actor, roster, today=TODAY, progress=cancel)
    assert sys.getswitchinterval() == interval
    with db.reading(actor) as s:
        assert members.list_members(s, actor) == []
        assert verify(s, actor, TODAY).errors == []


def test_a_roster_planned_by_the_import_is_inserted_while_planned_and_refused_whole(
    db, actor, tmp_path, monkeypatch
):
    """Without a preview's plan the import plans the roster itself, in its transaction, and
    inserts each batch's new members while the next batch is planned. A row with an error
    after some batches were inserted refuses the import (every row's plan is in the
    refusal, for the report) and the rollback keeps nothing; with ``skip_invalid`` the
    valid rows are imported, as the preview's plan would import them."""
    monkeypatch.setattr(member_import, "BATCH", 1)
    made = []
    real_create = member_import._create_batch

    def create(session, actor, rows, *args):
        made.append([r.row for r in rows])
        return real_create(session, actor, rows, *args)

    monkeypatch.setattr(member_import, "_create_batch", create)
    bad = ["C-9", "Soto", "Rosa", None, "X", None, "01/01/2020"] + [None] * 11  # sex "X"
    roster = read_roster(roster_file(tmp_path / "padron.xlsx", [*ROWS, bad]), today=TODAY)
    with pytest.raises(member_import.ImportRefused) as refused:
        with db.transaction(actor) as s:
            member_import.apply_import(s, actor, roster, today=TODAY)
    assert made == [[3], [4], [5], [6]]  # inserted before the last row was planned
    plan = refused.value.plan
    assert [r.action for r in plan.rows] == [NEW] * 4 + ["error"]
    assert [(p.field, p.row) for p in refused.value.problems] == [("gender", 7)]
    with db.reading(actor) as s:
        assert members.list_members(s, actor) == []
        assert verify(s, actor, TODAY).errors == []
    with db.reading(actor) as s:
        preview = member_import.plan_import(s, actor, roster, today=TODAY)
    made.clear()
    with db.transaction(actor) as s:
        result = member_import.apply_import(s, actor, roster, today=TODAY, skip_invalid=True)
    assert made == [[3], [4], [5], [6]]
    assert (result.created, result.rejected) == (4, 1)
    assert [(r.row, r.action, r.summary) for r in result.plan.rows] == [
        (r.row, r.action, r.summary) for r in preview.rows
    ]
    with db.reading(actor) as s:
        assert [m.code for m in members.list_members(s, actor)] == ["C-1", "C-2", "C-3", "C-4"]
        assert verify(s, actor, TODAY).errors == []
