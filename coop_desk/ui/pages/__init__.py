"""The sections of the main window, in sidebar order. Each section is a ``Page``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coop_desk.ui.pages.base import Page


def page_classes() -> list[type[Page]]:
    # Imported here so that importing the package does not build every page.
    from coop_desk.ui.pages.audit import AuditPage
    from coop_desk.ui.pages.certifications import CertificationsPage
    from coop_desk.ui.pages.home import HomePage
    from coop_desk.ui.pages.members import MembersPage
    from coop_desk.ui.pages.premium import PremiumPage
    from coop_desk.ui.pages.users import UsersPage

    return [HomePage, MembersPage, PremiumPage, CertificationsPage, AuditPage, UsersPage]
