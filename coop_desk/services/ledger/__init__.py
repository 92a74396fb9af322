"""The Fairtrade Premium ledger (issue 3): contracts, the Development Plan, a double-entry
journal, balances and compliance checks. Qt-free; the GUI and the CLI call these modules.

Modules
    books       the books' vocabulary (account roles, entry kinds), fiscal calendar and
                currencies, entry numbers: shared by every module here and the front ends
    accounts    chart of accounts (list, add bank/cash accounts)
    contracts   price table (dated, editable), buyers, sales contracts with premium figures
    plan        projects and General Assembly approvals of each year's budget (versioned)
    journal     posting entries, reversal, immutability, journal and account listings
    operations  plain-word operations: shipment, premium received, project payment,
                transfer / currency exchange, opening balance
    fiscal      fiscal years: close (lock + carry balances), reopen (administrators)
    reports     account balances, project budgets (paid per currency and USD value), the
                Premium fund, premium due vs received, the 25% quality share, the General
                Assembly's year summary
    checks      integrity and compliance checks (``coop-desk verify``, Compliance panel)
    gender      the participation of women (members, Assembly, ICS) and the women's
                programme, for the Assembly's report
    settings    the ledger's settings (over-budget policy, overdue days), validated
    workbook    the ledger workbook (xlsx): Summary formulas over the Journal sheet
    assembly_report  the General Assembly's annual premium-use report (xlsx)
    beancount   the journal as a Beancount file, for an auditor's own tools
    guard       the posted-entry guard ``Database`` installs on its sessions

Every function takes ``(session, actor, ...)``, checks the actor's permission, never commits
(callers use ``db.transaction(actor)``) and returns frozen row dataclasses.

The accounting model (DOMAIN.md "The Premium in double entry")
==============================================================

Accounts (created with the database by migration 0100; users add bank/cash accounts and
projects, buyers bring their receivable account):

    1010 Bank USD, 1020 Bank PEN, 1030 Cash PEN   asset; each held in ONE currency
    1200+ Premium receivable: <buyer>             asset, USD; one per buyer
    3000 Premium fund                             equity, multi-currency: what the
                                                  cooperative holds of the Premium
    3900 Opening balances                         equity: balances entered at the start
    4000 Premium income                           income, USD: premium earned on shipments
    5001+ Project: <name>                         expense, multi-currency; one per project
    8000 Currency exchange                        trading account (multi-currency)

Budgets and GA approvals are plan records (``plan``), never postings. A project's balance is
its approved budget (the GA version in force) minus what was posted to its expense account in
the year. There is a single fund account: unspent budget returns to the Premium fund at year
end and must be approved again by the GA for the next year, as Fairtrade requires a GA
decision for Premium use.

Postings. Each posting has an amount in its own currency (debit > 0, credit < 0), the rate
recorded on the entry for that currency (currency units per 1 USD, e.g. 3.75 PEN) and its
USD value. An entry balances (a) in each currency: amounts sum to zero per currency, and
(b) in USD value: USD values sum to zero. A USD posting is worth its amount. The other
postings are valued exactly (amount / rate, as fractions); the total of their debit side is
rounded ONCE, HALF_UP to the cent, and distributed over those debit postings by LARGEST
REMAINDER, the same total over the credit postings, so the entry balances to the cent
(``coop_desk.domain.ledger.usd_values``). One rate per currency per entry.

How each operation posts (one entry each, ``operations``):

    shipment            Dr receivable(buyer) USD        / Cr premium income USD  (premium due)
    premium received    Dr bank (net)                   / Cr receivable(buyer) (gross)
                        Dr Project: Administration (bank charges)
      into a non-USD account: Dr bank PEN, Dr admin PEN / Cr exchange PEN ;
                              Dr exchange USD            / Cr receivable USD
    project payment     Dr Project: <p> (currency paid) / Cr bank or cash
    transfer            Dr destination                  / Cr source          (same currency)
    exchange USD->PEN   Dr bank PEN / Cr exchange PEN ; Dr exchange USD / Cr bank USD
                        (each currency balances on its own; the rate is the ratio of the legs,
                        like Beancount's ``@@`` price annotation)
    opening balance     Dr bank or cash                 / Cr opening balances
    reversal            the original's postings with signs swapped and the USD values
                        mirrored exactly, linked by ``reverses_id``; the original stays

Entries are numbered per fiscal year, 1, 2, 3 ... without gaps ("2025-0001"); posted entries
are immutable (the session guard refuses a flush that would change or delete them, triggers
refuse other writes) and corrections are reversals. Carry and reversal entries fix the
USD values instead of deriving them (their rates are informative); a carry entry may hold a
value-only posting (amount 0, a USD value) when a foreign-currency account ends the year at
zero with a USD residue from different rates (the historic-cost exchange difference).

Year close (``fiscal.close_year``) locks the year (no entry may be dated in it) and posts ONE
carry entry dated the first day of the next year: every asset account's balance per currency
(amount and USD value as recorded: historic USD values, no revaluation), against the Premium
fund, into which income, project expenses, exchange and opening balances are folded, per
currency. The opening of a year is therefore its carry entry; while the previous year is still
open, reports compute the same opening provisionally (flagged). Reopening
(``fiscal.reopen_year``, permission YEAR_REOPEN, with a reason) reverses the carry entry; a
new close posts a fresh one. Years close in order and reopen from the latest; every close and
reopen is a row of ``fiscal_year_event`` (who, when, why, which entry).

Compliance: the 25% productivity/quality share is measured per closed-out year as spending on
projects flagged "productivity/quality" against the premium RECEIVED in that year (the current
year is judged once it is over).

Settings (``services.cooperative.get_setting``, validated by ``settings``): ``ledger.over_budget``
= ``warn`` (default: a payment outside the approved plan or over the account's balance is posted
once the user confirms it, ``operations.preview_payment`` computing its consequences, and verify
reports it), ``administrators`` (only administrators may confirm such a payment) or ``block``
(refused);
``ledger.premium_overdue_days`` (default 60).
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coop_desk.services.ledger import (
        accounts,
        checks,
        contracts,
        fiscal,
        journal,
        operations,
        plan,
        reports,
        settings,
    )

__all__ = [
    "accounts",
    "checks",
    "contracts",
    "fiscal",
    "journal",
    "operations",
    "plan",
    "reports",
    "settings",
]


def __getattr__(name: str) -> Any:
    """``ledger.journal`` and the others are imported when first used (PEP 562), not with the
    package: the database layer imports the posted-entry guard from here at start-up, and
    the whole ledger (operations, reports, checks) would otherwise load before the window."""
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(name)  # for programmers: no sentence to translate
