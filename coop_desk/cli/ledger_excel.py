"""``ledger export``, ``ledger report`` and ``ledger import-cashbook``: the ledger in Excel."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from coop_desk.cli.args import iso_date
from coop_desk.cli.context import CliContext, CliError, book_year
from coop_desk.cli.output import print_trail_head, table
from coop_desk.domain.money import format_amount
from coop_desk.errors import ValidationError
from coop_desk.i18n import _, formats
from coop_desk.services import cashbook_import
from coop_desk.services.ledger import assembly_report, workbook


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help=_("write the ledger workbook (Summary, Journal, Contracts, Compliance)"),
        description=_(
            "Write the Premium ledger for a fiscal year or a date range to an .xlsx workbook. The Summary's totals are live formulas over the Journal sheet."
        ),
    )
    export.add_argument("output", metavar="OUT.xlsx")
    export.add_argument("--year", type=book_year, help=_("fiscal year (default: the current one)"))
    export.add_argument("--from", dest="date_from", type=iso_date, help=_("first day (yyyy-mm-dd)"))
    export.add_argument("--to", dest="date_to", type=iso_date, help=_("last day (yyyy-mm-dd)"))
    export.set_defaults(handler=run_export)

    rep = commands.add_parser(
        "report",
        help=_("write the annual premium-use report for the General Assembly (xlsx and/or PDF)"),
        description=_(
            "The premium-use report for the General Assembly as a workbook (OUT.xlsx) and/or, with --pdf, as a PDF in the program's language (COOP_DESK_LANG=es for Spanish)."
        ),
    )
    rep.add_argument("output", metavar="OUT.xlsx", nargs="?")
    rep.add_argument("--pdf", metavar="OUT.pdf", help=_("also (or only) write the report as a PDF"))
    rep.add_argument("--year", type=book_year, required=True, help=_("fiscal year"))
    rep.add_argument("--rate", help=_("PEN per USD for the PEN column (default: last rate used)"))
    rep.set_defaults(handler=run_report)

    cash = commands.add_parser(
        "import-cashbook",
        help=_("import a legacy premium cash book from Excel"),
        description=_(
            "Post every row of a cash book sheet (date, voucher, description, project, income, expense, running balance) as a balanced journal entry: the opening balance row, income (premium received) and project payments. The running balance column is cross-checked. Unknown project names stop the import unless --create-projects."
        ),
    )
    cash.add_argument("file", metavar="FILE.xlsx")
    cash.add_argument("--dry-run", action="store_true", help=_("check everything, post nothing"))
    cash.add_argument(
        "--create-projects", action="store_true", help=_("create the projects not in the plan")
    )
    cash.add_argument("--account", help=_("code of the bank or cash account (default: bank USD)"))
    cash.add_argument(
        "--default-project",
        default="",
        metavar="NAME",
        help=_(
            "project for expenses the sheet gives none (e.g. a cash book without a project column)"
        ),
    )
    cash.add_argument("--rate", help=_("exchange rate (units per USD) for a non-USD account"))
    cash.add_argument("--sheet", help=_("the sheet to read"))
    cash.set_defaults(handler=run_import_cashbook)


def _decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation as exc:
        raise CliError(_("'{text}' is not a rate", text=text)) from exc
    if value <= 0:
        raise CliError(_("the rate must be positive"))
    return value


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.year is not None and (args.date_from or args.date_to):
        raise CliError(_("give --year or --from/--to, not both"))
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        try:
            result = workbook.export_ledger(
                session,
                actor,
                args.output,
                year=args.year,
                date_from=args.date_from,
                date_to=args.date_to,
            )
        except ValueError as exc:
            raise CliError(str(exc)) from exc
    print(
        _(
            "Wrote the ledger for {label} ({postings} postings) to {path}",
            label=result.period.label(),
            postings=result.postings,
            path=result.path,
        )
    )
    print_trail_head(result.path)
    if result.closing is not None:
        print(
            _(
                "Earned {earned}, received {received}, spent {spent}, carried over {closing} USD",
                earned=format_amount(result.earned),
                received=format_amount(result.received),
                spent=format_amount(result.spent),
                closing=format_amount(result.closing),
            )
        )
    return 0


def run_report(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.output and not args.pdf:
        raise CliError(_("give OUT.xlsx, --pdf OUT.pdf, or both"))
    actor = ctx.actor()
    rate = _decimal(args.rate)
    if args.output:
        with ctx.db.reading(actor) as session:
            result = assembly_report.export_premium_report(
                session, actor, args.output, args.year, local_rate=rate
            )
        print(
            _("Wrote the premium-use report {year} to {path}", year=result.year, path=result.path)
        )
        print_trail_head(result.path)
    if args.pdf:
        target = Path(args.pdf).expanduser()
        if not target.parent.is_dir():
            raise CliError(_("the folder {folder} does not exist", folder=target.parent))
        # Qt lays out the PDF: imported here only, so every other command runs without Qt.
        from coop_desk.ui.printing.cli import assembly_pdf

        path = assembly_pdf(ctx.db, actor, args.year, target, local_rate=rate)
        print(
            _(
                "Wrote the premium-use report {year} as a PDF to {path}",
                year=args.year,
                path=path,
            )
        )
    return 0


class _DryRun(Exception):
    def __init__(self, result: cashbook_import.CashbookResult) -> None:
        self.result = result


def run_import_cashbook(args: argparse.Namespace, ctx: CliContext) -> int:
    path = Path(args.file).expanduser()
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        book = cashbook_import.preview_file(session, actor, path, sheet=args.sheet).book
    print(
        _(
            "Sheet '{sheet}', header on row {header_row}.",
            sheet=book.sheet,
            header_row=book.header_row,
        )
    )
    print(_("Columns: ") + ", ".join(f"{c.describe()} -> {c.field}" for c in book.columns))
    rows = [
        [
            r.label,
            r.kind,
            formats.date_text(r.entry_date),
            r.voucher,
            r.project,
            format_amount(r.amount),
            r.description[:40],
        ]
        for r in book.rows
    ]
    print(
        table(
            [
                _("Row"),
                _("Kind"),
                _("Date"),
                _("Voucher"),
                _("Project"),
                _("Amount"),
                _("Description"),
            ],
            rows,
            right={0, 5},
        )
    )
    for skip in book.skipped:
        print(_("Skipped {skip}", skip=skip.describe()))
    for note in book.notes:
        print(note)
    for warning in book.warnings:
        print(_("warning: {warning}", warning=warning.describe()))
    print(
        _(
            "\nSheet totals: opening {opening_amount}, income {income_total}, expense {expense_total}, closing {closing}",
            opening_amount=format_amount(book.opening_amount),
            income_total=format_amount(book.income_total),
            expense_total=format_amount(book.expense_total),
            closing=format_amount(book.closing),
        )
        + (
            _(
                " (running balance checked on {balance_checked} rows)",
                balance_checked=book.balance_checked,
            )
            if book.balance_checked
            else ""
        )
    )
    try:
        with ctx.db.transaction(actor) as session:
            result = cashbook_import.import_cashbook(
                session,
                actor,
                book,
                account_code=args.account,
                rate=_decimal(args.rate),
                create_projects=args.create_projects,
                default_project=args.default_project,
            )
            if args.dry_run:
                raise _DryRun(result)
    except _DryRun as dry:
        result = dry.result
        print(
            _(
                "Dry run: {entries} entries would be posted to account {account_code}",
                entries=result.entries,
                account_code=result.account_code,
            )
            + _created(result)
            + _("; nothing was changed.")
        )
        return 0
    except ValidationError as exc:
        print(_("Nothing was imported:"), file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem.describe()}", file=sys.stderr)
        return 2
    print(
        _(
            "Posted {entries} entries to account {account_code} ({currency})",
            entries=result.entries,
            account_code=result.account_code,
            currency=result.currency,
        )
        + _created(result)
        + "."
    )
    print(
        _(
            "Posted totals: opening {posted_opening}, income {posted_income}, expense {posted_expense}, closing {closing}",
            posted_opening=format_amount(result.posted_opening),
            posted_income=format_amount(result.posted_income),
            posted_expense=format_amount(result.posted_expense),
            closing=format_amount(result.closing),
        )
    )
    return 0


def _created(result: cashbook_import.CashbookResult) -> str:
    if not result.created_projects:
        return ""
    return _("; projects created: ") + ", ".join(result.created_projects)
