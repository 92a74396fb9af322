"""The one document store: certificates and payment receipts kept by the same rules, in the
database; verify names any referenced document missing or altered; migration 0410 takes in the
documents folder of coop-desk 0.1; the CLI lists, copies out and takes in documents."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from decimal import Decimal as D

import pytest
from alembic import command
from sqlalchemy import delete, func, select, text, update

from coop_desk import paths
from coop_desk.cli import main
from coop_desk.db import Database, _config_with_engine, make_engine, resolve_url
from coop_desk.domain.certification import CertificateInput
from coop_desk.domain.documents import (
    MAX_DOCUMENT_BYTES,
    describe_size,
    safe_file_name,
    size_problem,
)
from coop_desk.errors import NotFound, PermissionDenied, ValidationError
from coop_desk.models import Document
from coop_desk.services import certification as certs
from coop_desk.services import documents
from coop_desk.services.access import Actor, Role
from coop_desk.services.documents import DocumentAltered, DocumentState
from coop_desk.services.ledger import operations
from coop_desk.services.verify import verify
from tests.conftest import TODAY
from tests.unit.test_ledger_services import set_up


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def save_certificate(session, actor, number: str, path) -> certs.CertificateRow:  # type: ignore[no-untyped-def]
    return certs.save_certificate(
        session,
        actor,
        CertificateInput(
            scheme_id=certs.scheme_id(session, "fairtrade"),
            certifier="FLOCERT",
            number=number,
            issue_date=date(2025, 10, 3),
            expiry_date=date(2028, 10, 3),
            document_path=str(path) if path else None,
        ),
    )


# --- the rules ---------------------------------------------------------------------------------


def test_size_rules_say_what_to_do():
    assert size_problem(1) is None and size_problem(MAX_DOCUMENT_BYTES) is None
    assert size_problem(0) == "the file is empty"
    too_big = size_problem(MAX_DOCUMENT_BYTES + 1)
    assert too_big is not None
    assert "50.0 MB" in too_big and "at most 50.0 MB" in too_big and "dpi" in too_big
    assert describe_size(900) == "900 bytes" and describe_size(1536) == "1.5 KB"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Factura F001-231.PDF", "Factura F001-231.PDF"),
        ("../../etc/passwd", "passwd"),
        ("C:\\scans\\recibo:1?.jpg", "recibo_1_.jpg"),
        ("CON.pdf", "_CON.pdf"),
        ("", "document"),
        ("...", "document"),
        ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
    ],
)
def test_copies_get_a_name_every_system_accepts(name, safe):
    assert safe_file_name(name) == safe


# --- storing ---------------------------------------------------------------------------------


def test_same_content_is_kept_once_under_each_records_own_name(db, actor, tmp_path):
    """Two certificates attach the same scan under different names: one document, two names."""
    first = tmp_path / "Certificado FLO.pdf"
    second = tmp_path / "copia.PDF"
    first.write_bytes(b"%PDF-1.4 FLO 3784")
    second.write_bytes(first.read_bytes())
    with db.transaction(actor) as s:
        a = save_certificate(s, actor, "3784", first)
        b = save_certificate(s, actor, "3785", second)
    assert a.document_sha256 == b.document_sha256 == sha(first.read_bytes())
    assert (a.document_name, b.document_name) == ("Certificado FLO.pdf", "copia.PDF")
    with db.reading(actor) as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1
        kept = s.execute(select(Document.name, Document.size, Document.stored_by)).one()
        assert tuple(kept) == ("Certificado FLO.pdf", len(first.read_bytes()), actor.username)
        check = documents.check_document(s, actor, a.document_sha256)
        assert check.state == DocumentState.INTACT and check.size == len(first.read_bytes())


def test_the_same_content_stored_meanwhile_by_another_computer_is_the_same_document(db, actor):
    """Two PCs attach the same scan at once: the second insert meets the first's row, and its
    transaction goes on (savepoint) instead of failing."""
    content = b"%PDF attached on two PCs"
    with db.transaction(actor) as other_pc:
        documents.keep(other_pc, actor, sha(content), "pc1.pdf", content)
    with db.transaction(actor) as s:
        documents.keep(s, actor, sha(content), "pc2.pdf", content)
        scheme = certs.scheme_id(s, "fairtrade")  # the transaction is still usable
    with db.reading(actor) as s:
        assert s.execute(select(Document.name)).scalars().all() == ["pc1.pdf"]
    assert scheme


def test_an_empty_or_too_large_file_is_refused_on_its_field(db, actor, tmp_path):
    empty = tmp_path / "vacío.pdf"
    empty.write_bytes(b"")
    huge = tmp_path / "video.mp4"
    with huge.open("wb") as handle:  # sparse: no 50 MB written
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    for path, words in ((empty, "empty"), (huge, "at most 50.0 MB")):
        with db.transaction(actor) as s, pytest.raises(ValidationError) as info:
            save_certificate(s, actor, "1", path)
        assert [(p.field, words in p.message) for p in info.value.problems] == [
            ("document_path", True)
        ]
    with db.reading(actor) as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


def test_a_receipt_and_a_certificate_share_the_store(sqlite_db, actor, tmp_path):
    """The ledger's receipts follow the same rules: same scan, same document; too large is
    refused on the payment's receipt field."""
    scan = tmp_path / "recibo.jpg"
    scan.write_bytes(b"\xff\xd8 receipt and certificate")
    with sqlite_db.transaction(actor) as s:
        books = set_up(s, actor)
        cert = save_certificate(s, actor, "3784", scan)
        entry = operations.record_project_payment(
            s,
            actor,
            project_id=books.projects["quality_improvement"],
            account_id=books.bank_usd,
            entry_date=date(2024, 4, 2),
            amount=D("300.00"),
            payee="Metalmecánica",
            voucher="F001-231",
            description="Solar dryer",
            receipt_file=scan,
            accept=operations.ALL_WARNINGS,
        )
    assert entry.document_sha256 == cert.document_sha256
    with sqlite_db.reading(actor) as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1
        refs = documents.list_documents(s, actor)
    assert [(d.reference.record, d.check.intact) for d in refs] == [
        (f"certificate {cert.id}", True),
        (f"journal_entry {entry.id}", True),
    ]
    huge = tmp_path / "big.pdf"
    with huge.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with sqlite_db.transaction(actor) as s, pytest.raises(ValidationError) as info:
        operations.record_project_payment(
            s,
            actor,
            project_id=books.projects["quality_improvement"],
            account_id=books.bank_usd,
            entry_date=date(2024, 4, 3),
            amount=D("1.00"),
            payee="x",
            voucher="y",
            description="z",
            receipt_file=huge,
            accept=operations.ALL_WARNINGS,
        )
    assert [p.field for p in info.value.problems] == ["receipt_file"]


# --- reading, checking, verify -------------------------------------------------------------------


def test_a_copy_is_written_only_when_the_document_is_intact(db, actor, tmp_path):
    scan = tmp_path / "Cert: 2025?.pdf"
    scan.write_bytes(b"%PDF scan")
    with db.transaction(actor) as s:
        row = save_certificate(s, actor, "3784", scan)
    digest = row.document_sha256
    assert digest is not None
    with db.reading(actor) as s:
        copy = documents.temporary_copy(s, actor, digest, row.document_name)
        again = documents.save_copy(s, actor, digest, copy.parent)
    assert copy.name == "Cert_ 2025_.pdf" and copy.read_bytes() == b"%PDF scan"
    assert again.name == "Cert_ 2025_ (2).pdf"  # never overwrites
    with db.transaction(actor) as s:
        s.execute(update(Document).values(content=b"%PDF forged"))
    with db.reading(actor) as s:
        assert documents.check_document(s, actor, digest).state == DocumentState.ALTERED
        with pytest.raises(DocumentAltered, match="no longer matches its SHA-256"):
            documents.temporary_copy(s, actor, digest, row.document_name)
    with db.transaction(actor) as s:
        s.execute(delete(Document))
    with db.reading(actor) as s:
        assert documents.check_document(s, actor, digest).state == DocumentState.MISSING
        with pytest.raises(NotFound, match="take-in"):
            documents.document_content(s, actor, digest)


def test_verify_names_every_record_whose_document_is_missing_or_altered(sqlite_db, actor, tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF 1")
    other = tmp_path / "otro.pdf"
    other.write_bytes(b"%PDF 2")
    with sqlite_db.transaction(actor) as s:
        books = set_up(s, actor)
        cert = save_certificate(s, actor, "3784", scan)
        entry = operations.record_project_payment(
            s,
            actor,
            project_id=books.projects["quality_improvement"],
            account_id=books.bank_usd,
            entry_date=date(2024, 4, 2),
            amount=D("300.00"),
            payee="Metalmecánica",
            voucher="F001-231",
            description="Solar dryer",
            receipt_file=other,
            accept=operations.ALL_WARNINGS,
        )
    with sqlite_db.reading(actor) as s:
        assert verify(s, actor, TODAY).errors == []
    with sqlite_db.transaction(actor) as s:
        s.execute(delete(Document).where(Document.sha256 == cert.document_sha256))
        s.execute(
            update(Document)
            .where(Document.sha256 == entry.document_sha256)
            .values(content=b"%PDF 3")
        )
    with sqlite_db.reading(actor) as s:
        errors = verify(s, actor, TODAY).errors
    assert [(f.check, f.record) for f in errors] == [
        ("documents.missing", f"certificate {cert.id}"),
        ("documents.altered", f"journal_entry {entry.id}"),
    ]
    assert "'scan.pdf' of the Fairtrade certificate 3784" in errors[0].message
    assert "'otro.pdf' of the receipt of entry 2024-" in errors[1].message


# --- taking in a 0.1 documents folder ----------------------------------------------------------


def test_take_in_adds_referenced_intact_files_only(db, actor, tmp_path):
    wanted, forged = b"%PDF from the other PC", b"%PDF original"
    with db.transaction(actor) as s:
        for number, content in (("2", wanted), ("3", forged)):
            path = tmp_path / f"{number}.pdf"
            path.write_bytes(content)
            save_certificate(s, actor, number, path)
        s.execute(delete(Document))  # as if attached on another computer by 0.1
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / f"{sha(wanted)}.pdf").write_bytes(wanted)
    (folder / f"{sha(forged)}.pdf").write_bytes(b"%PDF changed later")
    (folder / f"{sha(b'nobody')}.pdf").write_bytes(b"nobody")
    (folder / "notes.txt").write_text("not a document")
    auditor = Actor("ana", Role.AUDITOR)
    with db.transaction(auditor) as s, pytest.raises(PermissionDenied):
        documents.take_in_folder(s, auditor, folder)
    with db.transaction(actor) as s:
        result = documents.take_in_folder(s, actor, folder)
    assert result.taken == (sha(wanted),)
    assert result.altered == (f"{sha(forged)}.pdf",)
    assert (result.already, result.still_missing) == (0, 1)
    with db.reading(actor) as s:
        assert documents.document_content(s, actor, sha(wanted)) == wanted
        assert documents.check_document(s, actor, sha(b"nobody")).state == DocumentState.MISSING
    assert len(list(folder.iterdir())) == 4  # the folder is left as it was


def test_migration_0410_takes_in_the_documents_folder_and_its_downgrade_gives_it_back(tmp_path):
    path = tmp_path / "v01.sqlite"
    engine = make_engine(resolve_url(path))
    config = _config_with_engine(engine)
    command.upgrade(config, "0300")
    kept, forged, elsewhere = b"%PDF kept", b"%PDF forged original", b"%PDF on the other PC"
    folder = paths.legacy_documents_dir()
    folder.mkdir(parents=True)
    (folder / f"{sha(kept)}.pdf").write_bytes(kept)
    (folder / f"{sha(forged)}.pdf").write_bytes(b"%PDF changed")
    with engine.begin() as conn:
        scheme = conn.execute(text("SELECT id FROM cert_scheme WHERE code = 'fairtrade'")).scalar()
        for number, content in (("1", kept), ("2", forged), ("3", elsewhere)):
            conn.execute(
                text(
                    "INSERT INTO certificate (scheme_id, certifier, number, scope, issue_date, "
                    "expiry_date, document_sha256, document_name, notes, created_at, "
                    "updated_at, recorded_by) VALUES (:s, 'FLOCERT', :n, '', '2025-10-03', "
                    "'2028-10-03', :sha, :name, '', '2025-10-03 00:00:00', "
                    "'2025-10-03 00:00:00', 'ana')"
                ),
                {"s": scheme, "n": number, "sha": sha(content), "name": f"FLO {number}.pdf"},
            )
    engine.dispose()

    db = Database.open(path)  # runs 0410
    system = Actor("system", Role.ADMINISTRATOR)
    try:
        with db.reading(system) as s:
            assert documents.document_content(s, system, sha(kept)) == kept
            assert s.scalar(select(Document.name)) == "FLO 1.pdf"
            findings = verify(s, system, TODAY).errors
        assert sorted((f.check, f.record) for f in findings) == [
            ("documents.missing", "certificate 2"),
            ("documents.missing", "certificate 3"),
        ]
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            [f"{sha(kept)}.pdf", f"{sha(forged)}.pdf"]
        )  # untouched
        other = tmp_path / "other-pc"
        other.mkdir()
        (other / f"{sha(elsewhere)}.pdf").write_bytes(elsewhere)
        with db.transaction(system) as s:
            assert documents.take_in_folder(s, system, other).taken == (sha(elsewhere),)
        (folder / f"{sha(kept)}.pdf").unlink()  # the folder is no longer needed ...
    finally:
        db.close()
    command.downgrade(config, "0300")  # ... and a downgrade writes the documents back
    assert (folder / f"{sha(kept)}.pdf").read_bytes() == kept
    assert (folder / f"{sha(elsewhere)}.pdf").read_bytes() == elsewhere
    engine.dispose()


# --- the command line -------------------------------------------------------------------------


def test_cli_lists_copies_out_and_takes_in(tmp_path, capsys):
    path = tmp_path / "coop.sqlite"
    db = Database.open(path)
    system = Actor("system", Role.ADMINISTRATOR)
    scan = tmp_path / "Certificado.pdf"
    scan.write_bytes(b"%PDF 3784")
    with db.transaction(system) as s:
        row = save_certificate(s, system, "3784", scan)
    db.close()
    digest = row.document_sha256
    assert digest is not None

    assert main(["--db", str(path), "documents", "list"]) == 0
    out = capsys.readouterr().out
    assert "intact" in out and digest[:12] in out and "Certificado.pdf" in out
    assert f"certificate {row.id}" in out

    out_dir = tmp_path / "out"
    assert main(["--db", str(path), "documents", "get", digest[:10], "--out", str(out_dir)]) == 0
    assert (out_dir / "Certificado.pdf").read_bytes() == b"%PDF 3784"
    assert main(["--db", str(path), "documents", "get", "zz"]) == 2
    assert "not a SHA-256" in capsys.readouterr().err

    db = Database.open(path)
    with db.transaction(system) as s:
        s.execute(delete(Document))
    db.close()
    assert main(["--db", str(path), "documents", "list"]) == 1
    assert "missing" in capsys.readouterr().out
    legacy = paths.legacy_documents_dir()
    legacy.mkdir(parents=True)
    (legacy / f"{digest}.pdf").write_bytes(b"%PDF 3784")
    assert main(["--db", str(path), "documents", "take-in"]) == 0
    assert "Took in 1 documents" in capsys.readouterr().out
    assert main(["--db", str(path), "verify"]) == 0
    assert os.listdir(legacy) == [f"{digest}.pdf"]
