"""The GUI timings, run as a child process under ``QT_QPA_PLATFORM=offscreen``:
``python -m benchmarks.gui_probe MODE [DATABASE]``.

The parent notes the wall clock just before starting the process and passes it in
``BENCH_T0``; the probe prints one JSON line per event (``{"event": ..., "t": seconds since
BENCH_T0}``) and exits. Everything is observed from outside the program, through an event filter
on the application, so the probe works whatever the pages do inside (synchronous loads, a
background loader, lazy pages):

- "window": the main window's first frame is painted (an Expose of its native window, then the
  end of the event that painted it);
- "rows": the members table (object name ``members_table``) painted with at least one row.
  The window opens on the Home page (the first section); once its first frame is painted and
  the "Members" section can be clicked (the window shows itself while the database opens; its
  sections can be chosen meanwhile, and the one chosen is shown once it is open) the probe
  selects it in the sidebar, as a person would, so "rows" is the time from the window to the
  member register's first rows on screen;
- the login dialog, when the database has accounts, is filled in (``admin`` / ``demo``) and
  its time on screen is taken off every later event (``"login"`` gives it), as a person's
  typing is no part of the program's start.

Modes:
- ``bare``: a bare PySide6 process showing an empty ``QMainWindow``, the floor of the start;
- ``start DB``: ``coop_desk.app.run`` on DB until the first rows are shown;
- ``interact DB YEAR``: as ``start``, then searches of the member register (text typed into
  ``member_search``, Enter, until the table has changed and repainted), then the Premium
  page's journal for YEAR (tab switch until the ``journal_table`` shows rows, then the
  "one row per posting" view), watching the longest time the GUI thread was blocked.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

T0 = float(os.environ.get("BENCH_T0", time.time()))
# Names of the generated register (coop_desk.services.demo.members' lists): a surname, two
# names, a code, a community and a DNI fragment, narrow and broad.
QUERIES = ["nunez", "huaman delgado", "cpba-3726-1", "santa rosa 12", "rosa"]
SETTLE_MS = 1500


def emit(event: str, **values: Any) -> None:
    print(json.dumps({"event": event, "t": round(time.time() - T0, 4), **values}), flush=True)


def main() -> None:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class Watch(QObject):
        """Sees every event of the application; calls back on the ones the probe waits for."""

        def __init__(self) -> None:
            super().__init__()
            self.waiting: list[tuple[Callable[[QObject, QEvent], bool], Callable[[], None]]] = []
            self.login_seconds = 0.0
            self.login_shown: float | None = None

        def when(self, test: Callable[[QObject, QEvent], bool], then: Callable[[], None]) -> None:
            self.waiting.append((test, then))

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            kind = event.type()
            if kind == QEvent.Type.Show and type(obj).__name__ == "LoginDialog":
                self.login_shown = time.time()
                QTimer.singleShot(0, lambda: self.sign_in(obj))
            elif kind == QEvent.Type.Hide and type(obj).__name__ == "LoginDialog":
                if self.login_shown is not None:
                    self.login_seconds += time.time() - self.login_shown
                    self.login_shown = None
                    emit("login", seconds=round(self.login_seconds, 4))
            for entry in list(self.waiting):
                test, then = entry
                if test(obj, event):
                    self.waiting.remove(entry)
                    # After the event that matched: its painting is done by then.
                    QTimer.singleShot(0, then)
            return False

        def sign_in(self, dialog: Any) -> None:
            """Type the demo administrator's name and password and press the accepting button
            (not Enter: in the login dialog Enter presses Cancel, reported in DIAGNOSIS.md)."""
            from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

            dialog.findChild(QLineEdit, "username").setText("admin")
            dialog.findChild(QLineEdit, "password").setText("demo")
            box = dialog.findChild(QDialogButtonBox)
            for button in box.buttons():
                if box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole:
                    button.click()
                    return

    watch = Watch()
    app.installEventFilter(watch)

    def at(event: str, **values: Any) -> None:
        """Emit ``event`` with the login time taken off."""
        print(
            json.dumps(
                {
                    "event": event,
                    "t": round(time.time() - T0 - watch.login_seconds, 4),
                    **values,
                }
            ),
            flush=True,
        )

    def main_window_exposed(obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Expose:
            return False
        widget = _widget_of(obj)
        return isinstance(widget, QMainWindow)

    def finish() -> None:
        sys.stdout.flush()
        os._exit(0)  # noqa: SLF001 - the measurement is over; skip teardown

    if mode == "bare":
        window = QMainWindow()

        def shown() -> None:
            at("window")
            finish()

        watch.when(main_window_exposed, shown)
        window.show()
        app.exec()
        return

    def give_up() -> None:
        at("timeout")
        finish()

    QTimer.singleShot(int(float(os.environ.get("BENCH_PROBE_TIMEOUT", "600")) * 1000), give_up)
    database = sys.argv[2]
    steps = Steps(watch, at, finish)
    watch.when(main_window_exposed, steps.window_shown)
    watch.when(steps.members_painted_with_rows, steps.after_first_rows)
    if mode == "interact":
        steps.year = int(sys.argv[3])
        steps.next_steps = [steps.search, steps.journal]
    from coop_desk.app import run

    run(database)


def _widget_of(obj: Any) -> Any:
    """The widget a native window (QWidgetWindow) belongs to, or None."""
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication

    if not isinstance(obj, QWindow):
        return None
    for widget in QApplication.topLevelWidgets():
        if widget.windowHandle() is obj:
            return widget
    return None


class Steps:
    """What ``interact`` does after the first rows, one step after another."""

    def __init__(self, watch: Any, at: Callable[..., None], finish: Callable[[], None]) -> None:
        self.watch = watch
        self.at = at
        self.finish = finish
        self.year = 0
        self.next_steps: list[Callable[[], None]] = []
        self.found: dict[str, Any] = {}

    # --- helpers ---------------------------------------------------------------------
    def find(self, name: str, kind: Any = None) -> Any:
        """The widget named ``name`` (remembered once found: tests run on every paint)."""
        from PySide6.QtWidgets import QApplication, QWidget

        widget = self.found.get(name)
        if widget is not None:
            return widget
        for top in QApplication.topLevelWidgets():
            widget = top.findChild(kind or QWidget, name)
            if widget is not None:
                self.found[name] = widget
                return widget
        return None

    def painted_with_rows(self, table_name: str) -> Callable[[Any, Any], bool]:
        from PySide6.QtCore import QEvent

        def test(obj: Any, event: Any) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            table = self.find(table_name)
            return (
                table is not None
                and obj is table.viewport()
                and table.model() is not None
                and table.model().rowCount() > 0
            )

        return test

    def members_painted_with_rows(self, obj: Any, event: Any) -> bool:
        return self.painted_with_rows("members_table")(obj, event)

    def window_shown(self) -> None:
        """The window's first frame: then, once its sections can be chosen (at once: the
        window shows itself while the database opens, and a section chosen meanwhile is the
        one shown once it is open), open
        the member register from the sidebar (the window starts on the Home page), unless it
        is already the page shown."""
        self.at("window")
        self.watch.when(
            lambda _obj, _event: self.section_enabled("members"),
            lambda: self.show_section("members"),
        )

    def section_enabled(self, key: str) -> bool:
        """Whether the sidebar's section ``key`` can be clicked."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidget

        sidebar = self.find("sidebar", QListWidget)
        if sidebar is None:
            return False
        for row in range(sidebar.count()):
            item = sidebar.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                return bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
        return False

    def show_section(self, key: str) -> None:
        """Select the section ``key`` in the sidebar, as a click on it does."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidget

        sidebar = self.find("sidebar", QListWidget)
        for row in range(sidebar.count()):
            if sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                if sidebar.currentRow() != row:
                    sidebar.setCurrentRow(row)
                return

    def after_first_rows(self) -> None:
        self.at("rows")
        self.proceed()

    def proceed(self) -> None:
        from PySide6.QtCore import QTimer

        if not self.next_steps:
            self.finish()
            return
        step = self.next_steps.pop(0)
        QTimer.singleShot(SETTLE_MS, step)

    def changed_and_painted(
        self,
        table_name: str,
        started: float,
        then: Callable[[float, float], None],
        *,
        rows: bool = True,
    ) -> None:
        """Call ``then(seconds, longest_block)`` once the table's model changed (a reset, rows
        in or out, a layout change, new data, or another model) and its viewport repainted
        (with rows, when ``rows``)."""
        from PySide6.QtCore import QEvent, QTimer

        table = self.find(table_name)
        model = table.model()
        state = {"changed": False, "done": False}
        heartbeat = Heartbeat()

        def mark(*_args: Any) -> None:
            state["changed"] = True

        signals = [
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
        ]
        for signal in signals:
            signal.connect(mark)

        def test(obj: Any, event: Any) -> bool:
            if event.type() != QEvent.Type.Paint or obj is not table.viewport():
                return False
            swapped = table.model() is not model
            return (state["changed"] or swapped) and (not rows or table.model().rowCount() > 0)

        def done() -> None:
            seconds = time.perf_counter() - started
            for signal in signals:
                signal.disconnect(mark)
            # Keep watching the GUI thread a little: "the rest as it scrolls" must not block.
            QTimer.singleShot(500, lambda: then(seconds, heartbeat.stop()))

        self.watch.when(test, done)

    # --- the member search -----------------------------------------------------------
    def search(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        box = self.find("member_search")
        results: list[float] = []
        queries = list(QUERIES)

        def one() -> None:
            if not queries:
                self.at("search", seconds=results)
                self.proceed()
                return
            text = queries.pop(0)
            box.setText(text[:-1])
            QTest.keyClicks(box, text[-1])
            started = time.perf_counter()

            def measured(seconds: float, _block: float) -> None:
                results.append(round(seconds, 4))
                from PySide6.QtCore import QTimer

                QTimer.singleShot(SETTLE_MS, one)

            self.changed_and_painted("members_table", started, measured, rows=False)
            QTest.keyClick(box, Qt.Key.Key_Return)

        one()

    # --- the journal -----------------------------------------------------------------
    def journal(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QComboBox, QTableView, QTabWidget

        self.show_section("premium")

        def choose_year() -> None:
            combo = self.find("premium_year", QComboBox)
            combo.setCurrentIndex(combo.findData(self.year))
            QTimer.singleShot(SETTLE_MS, open_journal)

        def open_journal() -> None:
            tabs = self.find("premium_tabs", QTabWidget)
            index = next(
                i
                for i in range(tabs.count())
                if tabs.widget(i).findChild(QTableView, "journal_table") is not None
            )
            started = time.perf_counter()
            self.changed_and_painted("journal_table", started, entries_shown)
            tabs.setCurrentIndex(index)

        def entries_shown(seconds: float, block: float) -> None:
            self.at("journal", seconds=round(seconds, 4), blocked=round(block, 4))
            QTimer.singleShot(SETTLE_MS, postings)

        def postings() -> None:
            combo = self.find("journal_mode", QComboBox)
            started = time.perf_counter()
            self.changed_and_painted("journal_table", started, postings_shown)
            combo.setCurrentIndex(combo.findData("postings"))

        def postings_shown(seconds: float, block: float) -> None:
            self.at("postings", seconds=round(seconds, 4), blocked=round(block, 4))
            self.proceed()

        QTimer.singleShot(SETTLE_MS, choose_year)


class Heartbeat:
    """The longest gap between ticks of a 10 ms timer: how long the GUI thread was blocked."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> float:
        self.tick()
        self.timer.stop()
        return self.longest


if __name__ == "__main__":
    main()
