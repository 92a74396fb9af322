"""A report's HTML to a PDF file (``QPdfWriter``) or to a printer (``QPrintDialog``).

``QTextDocument.print_`` paginates the document to the device's page (A4, 15 mm margins) and
numbers the pages at the bottom. The PDF is written to a temporary file and renamed, so a
report that fails half-way never leaves a damaged PDF under the chosen name.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QDialog, QWidget

PDF_RESOLUTION = 300  # dots per inch: sharp text, small files


def document(html: str, title: str = "") -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    if title:
        doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return doc


def _layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15),
        QPageLayout.Unit.Millimeter,
    )


def write_pdf(html: str, path: Path, title: str = "") -> Path:
    """Write the report to ``path`` (a PDF); returns the path."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(_layout())
    writer.setTitle(title)
    writer.setCreator("coop-desk")
    doc = document(html, title)
    doc.print_(writer)
    del writer  # the file is complete once the writer is gone
    os.replace(partial, path)
    return path


def print_html(parent: QWidget | None, html: str, title: str = "") -> bool:
    """Ask for a printer (``QPrintDialog``) and print the report; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_layout())
    printer.setDocName(title or "coop-desk")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document(html, title).print_(printer)
    return True
