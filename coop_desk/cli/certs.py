"""``certs``: certificates, the organic Internal Control System (ICS) and its alerts."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from coop_desk.cli.context import CliContext, CliError
from coop_desk.cli.output import table
from coop_desk.domain.certification import CONVERSION_LABELS, ConversionStatus, SchemeKind
from coop_desk.domain.money import format_amount
from coop_desk.services import certification as certs
from coop_desk.services import ics_list
from coop_desk.services.certification import alerts as cert_alerts


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days") from exc
    if value < 0:
        raise argparse.ArgumentTypeError("the number of days cannot be negative")
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("certs", help="certificates and the organic Internal Control System")
    commands = group.add_subparsers(dest="certs_command", metavar="ACTION", required=True)

    alerts = commands.add_parser(
        "alerts",
        help="what needs attention: expiring certificates, inspections, limits",
        description="Print the certification alerts: certificates of the cooperative or of "
        "members expiring within N days, members not inspected this year and the ICS "
        "coverage, overdue corrective actions, members above 5 ha and a group above 2,000 "
        "members (EU rules), plots leaving conversion within N days.",
    )
    alerts.add_argument(
        "--days", type=_days, default=cert_alerts.DEFAULT_DAYS, help="horizon (default 90)"
    )
    alerts.add_argument("--date", type=_date, help="as of this date (default today)")
    alerts.set_defaults(handler=run_alerts)

    export = commands.add_parser(
        "export-ics",
        help="write the ICS approved-farmer list (xlsx)",
        description="Write the ICS list: code, name, plots with areas by status, yield "
        "estimate, last inspection and result, sanctions.",
    )
    export.add_argument("output", metavar="OUT.xlsx")
    export.add_argument("--date", type=_date, help="as of this date (default today)")
    export.set_defaults(handler=run_export)

    lst = commands.add_parser("list", help="the cooperative's certificates")
    lst.add_argument("--all", action="store_true", help="members' certificates too")
    lst.set_defaults(handler=run_list)

    coverage = commands.add_parser(
        "coverage", help="ICS coverage this year and the members still to inspect"
    )
    coverage.add_argument("--date", type=_date, help="as of this date (default today)")
    coverage.set_defaults(handler=run_coverage)

    scheme = commands.add_parser(
        "add-scheme",
        help="add a certification scheme (Rainforest Alliance, C.A.F.E. Practices...)",
    )
    scheme.add_argument("name")
    scheme.add_argument("--kind", choices=[k.value for k in SchemeKind], default="other")
    scheme.add_argument(
        "--member-certificates",
        action="store_true",
        help="each member needs a certificate of their own under this scheme",
    )
    scheme.set_defaults(handler=run_add_scheme)

    rules = commands.add_parser(
        "rules",
        help="show or change the group rules (conversion period, EU limits, sample)",
        description="Print the figures the certification rules use; with options, change "
        "them (defaults from DOMAIN.md: 36 months of conversion, 5 ha per member, 2,000 "
        "members per group, the certifier re-inspects 5%% of members, at least 10).",
    )
    rules.add_argument("--conversion-months", type=int)
    rules.add_argument("--max-member-area", type=Decimal, metavar="HA")
    rules.add_argument("--max-group-members", type=int)
    rules.add_argument("--reinspection-share", type=Decimal, metavar="FRACTION")
    rules.add_argument("--reinspection-minimum", type=int)
    rules.set_defaults(handler=run_rules)


def run_alerts(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    on = args.date or date.today()
    with ctx.db.reading(actor) as session:
        found = cert_alerts.alerts(session, actor, on, args.days)
    if not found:
        print(f"No certification alerts on {on.isoformat()} (horizon {args.days} days).")
        return 0
    print(
        table(
            ["Level", "Alert", "Date", "Details"],
            (
                [
                    a.level.value,
                    cert_alerts.KIND_LABELS[a.kind],
                    a.when.isoformat() if a.when else "",
                    a.message,
                ]
                for a in found
            ),
        )
    )
    print(f"\n{len(found)} alerts on {on.isoformat()} (horizon {args.days} days).")
    return 0


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    on = args.date or date.today()
    target = Path(args.output).expanduser()
    if target.suffix.lower() != ".xlsx":
        raise CliError(f"{args.output}: the file name must end in .xlsx")
    if not target.parent.resolve().is_dir():
        raise CliError(f"{args.output}: the folder {target.parent} does not exist")
    with ctx.db.reading(actor) as session:
        result = ics_list.export_ics_list(session, actor, target, on=on)
    print(f"ICS list written: {result.path} ({result.members} members, as of {on.isoformat()})")
    return 0


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        rows = certs.list_certificates(session, actor, everyone=args.all)
    today = date.today()
    print(
        table(
            ["Scheme", "Holder", "Certifier", "Number", "Issued", "Expires", "Days left", "Doc"],
            (
                [
                    r.scheme_name,
                    r.holder,
                    r.certifier,
                    r.number,
                    r.issue_date.isoformat(),
                    r.expiry_date.isoformat(),
                    r.days_left(today),
                    (r.document_sha256 or "")[:12],
                ]
                for r in rows
            ),
            right={6},
        )
    )
    return 0


def run_coverage(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    on = args.date or date.today()
    with ctx.db.reading(actor) as session:
        overview = certs.ics_overview(session, actor, on)
    print(
        f"ICS coverage {on.year}: {overview.inspected} of {overview.group_members} members "
        f"inspected ({overview.coverage_percent}%, target 100%)"
    )
    print(f"Certifier's re-inspection sample: {overview.reinspection_sample} members")
    for status in ConversionStatus:
        print(
            f"  {CONVERSION_LABELS[status]:<18} "
            f"{format_amount(overview.area_by_status.get(status, Decimal(0))):>10} ha"
        )
    if overview.not_inspected:
        print("\nNot yet inspected this year:")
        print(
            table(
                ["Code", "Name", "Community", "Last inspection"],
                (
                    [
                        f.code,
                        f.name,
                        f.community,
                        f.last_inspection_date.isoformat() if f.last_inspection_date else "never",
                    ]
                    for f in overview.not_inspected
                ),
            )
        )
    return 0


def run_rules(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    changes = {
        "conversion_months": args.conversion_months,
        "max_member_area_ha": args.max_member_area,
        "max_group_members": args.max_group_members,
        "reinspection_share": args.reinspection_share,
        "reinspection_minimum": args.reinspection_minimum,
    }
    changes = {k: v for k, v in changes.items() if v is not None}
    if changes:
        with ctx.db.transaction(actor) as session:
            current = certs.get_group_rules(session, actor)
            rules = certs.save_group_rules(session, actor, replace(current, **changes))
    else:
        with ctx.db.reading(actor) as session:
            rules = certs.get_group_rules(session, actor)
    print(f"Conversion period:        {rules.conversion_months} months")
    print(f"Member area limit:        {rules.max_member_area_ha} ha")
    print(f"Group member limit:       {rules.max_group_members}")
    print(
        f"Certifier re-inspection:  {(rules.reinspection_share * 100).normalize():f}% of members, "
        f"at least {rules.reinspection_minimum}"
    )
    return 0


def run_add_scheme(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    data = certs.SchemeInput(
        name=args.name, kind=args.kind, member_certificates=args.member_certificates
    )
    with ctx.db.transaction(actor) as session:
        row = certs.add_scheme(session, actor, data)
    print(f"Scheme added: {row.name} ({row.code})")
    return 0
