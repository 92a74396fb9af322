"""``copy-database``: move a cooperative from one database to another (SQLite <-> PostgreSQL).

The copy is checked before the command says it worked: ``verify`` on the copy, and every
table and every year's balances compared with the source (``services.dbcopy``).
"""

from __future__ import annotations

import argparse
import sys

from coop_desk.cli.context import CliContext, CliError, ask_server_password
from coop_desk.db import Database, has_password, upgrade
from coop_desk.i18n import _
from coop_desk.services import dbcopy
from coop_desk.services.access import SYSTEM
from coop_desk.services.verify import verify


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(
        "copy-database",
        help=_("copy the whole cooperative into another, empty database"),
        description=_(
            "Copy everything (members, ledger, certifications, users, documents, the audit "
            "trail) from SOURCE into TARGET, e.g. from a SQLite file to a PostgreSQL server or "
            "back. TARGET must be empty: a new file, an empty PostgreSQL database, or one only "
            "created by 'coop-desk init'. Server passwords are asked for (or read from "
            "~/.pgpass), never written in the URLs. The copy is verified and compared with the "
            "source."
        ),
    )
    cmd.add_argument("source", metavar="SOURCE", help=_("database file or URL to copy from"))
    cmd.add_argument("target", metavar="TARGET", help=_("empty database file or URL to copy into"))
    cmd.set_defaults(handler=run_copy)


def run_copy(args: argparse.Namespace, ctx: CliContext) -> int:
    for value in (args.source, args.target):
        if has_password(value):
            print(
                _(
                    "warning: a password in a URL is visible to every program on this "
                    "computer; leave it out and coop-desk asks for it."
                ),
                file=sys.stderr,
            )
    source = Database.open(args.source, ask_password=ask_server_password)
    try:
        target = Database.open(args.target, migrate=False, ask_password=ask_server_password)
        try:
            return _copy(source, target)
        finally:
            target.close()
    finally:
        source.close()


def _copy(source: Database, target: Database) -> int:
    if source.target == target.target:
        raise CliError(_("SOURCE and TARGET are the same database"))
    with target.engine.connect() as conn:
        problem = dbcopy.blank_problem(conn)
    if problem:
        raise CliError(
            _(
                "{target} is not empty: {problem}. Copy into a new file or an empty database; "
                "nothing was changed.",
                target=target.url,
                problem=problem,
            )
        )
    upgrade(target.engine)  # the same schema as the source (this version's)
    interactive = sys.stderr.isatty()

    def progress(table: str, rows: int) -> None:
        if interactive:
            line = _("  {table}: {rows} rows", table=table, rows=rows)
            print("\r" + line.ljust(60), end="", file=sys.stderr, flush=True)

    print(
        _("Copying {source} into {target} ...", source=source.url, target=target.url),
        file=sys.stderr,
    )
    with source.snapshot() as src, target.engine.begin() as dst:
        report = dbcopy.copy_rows(src, dst, progress=progress)
    if interactive:
        print("", file=sys.stderr)
    with source.reading(SYSTEM) as before, target.reading(SYSTEM) as after:
        differences = dbcopy.compare(before, after, SYSTEM)
        result = verify(after, SYSTEM)
        warnings_before = len(verify(before, SYSTEM).warnings)
    print(
        _(
            "Copied {rows} rows in {tables} tables into {target}.",
            rows=report.rows,
            tables=len(report.tables),
            target=target.url,
        )
    )
    for difference in differences:
        print(_("DIFFERENT {difference}", difference=difference))
    for finding in result.errors:
        print(finding.describe())
    if differences or result.errors:
        print(_("The copy is NOT identical to the source: do not use it."))
        return 1
    print(
        _(
            "Checked: every table and every year's balances equal the source's; verify on "
            "the copy: integrity OK, {warnings} compliance warnings (the source: {before}).",
            warnings=len(result.warnings),
            before=warnings_before,
        )
    )
    return 0
