"""Garbage is collected on the GUI thread, never in a worker (``workers.GuiThreadCollector``):
a widget freed in a pool thread crashes Qt."""

from __future__ import annotations

import gc
import threading

import pytest

from coop_desk.ui.workers import GuiThreadCollector, collecting_on_the_gui_thread, run_with_progress


class _Cycle:
    """Garbage only the cyclic collector frees; notes the thread that freed it."""

    def __init__(self, freed_on: list[str]) -> None:
        self.me = self
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def _allocate(_progress):  # type: ignore[no-untyped-def]
    # Enough allocations for the interpreter to start many collections in this thread.
    return len([[] for _ in range(300_000)])


@pytest.fixture
def interpreter_collects():  # type: ignore[no-untyped-def]
    """Automatic collection on, as Python starts (the GUI fixtures turn it off per test)."""
    was_enabled = gc.isenabled()
    gc.collect()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def test_a_worker_that_allocates_does_not_collect_the_guis_garbage(qapp, interpreter_collects):
    freed_on: list[str] = []
    # Without the collector the worker frees the cycle (in a thread named like "Thread (pooled)").
    with collecting_on_the_gui_thread(qapp):
        _Cycle(freed_on)
        assert run_with_progress(None, "work", _allocate) == 300_000
        # The worker collected nothing (the GUI thread's timer may have, while it waited: on
        # a loaded machine the wait is long enough for a tick).
        assert set(freed_on) <= {threading.main_thread().name}
    assert freed_on == [threading.main_thread().name]
    assert gc.isenabled()  # given back to the interpreter


def test_the_timer_collects_on_the_gui_thread(qapp, qtbot):
    freed_on: list[str] = []
    with collecting_on_the_gui_thread(qapp) as collector:
        collector.threshold = (0, 0, 0)  # collect at the next tick
        _Cycle(freed_on)
        qtbot.waitUntil(lambda: freed_on != [])
    assert freed_on == [threading.main_thread().name]


def test_the_collector_follows_the_interpreters_thresholds(qapp):
    collector = GuiThreadCollector(qapp)
    try:
        assert collector.threshold == gc.get_threshold()
    finally:
        collector.deleteLater()
