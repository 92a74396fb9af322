"""The core's catalogue (coop_desk/i18n.py): every message has its Spanish, the compiled
catalogue is current, and no user-facing text of the core escapes translation."""

from __future__ import annotations

import ast
import io
import re
import string
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from coop_desk import i18n
from coop_desk.i18n import _, formats, ngettext, use_language

ROOT = Path(__file__).resolve().parents[2]
PO = i18n.LOCALE_DIR / "es" / "LC_MESSAGES" / "coop_desk.po"
MO = PO.with_suffix(".mo")
# The same keywords as `make translations` (Makefile, BABEL_KEYWORDS).
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def _catalogue():  # type: ignore[no-untyped-def]
    with PO.open("rb") as f:
        return read_po(f, locale="es")


def _extracted() -> dict[str, str]:
    """msgid -> where it was found, extracted from the sources the way the Makefile does."""
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        singular = message[0] if isinstance(message, tuple) else message
        if singular:
            found.setdefault(singular, f"{filename}:{lineno}")
    return found


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_core_message_has_its_spanish():
    catalogue = _catalogue()
    extracted = _extracted()
    assert len(extracted) > 300
    missing = []
    for msgid, where in sorted(extracted.items(), key=lambda kv: kv[1]):
        entry = catalogue.get(msgid)
        if entry is None:
            entry = next(
                (m for m in catalogue if isinstance(m.id, tuple) and m.id[0] == msgid), None
            )
        strings = entry.string if entry is not None else ""
        texts = strings if isinstance(strings, tuple) else (strings,)
        if entry is None or entry.fuzzy or not all(t.strip() for t in texts):
            missing.append(f"{where}: {msgid!r}")
    assert missing == [], "run `make translations` and write the Spanish in coop_desk.po"


def test_translations_keep_the_placeholders_and_the_line_breaks():
    wrong = []
    for message in _catalogue():
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_fields(i) for i in ids))
        for text in texts:
            if text.startswith("\n") != ids[0].startswith("\n") or text.endswith("\n") != ids[
                0
            ].endswith("\n"):
                wrong.append((message.id, text))
            if _fields(text) - wanted or (
                not isinstance(message.id, tuple) and _fields(text) != wanted
            ):
                wrong.append((message.id, text))
    assert wrong == []


def _key(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def test_the_compiled_catalogue_is_current():
    out = io.BytesIO()
    write_mo(out, _catalogue())
    out.seek(0)
    fresh = {_key(m.id): _key(m.string) for m in read_mo(out) if m.id}
    with MO.open("rb") as f:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(f) if m.id}
    assert compiled == fresh, "run `make translations` and commit coop_desk.mo"


def test_messages_follow_the_language_in_effect():
    assert _("the member code is required") == "the member code is required"
    with use_language("es"):
        assert _("the member code is required") == "el código de socio es obligatorio"
        with use_language("en"):
            assert _("the member code is required") == "the member code is required"
        assert ngettext("{n} minute", "{n} minutes", 3) == "3 minutos"
        assert ngettext("{n} minute", "{n} minutes", 1) == "1 minuto"
    assert i18n.language() == "en"


def test_values_in_messages_are_formatted_for_the_language():
    with use_language("es"):
        assert formats.date_text(date(2026, 11, 27)) == "27/11/2026"
        assert formats.amount(Decimal("41291.375")) == "41,291.38"
        assert formats.rate(Decimal("3.75000000")) == "3.7500"
        assert formats.rate(Decimal("3.751234")) == "3.751234"
        assert formats.value(Decimal("2.50")) == "2.50"
        assert formats.value(2026) == "2026"
    assert formats.date_text(date(2026, 11, 27), "en") == "2026-11-27"
    assert formats.qt_date_pattern("es") == "dd/MM/yyyy"
    assert formats.excel_date_format("es") == "dd/mm/yyyy"


def test_times_are_shown_in_local_time(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/Lima")
    time.tzset()
    try:
        utc = datetime(2026, 11, 27, 15, 5, tzinfo=formats.UTC)
        assert formats.datetime_text(utc, "es") == "27/11/2026 10:05"
        assert formats.datetime_text(utc.replace(tzinfo=None), "en") == "2026-11-27 10:05"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_language_comes_from_coop_desk_lang_or_the_locale(monkeypatch):
    for name in ("COOP_DESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    assert i18n.environment_language() == "en"
    monkeypatch.setenv("LANG", "es_PE.UTF-8")
    assert i18n.environment_language() == "es"
    monkeypatch.setenv("COOP_DESK_LANG", "en")
    assert i18n.environment_language() == "en"


# --- user-facing literals must be wrapped -------------------------------------------------

CORE = [ROOT / "coop_desk" / d for d in ("domain", "services", "exchange", "cli")] + [
    ROOT / "coop_desk" / "errors.py",
    ROOT / "coop_desk" / "db.py",
    ROOT / "coop_desk" / "paths.py",
]
# Constructors whose text reaches the user: name -> (position of the text, its keyword).
MESSAGE_ARGUMENTS = {
    "Problem": (1, "message"),
    "Finding": (2, "message"),
    "Alert": (2, "message"),
    "problem": (1, "message"),
    "warn": (None, "message"),
    "print": (0, None),
    "add_parser": (None, "help"),
    "add_argument": (None, "help"),
    "ArgumentParser": (None, "description"),
}
# Raised for programming errors only (a bug, never a user's input): may stay English.
PROGRAMMER_ERRORS = {
    "AssertionError",
    "TypeError",
    "KeyError",
    "RuntimeError",
    "NotImplementedError",
    "StopIteration",
    "SystemExit",
    "_DryRun",
}
WORDS = re.compile(r"[A-Za-z]{2,}")


def _is_user_text(node: ast.AST) -> bool:
    """A literal with words in it (not a separator or a format-only f-string)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_is_user_text(part) for part in node.values)
    if isinstance(node, ast.BinOp):
        return _is_user_text(node.left) or _is_user_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_user_text(node.body) or _is_user_text(node.orelse)
    return False


def _callee(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _unwrapped(source: str, name: str) -> list[str]:
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        suspects: list[ast.AST] = []
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if _callee(node.exc) not in PROGRAMMER_ERRORS:
                suspects = [*node.exc.args, *(k.value for k in node.exc.keywords)]
        elif isinstance(node, ast.Call) and _callee(node) in MESSAGE_ARGUMENTS:
            position, keyword = MESSAGE_ARGUMENTS[_callee(node)]
            if position is not None and len(node.args) > position:
                suspects.append(node.args[position])
            suspects += [k.value for k in node.keywords if k.arg == keyword]
        for suspect in suspects:
            if _is_user_text(suspect):
                found.append(f"{name}:{suspect.lineno}")  # type: ignore[attr-defined]
    return found


def test_no_user_facing_literal_of_the_core_escapes_translation():
    files = [p for c in CORE for p in ([c] if c.is_file() else sorted(c.rglob("*.py")))]
    unwrapped = [
        where
        for path in files
        for where in _unwrapped(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert unwrapped == [], "wrap these texts with _() (coop_desk/i18n.py)"


@pytest.mark.parametrize(
    "source",
    [
        'raise Conflict("the year is closed")',
        'raise ParseError(f"{x!r} is not a DNI")',
        'problems.append(Problem("code", "the code is required"))',
        'Finding(Severity.ERROR, "x", "broken " + name, "")',
        'print(f"Imported {n} members")',
    ],
)
def test_the_literal_check_can_fail(source):
    assert _unwrapped(source, "probe.py") == ["probe.py:1"]


def test_amounts_round_as_money_rounds():
    """formats sits below the domain and rounds by itself: the same rule as round_money."""
    from coop_desk.domain.money import round_money

    for text in ("0.005", "-0.005", "2.675", "1234.565", "-41291.375", "0.015", "99999.995"):
        value = Decimal(text)
        assert formats.amount(value, language="es") == f"{round_money(value):,.2f}", text
