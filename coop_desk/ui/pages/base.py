"""A section of the main window: titled, refreshed when the data it shows changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from coop_desk.ui.context import AppContext


class Page(QWidget):
    """Subclasses set ``key`` and ``topics`` and implement ``title()`` and ``refresh()``."""

    key: str = ""
    # Change-bus topics after which this page reloads (see AppContext.notify).
    topics: frozenset[str] = frozenset()
    status_message = Signal(str)  # permanent status-bar text for this page (counts, totals)
    # Asks the main window to show another page (key) and, within it, a target (a tab...).
    navigate = Signal(str, str)
    # The page of the built-in manual that F1 opens on this page.
    help_topic: str = "index"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.changed.connect(self._on_changed)
        ctx.actor_changed.connect(self.apply_permissions)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload from the services. Called when the page is shown after a relevant change."""
        raise NotImplementedError

    def apply_permissions(self) -> None:
        """Enable or hide actions the signed-in user's role does not allow."""

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the page's search box, if it has one."""

    def new_record(self) -> None:
        """Ctrl+N: start a new record of the page's kind, if it has one."""

    def show_target(self, target: str) -> None:
        """Show a part of the page (a tab) named by ``target``; unknown targets are ignored."""

    def can_create(self) -> bool:
        """Whether Ctrl+N ("New record") does something here for the signed-in role."""
        return False

    def is_available(self) -> bool:
        """Whether the signed-in role sees this section at all."""
        return True

    def ensure_fresh(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def _on_changed(self, topic: str) -> None:
        if topic in self.topics or topic == "*":
            self._stale = True
            if self.isVisible():
                self.ensure_fresh()
