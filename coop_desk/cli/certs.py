"""``certs``: certificates, the organic Internal Control System (ICS) and its alerts."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from coop_desk.cli.args import iso_date
from coop_desk.cli.context import CliContext, CliError
from coop_desk.cli.output import print_trail_head, table
from coop_desk.domain.certification import CONVERSION_LABELS, ConversionStatus, SchemeKind
from coop_desk.domain.money import format_amount
from coop_desk.i18n import _, formats
from coop_desk.services import certification as certs
from coop_desk.services import ics_list
from coop_desk.services.certification import alerts as cert_alerts


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_("'{text}' is not a number of days", text=text)) from exc
    if value < 0:
        raise argparse.ArgumentTypeError(_("the number of days cannot be negative"))
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("certs", help=_("certificates and the organic Internal Control System"))
    commands = group.add_subparsers(dest="certs_command", metavar="ACTION", required=True)

    alerts = commands.add_parser(
        "alerts",
        help=_("what needs attention: expiring certificates, inspections, limits"),
        description=_(
            "Print the certification alerts: certificates of the cooperative or of members expiring within N days, members not inspected this year and the ICS coverage, overdue corrective actions, members above 5 ha and a group above 2,000 members (EU rules), plots leaving conversion within N days."
        ),
    )
    alerts.add_argument(
        "--days", type=_days, default=cert_alerts.DEFAULT_DAYS, help=_("horizon (default 90)")
    )
    alerts.add_argument("--date", type=iso_date, help=_("as of this date (default today)"))
    alerts.set_defaults(handler=run_alerts)

    export = commands.add_parser(
        "export-ics",
        help=_("write the ICS approved-farmer list (xlsx)"),
        description=_(
            "Write the ICS list: code, name, plots with areas by status, yield estimate, last inspection and result, sanctions."
        ),
    )
    export.add_argument("output", metavar="OUT.xlsx")
    export.add_argument("--date", type=iso_date, help=_("as of this date (default today)"))
    export.set_defaults(handler=run_export)

    lst = commands.add_parser("list", help=_("the cooperative's certificates"))
    lst.add_argument("--all", action="store_true", help=_("members' certificates too"))
    lst.set_defaults(handler=run_list)

    coverage = commands.add_parser(
        "coverage", help=_("ICS coverage this year and the members still to inspect")
    )
    coverage.add_argument("--date", type=iso_date, help=_("as of this date (default today)"))
    coverage.set_defaults(handler=run_coverage)

    scheme = commands.add_parser(
        "add-scheme",
        help=_("add a certification scheme (Rainforest Alliance, C.A.F.E. Practices...)"),
    )
    scheme.add_argument("name")
    scheme.add_argument("--kind", choices=[k.value for k in SchemeKind], default="other")
    scheme.add_argument(
        "--member-certificates",
        action="store_true",
        help=_("each member needs a certificate of their own under this scheme"),
    )
    scheme.set_defaults(handler=run_add_scheme)

    rules = commands.add_parser(
        "rules",
        help=_("show or change the group rules (conversion period, EU limits, sample)"),
        description=_(
            "Print the figures the certification rules use; with options, change them (defaults: 36 months of conversion, 5 ha per member, 2,000 members per group, the certifier re-inspects 5%% of members, at least 10)."
        ),
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
        print(_("No certification alerts on {on} (horizon {days} days).", on=on, days=args.days))
        return 0
    print(
        table(
            [_("Level"), _("Alert"), _("Date"), _("Details")],
            (
                [
                    _(cert_alerts.LEVEL_LABELS[a.level]),
                    _(cert_alerts.KIND_LABELS[a.kind]),
                    formats.date_text(a.when),
                    a.message,
                ]
                for a in found
            ),
        )
    )
    print(
        _(
            "\n{count} alerts on {on} (horizon {days} days).",
            count=len(found),
            on=on,
            days=args.days,
        )
    )
    return 0


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    on = args.date or date.today()
    target = Path(args.output).expanduser()
    if target.suffix.lower() != ".xlsx":
        raise CliError(_("{output}: the file name must end in .xlsx", output=args.output))
    if not target.parent.resolve().is_dir():
        raise CliError(
            _(
                "{output}: the folder {parent} does not exist",
                output=args.output,
                parent=target.parent,
            )
        )
    with ctx.db.reading(actor) as session:
        result = ics_list.export_ics_list(session, actor, target, on=on)
    print(
        _(
            "ICS list written: {path} ({count} members, as of {on})",
            path=result.path,
            count=result.members,
            on=on,
        )
    )
    print_trail_head(result.path)
    return 0


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        rows = certs.list_certificates(session, actor, everyone=args.all)
    today = date.today()
    print(
        table(
            [
                _("Scheme"),
                _("Holder"),
                _("Certifier"),
                _("Number"),
                _("Issued"),
                _("Expires"),
                _("Days left"),
                _("Doc"),
            ],
            (
                [
                    r.scheme_name,
                    r.holder,
                    r.certifier,
                    r.number,
                    formats.date_text(r.issue_date),
                    formats.date_text(r.expiry_date),
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
        _(
            "ICS coverage {year}: {inspected} of {group_members} members inspected ({coverage_percent}%, target 100%)",
            year=on.year,
            inspected=overview.inspected,
            group_members=overview.group_members,
            coverage_percent=overview.coverage_percent,
        )
    )
    print(
        _(
            "Certifier's re-inspection sample: {reinspection_sample} members",
            reinspection_sample=overview.reinspection_sample,
        )
    )
    for status in ConversionStatus:
        print(
            "  {status} {area} ha".format(
                status=format(_(CONVERSION_LABELS[status]), "<18"),
                area=format(format_amount(overview.area_by_status.get(status, Decimal(0))), ">10"),
            )
        )
    if overview.not_inspected:
        print(_("\nNot yet inspected this year:"))
        print(
            table(
                [_("Code"), _("Name"), _("Community"), _("Last inspection")],
                (
                    [
                        f.code,
                        f.name,
                        f.community,
                        formats.date_text(f.last_inspection_date) or _("never"),
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
    print(
        _(
            "Conversion period:        {conversion_months} months",
            conversion_months=rules.conversion_months,
        )
    )
    print(
        _(
            "Member area limit:        {max_member_area_ha} ha",
            max_member_area_ha=rules.max_member_area_ha,
        )
    )
    print(
        _(
            "Group member limit:       {max_group_members}",
            max_group_members=rules.max_group_members,
        )
    )
    print(
        _(
            "Certifier re-inspection:  {normalize}% of members, at least {reinspection_minimum}",
            normalize=format((rules.reinspection_share * 100).normalize(), "f"),
            reinspection_minimum=rules.reinspection_minimum,
        )
    )
    return 0


def run_add_scheme(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    data = certs.SchemeInput(
        name=args.name, kind=args.kind, member_certificates=args.member_certificates
    )
    with ctx.db.transaction(actor) as session:
        row = certs.add_scheme(session, actor, data)
    print(_("Scheme added: {name} ({code})", name=row.name, code=row.code))
    return 0
