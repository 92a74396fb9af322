"""The cooperative's profile and named settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk import i18n
from coop_desk.domain import limits
from coop_desk.domain.premium import DEFAULT_RATE_NOTES, Scheme
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import ValidationError
from coop_desk.i18n import N_, _
from coop_desk.models import Account, CertScheme, Cooperative, PremiumRate, Project, Setting
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
    # The language of its workbooks and default names (``i18n.LANGUAGES``); "" in a new
    # profile: the language the program speaks when the cooperative is created.
    language: str = ""
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
        language=row.language,
        record_version=row.version,
    )


def cooperative_language(session: Session) -> str:
    """The language the cooperative's workbooks are written in: its profile's, else the
    language in effect (a database where no cooperative was set up yet)."""
    value = session.scalar(select(Cooperative.language).where(Cooperative.id == 1))
    return i18n.normalize(value) or i18n.language()


def validate_profile(profile: Profile) -> list[Problem]:
    problems: list[Problem] = []
    if not clean(profile.name):
        problems.append(Problem("name", _("the cooperative's name is required")))
    if len(clean(profile.country)) != 2 or not clean(profile.country).isalpha():
        problems.append(Problem("country", _("use the two-letter country code (PE)")))
    for field in ("reporting_currency", "local_currency"):
        value = clean(getattr(profile, field))
        if len(value) != 3 or not value.isalpha():
            problems.append(Problem(field, _("use a three-letter currency code (USD, PEN)")))
    if profile.country.upper() == "PE" and profile.tax_id:
        ruc = clean(profile.tax_id)
        if not (ruc.isdigit() and len(ruc) == 11):
            problems.append(Problem("tax_id", _("a Peruvian RUC has exactly 11 digits")))
    if profile.language and profile.language not in i18n.LANGUAGES:
        problems.append(
            Problem(
                "language",
                _("the language is one of {languages}", languages=", ".join(i18n.LANGUAGES)),
            )
        )
    if not 1 <= profile.fiscal_year_start_month <= 12:
        problems.append(Problem("fiscal_year_start_month", _("the month must be 1 to 12")))
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
        what = _("The cooperative's profile")
        versions.check(session, existing, profile.record_version, what)
    row = existing or Cooperative(id=1)
    row.name = clean(profile.name)
    row.short_name = clean(profile.short_name)
    row.country = clean(profile.country).upper()
    row.tax_id = clean(profile.tax_id)
    row.flo_id = clean(profile.flo_id)
    row.reporting_currency = clean(profile.reporting_currency).upper()
    row.local_currency = clean(profile.local_currency).upper()
    row.fiscal_year_start_month = profile.fiscal_year_start_month
    row.language = profile.language or row.language or i18n.language()
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
    language: str | None = None,
) -> Profile:
    """A new cooperative (the first-run dialog): its profile and, on a database without
    accounts, its first administrator. One user action: both are written or neither, and the
    problems of both are reported together.

    ``language`` (default: the language the program speaks now) is the cooperative's: its
    workbooks are written in it, and the accounts, projects and price notes the database was
    seeded with are renamed into it (:func:`name_defaults`), in the same audited transaction."""
    chosen = i18n.normalize(language) or i18n.language()
    problems = validate_profile(Profile(name=name, language=chosen))
    if admin_username is not None:
        try:
            users.create_first_administrator(session, actor, admin_username, admin_password)
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    profile = save_profile(session, actor, Profile(name=name, language=chosen))
    name_defaults(session, chosen)
    return profile


def get_setting(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def set_setting(session: Session, actor: Actor, key: str, value: str) -> None:
    require(actor, Permission.SETTINGS_WRITE)
    row = session.get(Setting, key) or Setting(key=key)
    row.value = value
    session.add(row)
    session.flush()


# --- the names a new database is seeded with ---------------------------------------------------
# Migration 0100 seeds the chart of accounts, the typical projects and the price table with
# English names (migrations are frozen and speak no language). A cooperative is given them in
# its own language when it is created: by key or code, and only while a row still carries the
# seeded text (a name someone changed is theirs).

SEEDED_ACCOUNTS = {
    "1010": N_("Bank USD"),
    "1020": N_("Bank PEN"),
    "1030": N_("Cash PEN"),
    "3000": N_("Premium fund"),
    "3900": N_("Opening balances"),
    "4000": N_("Premium income"),
    "8000": N_("Currency exchange"),
}
# key: (name, objective), as DOMAIN.md's typical projects.
SEEDED_PROJECTS = {
    "education_fund": (N_("Education fund"), N_("Scholarships and school supplies")),
    "school_construction": (
        N_("School construction"),
        N_("Build and repair community schools"),
    ),
    "crop_renovation": (
        N_("Crop renovation"),
        N_("Seedlings, seed and compost to renew plots"),
    ),
    "quality_improvement": (
        N_("Quality improvement"),
        N_("Solar dryers, drying houses, manual pulpers, fermentation tanks"),
    ),
    "womens_programme": (N_("Women's programme"), N_("Leadership, sensory training, roasting")),
    "certification": (N_("Certification"), N_("Fairtrade and organic audits")),
    "administration": (
        N_("Administration"),
        N_("Running the Premium committee; bank charges"),
    ),
}
PROJECT_ACCOUNT = N_("Project: {name}")
# The notes migration 0100 gave the price rows, and what they are called now.
SEEDED_RATE_NOTES = {
    "DOMAIN.md defaults": DEFAULT_RATE_NOTES[Scheme.FAIRTRADE],
    "seeded with the Fairtrade International figures: check Fair Trade USA's price list": (
        DEFAULT_RATE_NOTES[Scheme.FAIR_TRADE_USA]
    ),
}


def name_defaults(session: Session, language: str) -> int:
    """Give the seeded accounts, projects and price notes their names in ``language``; rows
    whose text was changed keep it. Through the ORM, so the audit trail records each rename
    in the caller's transaction. Returns how many rows were renamed."""
    renamed = 0
    with i18n.use_language(language):
        for account in session.scalars(select(Account).where(Account.code.in_(SEEDED_ACCOUNTS))):
            wanted = _(SEEDED_ACCOUNTS[account.code])
            if account.name == SEEDED_ACCOUNTS[account.code] and wanted != account.name:
                account.name = wanted
                renamed += 1
        projects = session.scalars(select(Project).where(Project.key.in_(SEEDED_PROJECTS)))
        for project in projects:
            if project.key not in SEEDED_PROJECTS:
                continue
            name, objective = SEEDED_PROJECTS[project.key]
            if project.name == name and _(name) != name:
                for expense in session.scalars(
                    select(Account).where(
                        Account.project_id == project.id,
                        Account.name == PROJECT_ACCOUNT.format(name=name),
                    )
                ):
                    expense.name = _(PROJECT_ACCOUNT, name=_(name))
                    renamed += 1
                project.name = _(name)
                renamed += 1
            if project.objective == objective and _(objective) != objective:
                project.objective = _(objective)
        for rate in session.scalars(
            select(PremiumRate).where(PremiumRate.note.in_(SEEDED_RATE_NOTES))
        ):
            rate.note = _(SEEDED_RATE_NOTES[rate.note])
            renamed += 1
        renamed += _name_schemes(session)
    session.flush()
    return renamed


def _name_schemes(session: Session) -> int:
    """The built-in certification schemes still under their seeded (English) names, in the
    language in effect."""
    from coop_desk.services.certification.scope import BUILTIN_SCHEMES

    seeded = {code: name for code, name, _kind in BUILTIN_SCHEMES}
    renamed = 0
    for scheme in session.scalars(select(CertScheme).where(CertScheme.code.in_(seeded))):
        wanted = _(seeded[scheme.code])
        if scheme.name == seeded[scheme.code] and wanted != scheme.name:
            scheme.name = wanted
            renamed += 1
    return renamed


# --- the names workbooks are offered under ---------------------------------------------------
AUDIT_PACK_NAME = N_("audit-pack-{year}.xlsx")
ICS_LIST_NAME = N_("ics-farmers-{date}.xlsx")


def workbook_name(session: Session, pattern: str, **values: object) -> str:
    """A workbook's default file name (``pattern`` marked ``N_``) in the cooperative's
    language: ``workbook_name(s, AUDIT_PACK_NAME, year=2025)`` -> ``paquete-auditoria-2025.xlsx``.
    Dates are given as ISO text, so file names sort."""
    with i18n.use_language(cooperative_language(session)):
        return _(pattern, **values)
