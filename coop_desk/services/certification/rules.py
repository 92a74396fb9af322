"""The group rules as the cooperative set them (conversion period, EU area and group limits, the
certifier's re-inspection sample): settings rows, the DOMAIN.md defaults where none is set.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain.certification import GROUP_RULE_SETTINGS, GroupRules
from coop_desk.domain.problems import Problem
from coop_desk.errors import ValidationError
from coop_desk.i18n import _
from coop_desk.models import Setting
from coop_desk.services.access import Actor, Permission, require


def group_rules(session: Session) -> GroupRules:
    """The cooperative's values of the group rules, defaults (DOMAIN.md) where none is set."""
    stored = dict(
        session.execute(
            select(Setting.key, Setting.value).where(
                Setting.key.in_(list(GROUP_RULE_SETTINGS.values()))
            )
        )
        .tuples()
        .all()
    )
    defaults = GroupRules()
    values: dict[str, object] = {}
    for name, key in GROUP_RULE_SETTINGS.items():
        raw = stored.get(key)
        default = getattr(defaults, name)
        if raw is None or raw == "":
            values[name] = default
            continue
        try:
            values[name] = Decimal(raw) if isinstance(default, Decimal) else int(raw)
        except (ValueError, InvalidOperation):
            values[name] = default  # an unreadable setting falls back; verify would show it
    return GroupRules(**values)  # type: ignore[arg-type]


def get_group_rules(session: Session, actor: Actor) -> GroupRules:
    require(actor, Permission.READ)
    return group_rules(session)


def save_group_rules(session: Session, actor: Actor, rules: GroupRules) -> GroupRules:
    require(actor, Permission.SETTINGS_WRITE)
    problems: list[Problem] = []
    if not 1 <= rules.conversion_months <= 120:
        problems.append(Problem("conversion_months", _("the conversion period must be 1 to 120")))
    if rules.max_member_area_ha <= 0:
        problems.append(Problem("max_member_area_ha", _("the area limit must be above 0 ha")))
    if rules.max_group_members < 1:
        problems.append(Problem("max_group_members", _("the group limit must be at least 1")))
    if not Decimal(0) < rules.reinspection_share <= Decimal(1):
        problems.append(Problem("reinspection_share", _("the share must be above 0 and at most 1")))
    if rules.reinspection_minimum < 0:
        problems.append(Problem("reinspection_minimum", _("the minimum cannot be negative")))
    if problems:
        raise ValidationError(problems)
    for name, key in GROUP_RULE_SETTINGS.items():
        row = session.get(Setting, key) or Setting(key=key)
        row.value = str(getattr(rules, name))
        session.add(row)
    session.flush()
    return group_rules(session)
