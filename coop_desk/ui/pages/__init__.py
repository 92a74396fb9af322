"""The sections of the main window, in sidebar order. Each section is a ``Page``.

The sidebar needs only each section's key and title (``page_specs``); a page's module is
imported and the page built when it is first shown, so the window comes up without importing
the certification, ledger and audit code (and what they import)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from coop_desk.services.access import Permission

if TYPE_CHECKING:
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.pages.base import Page


def _always(_ctx: AppContext) -> bool:
    return True


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Callable[[], str]  # the page's own title(), without building the page
    load: Callable[[], type[Page]]  # imports the page's module
    # The page's is_available() before it is built (the same rule: the page asks this).
    available: Callable[[AppContext], bool] = _always


def users_available(ctx: AppContext) -> bool:
    """Accounts and everyone's last sign-in: administrators only."""
    return ctx.can(Permission.USERS_ADMIN)


def _home() -> type[Page]:
    # Its charts (QtCharts) and figures load with the page, in the background once shown.
    from coop_desk.ui.pages.home import HomePage

    return HomePage


def _members() -> type[Page]:
    from coop_desk.ui.pages.members import MembersPage

    return MembersPage


def _premium() -> type[Page]:
    from coop_desk.ui.pages.premium import PremiumPage

    return PremiumPage


def _certifications() -> type[Page]:
    from coop_desk.ui.pages.certifications import CertificationsPage

    return CertificationsPage


def _audit() -> type[Page]:
    from coop_desk.ui.pages.audit import AuditPage

    return AuditPage


def _users() -> type[Page]:
    from coop_desk.ui.pages.users import UsersPage

    return UsersPage


def page_specs() -> list[PageSpec]:
    # Same context and text as each page's self.tr(...) title: one translation serves both.
    return [
        PageSpec("home", lambda: QCoreApplication.translate("HomePage", "Home"), _home),
        PageSpec("members", lambda: QCoreApplication.translate("MembersPage", "Members"), _members),
        PageSpec("premium", lambda: QCoreApplication.translate("PremiumPage", "Premium"), _premium),
        PageSpec(
            "certs",
            lambda: QCoreApplication.translate("CertificationsPage", "Certifications"),
            _certifications,
        ),
        PageSpec("audit", lambda: QCoreApplication.translate("AuditPage", "Audit trail"), _audit),
        PageSpec(
            "users",
            lambda: QCoreApplication.translate("UsersPage", "Users"),
            _users,
            users_available,
        ),
    ]


def page_classes() -> list[type[Page]]:
    """Every page class (imports every page module)."""
    return [spec.load() for spec in page_specs()]
