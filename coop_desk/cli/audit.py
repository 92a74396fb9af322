"""``audit`` (read the audit trail), ``audit-pack`` (the auditor's workbook for a year) and
``ledger export-beancount`` (the journal for an independent check with Beancount)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from coop_desk.cli.args import iso_date
from coop_desk.cli.context import CliContext, CliError, book_year
from coop_desk.cli.output import print_trail_head
from coop_desk.i18n import _
from coop_desk.services import audit
from coop_desk.services.access import Actor

if TYPE_CHECKING:
    from coop_desk.services.audit_words import RecordWords


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("audit", help=_("the audit trail of every change"))
    commands = group.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    log = commands.add_parser(
        "log",
        help=_("print audit records, newest first"),
        description=_(
            "Print audit records (who, when in local time, which record in words, the fields "
            "changed with their values)."
        ),
    )
    log.add_argument("--by", dest="by_user", metavar="NAME", help=_("changes made by user NAME"))
    log.add_argument("--table", help=_("changes to this table (member, plot, ...)"))
    log.add_argument("--record", help=_("changes to this record id (with --table)"))
    log.add_argument(
        "--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD", help=_("first local day")
    )
    log.add_argument(
        "--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD", help=_("last local day")
    )
    log.add_argument("--limit", type=int, default=50, help=_("at most this many (default 50)"))
    log.set_defaults(handler=run_log)

    head = commands.add_parser(
        "head",
        help=_("print the newest audit record's hash"),
        description=_(
            "Print the number of audit records and the newest one's SHA-256, and the anchor "
            "N:HASH to note down: `coop-desk verify --anchor N:HASH` later proves the trail "
            "still holds it (a trail cut or rewritten since no longer does)."
        ),
    )
    head.set_defaults(handler=run_head)

    pack = sub.add_parser(
        "audit-pack",
        help=_("write the audit pack workbook for a fiscal year"),
        description=_(
            "One .xlsx for the auditor: journal, trial balance, GA approvals, payments with voucher numbers and receipt hashes, the year's audit trail and the verify result."
        ),
    )
    pack.add_argument("output", metavar="OUT.xlsx")
    pack.add_argument("--year", type=book_year, required=True, help=_("fiscal year"))
    pack.set_defaults(handler=run_audit_pack)

    # A subcommand of the ledger group (created here if the ledger module did not).
    ledger = sub.choices.get("ledger") or sub.add_parser("ledger", help=_("the Premium ledger"))
    found = [a for a in ledger._actions if isinstance(a, argparse._SubParsersAction)]
    commands_ = (
        found[0]
        if found
        else ledger.add_subparsers(dest="ledger_command", metavar="ACTION", required=True)
    )
    bean = commands_.add_parser(
        "export-beancount",
        help=_("write the journal as a Beancount file (check it with bean-check)"),
        description=_(
            "Write the journal for Beancount, so the books can be rechecked with an independent tool. With --year: that fiscal year, opening with its carried balances; without: every year as one continuous ledger."
        ),
    )
    bean.add_argument("output", metavar="OUT.beancount")
    bean.add_argument("--year", type=book_year, help=_("one fiscal year (default: every year)"))
    bean.set_defaults(handler=run_export_beancount)


def _log_page(
    session: Session, actor: Actor, flt: audit.AuditFilter, limit: int
) -> tuple[list[audit.AuditRow], int, list[RecordWords]]:
    """The records shown, how many match, and the records in words: one reading."""
    from coop_desk.services import audit_words  # only here: every command starts

    rows = audit.list_records(session, actor, flt, limit=limit)
    total = audit.count_records(session, actor, flt)
    return rows, total, audit_words.describe(session, actor, rows)


def run_log(args: argparse.Namespace, ctx: CliContext) -> int:
    since, until = audit.local_day_bounds(args.date_from, args.date_to)
    flt = audit.AuditFilter(
        username=args.by_user,
        table_name=args.table,
        record_id=args.record,
        since=since,
        until=until,
    )
    from coop_desk.services import audit_words

    rows, total, described = ctx.read(lambda s, a: _log_page(s, a, flt, args.limit))
    for line in audit_words.describe_lines(described):
        print(line)
    print(_("\n{count} of {total} audit records shown.", count=len(rows), total=total))
    return 0


def run_head(args: argparse.Namespace, ctx: CliContext) -> int:
    head = ctx.read(audit.chain_head)
    print(
        _(
            "{count} audit records; newest {last_id}: {last_hash}",
            count=head.count,
            last_id=head.last_id,
            last_hash=head.last_hash,
        )
    )
    anchor = f"{head.last_id}:{head.last_hash}"
    print(
        _(
            "Anchor: {anchor} (note it down; later, coop-desk verify --anchor {anchor} proves "
            "the trail still holds it)",
            anchor=anchor,
        )
    )
    return 0


def _output(text: str, suffix: str) -> Path:
    path = Path(text).expanduser().resolve()
    if path.suffix.lower() != suffix:
        raise CliError(
            _("the output file should end in {suffix}: {text}", suffix=suffix, text=text)
        )
    if not path.parent.is_dir():
        raise CliError(_("the folder {parent} does not exist", parent=path.parent))
    return path


def run_audit_pack(args: argparse.Namespace, ctx: CliContext) -> int:
    from coop_desk.services.audit_pack import build_audit_pack

    target = _output(args.output, ".xlsx")
    result = ctx.read(lambda s, a: build_audit_pack(s, a, target, args.year))
    print(
        _(
            "Audit pack for {year} written: {path} ({entries} journal entries, {audit_records} audit records; integrity {value}).",
            year=result.year,
            path=result.path,
            entries=result.entries,
            audit_records=result.audit_records,
            value="OK" if result.integrity_ok else "FAILED",
        )
    )
    print_trail_head(result.path)
    return 0


def run_export_beancount(args: argparse.Namespace, ctx: CliContext) -> int:
    from coop_desk.services.ledger.beancount import export_beancount

    target = _output(args.output, ".beancount")
    result = ctx.read(lambda s, a: export_beancount(s, a, target, args.year))
    print(
        _(
            "Beancount file written: {path} ({entries} transactions, {accounts} accounts). Check it with: bean-check {path}",
            path=result.path,
            entries=result.entries,
            accounts=result.accounts,
        )
    )
    print(
        _(
            "Audit trail head: {head} (written at the top of the file: coop-desk verify "
            "--anchor {path} proves the trail still holds it)",
            head=result.trail_head,
            path=result.path,
        )
    )
    return 0
