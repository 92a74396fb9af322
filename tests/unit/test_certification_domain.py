"""Organic conversion status across dates, EU group limits, re-inspection sample, validation."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from coop_desk.domain.certification import (
    CONVERSION_ORDER,
    ConversionStatus,
    GroupRules,
    InspectionInput,
    SanctionInput,
    add_months,
    area_over_limit,
    conversion_status,
    counts_as_certified,
    coverage_percent,
    effective_status,
    full_months_between,
    group_over_limit,
    organic_from,
    reinspection_sample,
    sanction_active,
    validate_inspection,
    validate_sanction,
)

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
leap_days = st.sampled_from([date(y, 2, 29) for y in range(1992, 2089, 4)])
month_ends = st.builds(
    lambda d: (d.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1), dates
)
starts = st.one_of(dates, leap_days, month_ends)

T1, T2, T3, ORGANIC = (
    ConversionStatus.T1,
    ConversionStatus.T2,
    ConversionStatus.T3,
    ConversionStatus.ORGANIC,
)


@given(starts, dates, dates)
def test_status_never_goes_back_as_time_passes(start, a, b):
    first, second = sorted([a, b])
    assert (
        CONVERSION_ORDER[conversion_status(start, first)]
        <= CONVERSION_ORDER[conversion_status(start, second)]
    )


@given(starts)
def test_boundaries_at_exactly_12_24_and_36_months(start):
    day = timedelta(days=1)
    assert conversion_status(start, start) == T1
    assert conversion_status(start, add_months(start, 12) - day) == T1
    assert conversion_status(start, add_months(start, 12)) == T2
    assert conversion_status(start, add_months(start, 24) - day) == T2
    assert conversion_status(start, add_months(start, 24)) == T3
    assert conversion_status(start, add_months(start, 36) - day) == T3
    assert conversion_status(start, add_months(start, 36)) == ORGANIC
    assert organic_from(start) == add_months(start, 36)


@given(starts, dates)
def test_full_months_bracket_the_date(start, on):
    months = full_months_between(start, on)
    assert add_months(start, months) <= on < add_months(start, months + 1)


@given(starts, dates)
def test_status_matches_the_month_count(start, on):
    status = conversion_status(start, on)
    if on < start:
        assert status == ConversionStatus.CONVENTIONAL
        return
    months = full_months_between(start, on)
    expected = ORGANIC if months >= 36 else [T1, T2, T3][months // 12]
    assert status == expected


def test_leap_day_start_reaches_each_year_on_28_february():
    start = date(2024, 2, 29)
    assert add_months(start, 12) == date(2025, 2, 28)
    assert conversion_status(start, date(2025, 2, 27)) == T1
    assert conversion_status(start, date(2025, 2, 28)) == T2
    assert conversion_status(start, date(2027, 2, 27)) == T3
    assert conversion_status(start, date(2027, 2, 28)) == ORGANIC
    # 48 months later it is 29 February again
    assert add_months(start, 48) == date(2028, 2, 29)


def test_no_start_or_a_future_start_is_conventional():
    assert conversion_status(None, date(2026, 1, 1)) == ConversionStatus.CONVENTIONAL
    assert conversion_status(date(2026, 6, 1), date(2026, 5, 31)) == ConversionStatus.CONVENTIONAL


def test_a_shorter_conversion_period_is_respected():
    start = date(2020, 1, 15)
    assert conversion_status(start, date(2022, 1, 14), conversion_months=24) == T2
    assert conversion_status(start, date(2022, 1, 15), conversion_months=24) == ORGANIC


def test_override_replaces_the_computed_status():
    start = date(2015, 1, 1)
    assert effective_status(start, date(2026, 1, 1)) == ORGANIC
    assert effective_status(start, date(2026, 1, 1), ConversionStatus.T1) == T1


def test_certified_needs_organic_approval_and_no_suspension():
    assert counts_as_certified(ORGANIC, approved=True, suspended=False)
    assert not counts_as_certified(ORGANIC, approved=False, suspended=False)
    assert not counts_as_certified(ORGANIC, approved=True, suspended=True)
    assert not counts_as_certified(T3, approved=True, suspended=False)


def test_reinspection_sample_is_five_percent_and_at_least_ten():
    assert reinspection_sample(188) == 10
    assert reinspection_sample(200) == 10
    assert reinspection_sample(201) == 11  # 10.05 rounded up
    assert reinspection_sample(2000) == 100
    assert reinspection_sample(6) == 6  # never more than there are members
    assert reinspection_sample(0) == 0


@given(st.integers(min_value=0, max_value=100_000))
def test_reinspection_sample_bounds(members):
    n = reinspection_sample(members)
    assert n <= members
    assert n >= min(members, 10)
    assert n * 20 >= members  # at least 5%


def test_group_limits_are_strict_above():
    assert not area_over_limit(Decimal("5"))
    assert area_over_limit(Decimal("5.01"))
    assert not group_over_limit(2000)
    assert group_over_limit(2001)
    assert group_over_limit(3, GroupRules(max_group_members=2))


def test_coverage_percent():
    assert coverage_percent(176, 185) == Decimal("95.1")
    assert coverage_percent(0, 0) == Decimal("100.0")
    assert coverage_percent(2, 3) == Decimal("66.7")


def test_inspection_validation_collects_every_problem():
    today = date(2026, 11, 27)
    problems = validate_inspection(
        InspectionInput(
            member_id=None,
            inspection_date=today + timedelta(days=1),
            inspector=" ",
            result="not_approved",
            findings="",
            yield_estimate_kg=Decimal("-1"),
            last_prohibited_input="Glyphosate",
        ),
        today,
    )
    fields = {p.field for p in problems}
    assert fields == {
        "member_id",
        "inspection_date",
        "inspector",
        "findings",
        "yield_estimate_kg",
        "last_prohibited_input_date",
    }


def test_sanction_validation_and_activity():
    today = date(2026, 11, 27)
    assert {
        p.field
        for p in validate_sanction(
            SanctionInput(member_id=1, kind="suspension", decided_on=today, reason=""), today
        )
    } == {"reason", "starts_on"}
    start, end = date(2026, 1, 1), date(2026, 3, 31)
    assert not sanction_active("suspension", start, end, start, date(2025, 12, 31))
    assert sanction_active("suspension", start, end, start, start)
    assert sanction_active("suspension", start, end, start, end)
    assert not sanction_active("suspension", start, end, start, end + timedelta(days=1))
    assert sanction_active("exclusion", start, None, start, date(2030, 1, 1))
    assert not sanction_active("warning", None, None, start, start)
