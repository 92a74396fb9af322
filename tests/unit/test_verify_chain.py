"""``verify``'s trail checks at speed: each record hashed from its stored columns (the same
bytes as ``record_hash``), a long trail in a SQLite file split between two processes without
losing a finding at the split, and rows written as canonical JSON without a snapshot dict."""

from __future__ import annotations

import enum
import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, MetaData, String, Table, select, text, type_coerce

from coop_desk.models import AuditRecord
from coop_desk.services import audit, members
from coop_desk.services.access import SYSTEM
from coop_desk.services.audit import checks as audit_checks
from coop_desk.services.audit.canonical import (
    at_iso,
    at_reader,
    canonical,
    row_canonical,
    snapshot,
    stored_record_hash,
)
from tests.unit.test_member_services import make_input

texts = st.text()  # every code point, quotes, backslashes, control characters
maybe_text = st.none() | texts


def _canonical_hash(values: tuple[object, ...]) -> str:
    """The record format as documented: SHA-256 of the sorted, compact JSON of the content."""
    keys = ("id", "at", "username", "user_id", "action", "table", "record_id")
    keys += ("before", "after", "reason", "prev_hash")
    content = dict(zip(keys, values, strict=True))
    data = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@given(
    st.tuples(
        st.integers(min_value=-(2**63), max_value=2**63),
        texts,
        texts,
        st.none() | st.integers(),
        texts,
        texts,
        texts,
        maybe_text,
        maybe_text,
        texts,
        texts,
    )
)
def test_a_records_hash_is_the_sha256_of_its_canonical_json(values):
    assert stored_record_hash(values) == _canonical_hash(values)


@pytest.mark.parametrize(
    "odd",
    [
        (1, "2026-01-01T00:00:00+00:00", 42, None, "insert", "member", "1", None, "{}", "", "0"),
        (1, "t", "u", "7", "insert", "member", "1", None, "{}", "", "0"),  # text in user_id
        (1, "t", "u", True, "insert", "member", "1", 3, 2.5, "", "0"),
        (2.0, "t", "u", None, "insert", "member", "1", None, None, "", "0"),
    ],
)
def test_a_forged_record_with_values_of_other_types_hashes_as_canonical_json(odd):
    assert stored_record_hash(odd) == _canonical_hash(odd)


def test_the_time_as_stored_gives_the_iso_form_the_hash_was_made_of(db):
    """Read raw (text on SQLite, a datetime on PostgreSQL), ``at`` gives what the ORM's
    aware datetime gives, with and without microseconds."""
    with db.transaction(SYSTEM) as s:
        members.create_member(s, SYSTEM, make_input())
    t = AuditRecord.__table__
    with db.engine.begin() as conn:
        conn.execute(
            t.update().where(t.c.id == 1).values(at=datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC))
        )
    with db.reading(SYSTEM) as s:
        read = at_reader(s.get_bind().dialect)
        raw = dict(s.execute(select(t.c.id, type_coerce(t.c.at, String))).tuples().all())
        typed = dict(s.execute(select(AuditRecord.id, AuditRecord.at)).tuples().all())
    assert typed[1].microsecond == 0
    for rid, value in raw.items():
        assert at_iso(value, read) == typed[rid].astimezone(UTC).isoformat()


def test_sqlite_times_in_other_forms_are_read_by_the_column_type(sqlite_db):
    with sqlite_db.reading(SYSTEM) as s:
        read = at_reader(s.get_bind().dialect)
    assert at_iso("2026-03-04 05:06:07.000100", read) == "2026-03-04T05:06:07.000100+00:00"
    assert at_iso("2026-03-04 05:06:07.000000", read) == "2026-03-04T05:06:07+00:00"
    assert at_iso("2026-03-04 05:06:07", read) == "2026-03-04T05:06:07+00:00"
    with pytest.raises(ValueError):
        at_iso("2026-02-30 05:06:07.000000", read)  # as the ORM would: no such day


def _trail(db) -> tuple[int, int]:
    with db.transaction(SYSTEM) as s:
        for n in range(1, 9):
            members.create_member(s, SYSTEM, make_input(f"CPGP-{n}", dni=f"1000000{n}"))
    with db.reading(SYSTEM) as s:
        lo, hi = s.execute(text("SELECT min(id), max(id) FROM audit_record")).one()
    return lo, hi


def _chain(db, monkeypatch, split: bool) -> list[tuple[str, str]]:
    monkeypatch.setattr(audit_checks, "WORKERS_FROM", 2 if split else 10**9)
    with db.reading(SYSTEM) as s:
        return [(f.record, f.message) for f in audit_checks.check_chain(s, date.today())]


def test_a_split_chain_names_what_one_process_names(sqlite_db, monkeypatch):
    lo, hi = _trail(sqlite_db)
    mid = (lo + hi) // 2
    here = []
    read_here = audit_checks._chain_part
    monkeypatch.setattr(
        audit_checks, "_chain_part", lambda *args: here.append(args[1:]) or read_here(*args)
    )
    assert _chain(sqlite_db, monkeypatch, split=True) == []
    assert here == []  # both halves in the workers
    with sqlite_db.engine.begin() as conn:  # a forger with sqlite3
        # a record in the upper half (checked by the worker) rewritten
        conn.execute(
            text("UPDATE audit_record SET username = 'nadie' WHERE id = :i"), {"i": hi - 1}
        )
        # the first record of the upper half deleted: the gap is at the split
        conn.execute(text("DELETE FROM audit_record WHERE id = :i"), {"i": mid + 1})
        # a record in the lower half rewritten
        conn.execute(text("UPDATE audit_record SET reason = 'x' WHERE id = :i"), {"i": lo + 1})
    split = _chain(sqlite_db, monkeypatch, split=True)
    assert split == _chain(sqlite_db, monkeypatch, split=False)
    named = [record for record, _message in split]
    assert named == [
        f"audit_record {lo + 1}",
        f"audit_record {mid + 2}",  # records mid+1 missing ...
        f"audit_record {mid + 2}",  # ... so mid+2 does not link to mid
        f"audit_record {hi - 1}",
    ]
    assert f"audit record {mid + 1} are missing" in split[1][1]
    assert "nadie" in split[3][1] and "was altered" in split[3][1]


def test_a_split_chain_checks_the_link_between_its_halves(sqlite_db, monkeypatch):
    lo, hi = _trail(sqlite_db)
    mid = (lo + hi) // 2
    with sqlite_db.engine.begin() as conn:  # the upper half's first link cut, its hash kept
        conn.execute(
            text("UPDATE audit_record SET prev_hash = :h WHERE id = :i"),
            {"h": audit.GENESIS_HASH, "i": mid + 1},
        )
    split = _chain(sqlite_db, monkeypatch, split=True)
    assert split == _chain(sqlite_db, monkeypatch, split=False)
    assert [record for record, _message in split] == [f"audit_record {mid + 1}"] * 2
    assert "does not link" in split[0][1] and "was altered" in split[1][1]


def test_a_split_chain_counts_altered_records_past_the_examples(sqlite_db, monkeypatch):
    monkeypatch.setattr(audit_checks, "MAX_FINDINGS_PER_TABLE", 3)
    _trail(sqlite_db)
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_record SET reason = 'forged'"))
    split = _chain(sqlite_db, monkeypatch, split=True)
    assert split == _chain(sqlite_db, monkeypatch, split=False)
    assert len(split) == 4 and "more audit records were altered" in split[-1][1]


class Colour(enum.Enum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


values = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.text()
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.dates()
    | st.datetimes(timezones=st.none() | st.just(UTC))
    | st.floats(allow_nan=False)
    | st.sampled_from([Colour.RED, Level.HIGH, b"\x00\xff"])
)
WIDE = Table(
    "wide", MetaData(), *(Column(name, String) for name in ("id", "b", "a", "ü", "A", "a b", "z"))
)


@given(st.tuples(*(values for _column in WIDE.columns)))
def test_a_rows_canonical_text_is_its_snapshots_canonical_json(row):
    """Whatever the values (those of other types through the snapshot's own path), the text
    is the canonical JSON of the snapshot, keys in sorted order."""
    assert row_canonical(WIDE)(row) == canonical(
        snapshot(WIDE, dict(zip(WIDE.c.keys(), row, strict=True)))
    )


def test_trail_checks_in_worker_processes_find_what_they_find_here(sqlite_db, monkeypatch):
    """On a long trail in a SQLite file, ``verify`` runs the chain's halves, the contents,
    the posted entries and the sequences in worker processes: the same findings, in the same
    order and the same language, as when it runs them itself."""
    from coop_desk import i18n
    from coop_desk.services.verify import verify

    _trail(sqlite_db)
    with sqlite_db.engine.begin() as conn:  # a forger with sqlite3
        conn.execute(text("UPDATE member SET phone = '999' WHERE id = 2"))
        conn.execute(text("DELETE FROM member_status_change WHERE member_id = 3"))
        conn.execute(text("UPDATE audit_record SET reason = 'x' WHERE id = 5"))
        conn.execute(
            text(
                "INSERT INTO audit_record (id, at, username, action, table_name, record_id, "
                "before, after, reason, prev_hash, hash) SELECT id + 1000, at, username, "
                "action, table_name, record_id, before, after, reason, prev_hash, hash || 'x' "
                "FROM audit_record WHERE id = 7"
            )
        )
    found = {}
    for split in (False, True):
        monkeypatch.setattr(audit_checks, "WORKERS_FROM", 2 if split else 10**9)
        if split:  # run here, they would fail
            for name in audit_checks._IN_WORKERS:
                monkeypatch.setitem(audit_checks._IN_WORKERS, name, _not_here)
            monkeypatch.setattr(audit_checks, "_chain_part", _not_here)
        with i18n.use_language("es"), sqlite_db.reading(SYSTEM) as s:
            found[split] = verify(s, SYSTEM).findings
    assert found[True] == found[False]
    checks = {f.check for f in found[True]}
    assert {"audit.chain", "audit.content", "audit.sequence"} <= checks
    assert any("999" in f.message and "fuera de coop-desk" in f.message for f in found[True])


def _not_here(*_args: object) -> list[object]:
    raise AssertionError("run in this process")


class _NoProcesses(ThreadPoolExecutor):
    """A pool that cannot start a process (a locked-down PC)."""

    def submit(self, *_args: object, **_kwargs: object):  # type: ignore[override]
        raise RuntimeError("no process may be started here")


def test_without_worker_processes_the_trail_is_checked_here(sqlite_db, monkeypatch):
    from coop_desk.services import verify as verify_module

    _trail(sqlite_db)
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_record SET reason = 'x' WHERE id = 5"))
        conn.execute(text("UPDATE member SET phone = '999' WHERE id = 2"))
    monkeypatch.setattr(audit_checks, "WORKERS_FROM", 10**9)
    with sqlite_db.reading(SYSTEM) as s:
        expected = verify_module.verify(s, SYSTEM).findings
    monkeypatch.setattr(audit_checks, "WORKERS_FROM", 2)
    monkeypatch.setattr(verify_module, "worker_pool", _NoProcesses)
    monkeypatch.setattr(audit_checks, "worker_pool", _NoProcesses)
    with sqlite_db.reading(SYSTEM) as s:
        assert verify_module.verify(s, SYSTEM).findings == expected
        assert audit_checks.check_chain(s, date.today()) == [
            f for f in expected if f.check == "audit.chain"
        ]
    assert {"audit.chain", "audit.content"} <= {f.check for f in expected}
