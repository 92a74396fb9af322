"""``verify``: integrity and compliance checks, for treasurers, auditors and scripts."""

from __future__ import annotations

import argparse

from coop_desk.cli.context import CliContext, CliError
from coop_desk.i18n import _
from coop_desk.services import audit
from coop_desk.services.verify import verify


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(
        "verify",
        help=_("check the integrity of the books and the audit trail, and compliance rules"),
        description=_(
            "Print every problem found. Exit status 1 when an integrity invariant fails; compliance warnings are printed and fail only with --strict."
        )
        + " "
        + _(
            "The trail is also checked against every head noted outside the database: the "
            "anchor log that backups keep, and each --anchor."
        ),
    )
    cmd.add_argument("--strict", action="store_true", help=_("exit 1 on compliance warnings too"))
    cmd.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="N:HASH|FILE",
        help=_(
            "a head of the audit trail noted earlier (as `audit head` prints it), or a file "
            "that holds one: an audit pack or any workbook coop-desk wrote, a backup copy, an "
            "anchor log; prove the trail still holds it (may be repeated)"
        ),
    )
    cmd.add_argument(
        "--no-anchor-log",
        action="store_true",
        help=_("do not read the anchor log of this computer's backups"),
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
            raise CliError(_("--anchor {problem}", problem=exc)) from exc
    logged = [] if args.no_anchor_log else audit.logged_anchors(ctx.db.url)
    anchors += logged
    with ctx.db.reading(actor) as session:
        result = verify(session, actor, anchors=anchors)
    for finding in result.findings:
        print(finding.describe())
    print(
        _(
            "\n{count} checks run: {count2} integrity errors, {count3} compliance warnings.",
            count=len(result.checks_run),
            count2=len(result.errors),
            count3=len(result.warnings),
        )
    )
    if anchors:
        newest = max(anchors, key=lambda a: a.record)
        print(
            _(
                "Anchors checked: {count} ({logged} from the backups' anchor log); the newest is "
                "record {record}.",
                count=len(anchors),
                logged=len(logged),
                record=newest.record,
            )
        )
    if result.errors:
        print(_("Integrity: FAILED"))
        return 1
    print(_("Integrity: OK"))
    return 1 if args.strict and result.warnings else 0
