"""The language of everything the Qt-free core says: messages, labels, reports and workbooks.

English is the source language; ``coop_desk/i18n/locale/es/LC_MESSAGES/coop_desk.po`` holds the
Spanish (Peru) catalogue, compiled to ``coop_desk.mo`` beside it (GNU gettext, extracted with
Babel). The Qt GUI keeps its own ``.ts`` catalogue for the strings of its widgets; this one is
for ``domain``, ``services``, ``exchange``, ``cli`` and the labels they give the GUI.

Which language is in effect
    :func:`language`: the one set with :func:`use_language` in the current context, else the
    process's (:func:`set_language`). Each front end sets the process language once when it
    starts: the GUI the language the user chose, the command line ``COOP_DESK_LANG`` or the
    locale (:func:`environment_language`). A workbook is written in the *cooperative's*
    language whatever the GUI speaks: the service that writes it wraps the writing in
    ``with use_language(profile_language):``. That is a context variable, so a workbook written
    in a worker thread never depends on what another thread set, and the GUI never switches a
    global behind a running export.

How to write a message (the rules reviewers check)
    - ``_("the member code is required")``: translated when called, in the language in effect.
    - Values by name, never glued on: ``_("{code} is not a DNI", code=text)``, so Spanish can
      put them where its grammar wants. Dates and ``Decimal`` values passed this way are
      formatted for the language (:mod:`coop_desk.i18n.formats`: dd/mm/aaaa in Spanish); format an
      amount with :func:`coop_desk.i18n.formats.amount` first when it needs its two decimals.
    - Counts: ``ngettext("{n} member", "{n} members", n)``.
    - A module-level constant (a label table, a heading) is marked with ``N_("Active")`` and
      translated where it is shown: ``_(STATUS_LABELS[status])``.
    - Never translate a value the database stores or compares (codes, status keys, audit
      records): translate where it is shown.

Adding or changing a message
    Run ``make translations`` (extracts every marked string of the core with Babel into the
    ``.po``), write the Spanish of each new ``msgstr`` in ``coop_desk.po``, run ``make
    translations`` again (compiles the ``.mo``) and commit both. ``tests/unit/test_core_i18n.py``
    fails on a message without its Spanish, on a stale ``.mo``, and on a user-facing string
    literal that is not wrapped (``raise XError("...")``, ``Problem(...)``, ``Finding(...)``).
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = {"en": "English", "es": "Español"}
SOURCE_LANGUAGE = "en"
DOMAIN = "coop_desk"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"  # <language>/LC_MESSAGES/coop_desk.po

_process_language = SOURCE_LANGUAGE
_context_language: ContextVar[str | None] = ContextVar("coop_desk_language", default=None)


def normalize(code: str | None) -> str | None:
    """``"es"`` from ``"es"``, ``"es_PE.UTF-8"``, ``"ES-pe"``; ``None`` for a language we do
    not speak."""
    if not code:
        return None
    base = code.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None


def environment_language() -> str:
    """The command line's language: ``COOP_DESK_LANG``, else the locale's (``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``, ``LANGUAGE``), else English."""
    for name in ("COOP_DESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        for part in value.split(":"):  # LANGUAGE may list several
            code = normalize(part)
            if code:
                return code
    return SOURCE_LANGUAGE


def set_language(code: str) -> None:
    """The process's language (each front end, once, at start)."""
    global _process_language
    _process_language = normalize(code) or SOURCE_LANGUAGE


def language() -> str:
    """The language in effect here (context first, then the process's)."""
    return _context_language.get() or _process_language


@contextmanager
def use_language(code: str | None) -> Iterator[str]:
    """Speak ``code`` in this context (a workbook in the cooperative's language); the previous
    language is back afterwards. ``None`` or an unknown code keeps the language in effect."""
    chosen = normalize(code) or language()
    token = _context_language.set(chosen)
    try:
        yield chosen
    finally:
        _context_language.reset(token)


@cache
def _catalogue(code: str) -> _gettext.NullTranslations:
    if code == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[code], fallback=True)


def _fill(text: str, values: dict[str, Any]) -> str:
    if not values:
        return text
    from coop_desk.i18n import formats  # formats needs language() from here

    shown = {name: formats.value(v) for name, v in values.items()}
    return text.format_map(shown)


def _(message: str, /, **values: Any) -> str:
    """``message`` in the language in effect, with ``{name}`` placeholders filled from
    ``values`` (dates and decimals formatted for the language)."""
    if not message:
        return message
    return _fill(_catalogue(language()).gettext(message), values)


gettext = _


def remembered() -> Callable[..., str]:
    """``_`` for one run over many rows (a roster import's plan says the same few things of
    each row): each message with the same values is translated and filled once, then
    remembered. The values are told apart by their type and ``repr`` (``Decimal("1.0")`` and
    ``Decimal("1.00")`` are equal but written apart). The language is the one in effect when
    a message is first asked for: make one for a run, not for the life of the program."""
    memo: dict[Any, str] = {}  # a message without values is its own key

    def translate(message: str, /, **values: Any) -> str:
        key: Any = message
        if values:
            key = (
                message,
                *[(n, type(v), v if type(v) is str else repr(v)) for n, v in values.items()],
            )
        found = memo.get(key)
        if found is None:
            found = memo[key] = _(message, **values)
        return found

    return translate


def ngettext(singular: str, plural: str, n: int, /, **values: Any) -> str:
    """The singular or plural form for ``n`` in the language in effect; ``{n}`` is ``n``."""
    return _fill(_catalogue(language()).ngettext(singular, plural, n), {"n": n, **values})


def N_(message: str) -> str:  # noqa: N802 - the gettext convention extraction looks for
    """Marks ``message`` for the catalogue without translating it (module-level constants are
    built once, before anyone chose a language); translate it where it is shown with ``_``."""
    return message


def plain(message: str) -> str:
    """A translation without placeholders filled: for texts handed to code that formats them
    itself (``argparse``'s ``%(prog)s``)."""
    return _catalogue(language()).gettext(message) if message else message


def plain_ngettext(singular: str, plural: str, n: int) -> str:
    return _catalogue(language()).ngettext(singular, plural, n)
