"""The Beancount file format (plain-text accounting): writing a ledger as Beancount text, and
reading one back with the ``beancount`` package (``bean-check``'s own loader).

This module knows the syntax only: account names, quoting, amounts, ``open`` directives,
transactions with metadata, tags, links and total prices (``@@``), comments, and writing the
file atomically. What goes into the file (which entries, which accounts, how coop-desk's
journal maps onto Beancount) is the use case's: ``services.ledger.beancount``.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOTS = {
    "asset": "Assets",
    "liability": "Liabilities",
    "equity": "Equity",
    "income": "Income",
    "expense": "Expenses",
}


@dataclass(frozen=True)
class Open:
    """An ``open`` directive: the account may be used from ``day``, in ``currency`` only when
    one is given."""

    day: date
    account: str
    currency: str = ""


@dataclass(frozen=True)
class Posting:
    """One leg. ``price`` is a total price (``@@``) in ``price_currency``. A leg of zero units
    cannot be written in Beancount: it is kept as a comment naming its ``price`` (the value it
    holds), so a reader still sees it."""

    account: str
    amount: Decimal
    currency: str
    price: Decimal | None = None
    price_currency: str = ""
    memo: str = ""


@dataclass(frozen=True)
class Transaction:
    day: date
    narration: str
    postings: Sequence[Posting]
    payee: str = ""
    flag: str = "*"  # "*" complete, "!" needs attention (a provisional figure)
    tags: Sequence[str] = ()
    links: Sequence[str] = ()
    meta: Sequence[tuple[str, str]] = ()  # written in this order; empty values are left out


@dataclass(frozen=True)
class Comment:
    """A line of text for the reader, not for the ledger."""

    text: str


Block = Transaction | Comment


def account_name(kind: str, code: str, name: str) -> str:
    """A valid Beancount account name: ``Assets:1010-Bank-USD`` (accents dropped)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = [w for w in re.split(r"[^A-Za-z0-9]+", ascii_name) if w]
    component = "-".join([code, *(w[0].upper() + w[1:] for w in words)])
    component = re.sub(r"[^A-Za-z0-9-]", "-", component).strip("-") or "Account"
    if not component[0].isalnum():
        component = "A" + component
    return f"{ROOTS[kind]}:{component[0].upper()}{component[1:]}"


def quote(text: str) -> str:
    cleaned = " ".join(text.split())
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


def amount_text(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.01")), "f")


def _transaction(t: Transaction) -> list[str]:
    head = f"{t.day.isoformat()} {t.flag} {quote(t.payee)} {quote(t.narration)}"
    head += "".join(f" #{tag}" for tag in t.tags)
    head += "".join(f" ^{link}" for link in t.links)
    lines = [head]
    lines += [f"  {key}: {quote(value)}" for key, value in t.meta if value]
    for p in t.postings:
        if p.amount == 0:
            value = "" if p.price is None else f" ({p.price_currency} value {amount_text(p.price)})"
            lines.append(f"  ; {p.account} 0.00 {p.currency}{value} carries no units")
            continue
        text = f"  {p.account}  {amount_text(p.amount)} {p.currency}"
        if p.price is not None:
            text += f" @@ {amount_text(p.price)} {p.price_currency}"
        if p.memo:
            text += f"  ; {' '.join(p.memo.split())}"
        lines.append(text)
    return lines


def render(
    *,
    title: str,
    operating_currency: str,
    opens: Sequence[Open],
    blocks: Sequence[Block],
    preamble: Sequence[str] = (),
) -> str:
    """The whole file: ``preamble`` comment lines, the options, the ``open`` directives, then
    each transaction or comment, separated by blank lines."""
    out = [f"; {line}" for line in preamble]
    out += [
        f'option "title" {quote(title)}',
        f'option "operating_currency" "{operating_currency}"',
        "",
    ]
    for o in opens:
        constraint = f" {o.currency}" if o.currency else ""
        out.append(f"{o.day.isoformat()} open {o.account}{constraint}")
    out.append("")
    for block in blocks:
        if isinstance(block, Comment):
            out.append(f"; {block.text}")
        else:
            out.extend(_transaction(block))
        out.append("")
    return "\n".join(out)


def write_text(target: Path, text: str) -> None:
    """Write the file atomically: a half-written file never replaces a good one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".coop-desk-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def beancount_balances(path: Path) -> tuple[dict[tuple[str, str], Decimal], list[str]]:
    """Units per (account, currency) computed by the ``beancount`` package itself, and its
    error messages (the package is a test dependency: imported only when asked)."""
    from beancount import loader
    from beancount.core import realization

    entries, errors, _options = loader.load_file(str(path))
    totals: dict[tuple[str, str], Decimal] = {}
    real = realization.realize(entries)
    for real_account in realization.iter_children(real):
        for position in real_account.balance:
            key = (real_account.account, position.units.currency)
            totals[key] = totals.get(key, Decimal(0)) + position.units.number
    return {k: v for k, v in totals.items() if v != 0}, [str(e.message) for e in errors]
