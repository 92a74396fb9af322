"""Exact money and quantities: ``Decimal`` everywhere, rounding once at a named step.

"Never use floating point in an accounting system" (beancount). Every function here refuses
``float`` input so a float can never sneak into a stored amount.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from coop_desk.i18n import _, formats

CENT = Decimal("0.01")
ZERO = Decimal("0")

# Currencies coop-desk knows by default (ISO 4217).  The cooperative profile names the
# reporting currency (USD) and the local one (PEN).
CURRENCIES = ("USD", "PEN", "EUR")


class MoneyError(ValueError):
    """A value that is not an exact amount."""


def to_decimal(value: object) -> Decimal:
    """Exact ``Decimal`` from int, str or Decimal; floats are refused."""
    if isinstance(value, bool):
        raise MoneyError(_("a yes/no value is not an amount"))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise MoneyError(_("{value} is not a finite amount", value=str(value)))
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        raise MoneyError(_("floating-point values are not accepted for money; pass a string"))
    if isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation as exc:
            raise MoneyError(_("'{value}' is not a number", value=value)) from exc
        if not result.is_finite():
            raise MoneyError(_("'{value}' is not a finite amount", value=value))
        return result
    raise MoneyError(_("{kind} is not an amount", kind=type(value).__name__))


def round_money(value: Decimal, places: int = 2) -> Decimal:
    """Round half up to ``places`` decimals: the single rounding rule for money."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def largest_remainder(units: int, weights: Sequence[Decimal | Fraction | int]) -> list[int]:
    """Split ``units`` (a whole number of the smallest unit, >= 0) in proportion to ``weights``
    (>= 0, not all zero) so the parts add up exactly to ``units``: the one split routine.

    Largest-remainder method, computed exactly with fractions: every part is first rounded
    down, then the units left over go, one each, to the parts with the largest remainders
    (ties to the earliest).
    """
    exact_weights = [Fraction(w) for w in weights]
    weight_sum = sum(exact_weights, Fraction(0))
    exact = [units * w / weight_sum for w in exact_weights]
    floors = [int(x) for x in exact]  # non-negative: int() rounds down
    left = units - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def allocate(total: Decimal, weights: Sequence[Decimal], places: int = 2) -> list[Decimal]:
    """Split ``total`` in proportion to ``weights`` so the parts add up exactly to ``total``.

    Largest remainder (:func:`largest_remainder`) over units of ``places`` decimals. Negative
    totals are split as the mirror image of the positive split.
    """
    if not weights:
        raise MoneyError(_("nothing to allocate to"))
    if any(w < 0 for w in weights):
        raise MoneyError(_("weights must not be negative"))
    if sum(weights, ZERO) == 0:
        raise MoneyError(_("weights add up to zero"))
    unit = Decimal(1).scaleb(-places)
    total_q = round_money(total, places)
    if total_q != total:
        raise MoneyError(
            _("{amount} has more than {places} decimals", amount=str(total), places=places)
        )
    sign = -1 if total < 0 else 1
    units = largest_remainder(int(abs(total_q) / unit), weights)
    return [sign * Decimal(n) * unit for n in units]


_GROUPED = re.compile(r"^[+-]?\d{1,3}([.,' \u00a0\u202f]\d{3})+([.,]\d+)?$")


def parse_amount(text: str, decimal_point: str = ".") -> Decimal:
    """Parse an amount as people type it: "1,250.50", "1250.5", "1.250,50", "S/ 1 250".

    ``decimal_point`` is the display locale's separator, used to decide ambiguous input such as
    "1,250" (one thousand two hundred fifty in en, one point twenty-five in es).
    """
    raw = (text or "").strip()
    for symbol in ("US$", "USD", "PEN", "S/.", "S/", "$", "€", "EUR"):
        raw = raw.replace(symbol, "")
    raw = raw.strip().replace("\u00a0", " ").replace("\u202f", " ")
    negative = raw.startswith("(") and raw.endswith(")")
    if negative:
        raw = raw[1:-1].strip()
    if not raw:
        raise MoneyError(_("empty amount"))
    compact = raw.replace(" ", "").replace("'", "")
    if "," in compact and "." in compact:
        # Both present: whichever comes last is the decimal separator.
        if compact.rfind(",") > compact.rfind("."):
            compact = compact.replace(".", "").replace(",", ".")
        else:
            compact = compact.replace(",", "")
    elif "," in compact or "." in compact:
        sep = "," if "," in compact else "."
        parts = compact.split(sep)
        if len(parts) > 2:
            # Only thousands separators: "1,234,567" — every group after the first has 3 digits.
            if not (1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])):
                raise MoneyError(_("'{text}' is not an amount", text=text))
            compact = compact.replace(sep, "")
        elif _GROUPED.match(raw) and len(parts[1]) == 3 and sep != decimal_point:
            compact = compact.replace(sep, "")  # "1,250" in a "." locale
        else:
            compact = compact.replace(sep, ".")
    if not re.fullmatch(r"[+-]?\d+(\.\d+)?", compact):
        raise MoneyError(_("'{text}' is not an amount", text=text))
    value = Decimal(compact)
    return -value if negative else value


def format_amount(value: Decimal, places: int = 2) -> str:
    """An amount with thousands separators ("1,250.50") as the language in effect writes it
    (:func:`coop_desk.i18n.formats.amount`), rounded half up."""
    return formats.amount(value, places)
