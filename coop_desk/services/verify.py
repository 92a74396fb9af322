"""``coop-desk verify``: integrity checks and compliance rules over the whole database.

Checks return findings as values (beancount style) instead of raising on the first one. Each
part of the program registers its checks in ``CHECKS``; a check is a function
``(session, today) -> list[Finding]``.

Severity ``error`` means an integrity invariant failed (the books or the trail cannot be
trusted: exit status 1). ``warning`` is a compliance finding (the 25% rule, a payment without a
voucher...): printed, and failing only with ``--strict``.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.orm import Session

from coop_desk.i18n import N_, _
from coop_desk.i18n.formats import number
from coop_desk.services.access import Actor, Permission, require

if TYPE_CHECKING:
    from coop_desk.services.audit.anchors import Anchor

log = logging.getLogger(__name__)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    check: str  # short id of the rule, e.g. "ledger.unbalanced", "premium.quality_share"
    message: str  # in words, naming the record: "Entry 2025-0042 does not balance in USD"
    record: str = ""  # what it concerns: "journal_entry 42", "member CPGP-3784-7"

    def describe(self) -> str:
        where = f" [{self.record}]" if self.record else ""
        return f"{_(SEVERITY_LABELS[self.severity])} {self.check}: {self.message}{where}"


SEVERITY_LABELS = {Severity.ERROR: N_("ERROR"), Severity.WARNING: N_("WARNING")}


Check = Callable[[Session, date], list[Finding]]

# (name, check) pairs run in order. Modules append theirs at import time via ``register``.
CHECKS: list[tuple[str, Check]] = []

# The check of anchors given to ``verify`` (the trail's head noted outside the database), set
# by ``services.audit.anchors`` when it is imported (a check module imports it): its name and
# ``(session, anchors) -> findings``.
AnchorCheck = Callable[[Session, "Sequence[Anchor]"], list[Finding]]
_ANCHOR_CHECK: list[tuple[str, AnchorCheck]] = []


def register_anchor_check(name: str, fn: AnchorCheck) -> None:
    _ANCHOR_CHECK[:] = [(name, fn)]


# Checks begun when ``verify`` begins, their work handed to worker processes (one per core)
# while the other checks run here: name -> ``(session, today, workers) -> a function giving
# the findings``, asked for once the other checks are done; the findings are listed in the
# order of ``CHECKS`` all the same. Such a check is in ``CHECKS`` too (begun and finished at once), for callers that
# run checks one by one.
Start = Callable[[Session, date, Executor], Callable[[], list[Finding]]]
STARTS: dict[str, Start] = {}
# Worker processes ``verify`` may start for the checks begun ahead (started only when one of
# them hands work over: a large trail in a SQLite file).
WORKERS = 2


def register_start(name: str) -> Callable[[Start], Start]:
    def decorator(fn: Start) -> Start:
        STARTS[name] = fn
        return fn

    return decorator


def worker_pool() -> ProcessPoolExecutor:
    """A pool of ``WORKERS`` processes, started when first given work. Spawned, not forked:
    safe from a program with threads (the GUI) and on every system."""
    return ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn"))


CheckT = TypeVar("CheckT", bound=Check)


def register(name: str) -> Callable[[CheckT], CheckT]:
    """Add the decorated check to ``CHECKS`` (it keeps its own type: a ledger check also
    takes the years to look at)."""

    def decorator(fn: CheckT) -> CheckT:
        if all(existing != name for existing, _check in CHECKS):
            CHECKS.append((name, fn))
        return fn

    return decorator


def load_checks() -> None:
    """Import every module that registers checks (kept in one place so none is forgotten)."""
    import importlib

    for module in CHECK_MODULES:
        importlib.import_module(module)


# Modules whose import registers checks.
CHECK_MODULES: list[str] = [
    "coop_desk.services.schema",
    "coop_desk.services.ledger.checks",
    "coop_desk.services.ledger.guard",
    "coop_desk.services.certification.alerts",
    "coop_desk.services.documents",
    "coop_desk.services.audit.checks",
    "coop_desk.services.limit_guard",
    "coop_desk.services.trade",
]


@dataclass(frozen=True)
class VerifyResult:
    findings: tuple[Finding, ...]
    checks_run: tuple[str, ...]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.WARNING]

    @property
    def integrity_ok(self) -> bool:
        return not self.errors


def verify(
    session: Session,
    actor: Actor,
    today: date | None = None,
    *,
    anchors: Sequence[Anchor] = (),
) -> VerifyResult:
    """Run every check; with ``anchors`` (heads of the trail noted outside the database:
    ``services.audit.anchors``) also prove that the trail still holds each of them."""
    require(actor, Permission.READ)
    load_checks()
    today = today or date.today()
    findings: list[Finding] = []
    checks = list(CHECKS)
    if anchors:
        name, check_anchors = _ANCHOR_CHECK[0]
        checks.append((name, lambda s, _today: check_anchors(s, anchors)))
    with worker_pool() as workers:
        begun: dict[str, Callable[[], list[Finding]]] = {}
        for name, _check in checks:
            if name in STARTS:
                try:
                    begun[name] = STARTS[name](session, today, workers)
                except Exception as exc:  # noqa: BLE001 - run (and fail) at its turn instead
                    log.warning("verify: %s could not begin ahead: %s", name, exc)
        # The checks of this process first, while the workers work; then the findings of
        # those begun ahead; listed in the order of ``checks`` whatever the order they ran in.
        found: dict[str, list[Finding]] = {}
        for name, check in checks:
            if name not in begun:
                found[name] = _run(name, functools.partial(check, session, today))
        for name, findings_of in begun.items():
            found[name] = _run(name, findings_of)
    for name, _check in checks:
        findings.extend(found[name])
    return VerifyResult(tuple(findings), tuple(name for name, _check in checks))


def _run(name: str, check: Callable[[], list[Finding]]) -> list[Finding]:
    try:
        return check()
    except Exception as exc:  # noqa: BLE001 - a crashing check is itself a finding
        message = shorten(_("the check could not run: {error}", error=exc))
        return [Finding(Severity.ERROR, name, message, "")]


def shorten(text: str, limit: int = 200) -> str:
    """A value or message cut to ``limit`` characters for a finding, saying how long it was
    (a planted value of millions of characters must not make a line that long)."""
    if len(text) <= limit:
        return text
    return _("{start}… ({count} characters)", start=text[:limit], count=number(len(text)))
