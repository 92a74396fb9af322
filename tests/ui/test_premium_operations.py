"""Operations recorded through the Premium dialogs (real widgets, Save clicked) and what the
balances show afterwards; posted entries cannot be edited from the GUI nor by the service."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
from sqlalchemy import delete, update

from coop_desk.errors import Conflict
from coop_desk.models import Document, JournalEntry
from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import journal, reports
from coop_desk.services.ledger.journal import JournalFilter
from coop_desk.services.ledger.ui_queries import contract_overview
from tests.conftest import TODAY
from tests.ui.premium_helpers import (
    account_named,
    balances,
    pick,
    premium_page,
    show_journal,
    wait_journal,
)

D = Decimal


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch):  # type: ignore[no-untyped-def]
    """An unexpected error would open a modal box; make it fail the test instead."""

    def fail(_parent, exc, title=None):  # type: ignore[no-untyped-def]
        raise AssertionError(f"error shown to the user: {exc}")

    monkeypatch.setattr("coop_desk.ui.dialogs.form.show_error", fail)
    monkeypatch.setattr("coop_desk.ui.pages.premium.show_error", fail)


def _entries(ctx) -> int:  # type: ignore[no-untyped-def]
    return len(ctx.read(lambda s, a: journal.list_entries(s, a)))


def _overdue_contract(ctx):  # type: ignore[no-untyped-def]
    rows = ctx.read(lambda s, a: contract_overview(s, a, today=TODAY))
    return next(r for r in rows if r.overdue)


def test_premium_receipt_through_the_dialog_moves_the_fund(window, qtbot, demo_ctx):
    page = premium_page(window)
    _projects, fund_before = balances(page)
    projects_before = _projects
    contract = _overdue_contract(demo_ctx)
    dialog = page.open_receipt_dialog(contract.id)
    qtbot.addWidget(dialog)
    assert dialog.contract.currentData() == contract.id
    pick(dialog.account, account_named("Bank USD"))
    assert not dialog.rate.isEnabled()  # USD into a USD account: no rate asked
    dialog.entry_date.set_date_value(TODAY)
    qtbot.keyClicks(dialog.amount, "1,250.50")
    qtbot.keyClicks(dialog.bank_charges, "12.5")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    assert dialog.result() == QDialog.DialogCode.Accepted

    projects, fund = balances(page)
    assert fund.received - fund_before.received == D("1263.00")  # net + charges
    assert fund.cash - fund_before.cash == D("1250.50")
    assert fund.receivable - fund_before.receivable == D("-1263.00")
    assert fund.spent - fund_before.spent == D("12.50")  # bank charges: administration
    admin_before, admin = projects_before["Administration"], projects["Administration"]
    assert admin.spent - admin_before.spent == D("12.50")
    after = next(r for r in demo_ctx.read(contract_overview) if r.id == contract.id)
    assert contract.outstanding - after.outstanding == D("1263.00")
    assert "Premium available: USD" in window.page_status.text()


def test_project_payment_with_receipt_file_changes_the_project_exactly(
    window, qtbot, demo_ctx, tmp_path, monkeypatch
):
    page = premium_page(window)
    projects_before, fund_before = balances(page)
    scan = tmp_path / "factura.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned receipt")
    dialog = page.open_payment_dialog()
    qtbot.addWidget(dialog)
    pick(dialog.project, lambda _d, text: text == "Education fund")
    pick(dialog.account, account_named("Bank PEN"))
    assert dialog.rate.isEnabled()
    dialog.entry_date.set_date_value(TODAY)
    qtbot.keyClicks(dialog.amount, "1,875.00")
    qtbot.keyClicks(dialog.rate, "3.75")
    dialog.payee.setText("Librería El Estudiante")  # accented: setText, not keyClicks
    qtbot.keyClicks(dialog.voucher, "F001-9999")
    qtbot.keyClicks(dialog.description, "Notebooks")
    dialog.receipt_file.setText(str(scan))
    assert "approved" in dialog.budget_label.text()
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()

    projects, fund = balances(page)
    before, after = projects_before["Education fund"], projects["Education fund"]
    assert after.spent - before.spent == D("500.00")  # 1,875.00 PEN at 3.75
    assert after.remaining - before.remaining == D("-500.00")
    assert after.paid_local - before.paid_local == D("1875.00")
    assert after.percent_used == (after.spent * 100 / after.approved).quantize(D("0.1"))
    assert fund.spent - fund_before.spent == D("500.00")
    assert fund.closing - fund_before.closing == D("-500.00")
    entry = dialog.result_row
    assert entry.voucher == "F001-9999"
    assert entry.document_sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()

    # The entry shows the receipt, checked against its hash, and opens a copy of it from the
    # database; a changed copy is flagged and not offered; a missing one is named.
    opened = []
    monkeypatch.setattr("coop_desk.ui.documents.open_with_system", opened.append)
    scan.unlink()
    detail = page.open_entry_dialog(entry.id)
    qtbot.addWidget(detail)
    assert "identical" in detail.fields["document"].text()
    assert detail.document_button is not None
    detail.document_button.click()
    assert [p.name for p in opened] == ["factura.pdf"]
    assert opened[0].read_bytes() == b"%PDF-1.4 scanned receipt"
    sha = entry.document_sha256
    with demo_ctx.db.transaction(SYSTEM) as s:
        s.execute(update(Document).where(Document.sha256 == sha).values(content=b"%PDF altered"))
    altered = page.open_entry_dialog(entry.id)
    qtbot.addWidget(altered)
    assert "WARNING" in altered.fields["document"].text()
    assert altered.document_button is None
    with demo_ctx.db.transaction(SYSTEM) as s:
        s.execute(delete(Document).where(Document.sha256 == sha))
    missing = page.open_entry_dialog(entry.id)
    qtbot.addWidget(missing)
    assert "missing from the database" in missing.fields["document"].text()


def _typo_payment(page, qtbot):  # type: ignore[no-untyped-def]
    """The payment dialog filled with a typo: 50,000.00 PEN for the Education fund."""
    dialog = page.open_payment_dialog()
    qtbot.addWidget(dialog)
    pick(dialog.project, lambda _d, text: text == "Education fund")
    pick(dialog.account, account_named("Bank PEN"))
    dialog.entry_date.set_date_value(TODAY)
    qtbot.keyClicks(dialog.rate, "3.75")
    with qtbot.waitSignal(dialog.preview_shown):
        qtbot.keyClicks(dialog.amount, "50,000.00")
    dialog.payee.setText("Librería")  # accented: setText, not keyClicks
    qtbot.keyClicks(dialog.voucher, "F001-7777")
    dialog.description.setText("Útiles escolares")
    return dialog


def test_a_payment_beyond_budget_and_balance_asks_first_and_going_back_posts_nothing(
    window, qtbot, demo_ctx
):
    page = premium_page(window)
    count = _entries(demo_ctx)
    dialog = _typo_payment(page, qtbot)
    # While typing: the USD value, and the budget and balance after the payment, in red.
    assert dialog.usd_label.text() == "= USD 13,333.33"
    preview = dialog.preview
    assert preview is not None and preview.balance_after < 0
    assert "After this payment" in dialog.budget_label.text()
    assert "#b00020" in dialog.budget_label.styleSheet()
    assert "#b00020" in dialog.balance_label.styleSheet()
    assert f"{preview.balance_after:,.2f}" in dialog.balance_label.text()
    asked = []

    def go_back(shown):  # type: ignore[no-untyped-def]
        asked.append(dialog.consequence_text(shown))
        return False

    dialog.confirm_consequences = go_back
    dialog.save_button().click()
    (lines,) = asked
    assert len(lines) == 2
    assert lines[0].startswith("Education fund: spending reaches USD")
    assert "Bank PEN holds" in lines[1]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert _entries(demo_ctx) == count  # nothing posted

    dialog.confirm_consequences = lambda shown: True
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    assert _entries(demo_ctx) == count + 1


def test_a_missing_voucher_is_named_before_any_confirmation_is_asked(window, qtbot, demo_ctx):
    page = premium_page(window)
    dialog = _typo_payment(page, qtbot)
    dialog.voucher.clear()
    dialog.confirm_consequences = lambda shown: pytest.fail("asked before the form is right")
    dialog.save_button().click()
    assert not dialog.problems.labels["voucher"].isHidden()


def test_the_usd_value_shows_at_the_last_rate_until_a_rate_is_typed(window, qtbot, demo_ctx):
    page = premium_page(window)
    dialog = page.open_payment_dialog()
    qtbot.addWidget(dialog)
    pick(dialog.account, account_named("Bank PEN"))
    with qtbot.waitSignal(dialog.preview_shown):
        qtbot.keyClicks(dialog.amount, "375")
    assert dialog.usd_label.text().startswith("≈ USD ")
    assert dialog.usd_label.toolTip()
    with qtbot.waitSignal(dialog.preview_shown):
        qtbot.keyClicks(dialog.rate, "3.75")
    assert dialog.usd_label.text() == "= USD 100.00"
    pick(dialog.account, account_named("Bank USD"))
    assert dialog.usd_label.text() == ""  # a USD amount is its own USD value


def test_a_treasurer_refused_by_the_setting_sees_why_next_to_the_amount(window, qtbot, demo_ctx):
    from coop_desk.services import cooperative
    from coop_desk.services.access import Actor, Role
    from coop_desk.services.ledger import operations

    with demo_ctx.db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, operations.OVER_BUDGET_SETTING, "administrators")
    demo_ctx.set_actor(Actor("tesorero", Role.TREASURER, user_id=2))
    page = premium_page(window)
    count = _entries(demo_ctx)
    dialog = _typo_payment(page, qtbot)
    assert dialog.preview is not None and dialog.preview.refused
    dialog.confirm_consequences = lambda shown: pytest.fail("nothing to confirm: refused")
    dialog.save_button().click()
    label = dialog.problems.labels["amount"]
    assert not label.isHidden() and "only an administrator" in label.text()
    assert _entries(demo_ctx) == count


def test_payment_without_voucher_shows_the_message_and_saves_nothing(window, qtbot, demo_ctx):
    page = premium_page(window)
    count = _entries(demo_ctx)
    dialog = page.open_payment_dialog()
    qtbot.addWidget(dialog)
    pick(dialog.account, account_named("Bank USD"))
    qtbot.keyClicks(dialog.amount, "100")
    qtbot.keyClicks(dialog.payee, "Someone")
    qtbot.keyClicks(dialog.description, "No voucher")
    dialog.save_button().click()
    label = dialog.problems.labels["voucher"]
    assert not label.isHidden()
    assert "voucher" in label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert _entries(demo_ctx) == count


def test_unreadable_amount_is_named_next_to_the_field(window, qtbot, demo_ctx):
    page = premium_page(window)
    count = _entries(demo_ctx)
    dialog = page.open_payment_dialog()
    qtbot.addWidget(dialog)
    dialog.amount.setText("12,,5x")
    dialog.voucher.setText("V-1")
    dialog.save_button().click()
    assert not dialog.problems.labels["amount"].isHidden()
    assert _entries(demo_ctx) == count


def test_posted_entries_cannot_be_edited_from_the_gui_nor_by_the_service(window, qtbot, demo_ctx):
    page = premium_page(window)
    show_journal(qtbot, page)
    tab = page.journal_tab
    assert tab.model.rowCount() > 0
    tab.table.selectRow(0)
    entry = tab.selected()
    texts = [a.text().lower() for a in tab.context_actions()]
    assert not any("edit" in t or "delete" in t for t in texts)
    assert any("reverse" in t for t in texts)
    for flags_row in range(tab.model.rowCount()):
        index = tab.model.index(flags_row, 3)
        assert not tab.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert tab.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers

    dialog = page.open_entry_dialog(entry.id)
    qtbot.addWidget(dialog)
    editors = dialog.findChildren(QLineEdit) + dialog.findChildren(QPlainTextEdit)
    editors += dialog.findChildren(QTextEdit) + dialog.findChildren(QAbstractSpinBox)
    editors += dialog.findChildren(QComboBox)
    assert editors == []
    assert dialog.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert len(dialog.model.rows()) >= 2

    with pytest.raises(Conflict):
        with demo_ctx.db.transaction(SYSTEM) as s:
            stored = s.get(JournalEntry, entry.id)
            assert stored is not None
            stored.description = "changed"
            s.flush()
    unchanged = demo_ctx.read(lambda s, a: journal.get_entry(s, a, entry.id)).entry
    assert unchanged == entry


def test_reversal_through_the_dialog_restores_the_balances(window, qtbot, demo_ctx):
    page = premium_page(window)
    projects_before, fund_before = balances(page)
    payment = page.open_payment_dialog()
    qtbot.addWidget(payment)
    pick(payment.project, lambda _d, text: text == "Crop renovation")
    pick(payment.account, account_named("Bank USD"))
    payment.entry_date.set_date_value(TODAY)
    qtbot.keyClicks(payment.amount, "321.09")
    qtbot.keyClicks(payment.payee, "Vivero")
    qtbot.keyClicks(payment.voucher, "F-321")
    qtbot.keyClicks(payment.description, "Seedlings, wrong project")
    with qtbot.waitSignal(payment.saved):
        payment.save_button().click()
    entry = payment.result_row
    projects_mid, _fund_mid = balances(page)
    assert projects_mid["Crop renovation"].spent - projects_before["Crop renovation"].spent == D(
        "321.09"
    )

    show_journal(qtbot, page)
    assert page.journal_tab.select_entry(entry.id)
    dialog = page.open_reverse_dialog(page.journal_tab.selected())
    qtbot.addWidget(dialog)
    dialog.save_button().click()  # no reason yet
    assert not dialog.problems.labels["reason"].isHidden()
    assert dialog.result() != QDialog.DialogCode.Accepted
    qtbot.keyClicks(dialog.reason, "booked to the wrong project")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    reversal = dialog.result_row
    assert reversal.reverses_id == entry.id

    projects, fund = balances(page)
    before, after = projects_before["Crop renovation"], projects["Crop renovation"]
    for field in ("approved", "spent", "remaining", "percent_used", "paid_usd", "paid_local"):
        assert getattr(after, field) == getattr(before, field), field
    assert after.postings == before.postings + 2  # the payment and its reversal stay
    assert fund == fund_before

    # The journal shows both, linked, and goes from one to the other.
    show_journal(qtbot, page)
    tab = page.journal_tab
    assert tab.select_entry(entry.id)
    original = tab.selected()
    assert original.reversed_by_number == reversal.number
    assert tab.reverse_button.isEnabled() is False
    tab.go_to_linked()
    wait_journal(qtbot, tab)
    assert tab.selected().id == reversal.id
    assert tab.selected().reverses_number == original.number
    rows = demo_ctx.read(lambda s, a: journal.list_entries(s, a, JournalFilter(text=entry.number)))
    assert {r.id for r in rows} >= {entry.id}


def test_transfer_dialog_shows_the_rate_and_moves_both_accounts(window, qtbot, demo_ctx):
    page = premium_page(window)

    def bank(name: str, currency: str) -> Decimal:
        rows = demo_ctx.read(lambda s, a: reports.account_balances(s, a, 2026))
        return next(r.closing for r in rows if r.name == name and r.currency == currency)

    usd, pen = bank("Bank USD", "USD"), bank("Bank PEN", "PEN")
    dialog = page.open_transfer_dialog()
    qtbot.addWidget(dialog)
    pick(dialog.from_account, account_named("Bank USD"))
    pick(dialog.to_account, account_named("Bank PEN"))
    dialog.entry_date.set_date_value(TODAY)
    qtbot.keyClicks(dialog.amount, "1000")
    qtbot.keyClicks(dialog.to_amount, "3,752.50")
    assert dialog.rate_label.text() == "1 USD = 3.7525 PEN"
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    assert bank("Bank USD", "USD") == usd - D("1000.00")
    assert bank("Bank PEN", "PEN") == pen + D("3752.50")


def test_same_currency_transfer_takes_the_rate_typed(window, qtbot, demo_ctx):
    page = premium_page(window)
    dialog = page.open_transfer_dialog()
    qtbot.addWidget(dialog)
    pick(dialog.from_account, account_named("Bank PEN"))
    pick(dialog.to_account, account_named("Cash PEN"))
    assert dialog.rate.isEnabled() and not dialog.to_amount.isEnabled()
    dialog.entry_date.set_date_value(TODAY)
    qtbot.keyClicks(dialog.amount, "400")
    qtbot.keyClicks(dialog.rate, "4")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    detail = demo_ctx.read(lambda s, a: journal.get_entry(s, a, dialog.result_row.id))
    assert {p.rate for p in detail.postings} == {D("4")}
    assert sorted(p.usd_value for p in detail.postings) == [D("-100.00"), D("100.00")]
    pick(dialog.from_account, account_named("Bank USD"))
    assert not dialog.rate.isEnabled()


def test_premium_received_into_a_pen_account_needs_and_uses_the_rate(window, qtbot, demo_ctx):
    page = premium_page(window)
    contract = _overdue_contract(demo_ctx)
    count = _entries(demo_ctx)
    dialog = page.open_receipt_dialog(contract.id)
    qtbot.addWidget(dialog)
    pick(dialog.account, account_named("Bank PEN"))
    assert dialog.rate.isEnabled() and dialog.currency_label.text() == "PEN"
    dialog.entry_date.set_date_value(TODAY)
    qtbot.keyClicks(dialog.amount, "3,750")
    dialog.save_button().click()
    assert not dialog.problems.labels["rate"].isHidden()  # no rate: nothing saved
    assert _entries(demo_ctx) == count
    qtbot.keyClicks(dialog.rate, "3.75")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    after = next(r for r in demo_ctx.read(contract_overview) if r.id == contract.id)
    assert contract.outstanding - after.outstanding == D("1000.00")


def test_reversing_an_entry_of_a_closed_year_dates_the_reversal_in_the_next(
    window, qtbot, demo_ctx
):
    page = premium_page(window)
    page.set_year(2024)  # closed in the demo
    show_journal(qtbot, page)
    tab = page.journal_tab
    payment = next(r for r in tab.model.rows() if r.kind == "payment" and not r.reversed_by_id)
    dialog = page.open_reverse_dialog(payment)
    qtbot.addWidget(dialog)
    assert dialog.entry_date.date_value().year == 2025
    qtbot.keyClicks(dialog.reason, "duplicate invoice")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button().click()
    assert dialog.result_row.fiscal_year == 2025
    assert dialog.result_row.reverses_number == payment.number
