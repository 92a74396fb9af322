"""The register page by page: what the paged members table asks of the services."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from coop_desk.db import Database
from coop_desk.services import members
from coop_desk.services.access import SYSTEM
from coop_desk.services.members import MemberFilter

ORDERS = ["code", "surnames", "name", "community", "join_date", "plot_count", "coffee_area_ha"]


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


@pytest.mark.parametrize("order_by", ORDERS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_put_together_are_the_whole_list(demo_db, order_by, descending):
    flt = MemberFilter(gender="F")
    with demo_db.reading(SYSTEM) as s:
        whole = members.list_members(s, SYSTEM, flt, order_by=order_by, descending=descending)
        pages = [
            members.list_members(
                s, SYSTEM, flt, order_by=order_by, descending=descending, limit=17, offset=offset
            )
            for offset in range(0, len(whole) + 17, 17)
        ]
    assert len(whole) > 17 * 3
    assert [row for page in pages for row in page] == whole  # the plot sums included
    assert any(row.plot_count > 1 for row in whole)


@pytest.mark.parametrize("order_by", ["code", "surnames", "coffee_area_ha"])
def test_position_is_where_the_list_shows_the_member(demo_db, order_by):
    flt = MemberFilter(text="a")
    with demo_db.reading(SYSTEM) as s:
        whole = members.list_members(s, SYSTEM, flt, order_by=order_by, descending=True)
        for i in (0, 7, len(whole) - 1):
            assert (
                members.member_position(
                    s, SYSTEM, whole[i].id, flt, order_by=order_by, descending=True
                )
                == i
            )
        left_out = members.list_members(s, SYSTEM, MemberFilter(text="zzzz-none"))
        assert left_out == []
        assert members.member_position(s, SYSTEM, whole[0].id, MemberFilter(text="zz9")) is None


def test_the_members_page_costs_the_same_queries_for_a_page_of_any_size(demo_db):
    """No query per row: a page of 5 or of 150 members, its plot sums and the counts."""
    counts = []
    for limit in (5, 150):
        with statements(demo_db) as seen, demo_db.reading(SYSTEM) as s:
            rows = members.list_members(s, SYSTEM, MemberFilter(), limit=limit)
            members.register_counts(s, SYSTEM, MemberFilter())
        assert len(rows) == limit
        counts.append(len([q for q in seen if q.lstrip().upper().startswith("SELECT")]))
    assert counts[0] == counts[1] == 3  # the page, its members' plot sums, the counts
