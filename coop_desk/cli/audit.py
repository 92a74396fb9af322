"""``audit`` (read the audit trail), ``audit-pack`` (the auditor's workbook for a year) and
``ledger export-beancount`` (the journal for an independent check with Beancount)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from coop_desk.cli.context import CliContext, CliError, book_year
from coop_desk.services import audit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("audit", help="the audit trail of every change")
    commands = group.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    log = commands.add_parser(
        "log",
        help="print audit records, newest first",
        description="Print audit records (who, when in UTC, what, the values changed).",
    )
    log.add_argument("--by", dest="by_user", metavar="NAME", help="changes made by user NAME")
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

    pack = sub.add_parser(
        "audit-pack",
        help="write the audit pack workbook for a fiscal year",
        description="One .xlsx for the auditor: journal, trial balance, GA approvals, payments "
        "with voucher numbers and receipt hashes, the year's audit trail and the verify result.",
    )
    pack.add_argument("output", metavar="OUT.xlsx")
    pack.add_argument("--year", type=book_year, required=True, help="fiscal year")
    pack.set_defaults(handler=run_audit_pack)

    # A subcommand of the ledger group (created here if the ledger module did not).
    ledger = sub.choices.get("ledger") or sub.add_parser("ledger", help="the Premium ledger")
    found = [a for a in ledger._actions if isinstance(a, argparse._SubParsersAction)]
    commands_ = (
        found[0]
        if found
        else ledger.add_subparsers(dest="ledger_command", metavar="ACTION", required=True)
    )
    bean = commands_.add_parser(
        "export-beancount",
        help="write the journal as a Beancount file (check it with bean-check)",
        description="Write the journal for Beancount, so the books can be rechecked with an "
        "independent tool. With --year: that fiscal year, opening with its carried balances; "
        "without: every year as one continuous ledger.",
    )
    bean.add_argument("output", metavar="OUT.beancount")
    bean.add_argument("--year", type=book_year, help="one fiscal year (default: every year)")
    bean.set_defaults(handler=run_export_beancount)


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


def _output(text: str, suffix: str) -> Path:
    path = Path(text).expanduser().resolve()
    if path.suffix.lower() != suffix:
        raise CliError(f"the output file should end in {suffix}: {text}")
    if not path.parent.is_dir():
        raise CliError(f"the folder {path.parent} does not exist")
    return path


def run_audit_pack(args: argparse.Namespace, ctx: CliContext) -> int:
    from coop_desk.services.audit_pack import build_audit_pack

    target = _output(args.output, ".xlsx")
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        result = build_audit_pack(session, actor, target, args.year)
    print(
        f"Audit pack for {result.year} written: {result.path} ({result.entries} journal "
        f"entries, {result.audit_records} audit records; integrity "
        f"{'OK' if result.integrity_ok else 'FAILED'})."
    )
    return 0


def run_export_beancount(args: argparse.Namespace, ctx: CliContext) -> int:
    from coop_desk.services.ledger.beancount import export_beancount

    target = _output(args.output, ".beancount")
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        result = export_beancount(session, actor, target, args.year)
    print(
        f"Beancount file written: {result.path} ({result.entries} transactions, "
        f"{result.accounts} accounts). Check it with: bean-check {result.path}"
    )
    return 0
