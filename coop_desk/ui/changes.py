"""Refreshing the window when another PC changed data (``services.changes`` has the model).

``ChangeWatcher`` learns which tables another connection changed - from PostgreSQL's
``LISTEN`` in a thread of its own (the notifications are sent by the transactions that wrote
the audit records), or by polling the audit trail's newest id on SQLite - and announces the
topics of those tables on the change bus (``AppContext.notify``). Pages then reload what they
show, keeping the user's place (``ui.place``); a page that is not visible reloads when shown.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from coop_desk.services import changes
from coop_desk.ui.context import AppContext

log = logging.getLogger(__name__)

# How often SQLite is asked (one indexed query); PostgreSQL notifications arrive at once.
POLL_MS = 2000

# The change-bus topic of each table; a table not listed (a newer module's) refreshes all.
TABLE_TOPICS: dict[str, str] = {
    "member": "members",
    "plot": "members",
    "member_status_change": "members",
    "account": "ledger",
    "budget_line": "ledger",
    "buyer": "ledger",
    "contract": "ledger",
    "fiscal_year_event": "ledger",
    "journal_entry": "ledger",
    "plan_approval": "ledger",
    "posting": "ledger",
    "premium_rate": "ledger",
    "project": "ledger",
    "approval_decision": "certs",
    "cert_scheme": "certs",
    "certificate": "certs",
    "corrective_action": "certs",
    "inspection": "certs",
    "inspection_plot": "certs",
    "member_scheme": "certs",
    "plot_organic": "certs",
    "sanction": "certs",
    "cooperative": "settings",
    "setting": "settings",
    "app_user": "users",
}


def topics_of(tables: frozenset[str]) -> list[str]:
    """The topics to announce for changed ``tables`` (the audit page hears every change)."""
    if not tables:
        return []
    if "*" in tables or any(t not in TABLE_TOPICS for t in tables):
        return ["*"]
    return sorted({TABLE_TOPICS[t] for t in tables} | {"audit"})


class ChangeWatcher(QObject):
    """Watches the database of ``ctx`` for other connections' changes while started."""

    changed = Signal(object)  # frozenset of the table names another connection changed
    _notified = Signal(object)  # from the listening thread: a changes.Change

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._last_id = 0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._notified.connect(self._announce)

    # --- start and stop ---------------------------------------------------------------------
    def start(self) -> None:
        with self.ctx.db.reading() as session:
            self._last_id = changes.head(session)
        if self.ctx.db.is_sqlite:
            self._timer.start()
        else:
            self._stop.clear()
            ready = threading.Event()
            self._thread = threading.Thread(
                target=self._listen, args=(ready,), name="coop-desk-listen", daemon=True
            )
            self._thread.start()
            ready.wait(30)  # LISTEN is in place before start() returns: no change is missed

    def stop(self) -> None:
        self._timer.stop()
        if self._thread is not None:
            self._stop.set()
            self._thread.join(10)
            self._thread = None

    # --- SQLite: polling --------------------------------------------------------------------
    def poll(self) -> None:
        """Ask the audit trail what changed since the last look (tests call it directly)."""
        try:
            with self.ctx.db.reading() as session:
                change = changes.changes_since(session, self._last_id, self.ctx.db.own_writes)
        except Exception as exc:  # noqa: BLE001 - a missed poll is retried at the next one
            log.warning("could not look for changes: %s", exc)
            return
        self._last_id = change.last_id
        self._announce(change)

    # --- PostgreSQL: LISTEN -----------------------------------------------------------------
    def _listen(self, ready: threading.Event) -> None:
        raw: Any = None
        try:
            raw = self.ctx.db.engine.raw_connection()
            conn = raw.driver_connection
            conn.autocommit = True
            conn.execute(f"LISTEN {changes.CHANNEL}")
            ready.set()
            origin = self.ctx.db.origin
            while not self._stop.is_set():
                for note in conn.notifies(timeout=1.0):
                    sender, change = changes.parse(note.payload)
                    if sender != origin:
                        self._notified.emit(change)
                    if self._stop.is_set():
                        break
        except Exception as exc:  # noqa: BLE001 - the window works on; it only stops refreshing
            log.warning("stopped listening for changes: %s", exc)
        finally:
            ready.set()
            if raw is not None:
                raw.invalidate()  # never hand a LISTENing connection back to the pool

    def _announce(self, change: changes.Change) -> None:
        if not change.tables:
            return
        self.changed.emit(change.tables)
        for topic in topics_of(change.tables):
            self.ctx.notify(topic)
