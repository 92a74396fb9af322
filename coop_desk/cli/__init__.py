"""The command line, over the same services as the GUI.

Global options (``--db``, ``--user``) come before the command:
``coop-desk [--db URL] [--user NAME] COMMAND ...``. With no command the GUI starts.

Each command group lives in its own module with a ``register(subparsers)`` function; a command
handler takes ``(args, ctx)`` and returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from coop_desk import __version__, i18n
from coop_desk.errors import CoopDeskError, ValidationError
from coop_desk.i18n import N_, _, ngettext

log = logging.getLogger("coop_desk")


# The command groups (modules of this package), in the order --help lists them, with the
# commands each registers (``test_cli_commands`` checks them against what they register).
COMMAND_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("basic", ("gui", "init", "backup", "restore", "recent")),
    ("members", ("members",)),
    ("certs", ("certs",)),
    ("trade", ("plots", "deliveries", "lots", "eudr")),
    ("documents", ("documents",)),
    ("ledger", ("ledger",)),
    ("verify", ("verify",)),
    ("users", ("users",)),
    ("audit", ("audit", "audit-pack", "ledger")),
    ("transfer", ("copy-database",)),
)


def command_modules(command: str | None = None) -> list[ModuleType]:
    """The command groups, in the order --help lists them. Imported when the parser is built,
    not with this package: ``coop-desk`` alone starts the desktop program without them (and
    the database layer they import), so its window is on screen at once (issue 14).

    With ``command`` (the command being run), only the groups that register it, when some
    do: the others' modules (the ledger's, the plots' geometry...) are not imported for it
    (45 ms of a roster import)."""
    names = [name for name, commands in COMMAND_GROUPS if command in commands] or [
        name for name, _commands in COMMAND_GROUPS
    ]
    return [importlib.import_module(f"coop_desk.cli.{name}") for name in names]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line's parser; with ``command``, only its groups' commands
    (``command_modules``)."""
    parser = argparse.ArgumentParser(
        prog="coop-desk",
        description=_(
            "Member register, certifications and Fairtrade Premium ledger for coffee cooperatives."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"coop-desk {__version__}",
        help=_("show the program's version number and exit"),
    )
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules(command):
        module.register(sub)
    return parser


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """--db, --user, --verbose: given before the command."""
    parser.add_argument(
        "--db",
        metavar="URL",
        help=_(
            "database file or URL, e.g. postgresql://coop@192.168.1.10/coopdesk (without the "
            "password: it is asked for, or read from ~/.pgpass; postgresql:///?service=NAME uses "
            "pg_service.conf). Default: COOP_DESK_DB, else the SQLite file in your data folder"
        ),
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help=_("sign in as NAME (password from COOP_DESK_PASSWORD or a prompt)"),
    )
    parser.add_argument("-v", "--verbose", action="store_true", help=_("log details to stderr"))


def desktop_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The global options when ``argv`` asks for the desktop program and nothing the whole
    parser must answer (help, the version, an error, a URL whose password it warns about):
    ``coop-desk``, ``coop-desk --db FILE``, ``coop-desk gui``. None otherwise."""
    if any(arg in ("-h", "--help", "--version") or "://" in arg for arg in argv):
        return None
    parsed = _global_options(argv)
    if parsed is None:
        return None
    args, rest = parsed
    # The options before the command, as the whole parser reads them.
    return args if rest == [] or (rest == ["gui"] and argv[-1] == "gui") else None


def command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs: its first word after the global options (None when there
    is none, or the options cannot be read: the whole parser then says why)."""
    parsed = _global_options(argv)
    if parsed is None:
        return None
    _args, rest = parsed
    return rest[0] if rest and not rest[0].startswith("-") else None


def _global_options(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]] | None:
    """The global options of ``argv`` and the rest, or None when they cannot be read."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    add_global_options(parser)
    try:
        return parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None


def start_desktop(db_target: str | None, username: str | None) -> int:
    """``coop-desk`` and ``coop-desk gui``: the desktop program on ``db_target``."""
    from coop_desk.app import run  # imported late: the CLI must work without a display

    return run(db_target=db_target, username=username)


def _log_to_stderr(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


# What argparse itself says (usage, headings, its errors), in our catalogue: argparse looks
# each up through its module-level ``_``/``ngettext``, pointed at ours by ``speak``.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _argparse_plural() -> None:  # pragma: no cover - only read by the extraction
    ngettext("expected %s argument", "expected %s arguments", 2)


def speak(language: str | None = None) -> None:
    """The command line's language (``COOP_DESK_LANG``, else the locale), for our messages and
    for argparse's own words."""
    i18n.set_language(language or i18n.environment_language())
    setattr(argparse, "_", i18n.plain)  # noqa: B010 - argparse reads its module-level names
    setattr(argparse, "ngettext", i18n.plain_ngettext)  # noqa: B010


def main(argv: Sequence[str] | None = None) -> int:
    speak()
    desktop = desktop_arguments(sys.argv[1:] if argv is None else argv)
    if desktop is not None:
        # The desktop program, straight away: no command module is imported.
        _log_to_stderr(desktop.verbose)
        return start_desktop(desktop.db, desktop.user)
    # The commands do no linear algebra: numpy (imported by openpyxl and shapely) need not
    # start OpenBLAS's pool of threads. With it the process runs a single thread, so a big
    # roster can be read ahead by a forked child (``members import``; see
    # ``exchange.cells.reading_ahead``). Before the command modules import numpy; a value the
    # user set is kept (the roster is then read in this process).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from coop_desk.cli.context import CliContext, CliError
    from coop_desk.db import has_password

    parser = build_parser(command_named(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    _log_to_stderr(args.verbose)
    if args.command is None:
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    if has_password(args.db):
        print(
            _(
                "warning: the password in --db is visible to every program on this computer. "
                "Leave it out (coop-desk asks for it) or keep it in PostgreSQL's password file "
                "(~/.pgpass) or service file (pg_service.conf)."
            ),
            file=sys.stderr,
        )
    ctx = CliContext(db_target=args.db, username=args.user)
    try:
        return int(args.handler(args, ctx) or 0)
    except ValidationError as exc:
        print(_("error: the input has problems:"), file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem.describe()}", file=sys.stderr)
        return 2
    except (CoopDeskError, CliError) as exc:
        print(_("error: {exc}", exc=exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` or a pager that quit: not an error of ours.
        _silence_stdout()
        return 0
    finally:
        ctx.close()


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    raise SystemExit(main())
