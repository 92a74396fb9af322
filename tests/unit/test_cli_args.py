"""Every command reads a typed date the same way (``cli.args.iso_date``): a wrong one stops
the command before it opens the database, with the same message whatever the command."""

from __future__ import annotations

from datetime import date

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
