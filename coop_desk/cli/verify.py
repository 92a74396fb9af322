"""``verify``: integrity and compliance checks, for treasurers, auditors and scripts."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from coop_desk.cli.context import CliContext, CliError
from coop_desk.i18n import _, ngettext
from coop_desk.services import audit
from coop_desk.services.verify import SEVERITY_LABELS, Finding, Severity, verify

# Findings of one check printed one line each before the rest are only counted: a database of
# a federation can have hundreds of the same warning, and a page of them hides the others.
EXAMPLES = 5


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
        "--all",
        action="store_true",
        help=_(
            "print every finding (by default a check with many shows its count and the first ones)"
        ),
    )
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
    for line in finding_lines(result.findings, show_all=args.all):
        print(line)
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


def finding_lines(findings: Sequence[Finding], *, show_all: bool = False) -> list[str]:
    """The lines ``verify`` prints: findings grouped per check, in the order the checks ran;
    a check with more than ``EXAMPLES`` findings gets a line with its count, its first
    ``EXAMPLES`` findings and a line saying how many more (``--all``: every finding)."""
    groups: dict[tuple[str, Severity], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.check, finding.severity), []).append(finding)
    lines: list[str] = []
    for (check, severity), group in groups.items():
        if show_all or len(group) <= EXAMPLES:
            lines += [f.describe() for f in group]
            continue
        lines.append(
            ngettext(
                "{severity} {check}: {count} finding, the first {shown}:",
                "{severity} {check}: {count} findings, the first {shown}:",
                len(group),
                severity=_(SEVERITY_LABELS[severity]),
                check=check,
                count=len(group),
                shown=EXAMPLES,
            )
        )
        lines += [f"  {f.describe()}" for f in group[:EXAMPLES]]
        lines.append(
            ngettext(
                "  ... and {count} more {check} finding (verify --all lists every one)",
                "  ... and {count} more {check} findings (verify --all lists every one)",
                len(group) - EXAMPLES,
                check=check,
                count=len(group) - EXAMPLES,
            )
        )
    return lines
