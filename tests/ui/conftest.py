"""GUI fixtures: an AppContext and main window over a test database."""

from __future__ import annotations

import pytest

from coop_desk.services import cooperative
from coop_desk.services.access import SYSTEM


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
