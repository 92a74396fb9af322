"""``verify``: integrity and compliance checks, for treasurers, auditors and scripts."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from coop_desk.cli.context import CliContext
from coop_desk.i18n import _, ngettext
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
    cmd.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        result = verify(session, actor)
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
