"""The cooperative's profile and named settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain import limits
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import ValidationError
from coop_desk.models import Cooperative, Setting
from coop_desk.services import users, versions
from coop_desk.services.access import Actor, Permission, require


@dataclass(frozen=True)
class Profile:
    name: str
    short_name: str = ""
    country: str = "PE"
    tax_id: str = ""
    flo_id: str = ""
    reporting_currency: str = "USD"
    local_currency: str = "PEN"
    fiscal_year_start_month: int = 1
    # The stored version this profile was read at (``services.versions``); a save with it is
    # refused when another user saved the profile since. None: nothing to compare.
    record_version: int | None = None


def get_profile(session: Session, actor: Actor) -> Profile | None:
    """The profile, or ``None`` for a database where no cooperative was set up yet."""
    require(actor, Permission.READ)
    row = session.get(Cooperative, 1)
    if row is None:
        return None
    return Profile(
        name=row.name,
        short_name=row.short_name,
        country=row.country,
        tax_id=row.tax_id,
        flo_id=row.flo_id,
        reporting_currency=row.reporting_currency,
        local_currency=row.local_currency,
        fiscal_year_start_month=row.fiscal_year_start_month,
        record_version=row.version,
    )


def validate_profile(profile: Profile) -> list[Problem]:
    problems: list[Problem] = []
    if not clean(profile.name):
        problems.append(Problem("name", "the cooperative's name is required"))
    if len(clean(profile.country)) != 2 or not clean(profile.country).isalpha():
        problems.append(Problem("country", "use the two-letter country code (PE)"))
    for field in ("reporting_currency", "local_currency"):
        value = clean(getattr(profile, field))
        if len(value) != 3 or not value.isalpha():
            problems.append(Problem(field, "use a three-letter currency code (USD, PEN)"))
    if profile.country.upper() == "PE" and profile.tax_id:
        ruc = clean(profile.tax_id)
        if not (ruc.isdigit() and len(ruc) == 11):
            problems.append(Problem("tax_id", "a Peruvian RUC has exactly 11 digits"))
    if not 1 <= profile.fiscal_year_start_month <= 12:
        problems.append(Problem("fiscal_year_start_month", "the month must be 1 to 12"))
    problems += limits.text_problems(
        "cooperative",
        {
            "name": clean(profile.name),
            "short_name": clean(profile.short_name),
            "tax_id": clean(profile.tax_id),
            "flo_id": clean(profile.flo_id),
        },
    )
    return problems


def save_profile(session: Session, actor: Actor, profile: Profile) -> Profile:
    require(actor, Permission.SETTINGS_WRITE)
    problems = validate_profile(profile)
    if problems:
        raise ValidationError(problems)
    existing = session.get(Cooperative, 1)
    if existing is not None:
        versions.check(session, existing, profile.record_version, "The cooperative's profile")
    row = existing or Cooperative(id=1)
    row.name = clean(profile.name)
    row.short_name = clean(profile.short_name)
    row.country = clean(profile.country).upper()
    row.tax_id = clean(profile.tax_id)
    row.flo_id = clean(profile.flo_id)
    row.reporting_currency = clean(profile.reporting_currency).upper()
    row.local_currency = clean(profile.local_currency).upper()
    row.fiscal_year_start_month = profile.fiscal_year_start_month
    session.add(row)
    session.flush()
    result = get_profile(session, actor)
    assert result is not None
    return result


def start_cooperative(
    session: Session,
    actor: Actor,
    name: str,
    *,
    admin_username: str | None = None,
    admin_password: str = "",
) -> Profile:
    """A new cooperative (the first-run dialog): its profile and, on a database without
    accounts, its first administrator. One user action: both are written or neither, and the
    problems of both are reported together."""
    problems = validate_profile(Profile(name=name))
    if admin_username is not None:
        try:
            users.create_first_administrator(session, actor, admin_username, admin_password)
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    return save_profile(session, actor, Profile(name=name))


def get_setting(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def set_setting(session: Session, actor: Actor, key: str, value: str) -> None:
    require(actor, Permission.SETTINGS_WRITE)
    row = session.get(Setting, key) or Setting(key=key)
    row.value = value
    session.add(row)
    session.flush()
