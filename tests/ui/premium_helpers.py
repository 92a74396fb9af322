"""Helpers shared by the Premium GUI tests."""

from __future__ import annotations

from tests.conftest import TODAY


def premium_page(window):  # type: ignore[no-untyped-def]
    """The Premium page of the demo window, judging dates by the tests' fixed today."""
    page = window.page("premium")
    page.today = lambda: TODAY
    window.show_page("premium")
    page.refresh()
    return page


def balances(page):  # type: ignore[no-untyped-def]
    """({project name: ProjectBalanceRow}, FundRow) as the Project balances tab shows them."""
    page.tabs.setCurrentWidget(page.balances_tab)
    page._reload_current_tab()
    projects = {r.name: r for r in page.balances_tab.projects_model.rows()}
    (fund,) = page.balances_tab.fund_model.rows()
    return projects, fund


def pick(combo, predicate) -> None:  # type: ignore[no-untyped-def]
    """Choose the first item of ``combo`` whose data or text satisfies ``predicate``."""
    for i in range(combo.count()):
        if predicate(combo.itemData(i), combo.itemText(i)):
            combo.setCurrentIndex(i)
            return
    raise AssertionError(f"no such item in {[combo.itemText(i) for i in range(combo.count())]}")


def account_named(name: str):  # type: ignore[no-untyped-def]
    return lambda data, _text: data is not None and data.name == name


def wait_journal(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    """Wait until the journal tab's rows and counts have come back from the pool thread."""
    qtbot.waitUntil(lambda: not tab.busy, timeout=20_000)


def show_journal(qtbot, page):  # type: ignore[no-untyped-def]
    """Switch to the journal tab and wait for its rows."""
    page.tabs.setCurrentWidget(page.journal_tab)
    wait_journal(qtbot, page.journal_tab)
    return page.journal_tab
