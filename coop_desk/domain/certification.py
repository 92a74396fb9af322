"""Organic group certification rules: conversion periods, EU group limits, the certifier's
re-inspection sample, and validation of certification records (DOMAIN.md, "Organic group
certification: the Internal Control System (ICS)").

Pure functions over dates and Decimals: no database, no Qt. The figures that can change (the
36-month conversion of perennial crops, the 5 ha / 2,000 member EU group limits, the 5% (at
least 10) re-inspection sample) are defaults of :class:`GroupRules`; the services read the
cooperative's own values from its settings and pass them in.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from enum import StrEnum

from coop_desk.domain import limits
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.i18n import N_, _


class ConversionStatus(StrEnum):
    """Organic status of a plot. T1..T3 are the years of transition (DOMAIN.md).

    The one organic-status vocabulary: the certifications module stores it on plots, the
    roster reader (``exchange.values.read_organic_status``) reads a file's spellings into it,
    the import preview, the CLI and the notes show its labels (:func:`organic_status_label`).
    """

    CONVENTIONAL = "conventional"
    T1 = "t1"
    T2 = "t2"
    T3 = "t3"
    ORGANIC = "organic"


CONVERSION_LABELS = {
    ConversionStatus.CONVENTIONAL: N_("Conventional"),
    ConversionStatus.T1: N_("In conversion T1"),
    ConversionStatus.T2: N_("In conversion T2"),
    ConversionStatus.T3: N_("In conversion T3"),
    ConversionStatus.ORGANIC: N_("Organic"),
}

# A roster may say a plot is "in conversion" without the year: a status of the same
# vocabulary that no plot can hold (the year decides T1..T3), shown but never stored.
IN_CONVERSION_YEAR_UNKNOWN = "transition"

ORGANIC_STATUS_LABELS: dict[str, str] = {
    **{str(status): label for status, label in CONVERSION_LABELS.items()},
    IN_CONVERSION_YEAR_UNKNOWN: N_("In conversion (year not given)"),
}


def organic_status_label(code: str | None) -> str:
    """The label of an organic-status code ("" for none; an unknown code as it is)."""
    return ORGANIC_STATUS_LABELS.get(code or "", code or "")


# Order of progress through conversion, for comparisons ("never goes back as time passes").
CONVERSION_ORDER = {
    ConversionStatus.CONVENTIONAL: 0,
    ConversionStatus.T1: 1,
    ConversionStatus.T2: 2,
    ConversionStatus.T3: 3,
    ConversionStatus.ORGANIC: 4,
}

IN_CONVERSION = frozenset({ConversionStatus.T1, ConversionStatus.T2, ConversionStatus.T3})


class InspectionResult(StrEnum):
    APPROVED = "approved"
    CONDITIONAL = "conditional"  # approved with conditions
    NOT_APPROVED = "not_approved"


INSPECTION_RESULT_LABELS = {
    InspectionResult.APPROVED: N_("Approved"),
    InspectionResult.CONDITIONAL: N_("Approved with conditions"),
    InspectionResult.NOT_APPROVED: N_("Not approved"),
}


class SanctionKind(StrEnum):
    WARNING = "warning"
    SUSPENSION = "suspension"
    EXCLUSION = "exclusion"


SANCTION_LABELS = {
    SanctionKind.WARNING: N_("Warning"),
    SanctionKind.SUSPENSION: N_("Suspension"),
    SanctionKind.EXCLUSION: N_("Exclusion"),
}


class CommitteeDecision(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"


COMMITTEE_LABELS = {
    CommitteeDecision.APPROVED: N_("Approved"),
    CommitteeDecision.REJECTED: N_("Rejected"),
}


class SchemeKind(StrEnum):
    FAIRTRADE = "fairtrade"
    ORGANIC = "organic"
    OTHER = "other"


SCHEME_KIND_LABELS = {
    SchemeKind.FAIRTRADE: N_("Fairtrade"),
    SchemeKind.ORGANIC: N_("Organic"),
    SchemeKind.OTHER: N_("Other"),
}


@dataclass(frozen=True)
class GroupRules:
    """The figures of DOMAIN.md as editable data: defaults here, the cooperative's values in its
    settings (``certs.*`` keys)."""

    # Perennial crops such as coffee: 36 months of transition (T1, T2, T3) before organic.
    conversion_months: int = 36
    # EU Reg. 2018/848 groups: a member farms at most 5 ha, a group has at most 2,000 members.
    max_member_area_ha: Decimal = Decimal("5")
    max_group_members: int = 2000
    # The certifier re-inspects 5% of the members, at least 10, each year.
    reinspection_share: Decimal = Decimal("0.05")
    reinspection_minimum: int = 10


# Where the cooperative's own values of the group rules are kept (``setting`` table).
GROUP_RULE_SETTINGS = {
    "conversion_months": "certs.conversion_months",
    "max_member_area_ha": "certs.max_member_area_ha",
    "max_group_members": "certs.max_group_members",
    "reinspection_share": "certs.reinspection_share",
    "reinspection_minimum": "certs.reinspection_minimum",
}


# --- dates --------------------------------------------------------------------------------


def add_months(start: date, months: int) -> date:
    """``start`` moved by whole calendar months; a day the target month lacks becomes its last
    day (29 Feb 2024 + 12 months = 28 Feb 2025; 31 Jan + 1 month = 28/29 Feb)."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    if start.day <= 28:
        return date(year, month + 1, start.day)
    last = 29 if month == 1 and calendar.isleap(year) else _MONTH_DAYS[month]
    return date(year, month + 1, min(start.day, last))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def full_months_between(start: date, on: date) -> int:
    """Whole months elapsed from ``start`` to ``on``: the largest ``m`` with
    ``add_months(start, m) <= on`` (negative when ``on`` is before ``start``)."""
    months = (on.year - start.year) * 12 + (on.month - start.month)
    # add_months(start, months) falls in on's month, on day min(start.day, last day of that
    # month); it is after ``on`` exactly when on.day is smaller than that day (computed without
    # building the date: this runs for every plot of the group).
    if on.day < start.day and (on + _ONE_DAY).day != 1:
        months -= 1
    return months


_ONE_DAY = timedelta(days=1)


# --- conversion -----------------------------------------------------------------------------


def conversion_status(
    conversion_start: date | None, on: date, conversion_months: int = 36
) -> ConversionStatus:
    """The status computed from the dates: T1 in months 0-11, T2 in 12-23, T3 in 24-35, organic
    from ``conversion_months`` (36 for perennial crops). No start date, or a start still in the
    future: conventional."""
    if conversion_start is None or on < conversion_start:
        return ConversionStatus.CONVENTIONAL
    months = full_months_between(conversion_start, on)
    if months >= conversion_months:
        return ConversionStatus.ORGANIC
    return (ConversionStatus.T1, ConversionStatus.T2, ConversionStatus.T3)[min(months // 12, 2)]


def organic_from(conversion_start: date, conversion_months: int = 36) -> date:
    """The first day the plot counts as organic."""
    return add_months(conversion_start, conversion_months)


def effective_status(
    conversion_start: date | None,
    on: date,
    override: ConversionStatus | None = None,
    conversion_months: int = 36,
) -> ConversionStatus:
    """The computed status unless a documented override replaces it."""
    if override is not None:
        return override
    return conversion_status(conversion_start, on, conversion_months)


def counts_as_certified(status: ConversionStatus, *, approved: bool, suspended: bool) -> bool:
    """A plot's production is certified organic only when the plot is organic, the member was
    approved by the ICS committee, and the member is not suspended or excluded."""
    return status == ConversionStatus.ORGANIC and approved and not suspended


# --- group limits ---------------------------------------------------------------------------


def reinspection_sample(members: int, rules: GroupRules | None = None) -> int:
    """How many members the certifier re-inspects: 5% rounded up, at least 10 (never more than
    there are members)."""
    rules = rules or GroupRules()
    share = (Decimal(members) * rules.reinspection_share).to_integral_value(ROUND_CEILING)
    return min(members, max(rules.reinspection_minimum, int(share)))


def coverage_percent(inspected: int, total: int) -> Decimal:
    """ICS coverage in percent, one decimal, half up; 100 for an empty group (nobody missing)."""
    if total <= 0:
        return Decimal("100.0")
    return (Decimal(inspected) * 100 / Decimal(total)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


def area_over_limit(area_ha: Decimal, rules: GroupRules | None = None) -> bool:
    return area_ha > (rules or GroupRules()).max_member_area_ha


def group_over_limit(members: int, rules: GroupRules | None = None) -> bool:
    return members > (rules or GroupRules()).max_group_members


# --- inputs and validation ------------------------------------------------------------------


@dataclass(frozen=True)
class CertificateInput:
    scheme_id: int | None
    certifier: str
    number: str
    issue_date: date | None
    expiry_date: date | None
    scope: str = ""
    notes: str = ""
    member_id: int | None = None  # None: a certificate of the cooperative
    document_path: str | None = None  # a file to attach (copied, named by SHA-256)


def validate_certificate(data: CertificateInput) -> list[Problem]:
    problems: list[Problem] = []
    if data.scheme_id is None:
        problems.append(Problem("scheme_id", _("choose the certification scheme")))
    if not clean(data.certifier):
        problems.append(Problem("certifier", _("the certifier is required")))
    if not clean(data.number):
        problems.append(
            Problem("number", _("the certificate number (FLO ID for Fairtrade) is required"))
        )
    if data.issue_date is None:
        problems.append(Problem("issue_date", _("the issue date is required")))
    if data.expiry_date is None:
        problems.append(Problem("expiry_date", _("the expiry date is required")))
    if data.issue_date and data.expiry_date and data.expiry_date <= data.issue_date:
        problems.append(
            Problem("expiry_date", _("the certificate must expire after it was issued"))
        )
    problems += limits.text_problems(
        "certificate",
        {
            "certifier": clean(data.certifier),
            "number": clean(data.number),
            "scope": (data.scope or "").strip(),
            "notes": (data.notes or "").strip(),
        },
    )
    problems += limits.date_problems(
        {"issue_date": data.issue_date, "expiry_date": data.expiry_date}
    )
    return problems


@dataclass(frozen=True)
class CorrectiveActionInput:
    description: str
    due_date: date | None
    completed_on: date | None = None


@dataclass(frozen=True)
class InspectionInput:
    member_id: int | None
    inspection_date: date | None
    inspector: str
    result: str
    findings: str = ""
    plot_ids: tuple[int, ...] = ()
    yield_estimate_kg: Decimal | None = None
    last_prohibited_input: str = ""
    last_prohibited_input_date: date | None = None
    corrective_actions: tuple[CorrectiveActionInput, ...] = field(default_factory=tuple)


MAX_YIELD_KG = Decimal("1000000")


def validate_inspection(data: InspectionInput, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if data.member_id is None:
        problems.append(Problem("member_id", _("choose the member inspected")))
    if data.inspection_date is None:
        problems.append(Problem("inspection_date", _("the date of the inspection is required")))
    elif data.inspection_date > today:
        problems.append(Problem("inspection_date", _("the inspection date is in the future")))
    if not clean(data.inspector):
        problems.append(Problem("inspector", _("the inspector's name is required")))
    if data.result not in set(InspectionResult):
        problems.append(
            Problem("result", _("choose the result: approved, approved with conditions or not"))
        )
    elif data.result != InspectionResult.APPROVED and not clean(data.findings):
        problems.append(
            Problem("findings", _("describe the findings that led to conditions or refusal"))
        )
    if data.yield_estimate_kg is not None and not (
        Decimal(0) <= data.yield_estimate_kg <= MAX_YIELD_KG
    ):
        problems.append(
            Problem("yield_estimate_kg", _("the yield estimate must be 0 to 1,000,000 kg"))
        )
    if data.last_prohibited_input_date is not None:
        if not clean(data.last_prohibited_input):
            problems.append(
                Problem("last_prohibited_input", _("name the prohibited input used on that date"))
            )
        if data.last_prohibited_input_date > today:
            problems.append(
                Problem("last_prohibited_input_date", _("the date of the input is in the future"))
            )
    elif clean(data.last_prohibited_input):
        problems.append(
            Problem("last_prohibited_input_date", _("give the date the prohibited input was used"))
        )
    problems += limits.text_problems(
        "inspection",
        {
            "inspector": clean(data.inspector),
            "findings": (data.findings or "").strip(),
            "last_prohibited_input": clean(data.last_prohibited_input),
        },
    )
    problems += limits.date_problems(
        {
            "inspection_date": data.inspection_date,
            "last_prohibited_input_date": data.last_prohibited_input_date,
        }
    )
    for index, action in enumerate(data.corrective_actions, start=1):
        where = f"corrective_actions[{index}]"
        label = f"corrective action {index}: "
        for problem in limits.text_problems(
            "corrective_action", {"description": (action.description or "").strip()}
        ) + limits.date_problems(
            {"due_date": action.due_date, "completed_on": action.completed_on}
        ):
            problems.append(Problem(where, label + problem.message))
        if not clean(action.description):
            problems.append(
                Problem(where, _("corrective action {n}: describe what to do", n=index))
            )
        if action.due_date is None:
            problems.append(
                Problem(where, _("corrective action {n}: a due date is required", n=index))
            )
        elif data.inspection_date and action.due_date < data.inspection_date:
            problems.append(
                Problem(where, _("corrective action {n}: due before the inspection date", n=index))
            )
        if action.completed_on is not None and action.completed_on > today:
            problems.append(
                Problem(where, _("corrective action {n}: completed in the future", n=index))
            )
    return problems


@dataclass(frozen=True)
class SanctionInput:
    member_id: int | None
    kind: str
    decided_on: date | None
    reason: str
    starts_on: date | None = None  # suspension from / exclusion effective
    ends_on: date | None = None  # suspension to (open-ended when None)
    inspection_id: int | None = None


def validate_sanction(data: SanctionInput, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if data.member_id is None:
        problems.append(Problem("member_id", _("choose the member sanctioned")))
    if data.kind not in set(SanctionKind):
        problems.append(Problem("kind", _("choose warning, suspension or exclusion")))
    if data.decided_on is None:
        problems.append(Problem("decided_on", _("the date of the decision is required")))
    elif data.decided_on > today:
        problems.append(Problem("decided_on", _("the decision is dated in the future")))
    if not clean(data.reason):
        problems.append(Problem("reason", _("a sanction needs its reason")))
    if data.kind == SanctionKind.SUSPENSION and data.starts_on is None:
        problems.append(Problem("starts_on", _("a suspension needs the date it starts")))
    if data.kind == SanctionKind.WARNING and data.ends_on is not None:
        problems.append(Problem("ends_on", _("a warning has no end date")))
    if data.kind == SanctionKind.EXCLUSION and data.ends_on is not None:
        problems.append(Problem("ends_on", _("an exclusion has no end date")))
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        problems.append(Problem("ends_on", _("the suspension ends before it starts")))
    problems += limits.text_problems("sanction", {"reason": (data.reason or "").strip()})
    problems += limits.date_problems(
        {"decided_on": data.decided_on, "starts_on": data.starts_on, "ends_on": data.ends_on}
    )
    return problems


def sanction_active(
    kind: str, starts_on: date | None, ends_on: date | None, decided_on: date, on: date
) -> bool:
    """Whether a suspension or exclusion keeps the member out of certification on ``on``.
    Warnings never do."""
    if kind == SanctionKind.WARNING:
        return False
    start = starts_on or decided_on
    if on < start:
        return False
    return kind == SanctionKind.EXCLUSION or ends_on is None or on <= ends_on


def validate_override(
    override: ConversionStatus | None, reason: str, conversion_start: date | None, today: date
) -> list[Problem]:
    problems: list[Problem] = []
    if override is not None and not clean(reason):
        problems.append(Problem("override_reason", _("an override of the status needs a reason")))
    if conversion_start is not None and conversion_start > today:
        problems.append(Problem("conversion_start", _("the conversion start is in the future")))
    problems += limits.text_problems("plot_organic", {"override_reason": (reason or "").strip()})
    problems += limits.date_problems({"conversion_start": conversion_start})
    return problems
