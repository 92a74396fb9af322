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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
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
