"""Operations in plain words: each becomes exactly one balanced journal entry.

| operation                 | debit                                 | credit                       |
|---------------------------|---------------------------------------|------------------------------|
| shipment of a contract    | premium receivable (buyer), USD       | premium income, USD          |
| premium received (USD)    | bank; bank charges -> administration  | premium receivable (buyer)   |
| premium received (other)  | bank, charges (local) ; exchange (USD)| exchange (local) ; receivable|
| project payment           | project expense (currency paid)       | bank / cash                  |
| transfer, same currency   | destination account                   | source account               |
| exchange between currencies | destination ; exchange (source cur.)| exchange (dest. cur.) ; source |
| opening balance           | bank / cash                           | opening balances             |
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain import limits
from coop_desk.domain.ledger import rate_from_legs
from coop_desk.domain.money import MoneyError, round_money, to_decimal
from coop_desk.domain.premium import Scheme
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import Conflict, ValidationError
from coop_desk.i18n import _, formats
from coop_desk.models import Account, Posting, Project
from coop_desk.services import cooperative, documents
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger.accounts import account_by_role, buyer_account, project_account
from coop_desk.services.ledger.books import (
    AccountRole,
    EntryKind,
    reporting_currency,
    year_of,
)
from coop_desk.services.ledger.contracts import figures, live_shipment_entries, load_contract
from coop_desk.services.ledger.journal import (
    EntryRow,
    PostingInput,
    entry_row,
    write_entry,
)
from coop_desk.services.ledger.plan import approved_budget, spent_in_year

OVER_BUDGET_SETTING = "ledger.over_budget"  # "warn" (default) or "block"
ADMINISTRATION_KEY = "administration"


def _amount(
    problems: list[Problem], field: str, value: object, *, allow_zero: bool = False
) -> Decimal:
    try:
        amount = to_decimal(value)
    except MoneyError as exc:
        problems.append(Problem(field, str(exc)))
        return Decimal(0)
    if amount < 0 or (amount == 0 and not allow_zero):
        problems.append(Problem(field, _("the amount must be more than zero")))
    elif beyond := limits.check_amount(amount):
        problems.append(Problem(field, beyond))
    elif amount != round_money(amount):
        problems.append(Problem(field, _("amounts are in cents: at most 2 decimals")))
    return amount


def _money_account(
    session: Session, problems: list[Problem], field: str, account_id: int | None
) -> Account | None:
    account = session.get(Account, account_id) if account_id is not None else None
    if account is None or account.role not in (AccountRole.BANK, AccountRole.CASH):
        problems.append(Problem(field, _("choose a bank or cash account")))
        return None
    if not account.active:
        problems.append(
            Problem(field, _("the account {account_name} is closed", account_name=account.name))
        )
    return account


def _rate(
    problems: list[Problem], field: str, currency: str, usd: str, rate: Decimal | None
) -> Decimal | None:
    if currency == usd:
        return None
    if rate is None:
        problems.append(
            Problem(
                field,
                _("give the exchange rate ({currency} per {usd})", currency=currency, usd=usd),
            )
        )
        return None
    try:
        value = to_decimal(rate)
    except MoneyError as exc:
        problems.append(Problem(field, str(exc)))
        return None
    if value <= 0:
        problems.append(Problem(field, _("the rate must be more than zero")))
        return None
    if beyond := limits.check_rate(value):
        problems.append(Problem(field, beyond))
        return None
    return value


# --- shipment ---------------------------------------------------------------------------------


def record_shipment(
    session: Session, actor: Actor, contract_id: int, *, shipment_date: date | None = None
) -> EntryRow:
    """The contract shipped: the premium due becomes receivable from the buyer (and income)."""
    require(actor, Permission.LEDGER_WRITE)
    contract = load_contract(session, contract_id)
    day = shipment_date or contract.shipment_date
    problems: list[Problem] = []
    if day is None:
        problems.append(Problem("shipment_date", _("give the shipment date")))
    elif day < contract.signing_date:
        problems.append(Problem("shipment_date", _("the shipment cannot be before the signing")))
    if contract.scheme == Scheme.NONE:
        problems.append(Problem("scheme", _("a conventional contract earns no Premium")))
    if contract_id in live_shipment_entries(session):
        raise Conflict(
            _("The shipment of contract {number} is already posted.", number=contract.number)
        )
    fig = figures(session, contract)
    if not problems and fig.premium_due <= 0:
        problems.append(Problem("premium_due", _("the contract has no premium due")))
    if problems:
        raise ValidationError(problems)
    assert day is not None
    contract.shipment_date = day
    receivable = buyer_account(session, contract.buyer_id)
    income = account_by_role(session, AccountRole.PREMIUM_INCOME)
    entry = write_entry(
        session,
        actor,
        entry_date=day,
        kind=EntryKind.SHIPMENT,
        description=_(
            "Premium due on contract {number} ({pounds} lb x {rate})",
            number=contract.number,
            pounds=format(fig.pounds, ","),
            rate=format(fig.premium_rate.normalize(), "f"),
        ),
        reference=contract.number,
        contract_id=contract.id,
        postings=[
            PostingInput(receivable.id, fig.premium_due, "USD"),
            PostingInput(income.id, -fig.premium_due, "USD"),
        ],
    )
    return entry_row(session, entry.id)


# --- premium received -------------------------------------------------------------------------


def record_premium_receipt(
    session: Session,
    actor: Actor,
    *,
    contract_id: int | None,
    account_id: int,
    entry_date: date,
    amount: Decimal,
    bank_charges: Decimal = Decimal(0),
    rate: Decimal | None = None,
    reference: str = "",
    description: str = "",
) -> EntryRow:
    """Premium paid by the buyer against a contract (partial payments allowed).

    ``amount`` is what reached the account, in the account's currency; ``bank_charges`` (same
    currency) were deducted on the way and go to the administration project. The buyer's
    receivable is credited with both. For an account not in USD give ``rate`` (units per USD).

    ``contract_id`` None records premium received without a recorded contract (legacy cash
    books): the premium income is credited directly (cash basis) instead of a receivable.
    """
    require(actor, Permission.LEDGER_WRITE)
    contract = load_contract(session, contract_id) if contract_id is not None else None
    usd = reporting_currency(session)
    problems: list[Problem] = []
    if contract is not None and contract.scheme == Scheme.NONE:
        problems.append(
            Problem(
                "contract_id",
                _("contract {number} is conventional: no premium", number=contract.number),
            )
        )
    bank = _money_account(session, problems, "account_id", account_id)
    net = _amount(problems, "amount", amount)
    charges = _amount(problems, "bank_charges", bank_charges, allow_zero=True)
    if bank is None or problems:
        raise ValidationError(problems)
    currency = bank.currency or usd
    fx = _rate(problems, "rate", currency, usd, rate)
    if problems:
        raise ValidationError(problems)
    receivable = (
        buyer_account(session, contract.buyer_id)
        if contract is not None
        else account_by_role(session, AccountRole.PREMIUM_INCOME)
    )
    admin = project_account(session, _administration_project(session))
    gross = net + charges
    postings = [PostingInput(bank.id, net, currency, fx, "received")]
    if charges:
        postings.append(PostingInput(admin.id, charges, currency, fx, _("bank charges")))
    if currency == usd:
        postings.append(PostingInput(receivable.id, -gross, usd))
    else:
        assert fx is not None
        exchange = account_by_role(session, AccountRole.EXCHANGE)
        gross_usd = round_money(gross / fx)
        if gross_usd == 0:
            raise ValidationError(
                [
                    Problem(
                        "amount",
                        _(
                            "{gross} {currency} is less than a cent in {usd}",
                            gross=gross,
                            currency=currency,
                            usd=usd,
                        ),
                    )
                ]
            )
        rate_used = rate_from_legs(gross, gross_usd)
        postings = [
            PostingInput(p.account_id, p.amount, currency, rate_used, p.memo) for p in postings
        ]
        postings += [
            PostingInput(exchange.id, -gross, currency, rate_used, "converted"),
            PostingInput(exchange.id, gross_usd, usd, None, "converted"),
            PostingInput(receivable.id, -gross_usd, usd),
        ]
    entry = write_entry(
        session,
        actor,
        entry_date=entry_date,
        kind=EntryKind.RECEIPT,
        description=clean(description)
        or (
            _("Premium received on contract {number}", number=contract.number)
            if contract
            else _("Premium received")
        ),
        reference=clean(reference) or (contract.number if contract else ""),
        contract_id=contract.id if contract else None,
        postings=postings,
    )
    return entry_row(session, entry.id)


def _administration_project(session: Session) -> int:
    project_id = session.scalar(select(Project.id).where(Project.key == ADMINISTRATION_KEY))
    if project_id is None:
        raise Conflict(_("The plan has no administration project to book bank charges to."))
    return project_id


# --- project payment --------------------------------------------------------------------------


def budget_problems(session: Session, project_id: int, day: date, usd_amount: Decimal) -> list[str]:
    """Why a payment of ``usd_amount`` to the project on ``day`` is outside the approved plan."""
    year = year_of(session, day)
    budget = approved_budget(session, year, as_of=day)
    project = session.get(Project, project_id)
    name = project.name if project else str(project_id)
    if project_id not in budget:
        return [
            _(
                "{name} has no budget approved by the General Assembly for {year} on {day}",
                name=name,
                year=year,
                day=day,
            )
        ]
    spent = spent_in_year(session, project_id, year)
    if spent + usd_amount > budget[project_id]:
        return [
            _(
                "{name}: this payment brings spending to USD {value}, over the approved budget of USD {budget}",
                name=name,
                value=format(spent + usd_amount, ",.2f"),
                budget=format(budget[project_id], ",.2f"),
            )
        ]
    return []


def record_project_payment(
    session: Session,
    actor: Actor,
    *,
    project_id: int,
    account_id: int,
    entry_date: date,
    amount: Decimal,
    payee: str,
    voucher: str,
    description: str,
    rate: Decimal | None = None,
    reference: str = "",
    receipt_file: Path | None = None,
) -> EntryRow:
    """Pay for a project from a bank or cash account, in that account's currency.

    The voucher/receipt number is required. With the setting ``ledger.over_budget`` = block,
    a payment to a project without an approved budget (on its date) or beyond it is refused;
    with ``warn`` (default) it is posted and ``verify`` reports it.
    """
    require(actor, Permission.LEDGER_WRITE)
    usd = reporting_currency(session)
    problems: list[Problem] = []
    project = session.get(Project, project_id)
    if project is None:
        problems.append(Problem("project_id", _("choose the project")))
    bank = _money_account(session, problems, "account_id", account_id)
    value = _amount(problems, "amount", amount)
    if not clean(payee):
        problems.append(Problem("payee", _("who was paid?")))
    if not clean(voucher):
        problems.append(Problem("voucher", _("the voucher / receipt number is required")))
    problems += documents.document_problems(receipt_file, "receipt_file")
    currency = bank.currency if bank is not None and bank.currency else usd
    fx = _rate(problems, "rate", currency, usd, rate)
    if problems:
        raise ValidationError(problems)
    assert project is not None and bank is not None
    usd_amount = value if fx is None else round_money(value / fx)
    if cooperative.get_setting(session, OVER_BUDGET_SETTING, "warn") == "block":
        over = budget_problems(session, project_id, entry_date, usd_amount)
        if over:
            raise ValidationError(
                [
                    Problem(
                        "amount",
                        _("{message} (payments outside the plan are blocked)", message=message),
                    )
                    for message in over
                ]
            )
    sha, name = ("", "")
    if receipt_file is not None:
        stored = documents.store_document(session, actor, receipt_file, field="receipt_file")
        sha, name = stored.sha256, stored.name
    expense = project_account(session, project_id)
    entry = write_entry(
        session,
        actor,
        entry_date=entry_date,
        kind=EntryKind.PAYMENT,
        description=description,
        reference=reference,
        payee=payee,
        voucher=voucher,
        project_id=project_id,
        document_sha256=sha,
        document_name=name,
        postings=[
            PostingInput(expense.id, value, currency, fx),
            PostingInput(bank.id, -value, currency, fx),
        ],
    )
    return entry_row(session, entry.id)


# --- transfers and exchange -------------------------------------------------------------------


def record_transfer(
    session: Session,
    actor: Actor,
    *,
    from_account_id: int,
    to_account_id: int,
    entry_date: date,
    amount: Decimal,
    to_amount: Decimal | None = None,
    description: str = "",
    reference: str = "",
    rate: Decimal | None = None,
) -> EntryRow:
    """Move money between bank/cash accounts. Between currencies give ``to_amount`` too (what
    arrived); the rate is the ratio of the two amounts and both legs pass through the exchange
    account so each currency balances on its own. One side must be in USD.

    A transfer between two accounts of the same foreign currency is valued at ``rate`` (units
    per USD), by default the last rate recorded for that currency."""
    require(actor, Permission.LEDGER_WRITE)
    usd = reporting_currency(session)
    problems: list[Problem] = []
    source = _money_account(session, problems, "from_account_id", from_account_id)
    target = _money_account(session, problems, "to_account_id", to_account_id)
    sent = _amount(problems, "amount", amount)
    if source is not None and target is not None and source.id == target.id:
        problems.append(Problem("to_account_id", _("choose a different account")))
    if problems:
        raise ValidationError(problems)
    assert source is not None and target is not None
    src_cur = source.currency or usd
    dst_cur = target.currency or usd
    if src_cur == dst_cur:
        if to_amount is not None and to_decimal(to_amount) != sent:
            problems.append(
                Problem("to_amount", _("same currency: the amount arriving is the same"))
            )
        if problems:
            raise ValidationError(problems)
        same_rate: Decimal | None = None
        if src_cur != usd:
            same_rate = _rate(problems, "rate", src_cur, usd, rate) if rate is not None else None
            if problems:
                raise ValidationError(problems)
            same_rate = same_rate or _last_rate(session, src_cur)
        entry = write_entry(
            session,
            actor,
            entry_date=entry_date,
            kind=EntryKind.TRANSFER,
            description=clean(description)
            or _(
                "Transfer from {source_name} to {target_name}",
                source_name=source.name,
                target_name=target.name,
            ),
            reference=reference,
            postings=[
                PostingInput(target.id, sent, src_cur, same_rate),
                PostingInput(source.id, -sent, src_cur, same_rate),
            ],
        )
        return entry_row(session, entry.id)
    received = _amount(problems, "to_amount", to_amount if to_amount is not None else "")
    if usd not in (src_cur, dst_cur):
        problems.append(
            Problem(
                "to_account_id", _("exchange through {usd}: one side must be in {usd}", usd=usd)
            )
        )
    if problems:
        raise ValidationError(problems)
    local_cur, local_amt, usd_amt = (
        (dst_cur, received, sent) if src_cur == usd else (src_cur, sent, received)
    )
    implied = rate_from_legs(local_amt, usd_amt)
    exchange = account_by_role(session, AccountRole.EXCHANGE)

    def leg(account_id: int, value: Decimal, currency: str) -> PostingInput:
        return PostingInput(account_id, value, currency, None if currency == usd else implied)

    entry = write_entry(
        session,
        actor,
        entry_date=entry_date,
        kind=EntryKind.EXCHANGE,
        description=clean(description)
        or _(
            "Exchange {sent} {src_cur} -> {received} {dst_cur} (rate {rate})",
            sent=format(sent, ",.2f"),
            src_cur=src_cur,
            received=format(received, ",.2f"),
            dst_cur=dst_cur,
            rate=formats.rate(implied),
        ),
        reference=reference,
        postings=[
            leg(target.id, received, dst_cur),
            leg(exchange.id, -received, dst_cur),
            leg(exchange.id, sent, src_cur),
            leg(source.id, -sent, src_cur),
        ],
    )
    return entry_row(session, entry.id)


def _last_rate(session: Session, currency: str) -> Decimal:
    """The most recent rate recorded for ``currency`` (a same-currency transfer still needs a
    USD value for its legs)."""
    rate = session.scalar(
        select(Posting.rate)
        .where(Posting.currency == currency)
        .order_by(Posting.entry_date.desc(), Posting.id.desc())
        .limit(1)
    )
    if rate is None:
        raise ValidationError(
            [
                Problem(
                    "rate",
                    _("no {currency} rate recorded yet: post an exchange first", currency=currency),
                )
            ]
        )
    return Decimal(rate)


# --- opening balances -------------------------------------------------------------------------


def record_opening_balance(
    session: Session,
    actor: Actor,
    *,
    account_id: int,
    entry_date: date,
    amount: Decimal,
    rate: Decimal | None = None,
    description: str = "",
) -> EntryRow:
    """What a bank or cash account held when the cooperative started keeping its books here
    (Premium received in earlier years and not yet spent), or what a buyer still owed (a
    premium receivable account). Credit: opening balances."""
    require(actor, Permission.LEDGER_WRITE)
    usd = reporting_currency(session)
    problems: list[Problem] = []
    candidate = session.get(Account, account_id)
    if candidate is not None and candidate.role == AccountRole.RECEIVABLE:
        account: Account | None = candidate
    else:
        account = _money_account(session, problems, "account_id", account_id)
    value = _amount(problems, "amount", amount)
    if problems:
        raise ValidationError(problems)
    assert account is not None
    currency = account.currency or usd
    fx = _rate(problems, "rate", currency, usd, rate)
    if problems:
        raise ValidationError(problems)
    opening = account_by_role(session, AccountRole.OPENING)
    entry = write_entry(
        session,
        actor,
        entry_date=entry_date,
        kind=EntryKind.OPENING,
        description=clean(description)
        or _("Opening balance of {account_name}", account_name=account.name),
        postings=[
            PostingInput(account.id, value, currency, fx),
            PostingInput(opening.id, -value, currency, fx),
        ],
    )
    return entry_row(session, entry.id)
