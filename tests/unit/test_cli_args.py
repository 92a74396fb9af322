"""Every command reads a typed date the same way (``cli.args.iso_date``): a wrong one stops
the command before it opens the database, with the same message whatever the command."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from coop_desk.cli import build_parser


@pytest.mark.parametrize(
    "words",
    [
        ["audit", "log", "--from"],
        ["audit", "log", "--to"],
        ["ledger", "receive", "X", "1", "--account", "1010", "--date"],
        ["certs", "alerts", "--date"],
        ["ledger", "export", "out.xlsx", "--from"],
        ["deliveries", "list", "--from"],
        ["plots", "rules", "--cutoff"],
    ],
)
def test_a_date_that_is_not_one_is_refused_by_every_command(words, capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args([*words, "31/12/2025"])
    assert stop.value.code == 2
    assert "'31/12/2025' is not a date (YYYY-MM-DD)" in capsys.readouterr().err


def test_an_iso_date_is_read():
    args = build_parser().parse_args(["audit", "log", "--from", "2025-12-31"])
    assert args.date_from == date(2025, 12, 31)


@pytest.mark.parametrize("typed", ["12,5", "12.5"])
def test_a_quantity_is_read_exactly_with_a_point_or_a_comma(typed):
    args = build_parser().parse_args(
        ["deliveries", "add", "VR-101", typed, "--moisture", "11", "--yield-factor", "80"]
        + ["--price", "9.80"]
    )
    assert args.kg == Decimal("12.5") and args.price == Decimal("9.80")


@pytest.mark.parametrize("typed", ["doce", "NaN", "Infinity"])
def test_a_number_that_is_not_one_is_refused(typed, capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["plots", "rules", "--area-tolerance", typed])
    assert stop.value.code == 2
    assert f"'{typed}' is not a number" in capsys.readouterr().err
