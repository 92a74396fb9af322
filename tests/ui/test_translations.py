"""The Spanish (Peru) catalogue: complete, compiled, and what a Spanish-speaking user sees."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from coop_desk import i18n
from coop_desk.domain import certification, members, premium
from coop_desk.exchange import roster
from coop_desk.services import access, audit_words, member_import
from coop_desk.services.certification import alerts as cert_alerts
from coop_desk.services.ledger import accounts
from coop_desk.services.ledger import books as ledger_books
from coop_desk.ui import labels
from coop_desk.ui.language import TRANSLATIONS_DIR

TS = TRANSLATIONS_DIR / "coop_desk_es.ts"
QM = TRANSLATIONS_DIR / "coop_desk_es.qm"


@pytest.fixture
def spanish(qapp):  # type: ignore[no-untyped-def]
    """Our Spanish catalogue and Qt's own (standard buttons) installed, removed afterwards."""
    installed = []
    for name, folder in (
        ("coop_desk", str(TRANSLATIONS_DIR)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator()
        if translator.load(QLocale("es_PE"), name, "_", folder):
            QCoreApplication.installTranslator(translator)
            installed.append(translator)
    assert installed, "the Spanish catalogue did not load"
    i18n.set_language("es")  # the core's labels and messages, as the launcher sets them
    yield installed
    i18n.set_language("en")
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def spanish_window(qtbot, demo_ctx, spanish):  # type: ignore[no-untyped-def]
    from coop_desk.ui.main_window import MainWindow

    win = MainWindow(demo_ctx)  # built after the translators: its texts are Spanish
    qtbot.addWidget(win)
    win.show()
    return win


def test_the_main_window_speaks_spanish(spanish_window, qtbot):
    sidebar = spanish_window.sidebar
    titles = [sidebar.item(i).text() for i in range(sidebar.count())]
    assert {"Socios", "Prima", "Certificaciones"} <= set(titles)
    assert "Members" not in titles
    page = spanish_window.show_page("members")
    qtbot.waitUntil(lambda: not page.model.busy and page.model.rowCount() > 0)
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Apellidos" in headers and "Caserío" in headers and "Estado" in headers
    statuses = {model.index(r, headers.index("Estado")).data() for r in range(model.rowCount())}
    assert "Activo" in statuses  # a label from the Qt-free domain layer, translated
    menus = [a.text() for a in spanish_window.menuBar().actions()]
    assert menus[0] == "&Archivo"


def test_the_member_editor_speaks_spanish(spanish_window, qtbot):
    page = spanish_window.show_page("members")
    editor = page.open_editor(None)
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "Nuevo socio"
    assert editor.tabs.tabText(0) == "Detalles"
    cancel = editor.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Cancelar"
    genders = {editor.gender.itemText(i) for i in range(editor.gender.count())}
    assert {"Femenino", "Masculino"} <= genders


def test_english_is_back_once_the_translator_is_removed(window):
    sidebar = window.sidebar
    assert [sidebar.item(i).text() for i in (0, 1)] == ["Home", "Members"]


def test_every_message_of_the_catalogue_is_translated():
    root = ET.parse(TS).getroot()
    messages = root.findall("./context/message")
    assert len(messages) > 800
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_the_compiled_catalogue_matches_its_source(tmp_path):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    out = tmp_path / "es.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(out)], check=True)
    assert QM.read_bytes() == out.read_bytes(), "run `make translations` and commit the .qm"


def test_every_label_of_the_qt_free_layers_is_in_the_catalogue():
    shown = [
        members.STATUS_LABELS,
        members.GENDER_LABELS,
        premium.SCHEME_LABELS,
        certification.CONVERSION_LABELS,
        certification.INSPECTION_RESULT_LABELS,
        certification.SANCTION_LABELS,
        certification.COMMITTEE_LABELS,
        certification.SCHEME_KIND_LABELS,
        access.ROLE_LABELS,
        cert_alerts.KIND_LABELS,
        ledger_books.ENTRY_KIND_LABELS,
        accounts.ROLE_LABELS,
        member_import.ACTION_LABELS,
        certification.ORGANIC_STATUS_LABELS,
        roster.FIELD_LABELS,
        audit_words.ENTITY_LABELS,
        audit_words.FIELD_LABELS,
    ]
    texts = {text for table in shown for text in table.values()}
    texts |= set(cert_alerts.LEVEL_LABELS.values())
    texts |= {audit_words.YES, audit_words.NO}
    with i18n.use_language("es"):
        untranslated = {t for t in texts if labels.tr_label(t) == t and t not in SAME_IN_SPANISH}
    assert untranslated == set()


# Labels that Spanish writes as English does.
SAME_IN_SPANISH = {
    "DNI",
    "Fairtrade",
    "Fairtrade International",
    "Fair Trade USA",
    "Auditor",
    "Error",
    "FLO ID",
    "RUC",
    "SHA-256",
    "Inspector",
    "no",
}


def test_qt_file_dialog_speaks_spanish(spanish, qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "&Buscar en:" in texts and "Archivos de &tipo:" in texts, texts
    assert not any("Look in" in t or "Files of" in t for t in texts)


def test_no_string_of_the_gui_is_missing_from_the_catalogue(tmp_path):
    """Re-extracts the strings the way `make translations` does: a visible string added
    without its Spanish translation fails here (run `make translations` and translate it)."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    root = Path(__file__).resolve().parents[2]
    sources = sorted(
        str(p) for p in [*(root / "coop_desk" / "ui").rglob("*.py"), root / "coop_desk" / "app.py"]
    )
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run([lupdate, "-silent", "-no-obsolete", *sources, "-ts", str(fresh)], check=True)
    missing = [
        m.findtext("source")
        for m in ET.parse(fresh).getroot().iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert missing == []


def test_the_auditors_screens_speak_spanish(spanish_window, qtbot):
    """The audit trail names records in Spanish ("Asiento 2026-0029", field labels), and the
    group's own certificate is "la cooperativa"."""
    page = spanish_window.show_page("audit")
    page.set_filter(table_name="journal_entry")
    page.view.selectRow(0)
    assert page.model.index(0, 3).data().startswith("Asiento 2026-")
    fields = {c[0] for c in page.changes.changes}
    assert {"Fecha", "Tipo", "Descripción"} <= fields
    assert page.table.currentText() == "Asiento"
    certs = spanish_window.page("certs")
    with qtbot.waitSignal(certs.loaded, timeout=20_000):
        spanish_window.show_page("certs")
    holders = {
        certs.certificates_model.index(r, 1).data()
        for r in range(certs.certificates_model.rowCount())
    }
    assert "la cooperativa" in holders and "cooperative" not in holders
