"""What the certification forms share: the base that records into the certification books
(topic, permission, the date taken as today) and the member picker.

``CertFormDialog`` is a :class:`~coop_desk.ui.dialogs.form.FormDialog` whose save needs the
permission to change certification records and announces ``certs``; ``today`` is a function
so tests can fix the date the services judge against. ``MemberPicker`` is an editable combo
box of the group's members ("code — name") that finds a member from any part of what is typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from coop_desk.services import certification as certs
from coop_desk.services.access import Permission
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog


class CertFormDialog(FormDialog):
    topic = "certs"
    permission = Permission.CERTS_WRITE

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(ctx, parent)
        self.today = today


class MemberPicker(QComboBox):
    """The group's members to choose from; typing any part of a code or name finds them."""

    def __init__(
        self, choices: Sequence[certs.MemberChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for choice in choices:
            self.addItem(f"{choice.code} — {choice.name}", choice.id)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def member_id(self) -> int | None:
        """The member whose entry the text names, or None (nothing chosen, or unknown text)."""
        index = self.findText(self.currentText())
        data = self.itemData(index) if index >= 0 else None
        return int(data) if data is not None else None

    def set_member(self, member_id: int) -> bool:
        index = self.findData(member_id)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0
