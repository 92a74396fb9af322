"""The document store: every attached file (a certificate's scan, a payment's receipt, and any
later attachment such as deforestation evidence for a plot) kept by one set of rules, for the
GUI and the CLI alike.

The model
- A document's content lives in the database (table ``document``), addressed by the SHA-256
  of its bytes (``domain.documents``): the same file attached twice is kept once, every
  computer sharing a PostgreSQL database sees it, and a database backup holds it.
- The record that attaches a document keeps its address and the name the person gave the
  file (``certificate.document_sha256`` / ``document_name``, ``journal_entry.document_sha256``
  / ``document_name``). Those records are audited; the content proves itself against its
  address. Documents are never changed or removed: a certificate given a new scan keeps the
  old one in the store for the audit trail that names it.
- A file is read once: its bytes are hashed and stored as read, so what is kept is exactly
  what was hashed. At most ``MAX_DOCUMENT_BYTES``; an empty or larger file is refused in
  words, as a problem of the form field that named it.
- :func:`check_document` says whether a kept document is intact, altered (its bytes no longer
  hash to its address) or missing; ``verify`` checks every referenced document that way.
- To open a document, :func:`temporary_copy` writes it (after checking it) to a new temporary
  folder under its original name; the operating system opens it from there.

Records that attach documents are listed by the functions in :data:`REFERENCE_SOURCES`
(``verify`` and :func:`take_in_folder` use them); a new kind of attachment adds its own with
:func:`references_from`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coop_desk.domain.documents import (
    MAX_DOCUMENT_BYTES,
    content_sha256,
    is_sha256,
    safe_file_name,
    size_problem,
)
from coop_desk.domain.problems import Problem
from coop_desk.errors import CoopDeskError, NotFound, ValidationError
from coop_desk.i18n import _
from coop_desk.models import Certificate, CertScheme, Document, JournalEntry
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.verify import Finding, Severity, register

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "REFERENCE_SOURCES",
    "DocumentAltered",
    "DocumentCheck",
    "DocumentReference",
    "DocumentState",
    "StoredDocument",
    "TakeInResult",
    "check_document",
    "document_content",
    "document_problems",
    "AttachedDocument",
    "find_address",
    "keep",
    "list_documents",
    "save_copy",
    "references_from",
    "store_document",
    "take_in_folder",
    "temporary_copy",
]


class DocumentState(StrEnum):
    INTACT = "intact"  # kept, and its bytes still hash to its address
    ALTERED = "altered"  # kept, but its bytes no longer match: not to be trusted
    MISSING = "missing"  # not in the database


class DocumentAltered(CoopDeskError):
    """A kept document whose bytes no longer match its SHA-256."""


@dataclass(frozen=True)
class StoredDocument:
    sha256: str
    name: str  # as the person named the file
    size: int


@dataclass(frozen=True)
class DocumentCheck:
    sha256: str
    state: DocumentState
    size: int | None = None  # bytes kept (None when missing)

    @property
    def intact(self) -> bool:
        return self.state == DocumentState.INTACT


@dataclass(frozen=True)
class DocumentReference:
    """A record that attaches a document."""

    sha256: str
    name: str  # the name the record gives the file
    record: str  # "certificate 3", "journal_entry 42" (as verify names records)
    what: str  # in words: "the Fairtrade certificate 3784", "the receipt of entry 2025-0042"


# --- storing ----------------------------------------------------------------------------------


def document_problems(source: str | os.PathLike[str] | None, field: str) -> list[Problem]:
    """Why the file ``source`` cannot be attached (as problems of the form ``field``), or []."""
    if not source:
        return []
    path = Path(source)
    if not path.is_file():
        return [Problem(field, _("the file {path} does not exist", path=path))]
    try:
        size = path.stat().st_size
    except OSError as exc:
        return [Problem(field, _("the file cannot be read: {error}", error=exc.strerror or exc))]
    problem = size_problem(size)
    return [Problem(field, problem)] if problem else []


def store_document(
    session: Session, actor: Actor, source: str | os.PathLike[str], *, field: str
) -> StoredDocument:
    """Keep the file ``source`` in the store (once: the same content is not stored again) and
    return its address and name. Part of the caller's transaction; the caller's use case has
    checked its own permission (a certificate, a payment). A file that cannot be attached is
    a ``ValidationError`` on ``field``."""
    path = Path(source)
    problems = document_problems(path, field)
    if problems:
        raise ValidationError(problems)
    try:
        with path.open("rb") as handle:
            # One byte past the limit is enough to know the file grew past it.
            content = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise ValidationError(
            [Problem(field, _("the file could not be read: {error}", error=exc.strerror or exc))]
        ) from exc
    problem = size_problem(len(content))
    if problem:
        raise ValidationError([Problem(field, problem)])
    sha = content_sha256(content)
    if session.scalar(select(Document.sha256).where(Document.sha256 == sha)) is None:
        keep(session, actor, sha, path.name, content)
    return StoredDocument(sha, path.name, len(content))


def keep(session: Session, actor: Actor, sha256: str, name: str, content: bytes) -> None:
    """Insert a document whose address the caller computed. Another computer may store the
    same content between the caller's check and this insert: its row is then the same
    document, and the caller's transaction goes on (the insert runs in a savepoint)."""
    try:
        with session.begin_nested():
            session.add(
                Document(
                    sha256=sha256,
                    name=name[:255],
                    size=len(content),
                    content=content,
                    stored_by=actor.username,
                )
            )
    except IntegrityError:
        if session.scalar(select(Document.sha256).where(Document.sha256 == sha256)) is None:
            raise


# --- reading and checking -----------------------------------------------------------------------


def _check(session: Session, sha256: str) -> tuple[DocumentCheck, bytes | None]:
    content = session.scalar(select(Document.content).where(Document.sha256 == sha256))
    if content is None:
        return DocumentCheck(sha256, DocumentState.MISSING), None
    content = bytes(content)
    state = DocumentState.INTACT if content_sha256(content) == sha256 else DocumentState.ALTERED
    return DocumentCheck(sha256, state, len(content)), content


def check_document(session: Session, actor: Actor, sha256: str) -> DocumentCheck:
    """Whether the document ``sha256`` is kept and its bytes still hash to its address."""
    require(actor, Permission.READ)
    return _check(session, sha256)[0]


def document_content(session: Session, actor: Actor, sha256: str, name: str = "") -> bytes:
    """The bytes of a kept, intact document; ``NotFound`` when it is missing and
    ``DocumentAltered`` when its bytes no longer match its address."""
    require(actor, Permission.READ)
    check, content = _check(session, sha256)
    label = f"'{name}' (SHA-256 {sha256[:12]}…)" if name else f"SHA-256 {sha256[:12]}…"
    if check.state == DocumentState.MISSING or content is None:
        raise NotFound(
            _(
                "The document {document} is not in the database. If it was attached on another "
                "computer before documents were kept in the database, take it in there: "
                "coop-desk documents take-in FOLDER.",
                document=label,
            )
        )
    if check.state == DocumentState.ALTERED:
        raise DocumentAltered(
            _(
                "The document {document} was changed since it was attached: its content no "
                "longer matches its SHA-256, so it is not shown.",
                document=label,
            )
        )
    return content


def save_copy(
    session: Session,
    actor: Actor,
    sha256: str,
    folder: str | os.PathLike[str],
    name: str | None = None,
) -> Path:
    """Write the document into ``folder`` under ``name`` (by default the name it was first
    stored under), made safe for the operating system; an existing file of that name is not
    overwritten (" (2)" is added). Refused, like :func:`document_content`, when the document
    is missing or altered."""
    if name is None:
        name = session.scalar(select(Document.name).where(Document.sha256 == sha256)) or ""
    content = document_content(session, actor, sha256, name)
    target = Path(folder) / safe_file_name(name, fallback=sha256[:12])
    stem, suffix, counter = target.stem, target.suffix, 1
    while target.exists():
        counter += 1
        target = target.with_name(f"{stem} ({counter}){suffix}")
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(content)
    partial.replace(target)
    return target


def temporary_copy(session: Session, actor: Actor, sha256: str, name: str) -> Path:
    """The document written into a new temporary folder under its original ``name``, for the
    operating system to open (the GUI's "Open document")."""
    return save_copy(session, actor, sha256, tempfile.mkdtemp(prefix="coop-desk-document-"), name)


def find_address(session: Session, actor: Actor, prefix: str) -> str:
    """The full address of the one kept document whose SHA-256 starts with ``prefix`` (at
    least 8 hex digits, as listings show them)."""
    require(actor, Permission.READ)
    key = prefix.strip().lower()
    if len(key) < 8 or not all(c in "0123456789abcdef" for c in key):
        raise NotFound(
            _("'{text}' is not a SHA-256 (give at least its first 8 hex digits).", text=prefix)
        )
    found = list(
        session.scalars(select(Document.sha256).where(Document.sha256.like(f"{key}%")).limit(2))
    )
    if not found:
        raise NotFound(_("No document's SHA-256 begins with {digits}.", digits=key))
    if len(found) > 1:
        raise NotFound(
            _("Several documents' SHA-256 begin with {digits}; give more digits.", digits=key)
        )
    return found[0]


# --- who references documents -------------------------------------------------------------------

ReferenceSource = Callable[[Session], Iterable[DocumentReference]]

# Every kind of record that attaches documents (verify and take_in_folder read them all).
REFERENCE_SOURCES: list[ReferenceSource] = []


def references_from(source: ReferenceSource) -> ReferenceSource:
    """Register a function listing the records of one kind that attach documents."""
    if source not in REFERENCE_SOURCES:
        REFERENCE_SOURCES.append(source)
    return source


@references_from
def _certificate_documents(session: Session) -> Iterable[DocumentReference]:
    rows = session.execute(
        select(
            Certificate.id,
            Certificate.document_sha256,
            Certificate.document_name,
            Certificate.number,
            CertScheme.name,
        )
        .join(CertScheme, CertScheme.id == Certificate.scheme_id)
        .where(Certificate.document_sha256.is_not(None), Certificate.document_sha256 != "")
        .order_by(Certificate.id)
    )
    for cid, sha, name, number, scheme in rows:
        yield DocumentReference(
            sha,
            name,
            f"certificate {cid}",
            _("the {scheme} certificate {number}", scheme=scheme, number=number),
        )


@references_from
def _receipt_documents(session: Session) -> Iterable[DocumentReference]:
    rows = session.execute(
        select(
            JournalEntry.id,
            JournalEntry.document_sha256,
            JournalEntry.document_name,
            JournalEntry.fiscal_year,
            JournalEntry.number,
        )
        .where(JournalEntry.document_sha256 != "")
        .order_by(JournalEntry.id)
    )
    for eid, sha, name, year, number in rows:
        # The entry number as the journal shows it ("2025-0042").
        shown = f"{year}-{number:04d}"
        yield DocumentReference(
            sha, name, f"journal_entry {eid}", _("the receipt of entry {entry}", entry=shown)
        )


@dataclass(frozen=True)
class AttachedDocument:
    """A record's document and how it is kept."""

    reference: DocumentReference
    check: DocumentCheck


def list_documents(session: Session, actor: Actor) -> list[AttachedDocument]:
    """Every record that attaches a document, with its document checked (each document is
    read and hashed once)."""
    require(actor, Permission.READ)
    checks: dict[str, DocumentCheck] = {}
    out = []
    for ref in _references(session):
        if ref.sha256 not in checks:
            checks[ref.sha256] = _check(session, ref.sha256)[0]
        out.append(AttachedDocument(ref, checks[ref.sha256]))
    return out


def _references(session: Session) -> list[DocumentReference]:
    return [ref for source in REFERENCE_SOURCES for ref in source(session)]


# --- taking in a documents folder -----------------------------------------------------------------


@dataclass(frozen=True)
class TakeInResult:
    taken: tuple[str, ...]  # addresses taken in
    already: int  # referenced files already in the database
    altered: tuple[str, ...]  # files whose content does not match their name: left out
    still_missing: int  # referenced documents not found in the folder


def take_in_folder(session: Session, actor: Actor, folder: str | os.PathLike[str]) -> TakeInResult:
    """Take in, from a documents folder of coop-desk 0.1 (files named ``<sha256><suffix>``),
    every document a record references that the database lacks: the documents attached on a
    computer other than the one that ran migration 0410. A file whose bytes do not hash to its
    name is left out and named. The folder is not changed."""
    require(actor, Permission.SETTINGS_WRITE)
    path = Path(folder)
    if not path.is_dir():
        raise NotFound(_("There is no folder {path}.", path=path))
    names: dict[str, str] = {}
    for ref in _references(session):
        names.setdefault(ref.sha256, ref.name)
    present = set(session.scalars(select(Document.sha256).where(Document.sha256.in_(list(names)))))
    wanted = {sha: name for sha, name in names.items() if sha not in present}
    taken: list[str] = []
    altered: list[str] = []
    for file in sorted(path.iterdir()):
        sha = file.name.split(".", 1)[0]
        if sha not in wanted or not is_sha256(sha) or not file.is_file():
            continue
        content = file.read_bytes()
        if not content or content_sha256(content) != sha:
            altered.append(file.name)
            continue
        keep(session, actor, sha, wanted.pop(sha), content)
        taken.append(sha)
    return TakeInResult(tuple(taken), len(present), tuple(altered), len(wanted))


# --- verify ---------------------------------------------------------------------------------------


@register("documents.integrity")
def check_documents(session: Session, today: date) -> list[Finding]:
    """Every document a record attaches is in the database and its bytes still hash to its
    address. Each document is read and hashed once, one at a time."""
    refs = _references(session)
    by_sha: dict[str, list[DocumentReference]] = {}
    for ref in refs:
        by_sha.setdefault(ref.sha256, []).append(ref)
    findings: list[Finding] = []
    for sha, users in by_sha.items():
        state = _check(session, sha)[0].state
        if state == DocumentState.INTACT:
            continue
        for ref in users:
            if state == DocumentState.MISSING:
                findings.append(
                    Finding(
                        Severity.ERROR,
                        "documents.missing",
                        _(
                            "the document '{name}' of {what} (SHA-256 {sha}…) is not in the "
                            "database; if it was attached on another computer, run "
                            "`coop-desk documents take-in FOLDER` there",
                            name=ref.name,
                            what=ref.what,
                            sha=sha[:12],
                        ),
                        ref.record,
                    )
                )
            else:
                findings.append(
                    Finding(
                        Severity.ERROR,
                        "documents.altered",
                        _(
                            "the document '{name}' of {what} no longer matches its SHA-256 {sha}…",
                            name=ref.name,
                            what=ref.what,
                            sha=sha[:12],
                        ),
                        ref.record,
                    )
                )
    return findings
