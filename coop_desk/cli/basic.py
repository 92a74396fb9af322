"""``gui``, ``init``, ``backup``, ``restore`` and ``recent``: starting the program and looking
after the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from coop_desk import checked_copies
from coop_desk.cli.context import CliContext, CliError, read_password
from coop_desk.db import resolve_url, server_label, sqlite_path, without_password
from coop_desk.errors import DatabaseError
from coop_desk.i18n import _
from coop_desk.services import audit, cooperative, recent, users
from coop_desk.services import backup as backups
from coop_desk.services.access import SYSTEM, Permission, require


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    gui = sub.add_parser("gui", help=_("start the desktop application (the default)"))
    gui.set_defaults(handler=run_gui)

    init = sub.add_parser(
        "init",
        help=_("create or upgrade the database"),
        description=_(
            "Create the database (or apply pending upgrades to it). With --demo, fill a new database with the demo cooperative."
        ),
    )
    init.add_argument("--demo", action="store_true", help=_("load the demo cooperative"))
    init.add_argument("--name", help=_("the cooperative's name (for a new, empty database)"))
    init.add_argument(
        "--admin",
        metavar="NAME",
        help=_(
            "create the first administrator account NAME (password from COOP_DESK_PASSWORD or a prompt)"
        ),
    )
    init.set_defaults(handler=run_init)

    backup = sub.add_parser(
        "backup",
        help=_("back up the database (checked copy; rotation of daily and monthly copies)"),
        description=_(
            "Without TARGET: the automatic backup into the backup folder (7 daily and 12 monthly copies; File > Backups in the program sets the folder, --folder here). With TARGET: a copy at that file, or a dated file inside that folder. Every copy is checked (integrity check and verify). Safe while the program is open. PostgreSQL databases are dumped with pg_dump; --record-dump checks a dump and records it in the backup status."
        ),
    )
    backup.add_argument("target", nargs="?", help=_("file or folder to write"))
    backup.add_argument(
        "--overwrite",
        action="store_true",
        help=_("replace TARGET when it already holds a database"),
    )
    backup.add_argument(
        "--folder", help=_("the backup folder (default: the one set in the program)")
    )
    backup.add_argument("--status", action="store_true", help=_("print the backup status only"))
    backup.add_argument(
        "--record-dump", metavar="DUMP", help=_("check a pg_dump file and record it as a backup")
    )
    backup.set_defaults(handler=run_backup)

    restore = sub.add_parser(
        "restore",
        help=_("replace the database with a backup copy (checked first; the current one is kept)"),
        description=_(
            "Check FILE (integrity check and verify), keep the current database aside in the backups folder of your data folder, then replace it with FILE. Close coop-desk on every PC first. Asks for confirmation unless --yes."
        ),
    )
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    restore.set_defaults(handler=run_restore)

    recent_parser = sub.add_parser(
        "recent",
        help=_("list the databases recently opened in the program on this computer"),
        description=_(
            "The databases recently opened in the program (File > Recent databases), files and PostgreSQL servers (never a password), the newest first. Open one with: coop-desk --db FILE or --db URL"
        ),
    )
    recent_parser.add_argument(
        "--forget",
        metavar="DATABASE",
        help=_("take DATABASE (a file or a server's URL) off the list (nothing is touched)"),
    )
    recent_parser.add_argument(
        "--clear", action="store_true", help=_("empty the list (no file is touched)")
    )
    recent_parser.set_defaults(handler=run_recent)


def run_gui(args: argparse.Namespace, ctx: CliContext) -> int:
    from coop_desk.cli import start_desktop

    return start_desktop(ctx.db_target, ctx.username)


def run_init(args: argparse.Namespace, ctx: CliContext) -> int:
    db = ctx.db  # opening creates or migrates it
    actor = ctx.actor()
    password = None
    if args.admin:
        password = read_password(
            _("Password for the new administrator {admin}: ", admin=args.admin), confirm=True
        )
    with db.transaction(actor) as session:
        if args.admin:
            assert password is not None
            users.create_first_administrator(session, actor, args.admin, password)
        if args.name:
            current = cooperative.get_profile(session, actor)
            base = current or cooperative.Profile(name=args.name)
            cooperative.save_profile(
                session,
                actor,
                cooperative.Profile(**{**base.__dict__, "name": args.name}),
            )
            if current is None:  # a new cooperative: its names in its language
                cooperative.name_defaults(session, cooperative.cooperative_language(session))
        if args.demo:
            from coop_desk.services.demo import load_demo  # only here: every command starts

            load_demo(session, actor)
    print(_("Database ready: {url}", url=db.url))
    if args.admin:
        print(
            _(
                "Administrator {normal_username} created.",
                normal_username=users.normal_username(args.admin),
            )
        )
    if args.demo:
        print(
            _(
                "Demo cooperative loaded. Users admin, tesorero, secretario and auditor, password demo."
            )
        )
    return 0


def _folder(args: argparse.Namespace) -> Path:
    return Path(args.folder).expanduser() if args.folder else backups.configured_folder()


def _print_status(state: backups.BackupStatus) -> None:
    if state.available:
        print(_("Backup folder: {folder}", folder=state.folder))
    else:
        print(_("Backup folder: {folder} (cannot be reached)", folder=state.folder))
    good = state.last_good
    if good is None:
        print(_("No good backup recorded."))
    else:
        print(_("Last good backup: {when}, {path}", when=good.at, path=good.path))
    if state.last is not None and state.last is not good:
        print(
            _(
                "Last backup: {when}, {check}",
                when=state.last.at,
                check=state.last.check.describe(),
            )
        )
    print(
        _(
            "Copies: {daily} daily, {monthly} monthly",
            daily=len(state.daily),
            monthly=len(state.monthly),
        )
    )
    if state.stale:
        print(_("warning: no good backup in the last 7 days"))


def run_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    db = ctx.db
    require(ctx.actor(), Permission.EXPORT)  # --user and its password are checked here
    name = backups.database_name(db.url)
    if args.status:
        state = backups.status(_folder(args), name)
        _print_status(state)
        return 1 if state.stale else 0
    if args.record_dump:
        if db.is_sqlite:
            raise CliError(_("--record-dump is for PostgreSQL dumps; back up SQLite with backup"))
        dump = Path(args.record_dump).expanduser()
        record = backups.record_dump(dump, resolve_url(ctx.db_target), _folder(args))
        print(
            _(
                "Recorded the dump {path} ({size} bytes): {check}",
                path=record.path,
                size=record.size,
                check=record.check.describe(),
            )
        )
        return 0
    if not db.is_sqlite:
        raise CliError(
            _(
                "this database is on a server; back it up with pg_dump (see the README), then record the dump with: coop-desk backup --record-dump FILE"
            )
        )
    source = sqlite_path(db.engine)
    if args.target:
        record = checked_copies.backup_to(
            source, Path(args.target).expanduser().resolve(), overwrite=args.overwrite
        )
    else:
        record = checked_copies.backup_now(source, _folder(args))
    print(_("Backup written: {path}", path=record.path))
    print(_("Checked: {check}", check=record.check.describe()))
    head = audit.copy_head(record.path)
    if head is not None:
        log = (record.path.parent if args.target else _folder(args)) / audit.ANCHOR_LOG
        print(
            _(
                "Audit trail head: {head} (kept in {log}; coop-desk verify checks it)",
                head=head.text,
                log=log,
            )
        )
    if record.monthly:
        print(_("Kept as the monthly copy: {path}", path=record.monthly))
    return 0 if record.good else 1


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    source = Path(args.file).expanduser().resolve()
    url = resolve_url(ctx.db_target)
    if not url.startswith("sqlite:"):
        raise CliError(_("a server database is restored with pg_restore (see the README)"))
    target = Path(make_url(url).database or "")
    plan = checked_copies.plan_restore(source, target)
    try:
        actor = ctx.actor() if target.exists() else SYSTEM
    except DatabaseError as exc:
        # A database that cannot even be opened protects nothing: it is kept aside as it is.
        print(_("The current database cannot be opened: {error}", error=exc), file=sys.stderr)
        actor = SYSTEM
    ctx.close()  # no connection of ours may stay open on the file being replaced
    require(actor, Permission.RESTORE)
    print(plan.describe())
    if not args.yes:
        try:
            answer = input(_("Replace the database with this copy? Type yes to go on: "))
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("yes", "y", "si", "sí", _("yes")):
            print(_("Nothing was changed."))
            return 1
    result = backups.restore(plan, actor)
    if result.kept_aside:
        print(_("The previous database is kept at {path}", path=result.kept_aside))
    print(_("Restored {target} from {source}.", target=plan.target, source=plan.source))
    return 0


def run_recent(args: argparse.Namespace, ctx: CliContext) -> int:
    """No database is opened: the list is this computer's, not a database's."""
    if args.clear:
        recent.clear()
        print(_("The list of recent databases is empty."))
        return 0
    if args.forget:
        server = "://" in args.forget and not args.forget.startswith("sqlite")
        gone = recent.entry(without_password(args.forget) if server else args.forget)
        recent.forget(gone)
        print(_("{path} is off the list of recent databases.", path=gone))
        return 0
    items = recent.recent()
    if not items:
        print(_("No database has been opened in the program on this computer yet."))
        return 0
    for number, item in enumerate(items, start=1):
        if isinstance(item, str):  # a server's database: opened with --db URL
            print(f"{number}. {server_label(item)}  ({item})")
        elif item.is_file():
            print(f"{number}. {item}")
        else:
            print(_("{number}. {path} (not found)", number=number, path=item))
    return 0
