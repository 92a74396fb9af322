"""The ledger's settings, validated (stored as named settings of the cooperative)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from coop_desk.domain.problems import Problem
from coop_desk.errors import ValidationError
from coop_desk.i18n import _
from coop_desk.models import Setting
from coop_desk.services import cooperative, versions
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger.operations import OVER_BUDGET_SETTING
from coop_desk.services.ledger.reports import OVERDUE_DAYS_SETTING, overdue_days

OVER_BUDGET_CHOICES = ("warn", "administrators", "block")


@dataclass(frozen=True)
class LedgerSettings:
    # A payment outside the approved plan or over the account's balance: "warn" asks the user
    # to confirm (verify reports it), "administrators" refuses it for every other role,
    # "block" refuses it.
    over_budget: str
    overdue_days: int  # premium outstanding this many days after shipment is overdue


def get_ledger_settings(session: Session, actor: Actor) -> LedgerSettings:
    require(actor, Permission.READ)
    policy = cooperative.get_setting(session, OVER_BUDGET_SETTING, "warn")
    return LedgerSettings(
        policy if policy in OVER_BUDGET_CHOICES else "warn", overdue_days(session)
    )


def save_ledger_settings(
    session: Session, actor: Actor, value: LedgerSettings, *, base: LedgerSettings | None = None
) -> LedgerSettings:
    """Save the ledger's settings. ``base``: what the user's form showed. Then only the
    settings the user changed are written, and one another user changed since the form
    opened is refused with ``StaleEdit`` (who and when) instead of being overwritten."""
    require(actor, Permission.SETTINGS_WRITE)
    problems = []
    if value.over_budget not in OVER_BUDGET_CHOICES:
        problems.append(Problem("over_budget", _("choose warn, administrators or block")))
    if not 0 <= value.overdue_days <= 3650:
        problems.append(Problem("overdue_days", _("give a number of days from 0 to 3650")))
    if problems:
        raise ValidationError(problems)
    now = get_ledger_settings(session, actor)
    keys = {"over_budget": OVER_BUDGET_SETTING, "overdue_days": OVERDUE_DAYS_SETTING}
    for name, key in keys.items():
        mine = getattr(value, name)
        if base is not None:
            was, stored = getattr(base, name), getattr(now, name)
            if mine == was:
                continue  # not changed in this form: what is stored now stays
            if stored != was and stored != mine:
                raise versions.stale(
                    session, Setting.__tablename__, key, _("The premium ledger's settings")
                )
        cooperative.set_setting(session, actor, key, str(mine))
    return get_ledger_settings(session, actor)
