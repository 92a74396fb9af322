"""GUI fixtures: an AppContext and main window over a test database."""

from __future__ import annotations

import pytest

from coop_desk.services import cooperative
from coop_desk.services.access import SYSTEM


@pytest.fixture(autouse=True)
def _background_loads_finish(qapp):  # type: ignore[no-untyped-def]
    """Page loads run in QThreadPool: none may outlive its test (and its database). Garbage is
    collected on the GUI thread only, as the application does (``coop_desk.app.run``): a pool
    thread that collected a widget left by an earlier test crashed the run now and then."""
    from PySide6.QtCore import QThreadPool

    from coop_desk.ui.workers import collecting_on_the_gui_thread

    with collecting_on_the_gui_thread(qapp):
        yield
        QThreadPool.globalInstance().waitForDone(30_000)
        qapp.processEvents()


@pytest.fixture(autouse=True)
def _fresh_qsettings(qapp):  # type: ignore[no-untyped-def]
    """Qt finds the settings file once per process: a layout one test leaves (a remembered tab,
    column widths, the last page) must not reach the next."""
    from PySide6.QtCore import QSettings

    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture(autouse=True)
def discard_questions(monkeypatch):  # type: ignore[no-untyped-def]
    """Closing a changed form asks "Discard changes?": in tests the answer is Discard (a
    test that needs another answer sets ``answer``), and the question is recorded."""
    from coop_desk.ui.dialogs import form

    asked: list[str] = []
    answer = {"discard": True}

    def ask(_parent, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer["discard"]

    monkeypatch.setattr(form, "ask_discard", ask)
    return asked, answer


@pytest.fixture(autouse=True)
def exported_boxes(monkeypatch):  # type: ignore[no-untyped-def]
    """The "Open file / Open folder" box after an export never blocks a test: it answers
    Close and records what it was asked (title, text, path)."""
    from coop_desk.ui import exported

    asked: list[tuple[str, str, object]] = []

    def ask(_parent, title, text, path):  # type: ignore[no-untyped-def]
        asked.append((title, text, path))
        return ""

    monkeypatch.setattr(exported, "ask", ask)
    return asked


@pytest.fixture
def ctx(qapp, sqlite_db):  # type: ignore[no-untyped-def]
    from coop_desk.ui.context import AppContext

    with sqlite_db.transaction(SYSTEM) as s:
        cooperative.save_profile(s, SYSTEM, cooperative.Profile(name="Cooperativa de Prueba"))
    return AppContext(sqlite_db)


@pytest.fixture
def demo_ctx(qapp, demo_db):  # type: ignore[no-untyped-def]
    from coop_desk.ui.context import AppContext

    return AppContext(demo_db)


@pytest.fixture
def window(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    from coop_desk.ui.main_window import MainWindow

    win = MainWindow(demo_ctx)
    qtbot.addWidget(win)
    win.show()
    return win
