"""Member register rules: codes, DNI, gender, statuses, and validation that returns every
problem at once (DOMAIN.md "The cooperative")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from coop_desk.domain.limits import date_problems, text_limit, text_problems
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean, fold, quoted
from coop_desk.i18n import N_, _


class MemberStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"
    EXPELLED = "expelled"
    DECEASED = "deceased"


STATUS_LABELS = {
    MemberStatus.ACTIVE: N_("Active"),
    MemberStatus.SUSPENDED: N_("Suspended"),
    MemberStatus.WITHDRAWN: N_("Withdrawn"),
    MemberStatus.EXPELLED: N_("Expelled"),
    MemberStatus.DECEASED: N_("Deceased"),
}

GENDER_LABELS = {"F": N_("Female"), "M": N_("Male")}

_GENDER_WORDS = {
    "f": "F",
    "fem": "F",
    "femenino": "F",
    "female": "F",
    "mujer": "F",
    "woman": "F",
    "w": "F",
    "m": "M",
    "masc": "M",
    "masculino": "M",
    "male": "M",
    "varon": "M",
    "hombre": "M",
    "man": "M",
    "h": "M",
    "v": "M",
}

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9./_-]{0,39}$")
DNI_LENGTH = 8


class ParseError(ValueError):
    """A value that cannot be read; the message says why, in words."""


def parse_code(value: object) -> str:
    """A member code, upper-cased and trimmed (``cpgp-3784-3`` -> ``CPGP-3784-3``)."""
    text = clean(None if value is None else str(value)).upper().replace(" ", "")
    if not text:
        raise ParseError(_("the member code is required"))
    if not CODE_PATTERN.match(text):
        raise ParseError(
            _(
                "{code} is not a valid member code (letters, digits and - . / _ only, "
                "at most 40 characters)",
                code=quoted(text),
            )
        )
    return text


def parse_dni(value: object) -> str | None:
    """A Peruvian DNI: exactly 8 digits, or ``None`` when blank.

    Excel drops leading zeros from numbers (DOMAIN.md), so a DNI that arrives as a number is
    padded back to 8 digits; as text, spaces, dots and dashes are ignored, and a ".0" left by
    a number-to-text conversion ("46000003.0") is dropped. Text of 7 digits is refused (a lost
    zero or a missing digit cannot be told apart), with a hint.
    """
    if value is None:
        return None
    if type(value) is str and len(value) == DNI_LENGTH and value.isdigit() and value.isascii():
        return value  # already a DNI (a stored one, or one typed as text): nothing to change
    if isinstance(value, bool):
        raise ParseError(_("a yes/no value is not a DNI"))
    if isinstance(value, int):
        if value < 0 or len(str(value)) > DNI_LENGTH:
            raise ParseError(_("{value} is not a DNI (8 digits)", value=value))
        return str(value).zfill(DNI_LENGTH)
    if isinstance(value, float):
        if not value.is_integer():
            raise ParseError(_("{value} is not a DNI (8 digits)", value=value))
        return parse_dni(int(value))
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise ParseError(_("{value} is not a DNI (8 digits)", value=str(value)))
        return parse_dni(int(value))
    text = re.sub(r"[\s.\-]", "", re.sub(r"^\s*(\d{7,8})\.0+\s*$", r"\1", str(value)))
    if not text:
        return None
    if text.isdigit() and len(text) == DNI_LENGTH - 1:
        raise ParseError(
            _(
                "'{dni}' has 7 digits, a DNI has exactly 8 digits (if Excel dropped a leading "
                "zero, type it as text: 0{dni})",
                dni=text,
            )
        )
    if not text.isdigit() or len(text) != DNI_LENGTH:
        raise ParseError(
            _("{dni} is not a DNI: it must be exactly 8 digits", dni=quoted(str(value).strip()))
        )
    return text


def parse_gender(value: object) -> str:
    """``F`` or ``M`` from the ways people write it (F, Femenino, mujer, varón, Male...)."""
    key = fold(None if value is None else str(value)).rstrip(".")
    if not key:
        raise ParseError(_("gender is required (F or M)"))
    if key in _GENDER_WORDS:
        return _GENDER_WORDS[key]
    raise ParseError(
        _("{value} is not a gender (F/M, Femenino/Masculino)", value=quoted(str(value).strip()))
    )


@dataclass(frozen=True)
class PlotInput:
    name: str
    total_area_ha: Decimal
    coffee_area_ha: Decimal
    altitude_m: int | None = None
    varieties: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    id: int | None = None  # set when editing an existing plot


@dataclass(frozen=True)
class MemberInput:
    """What a user enters for a member. ``status`` applies only when the member is created."""

    code: str
    first_names: str
    surnames: str
    gender: str
    join_date: date | None
    dni: str | None = None
    birth_date: date | None = None
    community: str = ""
    phone: str = ""
    notes: str = ""
    plots: tuple[PlotInput, ...] = field(default_factory=tuple)


MAX_AREA_HA = Decimal("10000")
MIN_AGE_YEARS = 14  # younger at joining is unlikely: a warning, not an error
MAX_AGE_YEARS = 110
_PHONE = re.compile(r"^[+0-9 ()-]{6,20}$")


def validate_member(data: MemberInput, today: date | None = None) -> list[Problem]:
    """Every problem with ``data``, empty when it can be saved."""
    today = today or date.today()
    problems: list[Problem] = []
    try:
        parse_code(data.code)
    except ParseError as exc:
        problems.append(Problem("code", str(exc)))
    if not clean(data.first_names):
        problems.append(Problem("first_names", _("first names are required")))
    if not clean(data.surnames):
        problems.append(Problem("surnames", _("surnames are required")))
    if data.gender not in GENDER_LABELS:
        problems.append(Problem("gender", _("gender is required (F or M)")))
    if data.dni is not None:
        try:
            parse_dni(data.dni)
        except ParseError as exc:
            problems.append(Problem("dni", str(exc)))
    if data.join_date is None:
        problems.append(Problem("join_date", _("the date of joining is required")))
    elif data.join_date > today:
        problems.append(Problem("join_date", _("the date of joining is in the future")))
    if data.birth_date is not None and data.birth_date > today:
        problems.append(Problem("birth_date", _("the birth date is in the future")))
    if data.phone and not _PHONE.match(data.phone.strip()):
        problems.append(
            Problem("phone", _("{phone} is not a phone number", phone=quoted(data.phone)))
        )
    problems += text_problems(
        "member",
        {
            "first_names": clean(data.first_names),
            "surnames": clean(data.surnames),
            "community": clean(data.community),
            "notes": (data.notes or "").strip(),
        },
    )
    problems += date_problems({"join_date": data.join_date, "birth_date": data.birth_date})
    for index, plot in enumerate(data.plots, start=1):
        problems.extend(validate_plot(plot, index))
    names = [fold(p.name) for p in data.plots]
    for index, name in enumerate(names, start=1):
        if name and names.index(name) + 1 != index:
            problems.append(Problem(f"plots[{index}].name", _("two plots have the same name")))
    return problems


def member_warnings(data: MemberInput, today: date | None = None) -> list[Problem]:
    """What is unlikely in ``data`` but may be true, so it can be saved once the user has
    seen it (an import lists it and imports the row; the editor asks). ``validate_member``
    keeps the errors: what cannot be stored."""
    today = today or date.today()
    warnings: list[Problem] = []
    if (
        data.birth_date is not None
        and data.join_date is not None
        and data.birth_date <= today
        and _years_between(data.birth_date, data.join_date) < MIN_AGE_YEARS
    ):
        warnings.append(
            Problem(
                "birth_date",
                _(
                    "the member would have joined before the age of {age} (born {born}, "
                    "joined {joined})",
                    age=MIN_AGE_YEARS,
                    born=data.birth_date,
                    joined=data.join_date,
                ),
            )
        )
    if data.birth_date is not None and _years_between(data.birth_date, today) > MAX_AGE_YEARS:
        warnings.append(
            Problem(
                "birth_date",
                _("the member would be more than {age} years old", age=MAX_AGE_YEARS),
            )
        )
    return warnings


def validate_plot(plot: PlotInput, index: int = 1) -> list[Problem]:
    prefix = f"plots[{index}]."
    problems: list[Problem] = []
    if not clean(plot.name):
        problems.append(Problem(prefix + "name", _("plot {n}: a name is required", n=index)))
    too_long = text_problems(
        "plot", {"name": clean(plot.name), "varieties": clean(plot.varieties)}, prefix=prefix
    )
    if too_long:  # each message starts with the plot's label, written only when needed
        label = _("plot {n}: ", n=index)
        problems += [replace(p, message=label + p.message) for p in too_long]
    if plot.total_area_ha < 0 or plot.total_area_ha > MAX_AREA_HA:
        problems.append(
            Problem(
                prefix + "total_area_ha",
                _("plot {n}: total area must be 0 to 10,000 ha", n=index),
            )
        )
    if plot.coffee_area_ha < 0:
        problems.append(
            Problem(
                prefix + "coffee_area_ha", _("plot {n}: coffee area cannot be negative", n=index)
            )
        )
    elif plot.coffee_area_ha > plot.total_area_ha:
        problems.append(
            Problem(
                prefix + "coffee_area_ha",
                _(
                    "plot {n}: coffee area ({coffee} ha) is larger than the total area "
                    "({total} ha)",
                    n=index,
                    coffee=plot.coffee_area_ha,
                    total=plot.total_area_ha,
                ),
            )
        )
    if plot.altitude_m is not None and not 0 <= plot.altitude_m <= 6000:
        problems.append(
            Problem(prefix + "altitude_m", _("plot {n}: altitude must be 0 to 6,000 m", n=index))
        )
    if (plot.latitude is None) != (plot.longitude is None):
        problems.append(
            Problem(prefix + "latitude", _("plot {n}: give both latitude and longitude", n=index))
        )
    if plot.latitude is not None and not Decimal(-90) <= plot.latitude <= Decimal(90):
        problems.append(
            Problem(prefix + "latitude", _("plot {n}: latitude must be -90 to 90", n=index))
        )
    if plot.longitude is not None and not Decimal(-180) <= plot.longitude <= Decimal(180):
        problems.append(
            Problem(prefix + "longitude", _("plot {n}: longitude must be -180 to 180", n=index))
        )
    return problems


def validate_status_change(
    current: MemberStatus,
    new: MemberStatus,
    effective: date,
    reason: str,
    since: date,
    today: date | None = None,
) -> list[Problem]:
    problems: list[Problem] = []
    if new == current:
        problems.append(
            Problem(
                "status",
                _("the member is already {status}", status=_(STATUS_LABELS[new]).lower()),
            )
        )
    if current == MemberStatus.DECEASED:
        problems.append(Problem("status", _("a deceased member's status cannot change")))
    if not clean(reason):
        problems.append(Problem("reason", _("a reason is required for a change of status")))
    problems += text_problems("member_status_change", {"reason": clean(reason)})
    problems += date_problems({"effective_date": effective})
    if effective < since:
        problems.append(
            Problem("effective_date", _("the change cannot be dated before {date}", date=since))
        )
    if effective > (today or date.today()):
        problems.append(Problem("effective_date", _("the change cannot be dated in the future")))
    return problems


def full_name(first_names: str, surnames: str) -> str:
    """Peruvian order for lists: surnames, then names ("Núñez Vega, Rosa")."""
    return f"{surnames}, {first_names}" if surnames and first_names else surnames or first_names


def code_sort_key(code: str) -> str:
    """Natural order for codes: digit runs zero-padded (CPGP-3784-9 before CPGP-3784-10)."""
    padded = re.sub(r"\d+", lambda m: m.group().zfill(12), code)
    return padded[: text_limit("member", "code_sort")]


def next_member_code(codes: Iterable[str]) -> str | None:
    """The code after the highest of the register's main series (the prefix most codes share
    before their number): ``CPGP-3784-188`` -> ``CPGP-3784-189``, ``S-007`` -> ``S-008`` (zero
    padding kept); never a code already taken. None when no code ends in a number."""
    taken = set(codes)
    series: dict[str, list[tuple[int, int]]] = {}
    for code in taken:
        match = _NUMBERED.fullmatch(code)
        if match:
            series.setdefault(match[1], []).append((int(match[2]), len(match[2])))
    if not series:
        return None
    prefix = max(series, key=lambda p: (len(series[p]), max(series[p])))
    number, width = max(series[prefix])
    while True:
        number += 1
        candidate = f"{prefix}{number:0{width}d}"
        if candidate not in taken:
            return candidate


_NUMBERED = re.compile(r"(.*?)(\d+)")


def search_key(*parts: str | None) -> str:
    """The folded text a member is found by (code, names, DNI, community)."""
    return " ".join(fold(p) for p in parts if p)


def _years_between(start: date, end: date) -> int:
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years
