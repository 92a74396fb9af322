"""``verify``: integrity and compliance checks, for treasurers, auditors and scripts."""

from __future__ import annotations

import argparse

from coop_desk.cli.context import CliContext
from coop_desk.i18n import _
from coop_desk.services.verify import verify


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(
        "verify",
        help=_("check the integrity of the books and the audit trail, and compliance rules"),
        description=_(
            "Print every problem found. Exit status 1 when an integrity invariant fails; compliance warnings are printed and fail only with --strict."
        ),
    )
    cmd.add_argument("--strict", action="store_true", help=_("exit 1 on compliance warnings too"))
    cmd.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        result = verify(session, actor)
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
    if result.errors:
        print(_("Integrity: FAILED"))
        return 1
    print(_("Integrity: OK"))
    return 1 if args.strict and result.warnings else 0
