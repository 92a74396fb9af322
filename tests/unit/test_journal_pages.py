"""The journal page by page: what the paged journal tab asks of the services."""

from __future__ import annotations

import pytest

from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import journal
from coop_desk.services.ledger.journal import JournalFilter


@pytest.mark.parametrize("descending", [False, True])
def test_pages_of_entries_and_postings_put_together_are_the_whole_journal(demo_db, descending):
    flt = JournalFilter()
    with demo_db.reading(SYSTEM) as s:
        entries = journal.list_entries(s, SYSTEM, flt, descending=descending)
        lines = journal.list_journal_lines(s, SYSTEM, flt, descending=descending)
        entry_pages = [
            journal.list_entries(s, SYSTEM, flt, descending=descending, limit=7, offset=o)
            for o in range(0, len(entries) + 7, 7)
        ]
        line_pages = [
            journal.list_journal_lines(s, SYSTEM, flt, descending=descending, limit=11, offset=o)
            for o in range(0, len(lines) + 11, 11)
        ]
        counts = journal.count_journal(s, SYSTEM, flt)
    assert [r for p in entry_pages for r in p] == entries
    assert [r for p in line_pages for r in p] == lines
    assert (counts.entries, counts.postings) == (len(entries), len(lines))
    assert len(lines) > len(entries) > 20
    order = [(r.entry_date, r.fiscal_year, r.seq) for r in entries]
    assert order == sorted(order, reverse=descending)
    assert [r.entry_id for r in lines if r.line == 1] == [r.id for r in entries]


@pytest.mark.parametrize("descending", [False, True])
def test_position_is_where_the_journal_shows_the_entry(demo_db, descending):
    flt = JournalFilter(year=2025)
    with demo_db.reading(SYSTEM) as s:
        entries = journal.list_entries(s, SYSTEM, flt, descending=descending)
        lines = journal.list_journal_lines(s, SYSTEM, flt, descending=descending)
        for i in (0, 5, len(entries) - 1):
            entry = entries[i]
            assert journal.journal_position(s, SYSTEM, entry.id, flt, descending=descending) == i
            first_line = next(n for n, r in enumerate(lines) if r.entry_id == entry.id)
            assert (
                journal.journal_position(
                    s, SYSTEM, entry.id, flt, descending=descending, postings=True
                )
                == first_line
            )
        other_year = journal.list_entries(s, SYSTEM, JournalFilter(year=2026))[0]
        assert journal.journal_position(s, SYSTEM, other_year.id, flt) is None
