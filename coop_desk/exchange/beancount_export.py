"""The journal as a Beancount file, so that an auditor can recheck the books with an
independent tool (``bean-check``, ``bean-query``, Fava). DOMAIN.md: "This maps one to one onto
plain-text accounting (Beancount: a price annotation ``@@`` on the exchange legs)".

Mapping
- Each coop-desk account becomes ``<Kind>:<code>-<Name>`` (``Assets:1010-Bank-USD``), opened
  on the date of its first exported posting, restricted to its currency when it holds one.
- Each journal entry becomes one transaction: the entry number, kind, voucher, document hash
  and reference as metadata, ``^entry-2025-0003`` links between an entry and its reversal, a
  tag per kind (``#payment``). Each posting keeps its amount in its own currency.
- Postings in a currency other than the reporting currency carry their USD value as a total
  price, ``3750.00 PEN @@ 1000.00 USD``: their weight is then their USD value, and an entry
  balances because its USD values sum to zero (the ledger's own invariant) while every
  account's units stay exactly coop-desk's. Where a posting could not be annotated that way
  (a zero amount holding a USD value, as a carry entry may) the entry is written without
  prices: it balances per currency, which the ledger also guarantees.

Years
- ``year=Y``: the entries of fiscal year Y. The year opens with its carry entry when the
  previous year is closed; otherwise with a provisional opening transaction (flag ``!``) built
  from the same opening the ledger's reports use. Account balances then equal
  ``reports.account_balances(Y)`` closings.
- no year: every entry, as one continuous ledger. Carry entries and their reversals restate
  balances the continuous ledger already holds, so they are listed as comments only; asset
  balances at the end equal the last year's closings.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger import accounts, journal, reports
from coop_desk.services.ledger.books import EntryKind, reporting_currency, year_bounds
from coop_desk.services.ledger.journal import EntryDetail, JournalFilter

ROOTS = {
    "asset": "Assets",
    "liability": "Liabilities",
    "equity": "Equity",
    "income": "Income",
    "expense": "Expenses",
}


@dataclass(frozen=True)
class BeancountExport:
    path: Path
    entries: int
    accounts: int
    year: int | None


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


def _link(number: str) -> str:
    return f"^entry-{number}"


def _can_annotate(detail: EntryDetail, usd: str) -> bool:
    """True when every posting's weight can be its USD value (see the module doc)."""
    for p in detail.postings:
        if p.currency == usd:
            if p.amount != p.usd_value:
                return False
        elif p.amount == 0 or (p.usd_value != 0 and (p.usd_value > 0) != (p.amount > 0)):
            return False
    return True


def _transaction(
    detail: EntryDetail, names: dict[int, str], usd: str, reversed_numbers: dict[int, str]
) -> list[str]:
    e = detail.entry
    flag = "*"
    payee = e.payee or ""
    narration = e.description or e.kind
    tags = f" #{e.kind}"
    links = {_link(e.number)}
    if e.reverses_number:
        links.add(_link(e.reverses_number))
    if e.id in reversed_numbers:
        links.add(_link(reversed_numbers[e.id]))
    head = f"{e.entry_date.isoformat()} {flag} {quote(payee)} {quote(narration)}{tags}"
    head += "".join(f" {link}" for link in sorted(links))
    lines = [head, f"  entry: {quote(e.number)}", f"  kind: {quote(e.kind)}"]
    for key, value in (
        ("voucher", e.voucher),
        ("reference", e.reference),
        ("document-sha256", e.document_sha256),
        ("document-name", e.document_name),
        ("project", e.project_name),
        ("contract", e.contract_number),
        ("reverses", e.reverses_number),
        ("created-by", e.created_by),
    ):
        if value:
            lines.append(f"  {key}: {quote(value)}")
    annotate = _can_annotate(detail, usd)
    for p in detail.postings:
        account = names[p.account_id]
        if p.amount == 0:
            lines.append(
                f"  ; {account} 0.00 {p.currency} (USD value {amount_text(p.usd_value)}) "
                "carries no units"
            )
            continue
        text = f"  {account}  {amount_text(p.amount)} {p.currency}"
        if p.currency != usd and annotate:
            text += f" @@ {amount_text(abs(p.usd_value))} {usd}"
        if p.memo:
            text += f"  ; {' '.join(p.memo.split())}"
        lines.append(text)
    return lines


def render_beancount(
    session: Session, actor: Actor, year: int | None = None
) -> tuple[str, int, int]:
    """The Beancount text, the number of transactions and of accounts written."""
    require(actor, Permission.EXPORT)
    usd = reporting_currency(session)
    chart = {a.id: a for a in accounts.list_accounts(session, actor, include_inactive=True)}
    names = {a.id: account_name(a.kind, a.code, a.name) for a in chart.values()}
    flt = JournalFilter(year=year) if year is not None else JournalFilter()
    rows = journal.list_entries(session, actor, flt)
    details = [journal.get_entry(session, actor, r.id) for r in rows]
    reversed_numbers = {
        r.id: r.reversed_by_number for r in rows if r.reversed_by_number and r.reversed_by_id
    }
    carry_ids = {r.id for r in rows if r.kind == EntryKind.CARRY}
    skipped: set[int] = set()
    if year is None:
        skipped = carry_ids | {r.id for r in rows if r.reverses_id in carry_ids}

    blocks: list[list[str]] = []
    first_use: dict[int, str] = {}

    def use(account_id: int, day: str) -> None:
        if account_id not in first_use or day < first_use[account_id]:
            first_use[account_id] = day

    if year is not None:
        balances = reports.account_balances(session, actor, year)
        if any(b.provisional for b in balances):
            start = year_bounds(session, year)[0].isoformat()
            lines = [
                f"{start} ! {quote('')} "
                f"{quote(f'Provisional opening of {year}: the previous year is not closed')}",
                f"  kind: {quote('provisional-opening')}",
            ]
            for b in balances:
                if b.opening:
                    use(b.account_id, start)
                    lines.append(f"  {names[b.account_id]}  {amount_text(b.opening)} {b.currency}")
            blocks.append(lines)

    written = 0
    for detail in details:
        e = detail.entry
        day = e.entry_date.isoformat()
        if e.id in skipped:
            blocks.append(
                [
                    f"; {day} entry {e.number} ({e.kind}: {e.description}) is not repeated: "
                    "a continuous ledger carries balances by itself"
                ]
            )
            continue
        for p in detail.postings:
            if p.amount != 0:
                use(p.account_id, day)
        blocks.append(_transaction(detail, names, usd, reversed_numbers))
        written += 1

    scope = f"fiscal year {year}" if year is not None else "every fiscal year"
    out = [
        f"; coop-desk journal, {scope}, exported {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "; Check it with: bean-check FILE   (amounts in their own currency; @@ gives the",
        "; USD value recorded on the entry).",
        f'option "title" {quote("coop-desk Premium ledger (" + scope + ")")}',
        f'option "operating_currency" "{usd}"',
        "",
    ]
    opened = sorted(first_use, key=lambda i: (first_use[i], names[i]))
    for account_id in opened:
        a = chart[account_id]
        constraint = f" {a.currency}" if a.currency else ""
        out.append(f"{first_use[account_id]} open {names[account_id]}{constraint}")
    out.append("")
    for block in blocks:
        out.extend(block)
        out.append("")
    return "\n".join(out), written, len(opened)


def export_beancount(
    session: Session, actor: Actor, target: Path, year: int | None = None
) -> BeancountExport:
    """Write the Beancount file (atomically: a half-written file never replaces a good one)."""
    text, entries, opened = render_beancount(session, actor, year)
    _write_atomically(target, text)
    return BeancountExport(target, entries, opened, year)


def _write_atomically(target: Path, text: str) -> None:
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
    error messages. For tests and for ``coop-desk ledger export-beancount --check``."""
    from beancount import loader  # a test dependency: imported only when asked
    from beancount.core import realization

    entries, errors, _options = loader.load_file(str(path))
    totals: dict[tuple[str, str], Decimal] = {}
    real = realization.realize(entries)
    for real_account in realization.iter_children(real):
        for position in real_account.balance:
            key = (real_account.account, position.units.currency)
            totals[key] = totals.get(key, Decimal(0)) + position.units.number
    return {k: v for k, v in totals.items() if v != 0}, [str(e.message) for e in errors]
