"""Exporting the journal as a Beancount file, so that an auditor can recheck the books with an
independent tool (``bean-check``, ``bean-query``, Fava). DOMAIN.md: "This maps one to one onto
plain-text accounting (Beancount: a price annotation ``@@`` on the exchange legs)". The syntax
is ``exchange.beancount_file``'s; this module decides what the file says.

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

The entries and their postings are read in bulk (``journal.list_entry_details``): the number
of queries does not grow with the number of entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from coop_desk.exchange import beancount_file as bean
from coop_desk.services import audit
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger import accounts, journal, reports
from coop_desk.services.ledger.books import EntryKind, reporting_currency, year_bounds
from coop_desk.services.ledger.journal import EntryDetail, JournalFilter


@dataclass(frozen=True)
class BeancountExport:
    path: Path
    entries: int
    accounts: int
    year: int | None
    trail_head: str = ""  # the audit trail's head written in the file ("N:HASH", an anchor)


def _link(number: str) -> str:
    return f"entry-{number}"


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
) -> bean.Transaction:
    e = detail.entry
    links = {_link(e.number)}
    if e.reverses_number:
        links.add(_link(e.reverses_number))
    if e.id in reversed_numbers:
        links.add(_link(reversed_numbers[e.id]))
    annotate = _can_annotate(detail, usd)
    postings = []
    for p in detail.postings:
        if p.amount == 0:  # written as a comment that names the USD value it holds
            postings.append(
                bean.Posting(names[p.account_id], p.amount, p.currency, p.usd_value, usd)
            )
        elif p.currency != usd and annotate:
            postings.append(
                bean.Posting(
                    names[p.account_id], p.amount, p.currency, abs(p.usd_value), usd, p.memo
                )
            )
        else:
            postings.append(bean.Posting(names[p.account_id], p.amount, p.currency, memo=p.memo))
    return bean.Transaction(
        day=e.entry_date,
        payee=e.payee or "",
        narration=e.description or e.kind,
        tags=(e.kind,),
        links=tuple(sorted(links)),
        meta=(
            ("entry", e.number),
            ("kind", e.kind),
            ("voucher", e.voucher),
            ("reference", e.reference),
            ("document-sha256", e.document_sha256),
            ("document-name", e.document_name),
            ("project", e.project_name),
            ("contract", e.contract_number),
            ("reverses", e.reverses_number),
            ("created-by", e.created_by),
        ),
        postings=tuple(postings),
    )


def render_beancount(
    session: Session, actor: Actor, year: int | None = None
) -> tuple[str, int, int, str]:
    """The Beancount text, the number of transactions and of accounts written, and the audit
    trail's head it states."""
    require(actor, Permission.EXPORT)
    usd = reporting_currency(session)
    chart = {a.id: a for a in accounts.list_accounts(session, actor, include_inactive=True)}
    names = {a.id: bean.account_name(a.kind, a.code, a.name) for a in chart.values()}
    flt = JournalFilter(year=year) if year is not None else JournalFilter()
    details = journal.list_entry_details(session, actor, flt)
    rows = [d.entry for d in details]
    reversed_numbers = {
        r.id: r.reversed_by_number for r in rows if r.reversed_by_number and r.reversed_by_id
    }
    carry_ids = {r.id for r in rows if r.kind == EntryKind.CARRY}
    skipped: set[int] = set()
    if year is None:
        skipped = carry_ids | {r.id for r in rows if r.reverses_id in carry_ids}

    blocks: list[bean.Block] = []
    first_day: dict[int, date] = {}

    def use(account_id: int, day: date) -> None:
        if account_id not in first_day or day < first_day[account_id]:
            first_day[account_id] = day

    if year is not None:
        balances = reports.account_balances(session, actor, year)
        if any(b.provisional for b in balances):
            start = year_bounds(session, year)[0]
            opening = []
            for b in balances:
                if b.opening:
                    use(b.account_id, start)
                    opening.append(bean.Posting(names[b.account_id], b.opening, b.currency))
            blocks.append(
                bean.Transaction(
                    day=start,
                    flag="!",
                    narration=f"Provisional opening of {year}: the previous year is not closed",
                    meta=(("kind", "provisional-opening"),),
                    postings=tuple(opening),
                )
            )

    written = 0
    for detail in details:
        e = detail.entry
        if e.id in skipped:
            blocks.append(
                bean.Comment(
                    f"{e.entry_date.isoformat()} entry {e.number} ({e.kind}: {e.description}) "
                    "is not repeated: a continuous ledger carries balances by itself"
                )
            )
            continue
        for p in detail.postings:
            if p.amount != 0:
                use(p.account_id, e.entry_date)
        blocks.append(_transaction(detail, names, usd, reversed_numbers))
        written += 1

    scope = f"fiscal year {year}" if year is not None else "every fiscal year"
    opened = sorted(first_day, key=lambda i: (first_day[i], names[i]))
    # The trail's head, like every workbook's: the file can later serve as an anchor
    # (``audit.anchors_from`` finds ``N:HASH`` in its first lines).
    head = audit.current_anchor(session)
    text = bean.render(
        title=f"coop-desk Premium ledger ({scope})",
        operating_currency=usd,
        preamble=(
            f"coop-desk journal, {scope}, exported {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
            f"Audit trail head: {head.text} (coop-desk verify --anchor FILE proves the trail "
            "still holds it).",
            "Check it with: bean-check FILE   (amounts in their own currency; @@ gives the",
            "USD value recorded on the entry).",
        ),
        opens=[bean.Open(first_day[i], names[i], chart[i].currency or "") for i in opened],
        blocks=blocks,
    )
    return text, written, len(opened), head.text


def export_beancount(
    session: Session, actor: Actor, target: Path, year: int | None = None
) -> BeancountExport:
    """Write the Beancount file (atomically: a half-written file never replaces a good one)."""
    text, entries, opened, head = render_beancount(session, actor, year)
    bean.write_text(target, text)
    return BeancountExport(target, entries, opened, year, head)
