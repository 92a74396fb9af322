"""Units of coffee trade (DOMAIN.md "Units"): kilograms, pounds and Peru's 69 kg export bag."""

from __future__ import annotations

from decimal import Decimal

# DOMAIN.md: 1 kg = 2.20462262 lb; Peru exports in 69 kg bags.
LB_PER_KG = Decimal("2.20462262")
KG_PER_BAG = Decimal("69")


def kg_to_lb(kg: Decimal) -> Decimal:
    """Exact product; round at the step that needs it (pounds shown to 2 decimals)."""
    return kg * LB_PER_KG


def bags_to_kg(bags: Decimal, kg_per_bag: Decimal = KG_PER_BAG) -> Decimal:
    return bags * kg_per_bag
