"""The built-in manual: short HTML pages in Spanish and English (``resources/help/<lang>/``),
shown in a ``QTextBrowser``. F1 opens the page of the current screen (``Page.help_topic``).

The language follows the program's (the default ``QLocale``): Spanish pages for a Spanish
locale, English otherwise. A topic without a page opens the contents (``index``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

HELP_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "help"
LANGUAGES = ("es", "en")


def help_language(locale: QLocale | None = None) -> str:
    name = (locale or QLocale()).name()
    return next((code for code in LANGUAGES if name.startswith(code)), "en")


def topic_path(topic: str, language: str | None = None) -> Path:
    """The page of ``topic`` in the program's language (the contents when there is none)."""
    folder = HELP_DIR / (language or help_language())
    page = folder / f"{topic}.html"
    return page if page.is_file() else folder / "index.html"


class HelpDialog(QDialog):
    """The manual, opened at a topic; links between its pages work, Back and Contents too."""

    def __init__(self, topic: str = "index", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("coop-desk manual"))
        self.resize(720, 640)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_browser")
        self.browser.setOpenExternalLinks(True)
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        self.contents_button = QPushButton(self.tr("&Contents"))
        self.contents_button.clicked.connect(lambda: self.show_topic("index"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.contents_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        # F1 inside the manual stays in the manual.
        QShortcut(QKeySequence.StandardKey.HelpContents, self, lambda: None)
        self.show_topic(topic)

    def show_topic(self, topic: str) -> None:
        path = topic_path(topic)
        self.topic = path.stem
        # QTextDocument does not follow <link rel="stylesheet">: the pages' CSS is set here.
        css = path.parent / "style.css"
        if css.is_file():
            self.browser.document().setDefaultStyleSheet(css.read_text(encoding="utf-8"))
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self.setWindowTitle(self.tr("coop-desk manual") + " — " + self.browser.documentTitle())


def show_help(parent: QWidget | None, topic: str) -> HelpDialog:
    """Open the manual at ``topic``, not modal; one window per parent, reused."""
    dialog = getattr(parent, "help_dialog", None)
    if not isinstance(dialog, HelpDialog) or not isValid(dialog):
        dialog = HelpDialog(topic, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if parent is not None:
            parent.help_dialog = dialog  # type: ignore[attr-defined]
    else:
        dialog.show_topic(topic)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
