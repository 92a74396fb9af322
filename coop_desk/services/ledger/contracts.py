"""Price table, buyers and sales contracts.

A contract's Premium figures (pounds, premium due, organic differential, 25% quality share) are
computed from the rate table row of its scheme in force on its signing date
(``coop_desk.domain.premium``); they are not stored, so the table is the single source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coop_desk.domain import limits
from coop_desk.domain.money import MoneyError, to_decimal
from coop_desk.domain.premium import (
    SCHEME_LABELS,
    ContractFigures,
    PriceTerms,
    Process,
    QuantityUnit,
    Scheme,
    contract_figures,
    contract_kg,
    pick_rate,
    validate_terms,
)
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import Conflict, NotFound, ValidationError
from coop_desk.i18n import _, ngettext
from coop_desk.models import Account, Buyer, Contract, JournalEntry, Lot, PremiumRate
from coop_desk.models.base import utcnow
from coop_desk.services import versions
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger.accounts import next_code
from coop_desk.services.ledger.books import AccountRole, EntryKind, like_words

# --- rate table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RateRow:
    id: int
    scheme: str
    scheme_label: str
    valid_from: date
    minimum_washed: Decimal
    minimum_natural: Decimal
    premium: Decimal
    organic_differential: Decimal
    note: str
    updated_by: str
    record_version: int = 1  # of the stored row (``services.versions``)

    def terms(self) -> PriceTerms:
        return PriceTerms(
            Scheme(self.scheme),
            self.valid_from,
            self.minimum_washed,
            self.minimum_natural,
            self.premium,
            self.organic_differential,
            self.note,
        )


def _rate_row(r: PremiumRate) -> RateRow:
    return RateRow(
        r.id,
        r.scheme,
        SCHEME_LABELS[Scheme(r.scheme)],
        r.valid_from,
        r.minimum_washed,
        r.minimum_natural,
        r.premium,
        r.organic_differential,
        r.note,
        r.updated_by,
        r.version,
    )


def list_rates(session: Session, actor: Actor, scheme: str | None = None) -> list[RateRow]:
    require(actor, Permission.READ)
    stmt = select(PremiumRate).order_by(PremiumRate.scheme, PremiumRate.valid_from)
    if scheme:
        stmt = stmt.where(PremiumRate.scheme == scheme)
    return [_rate_row(r) for r in session.scalars(stmt)]


def all_terms(session: Session) -> list[PriceTerms]:
    return [
        PriceTerms(
            Scheme(r.scheme),
            r.valid_from,
            r.minimum_washed,
            r.minimum_natural,
            r.premium,
            r.organic_differential,
            r.note,
        )
        for r in session.scalars(select(PremiumRate))
    ]


def save_rate(
    session: Session,
    actor: Actor,
    terms: PriceTerms,
    rate_id: int | None = None,
    *,
    record_version: int | None = None,
) -> RateRow:
    """Add a dated row to a scheme's table (``rate_id`` None) or correct an existing one.

    Contracts pick up the change at once (figures are computed, not stored); a shipment already
    posted keeps its entry, and the due-vs-received report shows any difference.
    """
    require(actor, Permission.SETTINGS_WRITE)
    problems = [Problem("rate", message) for message in validate_terms(terms)]
    if terms.scheme == Scheme.NONE:
        problems.append(Problem("scheme", _("a conventional sale has no price table")))
    clash = session.scalar(
        select(PremiumRate.id).where(
            PremiumRate.scheme == str(terms.scheme), PremiumRate.valid_from == terms.valid_from
        )
    )
    if clash is not None and clash != rate_id:
        problems.append(
            Problem(
                "valid_from",
                _(
                    "{scheme} already has a row from that date",
                    scheme=_(SCHEME_LABELS[terms.scheme]),
                ),
            )
        )
    if problems:
        raise ValidationError(problems)
    row = PremiumRate() if rate_id is None else session.get(PremiumRate, rate_id)
    if row is None:
        raise NotFound(_("There is no rate row with id {rate_id}.", rate_id=rate_id))
    if rate_id is not None:
        what = _("The price table row of {day}", day=row.valid_from)
        versions.check(session, row, record_version, what)
    row.scheme = str(terms.scheme)
    row.valid_from = terms.valid_from
    row.minimum_washed = terms.minimum_washed
    row.minimum_natural = terms.minimum_natural
    row.premium = terms.premium
    row.organic_differential = terms.organic_differential
    row.note = clean(terms.note)
    row.updated_at = utcnow()
    row.updated_by = actor.username
    session.add(row)
    session.flush()
    return _rate_row(row)


def rate_for(session: Session, actor: Actor, scheme: str, signing_date: date) -> RateRow | None:
    """The row a contract of ``scheme`` signed on ``signing_date`` uses (None: no premium)."""
    require(actor, Permission.READ)
    if scheme == Scheme.NONE:
        return None
    row = session.scalars(
        select(PremiumRate)
        .where(PremiumRate.scheme == scheme, PremiumRate.valid_from <= signing_date)
        .order_by(PremiumRate.valid_from.desc())
        .limit(1)
    ).first()
    return _rate_row(row) if row else None


# --- buyers -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuyerRow:
    id: int
    name: str
    country: str
    notes: str
    account_id: int  # its premium receivable account
    contracts: int


def list_buyers(session: Session, actor: Actor) -> list[BuyerRow]:
    require(actor, Permission.READ)
    counts = dict(
        session.execute(select(Contract.buyer_id, func.count()).group_by(Contract.buyer_id))
        .tuples()
        .all()
    )
    rows = []
    for buyer, account_id in session.execute(
        select(Buyer, Account.id).join(Account, Account.buyer_id == Buyer.id).order_by(Buyer.name)
    ):
        rows.append(
            BuyerRow(
                buyer.id,
                buyer.name,
                buyer.country,
                buyer.notes,
                account_id,
                counts.get(buyer.id, 0),
            )
        )
    return rows


def create_buyer(
    session: Session, actor: Actor, *, name: str, country: str = "", notes: str = ""
) -> BuyerRow:
    """Add a buyer and its premium receivable account (in USD)."""
    require(actor, Permission.LEDGER_WRITE)
    name = clean(name)
    if not name:
        raise ValidationError([Problem("name", _("the buyer needs a name"))])
    if session.scalar(select(Buyer.id).where(func.lower(Buyer.name) == name.lower())):
        raise ValidationError([Problem("name", _("the buyer {name} already exists", name=name))])
    buyer = Buyer(name=name, country=clean(country), notes=notes.strip())
    session.add(buyer)
    session.flush()
    account = Account(
        code=next_code(session, AccountRole.RECEIVABLE),
        name=_("Premium receivable: {name}", name=name),
        kind="asset",
        role=str(AccountRole.RECEIVABLE),
        currency="USD",
        buyer_id=buyer.id,
        active=True,
    )
    session.add(account)
    session.flush()
    return BuyerRow(buyer.id, buyer.name, buyer.country, buyer.notes, account.id, 0)


# --- contracts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContractInput:
    buyer_id: int | None
    number: str
    signing_date: date | None
    scheme: str = Scheme.FAIRTRADE
    organic: bool = False
    process: str = Process.WASHED
    quantity: Decimal = Decimal(0)
    quantity_unit: str = QuantityUnit.BAGS
    shipment_date: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class ContractRow:
    id: int
    buyer_id: int
    buyer_name: str
    number: str
    signing_date: date
    scheme: str
    scheme_label: str
    organic: bool
    process: str
    quantity: Decimal
    quantity_unit: str
    kg: Decimal
    pounds: Decimal
    premium_rate: Decimal  # USD/lb from the rate table (0: no scheme / no row)
    premium_due: Decimal  # USD
    organic_rate: Decimal
    organic_differential: Decimal  # USD
    minimum_price: Decimal  # USD/lb
    quality_share: Decimal  # USD, 25% of the Premium
    shipment_date: date | None
    shipment_entry_id: int | None  # the live (not reversed) shipment entry
    notes: str
    record_version: int = 1  # of the stored row (``services.versions``)

    def to_input(self) -> ContractInput:
        return ContractInput(
            self.buyer_id,
            self.number,
            self.signing_date,
            self.scheme,
            self.organic,
            self.process,
            self.quantity,
            self.quantity_unit,
            self.shipment_date,
            self.notes,
        )


@dataclass(frozen=True)
class ContractFilter:
    buyer_id: int | None = None
    scheme: str | None = None
    date_from: date | None = None  # signing date
    date_to: date | None = None
    text: str = ""  # number or buyer


def figures(
    session: Session, contract: Contract, terms: list[PriceTerms] | None = None
) -> ContractFigures:
    rates = terms if terms is not None else all_terms(session)
    chosen = pick_rate(rates, Scheme(contract.scheme), contract.signing_date)
    return contract_figures(
        contract.kg, chosen, organic=contract.organic, process=Process(contract.process)
    )


def live_shipment_entries(session: Session) -> dict[int, int]:
    """contract id -> id of its shipment entry that has not been reversed."""
    reversed_ids = select(JournalEntry.reverses_id).where(JournalEntry.reverses_id.is_not(None))
    return {
        contract_id: entry_id
        for entry_id, contract_id in session.execute(
            select(JournalEntry.id, JournalEntry.contract_id).where(
                JournalEntry.kind == EntryKind.SHIPMENT, JournalEntry.id.not_in(reversed_ids)
            )
        )
    }


def _contract_row(
    contract: Contract, buyer_name: str, terms: list[PriceTerms], shipments: dict[int, int]
) -> ContractRow:
    chosen = pick_rate(terms, Scheme(contract.scheme), contract.signing_date)
    fig = contract_figures(
        contract.kg, chosen, organic=contract.organic, process=Process(contract.process)
    )
    return ContractRow(
        id=contract.id,
        buyer_id=contract.buyer_id,
        buyer_name=buyer_name,
        number=contract.number,
        signing_date=contract.signing_date,
        scheme=contract.scheme,
        scheme_label=SCHEME_LABELS[Scheme(contract.scheme)],
        organic=contract.organic,
        process=contract.process,
        quantity=contract.quantity,
        quantity_unit=contract.quantity_unit,
        kg=contract.kg,
        pounds=fig.pounds,
        premium_rate=fig.premium_rate,
        premium_due=fig.premium_due,
        organic_rate=fig.organic_rate,
        organic_differential=fig.organic_differential,
        minimum_price=fig.minimum_price,
        quality_share=fig.quality_share,
        shipment_date=contract.shipment_date,
        shipment_entry_id=shipments.get(contract.id),
        notes=contract.notes,
        record_version=contract.version,
    )


def list_contracts(
    session: Session, actor: Actor, flt: ContractFilter | None = None
) -> list[ContractRow]:
    require(actor, Permission.READ)
    flt = flt or ContractFilter()
    stmt = select(Contract, Buyer.name).join(Buyer, Buyer.id == Contract.buyer_id)
    if flt.buyer_id is not None:
        stmt = stmt.where(Contract.buyer_id == flt.buyer_id)
    if flt.scheme:
        stmt = stmt.where(Contract.scheme == flt.scheme)
    if flt.date_from:
        stmt = stmt.where(Contract.signing_date >= flt.date_from)
    if flt.date_to:
        stmt = stmt.where(Contract.signing_date <= flt.date_to)
    for pattern in like_words(flt.text):
        stmt = stmt.where(
            (func.lower(Contract.number).like(pattern, escape="\\"))
            | (func.lower(Buyer.name).like(pattern, escape="\\"))
        )
    stmt = stmt.order_by(Contract.signing_date, Contract.number)
    terms = all_terms(session)
    shipments = live_shipment_entries(session)
    return [_contract_row(c, name, terms, shipments) for c, name in session.execute(stmt)]


def get_contract(session: Session, actor: Actor, contract_id: int) -> ContractRow:
    require(actor, Permission.READ)
    contract = load_contract(session, contract_id)
    buyer = session.get(Buyer, contract.buyer_id)
    assert buyer is not None
    return _contract_row(contract, buyer.name, all_terms(session), live_shipment_entries(session))


def load_contract(session: Session, contract_id: int) -> Contract:
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise NotFound(_("There is no contract with id {contract_id}.", contract_id=contract_id))
    return contract


def _validate(session: Session, data: ContractInput, contract_id: int | None) -> list[Problem]:
    problems: list[Problem] = []
    if data.buyer_id is None or session.get(Buyer, data.buyer_id) is None:
        problems.append(Problem("buyer_id", _("choose the buyer")))
    if not clean(data.number):
        problems.append(Problem("number", _("the contract number is required")))
    elif data.buyer_id is not None:
        stmt = select(Contract.id).where(
            Contract.buyer_id == data.buyer_id, Contract.number == clean(data.number)
        )
        if contract_id is not None:
            stmt = stmt.where(Contract.id != contract_id)
        if session.scalar(stmt):
            problems.append(
                Problem(
                    "number",
                    _("this buyer already has a contract {clean}", clean=clean(data.number)),
                )
            )
    if data.signing_date is None:
        problems.append(Problem("signing_date", _("the signing date is required")))
    if data.scheme not in {s.value for s in Scheme}:
        problems.append(
            Problem("scheme", _("choose Fairtrade International, Fair Trade USA or none"))
        )
    if data.process not in {p.value for p in Process}:
        problems.append(Problem("process", _("choose washed or natural")))
    if data.quantity_unit not in {u.value for u in QuantityUnit}:
        problems.append(Problem("quantity_unit", _("give the quantity in bags or kg")))
    try:
        quantity = to_decimal(data.quantity)
        if quantity <= 0:
            problems.append(Problem("quantity", _("the quantity must be more than zero")))
        elif quantity != quantity.quantize(Decimal("0.000001")):
            problems.append(Problem("quantity", _("at most 6 decimals")))
        elif beyond := limits.check_quantity(quantity) or limits.check_quantity(
            contract_kg(quantity, QuantityUnit(data.quantity_unit))
            if data.quantity_unit in {u.value for u in QuantityUnit}
            else None
        ):
            problems.append(Problem("quantity", beyond))
    except MoneyError as exc:
        problems.append(Problem("quantity", str(exc)))
    problems += limits.text_problems(
        "contract", {"number": clean(data.number), "notes": (data.notes or "").strip()}
    )
    problems += limits.date_problems(
        {"signing_date": data.signing_date, "shipment_date": data.shipment_date}
    )
    if (
        data.shipment_date is not None
        and data.signing_date is not None
        and data.shipment_date < data.signing_date
    ):
        problems.append(Problem("shipment_date", _("the shipment cannot be before the signing")))
    if (
        not problems
        and data.scheme != Scheme.NONE
        and data.signing_date is not None
        and pick_rate(all_terms(session), Scheme(data.scheme), data.signing_date) is None
    ):
        problems.append(
            Problem("signing_date", _("the price table has no row in force on that date"))
        )
    return problems


def create_contract(session: Session, actor: Actor, data: ContractInput) -> ContractRow:
    require(actor, Permission.LEDGER_WRITE)
    problems = _validate(session, data, None)
    if problems:
        raise ValidationError(problems)
    assert data.signing_date is not None and data.buyer_id is not None
    contract = Contract(
        buyer_id=data.buyer_id,
        number=clean(data.number),
        signing_date=data.signing_date,
        scheme=str(data.scheme),
        organic=data.organic,
        process=str(data.process),
        quantity=data.quantity,
        quantity_unit=str(data.quantity_unit),
        kg=contract_kg(data.quantity, QuantityUnit(data.quantity_unit)),
        shipment_date=data.shipment_date,
        notes=data.notes.strip(),
        created_by=actor.username,
    )
    session.add(contract)
    session.flush()
    return get_contract(session, actor, contract.id)


def update_contract(
    session: Session,
    actor: Actor,
    contract_id: int,
    data: ContractInput,
    *,
    record_version: int | None = None,
) -> ContractRow:
    """Edit a contract. Once its shipment is posted, the figures the entry was computed from
    (buyer, scheme, organic, quantity, signing date) are locked: reverse the shipment first.
    ``record_version``: the version the user's form showed (refused when it changed since)."""
    require(actor, Permission.LEDGER_WRITE)
    contract = load_contract(session, contract_id)
    versions.check(
        session, contract, record_version, _("Contract {number}", number=contract.number)
    )
    problems = _validate(session, data, contract_id)
    if problems:
        raise ValidationError(problems)
    assert data.signing_date is not None and data.buyer_id is not None
    kg = contract_kg(data.quantity, QuantityUnit(data.quantity_unit))
    if contract_id in live_shipment_entries(session):
        locked = (
            data.buyer_id != contract.buyer_id
            or data.scheme != contract.scheme
            or data.organic != contract.organic
            or kg != contract.kg
            or data.signing_date != contract.signing_date
            or data.shipment_date != contract.shipment_date
        )
        if locked:
            raise Conflict(
                _(
                    "Contract {number} is shipped and its premium is posted. Reverse the shipment entry before changing its buyer, scheme, quantity or dates.",
                    number=contract.number,
                )
            )
    contract.buyer_id = data.buyer_id
    contract.number = clean(data.number)
    contract.signing_date = data.signing_date
    contract.scheme = str(data.scheme)
    contract.organic = data.organic
    contract.process = str(data.process)
    contract.quantity = data.quantity
    contract.quantity_unit = str(data.quantity_unit)
    contract.kg = kg
    contract.shipment_date = data.shipment_date
    contract.notes = data.notes.strip()
    session.flush()
    return get_contract(session, actor, contract.id)


def delete_contract(session: Session, actor: Actor, contract_id: int) -> None:
    """Remove a contract entered by mistake. Refused once any journal entry refers to it
    (shipment, receipt): the books keep it, and corrections go through reversals."""
    require(actor, Permission.LEDGER_WRITE)
    contract = load_contract(session, contract_id)
    used = session.scalar(select(func.count()).where(JournalEntry.contract_id == contract_id))
    if used:
        raise Conflict(
            _(
                "Contract {number} has {used} journal entries; it stays in the books.",
                number=contract.number,
                used=used,
            )
        )
    lots = session.scalar(select(func.count()).where(Lot.contract_id == contract_id))
    if lots:
        raise Conflict(
            ngettext(
                "Contract {contract} has {n} lot of coffee; take it off the contract "
                "(Deliveries and lots) before removing it.",
                "Contract {contract} has {n} lots of coffee; take them off the contract "
                "(Deliveries and lots) before removing it.",
                lots,
                contract=contract.number,
            )
        )
    session.delete(contract)
    session.flush()
