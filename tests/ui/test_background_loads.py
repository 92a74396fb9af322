"""Page loads off the GUI thread: BackgroundLoader, the Certifications page and the Premium
page's Compliance tab load in a pool thread, keep the window responsive and drop stale results."""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QThreadPool, QTimer

from coop_desk.services.certification import alerts as cert_alerts
from coop_desk.services.ledger import checks
from coop_desk.ui.context import AppContext
from coop_desk.ui.pages.certifications import CertificationsPage
from coop_desk.ui.pages.premium import PremiumPage
from coop_desk.ui.workers import BackgroundLoader
from tests.conftest import TODAY

MAIN = threading.get_ident()


def settle(qapp) -> None:  # type: ignore[no-untyped-def]
    """Every pool job done and every queued result delivered."""
    assert QThreadPool.globalInstance().waitForDone(30_000)
    qapp.processEvents()
    qapp.processEvents()


def test_loader_runs_off_the_gui_thread_and_drops_a_stale_result(qtbot, qapp):
    loader = BackgroundLoader()
    release = threading.Event()
    threads: list[int] = []
    applied: list[tuple[str, int]] = []

    def slow() -> str:
        threads.append(threading.get_ident())
        assert release.wait(10)
        return "old"

    def fast() -> str:
        threads.append(threading.get_ident())
        return "new"

    def on_done(value: str) -> None:
        applied.append((value, threading.get_ident()))

    first = loader.load(slow, on_done)
    with qtbot.waitSignal(loader.finished, timeout=10_000):
        second = loader.load(fast, on_done)
        release.set()
    settle(qapp)
    assert second == first + 1
    assert applied == [("new", MAIN)]  # the older load came back too, and was dropped
    assert len(threads) == 2 and MAIN not in threads
    assert not loader.busy


def test_loader_reports_errors_as_failed(qtbot):
    loader = BackgroundLoader()

    def boom() -> None:
        raise ValueError("disk on fire")

    with qtbot.waitSignal(loader.failed, timeout=10_000) as blocker:
        loader.load(boom, lambda _r: None)
    assert isinstance(blocker.args[0], ValueError)
    assert not loader.busy


def test_certifications_page_loads_in_the_background(qtbot, qapp, demo_db, monkeypatch):
    page = CertificationsPage(AppContext(demo_db))
    qtbot.addWidget(page)
    page.show()
    old_day = date(2025, 6, 30)
    release = threading.Event()
    threads: list[int] = []
    real = cert_alerts.dashboard

    def dashboard(session, actor, on, days):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        if on == old_day:  # the older refresh is slow: it comes back last
            assert release.wait(10)
        return real(session, actor, on, days)

    monkeypatch.setattr(cert_alerts, "dashboard", dashboard)
    loads: list[int] = []
    page.loaded.connect(lambda: loads.append(1))

    page.today = lambda: old_day
    page.refresh()
    assert page.loading_label.isVisible()  # refresh() returned; the page says it is loading
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))  # the event loop keeps running meanwhile
    page.today = lambda: TODAY
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()  # supersedes the first one
    assert ticks == [1]
    release.set()
    settle(qapp)
    assert len(threads) == 2 and MAIN not in threads
    assert loads == [1]  # only the newest refresh was applied
    assert "2026" in page.coverage_label.text() and "176 of 185" in page.coverage_label.text()
    assert not page.loading_label.isVisible()


def test_certifications_page_shows_a_load_error(qtbot, qapp, sqlite_db, monkeypatch):
    page = CertificationsPage(AppContext(sqlite_db))
    qtbot.addWidget(page)
    shown: list[BaseException] = []
    monkeypatch.setattr(
        "coop_desk.ui.pages.certifications.show_error", lambda _p, exc: shown.append(exc)
    )

    def broken(*_a):  # type: ignore[no-untyped-def]
        raise RuntimeError("database gone")

    monkeypatch.setattr(cert_alerts, "dashboard", broken)
    with qtbot.waitSignal(page.loader.failed, timeout=10_000):
        page.refresh()
    assert [str(e) for e in shown] == ["database gone"]
    assert not page.loading_label.isVisibleTo(page)


def test_compliance_tab_checks_in_the_background(qtbot, qapp, demo_db, monkeypatch):
    page = PremiumPage(AppContext(demo_db))
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.show()
    page.refresh()
    threads: list[int] = []
    real = checks.compliance

    def compliance(session, actor, today, **kw):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real(session, actor, today, **kw)

    monkeypatch.setattr(checks, "compliance", compliance)
    tab = page.compliance_tab
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.tabs.setCurrentWidget(tab)
        assert "checking" in tab.summary.text()
        assert not tab.table.isEnabled()
    assert threads and MAIN not in threads
    assert tab.table.isEnabled()
    assert "compliance warnings" in tab.summary.text() or "passed" in tab.summary.text()
