"""The chart of accounts. The default chart is created with the database (migration 0100):
Bank USD, Bank PEN, Cash PEN, Premium fund, Opening balances, Premium income, Currency exchange
and one expense account per default project. Adding a buyer adds its receivable account, adding
a project adds its expense account; users add bank and cash accounts here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coop_desk.domain.money import CURRENCIES
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import Conflict, NotFound, ValidationError
from coop_desk.i18n import N_, _
from coop_desk.models import Account
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger.books import AccountRole

ROLE_LABELS = {
    AccountRole.BANK: N_("Bank account"),
    AccountRole.CASH: N_("Cash"),
    AccountRole.RECEIVABLE: N_("Premium receivable"),
    AccountRole.PREMIUM_INCOME: N_("Premium income"),
    AccountRole.PREMIUM_FUND: N_("Premium fund"),
    AccountRole.PROJECT_EXPENSE: N_("Project expense"),
    AccountRole.EXCHANGE: N_("Currency exchange"),
    AccountRole.OPENING: N_("Opening balances"),
}

# Where new accounts get their codes: the first free number from the base.
CODE_BASE = {
    AccountRole.BANK: 1010,
    AccountRole.CASH: 1100,
    AccountRole.RECEIVABLE: 1200,
    AccountRole.PROJECT_EXPENSE: 5001,
}


@dataclass(frozen=True)
class AccountRow:
    id: int
    code: str
    name: str
    kind: str  # asset, liability, equity, income, expense
    role: str  # AccountRole value
    currency: str | None  # None: multi-currency account
    project_id: int | None
    buyer_id: int | None
    bank_details: str
    active: bool

    @property
    def label(self) -> str:
        suffix = f" ({self.currency})" if self.currency else ""
        return f"{self.code} {self.name}{suffix}"


def _row(a: Account) -> AccountRow:
    return AccountRow(
        a.id,
        a.code,
        a.name,
        a.kind,
        a.role,
        a.currency,
        a.project_id,
        a.buyer_id,
        a.bank_details,
        a.active,
    )


def list_accounts(
    session: Session,
    actor: Actor,
    *,
    roles: tuple[str, ...] | None = None,
    include_inactive: bool = False,
) -> list[AccountRow]:
    """The chart, ordered by code; ``roles`` limits it (e.g. ("bank", "cash") for a payment)."""
    require(actor, Permission.READ)
    stmt = select(Account).order_by(Account.code)
    if roles:
        stmt = stmt.where(Account.role.in_(roles))
    if not include_inactive:
        stmt = stmt.where(Account.active.is_(True))
    return [_row(a) for a in session.scalars(stmt)]


def account_by_role(session: Session, role: AccountRole) -> Account:
    """The single account of a role (premium fund, income, exchange, opening balances)."""
    account = session.scalars(
        select(Account).where(Account.role == role).order_by(Account.id)
    ).first()
    if account is None:
        raise Conflict(
            _(
                "The chart of accounts has no {role} account.",
                role=_(ROLE_LABELS[role]).lower(),
            )
        )
    return account


def project_account(session: Session, project_id: int) -> Account:
    account = session.scalars(select(Account).where(Account.project_id == project_id)).first()
    if account is None:
        raise NotFound(_("Project {project_id} has no expense account.", project_id=project_id))
    return account


def buyer_account(session: Session, buyer_id: int) -> Account:
    account = session.scalars(select(Account).where(Account.buyer_id == buyer_id)).first()
    if account is None:
        raise NotFound(_("Buyer {buyer_id} has no receivable account.", buyer_id=buyer_id))
    return account


def next_code(session: Session, role: AccountRole) -> str:
    base = CODE_BASE[role]
    used = {int(c) for c in session.scalars(select(Account.code)) if c.isdigit()}
    code = base
    while code in used:
        code += 1
    return str(code)


def _name_taken(session: Session, name: str, account_id: int | None) -> bool:
    stmt = select(func.count()).select_from(Account).where(func.lower(Account.name) == name.lower())
    if account_id is not None:
        stmt = stmt.where(Account.id != account_id)
    return bool(session.scalar(stmt))


def create_money_account(
    session: Session,
    actor: Actor,
    *,
    name: str,
    currency: str,
    role: str = AccountRole.BANK,
    bank_details: str = "",
) -> AccountRow:
    """Add a bank or cash account held in one currency."""
    require(actor, Permission.LEDGER_WRITE)
    name = clean(name)
    currency = clean(currency).upper()
    problems: list[Problem] = []
    if not name:
        problems.append(Problem("name", _("the account needs a name")))
    elif _name_taken(session, name, None):
        problems.append(Problem("name", _("an account named '{name}' already exists", name=name)))
    if len(currency) != 3 or not currency.isalpha():
        problems.append(
            Problem(
                "currency",
                _("use a three-letter currency code ({items})", items=", ".join(CURRENCIES)),
            )
        )
    if role not in (AccountRole.BANK, AccountRole.CASH):
        problems.append(Problem("role", _("only bank and cash accounts are added by hand")))
    if problems:
        raise ValidationError(problems)
    account = Account(
        code=next_code(session, AccountRole(role)),
        name=name,
        kind="asset",
        role=str(role),
        currency=currency,
        bank_details=clean(bank_details),
        active=True,
    )
    session.add(account)
    session.flush()
    return _row(account)
