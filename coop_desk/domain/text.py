"""Text helpers: matching that ignores case, accents and spacing ("nunez" finds "Núñez")."""

from __future__ import annotations

import unicodedata

from coop_desk.i18n import _


def fold(text: str | None) -> str:
    """Lower-case, accent-free, single-spaced form of ``text`` for searching and matching."""
    if not text:
        return ""
    text = str(text)
    if text.isascii():
        # The common case, without the Unicode work: ASCII has no decomposition, no combining
        # marks, and its case folding is ``lower`` (same result, a tenth of the time).
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def fold_key(text: str | None) -> str:
    """Like :func:`fold` but without spaces and punctuation, for matching column headers
    and project names ("Área café (ha)" -> "areacafeha")."""
    return "".join(c for c in fold(text) if c.isalnum())


def clean(text: str | None) -> str:
    """Strip and collapse inner whitespace, keeping case and accents.

    ``str.split()`` splits at the characters ``\\s`` matches (``str.isspace``: every Unicode
    space), so the words joined by one space are the text with each run of them made one
    space, stripped (``re.sub(r"\\s+", " ", text).strip()``), without the pattern's work: the
    roster import cleans every name of every row twice."""
    if text is None:
        return ""
    return " ".join(str(text).split())


def quoted(text: object, limit: int = 60) -> str:
    """``text`` quoted for a message about it, cut to ``limit`` characters: a message names
    the value, it does not repeat a megabyte of it."""
    value = str(text)
    if len(value) <= limit:
        return repr(value)
    return repr(value[:limit]) + _("… ({count} characters)", count=format(len(value), ","))
