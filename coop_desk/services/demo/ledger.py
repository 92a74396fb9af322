"""Demo Premium ledger: three fiscal years (today.year-2 .. today.year) of the demo cooperative.

Two buyers, three to four contracts a year (Fairtrade International, one Fair Trade USA, one
conventional; some organic), premium receipts (some in two partial payments, with bank
charges), a GA-approved Development Plan each year (revised once in the middle year), project
payments in USD and PEN with vouchers, USD -> PEN exchanges, one reversal (a payment booked to
the wrong project, reversed and booked again), the oldest year closed.

Deliberate compliance findings a demo user can look for (``coop-desk verify``, Compliance):
- ``premium.over_budget``: the women's programme spent more than the GA approved in the middle
  year;
- ``premium.overdue``: one contract shipped about 90 days ago whose premium is still unpaid.
Deterministic: a fixed seed, every date relative to ``today``; nothing dated after ``today``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy.orm import Session

from coop_desk.domain.money import round_money
from coop_desk.domain.premium import Process, QuantityUnit, Scheme
from coop_desk.i18n import N_, _
from coop_desk.services.access import Actor
from coop_desk.services.ledger import accounts, contracts, fiscal, journal, operations, plan

SEED = 2023
D = Decimal

# Budgets approved by the GA each year, USD (DOMAIN.md "Typical projects").
BUDGET = {
    "education_fund": D("4000.00"),
    "school_construction": D("5000.00"),
    "crop_renovation": D("6000.00"),
    "quality_improvement": D("5000.00"),
    "womens_programme": D("2500.00"),
    "certification": D("3500.00"),
    "administration": D("2000.00"),
}
# (project, month, day, share of the budget, paid from: "pen" bank, "cash" PEN, "usd" bank,
#  payee, what)
PAYMENTS = [
    (
        "crop_renovation",
        4,
        8,
        "0.30",
        "pen",
        "Vivero San Ignacio",
        N_("Coffee seedlings (Catimor)"),
    ),
    (
        "quality_improvement",
        4,
        20,
        "0.35",
        "pen",
        "Metalmecánica Jaén",
        N_("Solar dryers, 12 units"),
    ),
    ("certification", 5, 6, "0.55", "usd", "FLOCERT GmbH", N_("Fairtrade audit fee")),
    ("education_fund", 5, 15, "0.40", "pen", "Librería El Estudiante", N_("School supplies")),
    ("womens_programme", 6, 3, "0.40", "cash", "Comité de Mujeres", N_("Leadership workshop")),
    ("administration", 6, 20, "0.25", "cash", "Imprenta Jaén", N_("GA minutes and forms")),
    ("school_construction", 7, 10, "0.45", "pen", "Ferretería El Constructor", N_("Cement, steel")),
    ("crop_renovation", 8, 12, "0.35", "pen", "Agroinsumos Chota", N_("Organic compost")),
    ("quality_improvement", 8, 28, "0.30", "pen", "Metalmecánica Jaén", N_("Manual pulpers")),
    ("education_fund", 9, 9, "0.35", "pen", "Comité de Becas", N_("Scholarships, 2nd term")),
    ("certification", 9, 25, "0.30", "usd", "Control Union Perú", N_("Organic inspection")),
    ("womens_programme", 10, 7, "0.35", "cash", "Comité de Mujeres", N_("Sensory training")),
    ("school_construction", 10, 21, "0.40", "pen", "Ferretería El Constructor", N_("Roofing")),
    ("crop_renovation", 11, 4, "0.20", "pen", "Vivero San Ignacio", N_("Seed for nurseries")),
    ("administration", 11, 18, "0.30", "cash", "Banco de la Nación", N_("Committee travel")),
]
# Contracts each year: (buyer index, month signed, bags, scheme, organic, process)
CONTRACTS = [
    (0, 1, 275, Scheme.FAIRTRADE, True, Process.WASHED),
    (1, 2, 300, Scheme.FAIRTRADE, False, Process.WASHED),
    (0, 3, 150, Scheme.FAIR_TRADE_USA, True, Process.WASHED),
    (1, 4, 120, Scheme.NONE, False, Process.NATURAL),
]
EXCHANGES = [(4, 2), (7, 1), (10, 1)]  # USD -> PEN at the start of each spending period
PEN_RATES = ["3.7520", "3.7185", "3.6940", "3.7310", "3.7650", "3.7045"]


class _Ref:
    """The id of a record created by an earlier event (known only once the events run)."""

    def __init__(self) -> None:
        self.id = 0


def load(session: Session, actor: Actor, today: date) -> None:
    rng = random.Random(SEED)
    first = today.year - 2
    chart = {a.name: a.id for a in accounts.list_accounts(session, actor)}
    bank_usd, bank_pen, cash_pen = chart["Bank USD"], chart["Bank PEN"], chart["Cash PEN"]
    projects = {p.key: p.id for p in plan.list_projects(session, actor) if p.key}
    plan.update_project(
        session,
        actor,
        projects["quality_improvement"],
        plan.ProjectInput(
            name="Quality improvement",  # seeded: named in the language by name_defaults
            objective=_("Solar dryers, drying houses, manual pulpers, fermentation tanks"),
            responsible=_("Wilmer Carranza (quality committee)"),
            timeline=_("April - October"),
            productivity_quality=True,
        ),
    )
    buyers = [
        contracts.create_buyer(session, actor, name="Northern Roasters Cooperative", country="US"),
        contracts.create_buyer(session, actor, name="Kaffeehaus Fair Handel eG", country="DE"),
    ]
    events: list[tuple[date, int, Callable[[], object]]] = []

    def at(on: date, order: int, fn: Callable[..., object], **kwargs: Any) -> None:
        """Schedule ``fn(session, actor, **kwargs)`` on ``on``; later than ``today``: dropped."""
        if on <= today:
            events.append((on, order, partial(fn, session, actor, **kwargs)))

    def rate_for(day: date) -> Decimal:
        return D(PEN_RATES[(day.month + day.year) % len(PEN_RATES)])

    # Opening balances: Premium received before the books started here.
    start = date(first, 1, 2)
    for account, opening, fx, text in (
        (bank_usd, "14250.00", None, _("Premium fund carried from earlier years (bank statement)")),
        (bank_pen, "9350.00", D("3.7200"), _("Soles account balance (bank statement 31 Dec)")),
        (cash_pen, "1200.00", D("3.7200"), _("Petty cash count")),
    ):
        at(
            start,
            0,
            operations.record_opening_balance,
            account_id=account,
            entry_date=start,
            amount=D(opening),
            rate=fx,
            description=text,
        )

    for year in range(first, today.year + 1):
        middle = year == first + 1
        # --- the plan, approved by the GA in March --------------------------------------
        budget = {projects[k]: v for k, v in BUDGET.items()}
        ga_day = date(year, 3, 14)
        approval = plan.ApprovalInput(
            ga_day,
            f"Acta GA {year}-01",
            131 + year % 7,
            44 + year % 5,
            118,
            6,
            7 + year % 7,
            notes=_("Ordinary General Assembly: Premium plan"),
        )
        at(ga_day, 0, plan.record_approval, year=year, data=approval, budget=budget)
        if middle:
            revised = dict(budget)
            revised[projects["crop_renovation"]] = D("7500.00")
            rev_day = date(year, 8, 30)
            revision = plan.ApprovalInput(
                rev_day,
                f"Acta GA {year}-02",
                97,
                35,
                90,
                3,
                4,
                notes=_("Extraordinary GA: more seedlings after the rust outbreak"),
            )
            at(rev_day, 0, plan.record_approval, year=year, data=revision, budget=revised)
        # --- contracts, shipments and receipts --------------------------------------------
        for index, (buyer, month, bags, scheme, organic, process) in enumerate(CONTRACTS):
            signed = date(year, month, 10 + index)
            shipped = signed + timedelta(days=150 + 7 * index)
            number = f"{'NRC' if buyer == 0 else 'KFH'}-{year}-{index + 1:02d}"
            data = contracts.ContractInput(
                buyers[buyer].id,
                number,
                signed,
                scheme,
                organic,
                process,
                D(bags),
                QuantityUnit.BAGS,
                shipped if shipped <= today else None,
            )
            ref = _Ref()
            at(signed, 1, _sign, data=data, ref=ref)
            if scheme == Scheme.NONE:
                continue
            at(shipped, 1, _ship, ref=ref)
            paid_day = shipped + timedelta(days=30 + rng.randint(0, 12))
            charges = D(rng.choice(["15.00", "20.00", "25.00", "35.00"]))
            if year < today.year and index == 1:  # paid in two parts
                at(
                    paid_day,
                    2,
                    _receive,
                    ref=ref,
                    account_id=bank_usd,
                    day=paid_day,
                    part=D("0.6"),
                    charges=charges,
                    note=_("first part"),
                )
                second = paid_day + timedelta(days=28)
                at(
                    second,
                    2,
                    _receive,
                    ref=ref,
                    account_id=bank_usd,
                    day=second,
                    part=None,
                    charges=D("15.00"),
                    note=_("balance"),
                )
            else:
                at(
                    paid_day,
                    2,
                    _receive,
                    ref=ref,
                    account_id=bank_usd,
                    day=paid_day,
                    part=None,
                    charges=charges,
                    note="",
                )
        # --- exchanges and payments -------------------------------------------------------
        for month, day in EXCHANGES:
            when = date(year, month, day)
            pen_needed = sum(
                (
                    round_money(BUDGET[p] * D(share) * rate_for(date(year, m, d)))
                    for p, m, d, share, source, _payee, _what in PAYMENTS
                    if source in ("pen", "cash") and _period(m, d) == (month, day)
                ),
                D(0),
            )
            usd = round_money(pen_needed / rate_for(when) + 150)
            at(
                when,
                3,
                operations.record_transfer,
                from_account_id=bank_usd,
                to_account_id=bank_pen,
                entry_date=when,
                amount=usd,
                to_amount=round_money(usd * rate_for(when)),
                reference=f"Compra ME {when:%Y%m%d}",
            )
        cash_topups: dict[date, Decimal] = {}
        for number_in_year, (key, month, day, share, source, payee, what) in enumerate(PAYMENTS, 1):
            when = date(year, month, day)
            usd_amount = BUDGET[key] * D(share)
            if middle and key == "womens_programme":
                usd_amount *= D("1.6")  # the deliberate over-budget finding
            fx = rate_for(when)
            series = "F001" if source != "cash" else "B002"
            if source == "usd":
                account, amount, rate = bank_usd, round_money(usd_amount), None
            else:
                account = bank_pen if source == "pen" else cash_pen
                amount, rate = round_money(usd_amount * fx), fx
                if source == "cash":
                    top_day = when - timedelta(days=1)
                    cash_topups[top_day] = cash_topups.get(top_day, D(0)) + amount
            at(
                when,
                5,
                operations.record_project_payment,
                project_id=projects[key],
                account_id=account,
                entry_date=when,
                amount=amount,
                rate=rate,
                payee=payee,
                voucher=f"{series}-{year % 100:02d}{number_in_year:04d}",
                description=_(what),
                # The demo's story includes a deliberate over-budget payment (for verify and
                # the reports to find); a treasurer would have been asked to confirm it.
                accept=operations.ALL_WARNINGS,
            )
        for top_day, amount in cash_topups.items():
            at(
                top_day,
                4,
                operations.record_transfer,
                from_account_id=bank_pen,
                to_account_id=cash_pen,
                entry_date=top_day,
                amount=amount,
                description=_("Cash withdrawal for petty cash"),
            )
        if middle:
            # A payment booked to the wrong project, reversed, and booked again.
            wrong = date(year, 5, 22)
            fix_day = wrong + timedelta(days=3)
            payment = dict(
                account_id=bank_pen,
                amount=D("1480.00"),
                rate=rate_for(wrong),
                payee="Vivero San Ignacio",
                voucher=f"F001-{year % 100:02d}0099",
                description=_("Coffee seedlings for renovation"),
                accept=operations.ALL_WARNINGS,
            )
            ref = _Ref()
            at(
                wrong,
                6,
                _pay_into,
                ref=ref,
                project_id=projects["school_construction"],
                entry_date=wrong,
                **payment,
            )
            at(
                fix_day,
                6,
                _reverse,
                ref=ref,
                day=fix_day,
                reason=_("booked to school construction by mistake"),
            )
            at(
                fix_day,
                7,
                operations.record_project_payment,
                project_id=projects["crop_renovation"],
                entry_date=fix_day,
                **payment,
            )
            # Close the oldest year in February, once its statements are in.
            close_day = date(year, 2, 20)
            at(
                close_day,
                9,
                fiscal.close_year,
                year=year - 1,
                today=close_day,
                note=_("Statements reconciled; audited by the board"),
            )

    # The deliberate overdue premium: shipped about 90 days ago, nothing received yet.
    shipped = today - timedelta(days=90)
    signed = shipped - timedelta(days=120)
    late = contracts.ContractInput(
        buyers[1].id,
        f"KFH-{shipped.year}-09",
        signed,
        Scheme.FAIRTRADE,
        False,
        Process.WASHED,
        D("18975"),
        QuantityUnit.KG,
        shipped,
    )
    ref = _Ref()
    at(signed, 1, _sign, data=late, ref=ref)
    at(shipped, 1, _ship, ref=ref)

    for _day, _order, action in sorted(events, key=lambda e: (e[0], e[1])):
        action()
    session.flush()


def _sign(session: Session, actor: Actor, data: contracts.ContractInput, ref: _Ref) -> None:
    ref.id = contracts.create_contract(session, actor, data).id


def _ship(session: Session, actor: Actor, ref: _Ref) -> None:
    operations.record_shipment(session, actor, ref.id)


def _pay_into(session: Session, actor: Actor, ref: _Ref, **kwargs: Any) -> None:
    ref.id = operations.record_project_payment(session, actor, **kwargs).id


def _reverse(session: Session, actor: Actor, ref: _Ref, day: date, reason: str) -> None:
    journal.reverse_entry(session, actor, ref.id, reason=reason, entry_date=day)


def _period(month: int, day: int) -> tuple[int, int]:
    """The exchange that funds a payment made on (month, day)."""
    current = EXCHANGES[0]
    for m, d in EXCHANGES:
        if (month, day) >= (m, d):
            current = (m, d)
    return current


def _receive(
    session: Session,
    actor: Actor,
    ref: _Ref,
    account_id: int,
    day: date,
    part: Decimal | None,
    charges: Decimal,
    note: str,
) -> None:
    """Receive ``part`` of the premium due (None: whatever is still outstanding)."""
    from coop_desk.services.ledger import reports

    row = contracts.get_contract(session, actor, ref.id)
    due = next(
        d for d in reports.contract_dues(session, actor, today=day) if d.contract_id == ref.id
    )
    gross = round_money(row.premium_due * part) if part is not None else due.outstanding
    operations.record_premium_receipt(
        session,
        actor,
        contract_id=ref.id,
        account_id=account_id,
        entry_date=day,
        amount=gross - charges,
        bank_charges=charges,
        reference=f"Swift {row.number}",
        description=(
            _("Premium received, contract {number} ({note})", number=row.number, note=note)
            if note
            else _("Premium received, contract {number}", number=row.number)
        ),
    )
