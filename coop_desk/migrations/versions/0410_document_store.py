"""one document store: attached files' content in the database, addressed by SHA-256

Until now certificate documents and payment receipts were copied into the documents folder of
the computer that attached them. That folder is not shared by the other computers of a
PostgreSQL installation and is not in a database backup. This revision creates the
``document`` table and takes in every referenced document found, intact, in this computer's
documents folder. The folder is left as it is (nothing is deleted); documents attached on
another computer are taken in there with ``coop-desk documents take-in FOLDER``, and
``coop-desk verify`` names any that is still missing.

Frozen code: the folder's location, the hash and the table are copied here, so this revision
does the same thing whatever the program's code becomes.

Revision ID: 0410
Revises: 0300
Create Date: 2026-12-02 10:00:00.000000
"""

import hashlib
import logging
import os
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import op
from platformdirs import user_data_path

revision: str = "0410"
down_revision: str | Sequence[str] | None = "0300"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("coop_desk.migrations")

_SHA256 = re.compile(r"^[0-9a-f]{64}$")

document = sa.table(
    "document",
    sa.column("sha256", sa.String),
    sa.column("name", sa.String),
    sa.column("size", sa.Integer),
    sa.column("content", sa.LargeBinary),
    sa.column("stored_at", sa.DateTime),
    sa.column("stored_by", sa.String),
)


def _documents_folder() -> Path:
    """Where coop-desk 0.1 copied attached files (``paths.documents_dir`` then)."""
    override = os.environ.get("COOP_DESK_DATA_DIR")
    base = Path(override) if override else user_data_path("coop-desk", appauthor=False)
    return base / "documents"


def _referenced(connection: sa.Connection) -> dict[str, str]:
    """SHA-256 -> the name the first record attaching it gave the file."""
    found: dict[str, str] = {}
    for table in ("certificate", "journal_entry"):
        rows = connection.execute(
            sa.text(
                f"SELECT document_sha256, document_name FROM {table} "  # noqa: S608 - fixed names
                "WHERE document_sha256 IS NOT NULL AND document_sha256 <> '' ORDER BY id"
            )
        )
        for sha, name in rows:
            found.setdefault(sha, name or "")
    return found


def take_in_folder(connection: sa.Connection, folder: Path) -> tuple[int, int]:
    """Insert the referenced documents found intact in ``folder`` (files named
    ``<sha256><suffix>``); returns (taken in, referenced but not found intact)."""
    wanted = _referenced(connection)
    present = set(connection.execute(sa.select(document.c.sha256)).scalars())
    missing = {sha: name for sha, name in wanted.items() if sha not in present}
    taken = 0
    if missing and folder.is_dir():
        for path in sorted(folder.iterdir()):
            sha = path.name.split(".", 1)[0]
            if sha not in missing or not _SHA256.match(sha) or not path.is_file():
                continue
            content = path.read_bytes()
            if not content or hashlib.sha256(content).hexdigest() != sha:
                continue  # altered or half copied: verify names the record
            connection.execute(
                document.insert().values(
                    sha256=sha,
                    name=missing.pop(sha)[:255],
                    size=len(content),
                    content=content,
                    stored_at=datetime.now(UTC).replace(tzinfo=None),
                    stored_by="migration 0410",
                )
            )
            taken += 1
    return taken, len(missing)


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.Column("stored_by", sa.String(length=60), nullable=False),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_document_sha256")),
        sa.CheckConstraint("size > 0", name=op.f("ck_document_size")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_document")),
    )
    folder = _documents_folder()
    taken, missing = take_in_folder(op.get_bind(), folder)
    if taken or missing:
        log.warning(
            "documents: %d taken into the database from %s; %d referenced but not there "
            "(attached on another computer? run `coop-desk documents take-in FOLDER` there)",
            taken,
            folder,
            missing,
        )


def downgrade() -> None:
    # The documents go back to the folder first: a downgrade never loses an attached file.
    folder = _documents_folder()
    connection = op.get_bind()
    rows = connection.execute(sa.select(document.c.sha256, document.c.name)).all()
    if rows:
        folder.mkdir(parents=True, exist_ok=True)
    for sha, name in rows:
        suffix = Path(name).suffix.lower()[:10] if name else ""
        target = folder / f"{sha}{suffix}"
        if not target.exists():
            content = connection.execute(
                sa.select(document.c.content).where(document.c.sha256 == sha)
            ).scalar_one()
            partial = target.with_name(target.name + ".part")
            partial.write_bytes(content)
            partial.replace(target)
    op.drop_table("document")
