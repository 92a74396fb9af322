"""``coop-desk`` alone starts the desktop program (issue 14) without importing the command
modules and the database layer they import: the window is on screen first. The shortcut reads
the options exactly as the whole parser does, and leaves everything else to it."""

from __future__ import annotations

import pytest

from coop_desk.cli import build_parser, desktop_arguments
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
