"""What every window and page shares: the database, the signed-in user and a change bus.

After a write, the page that made it calls ``ctx.notify("members")`` (or "ledger", "certs",
"settings", "users"); every page listening refreshes itself if the topic concerns it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from coop_desk.db import Database
from coop_desk.services.access import SYSTEM, Actor, Permission

T = TypeVar("T")


class AppContext(QObject):
    changed = Signal(str)  # topic of the data that changed
    actor_changed = Signal()

    def __init__(self, db: Database, actor: Actor = SYSTEM, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)

    def set_actor(self, actor: Actor) -> None:
        self.actor = actor
        self.actor_changed.emit()

    def notify(self, topic: str) -> None:
        self.changed.emit(topic)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.db.reading(self.actor) as session:
            yield session

    def read(self, fn: Callable[[Session, Actor], T]) -> T:
        """Run a read-only service call: ``ctx.read(lambda s, a: members.get(s, a, id))``."""
        with self.db.reading(self.actor) as session:
            return fn(session, self.actor)

    def write(self, fn: Callable[[Session, Actor], T], topic: str | None = None) -> T:
        """Run one user action as one transaction, then announce ``topic`` on the change bus.

        Errors propagate: forms catch ``ValidationError`` to show problems next to fields;
        ``errors.show_error`` puts anything else into words.
        """
        with self.db.transaction(self.actor) as session:
            result = fn(session, self.actor)
        if topic:
            self.notify(topic)
        return result
