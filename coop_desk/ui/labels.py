"""Labels that come from the Qt-free layers (domain, services, exchange), shown by the GUI.

The domain's label dictionaries (``STATUS_LABELS``, ``GENDER_LABELS``, the certification
labels ...) hold English strings marked with ``N_`` for the core's catalogue
(:mod:`coop_desk.i18n`): :func:`tr_label` translates them there, so the GUI, the command line
and the workbooks say the same words. A new label needs only its ``N_`` mark and its Spanish in
``coop_desk.po`` (``tests/unit/test_core_i18n.py`` checks it).
"""

from __future__ import annotations

from coop_desk.i18n import _


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate reads
    """Marks ``source`` for the catalogue under ``context`` and returns it as it is, to be
    translated where it is shown. Qt's own does the same but PySide6's stubs type its result
    as ``object``; this one is typed, and lupdate finds its calls by the same name."""
    return source


# Qt's own Spanish catalogue (qtbase_es, shipped with PySide6) leaves these words of the file
# dialog untranslated ("Look in:", "Files of type:"). Ours is installed after Qt's, so Qt asks
# it first: listed here, lupdate puts them in our catalogue under Qt's context.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Computer"),
    QT_TRANSLATE_NOOP("QFileDialog", "Date Modified"),
)


def tr_label(text: str) -> str:
    """The translation of a label from the Qt-free layers (the English text when none): from
    the core's catalogue (:mod:`coop_desk.i18n`), in the language the GUI set at start."""
    return _(text) if text else text
