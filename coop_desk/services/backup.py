"""Backups of the database, checked after writing, rotated, and restored (issue 15).

The model
=========
A SQLite database is copied with SQLite's online backup API (``db.copy_sqlite``): consistent
while the program keeps writing, written to a temporary file, flushed and renamed, so a copy
under its final name is always whole. Every copy is then *checked*: ``PRAGMA integrity_check``
on the file, and coop-desk's own ``verify`` (hash chain, books, records against the trail) on
the copy opened read-only. A copy that fails the integrity check is deleted and the backup
fails in words; a copy whose ``verify`` reports integrity errors is kept (it is a faithful copy
of the database) but is not a *good* backup.

Automatic backups go to one folder the user chooses (a USB disk), per database::

    <folder>/<database name>/
        daily/<name>-2026-11-27.sqlite       the newest copy of each day; the 7 newest days kept
        monthly/<name>-2026-11.sqlite        the first good copy of each month; 12 months kept
        backup-log.jsonl                     one JSON line per backup: when, file, size,
                                             SHA-256, the checks' results

The log is append-only and read back as the backup status (``status``); a later issue adds an
anchor log of the audit trail's head beside it. PostgreSQL databases are dumped with
``pg_dump`` (README); ``record_dump`` checks such a dump and writes it into the same log so the
program can read the status of a server's backups too.

``restore`` puts a checked copy back: the current database is first kept aside (in the
backups folder of the data folder), then the copy is written into the database file through the
same online backup API, so no stale journal of the old database can be replayed over it.

This module holds what needs no database session: the copy itself, the folder and its log, the
rotation, naming a file before it is replaced, pg_dump records and the restore.
``coop_desk.checked_copies`` makes the copies and checks them with ``verify``, which needs the
database layer above the services (``db``). Qt-free: the GUI runs both in a worker thread, the
command line calls them directly.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url

from coop_desk import paths
from coop_desk.errors import CoopDeskError
from coop_desk.i18n import _
from coop_desk.services.access import Actor, Permission, require

DAILY_KEEP = 7
MONTHLY_KEEP = 12
STALE_AFTER = timedelta(days=7)  # the dashboard warns when the last good backup is older
LOG_NAME = "backup-log.jsonl"
SETTINGS_NAME = "backup.json"  # in the user data folder: this PC's backup folder
SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupError(CoopDeskError):
    """A backup or a restore cannot be made; the message says why and what to do."""


# --- the copy ----------------------------------------------------------------------------------

BUSY_TIMEOUT_S = 10  # as the program's own connections wait for a writer


def copy_sqlite(source: Path, target: Path) -> Path:
    """Copy the SQLite database ``source`` to ``target`` consistently, while other connections
    may be writing (the sqlite3 online backup API, WAL included).

    The copy is written to a temporary file next to ``target``, flushed to the disk and only
    then renamed over ``target``: an interrupted copy (a USB disk pulled out) never leaves a
    half-written file under the final name, nor destroys a file that was there."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_S)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
            # A copy is one self-contained file: no WAL beside it on the backup disk.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    return target


# --- where backups go ----------------------------------------------------------------------------


def default_folder() -> Path:
    return paths.data_dir() / "backups"


def configured_folder() -> Path:
    """The folder this PC backs up to (File > Backups…), else the data folder's backups."""
    try:
        stored = json.loads((paths.data_dir() / SETTINGS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default_folder()
    folder = stored.get("folder") if isinstance(stored, dict) else None
    return Path(folder) if folder else default_folder()


def set_folder(folder: Path | None) -> None:
    """Remember the backup folder of this PC (``None``: back to the default)."""
    target = paths.data_dir() / SETTINGS_NAME
    data = {"folder": str(folder)} if folder else {}
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps(data, indent=2), encoding="utf-8")
    os.replace(partial, target)


def database_name(url: str) -> str:
    """The name backups of a database are filed under: the file's stem, or the server
    database's name."""
    parsed = make_url(url)
    name = Path(parsed.database or "database").stem if parsed.get_backend_name() == "sqlite" else ""
    name = name or (parsed.database or "database")
    return re.sub(r"[^\w.-]+", "_", name) or "database"


def database_folder(root: Path, name: str) -> Path:
    return root / name


# --- checking a copy -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CopyCheck:
    """What checking a copy found."""

    integrity: str  # "ok", or the first problem PRAGMA integrity_check reported
    schema_current: bool  # written by this version's schema (verify ran)
    verify_errors: int  # integrity errors of coop-desk's verify (-1: verify did not run)
    verify_warnings: int
    first_error: str = ""  # the first verify error, in words

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.verify_errors == 0

    def describe(self) -> str:
        if self.integrity != "ok":
            return _("the file is damaged ({problem})", problem=self.integrity)
        if self.verify_errors < 0:
            return _("integrity ok; written by an older coop-desk (upgraded when opened)")
        if self.verify_errors:
            return _(
                "integrity ok; verify found {errors} integrity errors ({first})",
                errors=self.verify_errors,
                first=self.first_error,
            )
        return _(
            "integrity ok; verify ok ({warnings} compliance warnings)",
            warnings=self.verify_warnings,
        )


@dataclass(frozen=True)
class DatabaseSummary:
    """What a database file holds, to name it before it is replaced or restored."""

    path: Path
    coop_desk: bool  # has coop-desk's tables
    members: int
    entries: int  # journal entries
    last_change: datetime | None  # the newest audit record

    def describe(self) -> str:
        if not self.coop_desk:
            return _("{path} is a SQLite database but not a coop-desk one", path=self.path)
        if self.last_change is None:
            return _(
                "{path} holds a coop-desk database with {members} members and {entries} journal entries",
                path=self.path,
                members=self.members,
                entries=self.entries,
            )
        return _(
            "{path} holds a coop-desk database with {members} members and {entries} journal entries, last change {when}",
            path=self.path,
            members=self.members,
            entries=self.entries,
            when=self.last_change,
        )


def is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` on a file: "ok" or the first problem."""
    if not is_sqlite_file(path):
        return _("not a SQLite database")
    try:
        conn = _read_only(path)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    first = str(rows[0][0]) if rows else "no answer"
    return "ok" if first == "ok" else first


def summarize(path: Path) -> DatabaseSummary:
    """Count what a SQLite file holds (read-only, without coop-desk's schema checks)."""
    try:
        conn = _read_only(path)
    except sqlite3.Error:
        return DatabaseSummary(path, False, 0, 0, None)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"member", "audit_record"} <= tables:
            return DatabaseSummary(path, False, 0, 0, None)
        members = conn.execute("SELECT count(*) FROM member").fetchone()[0]
        entries = (
            conn.execute("SELECT count(*) FROM journal_entry").fetchone()[0]
            if "journal_entry" in tables
            else 0
        )
        at = conn.execute("SELECT max(at) FROM audit_record").fetchone()[0]
    except sqlite3.Error:
        return DatabaseSummary(path, False, 0, 0, None)
    finally:
        conn.close()
    last = datetime.fromisoformat(str(at)).replace(tzinfo=UTC) if at else None
    return DatabaseSummary(path, True, int(members), int(entries), last)


# --- the log ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupRecord:
    """One line of the backup log."""

    at: datetime  # UTC
    kind: str  # "daily", "manual", "pg_dump"
    path: Path
    size: int
    sha256: str
    check: CopyCheck
    monthly: Path | None = None  # the monthly copy this backup also became

    @property
    def good(self) -> bool:
        return self.check.ok

    def to_json(self) -> str:
        return json.dumps(
            {
                "at": self.at.isoformat(),
                "kind": self.kind,
                "path": str(self.path),
                "size": self.size,
                "sha256": self.sha256,
                "integrity": self.check.integrity,
                "schema_current": self.check.schema_current,
                "verify_errors": self.check.verify_errors,
                "verify_warnings": self.check.verify_warnings,
                "first_error": self.check.first_error,
                "monthly": str(self.monthly) if self.monthly else None,
                "good": self.good,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, line: str) -> BackupRecord:
        data = json.loads(line)
        return cls(
            at=datetime.fromisoformat(data["at"]),
            kind=str(data["kind"]),
            path=Path(data["path"]),
            size=int(data.get("size", 0)),
            sha256=str(data.get("sha256", "")),
            check=CopyCheck(
                str(data.get("integrity", "")),
                bool(data.get("schema_current", False)),
                int(data.get("verify_errors", -1)),
                int(data.get("verify_warnings", 0)),
                str(data.get("first_error", "")),
            ),
            monthly=Path(data["monthly"]) if data.get("monthly") else None,
        )


def append_log(folder: Path, record: BackupRecord) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / LOG_NAME).open("a", encoding="utf-8") as handle:
        handle.write(record.to_json() + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def read_log(folder: Path) -> list[BackupRecord]:
    """Every readable line of a database's backup log, oldest first (a damaged line is
    skipped: the log must never stop the program)."""
    try:
        lines = (folder / LOG_NAME).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    records = []
    for line in lines:
        try:
            records.append(BackupRecord.from_json(line))
        except (ValueError, KeyError, TypeError):
            continue
    return records


@dataclass(frozen=True)
class BackupStatus:
    folder: Path  # where this database's backups go
    available: bool  # the folder (the USB disk) can be reached now
    last: BackupRecord | None
    last_good: BackupRecord | None
    stale: bool  # no good backup in the last STALE_AFTER
    daily: tuple[Path, ...]  # copies on the disk, newest first
    monthly: tuple[Path, ...]

    @property
    def age(self) -> timedelta | None:
        return None if self.last_good is None else now_utc() - self.last_good.at


def now_utc() -> datetime:
    return datetime.now(UTC)


def status(root: Path, name: str, now: datetime | None = None) -> BackupStatus:
    """The backup status of the database ``name`` in ``root``: read from its log."""
    now = now or now_utc()
    folder = database_folder(root, name)
    records = read_log(folder)
    good = [r for r in records if r.good]
    last_good = good[-1] if good else None
    return BackupStatus(
        folder,
        root.is_dir() or root == default_folder(),  # the default folder is made when needed
        records[-1] if records else None,
        last_good,
        last_good is None or now - last_good.at > STALE_AFTER,
        tuple(_copies(folder / "daily")),
        tuple(_copies(folder / "monthly")),
    )


def _copies(folder: Path) -> list[Path]:
    """The copies in a rotation folder, newest first (their names sort by date)."""
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if _is_copy(p)), reverse=True)


def _is_copy(path: Path) -> bool:
    return path.is_file() and not path.name.startswith(".") and path.suffix == ".sqlite"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


# --- automatic (rotated) backups -------------------------------------------------------------


def require_folder(root: Path) -> None:
    if not root.exists():
        raise BackupError(
            _("The backup folder {root} cannot be reached. Is the USB disk plugged in?", root=root)
        )
    if not root.is_dir():
        raise BackupError(_("The backup folder {root} is a file, not a folder.", root=root))


def prune(folder: Path, daily: int = DAILY_KEEP, monthly: int = MONTHLY_KEEP) -> list[Path]:
    """Delete the daily copies beyond the ``daily`` newest and the monthly ones beyond the
    ``monthly`` newest. Returns what was deleted."""
    removed = []
    for sub, keep in (("daily", daily), ("monthly", monthly)):
        for old in _copies(folder / sub)[keep:]:
            old.unlink()
            removed.append(old)
    return removed


def due(root: Path, name: str, now: datetime | None = None) -> bool:
    """Whether today's automatic backup is still to be made."""
    now = now or now_utc()
    last = status(root, name, now).last
    return last is None or last.at.astimezone().date() != now.astimezone().date()


# --- a copy to a file the user names ------------------------------------------------------


def resolve_target(source: Path, target: Path, *, overwrite: bool, now: datetime) -> Path:
    """Where a copy asked for as ``target`` goes, or ``BackupError`` naming the problem:
    a folder gets a dated file inside it; an existing database is replaced only with
    ``overwrite``; any other existing file is never replaced."""
    if target.is_dir():
        stamp = now.astimezone().strftime("%Y-%m-%d-%H%M%S")
        return target / f"{source.stem}-{stamp}.sqlite"
    if target.exists() and not target.is_file():
        raise BackupError(_("{target} is not a file; give a file name or a folder.", target=target))
    if not target.parent.is_dir():
        raise BackupError(_("The folder {folder} does not exist.", folder=target.parent))
    if target.exists():
        if target.resolve() == source.resolve():
            raise BackupError(
                _("{target} is the database itself; choose another file.", target=target)
            )
        if target.stat().st_size == 0:
            return target
        if not is_sqlite_file(target):
            raise BackupError(
                _(
                    "{target} already exists and is not a database ({size} bytes of another kind of file); coop-desk will not replace it. Choose another name or a folder.",
                    target=target,
                    size=target.stat().st_size,
                )
            )
        if not overwrite:
            raise BackupError(
                _(
                    "{what}. It was not replaced: choose another name or a folder, or confirm that it may be overwritten (--overwrite).",
                    what=summarize(target).describe(),
                )
            )
    return target


# --- PostgreSQL dumps --------------------------------------------------------------------------


def check_dump(path: Path) -> str:
    """ "ok" when ``path`` is a complete pg_dump, else what is wrong. A custom-format dump is
    listed with ``pg_restore --list`` when that program is installed; a plain SQL dump must
    end with pg_dump's closing line."""
    if not path.is_file() or path.stat().st_size == 0:
        return _("the file is missing or empty")
    with path.open("rb") as handle:
        head = handle.read(5)
        handle.seek(max(0, path.stat().st_size - 4096))
        tail = handle.read()
    if head == b"PGDMP":
        tool = shutil.which("pg_restore")
        if tool is None:
            return "ok"
        done = subprocess.run([tool, "--list", str(path)], capture_output=True, text=True)  # noqa: S603
        if done.returncode == 0:
            return "ok"
        return _("pg_restore cannot read it: {error}", error=done.stderr.strip())
    if b"PostgreSQL database dump complete" in tail:
        return "ok"
    return _("not a complete pg_dump (no closing line; the dump was interrupted?)")


def record_dump(
    dump: Path, url: str, root: Path | None = None, now: datetime | None = None
) -> BackupRecord:
    """Check a pg_dump of the server database ``url`` and write it into the backup log, so
    the backup status (and the dashboard's warning) covers PostgreSQL too."""
    root = root or configured_folder()
    now = now or now_utc()
    require_folder(root)
    state = check_dump(dump)
    record = BackupRecord(
        now,
        "pg_dump",
        dump.resolve(),
        dump.stat().st_size if dump.is_file() else 0,
        file_sha256(dump) if dump.is_file() else "",
        CopyCheck(state, state == "ok", 0 if state == "ok" else -1, 0),
    )
    append_log(database_folder(root, database_name(url)), record)
    if state != "ok":
        raise BackupError(_("{dump}: {problem}", dump=dump, problem=state))
    return record


# --- restore -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestorePlan:
    """A copy checked for restoring, and what it would replace."""

    source: Path  # the copy
    target: Path  # the database file
    copy: DatabaseSummary
    check: CopyCheck
    current: DatabaseSummary | None  # None: no database file there yet

    def describe(self) -> str:
        now = (
            self.current.describe()
            if self.current
            else _("{target} does not exist yet", target=self.target)
        )
        return _(
            "Restore {copy} ({check}) over: {now}.",
            copy=self.copy.describe(),
            check=self.check.describe(),
            now=now,
        )


@dataclass(frozen=True)
class RestoreResult:
    plan: RestorePlan
    kept_aside: Path | None  # the database as it was before the restore


def restore(plan: RestorePlan, actor: Actor, now: datetime | None = None) -> RestoreResult:
    """Replace the database file with the checked copy. The caller has closed every
    connection of its own to the database (the GUI reopens it afterwards)."""
    require(actor, Permission.RESTORE)
    now = now or now_utc()
    target = plan.target
    kept = None
    if target.exists():
        stamp = now.strftime("%Y%m%dT%H%M%SZ")
        kept = paths.backups_dir() / f"{target.stem}-{stamp}-before-restore.sqlite"
        if integrity(target) == "ok":
            copy_sqlite(target, kept)
        else:  # a damaged file is kept as it is, byte for byte
            shutil.copyfile(target, kept)
    src = sqlite3.connect(str(plan.source))
    try:
        dst = sqlite3.connect(str(target), timeout=10)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise BackupError(
            _("{target} could not be replaced: {error}", target=target, error=exc)
        ) from exc
    finally:
        src.close()
    state = integrity(target)
    if state != "ok":
        raise BackupError(
            _(
                "The restored database failed its check ({problem}); the previous one is kept at {kept}.",
                problem=state,
                kept=kept,
            )
        )
    return RestoreResult(plan, kept)


def copies_for_restore(root: Path, name: str) -> Iterator[Path]:
    """The copies of the database ``name`` under ``root``, newest first (daily, then monthly)."""
    folder = database_folder(root, name)
    yield from _copies(folder / "daily")
    yield from _copies(folder / "monthly")


__all__ = [
    "BackupError",
    "BackupRecord",
    "BackupStatus",
    "CopyCheck",
    "DatabaseSummary",
    "RestorePlan",
    "RestoreResult",
    "check_dump",
    "configured_folder",
    "copies_for_restore",
    "database_name",
    "due",
    "integrity",
    "prune",
    "read_log",
    "record_dump",
    "restore",
    "set_folder",
    "status",
    "summarize",
]
