"""How dates, times, amounts and rates look, in one place: the GUI's tables and dialogs, the
command line, the workbooks and the messages of the core all format through here.

The rules, per language (:mod:`coop_desk.i18n` decides which is in effect):

- Dates: Spanish ``dd/mm/aaaa`` (27/11/2026); English keeps ISO ``2026-11-27``. Qt date fields
  use :func:`qt_date_pattern`, workbook cells :func:`excel_date_format`: the same rule.
- Times are shown in the computer's local time (stored UTC, :mod:`coop_desk.models.base`).
- Numbers follow the language's country (Spanish as in Peru: ``1,234.56``), from Babel's CLDR
  data. Amounts are rounded half up, as ``domain.money.round_money`` rounds money, before
  Babel sees them, so its own (half even) rounding never applies. This module sits below the
  domain (the domain's messages format through it), so it cannot call ``round_money``; a test
  holds the two to the same rule.
- Exchange rates show four decimals (3.7500), more only when the rate has them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from babel import Locale

from coop_desk import i18n

# The country whose number conventions a language uses: the cooperatives are Peruvian.
LOCALES = {"es": "es_PE", "en": "en_US"}
RATE_PLACES = 4

_QT_DATE = {"es": "dd/MM/yyyy", "en": "yyyy-MM-dd"}
_EXCEL_DATE = {"es": "dd/mm/yyyy", "en": "yyyy-mm-dd"}
_EXCEL_DATETIME = {"es": "dd/mm/yyyy hh:mm", "en": "yyyy-mm-dd hh:mm"}


def _lang(language: str | None) -> str:
    return i18n.normalize(language) or i18n.language()


def locale_name(language: str | None = None) -> str:
    """The CLDR locale of a language (``es_PE``)."""
    return LOCALES[_lang(language)]


@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def decimal_point(language: str | None = None) -> str:
    return _symbols(locale_name(language))[0]


def date_text(value: date | None, language: str | None = None) -> str:
    """A date as the language writes it (27/11/2026); ``""`` for none."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value).date()
    # Not strftime: it writes year 1 as "1", and the books hold years from 1900 only but
    # messages name the dates they refuse.
    if _lang(language) == "es":
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    return value.isoformat()


def qt_date_pattern(language: str | None = None) -> str:
    """The same rule for a Qt date field's display format."""
    return _QT_DATE[_lang(language)]


def excel_date_format(language: str | None = None) -> str:
    """The same rule for a workbook cell's number format."""
    return _EXCEL_DATE[_lang(language)]


def excel_datetime_format(language: str | None = None) -> str:
    return _EXCEL_DATETIME[_lang(language)]


def local(moment: datetime) -> datetime:
    """A stored timestamp (UTC, aware or naive) in the computer's time zone."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone()


def datetime_text(
    moment: datetime | None, language: str | None = None, *, seconds: bool = False
) -> str:
    """A timestamp in local time (27/11/2026 14:05); ``""`` for none."""
    if moment is None:
        return ""
    shown = local(moment)
    clock = "%H:%M:%S" if seconds else "%H:%M"
    return f"{date_text(shown.date(), language)} {shown.strftime(clock)}"


@cache
def _symbols(name: str) -> tuple[str, str]:
    symbols = _locale(name).number_symbols["latn"]
    return str(symbols["decimal"]), str(symbols["group"])


def _grouped(value: Decimal, places: int, language: str | None) -> str:
    """``value`` (already exact to ``places``) with the language's separators. Python groups
    by threes as every supported locale does; the symbols come from CLDR (Babel), looked up
    once: Babel's own formatter costs 30 µs a number, this 2 µs (tables format thousands)."""
    decimal, group = _symbols(locale_name(language))
    text = f"{value:,.{places}f}"
    if (decimal, group) == (".", ","):
        return text
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", group)


def amount(value: Decimal | None, places: int = 2, language: str | None = None) -> str:
    """An amount with thousands separators and exactly ``places`` decimals (1,250.50),
    rounded half up; ``""`` for none."""
    if value is None:
        return ""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return _grouped(rounded, places, language)


def number(value: Decimal | int | None, language: str | None = None) -> str:
    """A quantity with the decimals it has (2.5 ha, 1,200 kg); ``""`` for none."""
    if value is None:
        return ""
    exact = Decimal(value)
    places = max(0, -exact.as_tuple().exponent) if exact.is_finite() else 0  # type: ignore[operator]
    return _grouped(exact, places, language)


def rate(value: Decimal | None, language: str | None = None) -> str:
    """An exchange rate: four decimals (3.7500), more only when the rate has them."""
    if value is None:
        return ""
    exact = value.normalize()
    places = max(RATE_PLACES, -exact.as_tuple().exponent)  # type: ignore[operator]
    return _grouped(value.quantize(Decimal(1).scaleb(-places)), places, language)


def value(item: object, language: str | None = None) -> str:
    """Anything placed in a message: dates, times and decimals for the language; the rest as
    ``str`` (codes, names, and integers such as years, which are never grouped)."""
    if isinstance(item, datetime):
        return datetime_text(item, language)
    if isinstance(item, date):
        return date_text(item, language)
    if isinstance(item, Decimal):
        return number(item, language)
    return str(item)
