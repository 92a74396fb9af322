"""The Premium section: its tabs and models, contracts and plan dialogs, compliance, years,
and what an auditor may do."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from coop_desk.services.access import SYSTEM, Actor, Role
from coop_desk.services.ledger import checks, contracts, fiscal, journal, plan, reports
from coop_desk.services.ledger.ui_queries import contract_overview
from coop_desk.ui.dialogs.premium.entry import PostingsModel
from coop_desk.ui.pages import page_classes
from coop_desk.ui.pages.members import MembersPage
from coop_desk.ui.pages.premium import PremiumPage
from coop_desk.ui.pages.premium.models import (
    ApprovalsModel,
    ContractsModel,
    FindingsModel,
    FundModel,
    JournalModel,
    ProjectBalancesModel,
    ProjectsModel,
)
from tests.conftest import TODAY
from tests.ui.premium_helpers import balances, pick, premium_page, show_journal, wait_journal

D = Decimal


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch):  # type: ignore[no-untyped-def]
    def fail(_parent, exc, title=None):  # type: ignore[no-untyped-def]
        raise AssertionError(f"error shown to the user: {exc}")

    monkeypatch.setattr("coop_desk.ui.dialogs.form.show_error", fail)
    monkeypatch.setattr("coop_desk.ui.pages.premium.show_error", fail)


def test_the_section_follows_members():
    classes = page_classes()
    assert classes[classes.index(MembersPage) + 1] is PremiumPage
    assert PremiumPage.key == "premium"
    assert {"ledger", "settings", "*"} <= PremiumPage.topics


def test_every_model_passes_the_model_tester(qtmodeltester, demo_ctx):
    def load(s, a):  # type: ignore[no-untyped-def]
        entries = journal.list_entries(s, a)
        return (
            contract_overview(s, a, today=TODAY),
            plan.list_projects(s, a),
            plan.list_approvals(s, a, 2025),
            entries,
            reports.project_balances(s, a, 2025),
            reports.fund_report(s, a, 2025),
            checks.compliance(s, a, TODAY),
            journal.get_entry(s, a, entries[0].id).postings,
        )

    rows = demo_ctx.read(load)
    projects = [(p, D("100.00")) for p in rows[1]]
    cases = [
        (ContractsModel(), rows[0]),
        (ProjectsModel(), projects),
        (ApprovalsModel(), rows[2]),
        (JournalModel(), rows[3]),
        (ProjectBalancesModel(), rows[4]),
        (FundModel(), [rows[5]]),
        (FindingsModel(), rows[6]),
        (PostingsModel(), rows[7]),
    ]
    for model, data in cases:
        assert data, type(model).__name__
        model.set_rows(data)
        qtmodeltester.check(model)
        model.sort(1)  # sorting on raw values keeps the model consistent
        qtmodeltester.check(model)


def test_tabs_show_the_demo_books(window, qtbot):
    page = premium_page(window)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Contracts",
        "Plan && budget",
        "Journal",
        "Project balances",
        "Compliance",
    ]
    assert page.year() == 2026
    years = [page.year_combo.itemData(i) for i in range(page.year_combo.count())]
    assert years == [2024, 2025, 2026, 2027]  # the next year is offered for its plan
    assert "closed" in page.year_combo.itemText(0)
    page.tabs.setCurrentWidget(page.plan_tab)
    assert page.plan_tab.projects_model.rowCount() == 7
    assert page.plan_tab.approvals_model.rowCount() >= 1
    show_journal(qtbot, page)
    assert page.journal_tab.model.rowCount() == 29  # the demo's 2026 entries
    projects, fund = balances(page)
    assert projects["Education fund"].approved == D("4000.00")
    assert fund.closing == fund.opening + fund.opening_balances + fund.earned - fund.spent + (
        fund.exchange + fund.other
    )
    status = window.page_status.text()
    assert status.startswith("Premium available: USD ")
    assert f"{fund.closing:,.2f}" in status


def test_the_contracts_tab_follows_the_selected_fiscal_year(window, qtbot, demo_ctx):
    page = premium_page(window)
    page.tabs.setCurrentWidget(page.contracts_tab)
    seen = {}
    for year in (2024, 2025, 2026):
        page.set_year(year)
        dues = demo_ctx.read(lambda s, a, y=year: reports.contract_dues(s, a, year=y, today=TODAY))
        rows = page.contracts_tab.model.rows()
        assert {r.id for r in rows} == {d.contract_id for d in dues} != set()
        due = sum((d.premium_due for d in dues), D(0))
        assert page.contracts_tab.totals.text().startswith(f"{year}: {len(dues)} contracts")
        assert f"premium due USD {due:,.2f}" in page.contracts_tab.totals.text()
        seen[year] = {r.id for r in rows}
    assert sum(len(ids) for ids in seen.values()) == 13  # each demo contract in one year


def test_journal_filters_by_project_and_text(window, qtbot):
    page = premium_page(window)
    show_journal(qtbot, page)
    tab = page.journal_tab
    pick(tab.project, lambda _d, text: text == "Certification")
    wait_journal(qtbot, tab)
    assert tab.model.rowCount() > 0
    assert {r.project_name for r in tab.model.rows()} == {"Certification"}
    tab.project.setCurrentIndex(0)
    tab.search.setText("FLOCERT")
    tab.reload()
    wait_journal(qtbot, tab)
    assert [r.payee for r in tab.model.rows()] == ["FLOCERT GmbH"]


def test_journal_links_the_demo_reversal(window, qtbot):
    page = premium_page(window)
    page.set_year(2025)
    show_journal(qtbot, page)
    tab = page.journal_tab
    reversed_rows = [r for r in tab.model.rows() if r.reversed_by_number]
    assert len(reversed_rows) == 1
    original = reversed_rows[0]
    assert tab.select_entry(original.id)
    tab.go_to_linked()
    wait_journal(qtbot, tab)
    assert tab.selected().reverses_number == original.number
    headers = [c.header for c in tab.model.columns]
    assert "Reverses" in headers and "Reversed by" in headers


def test_compliance_lists_the_demo_warnings(window, qtbot):
    page = premium_page(window)
    page.set_year(2025)
    with qtbot.waitSignal(page.loaded, timeout=20_000):  # the checks run in a pool thread
        page.tabs.setCurrentWidget(page.compliance_tab)
    findings = page.compliance_tab.model.rows()
    over = [f for f in findings if f.check == "premium.over_budget"]
    assert over and "Women's programme" in over[0].message
    assert over[0].record == "project 5"
    row = page.compliance_tab.model.find_row(lambda f: f is over[0])
    assert page.compliance_tab.model.index(row, 3).data() == "Project Women's programme"
    assert "compliance warnings" in page.compliance_tab.summary.text()
    compliance = page.compliance_tab
    compliance.table.selectRow(compliance.model.find_row(lambda f: f is over[0]))
    compliance.go_to_record()  # double-click: the project's balance
    assert page.tabs.currentWidget() is page.balances_tab
    indexes = page.balances_tab.projects.selectionModel().selectedRows()
    selected = page.balances_tab.projects_model.row_at(indexes[0].row())
    assert selected.name == "Women's programme" and selected.over_budget
    page.tabs.setCurrentWidget(page.compliance_tab)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.set_year(2026)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.compliance_tab.check_button.click()
    assert any(f.check == "premium.overdue" for f in page.compliance_tab.model.rows())


def test_an_auditor_sees_no_operation_buttons(window, qtbot, demo_ctx):
    page = premium_page(window)
    assert page.payment_action.isVisible()
    demo_ctx.set_actor(Actor("ana", Role.AUDITOR))
    for action in [*page.operation_actions, page.close_year_action, page.reopen_year_action]:
        assert not action.isVisible(), action.text()
    for tab in (page.contracts_tab, page.plan_tab, page.journal_tab):
        assert tab.write_widgets
        assert all(w.isHidden() for w in tab.write_widgets)  # hidden, not just off-screen
    show_journal(qtbot, page)
    page.journal_tab.table.selectRow(0)
    texts = [a.text() for a in page.journal_tab.context_actions()]
    assert not any("Reverse" in t for t in texts)
    assert page.journal_tab.open_button.isVisible()
    assert not page.compliance_tab.check_button.isHidden()
    # A treasurer records operations but may not reopen a year.
    demo_ctx.set_actor(Actor("tomas", Role.TREASURER))
    assert page.payment_action.isVisible()
    assert not any(w.isHidden() for w in page.journal_tab.write_widgets)
    assert not page.reopen_year_action.isVisible()


def test_contract_dialog_computes_the_premium_as_the_user_types(window, qtbot, demo_ctx):
    from datetime import date

    page = premium_page(window)
    dialog = page.open_contract_dialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.number, "NRC-2026-77")
    dialog.signing_date.set_date_value(date(2026, 11, 2))
    pick(dialog.scheme, lambda data, _t: data == "fairtrade")
    qtbot.keyClicks(dialog.quantity, "27")
    partial = dialog.figures.text()
    assert "premium due USD" in partial and "8,366.54" not in partial
    qtbot.keyClicks(dialog.quantity, "5")  # 275 bags: DOMAIN.md's worked example
    text = dialog.figures.text()
    assert "41,832.71 lb" in text
    assert "premium due USD 8,366.54" in text
    assert "USD 2,091.64" in text
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    created = dialog.result_row
    assert created.premium_due == D("8366.54")
    assert page.contracts_tab.select(created.id)

    shipment = page.open_shipment_dialog(created.id)
    qtbot.addWidget(shipment)
    shipment.shipment_date.set_date_value(TODAY)
    with qtbot.waitSignal(shipment.saved):
        shipment.save_button().click()
    row = demo_ctx.read(lambda s, a: contracts.get_contract(s, a, created.id))
    assert row.shipment_entry_id is not None


def test_budget_revision_keeps_the_history(window, qtbot, demo_ctx):
    page = premium_page(window)
    before = demo_ctx.read(lambda s, a: plan.list_approvals(s, a, 2026))
    dialog = page.open_approval_dialog(revision=True)
    qtbot.addWidget(dialog)
    women = next(p for p in demo_ctx.read(plan.list_projects) if p.key == "womens_programme")
    assert dialog.budget_edits[women.id].value() == D("2500.00")
    dialog.budget_edits[women.id].setText("3,100")
    dialog.approval_date.set_date_value(TODAY)
    qtbot.keyClicks(dialog.minutes, "Acta GA 2026-02")
    dialog.members_present.setValue(120)
    dialog.women_present.setValue(50)
    dialog.votes_for.setValue(100)
    dialog.votes_against.setValue(5)
    dialog.votes_abstaining.setValue(15)
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    after = demo_ctx.read(lambda s, a: plan.list_approvals(s, a, 2026))
    assert len(after) == len(before) + 1
    assert after[-1].current and not after[-2].current
    projects, _fund = balances(page)
    assert projects["Women's programme"].approved == D("3100.00")
    page.tabs.setCurrentWidget(page.plan_tab)
    assert page.plan_tab.approvals_model.rowCount() == len(after)


def test_approval_with_bad_counts_names_the_field(window, qtbot, demo_ctx):
    page = premium_page(window)
    dialog = page.open_approval_dialog(revision=True)
    qtbot.addWidget(dialog)
    dialog.members_present.setValue(10)
    dialog.women_present.setValue(20)
    dialog.minutes.setText("Acta X")
    dialog.votes_for.setValue(6)
    dialog.save_button().click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.problems.labels["women_present"].isHidden()


def test_new_project_appears_in_the_plan(window, qtbot, demo_ctx):
    page = premium_page(window)
    page.tabs.setCurrentWidget(page.plan_tab)
    dialog = page.open_project_dialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Water for drying yards")
    dialog.quality.setChecked(True)
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    names = [p.name for p, _budget in page.plan_tab.projects_model.rows()]
    assert "Water for drying yards" in names


def test_close_and_reopen_a_year(window, qtbot, demo_ctx):
    page = premium_page(window)
    page.set_year(2025)
    assert page.close_year_action.isEnabled() and not page.reopen_year_action.isEnabled()
    dialog = page.open_close_year_dialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    assert page.info.is_closed(2025)
    assert page.reopen_year_action.isEnabled()

    reopen = page.open_reopen_year_dialog()
    qtbot.addWidget(reopen)
    reopen.save_button().click()
    assert not reopen.problems.labels["reason"].isHidden()
    qtbot.keyClicks(reopen.reason, "a payment was missing")
    with qtbot.waitSignal(reopen.saved):
        reopen.save_button().click()
    years = {y.year: y for y in demo_ctx.read(lambda s, a: fiscal.list_fiscal_years(s, a, TODAY))}
    assert not years[2025].closed
    assert [e.action for e in years[2025].events][-2:] == ["close", "reopen"]
    assert years[2025].events[-1].reason == "a payment was missing"


def test_opening_balance_into_a_new_cash_box(window, qtbot, demo_ctx):
    from coop_desk.services.ledger import accounts

    with demo_ctx.db.transaction(SYSTEM) as s:
        accounts.create_money_account(s, SYSTEM, name="Caja chica", currency="USD", role="cash")
    demo_ctx.notify("ledger")
    page = premium_page(window)
    _projects, fund_before = balances(page)
    dialog = page.open_opening_dialog()
    qtbot.addWidget(dialog)
    pick(dialog.account, lambda data, _t: data is not None and data.name == "Caja chica")
    dialog.entry_date.set_date_value(TODAY)
    qtbot.keyClicks(dialog.amount, "250")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    _projects, fund = balances(page)
    assert fund.opening_balances - fund_before.opening_balances == D("250.00")
    assert fund.cash - fund_before.cash == D("250.00")


def test_next_years_plan_is_approved_before_it_starts(window, qtbot, demo_ctx):
    page = premium_page(window)
    page.set_year(2027)
    page.tabs.setCurrentWidget(page.plan_tab)
    assert "not yet approved" in page.plan_tab.heading.text()
    assert page.plan_tab.approval_button.isEnabled()
    assert not page.plan_tab.revision_button.isEnabled()
    dialog = page.open_approval_dialog()
    qtbot.addWidget(dialog)
    assert all(edit.value() is None for edit in dialog.budget_edits.values())
    projects = demo_ctx.read(plan.list_projects)
    dialog.budget_edits[projects[0].id].setText("4,500.00")
    dialog.budget_edits[projects[2].id].setText("6000")
    assert dialog.total_label.text() == "USD 10,500.00"
    dialog.approval_date.set_date_value(TODAY)
    dialog.minutes.setText("Acta GA 2026-12")
    dialog.members_present.setValue(140)
    dialog.women_present.setValue(61)
    dialog.votes_for.setValue(130)
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    assert page.year() == 2027
    assert "USD 10,500.00" in page.plan_tab.heading.text()
    budgets = {p.name: b for p, b in page.plan_tab.projects_model.rows()}
    assert budgets[projects[0].name] == D("4500.00")
    assert budgets[projects[1].name] is None


def test_a_year_not_yet_over_cannot_be_closed(window, qtbot, demo_ctx):
    page = premium_page(window)
    assert page.year() == 2026
    dialog = page.open_close_year_dialog()
    qtbot.addWidget(dialog)
    dialog.save_button().click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "2026-12-31" in dialog.problems.general.text()
    assert not page.info.is_closed(2026)


def test_painting_the_grids_never_touches_the_database(window, qtbot, demo_ctx, monkeypatch):
    page = premium_page(window)
    for tab in (page.contracts_tab, page.plan_tab, page.journal_tab, page.balances_tab):
        page.tabs.setCurrentWidget(tab)
        wait_journal(qtbot, page.journal_tab)  # its rows come from a pool thread

    def no_db(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("database used while painting")

    monkeypatch.setattr(demo_ctx.db, "reading", no_db)
    monkeypatch.setattr(demo_ctx.db, "transaction", no_db)
    table = page.balances_tab.projects
    for tab in (page.contracts_tab, page.plan_tab, page.journal_tab, page.balances_tab):
        page.tabs.setCurrentWidget(tab)  # already loaded: switching only repaints
        assert not tab.grab().isNull()
    # The delegate paints a bar from the index's value alone (still no database).
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    image = QImage(200, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 200, 24)
    option.palette = table.palette()
    option.fontMetrics = table.fontMetrics()
    option.widget = table
    page.balances_tab.delegate.paint(painter, option, table.model().index(0, 5))
    painter.end()
    colours = {image.pixelColor(x, 12).name() for x in range(4, 100)}
    assert len(colours) > 1  # a bar, not an empty white cell


def test_the_journal_pages_as_it_scrolls_and_goes_to_an_entry_beyond_the_page(window, qtbot):
    page = premium_page(window)
    page.set_year(2025)
    tab = page.journal_tab
    tab.model.page_size = tab.lines_model.page_size = 5
    tab.table.setFixedHeight(90)  # room for a few rows: the view asks for no more by itself
    tab.reload()
    tab = show_journal(qtbot, page)
    assert tab.model.rowCount() == 5 and tab.model.canFetchMore()
    count = int(tab.count_label.text().split()[0])
    assert count > 10
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 5)
    wait_journal(qtbot, tab)
    whole = window.ctx.read(lambda s, a: journal.list_entries(s, a, tab.current_filter()))
    assert tab.model.rows() == whole[: tab.model.rowCount()]
    # The last entry of the year: not loaded yet, selected once its page has come.
    last = whole[-1]
    page.go_to_entry(last.id)
    wait_journal(qtbot, tab)
    assert tab.selected() == last
    # The postings view keeps the entry selected, on the line it starts with.
    pick(tab.mode, lambda data, _t: data == "postings")
    wait_journal(qtbot, tab)
    assert tab.selected().id == last.id
    assert "postings" in tab.count_label.text()


def test_sorting_the_journal_on_a_column_sorts_the_whole_year(window, qtbot):
    page = premium_page(window)
    page.set_year(2025)
    tab = page.journal_tab
    tab.model.page_size = 5
    tab.table.setFixedHeight(90)
    tab.reload()
    tab = show_journal(qtbot, page)
    tab.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # description, Z first
    wait_journal(qtbot, tab)
    descriptions = [r.description.casefold() for r in tab.model.rows()]
    assert len(descriptions) == int(tab.count_label.text().split()[0])  # all, not a page
    assert descriptions == sorted(descriptions, reverse=True)
    tab.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by date again: paged, newest first
    wait_journal(qtbot, tab)
    dates = [r.entry_date for r in tab.model.rows()]
    assert len(dates) == 5 and dates == sorted(dates, reverse=True)
