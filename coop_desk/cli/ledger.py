"""``ledger``: the Premium ledger on the command line (balances, journal, GA summary,
contracts, year close/reopen), over the same services as the GUI."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from coop_desk.cli.args import iso_date
from coop_desk.cli.context import CliContext, CliError, book_year
from coop_desk.cli.output import table
from coop_desk.domain.money import format_amount
from coop_desk.errors import NeedsConfirmation
from coop_desk.i18n import _, formats
from coop_desk.services.access import Actor
from coop_desk.services.ledger import accounts, contracts, fiscal, journal, plan, reports
from coop_desk.services.ledger.books import year_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("ledger", help=_("the Fairtrade Premium ledger"))
    commands = group.add_subparsers(dest="ledger_command", metavar="ACTION", required=True)

    bal = commands.add_parser(
        "balances",
        help=_("account balances, project budgets and the Premium fund for a year"),
        description=_(
            "Balances computed from the journal: every account (opening, movement, closing, USD value), each project's approved budget / spent / remaining, and the Premium fund."
        ),
    )
    bal.add_argument("--year", type=book_year, help=_("fiscal year (default: the current one)"))
    bal.set_defaults(handler=run_balances)

    jr = commands.add_parser(
        "journal",
        help=_("print the journal"),
        description=_("Journal entries in date order, with reversal links."),
    )
    jr.add_argument("--year", type=book_year, help=_("fiscal year (default: the current one)"))
    jr.add_argument("--all-years", action="store_true", help=_("every year"))
    jr.add_argument("--project", help=_("only entries of this project (name)"))
    jr.add_argument("--account", help=_("only entries posting to this account (code)"))
    jr.add_argument("--search", default="", help=_("text in number, description, payee, voucher"))
    jr.add_argument("--postings", action="store_true", help=_("show every posting line"))
    jr.set_defaults(handler=run_journal)

    summ = commands.add_parser(
        "summary",
        help=_("the year's premium-use summary for the General Assembly (USD and PEN)"),
    )
    summ.add_argument("--year", type=book_year, help=_("fiscal year (default: the current one)"))
    summ.add_argument("--rate", help=_("PEN per USD for the PEN column (default: last rate used)"))
    summ.set_defaults(handler=run_summary)

    con = commands.add_parser("contracts", help=_("contracts with premium due vs received"))
    con.add_argument("--year", type=book_year, help=_("contracts shipped (or signed) in this year"))
    con.set_defaults(handler=run_contracts)

    close = commands.add_parser(
        "close-year",
        help=_("close a fiscal year: lock it and carry its balances into the next"),
    )
    close.add_argument("year", type=book_year)
    close.add_argument("--note", default="", help=_("a note kept with the close"))
    close.set_defaults(handler=run_close)

    reopen = commands.add_parser(
        "reopen-year",
        help=_("reopen a closed fiscal year (administrators; the reason is recorded)"),
    )
    reopen.add_argument("year", type=book_year)
    reopen.add_argument("--reason", required=True, help=_("why the year is reopened"))
    reopen.set_defaults(handler=run_reopen)

    years = commands.add_parser("years", help=_("fiscal years, their status and close history"))
    years.set_defaults(handler=run_years)

    ship = commands.add_parser("ship", help=_("record a contract's shipment (premium receivable)"))
    ship.add_argument("contract", help=_("contract number"))
    ship.add_argument("--date", type=iso_date, help=_("shipment date (default: the contract's)"))
    ship.set_defaults(handler=run_ship)

    receive = commands.add_parser("receive", help=_("record premium received from a buyer"))
    receive.add_argument("contract", help=_("contract number (or '-' for none)"))
    receive.add_argument("amount", help=_("amount that reached the account, e.g. 8,341.54"))
    receive.add_argument("--account", required=True, help=_("bank account code, e.g. 1010"))
    receive.add_argument(
        "--date", type=iso_date, default=None, help=_("YYYY-MM-DD (default: today)")
    )
    receive.add_argument("--charges", default="0", help=_("bank charges deducted on the way"))
    receive.add_argument("--rate", help=_("units of the account's currency per USD"))
    receive.add_argument("--reference", default="", help=_("bank reference"))
    receive.set_defaults(handler=run_receive)

    pay = commands.add_parser("pay", help=_("record a project payment"))
    pay.add_argument("project", help=_("project name (or part of it)"))
    pay.add_argument("amount", help=_("amount in the account's currency"))
    pay.add_argument("--account", required=True, help=_("bank or cash account code, e.g. 1020"))
    pay.add_argument("--payee", required=True)
    pay.add_argument("--voucher", required=True, help=_("voucher / receipt number"))
    pay.add_argument("--description", required=True)
    pay.add_argument("--date", type=iso_date, default=None, help=_("YYYY-MM-DD (default: today)"))
    pay.add_argument("--rate", help=_("units of the account's currency per USD"))
    pay.add_argument("--receipt", help=_("scanned receipt to keep with the payment"))
    pay.add_argument(
        "--confirm",
        "--yes",
        action="store_true",
        help=_(
            "post it even when it goes beyond the approved budget, to a project without one, "
            "or takes the account below zero (without it such a payment is refused, exit "
            "status 1, and the consequences are printed)"
        ),
    )
    pay.set_defaults(handler=run_pay)

    reverse = commands.add_parser("reverse", help=_("reverse a posted entry"))
    reverse.add_argument("number", help=_("entry number, e.g. 2025-0042"))
    reverse.add_argument("--reason", required=True)
    reverse.add_argument("--date", type=iso_date, default=None, help=_("date of the reversal"))
    reverse.set_defaults(handler=run_reverse)

    from coop_desk.cli import ledger_excel  # Excel workbooks and the cash book import (issue 5)

    ledger_excel.register(commands)


def _amount(text: str, option: str) -> Decimal:
    from coop_desk.domain.money import MoneyError, parse_amount

    try:
        return parse_amount(text)
    except MoneyError as exc:
        raise CliError(f"{option}: {exc}") from exc


def _year(session: Session, args: argparse.Namespace) -> int:
    return args.year if args.year is not None else year_of(session, date.today())


def _money(value: Decimal | None) -> str:
    return "" if value is None else format_amount(value)


def run_balances(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        year = _year(session, args)
        balances = reports.account_balances(session, actor, year)
        projects = reports.project_balances(session, actor, year)
        fund = reports.fund_report(session, actor, year)
        closed = year in {y.year for y in fiscal.list_fiscal_years(session, actor) if y.closed}
    status = "closed" if closed else "open"
    print(_("Fiscal year {year} ({status})", year=year, status=status))
    if fund.provisional:
        print(_("The previous year is not closed: opening balances are provisional."))
    print(_("\nAccounts"))
    print(
        table(
            [
                _("Code"),
                _("Account"),
                _("Cur"),
                _("Opening"),
                _("Movement"),
                _("Closing"),
                _("Closing USD value"),
            ],
            (
                [
                    b.code,
                    b.name,
                    b.currency,
                    _money(b.opening),
                    _money(b.change),
                    _money(b.closing),
                    _money(b.closing_usd),
                ]
                for b in balances
            ),
            right={3, 4, 5, 6},
        )
    )
    print(_("\nProjects (USD)"))
    print(
        table(
            [_("Project"), "P/Q", _("Approved"), _("Spent"), _("Remaining"), _("% used")],
            (
                [
                    p.name,
                    _("yes") if p.productivity_quality else "",
                    _money(p.approved) if p.approved is not None else "no budget",
                    _money(p.spent),
                    _money(p.remaining),
                    f"{p.percent_used}%" if p.percent_used is not None else "",
                ]
                for p in projects
            ),
            right={2, 3, 4, 5},
        )
    )
    print(_("\nPremium fund (USD)"))
    print(
        table(
            [
                _("Opening"),
                _("Opening balances"),
                _("Earned"),
                _("Received"),
                _("Spent"),
                _("Closing"),
            ],
            [
                [
                    _money(fund.opening),
                    _money(fund.opening_balances),
                    _money(fund.earned),
                    _money(fund.received),
                    _money(fund.spent),
                    _money(fund.closing),
                ]
            ],
            right={0, 1, 2, 3, 4, 5},
        )
    )
    print(
        _(
            "Of the closing balance: USD {money} in bank and cash, USD {money2} still receivable from buyers.",
            money=_money(fund.cash),
            money2=_money(fund.receivable),
        )
    )
    return 0


def _find_project(session: Session, actor: Actor, name: str) -> int:
    from coop_desk.domain.text import fold

    matches = [
        p
        for p in plan.list_projects(session, actor, include_inactive=True)
        if fold(name) in fold(p.name)
    ]
    if len(matches) != 1:
        raise CliError(
            _("{count} projects match '{name}'; be more precise", count=len(matches), name=name)
        )
    return matches[0].id


def _find_account(session: Session, actor: Actor, code: str) -> int:
    for a in accounts.list_accounts(session, actor, include_inactive=True):
        if a.code == code:
            return a.id
    raise CliError(_("there is no account with code {code}", code=code))


def run_journal(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        year = None if args.all_years else _year(session, args)
        flt = journal.JournalFilter(
            year=year,
            project_id=_find_project(session, actor, args.project) if args.project else None,
            account_id=_find_account(session, actor, args.account) if args.account else None,
            text=args.search,
        )
        rows = journal.list_entries(session, actor, flt)
        details = [journal.get_entry(session, actor, r.id) for r in rows] if args.postings else []
    if args.postings:
        for detail in details:
            e = detail.entry
            print(f"{e.number}  {e.entry_date}  {e.description}{_links(e)}")
            extra = ", ".join(
                x
                for x in (
                    f"ref {e.reference}" if e.reference else "",
                    f"payee {e.payee}" if e.payee else "",
                    f"voucher {e.voucher}" if e.voucher else "",
                )
                if x
            )
            if extra:
                print(f"    {extra}")
            for p in detail.postings:
                rate = "" if p.rate == 1 else f" @ {p.rate.normalize():f}"
                print(
                    _(
                        "    {account_code} {account_name} {amount} {currency}{rate}  (USD {usd_value})",
                        account_code=format(p.account_code, "<6"),
                        account_name=format(p.account_name, "<40"),
                        amount=format(format_amount(p.amount), ">14"),
                        currency=p.currency,
                        rate=rate,
                        usd_value=format_amount(p.usd_value),
                    )
                )
    else:
        print(
            table(
                [
                    _("Number"),
                    _("Date"),
                    _("Kind"),
                    _("Description"),
                    _("Voucher"),
                    _("Amounts"),
                    _("USD"),
                    _("Links"),
                ],
                (
                    [
                        r.number,
                        formats.date_text(r.entry_date),
                        r.kind,
                        r.description[:50],
                        r.voucher,
                        r.amounts,
                        _money(r.total_usd),
                        _links(r).strip(" ()"),
                    ]
                    for r in rows
                ),
                right={6},
            )
        )
    print(_("\n{count} entries", count=len(rows)))
    return 0


def _links(e: journal.EntryRow) -> str:
    if e.reverses_number:
        return _(" (reverses {reverses_number})", reverses_number=e.reverses_number)
    if e.reversed_by_number:
        return _(" (reversed by {reversed_by_number})", reversed_by_number=e.reversed_by_number)
    return ""


def run_summary(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    rate = None
    if args.rate:
        try:
            rate = Decimal(args.rate)
        except ArithmeticError as exc:
            raise CliError(_("--rate '{rate}' is not a number", rate=args.rate)) from exc
    with ctx.db.reading(actor) as session:
        year = _year(session, args)
        s = reports.ga_summary(session, actor, year, local_rate=rate)
    loc = s.local_currency
    print(_("Fairtrade Premium: use in {year}, for the General Assembly", year=year))
    if s.local_rate is not None:
        rate_text = f"{s.local_rate.normalize():f}"
        print(
            _(
                "The fund is kept in USD value; its {loc} column is converted at {rate_text} {loc} per USD, for reference. Projects show what was paid, in each currency.",
                loc=loc,
                rate_text=rate_text,
            )
        )
    if s.provisional:
        print(_("The previous year is not closed: the opening balance is provisional."))

    def both(value: Decimal) -> list[str]:
        local = s.local(value)
        return [_money(value), _money(local) if local is not None else ""]

    converted = _("{loc} (converted)", loc=loc) if s.local_rate is not None else loc
    print(
        table(
            ["", _("USD value"), converted],
            [
                ["Balance at the start of the year", *both(s.opening)],
                ["Premium earned (contracts shipped)", *both(s.earned)],
                ["Premium received", *both(s.received)],
                ["Spent on projects", *both(s.spent)],
                ["Carried over to next year", *both(s.carried_over)],
                ["  of which still receivable", *both(s.receivable)],
            ],
            right={1, 2},
        )
    )
    print()
    other = any(line.paid_other for line in s.lines)
    print(
        table(
            [
                _("Project"),
                "P/Q",
                _("Approved USD"),
                _("Spent (USD value)"),
                _("Paid in USD"),
                f"Paid in {loc}",
                *(["Paid in other currencies"] if other else []),
            ],
            [
                *(
                    [
                        line.name,
                        _("yes") if line.productivity_quality else "",
                        _money(line.approved),
                        _money(line.spent),
                        _money(line.paid_usd),
                        _money(line.paid_local),
                        *([line.paid_other_text()] if other else []),
                    ]
                    for line in s.lines
                ),
                [
                    "Total",
                    "",
                    _money(sum((line.approved or Decimal(0) for line in s.lines), Decimal(0))),
                    _money(sum((line.spent for line in s.lines), Decimal(0))),
                    _money(sum((line.paid_usd for line in s.lines), Decimal(0))),
                    _money(sum((line.paid_local for line in s.lines), Decimal(0))),
                    *([""] if other else []),
                ],
            ],
            right={2, 3, 4, 5},
        )
    )
    q = s.quality
    share = f"{q.percent}%" if q.percent is not None else _("n/a")
    print(
        _(
            "\nProductivity/quality: USD {money} = {share} of the premium received (at least {share2} = USD {money2})",
            money=_money(q.spent),
            share=share,
            share2=format(q.share, ".0%"),
            money2=_money(q.required),
        )
    )
    return 0


def run_contracts(args: argparse.Namespace, ctx: CliContext) -> int:
    rows, detail = ctx.read(
        lambda s, a: (
            reports.contract_dues(s, a, year=args.year),
            {c.id: c for c in contracts.list_contracts(s, a)},
        )
    )
    print(
        table(
            [
                _("Contract"),
                _("Buyer"),
                _("Signed"),
                _("Scheme"),
                _("Org"),
                _("lb"),
                _("Due USD"),
                _("Received"),
                _("Outstanding"),
                _("Shipped"),
                _("Overdue"),
            ],
            (
                [
                    r.number,
                    r.buyer_name,
                    formats.date_text(r.signing_date),
                    detail[r.contract_id].scheme_label,
                    _("yes") if detail[r.contract_id].organic else "",
                    f"{detail[r.contract_id].pounds:,}",
                    _money(r.premium_due),
                    _money(r.received),
                    _money(r.outstanding),
                    formats.date_text(r.shipment_date),
                    "OVERDUE" if r.overdue else "",
                ]
                for r in rows
            ),
            right={5, 6, 7, 8},
        )
    )
    return 0


def run_close(args: argparse.Namespace, ctx: CliContext) -> int:
    row, carry = ctx.write(
        lambda s, a: (
            fiscal.close_year(s, a, args.year, note=args.note),
            fiscal.carry_entry_number(s, args.year + 1),
        )
    )
    print(
        _("Fiscal year {year} closed.", year=row.year)
        + (_(" Balances carried by entry {carry}.", carry=carry) if carry else "")
    )
    closes = [e for e in row.events if e.action == "close" and e.trail_head]
    if closes:
        print(
            _(
                "Audit trail head at the close: {head} (note it with the year's papers: "
                "coop-desk verify --anchor proves the trail still holds it)",
                head=closes[-1].trail_head,
            )
        )
    return 0


def run_reopen(args: argparse.Namespace, ctx: CliContext) -> int:
    row = ctx.write(lambda s, a: fiscal.reopen_year(s, a, args.year, reason=args.reason))
    print(
        _(
            "Fiscal year {year} reopened; the reason is recorded. Close it again when done.",
            year=row.year,
        )
    )
    return 0


def run_years(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ctx.read(fiscal.list_fiscal_years)
    print(
        table(
            [_("Year"), _("From"), _("To"), _("Status"), _("Entries"), _("History")],
            (
                [
                    r.year,
                    formats.date_text(r.start),
                    formats.date_text(r.end),
                    r.status,
                    r.entries,
                    "; ".join(
                        f"{e.action} {e.recorded_at:%Y-%m-%d} by {e.recorded_by}"
                        + (f" ({e.reason})" if e.reason else "")
                        for e in r.events
                    ),
                ]
                for r in rows
            ),
            right={4},
        )
    )
    return 0


def _contract_id(session: Session, actor: Actor, number: str) -> int:
    matches = [c for c in contracts.list_contracts(session, actor) if c.number == number.strip()]
    if len(matches) != 1:
        raise CliError(
            _("{count} contracts are numbered '{number}'", count=len(matches), number=number)
        )
    return matches[0].id


def _print_entry(row: journal.EntryRow) -> None:
    print(
        _(
            "Posted {number} ({entry_date}): {description} — {amounts}",
            number=row.number,
            entry_date=row.entry_date,
            description=row.description,
            amounts=row.amounts,
        )
    )


def run_ship(args: argparse.Namespace, ctx: CliContext) -> int:
    from coop_desk.services.ledger import operations

    row = ctx.write(
        lambda s, a: operations.record_shipment(
            s, a, _contract_id(s, a, args.contract), shipment_date=args.date
        )
    )
    _print_entry(row)
    return 0


def run_receive(args: argparse.Namespace, ctx: CliContext) -> int:
    from coop_desk.services.ledger import operations

    actor = ctx.actor()
    with ctx.db.transaction(actor) as session:
        row = operations.record_premium_receipt(
            session,
            actor,
            contract_id=None
            if args.contract == "-"
            else _contract_id(session, actor, args.contract),
            account_id=_find_account(session, actor, args.account),
            entry_date=args.date or date.today(),
            amount=_amount(args.amount, "amount"),
            bank_charges=_amount(args.charges, "--charges"),
            rate=_amount(args.rate, "--rate") if args.rate else None,
            reference=args.reference,
        )
    _print_entry(row)
    return 0


def run_pay(args: argparse.Namespace, ctx: CliContext) -> int:
    from pathlib import Path

    from coop_desk.services.ledger import operations

    # A payment outside the plan or over the balance is refused unless --confirm says the
    # treasurer saw it: a script or a typo (50,000 for 500.00) must not post it silently, and
    # the command line has no dialog to ask in. Exit status 1 lets a script notice.
    actor = ctx.actor()
    accepted: list[str] = []
    with ctx.db.transaction(actor) as session:
        project_id = _find_project(session, actor, args.project)
        account_id = _find_account(session, actor, args.account)
        amount = _amount(args.amount, "amount")
        rate = _amount(args.rate, "--rate") if args.rate else None

        def post(accept: frozenset[str] = frozenset()) -> journal.EntryRow:
            return operations.record_project_payment(
                session,
                actor,
                project_id=project_id,
                account_id=account_id,
                entry_date=args.date or date.today(),
                amount=amount,
                payee=args.payee,
                voucher=args.voucher,
                description=args.description,
                rate=rate,
                receipt_file=Path(args.receipt).expanduser() if args.receipt else None,
                accept=accept,
            )

        try:
            row = post()
        except NeedsConfirmation as exc:
            if not args.confirm:
                print(_("Not posted: this payment"), file=sys.stderr)
                for consequence in exc.consequences:
                    print(f"  - {consequence}", file=sys.stderr)
                print(_("Check the amount; to post it anyway, add --confirm."), file=sys.stderr)
                return 1
            accepted = exc.consequences
            row = post(operations.ALL_WARNINGS)
    _print_entry(row)
    for consequence in accepted:
        print(_("  confirmed: {consequence}", consequence=consequence))
    return 0


def run_reverse(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with ctx.db.transaction(actor) as session:
        matches = [
            r
            for r in journal.list_entries(session, actor, journal.JournalFilter(text=args.number))
            if r.number == args.number.strip()
        ]
        if not matches:
            raise CliError(_("there is no entry {number}", number=args.number))
        row = journal.reverse_entry(
            session, actor, matches[0].id, reason=args.reason, entry_date=args.date
        )
    _print_entry(row)
    return 0
