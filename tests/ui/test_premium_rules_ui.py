"""The Project balances tab says what ``verify`` and the reports say: the 25% share with its
one rounding, and what each project was paid, per currency (issue 9)."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import Qt

from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import reports
from coop_desk.ui.pages.premium.models import LOCAL_PAID_COLUMN, OTHER_PAID_COLUMN
from tests.conftest import TODAY
from tests.integration.test_one_rule import add_eur_payment, add_received_100_10
from tests.ui.premium_helpers import balances, premium_page


def test_the_screen_requires_25_03_of_100_10_received(qtbot, ctx):
    from coop_desk.ui.main_window import MainWindow

    with ctx.db.transaction(SYSTEM) as s:
        add_received_100_10(s, SYSTEM)
        add_eur_payment(s, SYSTEM)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = premium_page(window)
    page.set_year(2024)
    balances(page)
    tab = page.balances_tab
    assert tab.quality is not None
    assert (tab.quality.received, tab.quality.spent, tab.quality.required) == (
        D("100.10"),
        D("25.02"),
        D("25.03"),
    )
    text = tab.quality_label.text()
    assert "USD 25.03 is required" in text and "not met" in text
    # Paid from the EUR account: shown as paid, in its own column.
    row = tab.projects_model.find_row(lambda r: r.name == "Education fund")
    cell = tab.projects_model.index(row, OTHER_PAID_COLUMN)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "EUR 120.00"
    assert not tab.projects.isColumnHidden(OTHER_PAID_COLUMN)


def test_the_screen_shows_what_the_report_shows_per_currency(window, demo_ctx):
    page = premium_page(window)
    page.set_year(TODAY.year - 1)
    projects, _fund = balances(page)
    summary = demo_ctx.read(lambda s, a: reports.ga_summary(s, a, TODAY.year - 1))
    assert {line.name: line for line in summary.lines} == projects
    model = page.balances_tab.projects_model
    row = model.find_row(lambda r: r.name == "Education fund")
    assert model.index(row, LOCAL_PAID_COLUMN).data(Qt.ItemDataRole.DisplayRole) == "11,163.20"
    assert model.headerData(LOCAL_PAID_COLUMN, Qt.Orientation.Horizontal) == "Paid in PEN"
    assert page.balances_tab.projects.isColumnHidden(OTHER_PAID_COLUMN)  # nothing paid in EUR
    assert "is required (met)" in page.balances_tab.quality_label.text()
