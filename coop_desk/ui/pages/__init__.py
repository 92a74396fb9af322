"""The sections of the main window, in sidebar order. Each section is a ``Page``.

The sidebar needs only each section's key and title (``page_specs``); a page's module is
imported and the page built when it is first shown, so the window comes up without importing
the certification, ledger and audit code (and what they import)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from coop_desk.ui.pages.base import Page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Callable[[], str]  # the page's own title(), without building the page
    load: Callable[[], type[Page]]  # imports the page's module


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
    tr = QCoreApplication.translate
    return [
        PageSpec("members", lambda: tr("MembersPage", "Members"), _members),
        PageSpec("premium", lambda: tr("PremiumPage", "Premium"), _premium),
        PageSpec("certs", lambda: tr("CertificationsPage", "Certifications"), _certifications),
        PageSpec("audit", lambda: tr("AuditPage", "Audit trail"), _audit),
        PageSpec("users", lambda: tr("UsersPage", "Users"), _users),
    ]


def page_classes() -> list[type[Page]]:
    """Every page class (imports every page module)."""
    return [spec.load() for spec in page_specs()]
