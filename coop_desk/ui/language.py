"""The languages of the GUI: which exist, which one the user chose, and loading its
translations (Qt's own and ours) into the application.

The choice is ``COOP_DESK_LANG`` or File > Language (stored in ``QSettings``); without one, the
system's language. The same choice sets the core's language (:mod:`coop_desk.i18n`: messages,
alerts, import reports), once, at start. Both the launcher (``coop_desk.app``) and the main window's Language menu
read it from here, so neither imports the other.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from coop_desk import i18n
from coop_desk.i18n import formats

LANGUAGES = i18n.LANGUAGES

# Compiled translations (.qm) next to their sources (.ts); `make translations` rebuilds them.
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def chosen_language() -> str:
    """The language the user chose (``COOP_DESK_LANG`` or File > Language), else the system's
    when we speak it, else English."""
    code = os.environ.get("COOP_DESK_LANG") or str(QSettings().value("language", "") or "")
    return i18n.normalize(code) or i18n.normalize(QLocale.system().name()) or "en"


def chosen_locale() -> QLocale:
    """The Qt locale of the chosen language, with the country :mod:`coop_desk.i18n.formats`
    formats numbers for (Spanish as in Peru), so Qt and the core write numbers alike."""
    return QLocale(formats.locale_name(chosen_language()))


def install_translations(app: QCoreApplication) -> None:
    """Qt's and our translations for the chosen language (the desktop program, and the
    offscreen application ``ledger report --pdf`` starts)."""
    locale = chosen_locale()
    QLocale.setDefault(locale)
    # The core's messages (validation, alerts, import reports) in the same language.
    i18n.set_language(chosen_language())
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    ours = QTranslator(app)
    if ours.load(locale, "coop_desk", "_", str(TRANSLATIONS_DIR)):
        app.installTranslator(ours)
