"""Reading cell values as people type them into spreadsheets (no Qt, no database).

Each ``read_*`` function takes a raw cell value (``str``, ``int``, ``float``, ``datetime``,
``date`` or ``None``) and returns the parsed value, ``None`` for a blank cell, or raises
``ValueError`` with a message in words naming what was found and what was expected.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from coop_desk.domain.certification import IN_CONVERSION_YEAR_UNKNOWN, ConversionStatus
from coop_desk.domain.members import ParseError, parse_gender
from coop_desk.domain.money import MoneyError, parse_amount, round_money
from coop_desk.domain.text import clean, fold, quoted
from coop_desk.i18n import _

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's 1900 leap-year bug included)

MONTHS = {
    "ene": 1,
    "enero": 1,
    "jan": 1,
    "january": 1,
    "feb": 2,
    "febrero": 2,
    "february": 2,
    "mar": 3,
    "marzo": 3,
    "march": 3,
    "abr": 4,
    "abril": 4,
    "apr": 4,
    "april": 4,
    "may": 5,
    "mayo": 5,
    "jun": 6,
    "junio": 6,
    "june": 6,
    "jul": 7,
    "julio": 7,
    "july": 7,
    "ago": 8,
    "agosto": 8,
    "aug": 8,
    "august": 8,
    "set": 9,
    "sep": 9,
    "sept": 9,
    "setiembre": 9,
    "septiembre": 9,
    "september": 9,
    "oct": 10,
    "octubre": 10,
    "october": 10,
    "nov": 11,
    "noviembre": 11,
    "november": 11,
    "dic": 12,
    "diciembre": 12,
    "dec": 12,
    "december": 12,
}

_MONTH_YEAR = re.compile(r"^([a-z]+|\d{1,2})\.?(?:\s*de(?:l)?)?[\s/\-.]*(\d{2}|\d{4})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{1,4})$")
_WORD_DATE = re.compile(
    r"^(\d{1,2})(?:\s*de)?[\s/\-.]*([a-z]+)\.?(?:\s*de(?:l)?)?[\s/\-.]*(\d{2,4})$"
)


# What people type in a cell to say "nothing here".
BLANK_WORDS = frozenset(
    {
        "-",
        "--",
        "---",
        "—",
        "–",
        ".",
        "s/n",
        "sn",
        "n/a",
        "na",
        "s/d",
        "sd",
        "sin dato",
        "sin datos",
        "no tiene",
        "ninguno",
        "?",
        "x/x",
    }
)


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        text = value.strip()
        return not text or text.casefold() in BLANK_WORDS
    return False


def _year(text: str, today: date) -> int:
    year = int(text)
    if len(text) <= 2:
        # Two-digit years: the most recent year not after this one ("03" -> 2003, "85" -> 1985).
        century = today.year // 100 * 100
        year = century + year if century + year <= today.year else century - 100 + year
    return year


def read_date(value: object, today: date | None = None) -> date | None:
    """A date from an Excel date, a datetime, an Excel serial number or text such as
    ``12/05/2003``, ``5-12-03``, ``2003-05-12``, ``12 de mayo de 2003`` or ``12-may-2003``.

    Numeric day/month order is day first (as in Peru); ``05/13/2003`` is read month first
    only because 13 cannot be a month.
    """
    today = today or date.today()
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(_("a yes/no value is not a date"))
    if isinstance(value, int | float | Decimal):
        if value == 0:
            return None  # Excel shows 0 as 00/01/1900: an empty date
        serial = float(value)
        if not 1 <= serial < 2_958_466 or serial != int(serial):
            raise ValueError(_("{value} is not a date", value=value))
        return EXCEL_EPOCH + timedelta(days=int(serial))
    text = clean(str(value))
    # A time typed or exported after the date ("12/05/2003 00:00:00", "2003-05-12T00:00").
    text = re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[ap]\.? ?m\.?)?$", "", text, flags=re.I)
    match = _NUMERIC_DATE.match(text)
    try:
        if match:
            a, b, c = match.groups()
            if len(a) == 4:  # yyyy-mm-dd
                return date(int(a), int(b), int(c))
            day, month, year = int(a), int(b), _year(c, today)
            if month > 12 and day <= 12:
                day, month = month, day  # only possible as month/day/year
            return date(year, month, day)
        word = _WORD_DATE.match(fold(text))
        if word and word.group(2) in MONTHS:
            return date(_year(word.group(3), today), MONTHS[word.group(2)], int(word.group(1)))
        if text.isdigit() and len(text) == 8 and text[:2] in ("19", "20"):
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))  # 20030512
        if re.fullmatch(r"[1-6]\d{4}(\.0+)?", text):
            # An Excel date serial that became text ("43529" is 2019-03-05): five digits
            # read as no other date.
            return EXCEL_EPOCH + timedelta(days=int(float(text)))
    except ValueError as exc:
        raise ValueError(
            _("{text} is not a valid date ({exc})", text=quoted(text), exc=exc)
        ) from exc
    month_year = _MONTH_YEAR.match(fold(text))
    if month_year and (month_year.group(1) in MONTHS or month_year.group(1).isdigit()):
        # "marzo 2019", "mar-19", "03/2019": no day, and guessing the 1st would be silent.
        raise ValueError(
            _("{text} has no day: write the whole date, e.g. 01/03/2019", text=quoted(text))
        )
    raise ValueError(_("{text} is not a date (use dd/mm/yyyy or yyyy-mm-dd)", text=quoted(text)))


_UNIT_SUFFIX = re.compile(r"\s*(has?|hectareas?|hect\.?|m\.?s\.?n\.?m\.?|msnm|mts?|m)\.?\s*$")


def _float_decimal(value: float) -> Decimal:
    # Excel keeps 15 significant digits; anything beyond is binary noise (0.30000000000000004).
    return Decimal(format(value, ".15g"))


_FRACTIONS = {"½": ".5", "¼": ".25", "¾": ".75"}


def _fractions(text: str) -> str:
    """ "½" -> "0.5", "1 ½" -> "1.5", "2¼" -> "2.25" (hectares as farmers say them)."""
    match = re.fullmatch(r"\s*(\d*)\s*([½¼¾])\s*(\w*)\s*", text)
    if not match:
        return text
    whole, fraction, unit = match.groups()
    return f"{whole or '0'}{_FRACTIONS[fraction]} {unit}".strip()


def read_decimal(value: object, *, decimal_comma: bool = True, places: int = 6) -> Decimal | None:
    """A number from a number cell or text ("2,5", " 1.5 ha", "3.0"), rounded half up to
    ``places`` decimals.

    With ``decimal_comma`` (areas, coordinates) a single separator is always the decimal
    one: "0.750" and "0,750" are three quarters of a hectare, never 750 ha. Without it
    (money), "1,250" is one thousand two hundred fifty, as ``parse_amount`` reads it."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(_("a yes/no value is not a number"))
    if isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = _float_decimal(value)
    elif isinstance(value, Decimal):
        result = value
    else:
        text = _UNIT_SUFFIX.sub("", fold(_fractions(str(value)))).replace(" ", "")
        single = re.fullmatch(r"([+-]?\d*)[.,](\d+)", text)
        try:
            if decimal_comma and single:
                result = Decimal(f"{single.group(1) or '0'}.{single.group(2)}")
            else:
                result = parse_amount(text, decimal_point="," if decimal_comma else ".")
        except MoneyError as exc:
            raise ValueError(
                _("{value} is not a number", value=quoted(str(value).strip()))
            ) from exc
    try:
        return tidy(round_money(result, places))
    except InvalidOperation as exc:
        raise ValueError(_("'{value}' is not a number", value=value)) from exc


def tidy(value: Decimal) -> Decimal:
    """Without trailing zeros and without exponent: ``1.500000`` -> ``1.5``, ``10.0`` -> ``10``."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def read_int(value: object) -> int | None:
    """A whole number such as an altitude: ``1650``, ``"1,650 msnm"``, ``"1.650"``."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        text = _UNIT_SUFFIX.sub("", fold(value))
        text = re.sub(r"(?<=\d)[.,' ](?=\d{3}\b)", "", text)
        value = text
    number = read_decimal(value, decimal_comma=False, places=6)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise ValueError(_("{value} is not a whole number", value=value))
    return int(number)


_INVISIBLE = {0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None, 0x00AD: None}


def read_text(value: object) -> str:
    """Text with stray spaces removed; numbers typed into text fields (a phone) lose ``.0``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        value = value.translate(_INVISIBLE)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return clean(str(value))


_YES = {"si", "s", "yes", "y", "x", "1", "true", "verdadero", "v", "ok", "certificado", "cert"}
_NO = {"no", "n", "0", "false", "falso", "f", "-", "--", "ninguno", "none", "no certificado"}


def read_yes_no(value: object) -> bool | None:
    """Yes/no as typed: Sí, SI, si, x, 1, True / No, 0, -; blank is unknown (``None``)."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    key = fold(str(value)).rstrip(".")
    if key in ("✓", "✔", "✗"):
        return key != "✗"
    if key in _YES:
        return True
    if key in _NO:
        return False
    first = re.split(r"[\s,;:()\-/]+", key, maxsplit=1)[0]  # "Sí (desde 2019)", "No - retirado"
    if first in _YES - {"x", "v", "1"}:
        return True
    if first in _NO - {"-", "--", "0", "f"}:
        return False
    raise ValueError(_("{value} is not yes or no (Sí/No)", value=quoted(str(value).strip())))


_ORDINALS = {"primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "1er": 1, "1ro": 1}


def read_organic_status(value: object) -> str | None:
    """Orgánico / organico / ORG / T1 / Transición 2 / en conversión año 3 / convencional...

    Returns a code of the one organic-status vocabulary (``domain.certification``): a
    :class:`ConversionStatus`, or ``IN_CONVERSION_YEAR_UNKNOWN`` when the year is not given.
    """
    if is_blank(value):
        return None
    key = fold(str(value)).replace(".", " ").strip()
    compact = key.replace(" ", "")
    year: int | None = None
    found = re.search(r"(?:^|[^0-9])([1-3])(?:[^0-9]|$)", key)
    if found:
        year = int(found.group(1))
    for word, number in _ORDINALS.items():
        if re.search(rf"\b{word}\b", key):
            year = number
    roman = re.search(r"\b(iii|ii|i)\b", key)
    if year is None and roman:
        year = len(roman.group(1))
    if re.fullmatch(r"t[1-3]", compact) or re.fullmatch(r"tr?[1-3]", compact):
        return ConversionStatus(f"t{compact[-1]}")
    if "transic" in key or "transit" in key or "conversi" in key or compact in ("t", "tr"):
        return ConversionStatus(f"t{year}") if year else IN_CONVERSION_YEAR_UNKNOWN
    if compact.startswith(("noorg", "noeco", "convencional", "conventional", "conv")):
        return ConversionStatus.CONVENTIONAL
    if compact in ("c", "no", "n", "ninguno"):
        return ConversionStatus.CONVENTIONAL
    if compact.startswith(("organ", "org", "bio", "ecolog")) or compact in ("o", "si", "s", "x"):
        return ConversionStatus.ORGANIC
    raise ValueError(
        _(
            "{value} is not an organic status (Orgánico, T1/T2/T3, Transición 1, Convencional)",
            value=quoted(str(value).strip()),
        )
    )


_EXTRA_GENDER = {
    "femenina": "F",
    "feminino": "F",
    "mujeres": "F",
    "dama": "F",
    "sra": "F",
    "senora": "F",
    "dona": "F",
    "varones": "M",
    "caballero": "M",
    "sr": "M",
    "senor": "M",
    "don": "M",
}


def read_gender(value: object) -> str | None:
    if is_blank(value):
        return None
    key = fold(str(value)).rstrip(".")
    if key in _EXTRA_GENDER:
        return _EXTRA_GENDER[key]
    try:
        return parse_gender(value)
    except ParseError as exc:
        raise ValueError(str(exc)) from exc


_STATUS_WORDS = {
    "active": "active",
    "activo": "active",
    "activa": "active",
    "vigente": "active",
    "habil": "active",
    "suspended": "suspended",
    "suspendido": "suspended",
    "suspendida": "suspended",
    "inhabil": "suspended",
    "withdrawn": "withdrawn",
    "retirado": "withdrawn",
    "retirada": "withdrawn",
    "renuncia": "withdrawn",
    "renuncio": "withdrawn",
    "baja": "withdrawn",
    "inactivo": "withdrawn",
    "inactiva": "withdrawn",
    "expelled": "expelled",
    "expulsado": "expelled",
    "expulsada": "expelled",
    "excluido": "expelled",
    "excluida": "expelled",
    "deceased": "deceased",
    "fallecido": "deceased",
    "fallecida": "deceased",
    "difunto": "deceased",
}


def read_member_status(value: object) -> str | None:
    if is_blank(value):
        return None
    key = fold(str(value)).rstrip(".")
    if key in _STATUS_WORDS:
        return _STATUS_WORDS[key]
    raise ValueError(
        _(
            "{value} is not a member status (Activo, Suspendido, Retirado, Expulsado, Fallecido)",
            value=quoted(str(value).strip()),
        )
    )
