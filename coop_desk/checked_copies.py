"""Checked copies of the database: making one (the rotated backup, or a copy to a file the
user names), checking one (``PRAGMA integrity_check``, then coop-desk's ``verify`` on the copy
opened read-only) and checking a copy before it is restored.

The backup model (the folder, the rotation, the log, the restore) is ``services.backup``; this
module adds what needs the database layer: a copy is opened as a coop-desk database
(``db.open_read_only``, its schema checked with ``db.migration_status``) and verified with the
services' checks. Qt-free.
"""

from __future__ import annotations

import logging
import os
import shutil
from datetime import date, datetime
from pathlib import Path

from coop_desk.db import migration_status, open_read_only
from coop_desk.i18n import _
from coop_desk.services import backup
from coop_desk.services.access import SYSTEM
from coop_desk.services.audit import anchors

log = logging.getLogger(__name__)


def check_copy(path: Path, today: date | None = None) -> backup.CopyCheck:
    """``PRAGMA integrity_check``, then coop-desk's ``verify`` on the copy opened read-only."""
    from coop_desk.services.verify import verify  # the checks import most of the services

    state = backup.integrity(path)
    if state != "ok":
        return backup.CopyCheck(state, False, -1, 0)
    db = open_read_only(path)
    try:
        status = migration_status(db.engine)
        if status.unknown:
            return backup.CopyCheck(
                _("written by a newer version of coop-desk; install it to use this copy"),
                False,
                -1,
                0,
            )
        if status.pending:
            return backup.CopyCheck("ok", False, -1, 0)
        with db.reading(SYSTEM) as session:
            result = verify(session, SYSTEM, today)
    finally:
        db.close()
    errors = result.errors
    return backup.CopyCheck(
        "ok",
        True,
        len(errors),
        len(result.warnings),
        errors[0].describe() if errors else "",
    )


def _check_or_delete(copy: Path, today: date) -> backup.CopyCheck:
    check = check_copy(copy, today)
    if check.integrity != "ok":
        copy.unlink(missing_ok=True)
        raise backup.BackupError(
            _(
                "The copy written to {copy} failed its check: {problem}.",
                copy=copy,
                problem=check.integrity,
            )
        )
    return check


def backup_now(
    source: Path,
    root: Path | None = None,
    *,
    now: datetime | None = None,
) -> backup.BackupRecord:
    """Back up the SQLite file ``source`` into the rotation under ``root`` (default: the
    configured folder): today's daily copy and the month's first good copy (attached
    documents are stored in the database, so the copy holds them); then keep the 7 newest
    daily and 12 newest monthly copies. Returns the log record."""
    root = root or backup.configured_folder()
    now = now or backup.now_utc()
    if root == backup.default_folder():
        root.mkdir(parents=True, exist_ok=True)
    backup.require_folder(root)
    name = backup.database_name(f"sqlite:///{source}")
    folder = backup.database_folder(root, name)
    day = now.astimezone().date() if now.tzinfo else now.date()
    daily = folder / "daily" / f"{name}-{day.isoformat()}.sqlite"
    try:
        # Written aside first: today's earlier copy is replaced only by a copy that checked.
        fresh = backup.copy_sqlite(source, daily.with_name(f".{daily.stem}.new.sqlite"))
        check = _check_or_delete(fresh, day)
        os.replace(fresh, daily)
    except OSError as exc:
        raise backup.BackupError(
            _("The backup to {folder} could not be written: {error}", folder=folder, error=exc)
        ) from exc
    monthly_path = folder / "monthly" / f"{name}-{day:%Y-%m}.sqlite"
    made_monthly = None
    if check.ok and not monthly_path.exists():
        monthly_path.parent.mkdir(parents=True, exist_ok=True)
        partial = monthly_path.with_name(f".{monthly_path.name}.partial")
        shutil.copyfile(daily, partial)
        os.replace(partial, monthly_path)
        made_monthly = monthly_path
    record = backup.BackupRecord(
        now, "daily", daily, daily.stat().st_size, backup.file_sha256(daily), check, made_monthly
    )
    backup.append_log(folder, record)
    backup.prune(folder)
    _log_head(daily, name, root)
    return record


def _log_head(copy: Path, name: str, folder: Path) -> None:
    """The copy's audit trail head into the anchor log of ``folder``: ``verify`` proves later
    that the database's trail still holds it (services/audit/anchors.py). A log that cannot
    be written does not undo a good backup."""
    try:
        anchors.log_copy(copy, database=name, folder=folder)
    except OSError as exc:
        log.warning("the anchor log in %s could not be written: %s", folder, exc)


def backup_to(
    source: Path, target: Path, *, overwrite: bool = False, now: datetime | None = None
) -> backup.BackupRecord:
    """A checked copy of the SQLite file ``source`` at ``target`` (see ``backup.resolve_target``)."""
    now = now or backup.now_utc()
    final = backup.resolve_target(source, target, overwrite=overwrite, now=now)
    try:
        fresh = backup.copy_sqlite(source, final.with_name(f".{final.stem}.new.sqlite"))
        check = _check_or_delete(fresh, now.date())
        os.replace(fresh, final)
    except OSError as exc:
        raise backup.BackupError(
            _("The copy {final} could not be written: {error}", final=final, error=exc)
        ) from exc
    _log_head(final, backup.database_name(f"sqlite:///{source}"), final.parent)
    return backup.BackupRecord(
        now, "manual", final, final.stat().st_size, backup.file_sha256(final), check
    )


def plan_restore(source: Path, target: Path, today: date | None = None) -> backup.RestorePlan:
    """Check the copy ``source`` before it replaces the database file ``target``; refuse a
    file that is not a whole coop-desk database (``backup.BackupError``)."""
    if not source.is_file():
        raise backup.BackupError(_("{source} is not a file.", source=source))
    if not backup.is_sqlite_file(source):
        raise backup.BackupError(_("{source} is not a database.", source=source))
    if source.resolve() == target.resolve():
        raise backup.BackupError(_("{source} is the database itself.", source=source))
    summary = backup.summarize(source)
    if not summary.coop_desk:
        raise backup.BackupError(
            _("{source} is a SQLite database but not a coop-desk one.", source=source)
        )
    check = check_copy(source, today)
    if check.integrity != "ok" or check.verify_errors > 0:
        raise backup.BackupError(
            _("{source} cannot be restored: {check}.", source=source, check=check.describe())
        )
    current = backup.summarize(target) if target.exists() else None
    return backup.RestorePlan(source, target, summary, check, current)
