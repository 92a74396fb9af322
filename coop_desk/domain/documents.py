"""The rules of attached documents (scanned receipts, certificates, evidence): pure functions,
no database, no files. ``services.documents`` keeps the documents by these rules.

- A document is addressed by the SHA-256 of its bytes (lower-case hex): the same file attached
  twice is kept once, and any change to a kept copy shows, because its bytes no longer hash to
  its address.
- A document is at most :data:`MAX_DOCUMENT_BYTES` and never empty.
- The name a person gave the file is kept with the record that attaches it; a copy written
  for opening gets that name, made safe for every operating system.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from decimal import Decimal

from coop_desk.i18n import _, ngettext

# Every scan a cooperative attaches (a certificate of a few pages, a receipt photographed by a
# phone) is well under this; a document travels whole through memory and into every database
# backup, so a video or a folder zipped by mistake is refused with a way out.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# Characters Windows refuses in a file name, and control characters.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def content_sha256(data: bytes) -> str:
    """A document's address: the SHA-256 of its bytes, lower-case hex."""
    return hashlib.sha256(data).hexdigest()


def is_sha256(text: str) -> bool:
    return bool(_SHA256.match(text))


def describe_size(size: int) -> str:
    """``123`` -> "123 bytes"; ``52_428_800`` -> "50.0 MB" (1 MB = 1024 x 1024 bytes)."""
    if size < 1024:
        return ngettext("{n} byte", "{n} bytes", size)
    if size < 1024 * 1024:
        return _("{size} KB", size=(Decimal(size) / 1024).quantize(Decimal("0.1")))
    return _("{size} MB", size=(Decimal(size) / (1024 * 1024)).quantize(Decimal("0.1")))


def size_problem(size: int) -> str | None:
    """Why a file of ``size`` bytes cannot be attached, in words, or ``None``."""
    if size <= 0:
        return _("the file is empty")
    if size > MAX_DOCUMENT_BYTES:
        return _(
            "the file is {size}; an attached document can be at most {limit} (scan it at "
            "150-200 dpi, or split it)",
            size=describe_size(size),
            limit=describe_size(MAX_DOCUMENT_BYTES),
        )
    return None


def safe_file_name(name: str, fallback: str = "document") -> str:
    """``name`` as a file name every operating system accepts: no folder part, no characters
    Windows refuses, not a reserved device name, at most 120 characters (extension kept)."""
    base = re.split(r"[/\\]", unicodedata.normalize("NFC", name or ""))[-1]
    base = _UNSAFE.sub("_", base).strip().strip(".")
    if not base:
        return fallback
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    if stem.lower() in _RESERVED:
        stem = f"_{stem}"
    suffix = suffix[:10]
    stem = stem[: 120 - len(suffix) - 1] if suffix else stem[:120]
    return f"{stem}.{suffix}" if suffix else stem
