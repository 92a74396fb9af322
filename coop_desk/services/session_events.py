"""Listeners that belong to one ``sessionmaker``, installed on it once.

``Database`` makes one ``sessionmaker`` and installs the invariants (audit trail, posted-entry
guard, limit guard) on it. SQLAlchemy's ``event.contains`` cannot say whether that was done:
it keys its registry by ``id()`` of the target, and the entries of a sessionmaker that is
gone stay behind, so a new sessionmaker that Python puts at the same address "contains" the
listeners it never got (about one Database in six, in a process that opens many). Here the
sessionmaker itself is remembered, weakly: a new one is never mistaken for a dead one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

_INSTALLED: WeakKeyDictionary[sessionmaker[Session], set[str]] = WeakKeyDictionary()


def listen_once(
    sessions: sessionmaker[Session],
    owner: str,
    listeners: Iterable[tuple[str, Callable[..., Any]]],
) -> None:
    """Listen with each ``(event name, function)`` on ``sessions``, unless ``owner`` did it
    before on this very sessionmaker."""
    done = _INSTALLED.setdefault(sessions, set())
    if owner in done:
        return
    for name, listener in listeners:
        event.listen(sessions, name, listener)
    done.add(owner)


def installed(sessions: sessionmaker[Session], owner: str) -> bool:
    """Whether ``owner`` installed its listeners on ``sessions``."""
    return owner in _INSTALLED.get(sessions, set())
