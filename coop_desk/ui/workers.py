"""Slow work off the GUI thread, with a progress dialog that can be cancelled.

``run_with_progress(parent, title, job)`` runs ``job(progress)`` in a ``QThreadPool`` thread;
the job reports with ``progress(done, total, text)`` and checks ``progress.cancelled``. The job
opens its own Session (never share one across threads). The call returns the job's result, or
raises its exception, or raises ``Cancelled`` - while the event loop keeps the window alive.

``BackgroundLoader`` is the non-modal sibling for page loads: ``load(fn, on_done)`` runs
``fn()`` in a pool thread (``fn`` opens its own Session with ``db.reading(actor)`` and returns
frozen row dataclasses), then calls ``on_done(result)`` on the GUI thread. No dialog: the page
shows its own "Loading…" state meanwhile. A newer ``load`` supersedes an older one: results of
an older generation are dropped. Errors (of ``fn`` or ``on_done``) are emitted as ``failed``.

``start_in_background(fn)`` starts ``fn()`` in a pool thread and gives a function that waits for
it with the event loop running and no dialog (the launcher imports the database layer so, its window on screen).

``collecting_on_the_gui_thread(app)`` keeps Python's cyclic garbage collection on the GUI thread
while the application runs (see ``GuiThreadCollector``): the pool threads above must never free
a widget.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

T = TypeVar("T")


class Cancelled(Exception):
    """The user pressed Cancel."""


class Progress:
    """Handed to a job: report progress, ask whether the user cancelled."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self.cancelled = False

    def __call__(self, done: int, total: int = 0, text: str = "") -> None:
        if self.cancelled:
            raise Cancelled()
        self._signals.progress.emit(done, total, text)

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress):
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.progress = progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # noqa: BLE001 - handed back to the GUI thread
            self.signals.finished.emit(None, exc)
        else:
            self.signals.finished.emit(result, None)


def run_with_progress(
    parent: QWidget | None,
    title: str,
    job: Callable[[Progress], T],
    *,
    delay_ms: int = 400,
) -> T:
    # Owned by the application, deleted below in this (GUI) thread: left to Python, the last
    # reference could go in the worker thread and delete it there with events still queued.
    signals = _Signals(QCoreApplication.instance())
    progress = Progress(signals)
    dialog = QProgressDialog(title, QCoreApplication.translate("workers", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(delay_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def on_progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done if total else 0)
        if text:
            dialog.setLabelText(text)

    def on_finished(result: Any, exc: BaseException | None) -> None:
        outcome["result"] = result
        outcome["error"] = exc
        loop.quit()

    def on_cancel() -> None:
        progress.cancelled = True
        dialog.setLabelText(QCoreApplication.translate("workers", "Cancelling…"))

    signals.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    signals.finished.connect(on_finished, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(on_cancel)
    QThreadPool.globalInstance().start(_Job(job, signals, progress))
    if "error" not in outcome:
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    signals.deleteLater()
    error = outcome.get("error")
    if error is not None:
        raise error
    result: T = outcome["result"]
    return result


class _LoadSignals(QObject):
    finished = Signal(object, object)  # result, exception


class _LoadJob(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _LoadSignals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the GUI thread
            self.signals.finished.emit(None, exc)
        else:
            self.signals.finished.emit(result, None)


def start_in_background(fn: Callable[[], T]) -> Callable[[], T]:
    """Start ``fn()`` in a pool thread now; the function returned waits for it with the GUI
    thread's event loop running (the windows stay responsive and are repainted), without a
    dialog: for short waits nothing can cancel. It returns ``fn``'s result, or raises its
    exception on the GUI thread."""
    # Owned by the application and deleted on the GUI thread (see run_with_progress).
    signals = _LoadSignals(QCoreApplication.instance())
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def on_finished(result: Any, exc: BaseException | None) -> None:
        outcome["result"] = result
        outcome["error"] = exc
        signals.deleteLater()
        loop.quit()

    def wait() -> T:
        if "error" not in outcome:
            loop.exec()
        error = outcome["error"]
        if error is not None:
            raise error
        result: T = outcome["result"]
        return result

    signals.finished.connect(on_finished, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(_LoadJob(fn, signals))
    return wait


class BackgroundLoader(QObject):
    """Loads a page's data in a ``QThreadPool`` thread; the newest load wins.

    ``started`` when a load begins, ``finished`` after ``on_done`` ran for the newest result,
    ``failed(exc)`` when the newest load (or its ``on_done``) raised. ``busy`` is True while
    the newest load has not come back.
    """

    started = Signal()
    finished = Signal()
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.busy = False

    def load(self, fn: Callable[[], T], on_done: Callable[[T], None]) -> int:
        """Start ``fn()`` in the pool; returns this load's generation number."""
        self.generation += 1
        generation = self.generation
        # Owned by the application and deleted on the GUI thread (see run_with_progress).
        signals = _LoadSignals(QCoreApplication.instance())

        def on_finished(result: Any, exc: BaseException | None) -> None:
            signals.deleteLater()
            if not isValid(self) or generation != self.generation:
                return  # the page is gone, or a newer load superseded this one
            self.busy = False
            if exc is None:
                try:
                    on_done(result)
                except Exception as error:  # noqa: BLE001 - reported like a load error
                    exc = error
            if exc is not None:
                self.failed.emit(exc)
            else:
                self.finished.emit()

        signals.finished.connect(on_finished, Qt.ConnectionType.QueuedConnection)
        self.busy = True
        self.started.emit()
        QThreadPool.globalInstance().start(_LoadJob(fn, signals))
        return generation


class GuiThreadCollector(QObject):
    """Runs Python's cyclic garbage collection on the GUI thread, from a timer.

    The interpreter starts a collection in whichever thread happens to allocate. When that is
    a pool thread (loading the demo allocates a great deal), it frees there whatever cycles the
    GUI left behind - a closed dialog whose slots refer to it, say - and a widget destroyed off
    the GUI thread crashes the program (the flaky segfault after the first-run test). While
    this runs, automatic collection is off and the same generational collection, with the
    interpreter's thresholds, happens here instead.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                return


@contextmanager
def collecting_on_the_gui_thread(app: QObject) -> Iterator[GuiThreadCollector]:
    """Collect garbage only on the GUI thread for the block; afterwards collect what is left,
    here, and give collection back to the interpreter as it was."""
    was_enabled = gc.isenabled()
    collector = GuiThreadCollector(app)
    gc.disable()
    collector.timer.start()
    try:
        yield collector
    finally:
        collector.timer.stop()
        collector.deleteLater()
        gc.collect()
        if was_enabled:
            gc.enable()
