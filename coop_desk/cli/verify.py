"""``verify``: integrity and compliance checks, for treasurers, auditors and scripts."""

from __future__ import annotations

import argparse

from coop_desk.cli.context import CliContext, CliError
from coop_desk.services import audit
from coop_desk.services.verify import verify


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(
        "verify",
        help="check the integrity of the books and the audit trail, and compliance rules",
        description="Print every problem found. Exit status 1 when an integrity invariant "
        "fails; compliance warnings are printed and fail only with --strict. The trail is "
        "also checked against every head noted outside the database: the anchor log that "
        "backups keep, and each --anchor.",
    )
    cmd.add_argument("--strict", action="store_true", help="exit 1 on compliance warnings too")
    cmd.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="N:HASH|FILE",
        help="a head of the audit trail noted earlier (as `audit head` prints it), or a file "
        "that holds one: an audit pack or any workbook coop-desk wrote, a backup copy, an "
        "anchor log; prove the trail still holds it (may be repeated)",
    )
    cmd.add_argument(
        "--no-anchor-log",
        action="store_true",
        help="do not read the anchor log of this computer's backups",
    )
    cmd.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    name = audit.database_name(ctx.db.url)
    anchors: list[audit.Anchor] = []
    for given in args.anchor:
        try:
            anchors += audit.anchors_from(given, name)
        except audit.AnchorError as exc:
            raise CliError(f"--anchor {exc}") from exc
    logged = [] if args.no_anchor_log else audit.logged_anchors(ctx.db.url)
    anchors += logged
    with ctx.db.reading(actor) as session:
        result = verify(session, actor, anchors=anchors)
    for finding in result.findings:
        print(finding.describe())
    print(
        f"\n{len(result.checks_run)} checks run: {len(result.errors)} integrity errors, "
        f"{len(result.warnings)} compliance warnings."
    )
    if anchors:
        newest = max(anchors, key=lambda a: a.record)
        print(
            f"Anchors checked: {len(anchors)} ({len(logged)} from the backups' anchor log); the "
            f"newest is record {newest.record}."
        )
    if result.errors:
        print("Integrity: FAILED")
        return 1
    print("Integrity: OK")
    return 1 if args.strict and result.warnings else 0
