"""Anchors: the trail's head noted outside the database, and the proof that the trail still
holds it.

The hash chain proves only that the trail agrees with itself: whoever holds the database file
can cut its last records, or rewrite a record and recompute every hash after it, and the chain
is whole again. What they cannot do is change a head someone noted elsewhere. An *anchor* is
such a note: record number N and its SHA-256 (``N:HASH``), and when it was taken.

Where anchors come from
    - every workbook coop-desk writes stores the head in its document properties
      (``exchange.xlsx.set_trail_head``); the audit pack shows it on its About sheet;
    - every backup appends a line to the anchor log of the folder it was written to
      (``log_copy``; ``ANCHOR_LOG``, one JSON object a line), and a backup file is itself an
      anchor: its whole trail must still be the beginning of the database's;
    - a year close records the head in ``fiscal_year_event.trail_head`` (and prints it);
    - ``coop-desk audit head`` prints it to be written down.

What checking one proves (``check_anchors``)
    - record N is still in the trail and still has that hash: nothing up to N was cut,
      rewritten or slipped in (``audit.chain`` proves the links from N to the end);
    - no record after N is dated more than ``CLOCK_TOLERANCE`` before the anchor was taken: a
      record written later with an earlier date (to look as old as the anchor) shows;
    - a backup copy given as anchor: each of its records is still in the trail, unchanged; the
      first that differs is named with the row it recorded.

What it cannot prove: records appended after the newest anchor, with true dates, by someone who
holds the file (README, "What the trail proves").
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.i18n import LANGUAGES, N_, _, ngettext, use_language
from coop_desk.services import backup
from coop_desk.services.audit.canonical import AUDIT, GENESIS_HASH
from coop_desk.services.verify import Finding, Severity, register_anchor_check

ANCHOR_LOG = "anchor-log.jsonl"
# Records of one transaction share the time it began, which can precede an anchor taken
# while it ran (an import of many minutes), and the PCs sharing a server keep their own
# clocks: a record after an anchor is named only when dated more than this before it.
CLOCK_TOLERANCE = timedelta(hours=24)
_ANCHOR = re.compile(r"(\d{1,18}):([0-9a-fA-F]{64})")
_SQLITE_MAGIC = b"SQLite format 3\x00"
_TEXT_ANCHOR_WITHIN = 64 * 1024  # bytes of a text file sought for N:HASH
CHECK = "audit.anchor"
MAX_NAMED = 50  # records named by one kind of finding before the rest is left out


class AnchorError(ValueError):
    """An anchor that cannot be read, in words."""


@dataclass(frozen=True)
class Anchor:
    """The trail's head as noted outside the database."""

    record: int  # the newest record's number (0: the trail was empty)
    hash: str  # its SHA-256
    at: datetime | None = None  # when it was noted (UTC), if known
    source: str = ""  # where it was found, for the findings ("backup 2026-11-27", a file)
    copy: Path | None = None  # a backup copy of the database: compared record by record

    @property
    def text(self) -> str:
        return f"{self.record}:{self.hash}"

    def describe(self) -> str:
        source = self.source or _("the anchor")
        return _("{source} on {time}", source=source, time=self.at) if self.at else source


def parse_anchor(text: str, source: str = "") -> Anchor:
    """``N:HASH`` (as ``coop-desk audit head`` and every export print it)."""
    match = _ANCHOR.fullmatch(text.strip())
    if match is None:
        raise AnchorError(
            _("{text} is not an anchor (RECORD:SHA-256)", text=repr(text.strip()[:80]))
        )
    record, digest = int(match[1]), match[2].lower()
    short = f"{record}:{digest[:12]}…"
    return Anchor(record, digest, source=source or _("the anchor {anchor}", anchor=short))


def current_anchor(session: Session) -> Anchor:
    """The trail's head now (for a workbook, a backup or a year close to keep)."""
    t = AUDIT
    last = session.execute(select(t.c.id, t.c.hash).order_by(t.c.id.desc()).limit(1)).first()
    now = datetime.now(UTC)
    if last is None:
        return Anchor(0, GENESIS_HASH, now)
    return Anchor(int(last.id), str(last.hash), now)


def stamp_workbook(session: Session, wb: Any) -> Anchor:
    """Store the trail's head in a workbook about to be saved (its document properties):
    every workbook coop-desk writes can later serve as an anchor."""
    from coop_desk.exchange.xlsx import set_trail_head  # openpyxl: start-up time

    anchor = current_anchor(session)
    assert anchor.at is not None
    set_trail_head(wb, anchor.text, anchor.at)
    return anchor


# --- files that hold anchors --------------------------------------------------------------------
def database_name(url: str) -> str:
    """The name a database's lines carry in an anchor log: the name its backups are filed
    under (one rule, ``services.backup.database_name``)."""
    return backup.database_name(url)


def default_anchor_logs() -> list[Path]:
    """The anchor logs ``verify`` reads unless told otherwise: the one in this computer's
    data folder's backups (copies made before an upgrade) and the one in the folder this PC's
    backups go to (File > Backups…), when that is another: each folder that receives backups
    keeps its own log."""
    logs = [backup.default_folder() / ANCHOR_LOG]
    configured = backup.configured_folder() / ANCHOR_LOG
    return logs if configured == logs[0] else [*logs, configured]


def logged_anchors(url: str) -> list[Anchor]:
    """The anchors the backups of the database at ``url`` left in the default anchor logs:
    what ``verify`` checks unless told otherwise."""
    name = database_name(url)
    return [anchor for log in default_anchor_logs() for anchor in read_anchor_log(log, name)]


def _utc(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def copy_head(path: Path) -> Anchor | None:
    """The head of the trail in a copy of a SQLite database (None: it holds no trail)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute(
            "SELECT id, hash, (SELECT max(at) FROM audit_record) FROM audit_record "
            "ORDER BY id DESC LIMIT 1"
        ).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if row is None:
        return Anchor(0, GENESIS_HASH, None, str(path), path)
    return Anchor(
        int(row[0]), str(row[1]), _utc(str(row[2])), _("the copy {path}", path=path), path
    )


def log_copy(copy: Path, *, database: str, folder: Path | None = None) -> Anchor | None:
    """After a backup: append the copy's head to the anchor log of ``folder`` (default: the
    copy's folder). Returns the anchor logged (None: the copy holds no trail)."""
    anchor = copy_head(copy)
    if anchor is None:
        return None
    line = {
        "at": datetime.now(UTC).isoformat(),
        "database": database,
        "record": anchor.record,
        "hash": anchor.hash,
        "file": str(copy),
    }
    _append_line(folder or copy.parent, line)
    return anchor


def log_restore(folder: Path, *, database: str, anchor: Anchor) -> None:
    """After a restore: the anchors logged before are no longer this database's history (the
    records after the copy's head are gone); the log keeps them, marked superseded."""
    _append_line(
        folder,
        {
            "at": datetime.now(UTC).isoformat(),
            "database": database,
            "restored": True,
            "record": anchor.record,
            "hash": anchor.hash,
        },
    )


def _append_line(folder: Path, line: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ANCHOR_LOG).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def read_anchor_log(path: Path, database: str) -> list[Anchor]:
    """The anchors of ``database`` in an anchor log, oldest first; those logged before a
    restore are left out. A damaged line is skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    anchors: list[Anchor] = []
    for number, text in enumerate(lines, start=1):
        try:
            line = json.loads(text)
            if not isinstance(line, dict) or line.get("database") != database:
                continue
            anchor = Anchor(
                int(line["record"]),
                str(line["hash"]).lower(),
                _utc(str(line.get("at", ""))),
                _("the backup of line {number} of {path}", number=number, path=path),
            )
        except (ValueError, KeyError, TypeError):
            continue
        if line.get("restored"):
            anchors = []
        elif _ANCHOR.fullmatch(anchor.text):
            anchors.append(anchor)
    return anchors


def anchors_from(text: str, database: str) -> list[Anchor]:
    """What ``--anchor`` names: ``N:HASH``, an anchor log, a backup copy of the database, a
    workbook coop-desk wrote (an audit pack, a ledger workbook, a report), or a text file
    holding ``N:HASH``."""
    if _ANCHOR.fullmatch(text.strip()):
        return [parse_anchor(text)]
    path = Path(text).expanduser()
    if not path.is_file():
        raise AnchorError(_("{text}: neither RECORD:SHA-256 nor a file", text=text))
    with path.open("rb") as handle:
        start = handle.read(len(_SQLITE_MAGIC))
    if start == _SQLITE_MAGIC:
        anchor = copy_head(path)
        if anchor is None:
            raise AnchorError(_("{path} is a database without an audit trail", path=path))
        return [anchor]
    if start.startswith(b"PK"):
        return [_workbook_anchor(path)]
    if path.name.endswith(".jsonl"):
        found = read_anchor_log(path, database)
        if not found:
            raise AnchorError(
                _("{path} holds no anchor of the database {database}", path=path, database=database)
            )
        return found
    # A note or an exported text (a Beancount file states the head in its first lines): only
    # its beginning is read, whatever its size.
    with path.open("rb") as handle:
        beginning = handle.read(_TEXT_ANCHOR_WITHIN).decode("utf-8", errors="replace")
    match = _ANCHOR.search(beginning)
    if match is None:
        raise AnchorError(_("{path} holds no anchor (RECORD:SHA-256)", path=path))
    return [parse_anchor(match[0], str(path))]


def stored_head(path: str | os.PathLike[str]) -> tuple[str, str] | None:
    """The head and its time a workbook coop-desk wrote stores (``stamp_workbook``); None
    when it holds none."""
    from coop_desk.exchange.xlsx import read_trail_head  # openpyxl: start-up time

    return read_trail_head(path)


def _workbook_anchor(path: Path) -> Anchor:
    from coop_desk.exchange.xlsx import WorkbookError, read_trail_head  # openpyxl: start-up time

    try:
        stored = read_trail_head(path)
    except WorkbookError as exc:
        raise AnchorError(str(exc)) from exc
    if stored is not None:
        head, at = stored
        try:
            return replace(parse_anchor(head, _("the workbook {path}", path=path)), at=_utc(at))
        except AnchorError:
            pass
    older = _audit_pack_about(path)
    if older is None:
        raise AnchorError(
            _("{path} holds no audit trail head (not written by coop-desk?)", path=path)
        )
    return older


def _audit_pack_about(path: Path) -> Anchor | None:
    """Audit packs written before workbooks stored the head: their About sheet shows it."""
    from coop_desk.exchange.xlsx import read_first_rows  # openpyxl: start-up time

    # The pack was written in whichever language its cooperative chose: its labels are
    # sought in every language (the record and hash cells are the same in all).
    labels = _about_labels()
    rows = read_first_rows(path, labels["sheet"], rows=40, columns=2)
    if rows is None:
        return None
    record = digest = at = None
    for row in rows:
        label = str(row[0] or "")
        value = row[1] if len(row) > 1 else None
        if label in labels["record"]:
            record = value
        elif label in labels["digest"]:
            digest = value
        elif label == _PREPARED_AT_UTC and isinstance(value, datetime):
            at = value.replace(tzinfo=UTC)
        elif label in labels["at"] and isinstance(value, datetime):
            at = value.astimezone(UTC)  # local wall-clock time, the program's zone
    if not isinstance(record, int) or not isinstance(digest, str):
        return None
    try:
        anchor = parse_anchor(f"{record}:{digest}", _("the audit pack {path}", path=path))
    except AnchorError:
        return None
    return replace(anchor, at=at)


# Packs written before they spoke the cooperative's language said when in UTC.
_PREPARED_AT_UTC = "Prepared at (UTC)"


def _about_labels() -> dict[str, set[str]]:
    """The About sheet's name and labels (``services.audit_pack``) in every language."""
    texts = {
        "sheet": N_("About"),
        "record": N_("Newest audit record"),
        "digest": N_("Its SHA-256 (note it: a later trail must still contain it)"),
        "at": N_("Prepared at"),
    }
    labels: dict[str, set[str]] = {key: set() for key in texts}
    for code in LANGUAGES:
        with use_language(code):
            for key, text in texts.items():
                labels[key].add(_(text))
    return labels


# --- checking -------------------------------------------------------------------------------------
def check_anchors(session: Session, anchors: Sequence[Anchor]) -> list[Finding]:
    """Whether the trail still holds every anchor (see the module's docstring)."""
    if not anchors:
        return []
    t = AUDIT
    findings: list[Finding] = []
    last = session.execute(select(t.c.id).order_by(t.c.id.desc()).limit(1)).scalar()
    end = int(last or 0)
    beyond = sorted((a for a in anchors if a.record > end), key=lambda a: a.record)
    if beyond:
        newest = beyond[-1]
        more = (
            ngettext(
                " ({n} older anchor is beyond the end too)",
                " ({n} older anchors are beyond the end too)",
                len(beyond) - 1,
            )
            if len(beyond) > 1
            else ""
        )
        findings.append(
            Finding(
                Severity.ERROR,
                CHECK,
                _(
                    "audit record {record}, the newest noted by {source}, is not in the trail, "
                    "which ends at record {end}: the trail was cut, and the rows its last "
                    "records wrote may be gone",
                    record=newest.record,
                    source=newest.describe(),
                    end=end,
                )
                + more,
                f"audit_record {newest.record}",
            )
        )
    held = [a for a in anchors if 0 < a.record <= end]
    stored = _records(session, {a.record for a in held})
    wrong = sorted((a for a in held if stored[a.record]["hash"] != a.hash), key=lambda a: a.record)
    if wrong:
        first = wrong[0]
        r = stored[first.record]
        more = (
            ngettext(
                " ({n} later anchor disagrees too)",
                " ({n} later anchors disagree too)",
                len(wrong) - 1,
            )
            if len(wrong) > 1
            else ""
        )
        findings.append(
            Finding(
                Severity.ERROR,
                CHECK,
                _(
                    "audit record {record} ({action} of {table} {row}) is not the record "
                    "{source} noted (its hash was {noted}…, it is {now}…): the trail was "
                    "rewritten at or before record {record}",
                    record=first.record,
                    action=r["action"],
                    table=r["table_name"],
                    row=r["record_id"],
                    source=first.describe(),
                    noted=first.hash[:16],
                    now=r["hash"][:16],
                )
                + more,
                f"{r['table_name']} {r['record_id']}",
            )
        )
    findings += _dated_before(session, [a for a in anchors if a.at is not None and a.record <= end])
    for anchor in anchors:
        if anchor.copy is not None:
            findings += _compare_copy(session, anchor)
    return findings


def _records(session: Session, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    t = AUDIT
    wanted = sorted(ids)
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(wanted), 400):
        chunk = wanted[start : start + 400]
        for r in session.execute(
            select(t.c.id, t.c.hash, t.c.action, t.c.table_name, t.c.record_id).where(
                t.c.id.in_(chunk)
            )
        ):
            found[int(r.id)] = dict(r._mapping)
    return found


def _dated_before(session: Session, anchors: Sequence[Anchor]) -> list[Finding]:
    """Records after an anchor dated well before it was taken: written later, backdated.

    Between two anchors' records the latest cutoff of the anchors before applies; each stretch
    of the trail is read once, by its record numbers."""
    t = AUDIT
    ordered = sorted(anchors, key=lambda a: a.record)
    findings: list[Finding] = []
    latest: Anchor | None = None
    for index, anchor in enumerate(ordered):
        assert anchor.at is not None
        if latest is None or latest.at is None or anchor.at > latest.at:
            latest = anchor
        upto = ordered[index + 1].record if index + 1 < len(ordered) else None
        if upto is not None and upto == anchor.record:
            continue
        assert latest.at is not None
        stretch = select(t.c.id, t.c.at, t.c.action, t.c.table_name, t.c.record_id).where(
            t.c.id > anchor.record, t.c.at < latest.at - CLOCK_TOLERANCE
        )
        if upto is not None:
            stretch = stretch.where(t.c.id <= upto)
        for r in session.execute(stretch.order_by(t.c.id).limit(MAX_NAMED)):
            if len(findings) >= MAX_NAMED:
                break
            findings.append(
                Finding(
                    Severity.ERROR,
                    CHECK,
                    _(
                        "audit record {record} ({action} of {table} {row}) is dated {time}, but "
                        "{source} noted record {anchor} as the newest: it was written later, "
                        "with an earlier date",
                        record=r.id,
                        action=r.action,
                        table=r.table_name,
                        row=r.record_id,
                        time=r.at,
                        source=latest.describe(),
                        anchor=latest.record,
                    ),
                    f"{r.table_name} {r.record_id}",
                )
            )
    return findings


def _copy_records(path: Path) -> Iterator[tuple[int, str, str, str, str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield from conn.execute(
            "SELECT id, hash, action, table_name, record_id FROM audit_record ORDER BY id"
        )
    finally:
        conn.close()


def _compare_copy(session: Session, anchor: Anchor) -> list[Finding]:
    """Every record of a backup copy is still in the trail, unchanged; names the first that
    is not, with the row it recorded in the copy."""
    assert anchor.copy is not None
    t = AUDIT
    current = session.execute(
        select(t.c.id, t.c.hash).order_by(t.c.id).execution_options(yield_per=2000)
    )
    here = iter(current)
    differing = 0
    first: tuple[int, str, str, str] | None = None
    try:
        for rid, digest, action, table, record in _copy_records(anchor.copy):
            mine = next(here, None)
            while mine is not None and mine.id < rid:
                mine = next(here, None)
            if mine is None or mine.id != rid or mine.hash != digest:
                differing += 1
                if first is None:
                    first = (rid, action, table, record)
    except sqlite3.Error as exc:
        message = _("{path} cannot be read: {error}", path=anchor.copy, error=exc)
        return [Finding(Severity.ERROR, CHECK, message, "")]
    if first is None:
        return []
    rid, action, table, record = first
    return [
        Finding(
            Severity.ERROR,
            CHECK,
            _(
                "audit record {record} ({action} of {table} {row} in {path}) is no longer in the "
                "trail as the copy holds it: the trail was cut or rewritten from there ({count} "
                "records of the copy differ)",
                record=rid,
                action=action,
                table=table,
                row=record,
                path=anchor.copy,
                count=differing,
            ),
            f"{table} {record}",
        )
    ]


register_anchor_check(CHECK, check_anchors)
