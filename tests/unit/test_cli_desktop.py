"""``coop-desk`` alone starts the desktop program (issue 14) without importing the command
modules and the database layer they import: the window is on screen first. The shortcut reads
the options exactly as the whole parser does, and leaves everything else to it."""

from __future__ import annotations

import pytest

from coop_desk.cli import build_parser, command_named, desktop_arguments
from tests.conftest import python_output


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["gui"],
        ["--db", "coop.sqlite"],
        ["--db=coop.sqlite", "gui"],
        ["--user", "ana", "-v"],
        ["-v", "--db", "gui"],  # a file named gui
    ],
)
def test_the_desktop_options_are_read_as_the_parser_reads_them(argv):
    args = desktop_arguments(argv)
    assert args is not None
    whole = build_parser().parse_args(argv)
    assert whole.command in (None, "gui")
    assert (args.db, args.user, args.verbose) == (whole.db, whole.user, whole.verbose)


@pytest.mark.parametrize(
    "argv",
    [
        ["members", "list"],
        ["--db", "coop.sqlite", "init"],
        ["gui", "--db", "coop.sqlite"],  # after the command: the parser refuses it
        ["gui", "--help"],
        ["-h"],
        ["--version"],
        ["--db"],
        ["--v"],  # --verbose or --version: the parser says it is ambiguous
        ["--db", "postgresql://coop:secret@server/coop"],  # warned about by the parser
        ["gu"],
    ],
)
def test_anything_else_is_left_to_the_whole_parser(argv):
    assert desktop_arguments(argv) is None


def test_coop_desk_alone_starts_the_desktop_without_the_command_modules(tmp_path):
    script = """
import sys
import coop_desk.app
def run(db_target=None, username=None):
    heavy = ("sqlalchemy", "coop_desk.db", "coop_desk.models", "coop_desk.cli.members")
    print(db_target, username, [m for m in sys.modules if m.startswith(heavy)])
    return 0
coop_desk.app.run = run
from coop_desk.cli import main
sys.exit(main(["--db", "coop.sqlite", "--user", "ana"]))
"""
    assert python_output(script, cwd=tmp_path) == "coop.sqlite ana []"


def test_each_command_group_registers_the_commands_it_is_listed_with():
    """``COMMAND_GROUPS`` says which modules a command needs (the others are not imported to
    run it): it must be what each module registers, alone."""
    import argparse
    import importlib

    from coop_desk.cli import COMMAND_GROUPS

    for name, commands in COMMAND_GROUPS:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")
        importlib.import_module(f"coop_desk.cli.{name}").register(sub)
        assert tuple(sub.choices) == commands, name


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["members", "import", "p.xlsx"], "members"),
        (["--db", "x.sqlite", "--user", "ana", "ledger", "years"], "ledger"),
        (["-v", "copy-database", "a", "b"], "copy-database"),
        (["--help"], None),
        (["--db"], None),
        ([], None),
    ],
)
def test_the_command_is_the_first_word_after_the_global_options(argv, command):
    assert command_named(argv) == command


def test_a_command_is_parsed_as_the_whole_parser_parses_it_with_only_its_groups():
    for argv in (
        ["members", "import", "p.xlsx", "--skip-invalid"],
        ["ledger", "years"],  # registered by the ledger's group and the audit's
        ["ledger", "export-beancount", "out.beancount"],
        ["plots", "rules", "--area-tolerance", "5"],
    ):
        assert build_parser(command_named(argv)).parse_args(argv) == build_parser().parse_args(
            argv
        ), argv


def test_a_roster_import_imports_no_other_command_group(tmp_path):
    script = """
import sys
import coop_desk.cli.members_excel as m
m.run_import = lambda args, ctx: print(sorted(n for n in sys.modules if n.startswith("coop_desk.cli.") and n.count(".") == 2)) or 0
from coop_desk.cli import main
sys.exit(main(["--db", "coop.sqlite", "members", "import", "p.xlsx"]))
"""
    assert python_output(script, cwd=tmp_path) == str(
        [
            "coop_desk.cli.context",
            "coop_desk.cli.members",
            "coop_desk.cli.members_excel",
            "coop_desk.cli.output",
        ]
    )
