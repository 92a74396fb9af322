"""The languages of the GUI: which exist, which one the user chose, and loading its
translations (Qt's own and ours) into the application.

The choice is ``COOP_DESK_LANG`` or File > Language (stored in ``QSettings``); without one, the
system's language. Both the launcher (``coop_desk.app``) and the main window's Language menu
read it from here, so neither imports the other.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

LANGUAGES = {"en": "English", "es": "Español"}
DEFAULT_COUNTRY = {"es": "es_PE"}  # the locale of a language when the system has another

# Compiled translations (.qm) next to their sources (.ts); `make translations` rebuilds them.
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def chosen_locale() -> QLocale:
    """The language the user chose (``COOP_DESK_LANG`` or File > Language), else the system's."""
    code = os.environ.get("COOP_DESK_LANG") or str(QSettings().value("language", "") or "")
    if code in LANGUAGES:
        system = QLocale.system()
        if system.name().startswith(code):
            return system  # keep the country's number and date formats (es_PE)
        # The cooperative's administrators are in Peru: Peruvian formats (1,234.56; d/MM/yy).
        return QLocale(DEFAULT_COUNTRY.get(code, code))
    return QLocale.system()


def install_translations(app: QApplication) -> None:
    locale = chosen_locale()
    QLocale.setDefault(locale)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    ours = QTranslator(app)
    if ours.load(locale, "coop_desk", "_", str(TRANSLATIONS_DIR)):
        app.installTranslator(ours)
