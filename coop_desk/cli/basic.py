"""``gui``, ``init`` and ``backup``: starting the program and looking after the database."""

from __future__ import annotations

import argparse
from pathlib import Path

from coop_desk.cli.context import CliContext, CliError, read_password
from coop_desk.db import backup_sqlite
from coop_desk.i18n import _
from coop_desk.services import cooperative, users
from coop_desk.services.demo import load_demo


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
        help=_("copy the SQLite database to a file"),
        description=_(
            "Write a consistent copy of the SQLite database (safe while the program is open). PostgreSQL databases are backed up with pg_dump."
        ),
    )
    backup.add_argument("target", nargs="?", help=_("file to write (default: the backups folder)"))
    backup.set_defaults(handler=run_backup)


def run_gui(args: argparse.Namespace, ctx: CliContext) -> int:
    from coop_desk.app import run  # imported late: the CLI must work without a display

    return run(db_target=ctx.db_target, username=ctx.username)


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


def run_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    db = ctx.db
    if not db.is_sqlite:
        raise CliError(_("this database is on a server; back it up with pg_dump"))
    target = Path(args.target).expanduser().resolve() if args.target else None
    path = backup_sqlite(db.engine, reason="manual", dest=target)
    print(_("Backup written: {path}", path=path))
    return 0
