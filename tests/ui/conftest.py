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
