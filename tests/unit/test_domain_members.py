"""Member field parsing and validation (hypothesis for DNI and codes)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coop_desk.domain.members import (
    MemberInput,
    ParseError,
    PlotInput,
    code_sort_key,
    parse_code,
    parse_dni,
    parse_gender,
    validate_member,
)
from coop_desk.domain.text import fold


@given(st.integers(min_value=0, max_value=99_999_999))
def test_dni_typed_as_a_number_gets_its_leading_zeros_back(number):
    dni = parse_dni(number)
    assert len(dni) == 8 and dni.isdigit() and int(dni) == number


@given(st.text(alphabet="0123456789", min_size=8, max_size=8), st.sampled_from(["", " ", "  "]))
def test_dni_as_text_with_spaces(digits, pad):
    spaced = f"{pad}{digits[:4]} {digits[4:]}{pad}"
    assert parse_dni(spaced) == digits


@given(st.text(alphabet="0123456789", min_size=1, max_size=12).filter(lambda t: len(t) != 8))
def test_dni_text_of_the_wrong_length_is_refused(digits):
    with pytest.raises(ParseError, match="8 digits"):
        parse_dni(digits)


@pytest.mark.parametrize("value", [4567890, 4567890.0, Decimal("4567890")])
def test_dni_examples_from_domain(value):
    assert parse_dni(value) == "04567890"


@pytest.mark.parametrize("value", ["12a45678", 123456789, -5, 1.5, True])
def test_bad_dnis(value):
    with pytest.raises(ParseError):
        parse_dni(value)


@given(
    st.from_regex(r"[A-Za-z]{2,5}-[0-9]{1,5}(-[0-9]{1,3})?", fullmatch=True),
)
def test_codes_normalise_to_upper_case_and_round_trip(code):
    parsed = parse_code(f"  {code} ")
    assert parsed == code.upper()
    assert parse_code(parsed) == parsed


@given(st.integers(1, 10_000), st.integers(1, 10_000))
def test_code_sort_key_orders_numbers_naturally(a, b):
    ka, kb = code_sort_key(f"CPGP-3784-{a}"), code_sort_key(f"CPGP-3784-{b}")
    assert (ka < kb) == (a < b)


@pytest.mark.parametrize("value", ["", "   ", "A B!", "x" * 41])
def test_bad_codes(value):
    with pytest.raises(ParseError):
        parse_code(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("F", "F"),
        ("femenino", "F"),
        ("Mujer", "F"),
        ("M", "M"),
        ("Masculino", "M"),
        ("varón", "M"),
        ("VARON", "M"),
        ("Hombre", "M"),
    ],
)
def test_gender_words(text, expected):
    assert parse_gender(text) == expected


def test_fold_ignores_case_accents_and_spacing():
    assert fold("  Núñez   CASTAÑEDA ") == "nunez castaneda"


def test_validation_returns_every_problem_at_once():
    data = MemberInput(
        code="",
        first_names="",
        surnames="X",
        gender="?",
        join_date=date(2030, 1, 1),
        dni="123",
        birth_date=date(2029, 1, 1),
        phone="call me",
        plots=(PlotInput(name="", total_area_ha=Decimal(1), coffee_area_ha=Decimal(2)),),
    )
    fields = {p.field for p in validate_member(data, today=date(2026, 1, 1))}
    assert {
        "code",
        "first_names",
        "gender",
        "join_date",
        "dni",
        "birth_date",
        "phone",
        "plots[1].name",
        "plots[1].coffee_area_ha",
    } <= fields
