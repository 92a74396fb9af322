"""``plots``, ``deliveries``, ``lots`` and ``eudr``: from plot to shipment on the command line.

- ``plots check`` / ``plots import`` / ``plots boundary`` / ``plots evidence`` / ``plots rules``:
  the geolocation and deforestation-free records the EU deforestation regulation asks for;
- ``deliveries list|add|edit|delete``: purchases from members (acopio), with the ICS red flag;
- ``lots list|add|edit|assign|remove|delete``: grouping deliveries for contracts;
- ``eudr contracts|reference|export|trace``: the buyer's due-diligence reference, the buyer's
  GeoJSON + plot list, and the traceability report.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from coop_desk.cli.args import decimal_number, iso_date
from coop_desk.cli.context import CliContext, CliError
from coop_desk.cli.output import table
from coop_desk.domain.eudr import EudrRules, EvidenceKind
from coop_desk.domain.geometry import Boundary, GeoIssue, GeometryError, Position, parse_utm_zone
from coop_desk.domain.money import format_amount
from coop_desk.domain.trade import DeliveryInput
from coop_desk.i18n import N_, _, formats, ngettext
from coop_desk.services import members, plot_geo, trade
from coop_desk.services.access import Actor
from coop_desk.services.ledger import contracts
from coop_desk.services.plot_geo import (
    EvidenceInput,
    GeoFeature,
    ImportAction,
    ImportOptions,
    guess_fields,
    read_geo_file,
)
from coop_desk.services.trade import DeliveryFilter, LotInput


def _zone(text: str) -> int:
    try:
        return parse_utm_zone(text)
    except GeometryError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _register_plots(sub)
    _register_deliveries(sub)
    _register_lots(sub)
    _register_eudr(sub)


def _register_plots(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser(
        "plots", help=_("plot boundaries, planting dates and evidence (EU deforestation rules)")
    )
    commands = group.add_subparsers(dest="plots_command", metavar="ACTION", required=True)

    check = commands.add_parser(
        "check",
        help=_("check every plot against the EU deforestation rules, with the reasons"),
        description=_(
            "Each plot: a polygon above 4 ha, a closed boundary that does not cross "
            "itself, in Peru, its area within the tolerance of the recorded area, no overlap with "
            "another plot, planted before the cut-off date, evidence recorded."
        ),
    )
    check.add_argument("--member", metavar="CODE", help=_("only this member's plots"))
    check.add_argument("--failing", action="store_true", help=_("only plots that fail"))
    check.set_defaults(handler=run_check)

    imp = commands.add_parser(
        "import",
        help=_("import plot boundaries and points from GeoJSON, KML/KMZ or GPX"),
        description=_(
            "Match each feature of the file to a plot (by plot code, or member code "
            "and plot name) and store its boundary or point. --dry-run shows what would happen, "
            "feature by feature; features that cannot be used are listed with the reason and "
            "never stop the others."
        ),
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help=_("show the preview, change nothing"))
    imp.add_argument("--member-field", metavar="PROPERTY", help=_("property with the member code"))
    imp.add_argument("--plot-field", metavar="PROPERTY", help=_("property naming the plot"))
    imp.add_argument(
        "--utm-zone",
        type=_zone,
        metavar="ZONE",
        help=_("17S, 18S or 19S for coordinates in metres"),
    )
    imp.set_defaults(handler=run_import)

    boundary = commands.add_parser(
        "boundary",
        help=_("take one plot's boundary (or GPS point) from a GeoJSON, KML/KMZ or GPX file"),
        description=_(
            "For a file that does not name the plot, such as a phone's track walked around "
            "it (the window's Boundary from file...). A file with several features lists them "
            "and stores nothing until --feature chooses one."
        ),
    )
    boundary.add_argument("member", metavar="MEMBER-CODE")
    boundary.add_argument("plot", metavar="PLOT-NAME")
    boundary.add_argument("file", metavar="FILE")
    boundary.add_argument(
        "--feature", type=int, metavar="N", help=_("the number of the feature in the file")
    )
    boundary.add_argument(
        "--utm-zone",
        type=_zone,
        metavar="ZONE",
        help=_("17S, 18S or 19S for coordinates in metres"),
    )
    boundary.set_defaults(handler=run_boundary)

    evidence = commands.add_parser(
        "evidence", help=_("record a plot's planting date and deforestation-free evidence")
    )
    evidence.add_argument("member", metavar="MEMBER-CODE")
    evidence.add_argument("plot", metavar="PLOT-NAME")
    evidence.add_argument("--planted", type=iso_date, required=True, help=_("coffee planted on"))
    evidence.add_argument("--farmland-since", type=iso_date, help=_("farmland since (if earlier)"))
    evidence.add_argument("--kind", choices=[k.value for k in EvidenceKind])
    evidence.add_argument("--reference", default="", help=_("the evidence's reference"))
    evidence.add_argument("--document", metavar="FILE", help=_("attach the evidence document"))
    evidence.add_argument("--code", default="", help=_("the plot's code in the ICS / surveys"))
    evidence.set_defaults(handler=run_evidence)

    rules = commands.add_parser(
        "rules",
        help=_("show or change the figures of the EU deforestation rules"),
        description=_(
            "Defaults: a polygon above 4 ha, 10%% area tolerance, 100 m² overlap "
            "tolerance, cut-off date 2020-12-31."
        ),
    )
    rules.add_argument("--polygon-above", type=decimal_number, metavar="HA")
    rules.add_argument("--area-tolerance", type=decimal_number, metavar="PERCENT")
    rules.add_argument("--overlap-tolerance", type=decimal_number, metavar="M2")
    rules.add_argument("--cutoff", type=iso_date, metavar="DATE")
    rules.add_argument(
        "--yield-tolerance",
        type=decimal_number,
        metavar="PERCENT",
        help=_("how far above the yield estimate before the red flag"),
    )
    rules.set_defaults(handler=run_rules)


def _register_deliveries(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("deliveries", help=_("coffee bought from members (acopio)"))
    commands = group.add_subparsers(dest="deliveries_command", metavar="ACTION", required=True)
    lst = commands.add_parser("list", help=_("deliveries, newest first, with the ICS red flag"))
    lst.add_argument("--member", metavar="CODE")
    lst.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE")
    lst.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE")
    lst.add_argument("--flagged", action="store_true", help=_("only above the yield estimate"))
    lst.add_argument("--unassigned", action="store_true", help=_("only those in no lot"))
    lst.set_defaults(handler=run_deliveries)

    add = commands.add_parser("add", help=_("record a delivery"))
    add.add_argument("member", metavar="MEMBER-CODE")
    add.add_argument("kg", type=decimal_number, metavar="KG", help=_("kg of parchment coffee"))
    add.add_argument("--moisture", type=decimal_number, required=True, metavar="PERCENT")
    add.add_argument(
        "--yield-factor",
        type=decimal_number,
        required=True,
        metavar="PERCENT",
        help=_("exportable green coffee from the parchment, e.g. 80"),
    )
    add.add_argument("--price", type=decimal_number, required=True, metavar="PER-KG")
    add.add_argument("--currency", default="PEN")
    add.add_argument("--date", type=iso_date, help=_("default today"))
    add.add_argument("--certified", action="store_true", help=_("certified coffee"))
    add.add_argument("--point", default="", metavar="NAME", help=_("collection point"))
    add.add_argument("--number", default="", help=_("ticket number (default: the next one)"))
    add.set_defaults(handler=run_add_delivery)

    edit = commands.add_parser(
        "edit",
        help=_("correct a delivery that is in no lot yet"),
        description=_("Only the values given change; the others stay as recorded."),
    )
    edit.add_argument("number", metavar="NUMBER")
    edit.add_argument("--member", metavar="MEMBER-CODE")
    edit.add_argument("--kg", type=decimal_number, metavar="KG", help=_("kg of parchment coffee"))
    edit.add_argument("--moisture", type=decimal_number, metavar="PERCENT")
    edit.add_argument("--yield-factor", type=decimal_number, metavar="PERCENT")
    edit.add_argument("--price", type=decimal_number, metavar="PER-KG")
    edit.add_argument("--currency")
    edit.add_argument("--date", type=iso_date)
    kind = edit.add_mutually_exclusive_group()
    kind.add_argument(
        "--certified",
        dest="certified",
        action="store_true",
        default=None,
        help=_("certified coffee"),
    )
    kind.add_argument(
        "--conventional", dest="certified", action="store_false", help=_("conventional coffee")
    )
    edit.add_argument("--point", metavar="NAME", help=_("collection point"))
    edit.add_argument("--notes")
    edit.set_defaults(handler=run_edit_delivery)

    delete = commands.add_parser("delete", help=_("remove a delivery recorded by mistake"))
    delete.add_argument("number", metavar="NUMBER")
    delete.set_defaults(handler=run_delete_delivery)


def _register_lots(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("lots", help=_("lots of deliveries for contracts"))
    commands = group.add_subparsers(dest="lots_command", metavar="ACTION", required=True)
    lst = commands.add_parser("list", help=_("lots with their kg and contract"))
    lst.set_defaults(handler=run_lots)

    add = commands.add_parser("add", help=_("create a lot"))
    add.add_argument("code", metavar="CODE")
    add.add_argument("--contract", metavar="NUMBER")
    add.add_argument("--conventional", action="store_true", help=_("a conventional lot"))
    add.add_argument("--producer", metavar="MEMBER-CODE", help=_("a micro-lot of one producer"))
    add.add_argument("--date", type=iso_date, help=_("default today"))
    add.add_argument("--notes", default="")
    add.set_defaults(handler=run_add_lot)

    edit = commands.add_parser(
        "edit",
        help=_("change a lot: its contract, producer, code or notes"),
        description=_("Only the values given change; the others stay as recorded."),
    )
    edit.add_argument("lot", metavar="LOT")
    edit.add_argument("--code", metavar="NEW-CODE")
    contract = edit.add_mutually_exclusive_group()
    contract.add_argument("--contract", metavar="NUMBER")
    contract.add_argument(
        "--no-contract", action="store_true", help=_("the lot is for no contract yet")
    )
    kind = edit.add_mutually_exclusive_group()
    kind.add_argument(
        "--certified",
        dest="certified",
        action="store_true",
        default=None,
        help=_("a certified lot"),
    )
    kind.add_argument(
        "--conventional", dest="certified", action="store_false", help=_("a conventional lot")
    )
    producer = edit.add_mutually_exclusive_group()
    producer.add_argument(
        "--producer", metavar="MEMBER-CODE", help=_("a micro-lot of one producer")
    )
    producer.add_argument("--no-producer", action="store_true", help=_("no longer a micro-lot"))
    edit.add_argument("--date", type=iso_date)
    edit.add_argument("--notes")
    edit.set_defaults(handler=run_edit_lot)

    assign = commands.add_parser("assign", help=_("put deliveries into a lot"))
    assign.add_argument("lot", metavar="LOT")
    assign.add_argument("deliveries", metavar="DELIVERY", nargs="+")
    assign.set_defaults(handler=run_assign)

    remove = commands.add_parser("remove", help=_("take deliveries out of a lot"))
    remove.add_argument("lot", metavar="LOT")
    remove.add_argument("deliveries", metavar="DELIVERY", nargs="+")
    remove.set_defaults(handler=run_remove)

    delete = commands.add_parser("delete", help=_("remove an empty lot created by mistake"))
    delete.add_argument("lot", metavar="LOT")
    delete.set_defaults(handler=run_delete_lot)


def _register_eudr(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser(
        "eudr", help=_("the buyer's EU deforestation file and the traceability report")
    )
    commands = group.add_subparsers(dest="eudr_command", metavar="ACTION", required=True)
    lst = commands.add_parser("contracts", help=_("contracts with their lots and references"))
    lst.set_defaults(handler=run_contracts)

    ref = commands.add_parser(
        "reference", help=_("record the buyer's due-diligence statement reference on a contract")
    )
    ref.add_argument("contract", metavar="CONTRACT")
    ref.add_argument("reference", metavar="REFERENCE", help=_('"" removes it'))
    ref.set_defaults(handler=run_reference)

    export = commands.add_parser(
        "export",
        help=_("write the buyer's GeoJSON of a contract's plots and the plot list beside it"),
        description=_(
            "The plots of the members whose coffee is in the contract's lots, as one "
            "GeoJSON FeatureCollection the EU information system accepts (RFC 7946; "
            "ProducerName, ProducerCountry, ProductionPlace, Area for points), and OUT.xlsx "
            "listing member, DNI, plot, area, geometry, planting date and evidence. Refused, "
            "with each failing plot's reasons, while a plot fails the rules."
        ),
    )
    export.add_argument("contract", metavar="CONTRACT")
    export.add_argument("output", metavar="OUT.geojson")
    export.set_defaults(handler=run_export)

    trace = commands.add_parser(
        "trace",
        help=_("write the traceability report of a contract (xlsx)"),
        description=_(
            "contract -> lots -> deliveries -> members -> plots, with the kg and the "
            "Premium per member (pro rata of green coffee), for the Assembly and the auditors."
        ),
    )
    trace.add_argument("contract", metavar="CONTRACT")
    trace.add_argument("output", metavar="OUT.xlsx")
    trace.set_defaults(handler=run_trace)


# --- helpers -------------------------------------------------------------------------------


def _member_id(session: Session, actor: Actor, code: str) -> int:
    found = members.find_member_id(session, actor, code)
    if found is None:
        raise CliError(_("there is no member with the code {code}", code=repr(code)))
    return found


def _plot_id(session: Session, actor: Actor, member_code: str, plot_name: str) -> int:
    detail = members.get_member(session, actor, _member_id(session, actor, member_code))
    plots = [p for p in detail.plots if p.name.casefold() == plot_name.strip().casefold()]
    if len(plots) != 1:
        raise CliError(
            _(
                "{member} has no plot named {plot} (its plots: {plots})",
                member=detail.code,
                plot=repr(plot_name),
                plots=", ".join(p.name for p in detail.plots),
            )
        )
    return plots[0].id


def _contract_id(session: Session, actor: Actor, number: str) -> int:
    matches = [c for c in contracts.list_contracts(session, actor) if c.number == number.strip()]
    if len(matches) != 1:
        raise CliError(
            ngettext(
                "{n} contract is numbered {number}",
                "{n} contracts are numbered {number}",
                len(matches),
                number=repr(number),
            )
        )
    return matches[0].id


def _lot_id(session: Session, actor: Actor, code: str) -> int:
    for lot in trade.list_lots(session, actor):
        if lot.code.upper() == code.strip().upper():
            return lot.id
    raise CliError(_("there is no lot {code}", code=repr(code)))


def _delivery_ids(session: Session, actor: Actor, numbers: list[str]) -> list[int]:
    known = {d.number: d.id for d in trade.list_deliveries(session, actor)}
    missing = [n for n in numbers if n not in known]
    if missing:
        raise CliError(_("no delivery numbered {numbers}", numbers=", ".join(missing)))
    return [known[n] for n in numbers]


def _kg(value: Decimal) -> str:
    return formats.amount(value)


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def _shipped(number: str, shipped: bool) -> str:
    return _("{number} (shipped)", number=number) if shipped else number


def _finding(found: GeoIssue) -> str:
    return (
        _("error: {message}", message=found.message)
        if found.is_error
        else _("warning: {message}", message=found.message)
    )


# --- plots ---------------------------------------------------------------------------------

GEOLOCATION = {"polygon": N_("polygon"), "point": N_("point"), "none": N_("no geolocation")}


def run_check(args: argparse.Namespace, ctx: CliContext) -> int:
    def check(session: Session, actor: Actor) -> list[plot_geo.PlotGeoRow]:
        ids = [_member_id(session, actor, args.member)] if args.member else None
        return plot_geo.plot_checks(session, actor, member_ids=ids)

    rows = ctx.read(check)
    failing = [r for r in rows if not r.passes]
    shown = failing if args.failing else rows
    for row in shown:
        print(
            _(
                "{plot} ({area} ha, {kind}): {status}",
                plot=row.label,
                area=row.total_area_ha.normalize(),
                kind=_(GEOLOCATION[row.geometry_kind]),
                status=_("passes") if row.passes else _("FAILS"),
            )
        )
        for found in row.issues:
            print("    " + _finding(found))
    print(
        _(
            "{n} plots, {passing} pass, {failing} fail.",
            n=len(rows),
            passing=len(rows) - len(failing),
            failing=len(failing),
        )
    )
    return 0


IMPORT_VERBS = {
    ImportAction.BOUNDARY: N_("boundary"),
    ImportAction.POINT: N_("GPS point"),
    ImportAction.UNCHANGED: N_("unchanged"),
    ImportAction.SKIP: N_("cannot be used"),
}


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CliError(_("{path} does not exist", path=path))
    geo = read_geo_file(path, utm_zone=args.utm_zone)
    member_field, plot_field = guess_fields(geo.features)
    options = ImportOptions(
        member_field=args.member_field or member_field,
        plot_field=args.plot_field or plot_field,
        source_name=path.name,
    )
    run = ctx.read if args.dry_run else ctx.write
    result = run(lambda s, a: plot_geo.import_geometry(s, a, geo, options, dry_run=args.dry_run))
    print(
        _(
            "{file}: {kind}, {crs}, {n} features (member code from {member}, plot from {plot}).",
            file=path.name,
            kind=result.kind,
            crs=geo.crs,
            n=len(result.rows),
            member=options.member_field or _("the feature name"),
            plot=options.plot_field or _("the feature name"),
        )
    )
    for row in result.rows:
        target = f"{row.member_code} {row.plot_name}" if row.plot_id else "-"
        verb = _(IMPORT_VERBS[row.action])
        if row.usable and row.replaces:
            verb = _("{what} (replaces the stored one)", what=verb)
        print(f"  {row.feature_number:>3}  {row.feature_label}  ->  {target}: {verb}")
        for found in row.problems:
            print(f"         {found.message}")
        for found in row.warnings:
            print("         " + _("note: {message}", message=found.message))
    if args.dry_run:
        print(
            _(
                "{stored} would be stored, {skipped} cannot be used.",
                stored=result.usable,
                skipped=result.skipped,
            )
        )
    else:
        print(
            _(
                "{stored} stored, {skipped} cannot be used.",
                stored=result.usable,
                skipped=result.skipped,
            )
        )
    return 0


def run_evidence(args: argparse.Namespace, ctx: CliContext) -> int:
    def store(session: Session, actor: Actor) -> plot_geo.PlotGeoRow:
        plot_id = _plot_id(session, actor, args.member, args.plot)
        plot_geo.set_evidence(
            session,
            actor,
            plot_id,
            EvidenceInput(
                coffee_planted_on=args.planted,
                farmland_since=args.farmland_since,
                evidence_kind=args.kind or "",
                evidence_reference=args.reference,
                document_path=args.document,
                plot_code=args.code,
            ),
        )
        return plot_geo.plot_check(session, actor, plot_id)

    _print_check(ctx.write(store))
    return 0


def _print_check(row: plot_geo.PlotGeoRow) -> None:
    print(f"{row.label}: {_('passes') if row.passes else _('FAILS')}")
    for found in row.issues:
        print("    " + _finding(found))


def _feature_kind(feature: GeoFeature) -> str:
    if isinstance(feature.geometry, Boundary):
        return _("a boundary of {n} positions", n=feature.geometry.position_count)
    if isinstance(feature.geometry, Position):
        return _("a GPS point: {position}", position=feature.geometry.describe())
    return _("cannot be used")


def run_boundary(args: argparse.Namespace, ctx: CliContext) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CliError(_("{path} does not exist", path=path))
    geo = read_geo_file(path, utm_zone=args.utm_zone)
    if not geo.features:
        raise CliError(_("{file} holds no feature with coordinates", file=path.name))
    if args.feature is None and len(geo.features) > 1:
        for feature in geo.features:
            print(f"  {feature.number:>3}  {feature.label}: {_feature_kind(feature)}")
            for found in feature.problems:
                print(f"         {found.message}")
        raise CliError(
            _(
                "{file} holds {n} features: choose one with --feature N (nothing was stored)",
                file=path.name,
                n=len(geo.features),
            )
        )
    number = args.feature if args.feature is not None else geo.features[0].number
    chosen = [f for f in geo.features if f.number == number]
    if not chosen:
        raise CliError(
            _(
                "{file} has no feature {number} (its features are numbered 1 to {n})",
                file=path.name,
                number=number,
                n=len(geo.features),
            )
        )
    feature = chosen[0]
    if feature.geometry is None:
        raise CliError(
            _(
                "feature {number} ({label}) cannot be used: {reasons}",
                number=feature.number,
                label=feature.label,
                reasons="; ".join(i.message for i in feature.problems),
            )
        )
    geometry = feature.geometry

    def store(session: Session, actor: Actor) -> plot_geo.PlotGeoRow:
        plot_id = _plot_id(session, actor, args.member, args.plot)
        if isinstance(geometry, Boundary):
            source = f"{geo.kind} {path.name}: {feature.label}"
            plot_geo.set_boundary(session, actor, plot_id, geometry, source)
        else:
            plot_geo.set_point(session, actor, plot_id, geometry)
        return plot_geo.plot_check(session, actor, plot_id)

    row = ctx.write(store)
    print(_("Stored {what} from {file}.", what=_feature_kind(feature), file=path.name))
    for found in feature.notes:
        print("    " + _("note: {message}", message=found.message))
    _print_check(row)
    return 0


def run_rules(args: argparse.Namespace, ctx: CliContext) -> int:
    changes = {
        "polygon_threshold_ha": args.polygon_above,
        "area_tolerance_pct": args.area_tolerance,
        "overlap_tolerance_m2": args.overlap_tolerance,
        "cutoff_date": args.cutoff,
    }
    changing = {k: v for k, v in changes.items() if v is not None}

    def rules_now(session: Session, actor: Actor) -> tuple[EudrRules, Decimal]:
        if changing:
            current = plot_geo.get_rules(session, actor)
            plot_geo.save_rules(session, actor, EudrRules(**{**current.__dict__, **changing}))
        if args.yield_tolerance is not None:
            trade.save_yield_tolerance(session, actor, args.yield_tolerance)
        return plot_geo.get_rules(session, actor), trade.yield_tolerance(session)

    run = ctx.write if changing or args.yield_tolerance is not None else ctx.read
    rules, tolerance = run(rules_now)
    print(
        table(
            [_("Rule"), _("Value")],
            [
                [_("A polygon is needed above (ha)"), rules.polygon_threshold_ha.normalize()],
                [_("Area tolerance (%)"), rules.area_tolerance_pct.normalize()],
                [_("Overlap tolerance (m²)"), rules.overlap_tolerance_m2.normalize()],
                [_("Deforestation cut-off date"), formats.date_text(rules.cutoff_date)],
                [_("Yield estimate tolerance (%)"), tolerance.normalize()],
            ],
        )
    )
    return 0


# --- deliveries ------------------------------------------------------------------------------


def run_deliveries(args: argparse.Namespace, ctx: CliContext) -> int:
    def listing(session: Session, actor: Actor) -> list[trade.DeliveryRow]:
        member_id = _member_id(session, actor, args.member) if args.member else None
        return trade.list_deliveries(
            session,
            actor,
            DeliveryFilter(
                member_id=member_id,
                date_from=args.date_from,
                date_to=args.date_to,
                unassigned=args.unassigned,
                flagged=args.flagged,
            ),
        )

    rows = ctx.read(listing)
    print(
        table(
            [
                _("Number"),
                _("Date"),
                _("Member"),
                _("Collection point"),
                _("kg"),
                _("Moisture %"),
                _("Yield %"),
                _("Amount"),
                _("Certified"),
                _("Lot"),
                _("ICS flag"),
            ],
            (
                [
                    r.number,
                    formats.date_text(r.delivery_date),
                    f"{r.member_code} {r.member_name}",
                    r.collection_point,
                    _kg(r.kg),
                    r.moisture_pct,
                    r.yield_factor_pct,
                    f"{r.currency} {format_amount(r.amount)}",
                    _yes(r.certified),
                    r.lot_code,
                    _("above the yield estimate") if r.over_estimate else "",
                ]
                for r in rows
            ),
            right={4, 5, 6, 7},
        )
    )
    flagged = sum(1 for r in rows if r.over_estimate)
    total = sum((r.kg for r in rows), Decimal(0))
    print(
        _(
            "{n} deliveries, {kg} kg of parchment; {flagged} above the yield estimate.",
            n=len(rows),
            kg=_kg(total),
            flagged=flagged,
        )
    )
    return 0


def run_add_delivery(args: argparse.Namespace, ctx: CliContext) -> int:
    def create(session: Session, actor: Actor) -> trade.DeliveryRow:
        return trade.create_delivery(
            session,
            actor,
            DeliveryInput(
                member_id=_member_id(session, actor, args.member),
                delivery_date=args.date or date.today(),
                kg=args.kg,
                moisture_pct=args.moisture,
                yield_factor_pct=args.yield_factor,
                price_per_kg=args.price,
                certified=args.certified,
                collection_point=args.point,
                number=args.number,
                currency=args.currency,
            ),
        )

    _print_delivery(ctx.write(create))
    return 0


def run_edit_delivery(args: argparse.Namespace, ctx: CliContext) -> int:
    def update(session: Session, actor: Actor) -> trade.DeliveryRow:
        (delivery_id,) = _delivery_ids(session, actor, [args.number])
        current = trade.get_delivery(session, actor, delivery_id).to_input()
        changes = {
            "member_id": _member_id(session, actor, args.member) if args.member else None,
            "delivery_date": args.date,
            "kg": args.kg,
            "moisture_pct": args.moisture,
            "yield_factor_pct": args.yield_factor,
            "price_per_kg": args.price,
            "currency": args.currency,
            "certified": args.certified,
            "collection_point": args.point,
            "notes": args.notes,
        }
        data = replace(current, **{k: v for k, v in changes.items() if v is not None})
        return trade.update_delivery(session, actor, delivery_id, data)

    _print_delivery(ctx.write(update))
    return 0


def _print_delivery(row: trade.DeliveryRow) -> None:
    print(
        _(
            "Delivery {number}: {member}, {kg} kg, {currency} {amount}.",
            number=row.number,
            member=row.member_code,
            kg=_kg(row.kg),
            currency=row.currency,
            amount=format_amount(row.amount),
        )
    )
    if row.over_estimate:
        print(
            _(
                "ICS RED FLAG: {member} has delivered {kg} kg this season, above the yield "
                "estimate of {estimate} kg.",
                member=row.member_code,
                kg=_kg(row.season_kg),
                estimate=_kg(row.yield_estimate_kg or Decimal(0)),
            )
        )


def run_delete_delivery(args: argparse.Namespace, ctx: CliContext) -> int:
    def delete(session: Session, actor: Actor) -> None:
        (delivery_id,) = _delivery_ids(session, actor, [args.number])
        trade.delete_delivery(session, actor, delivery_id)

    ctx.write(delete)
    print(_("Delivery {number} removed.", number=args.number))
    return 0


# --- lots ------------------------------------------------------------------------------------


def run_lots(args: argparse.Namespace, ctx: CliContext) -> int:
    print(_lots_table(ctx.read(trade.list_lots)))
    return 0


def _lots_table(rows: list[trade.LotRow]) -> str:
    return table(
        [
            _("Lot"),
            _("Certified"),
            _("Contract"),
            _("Micro-lot producer"),
            _("Deliveries"),
            _("Members"),
            _("kg"),
            _("Green kg"),
        ],
        (
            [
                r.code,
                _yes(r.certified),
                _shipped(r.contract_number, r.shipped) if r.contract_number else "",
                r.producer_name,
                r.deliveries,
                r.members,
                _kg(r.kg),
                _kg(r.green_kg),
            ]
            for r in rows
        ),
        right={4, 5, 6, 7},
    )


def run_add_lot(args: argparse.Namespace, ctx: CliContext) -> int:
    def create(session: Session, actor: Actor) -> trade.LotRow:
        return trade.create_lot(
            session,
            actor,
            LotInput(
                code=args.code,
                certified=not args.conventional,
                contract_id=_contract_id(session, actor, args.contract) if args.contract else None,
                producer_member_id=(
                    _member_id(session, actor, args.producer) if args.producer else None
                ),
                created_on=args.date or date.today(),
                notes=args.notes,
            ),
        )

    print(_("Lot {lot} created.", lot=ctx.write(create).code))
    return 0


def run_edit_lot(args: argparse.Namespace, ctx: CliContext) -> int:
    def update(session: Session, actor: Actor) -> trade.LotRow:
        lot_id = _lot_id(session, actor, args.lot)
        data = trade.get_lot(session, actor, lot_id).to_input()
        if args.contract:
            data = replace(data, contract_id=_contract_id(session, actor, args.contract))
        elif args.no_contract:
            data = replace(data, contract_id=None)
        if args.producer:
            data = replace(data, producer_member_id=_member_id(session, actor, args.producer))
        elif args.no_producer:
            data = replace(data, producer_member_id=None)
        if args.certified is not None:
            data = replace(data, certified=args.certified)
        if args.code is not None:
            data = replace(data, code=args.code)
        if args.date is not None:
            data = replace(data, created_on=args.date)
        if args.notes is not None:
            data = replace(data, notes=args.notes)
        return trade.update_lot(session, actor, lot_id, data)

    print(_lots_table([ctx.write(update)]))
    return 0


def _lot_line(row: trade.LotRow) -> str:
    return ngettext(
        "Lot {lot}: {n} delivery, {kg} kg.",
        "Lot {lot}: {n} deliveries, {kg} kg.",
        row.deliveries,
        lot=row.code,
        kg=_kg(row.kg),
    )


def run_assign(args: argparse.Namespace, ctx: CliContext) -> int:
    def assign(session: Session, actor: Actor) -> trade.LotRow:
        lot_id = _lot_id(session, actor, args.lot)
        return trade.add_to_lot(
            session, actor, lot_id, _delivery_ids(session, actor, args.deliveries)
        )

    print(_lot_line(ctx.write(assign)))
    return 0


def run_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    def remove(session: Session, actor: Actor) -> trade.LotRow:
        lot_id = _lot_id(session, actor, args.lot)
        return trade.remove_from_lot(
            session, actor, lot_id, _delivery_ids(session, actor, args.deliveries)
        )

    print(_lot_line(ctx.write(remove)))
    return 0


def run_delete_lot(args: argparse.Namespace, ctx: CliContext) -> int:
    def delete(session: Session, actor: Actor) -> str:
        lot_id = _lot_id(session, actor, args.lot)
        code = trade.get_lot(session, actor, lot_id).code
        trade.delete_lot(session, actor, lot_id)
        return code

    print(_("Lot {lot} removed.", lot=ctx.write(delete)))
    return 0


# --- eudr --------------------------------------------------------------------------------------


def run_contracts(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ctx.read(trade.list_trade_contracts)
    print(
        table(
            [
                _("Contract"),
                _("Buyer"),
                _("Signed"),
                _("kg sold"),
                _("Lots"),
                _("Green kg in lots"),
                _("Members"),
                _("Due-diligence reference"),
            ],
            (
                [
                    _shipped(r.number, r.shipped),
                    r.buyer_name,
                    formats.date_text(r.signing_date),
                    _kg(r.kg),
                    r.lots,
                    _kg(r.lot_green_kg),
                    r.members,
                    r.due_diligence_reference,
                ]
                for r in rows
            ),
            right={3, 4, 5, 6},
        )
    )
    return 0


def run_reference(args: argparse.Namespace, ctx: CliContext) -> int:
    def store(session: Session, actor: Actor) -> str:
        contract_id = _contract_id(session, actor, args.contract)
        return trade.set_due_diligence_reference(session, actor, contract_id, args.reference)

    text = ctx.write(store)
    print(
        _(
            "Contract {contract}: due-diligence reference {reference}.",
            contract=args.contract,
            reference=text or _("(none)"),
        )
    )
    return 0


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    def export(session: Session, actor: Actor) -> trade.EudrFiles:
        contract_id = _contract_id(session, actor, args.contract)
        return trade.write_eudr_export(session, actor, contract_id, args.output)

    try:
        files = ctx.read(export)
    except trade.ExportRefused as exc:
        print(
            ngettext(
                "error: the file for contract {contract} is not written: {n} plot fails "
                "the EU deforestation rules:",
                "error: the file for contract {contract} is not written: {n} plots fail "
                "the EU deforestation rules:",
                len(exc.plots),
                contract=args.contract,
            )
        )
        for plot in exc.plots:
            print(f"  {plot.label}:")
            for found in plot.errors:
                print(f"    - {found.message}")
        return 1
    plots = files.export.plots
    points = sum(1 for p in plots if p.boundary is None)
    print(
        _(
            "Wrote {file} ({n} plots: {polygons} polygons, {points} points; {kb} KB) and "
            "{listing}.",
            file=files.geojson,
            n=len(plots),
            polygons=len(plots) - points,
            points=points,
            kb=round(files.export.size_bytes / 1024),
            listing=files.listing,
        )
    )
    return 0


def run_trace(args: argparse.Namespace, ctx: CliContext) -> int:
    def export(session: Session, actor: Actor) -> tuple[Path, trade.Traceability]:
        contract_id = _contract_id(session, actor, args.contract)
        path = trade.export_traceability(session, actor, contract_id, args.output)
        return path, trade.traceability(session, actor, contract_id)

    path, report = ctx.read(export)
    print(
        _(
            "Wrote {file}: {lots} lots, {members} members, {kg} kg of parchment, Premium USD "
            "{premium} shared pro rata.",
            file=path,
            lots=len(report.lots),
            members=len(report.members),
            kg=_kg(report.kg),
            premium=format_amount(report.premium_due),
        )
    )
    return 0
