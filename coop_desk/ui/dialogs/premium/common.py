"""What the Premium forms share beyond the form base (``ui/dialogs/form.py``): the list of
bank and cash accounts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox

from coop_desk.services.ledger.accounts import AccountRow


def fill_accounts(combo: QComboBox, rows: Sequence[AccountRow]) -> None:
    """Bank and cash accounts by name with their currency; item data is the row."""
    combo.clear()
    for row in rows:
        combo.addItem(f"{row.name} ({row.currency})" if row.currency else row.name, row)
