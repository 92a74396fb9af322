"""The command line, over the same services as the GUI.

Global options (``--db``, ``--user``) come before the command:
``coop-desk [--db URL] [--user NAME] COMMAND ...``. With no command the GUI starts.

Each command group lives in its own module with a ``register(subparsers)`` function; a command
handler takes ``(args, ctx)`` and returns the exit status.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from coop_desk import __version__
from coop_desk.cli import (
    audit,
    basic,
    certs,
    documents,
    ledger,
    members,
    transfer,
    users,
    verify,
)
from coop_desk.cli.context import CliContext, CliError
from coop_desk.db import has_password
from coop_desk.errors import CoopDeskError, ValidationError

log = logging.getLogger("coop_desk")

# Command groups, in the order --help lists them.
COMMAND_MODULES = [basic, members, certs, documents, ledger, verify, users, audit, transfer]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coop-desk",
        description="Member register, certifications and Fairtrade Premium ledger "
        "for coffee cooperatives.",
    )
    parser.add_argument("--version", action="version", version=f"coop-desk {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database file or URL, e.g. postgresql://coop@192.168.1.10/coopdesk (without the "
        "password: it is asked for, or read from ~/.pgpass; postgresql:///?service=NAME uses "
        "pg_service.conf). Default: COOP_DESK_DB, else the SQLite file in your data folder",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="sign in as NAME (password from COOP_DESK_PASSWORD or a prompt)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.command is None:
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    if has_password(args.db):
        print(
            "warning: the password in --db is visible to every program on this computer. "
            "Leave it out (coop-desk asks for it) or keep it in PostgreSQL's password file "
            "(~/.pgpass) or service file (pg_service.conf).",
            file=sys.stderr,
        )
    ctx = CliContext(db_target=args.db, username=args.user)
    try:
        return int(args.handler(args, ctx) or 0)
    except ValidationError as exc:
        print("error: the input has problems:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem.describe()}", file=sys.stderr)
        return 2
    except (CoopDeskError, CliError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` or a pager that quit: not an error of ours.
        _silence_stdout()
        return 0
    finally:
        ctx.close()


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    raise SystemExit(main())
