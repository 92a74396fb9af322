"""Several PCs at once, for the tests: each worker is a separate *process* (spawned, so it
shares nothing with the test but the database), opens its own ``Database`` and does what a
user on another PC would do. Results come back as plain values.

Workers wait on a barrier so that they start together; nothing waits on time.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from coop_desk.db import Database
from coop_desk.errors import CoopDeskError, DatabaseBusy
from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import accounts, operations, plan

SPAWN = multiprocessing.get_context("spawn")


@dataclass
class Outcome:
    """What one worker did: the entry numbers it posted, the refusals it got (in words) and
    any other error (a bug)."""

    posted: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    crashed: list[str] = field(default_factory=list)


def run_workers(target: Callable[..., None], argument_sets: Sequence[tuple[Any, ...]]) -> list[Any]:
    """Run ``target(queue, barrier, *args)`` in one process per argument set; return what each
    put on the queue, in the order of ``argument_sets``."""
    barrier = SPAWN.Barrier(len(argument_sets))
    queue = SPAWN.Queue()
    processes = [
        SPAWN.Process(target=target, args=(queue, barrier, index, *args))
        for index, args in enumerate(argument_sets)
    ]
    for process in processes:
        process.start()
    results: dict[int, Any] = {}
    for _ in processes:
        index, result = queue.get(timeout=600)
        results[index] = result
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0, f"worker exited with {process.exitcode}"
    return [results[i] for i in range(len(argument_sets))]


# --- the books the posting workers use --------------------------------------------------------
def prepare_books(url: str, opening_date: date) -> tuple[int, int]:
    """An opening balance in Bank USD; returns (project id, bank account id)."""
    db = Database.open(url)
    try:
        with db.transaction(SYSTEM) as s:
            project = plan.list_projects(s, SYSTEM)[0]
            bank = next(
                a
                for a in accounts.list_accounts(s, SYSTEM)
                if a.role == "bank" and a.currency == "USD"
            )
            operations.record_opening_balance(
                s,
                SYSTEM,
                account_id=bank.id,
                entry_date=opening_date,
                amount=Decimal("100000.00"),
            )
        return project.id, bank.id
    finally:
        db.close()


# How often a worker does again a save refused as busy (``DatabaseBusy``: another process held
# SQLite's write lock longer than the busy timeout), as the message tells a user to do. SQLite's
# waiting writers are not served in turn: on a slow machine one can wait out its timeout while
# three others post without a pause, which no office does.
BUSY_RETRIES = 20


def _again_while_busy(action: Callable[[], Any]) -> Any:
    for attempt in range(BUSY_RETRIES + 1):
        try:
            return action()
        except DatabaseBusy:
            if attempt == BUSY_RETRIES:
                raise
    raise AssertionError("unreachable")


def _pay(db: Database, project_id: int, bank_id: int, day: date, label: str) -> str:
    return _again_while_busy(lambda: _pay_once(db, project_id, bank_id, day, label))


def _pay_once(db: Database, project_id: int, bank_id: int, day: date, label: str) -> str:
    with db.transaction(SYSTEM) as s:
        row = operations.record_project_payment(
            s,
            SYSTEM,
            project_id=project_id,
            account_id=bank_id,
            entry_date=day,
            amount=Decimal("1.00"),
            payee="Vivero San Juan",
            voucher=label,
            description=f"Seedlings {label}",
            accept=operations.ALL_WARNINGS,  # no approved plan: confirmed, as a user would
        )
    return row.number


def pay_many(
    queue: Any,
    barrier: Any,
    index: int,
    url: str,
    project_id: int,
    bank_id: int,
    count: int,
    day: date,
) -> None:
    """Post ``count`` payments of 1.00 USD as fast as possible."""
    outcome = Outcome()
    db = Database.open(url)
    try:
        barrier.wait()
        for n in range(count):
            try:
                outcome.posted.append(_pay(db, project_id, bank_id, day, f"P{index}-{n}"))
            except CoopDeskError as exc:
                outcome.refused.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - reported to the test, which fails
                outcome.crashed.append(f"{type(exc).__name__}: {exc}")
    finally:
        db.close()
        queue.put((index, outcome))


def pay_until_refused(
    queue: Any,
    barrier: Any,
    index: int,
    url: str,
    project_id: int,
    bank_id: int,
    day: date,
    started: Any,
) -> None:
    """Post payments dated ``day`` until one is refused (the year was closed meanwhile);
    sets ``started`` after the first few so the closer goes in the middle of the postings."""
    outcome = Outcome()
    db = Database.open(url)
    try:
        barrier.wait()
        for n in range(2000):
            try:
                outcome.posted.append(_pay(db, project_id, bank_id, day, f"P{index}-{n}"))
            except CoopDeskError as exc:
                outcome.refused.append(str(exc))
                break
            except Exception as exc:  # noqa: BLE001 - reported to the test, which fails
                outcome.crashed.append(f"{type(exc).__name__}: {exc}")
                break
            if n == 3:
                started.set()
    finally:
        db.close()
        queue.put((index, outcome))


def close_year_when_started(
    queue: Any, barrier: Any, index: int, url: str, year: int, today: date, started: Any
) -> None:
    from coop_desk.services.ledger import fiscal

    outcome = Outcome()
    db = Database.open(url)
    try:
        barrier.wait()
        started.wait(timeout=600)

        def close() -> None:
            with db.transaction(SYSTEM) as s:
                fiscal.close_year(s, SYSTEM, year, today=today)

        try:
            _again_while_busy(close)
            outcome.posted.append(f"closed {year}")
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails
            outcome.crashed.append(f"{type(exc).__name__}: {exc}")
    finally:
        db.close()
        queue.put((index, outcome))


def add_projects(queue: Any, barrier: Any, index: int, url: str, count: int) -> None:
    """Add ``count`` projects (each gets the next expense account code)."""
    from coop_desk.services.ledger.plan import ProjectInput, create_project

    outcome = Outcome()
    db = Database.open(url)
    try:
        barrier.wait()
        for n in range(count):

            def add(n: int = n) -> Any:
                with db.transaction(SYSTEM) as s:
                    return create_project(s, SYSTEM, ProjectInput(f"Project {index}-{n}"))

            try:
                outcome.posted.append(str(_again_while_busy(add).account_id))
            except CoopDeskError as exc:
                outcome.refused.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - reported to the test, which fails
                outcome.crashed.append(f"{type(exc).__name__}: {exc}")
    finally:
        db.close()
        queue.put((index, outcome))


def register_member(queue: Any, barrier: Any, index: int, url: str, code: str) -> None:
    """Register a member with ``code`` (several PCs typing the same new code)."""
    from coop_desk.domain.members import MemberInput
    from coop_desk.services.members import create_member

    outcome = Outcome()
    db = Database.open(url)
    try:
        barrier.wait()

        def register() -> None:
            with db.transaction(SYSTEM) as s:
                create_member(
                    s,
                    SYSTEM,
                    MemberInput(
                        code=code,
                        first_names=f"Socio {index}",
                        surnames="Quispe",
                        gender="F",
                        join_date=date(2026, 1, 5),
                    ),
                )

        try:
            _again_while_busy(register)
            outcome.posted.append(code)
        except CoopDeskError as exc:
            outcome.refused.append(str(exc))
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails
            outcome.crashed.append(f"{type(exc).__name__}: {exc}")
    finally:
        db.close()
        queue.put((index, outcome))
