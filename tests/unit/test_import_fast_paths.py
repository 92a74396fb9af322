"""The roster import's shortcuts give what the longer way gives: collapsing spaces without a
pattern, a DNI already of 8 digits, the plan's remembered translations, the bulk limit
check's remembered answers."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coop_desk.domain.limits import text_limit
from coop_desk.domain.members import ParseError, PlotInput, parse_dni, validate_plot
from coop_desk.domain.text import clean, fold
from coop_desk.i18n import _, remembered, use_language
from coop_desk.models import Member, Plot
from coop_desk.services import limit_guard
from coop_desk.services.audit.canonical import canonical, row_canonical, snapshot

_SPACES = re.compile(r"\s+")
_TEXT = st.text(alphabet=st.sampled_from(list(" \t\n\u00a0\u2003\x1cabÑé.-Z")) | st.characters())


@given(_TEXT)
def test_clean_collapses_spaces_as_the_pattern_did(text: str) -> None:
    assert clean(text) == _SPACES.sub(" ", text).strip()


@given(_TEXT)
def test_fold_collapses_spaces_as_the_pattern_did(text: str) -> None:
    folded = fold(text)
    assert folded == _SPACES.sub(" ", folded).strip()
    if text.isascii():
        assert folded == _SPACES.sub(" ", text.lower()).strip()


def test_a_dni_of_eight_digits_is_itself_and_others_are_still_read() -> None:
    assert parse_dni("04600003") == "04600003"
    assert parse_dni("46000003.0") == "46000003"
    assert parse_dni(" 0460-0003 ") == "04600003"
    assert parse_dni(4600003) == "04600003"
    with pytest.raises(ParseError):
        parse_dni("4600003")  # 7 digits as text: refused with a hint
    with pytest.raises(ParseError):
        parse_dni("0460000A")


def test_remembered_translations_are_the_translations() -> None:
    with use_language("es"):
        words = remembered()
        for _round in range(2):
            assert words("yes") == _("yes")
            assert words("{answer} since {date}", answer="sí", date=date(2020, 5, 1)) == _(
                "{answer} since {date}", answer="sí", date=date(2020, 5, 1)
            )
        # Equal values written apart are remembered apart.
        one = words("{total} ha, coffee {coffee} ha", total=Decimal("1.0"), coffee="2")
        other = words("{total} ha, coffee {coffee} ha", total=Decimal("1.00"), coffee="2")
        assert one == _("{total} ha, coffee {coffee} ha", total=Decimal("1.0"), coffee="2")
        assert other == _("{total} ha, coffee {coffee} ha", total=Decimal("1.00"), coffee="2")


def test_the_bulk_limit_check_answers_for_every_row_it_remembers() -> None:
    check = limit_guard.row_checker(Member.__table__)  # type: ignore[arg-type]
    too_early = {"id": 1, "join_date": date(1700, 1, 1), "status_date": date(2020, 1, 1)}
    for _row in range(3):  # the same values again: the same answer, for each row
        assert [p.field for p in check(too_early)] == ["join_date"]
        assert check({"id": 2, "join_date": date(2020, 1, 1)}) == []
    assert [p.field for p in check({"first_names": "A" * 500})] == ["first_names"]
    assert check({"first_names": "A" * 5}) == []
    plots = limit_guard.row_checker(Plot.__table__)  # type: ignore[arg-type]
    big = Decimal("1e30")
    assert [p.field for p in plots({"total_area_ha": big})] == ["total_area_ha"]
    assert [p.field for p in plots({"total_area_ha": big})] == ["total_area_ha"]
    assert plots({"total_area_ha": Decimal("1.5")}) == []


def test_a_plot_text_too_long_is_named_with_its_plot() -> None:
    long_name = "P" * (text_limit("plot", "name") + 1)
    plot = PlotInput(name=long_name, total_area_ha=Decimal(1), coffee_area_ha=Decimal(1))
    found = validate_plot(plot, 2)
    assert [p.field for p in found] == ["plots[2].name"]
    assert found[0].message.startswith(_("plot {n}: ", n=2))
    assert validate_plot(replace(plot, name="Parcela 1"), 2) == []


def test_after_images_remember_dates_and_write_equal_times_of_other_zones_apart() -> None:
    table = Member.__table__
    text = row_canonical(table)  # type: ignore[arg-type]
    names = [c.name for c in table.columns]  # type: ignore[attr-defined]

    def row(**values: object) -> tuple[object, ...]:
        return tuple(values.get(name) for name in names)

    utc = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    lima = utc.astimezone(timezone(timedelta(hours=-5)))
    assert utc == lima and str(utc) != str(lima)
    rows = [
        row(id=1, code="C-1", join_date=date(2020, 1, 1), created_at=utc, updated_at=utc),
        row(id=2, code="C-2", join_date=date(2020, 1, 1), created_at=lima, updated_at=utc),
        row(id=3, code="C-3", join_date=date(2021, 1, 1), created_at=utc, updated_at=lima),
    ]
    for _round in range(2):
        for values in rows:
            stored = dict(zip(names, values, strict=True))
            assert text(values) == canonical(snapshot(table, stored))  # type: ignore[arg-type]
