"""Batches of many new rows (the roster import): Python's garbage collector kept in step.

The model. A bulk write builds ORM objects in batches and flushes each batch once. A member
and its plots point at each other (``member.plots`` / ``plot.member``), so each flushed batch
leaves reference cycles that only the cyclic collector frees, and that collector's full passes
walk every object the process holds: on a 10,000-row roster they took half of the import.
``collected_per_batch`` moves what the process held before the work out of the collector's
sight (``gc.freeze``), then after each batch (``done()``) collects what the batch left and
sets the survivors aside the same way, so each pass walks one batch, not the whole process;
at the end everything is handed back to the collector (``gc.unfreeze``). Nothing is kept
alive longer than it would be otherwise: garbage of a batch is freed after that batch.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def collected_per_batch() -> Iterator[Callable[[], None]]:
    """``with collected_per_batch() as done:`` ... call ``done()`` after each batch."""

    def done() -> None:
        gc.collect()
        gc.freeze()

    gc.freeze()
    try:
        yield done
    finally:
        gc.unfreeze()
