"""Certificate documents (to be replaced by the one document store)."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from coop_desk import paths
from coop_desk.domain.problems import Problem

MAX_DOCUMENT_BYTES = 100 * 1024 * 1024


def document_path(sha256: str, name: str = "") -> Path:
    """Where an attached document lives: the documents folder, named by its SHA-256 (with the
    original extension so the operating system opens it with the right program)."""
    suffix = Path(name).suffix.lower()[:10] if name else ""
    return paths.documents_dir() / f"{sha256}{suffix}"


def store_document(source: str | os.PathLike[str]) -> tuple[str, str]:
    """Copy a file into the documents folder under its SHA-256; returns (sha256, file name).

    The copy is written to a temporary file and renamed, so a half-copied document never
    carries a valid name. A file already stored (same content) is not copied again.
    """
    path = Path(source)
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    target = document_path(sha, path.name)
    if not target.exists():
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        os.close(fd)
        try:
            shutil.copyfile(path, tmp)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return sha, path.name


def document_problems(source: str | None) -> list[Problem]:
    if not source:
        return []
    path = Path(source)
    if not path.is_file():
        return [Problem("document_path", f"the file {source} does not exist")]
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        return [Problem("document_path", "the file is larger than 100 MB")]
    return []
