"""``documents``: the attached documents (certificates, receipts), kept in the database."""

from __future__ import annotations

import argparse
from pathlib import Path

from coop_desk import paths
from coop_desk.cli.context import CliContext
from coop_desk.cli.output import table
from coop_desk.domain.documents import describe_size
from coop_desk.i18n import _
from coop_desk.services import documents


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("documents", help=_("attached documents: list, get a copy, take in"))
    commands = group.add_subparsers(dest="documents_command", metavar="ACTION", required=True)

    lst = commands.add_parser(
        "list",
        help=_("every attached document and whether it is intact"),
        description=_(
            "List every record that attaches a document (certificates, payment receipts) with the document's SHA-256, size and state: intact, altered (its content no longer matches its SHA-256) or missing."
        ),
    )
    lst.set_defaults(handler=run_list)

    get = commands.add_parser(
        "get",
        help=_("write a copy of a document"),
        description=_(
            "Write a copy of the document whose SHA-256 begins with SHA (8 digits or more, as `documents list` shows) into a folder, under its original name."
        ),
    )
    get.add_argument("sha", metavar="SHA")
    get.add_argument("--out", type=Path, default=Path("."), help=_("folder (default: here)"))
    get.set_defaults(handler=run_get)

    take_in = commands.add_parser(
        "take-in",
        help=_("take in documents attached on this computer by coop-desk 0.1"),
        description=_(
            "coop-desk 0.1 copied attached documents into a folder of the computer that attached them; the upgrade took in that folder on the computer that ran it. On each other computer, run this to take in the documents attached there (default folder: this computer's). Files whose content does not match their name are left out and listed. The folder is not changed."
        ),
    )
    take_in.add_argument("folder", nargs="?", type=Path, help=_("the folder of documents"))
    take_in.set_defaults(handler=run_take_in)


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        found = documents.list_documents(session, actor)
    if not found:
        print(_("No record attaches a document."))
        return 0
    print(
        table(
            [_("State"), _("SHA-256"), _("Size"), _("Name"), _("Attached to")],
            (
                [
                    d.check.state.value,
                    d.reference.sha256[:12],
                    describe_size(d.check.size) if d.check.size is not None else "",
                    d.reference.name,
                    f"{d.reference.what} [{d.reference.record}]",
                ]
                for d in found
            ),
        )
    )
    bad = [d for d in found if not d.check.intact]
    print(
        _(
            "\n{count} attached documents; {count2} missing or altered.",
            count=len(found),
            count2=len(bad),
        )
    )
    return 1 if bad else 0


def run_get(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with ctx.db.reading(actor) as session:
        sha = documents.find_address(session, actor, args.sha)
        args.out.mkdir(parents=True, exist_ok=True)
        written = documents.save_copy(session, actor, sha, args.out)
    print(_("Wrote {written} (SHA-256 {sha}).", written=written, sha=sha))
    return 0


def run_take_in(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    folder = args.folder or paths.legacy_documents_dir()
    with ctx.db.transaction(actor) as session:
        result = documents.take_in_folder(session, actor, folder)
    print(
        _(
            "Took in {count} documents from {folder}; {already} were already in the database; {still_missing} referenced documents are not in this folder.",
            count=len(result.taken),
            folder=folder,
            already=result.already,
            still_missing=result.still_missing,
        )
    )
    for name in result.altered:
        print(_("  left out: {name} (its content does not match its name)", name=name))
    return 1 if result.altered else 0
