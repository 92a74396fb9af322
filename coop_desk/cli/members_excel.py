"""``members export``, ``members import`` and ``members template``: the register in Excel."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from coop_desk.cli.context import CliContext, CliError
from coop_desk.cli.output import print_trail_head, table
from coop_desk.domain.certification import organic_status_label
from coop_desk.i18n import _
from coop_desk.services import member_export, member_import
from coop_desk.services.access import Permission
from coop_desk.services.member_import import ACTION_LABELS, ERROR, UNCHANGED


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help=_("write the register to an Excel workbook"),
        description=_(
            "Write every member (all fields) and every plot to an .xlsx workbook: sheets Members, Plots and About."
        ),
    )
    export.add_argument("output", metavar="OUT.xlsx", help=_("workbook to write"))
    export.set_defaults(handler=run_export)

    imp = commands.add_parser(
        "import",
        help=_("import a member roster from Excel"),
        description=_(
            "Import members from an .xlsx roster. The header row may sit below title rows; headers in Spanish or English are recognised in any order. Members are matched by code: importing the same file again updates them. By default nothing is imported when any row is invalid."
        ),
    )
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument(
        "--dry-run", action="store_true", help=_("show what would happen, change nothing")
    )
    imp.add_argument(
        "--skip-invalid", action="store_true", help=_("import the valid rows, report the others")
    )
    imp.add_argument(
        "--sheet", help=_("the sheet to read (default: the one that looks like a roster)")
    )
    imp.add_argument(
        "--join-date",
        metavar="DATE",
        help=_(
            "date of joining for new members whose row gives none (dd/mm/yyyy or yyyy-mm-dd); members already registered keep theirs"
        ),
    )
    imp.add_argument(
        "--all",
        action="store_true",
        help=_("list every row in the report (by default: errors, and up to 200 new or changed)"),
    )
    imp.set_defaults(handler=run_import)

    template = commands.add_parser(
        "template",
        help=_("write an empty roster template"),
        description=_("Write an .xlsx with the recognised column headers and an example row."),
    )
    template.add_argument("output", metavar="OUT.xlsx")
    template.set_defaults(handler=run_template)


def _progress(done: int, total: int, text: str) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{text} {done}/{total}", end="", file=sys.stderr, flush=True)


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        result = member_export.export_members(session, actor, args.output, progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        _(
            "Wrote {members} members and {plots} plots to {path}",
            members=result.members,
            plots=result.plots,
            path=result.path,
        )
    )
    print_trail_head(result.path)
    return 0


def run_template(args: argparse.Namespace, ctx: CliContext) -> int:
    path = member_import.write_template(args.output)
    print(_("Template written: {path}", path=path))
    return 0


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    path = Path(args.file).expanduser()
    if not path.exists():
        raise CliError(_("the file {path} does not exist", path=path))
    join_date = None
    if args.join_date:
        try:
            join_date = member_import.read_join_date(args.join_date)
        except ValueError as exc:
            raise CliError(_("--join-date: {exc}", exc=exc)) from exc
    actor = ctx.actor()
    if args.dry_run or not actor.can(Permission.CERTS_WRITE):
        # The preview first, then the import of what it showed (a role that cannot change
        # certification records sees the plan that says so before the refusal).
        with ctx.db.reading(actor) as session:
            # read_ahead: the command line runs one thread, so a big roster's cells can be
            # read by a forked child while this process checks the rows (Linux; read_file).
            preview = member_import.preview_file(
                session, actor, path, sheet=args.sheet, default_join_date=join_date, read_ahead=True
            )
        roster, plan = preview.roster, preview.plan
        _print_report(roster, plan, join_date, show_all=args.all)
        if args.dry_run:
            print(_("Dry run: nothing was changed."))
            return 1 if plan.has_errors else 0
        if plan.has_errors and not args.skip_invalid:
            return _refused(plan)
    else:
        # Planned and imported in one transaction: each batch of rows is inserted while the
        # next is compared with the register (``apply_import``); the report follows.
        roster = member_import.read_file(path, sheet=args.sheet, read_ahead=True)
        plan = None
    try:
        with ctx.db.transaction(actor) as session:
            result = member_import.apply_import(
                session,
                actor,
                roster,
                skip_invalid=args.skip_invalid,
                progress=_progress,
                default_join_date=join_date,
                plan=plan,  # applied as previewed unless the register changed meanwhile
            )
    except member_import.ImportRefused as refused:
        if plan is not None:
            raise  # the register changed since the preview: its problems, as an error
        if sys.stderr.isatty():
            print(file=sys.stderr)
        _print_report(roster, refused.plan, join_date, show_all=args.all)
        return _refused(refused.plan)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if plan is None:
        _print_report(roster, result.plan, join_date, show_all=args.all)
    print(
        _(
            "Imported: {created} new, {updated} updated, {unchanged} unchanged",
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
        )
        + (
            _(", {rejected} rows with errors not imported", rejected=result.rejected)
            if result.rejected
            else ""
        )
        + "."
    )
    return 0


def _print_report(
    roster: member_import.Roster,
    plan: member_import.ImportPlan,
    join_date: date | None,
    *,
    show_all: bool,
) -> None:
    """What the file is (sheet, header, columns) and what the import does with each row."""
    if len(roster.sheets_read) > 1:
        print(
            _(
                "Sheets {items}, header on row {header_row}.",
                items=", ".join(roster.sheets_read),
                header_row=roster.header_row,
            )
        )
    else:
        print(
            _(
                "Sheet '{sheet}', header on row {header_row}.",
                sheet=roster.sheet,
                header_row=roster.header_row,
            )
        )
    print(
        _("Columns: ")
        + ", ".join(
            f"{c.describe()} -> {member_import_label(c.field)}" for c in roster.columns if c.field
        )
    )
    ignored = [c.describe() for c in roster.columns if not c.field]
    if ignored:
        print(_("Not imported (unrecognised): ") + ", ".join(ignored))
    for note in plan.notes:
        print(note)
    if "join_date" not in roster.fields and join_date is None and plan.has_errors:
        print(
            _("Hint: --join-date DATE gives new members a date of joining when the file has none.")
        )
    _print_plan(plan, show_all=show_all)


def _refused(plan: member_import.ImportPlan) -> int:
    """Nothing imported: rows have errors (and --skip-invalid was not given)."""
    print(
        _(
            "Nothing was imported: {count} rows have errors. Correct them, or use --skip-invalid to import the valid rows only.",
            count=plan.count(ERROR),
        ),
        file=sys.stderr,
    )
    return 2


def member_import_label(field: str | None) -> str:
    return member_import.field_label(field)


LISTED_ROWS = 200
LISTED_ERRORS = 500


def _print_plan(plan: member_import.ImportPlan, *, show_all: bool) -> None:
    rows = [r for r in plan.rows if show_all or r.action != UNCHANGED]
    hidden = 0
    hidden_errors = 0
    if not show_all and len(rows) > LISTED_ROWS:
        # Errors first (up to LISTED_ERRORS), then new and changed rows up to a screenful: a
        # sheet of 100,000 bad rows must not flood the terminal.
        errors = [r for r in rows if r.action == ERROR]
        others = [r for r in rows if r.action != ERROR]
        keep = {id(r) for r in others[:LISTED_ROWS]} | {id(r) for r in errors[:LISTED_ERRORS]}
        hidden = len(others) - min(len(others), LISTED_ROWS)
        hidden_errors = len(errors) - min(len(errors), LISTED_ERRORS)
        rows = [r for r in rows if id(r) in keep]
    if rows:
        print(
            table(
                [_("Row"), _("Action"), _("Code"), _("Name"), _("Organic"), _("FT"), _("Details")],
                (
                    [
                        r.label,
                        _(ACTION_LABELS[r.action]),
                        r.code,
                        r.name,
                        _(organic_status_label(r.organic_status)),
                        "" if r.fairtrade is None else (_("yes") if r.fairtrade else _("no")),
                        r.summary,
                    ]
                    for r in rows
                ),
                right={0},
            )
        )
    if hidden:
        print(_("… and {hidden} more new or changed rows (--all lists every row)", hidden=hidden))
    if hidden_errors:
        print(
            _(
                "… and {hidden_errors} more rows with errors (--all lists every row)",
                hidden_errors=hidden_errors,
            )
        )
    for line in member_import.summarise_skipped(plan.skipped):
        print(_("Skipped {line}", line=line))
    warnings = plan.warnings
    if warnings:
        print(_("\nWarnings (unlikely but possible; these rows are imported):"))
        for warning in warnings if show_all else warnings[:LISTED_ERRORS]:
            print(f"  - {warning.describe()}")
        if not show_all and len(warnings) > LISTED_ERRORS:
            print(
                _(
                    "  … and {value} more (--all lists every one)",
                    value=len(warnings) - LISTED_ERRORS,
                )
            )
    if plan.has_errors:
        print(_("\nErrors:"))
        problems = list(plan.problems)
        shown = problems if show_all else problems[:LISTED_ERRORS]
        for problem in shown:
            print(f"  - {problem.describe()}")
        if len(shown) < len(problems):
            print(
                _("  … and {value} more (--all lists every one)", value=len(problems) - len(shown))
            )
    print(f"\n{plan.summary()}.")
