"""Setting the ledger up from the GUI (buyers, accounts, price table, settings), the posting
view of the journal, and the section on an empty database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog

from coop_desk.services.ledger import accounts, contracts, journal
from coop_desk.services.ledger import settings as ledger_settings
from coop_desk.ui.dialogs.premium.rates import RatesModel
from coop_desk.ui.pages.premium.models import JournalLinesModel
from tests.conftest import TODAY
from tests.ui.premium_helpers import account_named, pick, premium_page, show_journal, wait_journal

D = Decimal


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch):  # type: ignore[no-untyped-def]
    def fail(_parent, exc, title=None):  # type: ignore[no-untyped-def]
        raise AssertionError(f"error shown to the user: {exc}")

    monkeypatch.setattr("coop_desk.ui.dialogs.form.show_error", fail)
    monkeypatch.setattr("coop_desk.ui.pages.premium.show_error", fail)


def test_empty_books_show_empty_tabs(qtbot, ctx):
    from coop_desk.ui.pages.premium import PremiumPage

    page = PremiumPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    with qtbot.waitSignal(page.loaded, timeout=20_000):  # the checks run in a pool thread
        for index in range(page.tabs.count()):
            page.tabs.setCurrentIndex(index)
    assert page.contracts_tab.model.rowCount() == 0
    assert page.journal_tab.model.rowCount() == 0
    assert page.plan_tab.projects_model.rowCount() == 7  # the default projects
    assert "every check passed" in page.compliance_tab.summary.text()


def test_journal_lists_postings_with_their_entry(window, qtbot, demo_ctx):
    page = premium_page(window)
    show_journal(qtbot, page)
    tab = page.journal_tab
    entries = tab.model.rowCount()
    pick(tab.mode, lambda data, _t: data == "postings")
    wait_journal(qtbot, tab)
    assert tab.table.model() is tab.lines_model
    lines = tab.lines_model.rows()
    assert len(lines) > entries
    assert {line.entry_id for line in lines} == {r.id for r in tab.model.rows()}
    assert "postings" in tab.count_label.text()
    tab.table.selectRow(0)
    assert tab.selected().id == lines[0].entry_id
    target = lines[-1].entry_id
    assert tab.select_entry(target)
    assert tab.selected().id == target
    sums: dict[tuple[int, str], Decimal] = {}
    for line in lines:
        key = (line.entry_id, line.currency)
        sums[key] = sums.get(key, D(0)) + line.amount
    assert set(sums.values()) == {D(0)}  # every entry balances per currency


def test_journal_lines_model_passes_the_model_tester(qtmodeltester, demo_ctx):
    model = JournalLinesModel()
    model.set_rows(demo_ctx.read(lambda s, a: journal.list_journal_lines(s, a))[:60])
    qtmodeltester.check(model)
    rates = RatesModel()
    rates.set_rows(demo_ctx.read(contracts.list_rates))
    qtmodeltester.check(rates)


def test_new_buyer_from_the_contract_dialog(window, qtbot, demo_ctx):
    page = premium_page(window)
    dialog = page.open_contract_dialog()
    qtbot.addWidget(dialog)
    buyer = dialog.open_buyer_dialog()
    qtbot.addWidget(buyer)
    qtbot.keyClicks(buyer.name, "Cafe Solidario SA")
    qtbot.keyClicks(buyer.country, "Spain")
    with qtbot.waitSignal(buyer.saved):
        buyer.save_button().click()
    assert dialog.buyer.currentText() == "Cafe Solidario SA"
    names = [b.name for b in demo_ctx.read(contracts.list_buyers)]
    assert "Cafe Solidario SA" in names


def test_new_bank_account_is_offered_for_payments(window, qtbot, demo_ctx):
    page = premium_page(window)
    dialog = page.open_money_account_dialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Banco de la Nación USD")
    dialog.currency.setCurrentText("USD")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    payment = page.open_payment_dialog()
    qtbot.addWidget(payment)
    pick(payment.account, account_named("Banco de la Nación USD"))
    rows = demo_ctx.read(lambda s, a: accounts.list_accounts(s, a, roles=("bank",)))
    assert any(r.name == "Banco de la Nación USD" and r.currency == "USD" for r in rows)


def test_blocking_setting_refuses_an_over_budget_payment_inline(window, qtbot, demo_ctx):
    page = premium_page(window)
    settings = page.open_settings_dialog()
    qtbot.addWidget(settings)
    pick(settings.over_budget, lambda data, _t: data == "block")
    settings.overdue_days.setValue(45)
    with qtbot.waitSignal(settings.saved):
        settings.save_button().click()
    saved = demo_ctx.read(ledger_settings.get_ledger_settings)
    assert saved == ledger_settings.LedgerSettings("block", 45)

    count = len(demo_ctx.read(lambda s, a: journal.list_entries(s, a)))
    payment = page.open_payment_dialog()
    qtbot.addWidget(payment)
    pick(payment.project, lambda _d, text: text == "Administration")
    pick(payment.account, account_named("Bank USD"))
    payment.entry_date.set_date_value(TODAY)
    qtbot.keyClicks(payment.amount, "5000")
    qtbot.keyClicks(payment.payee, "Someone")
    qtbot.keyClicks(payment.voucher, "V-1")
    qtbot.keyClicks(payment.description, "Too much")
    payment.save_button().click()
    assert payment.result() != QDialog.DialogCode.Accepted
    label = payment.problems.labels["amount"]
    assert not label.isHidden() and "blocked" in label.text()
    assert len(demo_ctx.read(lambda s, a: journal.list_entries(s, a))) == count


def test_price_table_row_added_changes_new_contracts(window, qtbot, demo_ctx):
    page = premium_page(window)
    table = page.open_rates_dialog()
    qtbot.addWidget(table)
    rows_before = table.model.rowCount()
    assert not table.correct_button.isEnabled()  # nothing selected yet
    table.table.selectRow(0)
    dialog = table.open_rate_dialog(correct=False)
    assert dialog.minimum_washed.text()  # a new row starts from the selected one
    pick(dialog.scheme, lambda data, _t: data == "fairtrade")
    dialog.valid_from.set_date_value(date(2027, 1, 1))
    dialog.minimum_washed.setText("1.80")
    dialog.minimum_natural.setText("1.75")
    dialog.premium.setText("0.25")
    dialog.organic.setText("0.40")
    dialog.note.setText("test row")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    assert table.model.rowCount() == rows_before + 1
    row = demo_ctx.read(lambda s, a: contracts.rate_for(s, a, "fairtrade", date(2027, 3, 1)))
    assert row is not None and row.premium == D("0.25")
    contract = page.open_contract_dialog()
    qtbot.addWidget(contract)
    contract.signing_date.set_date_value(date(2027, 3, 1))
    contract.quantity.setText("275")
    assert "USD 10,458.18" in contract.figures.text()  # 41,832.71 lb x 0.25


def test_a_contract_entered_by_mistake_is_deleted_one_in_the_books_is_not(
    window, qtbot, demo_ctx, monkeypatch
):
    page = premium_page(window)
    dialog = page.open_contract_dialog()
    qtbot.addWidget(dialog)
    dialog.number.setText("TYPO-1")
    dialog.quantity.setText("10")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    created = dialog.result_row.id
    asked: list[str] = []
    monkeypatch.setattr(page, "confirm", lambda title, text: asked.append(text) or True)
    tab = page.contracts_tab
    assert tab.select(created)
    assert tab.delete_button.isEnabled()
    assert page.delete_selected_contract()
    assert asked and "TYPO-1" in asked[0]
    assert all(r.id != created for r in tab.model.rows())
    shipped = next(r for r in tab.model.rows() if r.contract.shipment_entry_id is not None)
    tab.select(shipped.id)
    assert not tab.delete_button.isEnabled()  # the books use it: the GUI does not offer it


def test_correct_the_record_of_a_meeting_keeps_its_budget(window, qtbot, demo_ctx):
    page = premium_page(window)
    page.tabs.setCurrentWidget(page.plan_tab)
    tab = page.plan_tab
    tab.approvals.selectRow(0)
    approval = tab.selected_approval()
    assert tab.correct_button.isEnabled()
    dialog = page.open_approval_details_dialog(approval)
    qtbot.addWidget(dialog)
    assert dialog.minutes.text() == approval.minutes_number
    dialog.minutes.setText(approval.minutes_number + "-A")
    dialog.women_present.setValue(approval.women_present + 1)
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    (after,) = [a for a in tab.approvals_model.rows() if a.id == approval.id]
    assert after.minutes_number == approval.minutes_number + "-A"
    assert after.women_present == approval.women_present + 1
    assert after.lines == approval.lines and after.total == approval.total


def test_opening_balance_of_what_a_buyer_still_owed(window, qtbot, demo_ctx):
    page = premium_page(window)
    dialog = page.open_opening_dialog()
    qtbot.addWidget(dialog)
    names = [dialog.account.itemText(i) for i in range(dialog.account.count())]
    assert any(name.startswith("Premium receivable:") for name in names)
    assert any(name.startswith("Bank USD") for name in names)
