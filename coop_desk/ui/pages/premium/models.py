"""Item models of the Premium section: one ``RowTableModel`` per grid over the services' row
dataclasses. ``data()`` only looks up and formats; sorting uses the raw values. The progress
delegate paints the % used it is given and never queries."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

from coop_desk.services.ledger.books import ENTRY_KIND_LABELS, EntryKind
from coop_desk.services.ledger.journal import EntryRow, JournalLine
from coop_desk.services.ledger.plan import ApprovalRow, ProjectRow
from coop_desk.services.ledger.reports import FundRow, ProjectBalanceRow
from coop_desk.services.ledger.ui_queries import ContractOverviewRow
from coop_desk.services.verify import Finding
from coop_desk.ui.labels import QT_TRANSLATE_NOOP, tr_label
from coop_desk.ui.models.paged import PagedTableModel
from coop_desk.ui.models.table import SORT_ROLE, Column, RowTableModel
from coop_desk.ui.widgets import format_decimal, format_rate

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("PremiumModels", text)


def _yes(value: bool) -> str:
    return QCoreApplication.translate("PremiumModels", "yes") if value else ""


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{format_decimal(value, 1)} %"


# --- contracts --------------------------------------------------------------------------------


SCHEME_SHORT = {
    "fairtrade": QT_TRANSLATE_NOOP("PremiumModels", "Fairtrade"),
    "fair_trade_usa": QT_TRANSLATE_NOOP("PremiumModels", "Fair Trade USA"),
    "none": QT_TRANSLATE_NOOP("PremiumModels", "Conventional"),
}
OUTSTANDING_COLUMN = 11


class ContractsModel(RowTableModel[ContractOverviewRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        def quantity(r: ContractOverviewRow) -> str:
            c = r.contract
            unit = (
                QCoreApplication.translate("PremiumModels", "bags")
                if c.quantity_unit == "bags"
                else "kg"
            )
            return f"{format_decimal(c.quantity, 0 if c.quantity == c.quantity.to_integral() else 2)} {unit}"

        super().__init__(
            [
                Column(
                    QCoreApplication.translate("PremiumModels", "Buyer"),
                    lambda r: r.contract.buyer_name,
                    tooltip=lambda r: r.contract.buyer_name,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Contract"),
                    lambda r: r.contract.number,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Signed"),
                    lambda r: r.contract.signing_date,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Scheme"),
                    lambda r: r.contract.scheme,
                    lambda v: _tr(SCHEME_SHORT.get(v, v)),
                    tooltip=lambda r: tr_label(r.contract.scheme_label),
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Organic"),
                    lambda r: r.contract.organic,
                    _yes,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Quantity"),
                    lambda r: r.contract.kg,
                    None,
                    True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Pounds"),
                    lambda r: r.contract.pounds,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Premium due"),
                    lambda r: r.contract.premium_due,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Organic diff."),
                    lambda r: r.contract.organic_differential,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Quality 25%"),
                    lambda r: r.contract.quality_share,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Received"),
                    lambda r: r.received,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Outstanding"),
                    lambda r: r.outstanding,
                    align_right=True,
                    tooltip=lambda r: (
                        QCoreApplication.translate("PremiumModels", "overdue") if r.overdue else ""
                    ),
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Shipped"),
                    lambda r: r.contract.shipment_date,
                ),
            ],
            parent,
        )
        self._quantity = quantity

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 5:
            return self._quantity(row)  # shows bags or kg as entered, sorts on kg
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.column() == OUTSTANDING_COLUMN
            and row.overdue
        ):
            return QBrush(QColor("#b00020"))
        return super().data(index, role)


# --- plan -------------------------------------------------------------------------------------


class ProjectsModel(RowTableModel[tuple[ProjectRow, Decimal | None]]):
    """Projects with the budget of the version in force for the selected year."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("PremiumModels", "Project"), lambda r: r[0].name),
                Column(
                    QCoreApplication.translate("PremiumModels", "Objective"),
                    lambda r: r[0].objective,
                    tooltip=lambda r: r[0].objective,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Responsible"),
                    lambda r: r[0].responsible,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Budget (USD)"),
                    lambda r: r[1],
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Productivity / quality"),
                    lambda r: r[0].productivity_quality,
                    _yes,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Active"),
                    lambda r: r[0].active,
                    _yes,
                ),
            ],
            parent,
        )


class ApprovalsModel(RowTableModel[ApprovalRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("PremiumModels", "Version"),
                    lambda r: r.version,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "GA date"),
                    lambda r: r.approval_date,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Minutes"),
                    lambda r: r.minutes_number,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Members present"),
                    lambda r: r.members_present,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Women present"),
                    lambda r: r.women_present,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "For"),
                    lambda r: r.votes_for,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Against"),
                    lambda r: r.votes_against,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Abstaining"),
                    lambda r: r.votes_abstaining,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Budget (USD)"),
                    lambda r: r.total,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "In force"),
                    lambda r: r.current,
                    _yes,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Recorded by"),
                    lambda r: r.recorded_by,
                ),
            ],
            parent,
        )


# --- journal ----------------------------------------------------------------------------------


def kind_label(kind: str) -> str:
    try:
        return tr_label(ENTRY_KIND_LABELS[EntryKind(kind)])
    except ValueError:
        return kind


class JournalModel(PagedTableModel[EntryRow]):
    """One row per entry; reversed entries and reversals are shown in grey, linked by
    number in the last two columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("PremiumModels", "Entry"),
                    lambda r: (r.fiscal_year, r.seq),
                    lambda v: f"{v[0]}-{v[1]:04d}",
                ),
                Column(QCoreApplication.translate("PremiumModels", "Date"), lambda r: r.entry_date),
                Column(
                    QCoreApplication.translate("PremiumModels", "Operation"),
                    lambda r: r.kind,
                    kind_label,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Description"),
                    lambda r: r.description,
                    tooltip=lambda r: r.description,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Amount"),
                    lambda r: r.amounts,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "USD value"),
                    lambda r: r.total_usd,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Reverses"),
                    lambda r: r.reverses_number,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Reversed by"),
                    lambda r: r.reversed_by_number,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Reference"), lambda r: r.reference
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Project"), lambda r: r.project_name
                ),
                Column(QCoreApplication.translate("PremiumModels", "Payee"), lambda r: r.payee),
                Column(QCoreApplication.translate("PremiumModels", "Voucher"), lambda r: r.voucher),
            ],
            parent,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and index.isValid():
            row = self.row_at(index.row())
            if row is not None and (row.is_reversed or row.is_reversal):
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(QColor("#6b6b6b"))
                font = QFont()
                font.setItalic(True)
                return font
            return None
        return super().data(index, role)


class JournalLinesModel(PagedTableModel[JournalLine]):
    """One row per posting: which account moved, by how much, in which currency."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("PremiumModels", "Entry"),
                    lambda r: (r.fiscal_year, r.number, r.line),
                    lambda v: f"{v[1]} · {v[2]}",
                ),
                Column(QCoreApplication.translate("PremiumModels", "Date"), lambda r: r.entry_date),
                Column(
                    QCoreApplication.translate("PremiumModels", "Description"),
                    lambda r: r.description,
                    tooltip=lambda r: r.description,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Account"),
                    lambda r: f"{r.account_code} {r.account_name}",
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Currency"), lambda r: r.currency
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "In (debit)"),
                    lambda r: r.amount if r.amount > 0 else None,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Out (credit)"),
                    lambda r: -r.amount if r.amount < 0 else None,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Rate"),
                    lambda r: r.rate,
                    format_rate,
                    True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "USD value"),
                    lambda r: r.usd_value,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Reverses"),
                    lambda r: r.reverses_number,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Reference"), lambda r: r.reference
                ),
                Column(QCoreApplication.translate("PremiumModels", "Voucher"), lambda r: r.voucher),
                Column(QCoreApplication.translate("PremiumModels", "Memo"), lambda r: r.memo),
            ],
            parent,
        )


# --- balances ---------------------------------------------------------------------------------


PERCENT_COLUMN = 5
LOCAL_PAID_COLUMN = 7
OTHER_PAID_COLUMN = 8


class ProjectBalancesModel(RowTableModel[ProjectBalanceRow]):
    def __init__(self, local_currency: str = "PEN", parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("PremiumModels", "Project"), lambda r: r.name),
                Column(
                    QCoreApplication.translate("PremiumModels", "Prod./quality"),
                    lambda r: r.productivity_quality,
                    _yes,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Approved (USD)"),
                    lambda r: r.approved,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Spent (USD)"),
                    lambda r: r.spent,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Remaining (USD)"),
                    lambda r: r.remaining,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "% used"),
                    lambda r: r.percent_used,
                    _percent,
                    True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Paid in USD"),
                    lambda r: r.paid_usd,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Paid in {0}").format(
                        local_currency
                    ),
                    lambda r: r.paid_local,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Paid in other currencies"),
                    lambda r: r.paid_other_text(),
                ),
            ],
            parent,
        )

    def set_local_currency(self, currency: str) -> None:
        column = self.columns[LOCAL_PAID_COLUMN]
        header = QCoreApplication.translate("PremiumModels", "Paid in {0}").format(currency)
        if column.header != header:
            self.columns[LOCAL_PAID_COLUMN] = Column(
                header, column.value, column.display, column.align_right
            )
            self.headerDataChanged.emit(
                Qt.Orientation.Horizontal, LOCAL_PAID_COLUMN, LOCAL_PAID_COLUMN
            )

    def paid_in_other_currencies(self) -> bool:
        """Whether a row was paid in a currency other than USD and the local one."""
        return any(r.paid_other for r in self.rows())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 4:
            row = self.row_at(index.row())
            if row is not None and row.over_budget:
                return QBrush(QColor("#b00020"))
            return None
        return super().data(index, role)


class FundModel(RowTableModel[FundRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("PremiumModels", "Fund"), lambda r: tr_label(r.name)
                ),
                Column(QCoreApplication.translate("PremiumModels", "Year"), lambda r: r.year),
                Column(
                    QCoreApplication.translate("PremiumModels", "Opening"),
                    lambda r: r.opening + r.opening_balances,
                    align_right=True,
                    tooltip=lambda r: (
                        QCoreApplication.translate(
                            "PremiumModels", "provisional: the previous year is still open"
                        )
                        if r.provisional
                        else ""
                    ),
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Earned"),
                    lambda r: r.earned,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Received"),
                    lambda r: r.received,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Spent"),
                    lambda r: r.spent,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Exchange / other"),
                    lambda r: r.exchange + r.other,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Closing"),
                    lambda r: r.closing,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Receivable"),
                    lambda r: r.receivable,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "In bank and cash"),
                    lambda r: r.cash,
                    align_right=True,
                ),
            ],
            parent,
        )


class ProgressDelegate(QStyledItemDelegate):
    """Paints the % used (the index's raw value) as a progress bar; red when over 100 %.
    Only reads the index: no database, no service."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(SORT_ROLE)
        if not isinstance(value, Decimal):
            super().paint(painter, option, index)
            return
        rect = option.rect
        text_width = option.fontMetrics.horizontalAdvance("100.0 %") + 8
        bar = QStyleOptionProgressBar()
        bar.rect = rect.adjusted(3, 4, -text_width, -4)
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = max(0, min(100, int(value)))
        bar.textVisible = False
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.palette = QPalette(option.palette)
        if value > 100:
            bar.palette.setColor(QPalette.ColorRole.Highlight, QColor("#b00020"))
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)
        painter.save()
        if value > 100:
            painter.setPen(QColor("#b00020"))
        text_rect = rect.adjusted(rect.width() - text_width, 0, -3, 0)
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            _percent(value),
        )
        painter.restore()


# --- compliance -------------------------------------------------------------------------------


SEVERITY_COLORS = {"error": "#b00020", "warning": "#9a6700"}


class FindingsModel(RowTableModel[Finding]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("PremiumModels", "Severity"),
                    lambda r: 0 if r.severity == "error" else 1,
                    lambda v: (
                        QCoreApplication.translate("PremiumModels", "Error")
                        if v == 0
                        else QCoreApplication.translate("PremiumModels", "Warning")
                    ),
                ),
                Column(QCoreApplication.translate("PremiumModels", "Check"), lambda r: r.check),
                Column(
                    QCoreApplication.translate("PremiumModels", "Finding"),
                    lambda r: r.message,
                    tooltip=lambda r: r.message,
                ),
                Column(
                    QCoreApplication.translate("PremiumModels", "Concerns"),
                    lambda r: r.record,
                    # "Contract KFH-2026-09", not "contract 13" (names given by the loader).
                    row_display=lambda r: self.names.get(r.record, r.record),
                ),
            ],
            parent,
        )
        self.names: dict[str, str] = {}
        style = QApplication.style()
        self._icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 0:
            row = self.row_at(index.row())
            if row is not None:
                if role == Qt.ItemDataRole.DecorationRole:
                    return self._icons.get(str(row.severity))
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(QColor(SEVERITY_COLORS.get(str(row.severity), "#000000")))
        return super().data(index, role)
