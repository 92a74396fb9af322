"""Member register services, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from coop_desk.domain.members import MemberInput, MemberStatus, PlotInput
from coop_desk.errors import ValidationError
from coop_desk.services import members
from coop_desk.services.members import MemberFilter


def make_input(code: str = "CPGP-1", **over: object) -> MemberInput:
    base: dict[str, object] = dict(
        code=code,
        first_names="Rosa Elvira",
        surnames="Núñez Vega",
        gender="F",
        join_date=date(2015, 3, 1),
        dni="01234567",
        birth_date=date(1980, 5, 17),
        community="La Palma",
        plots=(
            PlotInput(name="La Loma", total_area_ha=Decimal("2.5"), coffee_area_ha=Decimal("1.75")),
        ),
    )
    base.update(over)
    return MemberInput(**base)  # type: ignore[arg-type]


def test_create_and_read_back(db, actor):
    with db.transaction(actor) as s:
        created = members.create_member(s, actor, make_input())
    with db.reading(actor) as s:
        detail = members.get_member(s, actor, created.id)
        rows = members.list_members(s, actor)
    assert detail.dni == "01234567"
    assert detail.plots[0].coffee_area_ha == Decimal("1.75")
    assert detail.history[0].new_status == "active"
    assert rows[0].total_area_ha == Decimal("2.5")
    assert rows[0].coffee_area_ha == Decimal("1.75")
    assert rows[0].plot_count == 1


def test_search_ignores_case_and_accents(db, actor):
    with db.transaction(actor) as s:
        members.create_member(s, actor, make_input("A-1"))
        members.create_member(
            s,
            actor,
            make_input(
                "A-2", first_names="José", surnames="Pérez Díaz", dni="76543210", gender="M"
            ),
        )
    with db.reading(actor) as s:
        found = members.list_members(s, actor, MemberFilter(text="nunez"))
        by_dni = members.list_members(s, actor, MemberFilter(text="7654"))
        both_words = members.list_members(s, actor, MemberFilter(text="JOSE diaz"))
    assert [r.code for r in found] == ["A-1"]
    assert [r.code for r in by_dni] == ["A-2"]
    assert [r.code for r in both_words] == ["A-2"]


def test_duplicate_code_and_dni_are_refused_with_every_problem(db, actor):
    with db.transaction(actor) as s:
        members.create_member(s, actor, make_input("A-1"))
    with pytest.raises(ValidationError) as err:
        with db.transaction(actor) as s:
            members.create_member(s, actor, make_input("a-1", first_names=""))
    fields = {p.field for p in err.value.problems}
    assert fields == {"code", "dni", "first_names"}
    with db.reading(actor) as s:
        assert len(members.list_members(s, actor)) == 1


def test_status_change_keeps_history(db, actor):
    with db.transaction(actor) as s:
        member_id = members.create_member(s, actor, make_input()).id
    with db.transaction(actor) as s:
        members.change_status(
            s, actor, member_id, MemberStatus.WITHDRAWN, date(2024, 1, 5), "moved away"
        )
    with db.reading(actor) as s:
        detail = members.get_member(s, actor, member_id)
    assert detail.status == "withdrawn"
    assert [(h.old_status, h.new_status) for h in detail.history] == [
        (None, "active"),
        ("active", "withdrawn"),
    ]
    assert detail.history[-1].reason == "moved away"


def test_status_change_needs_a_reason(db, actor):
    with db.transaction(actor) as s:
        member_id = members.create_member(s, actor, make_input()).id
    with pytest.raises(ValidationError) as err:
        with db.transaction(actor) as s:
            members.change_status(
                s, actor, member_id, MemberStatus.SUSPENDED, date(2024, 1, 5), " "
            )
    assert [p.field for p in err.value.problems] == ["reason"]


def test_update_edits_plots_and_removes_missing_ones(db, actor):
    with db.transaction(actor) as s:
        detail = members.create_member(
            s,
            actor,
            make_input(
                plots=(
                    PlotInput(name="A", total_area_ha=Decimal("1"), coffee_area_ha=Decimal("1")),
                    PlotInput(name="B", total_area_ha=Decimal("2"), coffee_area_ha=Decimal("1")),
                )
            ),
        )
    first = detail.plots[0]
    edited = make_input(
        phone="987654321",
        plots=(
            PlotInput(
                id=first.id, name="A2", total_area_ha=Decimal("1.5"), coffee_area_ha=Decimal("1.25")
            ),
            PlotInput(name="C", total_area_ha=Decimal("0.5"), coffee_area_ha=Decimal("0")),
        ),
    )
    with db.transaction(actor) as s:
        members.update_member(s, actor, detail.id, edited)
    with db.reading(actor) as s:
        after = members.get_member(s, actor, detail.id)
    assert [p.name for p in after.plots] == ["A2", "C"]
    assert after.plots[0].id == first.id
    assert after.phone == "987654321"


def test_natural_code_order_and_counts(db, actor):
    with db.transaction(actor) as s:
        for n, gender in ((10, "M"), (9, "F"), (100, "M")):
            members.create_member(s, actor, make_input(f"X-{n}", dni=None, gender=gender))
    with db.reading(actor) as s:
        codes = [r.code for r in members.list_members(s, actor)]
        counts = members.register_counts(s, actor)
    assert codes == ["X-9", "X-10", "X-100"]
    assert counts.members == 3 and counts.women == 1


def test_demo_register_loads_for_any_today(sqlite_db, actor):
    """The demo is built relative to the date it is given, including dates after the real one."""
    from coop_desk.services.demo import members as demo_members

    future = date(2031, 3, 1)
    with sqlite_db.transaction(actor) as s:
        demo_members.load(s, actor, future)
    with sqlite_db.reading(actor) as s:
        counts = members.register_counts(s, actor)
    assert counts.members == 188
    assert 0.25 < float(counts.women_share) < 0.35
