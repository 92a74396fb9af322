"""``members``: the member register on the command line."""

from __future__ import annotations

import argparse

from coop_desk.cli.context import CliContext
from coop_desk.cli.output import table
from coop_desk.domain.members import GENDER_LABELS, STATUS_LABELS, MemberStatus
from coop_desk.i18n import _, formats
from coop_desk.services import members
from coop_desk.services.members import MemberFilter


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("members", help=_("the member register"))
    commands = group.add_subparsers(dest="members_command", metavar="ACTION", required=True)

    lst = commands.add_parser(
        "list", help=_("print the register"), description=_("Print the member register.")
    )
    lst.add_argument("--search", default="", help=_("text in code, names, DNI or community"))
    lst.add_argument("--status", choices=[s.value for s in MemberStatus])
    lst.add_argument("--gender", choices=sorted(GENDER_LABELS))
    lst.add_argument("--community")
    lst.set_defaults(handler=run_list)

    from coop_desk.cli import members_excel  # Excel import/export (issue 5)

    members_excel.register(commands)


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    flt = MemberFilter(
        text=args.search, status=args.status, gender=args.gender, community=args.community
    )
    with ctx.db.reading(actor) as session:
        rows = members.list_members(session, actor, flt)
        counts = members.register_counts(session, actor, flt)
    print(
        table(
            [
                _("Code"),
                _("Name"),
                _("DNI"),
                _("Gender"),
                _("Community"),
                _("Status"),
                _("Joined"),
                _("Plots"),
                _("Coffee ha"),
            ],
            (
                [
                    r.code,
                    r.full_name,
                    r.dni or "",
                    r.gender,
                    r.community,
                    _(STATUS_LABELS[MemberStatus(r.status)]),
                    formats.date_text(r.join_date),
                    r.plot_count,
                    f"{r.coffee_area_ha:.2f}",
                ]
                for r in rows
            ),
            right={7, 8},
        )
    )
    print(
        _(
            "\n{members} members, {active} active, {women} women ({value}%)",
            members=counts.members,
            active=counts.active,
            women=counts.women,
            value=format(counts.women_share * 100, ".0f"),
        )
    )
    return 0
