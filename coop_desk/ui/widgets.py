"""Small shared widgets: amount and date fields, and inline problem messages on forms."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from coop_desk.domain.money import MoneyError, parse_amount, round_money
from coop_desk.domain.problems import Problem
from coop_desk.i18n import formats

# Text colours for what is wrong (red) and what deserves attention (amber).
ERROR_COLOR = "#b00020"
WARNING_COLOR = "#9a6700"


def locale_decimal_point() -> str:
    return formats.decimal_point()


def format_decimal(value: Decimal | None, places: int = 2) -> str:
    """An exact amount as the language writes it ("1,250.50"), without going through float
    (:func:`coop_desk.i18n.formats.amount`: one rule for the GUI, the CLI and workbooks)."""
    return formats.amount(value, places)


def date_format() -> str:
    """The Qt display format of dates (dd/MM/yyyy in Spanish): :mod:`coop_desk.i18n.formats`."""
    return formats.qt_date_pattern()


def format_date(value: date | None) -> str:
    return formats.date_text(value)


def format_rate(value: Decimal | None) -> str:
    """An exchange rate: 3.7500, not 3.75000000 (:func:`coop_desk.i18n.formats.rate`)."""
    return formats.rate(value)


def format_datetime(value: datetime | None, *, seconds: bool = False) -> str:
    """A stored timestamp in the computer's local time, as the language writes it."""
    return formats.datetime_text(value, seconds=seconds)


def compact_combo(combo: QComboBox, chars: int = 14) -> QComboBox:
    """A filter list as wide as ``chars`` characters rather than its longest item (an
    account name of 50 characters made the journal's filter row wider than a laptop
    screen); the open list still shows the items whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)

    def fit_popup() -> None:
        view = combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24 if combo.count() else 0)

    combo.model().rowsInserted.connect(lambda *_: fit_popup())
    combo.model().modelReset.connect(fit_popup)
    fit_popup()
    return combo


def wrapping_label(text: str = "") -> QLabel:
    """A heading that wraps instead of widening its row (and the window) when long."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMinimumWidth(160)
    return label


def field_row(field: QWidget, *beside: QWidget) -> QWidget:
    """``field`` taking the width, with what goes beside it (its currency, a button) at their
    own size, as one form row."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    for widget in beside:
        layout.addWidget(widget)
    return row


class AmountEdit(QLineEdit):
    """A text field for money or quantities that accepts what people type ("1,250.50",
    "1250.5", "1.250,50") in the display locale and yields an exact ``Decimal``."""

    valueChanged = Signal()  # noqa: N815 - Qt naming

    def __init__(self, places: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.places = places
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._reformat)
        self.textChanged.connect(lambda _t: self.valueChanged.emit())

    def value(self) -> Decimal | None:
        """The amount, ``None`` when blank. Raises ``MoneyError`` on unreadable text or more
        decimals than the field holds."""
        text = self.text().strip()
        if not text:
            return None
        amount = parse_amount(text, locale_decimal_point())
        if round_money(amount, self.places) != amount:
            raise MoneyError(f"{text!r} has more than {self.places} decimals")
        return amount

    def setValue(self, value: Decimal | None) -> None:  # noqa: N802 - Qt naming
        self.setText(format_decimal(value, self.places) if value is not None else "")

    def _reformat(self) -> None:
        try:
            value = self.value()
        except MoneyError:
            return  # leave the text for the user to correct; validation reports it
        if value is not None:
            self.setValue(value)


class DateField(QDateEdit):
    """A date with a calendar pop-up; ``date_value()`` gives a ``datetime.date``."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_format())
        self.setMinimumDate(QDate(1900, 1, 1))
        self.set_date_value(value or date.today())

    def date_value(self) -> date:
        q = self.date()
        return date(q.year(), q.month(), q.day())

    def set_date_value(self, value: date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


class ProblemLabel(QLabel):
    """Red text under a field naming what is wrong with it; hidden when nothing is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setWordWrap(True)
        self.hide()

    def show_problems(self, messages: list[str]) -> None:
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))


def on_edit(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever the user changes ``widget`` or an input inside it (a row
    that holds a field and its button, say)."""
    for w in (widget, *widget.findChildren(QWidget)):
        if isinstance(w, QLineEdit):
            w.textChanged.connect(lambda _text: callback())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            w.textChanged.connect(callback)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(lambda _index: callback())
        elif isinstance(w, QDateTimeEdit):
            w.dateTimeChanged.connect(lambda _value: callback())
        elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
            w.valueChanged.connect(lambda _value: callback())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            w.toggled.connect(lambda _checked: callback())
        elif isinstance(w, QListWidget):
            w.itemChanged.connect(lambda _item: callback())


def widget_text(widget: QWidget) -> str:
    """What a field shows, as text (to show a user what they had typed)."""
    for w in (widget, *widget.findChildren(QWidget)):
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, (QPlainTextEdit, QTextEdit)):
            return w.toPlainText()
        if isinstance(w, QComboBox):
            return w.currentText()
        if isinstance(w, (QDateTimeEdit, QSpinBox, QDoubleSpinBox)):
            return w.text()
        if isinstance(w, QAbstractButton) and w.isCheckable():
            return "✓" if w.isChecked() else "✗"
    return ""


class TypedValueLabel(QLabel):
    """Under a field, after a reload: what the user had typed there before the new values
    replaced it (hidden when the field is the same)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("typed_value")
        self.setStyleSheet("color: #1a4f8b;")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()


def set_read_only(widget: QWidget) -> None:
    """Show ``widget`` (and the inputs inside it) as read-only, so a role that may only look
    is not offered what looks like a field to type in: text stays selectable and copyable on
    the window's background colour; choices, dates and buttons are disabled."""
    for w in (widget, *widget.findChildren(QWidget)):
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            w.setReadOnly(True)
            palette = w.palette()
            palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
            w.setPalette(palette)
            if isinstance(w, QLineEdit):
                w.setPlaceholderText("")
        elif isinstance(w, (QComboBox, QDateTimeEdit, QSpinBox, QDoubleSpinBox, QAbstractButton)):
            w.setEnabled(False)
        elif isinstance(w, QListWidget):
            w.setEnabled(False)


class FormProblems:
    """Maps problem fields to the labels shown under the form's fields. A field's message
    goes away as soon as the user changes that field: the next save checks it again."""

    def __init__(self) -> None:
        self.labels: dict[str, ProblemLabel] = {}
        self.general = ProblemLabel()

    def add_row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> ProblemLabel:
        problem = ProblemLabel()
        form.addRow(label, widget)
        form.addRow("", problem)
        self.labels[field] = problem
        on_edit(widget, lambda: problem.show_problems([]))
        return problem

    def show(self, problems: list[Problem]) -> None:
        grouped: dict[str, list[str]] = {}
        for p in problems:
            key = p.field if p.field in self.labels else ""
            grouped.setdefault(key, []).append(p.message if key else p.describe())
        for field, label in self.labels.items():
            label.show_problems(grouped.get(field, []))
        self.general.show_problems(grouped.get("", []))

    def clear(self) -> None:
        self.show([])

    def clear_field(self, field: str) -> None:
        """The user changed ``field`` in a way the widget's own signals do not tell."""
        if field in self.labels:
            self.labels[field].show_problems([])

    def visible_messages(self) -> list[str]:
        return [lab.text() for lab in [*self.labels.values(), self.general] if not lab.isHidden()]
