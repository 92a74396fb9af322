"""``audit``: read the audit trail on the command line."""

from __future__ import annotations

import argparse
from datetime import date

from coop_desk.cli.context import CliContext, CliError
from coop_desk.services import audit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("audit", help="the audit trail of every change")
    commands = group.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    log = commands.add_parser(
        "log",
        help="print audit records, newest first",
        description="Print audit records (who, when in UTC, what, the values changed).",
    )
    log.add_argument("--user", dest="by_user", metavar="NAME", help="changes made by NAME")
    log.add_argument("--table", help="changes to this table (member, plot, ...)")
    log.add_argument("--record", help="changes to this record id (with --table)")
    log.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first local day")
    log.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last local day")
    log.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    log.set_defaults(handler=run_log)

    head = commands.add_parser(
        "head",
        help="print the newest audit record's hash",
        description="Print the number of audit records and the newest one's SHA-256. Note "
        "it down: a trail cut or rewritten later will no longer end with it.",
    )
    head.set_defaults(handler=run_head)


def _date(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"{option} {text!r} is not a date (YYYY-MM-DD)") from exc


def run_log(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    since, until = audit.local_day_bounds(
        _date(args.date_from, "--from"), _date(args.date_to, "--to")
    )
    flt = audit.AuditFilter(
        username=args.by_user,
        table_name=args.table,
        record_id=args.record,
        since=since,
        until=until,
    )
    with ctx.db.reading(actor) as session:
        rows = audit.list_records(session, actor, flt, limit=args.limit)
        total = audit.count_records(session, actor, flt)
    for line in audit.describe_rows(rows):
        print(line)
    print(f"\n{len(rows)} of {total} audit records shown.")
    return 0


def run_head(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        head = audit.chain_head(session, actor)
    print(f"{head.count} audit records; newest {head.last_id}: {head.last_hash}")
    return 0
