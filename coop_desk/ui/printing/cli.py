"""``coop-desk ledger report --pdf``: the General Assembly report as a PDF from the command
line. Qt lays the report out, so this (and only this) command starts a ``QGuiApplication`` on
the offscreen platform: nothing is shown and no display is needed. The report is in the
language the program uses (``COOP_DESK_LANG`` or the language chosen in the program).
"""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

from coop_desk.db import Database
from coop_desk.services.access import Actor


def _application() -> None:
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(["coop-desk"])
    QCoreApplication.setOrganizationName("coop-desk")
    QCoreApplication.setApplicationName("coop-desk")
    from coop_desk.ui.language import install_translations

    install_translations(app)
    # Kept for the process's life: the application must outlive every document.
    globals()["_app"] = app


def assembly_pdf(
    db: Database,
    actor: Actor,
    year: int,
    out: Path,
    *,
    local_rate: Decimal | None = None,
    today: date | None = None,
) -> Path:
    """Write the General Assembly's premium-use report for ``year`` to the PDF ``out``."""
    _application()
    from coop_desk.ui.printing import documents, output

    with db.reading(actor) as session:
        data = documents.load_assembly(session, actor, year, local_rate=local_rate, today=today)
    reports = documents.Reports()
    return output.write_pdf(reports.render_assembly(data), out, reports.assembly_title(year))
