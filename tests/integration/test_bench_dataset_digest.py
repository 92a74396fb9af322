"""The benchmark generator keeps producing the same data set: a digest of every table's content
(schema, rows, the audit trail) at a small scale, taken before the generator was made faster
(issue 14), must not change. The full-scale figures (``verify`` and the others) then stay
comparable with the ones measured on earlier builds.

What the migrations and the services stamp "now" (the set-up records' ``at`` and
``created_at``) is replaced by ``<now>`` in the digest, and the chain's hashes, which cover those
stamps, are left out (the records' content is kept); everything else is derived from the seeded generator and ``as_of``. That
the chain holds is ``verify``'s check (``test_bench_dataset``). Changing what the generator
writes on purpose means bumping ``dataset.GENERATOR_VERSION`` and recording the new digest."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks import dataset
from coop_desk.db import Database
from coop_desk.services.access import SYSTEM
from coop_desk.services.verify import verify
from tests.conftest import TODAY

# Crosses the writers' batch size (10,000 rows) and two fiscal year closes.
SMALL = dataset.Scale(members=2_000, postings=30_000, years=3, projects=12, contracts_per_year=10)
# The digest of the generator of GENERATOR_VERSION 3, before issue 14's speed-up.
DIGEST = "d90331514a17dffee8b33c981ee2868c3fa770b25466396d72bd522d75752f12"

# A year close notes the chain's head ("id:hash"), a hash covering those stamps too.
_HEAD = re.compile(r"\b(\d+):[0-9a-f]{64}\b")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:\+00:00)?")


def digest(path: Path, since: datetime, until: datetime) -> str:
    """SHA-256 over the schema (sorted by name, each statement's lines sorted) and every table's rows in rowid order, the
    timestamps between ``since`` and ``until`` (UTC) written as ``<now>``."""

    def stamp(match: re.Match[str]) -> str:
        text = match.group(0)
        when = datetime.fromisoformat(text.replace(" ", "T"))
        when = when.replace(tzinfo=UTC) if when.tzinfo is None else when
        return "<now>" if since <= when <= until else text

    def value(v: object) -> object:
        return _HEAD.sub(r"\1:<head>", _STAMP.sub(stamp, v)) if isinstance(v, str) else v

    h = hashlib.sha256()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        schema = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        # Lines sorted: a batch migration writes a table's constraints in an order that varies
        # from run to run (a set).
        h.update(
            repr([(t, n, tn, sorted((sql or "").split("\n"))) for t, n, tn, sql in schema]).encode()
        )
        tables = [n for t, n, _, _ in schema if t == "table" and not n.startswith("sqlite_")]
        for table in tables:
            columns = [c[1] for c in conn.execute(f'PRAGMA table_info("{table}")')]
            h.update(f"\n{table} {columns}\n".encode())
            chained = table == "audit_record"
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                if chained:
                    row = row[:-2]  # prev_hash, hash
                h.update(repr(tuple(value(v) for v in row)).encode())
    finally:
        conn.close()
    return h.hexdigest()


def test_generator_writes_the_same_data_set(tmp_path: Path) -> None:
    path = tmp_path / "bench.sqlite"
    since = datetime.now(UTC) - timedelta(seconds=1)
    report = dataset.build(path, SMALL, TODAY)
    until = datetime.now(UTC) + timedelta(seconds=1)
    assert report.rows["posting"] > SMALL.postings * 0.99
    assert digest(path, since, until) == DIGEST
    db = Database.open(path)
    try:
        with db.reading(SYSTEM) as s:
            result = verify(s, SYSTEM, TODAY)
        assert [f.describe() for f in result.errors] == []
    finally:
        db.close()
