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

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain import limits
from coop_desk.domain.ledger import rate_from_legs
from coop_desk.domain.money import MoneyError, round_money, to_decimal
from coop_desk.domain.premium import Scheme
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import Conflict, NeedsConfirmation, NotFound, ValidationError
from coop_desk.i18n import N_, _, formats
from coop_desk.models import Account, Posting, Project
from coop_desk.services import cooperative, documents
from coop_desk.services.access import Actor, Permission, Role, require
from coop_desk.services.ledger.accounts import account_by_role, buyer_account, project_account
from coop_desk.services.ledger.books import (
    AccountRole,
    EntryKind,
    reporting_currency,
)
from coop_desk.services.ledger.contracts import figures, live_shipment_entries, load_contract
from coop_desk.services.ledger.journal import (
    EntryRow,
    PostingInput,
    date_problems,
    entry_row,
    text_problems,
    write_entry,
)
from coop_desk.services.ledger.plan import BudgetStatus, budget_status

OVER_BUDGET_SETTING = "ledger.over_budget"  # "warn" (default), "administrators" or "block"
REFUSED_BY_POLICY = {
    "block": N_("payments outside the plan or the balance are blocked"),
    "administrators": N_("only an administrator may post payments outside the plan or the balance"),
}
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


class PaymentWarning(StrEnum):
    """What a project payment does that the treasurer should see before it is posted."""

    NO_BUDGET = "no_budget"  # the project has no GA-approved budget in force on the date
    OVER_BUDGET = "over_budget"  # spending would pass the approved budget
    OVERDRAWN = "overdrawn"  # the bank or cash account would end the year below zero


ALL_WARNINGS = frozenset(PaymentWarning)


@dataclass(frozen=True)
class PaymentConsequence:
    kind: PaymentWarning
    message: str


@dataclass(frozen=True)
class PaymentPreview:
    """What a project payment would do, computed before it is posted (``preview_payment``).

    The front ends show it while the amount is typed and ask for confirmation when
    ``consequences`` is not empty; ``refused`` says the cooperative's policy refuses such a
    payment for the actor's role (``ledger.over_budget``), so there is nothing to confirm."""

    currency: str
    amount: Decimal
    rate: Decimal | None  # the rate typed; None for a USD account (or none typed yet)
    rate_is_last_recorded: bool  # no rate typed: the USD value uses the last rate recorded
    usd_value: Decimal | None  # None when no rate is known for the currency
    project_name: str
    budget: BudgetStatus
    spent_after: Decimal | None  # USD, with this payment
    remaining_after: Decimal | None  # None without an approved budget
    percent_after: Decimal | None
    account_name: str
    balance: Decimal  # the account's balance in the payment's year, in its currency
    balance_after: Decimal
    consequences: tuple[PaymentConsequence, ...]
    policy: str  # the setting ``ledger.over_budget``
    refused: bool

    @property
    def kinds(self) -> frozenset[PaymentWarning]:
        return frozenset(c.kind for c in self.consequences)

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.consequences) and not self.refused


def policy_refuses(policy: str, actor: Actor) -> bool:
    """Whether the setting ``ledger.over_budget`` refuses a payment with consequences for
    ``actor``: ``block`` refuses everyone, ``administrators`` everyone but administrators."""
    if policy == "block":
        return True
    return policy == "administrators" and actor.role != Role.ADMINISTRATOR


def preview_payment(
    session: Session,
    actor: Actor,
    *,
    project_id: int,
    account_id: int,
    entry_date: date,
    amount: Decimal,
    rate: Decimal | None = None,
) -> PaymentPreview:
    """The consequences of paying ``amount`` (in the account's currency) for a project on a day.

    The one place the payment rules are applied: the project's budget as the General Assembly
    approved it on that day (``plan.budget_status``), the account's balance in the year (the
    same balance ``verify`` checks never ends a year below zero), the USD value as the payment
    would post it. ``record_project_payment`` applies the same preview before it posts."""
    require(actor, Permission.READ)
    from coop_desk.services.ledger.reports import account_balances, percent_used

    usd = reporting_currency(session)
    project = session.get(Project, project_id)
    bank = session.get(Account, account_id)
    if project is None or bank is None:
        raise NotFound(_("The project or the account does not exist."))
    currency = bank.currency or usd
    typed_rate = rate if currency != usd else None
    fx = typed_rate
    from_last = False
    if currency != usd and fx is None:
        fx = session.scalar(
            select(Posting.rate)
            .where(Posting.currency == currency, Posting.rate.is_not(None))
            .order_by(Posting.entry_date.desc(), Posting.id.desc())
            .limit(1)
        )
        from_last = fx is not None
    usd_value = payment_usd_value(amount, fx, currency, usd)
    status = budget_status(session, actor, project_id, entry_date)
    year = status.year
    balance = next(
        (
            row.closing
            for row in account_balances(session, actor, year)
            if row.account_id == bank.id and row.currency == currency
        ),
        Decimal("0.00"),
    )
    consequences: list[PaymentConsequence] = []
    spent_after = remaining_after = percent_after = None
    if usd_value is not None:
        spent_after = status.spent + usd_value
    if status.approved is None:
        consequences.append(
            PaymentConsequence(
                PaymentWarning.NO_BUDGET,
                _(
                    "{name} has no budget approved by the General Assembly for {year} on {day}",
                    name=project.name,
                    year=year,
                    day=entry_date,
                ),
            )
        )
    elif spent_after is not None:
        remaining_after = status.approved - spent_after
        percent_after = percent_used(spent_after, status.approved)
        if remaining_after < 0:
            consequences.append(
                PaymentConsequence(
                    PaymentWarning.OVER_BUDGET,
                    _(
                        "{name}: this payment brings spending to USD {value} ({percent}%), over "
                        "the approved budget of USD {budget}",
                        name=project.name,
                        value=formats.amount(spent_after),
                        percent=percent_after,
                        budget=formats.amount(status.approved),
                    ),
                )
            )
    balance_after = balance - amount
    if bank.role in (AccountRole.BANK, AccountRole.CASH) and balance_after < 0 <= amount:
        consequences.append(
            PaymentConsequence(
                PaymentWarning.OVERDRAWN,
                _(
                    "{account} holds {balance} {currency}: this payment leaves it at {after} "
                    "{currency}",
                    account=bank.name,
                    balance=formats.amount(balance),
                    after=formats.amount(balance_after),
                    currency=currency,
                ),
            )
        )
    policy = cooperative.get_setting(session, OVER_BUDGET_SETTING, "warn")
    return PaymentPreview(
        currency=currency,
        amount=amount,
        rate=typed_rate,
        rate_is_last_recorded=from_last,
        usd_value=usd_value,
        project_name=project.name,
        budget=status,
        spent_after=spent_after,
        remaining_after=remaining_after,
        percent_after=percent_after,
        account_name=bank.name,
        balance=balance,
        balance_after=balance_after,
        consequences=tuple(consequences),
        policy=policy,
        refused=bool(consequences) and policy_refuses(policy, actor),
    )


def payment_usd_value(
    amount: Decimal, rate: Decimal | None, currency: str, usd: str
) -> Decimal | None:
    """The USD value a payment posts with: the amount in USD, else amount / rate rounded once
    to the cent (None without a rate)."""
    if currency == usd:
        return amount
    if rate is None or rate <= 0:
        return None
    return round_money(amount / rate)


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
    accept: Collection[str] = (),
) -> EntryRow:
    """Pay for a project from a bank or cash account, in that account's currency.

    The voucher/receipt number is required. A payment with consequences (``preview_payment``:
    no approved budget on its date, beyond the budget, the account below zero) is posted only
    when every one of them is in ``accept`` (the kinds the user was shown and confirmed);
    otherwise ``NeedsConfirmation`` is raised with them, nothing posted. The setting
    ``ledger.over_budget`` may refuse such payments outright: ``block`` for everyone,
    ``administrators`` for every other role; ``warn`` (default) asks, and ``verify`` reports
    what was posted.
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
    # What cannot be posted at all is said first: a payment is never put to the user for
    # confirmation only to be refused for its date or its size afterwards.
    problems += date_problems(session, entry_date, EntryKind.PAYMENT)
    problems += text_problems(description, reference, payee, voucher)
    usd_value = payment_usd_value(value, fx, currency, usd)
    if not problems and (beyond := limits.check_amount(usd_value)):
        problems.append(Problem("amount", _("its {usd} value: {beyond}", usd=usd, beyond=beyond)))
    if problems:
        raise ValidationError(problems)
    assert project is not None and bank is not None
    preview = preview_payment(
        session,
        actor,
        project_id=project_id,
        account_id=account_id,
        entry_date=entry_date,
        amount=value,
        rate=fx,
    )
    if preview.refused:
        raise ValidationError(
            [
                Problem(
                    "amount",
                    _(
                        "{message} ({why})",
                        message=c.message,
                        why=_(REFUSED_BY_POLICY[preview.policy]),
                    ),
                )
                for c in preview.consequences
            ]
        )
    unconfirmed = [c for c in preview.consequences if c.kind not in accept]
    if unconfirmed:
        raise NeedsConfirmation([c.message for c in unconfirmed])
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
