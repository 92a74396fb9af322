"""What a command handler needs: the database (opened on first use) and the signed-in actor."""

from __future__ import annotations

from dataclasses import dataclass, field

from coop_desk.db import Database
from coop_desk.services.access import SYSTEM, Actor


class CliError(Exception):
    """A usage problem found by a command (a file that does not exist, a bad option value)."""


@dataclass
class CliContext:
    db_target: str | None = None
    username: str | None = None
    _db: Database | None = field(default=None, repr=False)
    _actor: Actor | None = field(default=None, repr=False)

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = Database.open(self.db_target)
        return self._db

    def actor(self) -> Actor:
        """The acting user. Until user accounts exist the local system acts."""
        if self._actor is None:
            self._actor = SYSTEM
        return self._actor

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
