"""Deliveries and lots: the coffee bought from members (acopio) with the ICS red flag, the
lots it is grouped in, and the contracts they go to, with the buyer's EUDR file and the
traceability report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import trade
from coop_desk.services.access import Permission
from coop_desk.services.trade import ContractTradeRow, DeliveryFilter, DeliveryRow, LotRow
from coop_desk.ui import exported
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.member_certs_tab import make_table, selected_row
from coop_desk.ui.dialogs.trade import (
    AddToLotDialog,
    DeliveryDialog,
    DueDiligenceDialog,
    LotDialog,
    issue_lines,
)
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import QT_TRANSLATE_NOOP, tr_label
from coop_desk.ui.models.table import Column, RowTableModel
from coop_desk.ui.pages.base import Page
from coop_desk.ui.plot_map import PROBLEM_COLOUR
from coop_desk.ui.widgets import format_decimal
from coop_desk.ui.workers import BackgroundLoader, Cancelled, Progress, run_with_progress


def _t(text: str) -> str:
    return QCoreApplication.translate("TradePage", text)


def _yes(value: bool) -> str:
    return (
        _t(QT_TRANSLATE_NOOP("TradePage", "yes"))
        if value
        else _t(QT_TRANSLATE_NOOP("TradePage", "no"))
    )


def _kg(value: object) -> str:
    return format_decimal(value, 2)  # type: ignore[arg-type]


def delivery_columns(with_lot: bool = True) -> list[Column[DeliveryRow]]:
    columns: list[Column[DeliveryRow]] = [
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Number")), lambda r: r.number),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Date")), lambda r: r.delivery_date),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Member")), lambda r: r.member_code),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Name")), lambda r: r.member_name),
        Column(
            _t(QT_TRANSLATE_NOOP("TradePage", "Collection point")), lambda r: r.collection_point
        ),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Parchment (kg)")), lambda r: r.kg, _kg, True),
        Column(
            _t(QT_TRANSLATE_NOOP("TradePage", "Moisture %")), lambda r: r.moisture_pct, _kg, True
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("TradePage", "Yield %")), lambda r: r.yield_factor_pct, _kg, True
        ),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Green (kg)")), lambda r: r.green_kg, _kg, True),
        Column(
            _t(QT_TRANSLATE_NOOP("TradePage", "Amount")),
            lambda r: r.amount,
            align_right=True,
            row_display=lambda r: f"{r.currency} {format_decimal(r.amount)}",
        ),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Certified")), lambda r: r.certified, _yes),
    ]
    if with_lot:
        columns.append(Column(_t(QT_TRANSLATE_NOOP("TradePage", "Lot")), lambda r: r.lot_code))
    columns.append(
        Column(
            _t(QT_TRANSLATE_NOOP("TradePage", "ICS flag")),
            lambda r: r.over_estimate,
            lambda v: _t(QT_TRANSLATE_NOOP("TradePage", "above the estimate")) if v else "",
            tooltip=lambda r: _t(
                QT_TRANSLATE_NOOP("TradePage", "Season: {0} kg; yield estimate: {1} kg")
            ).format(
                _kg(r.season_kg),
                _kg(r.yield_estimate_kg) if r.yield_estimate_kg is not None else "—",
            ),
        )
    )
    return columns


def lot_columns() -> list[Column[LotRow]]:
    return [
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Lot")), lambda r: r.code),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Certified")), lambda r: r.certified, _yes),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Contract")), lambda r: r.contract_number),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Buyer")), lambda r: r.buyer_name),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Micro-lot producer")), lambda r: r.producer_name),
        Column(
            _t(QT_TRANSLATE_NOOP("TradePage", "Deliveries")),
            lambda r: r.deliveries,
            align_right=True,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("TradePage", "Members")), lambda r: r.members, align_right=True
        ),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Parchment (kg)")), lambda r: r.kg, _kg, True),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Green (kg)")), lambda r: r.green_kg, _kg, True),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Shipped")), lambda r: r.shipped, _yes),
    ]


def contract_columns() -> list[Column[ContractTradeRow]]:
    return [
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Contract")), lambda r: r.number),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Buyer")), lambda r: r.buyer_name),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Signed")), lambda r: r.signing_date),
        Column(
            _t(QT_TRANSLATE_NOOP("TradePage", "Terms")),
            lambda r: r.scheme_label,
            row_display=lambda r: (
                tr_label(r.scheme_label)
                + (_t(QT_TRANSLATE_NOOP("TradePage", ", organic")) if r.organic else "")
            ),
        ),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Green sold (kg)")), lambda r: r.kg, _kg, True),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Lots")), lambda r: r.lots, align_right=True),
        Column(
            _t(QT_TRANSLATE_NOOP("TradePage", "Green in lots (kg)")),
            lambda r: r.lot_green_kg,
            _kg,
            True,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("TradePage", "Members")), lambda r: r.members, align_right=True
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("TradePage", "Due-diligence reference")),
            lambda r: r.due_diligence_reference,
        ),
        Column(_t(QT_TRANSLATE_NOOP("TradePage", "Shipped")), lambda r: r.shipped, _yes),
    ]


@dataclass(frozen=True)
class _Loaded:
    deliveries: list[DeliveryRow]
    lots: list[LotRow]
    contracts: list[ContractTradeRow]


class TradePage(Page):
    key = "trade"
    topics = frozenset({"trade", "members", "certs", "ledger", "settings"})
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # Deliveries
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Number, member or collection point…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.flagged = QCheckBox(self.tr("Only above the yield estimate"))
        self.unassigned = QCheckBox(self.tr("Only not in a lot"))
        for box in (self.flagged, self.unassigned):
            box.toggled.connect(lambda _c: self.refresh())
        flag_colour = QColor(PROBLEM_COLOUR)
        self.deliveries_model: RowTableModel[DeliveryRow] = RowTableModel(
            delivery_columns(), self, colour=lambda r: flag_colour if r.over_estimate else None
        )
        self.deliveries_view = make_table(self.deliveries_model, 10)
        self.deliveries_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.deliveries_view.doubleClicked.connect(lambda _i: self.edit_delivery())
        self.new_delivery_button = QPushButton(self.tr("New delivery…"))
        self.edit_delivery_button = QPushButton(self.tr("Edit…"))
        self.delete_delivery_button = QPushButton(self.tr("Delete"))
        self.to_lot_button = QPushButton(self.tr("Add to lot…"))
        self.new_delivery_button.clicked.connect(lambda: self._run(self.open_delivery()))
        self.edit_delivery_button.clicked.connect(self.edit_delivery)
        self.delete_delivery_button.clicked.connect(self.delete_delivery)
        self.to_lot_button.clicked.connect(self.add_to_lot)
        deliveries_tab = QWidget()
        dl = QVBoxLayout(deliveries_tab)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.flagged)
        filters.addWidget(self.unassigned)
        dl.addLayout(filters)
        dl.addWidget(self.deliveries_view, 1)
        row = QHBoxLayout()
        for b in (
            self.new_delivery_button,
            self.edit_delivery_button,
            self.delete_delivery_button,
            self.to_lot_button,
        ):
            row.addWidget(b)
        row.addStretch(1)
        dl.addLayout(row)

        # Lots
        self.lots_model: RowTableModel[LotRow] = RowTableModel(lot_columns(), self)
        self.lots_view = make_table(self.lots_model, 6)
        self.lots_view.doubleClicked.connect(lambda _i: self.edit_lot())
        self.lots_view.selectionModel().selectionChanged.connect(
            lambda _s, _d: self.load_lot_deliveries()
        )
        self.lot_deliveries_model: RowTableModel[DeliveryRow] = RowTableModel(
            delivery_columns(with_lot=False),
            self,
            colour=lambda r: flag_colour if r.over_estimate else None,
        )
        self.lot_deliveries_view = make_table(self.lot_deliveries_model, 5)
        self.lot_deliveries_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.new_lot_button = QPushButton(self.tr("New lot…"))
        self.edit_lot_button = QPushButton(self.tr("Edit…"))
        self.delete_lot_button = QPushButton(self.tr("Delete"))
        self.take_out_button = QPushButton(self.tr("Take out of the lot"))
        self.new_lot_button.clicked.connect(lambda: self._run(self.open_lot()))
        self.edit_lot_button.clicked.connect(self.edit_lot)
        self.delete_lot_button.clicked.connect(self.delete_lot)
        self.take_out_button.clicked.connect(self.take_out)
        self.lot_label = QLabel()
        lots_tab = QWidget()
        ll = QVBoxLayout(lots_tab)
        ll.addWidget(self.lots_view, 3)
        lot_buttons = QHBoxLayout()
        for b in (self.new_lot_button, self.edit_lot_button, self.delete_lot_button):
            lot_buttons.addWidget(b)
        lot_buttons.addStretch(1)
        ll.addLayout(lot_buttons)
        ll.addWidget(self.lot_label)
        ll.addWidget(self.lot_deliveries_view, 2)
        take_row = QHBoxLayout()
        take_row.addStretch(1)
        take_row.addWidget(self.take_out_button)
        ll.addLayout(take_row)

        # Contracts
        self.contracts_model: RowTableModel[ContractTradeRow] = RowTableModel(
            contract_columns(), self
        )
        self.contracts_view = make_table(self.contracts_model, 8)
        self.reference_button = QPushButton(self.tr("Due-diligence reference…"))
        self.export_button = QPushButton(self.tr("Export EUDR file…"))
        self.trace_button = QPushButton(self.tr("Traceability report…"))
        self.reference_button.clicked.connect(self.edit_reference)
        self.export_button.clicked.connect(self.export_eudr)
        self.trace_button.clicked.connect(self.export_trace)
        contracts_tab = QWidget()
        cl = QVBoxLayout(contracts_tab)
        explain = QLabel(
            self.tr(
                "The buyer's EUDR file lists the plots of every member whose coffee is in the "
                "contract's lots, as the EU information system accepts it (GeoJSON), with a "
                "workbook beside it. It is refused, with the reasons, while a plot fails the "
                "rules."
            )
        )
        explain.setWordWrap(True)
        cl.addWidget(explain)
        cl.addWidget(self.contracts_view, 1)
        c_buttons = QHBoxLayout()
        for b in (self.reference_button, self.export_button, self.trace_button):
            c_buttons.addWidget(b)
        c_buttons.addStretch(1)
        cl.addLayout(c_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(deliveries_tab, self.tr("Deliveries"))
        self.tabs.addTab(lots_tab, self.tr("Lots"))
        self.tabs.addTab(contracts_tab, self.tr("Contracts"))
        self.loading_label = QLabel(self.tr("Loading…"))
        self.loading_label.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.loading_label)
        layout.addWidget(self.tabs)
        self.loader = BackgroundLoader(self)
        self.loader.finished.connect(self.loaded)
        self.loader.failed.connect(self._failed)
        self.lot_loader = BackgroundLoader(self)
        self.lot_loader.failed.connect(self._failed)
        self.apply_permissions()

    def title(self) -> str:
        return self.tr("Deliveries and lots")

    # --- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        flt = DeliveryFilter(
            text=self.search.text(),
            flagged=self.flagged.isChecked(),
            unassigned=self.unassigned.isChecked(),
        )

        def read() -> _Loaded:  # pool thread, own Session
            with db.reading(actor) as s:
                return _Loaded(
                    trade.list_deliveries(s, actor, flt),
                    trade.list_lots(s, actor),
                    trade.list_trade_contracts(s, actor),
                )

        self.loading_label.setVisible(True)
        self.loader.load(read, self._apply)

    def _failed(self, exc: BaseException) -> None:
        self.loading_label.setVisible(False)
        show_error(self, exc)

    def _apply(self, data: _Loaded) -> None:
        self.loading_label.setVisible(False)
        lot = self.selected_lot()
        self.deliveries_model.set_rows(data.deliveries)
        self.lots_model.set_rows(data.lots)
        self.contracts_model.set_rows(data.contracts)
        if lot is not None:
            index = self.lots_model.find_row(lambda r: r.id == lot.id)
            if index >= 0:
                self.lots_view.selectRow(index)
        self.load_lot_deliveries()
        flagged = sum(1 for d in data.deliveries if d.over_estimate)
        self.status_message.emit(
            self.tr("{0} deliveries shown ({1} above the yield estimate) · {2} lots").format(
                len(data.deliveries), flagged, len(data.lots)
            )
        )

    def load_lot_deliveries(self) -> None:
        lot = self.selected_lot()
        if lot is None:
            self.lot_label.setText(self.tr("Select a lot to see its deliveries."))
            self.lot_deliveries_model.set_rows([])
            return
        self.lot_label.setText(
            self.tr("Deliveries in lot {0}: {1} kg of parchment, {2} kg green.").format(
                lot.code, _kg(lot.kg), _kg(lot.green_kg)
            )
        )
        db, actor, lot_id = self.ctx.db, self.ctx.actor, lot.id

        def read() -> list[DeliveryRow]:
            with db.reading(actor) as s:
                return trade.list_deliveries(s, actor, DeliveryFilter(lot_id=lot_id))

        self.lot_loader.load(read, self.lot_deliveries_model.set_rows)

    def apply_permissions(self) -> None:
        can = self.ctx.can(Permission.TRADE_WRITE)
        for b in (
            self.new_delivery_button,
            self.edit_delivery_button,
            self.delete_delivery_button,
            self.to_lot_button,
            self.new_lot_button,
            self.edit_lot_button,
            self.delete_lot_button,
            self.take_out_button,
            self.reference_button,
        ):
            b.setEnabled(can)
        for b in (self.export_button, self.trace_button):
            b.setEnabled(self.ctx.can(Permission.EXPORT))

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()

    def new_record(self) -> None:
        self._run(self.open_delivery())

    # --- selection ---------------------------------------------------------------------------
    def selected_deliveries(self) -> list[DeliveryRow]:
        rows = self.deliveries_view.selectionModel().selectedRows()
        found = [self.deliveries_model.row_at(i.row()) for i in rows]
        return [r for r in found if r is not None]

    def selected_lot(self) -> LotRow | None:
        return self.lots_model.row_at(selected_row(self.lots_view))

    def selected_contract(self) -> ContractTradeRow | None:
        return self.contracts_model.row_at(selected_row(self.contracts_view))

    # --- forms (open_* return the form so tests can drive it) --------------------------------
    def open_delivery(self, row: DeliveryRow | None = None) -> DeliveryDialog:
        return DeliveryDialog(self.ctx, row, self)

    def open_lot(self, row: LotRow | None = None) -> LotDialog:
        return LotDialog(self.ctx, row, self)

    def open_add_to_lot(self) -> AddToLotDialog | None:
        rows = self.selected_deliveries()
        return AddToLotDialog(self.ctx, rows, self) if rows else None

    def open_reference(self) -> DueDiligenceDialog | None:
        row = self.selected_contract()
        return DueDiligenceDialog(self.ctx, row, self) if row else None

    def _run(self, dialog: QDialog | None, hint: str = "") -> None:
        if dialog is None:
            if hint:
                self.status_message.emit(hint)
            return
        dialog.exec()

    def edit_delivery(self) -> None:
        rows = self.selected_deliveries()
        self._run(
            self.open_delivery(rows[0]) if rows else None, self.tr("Select a delivery first.")
        )

    def add_to_lot(self) -> None:
        self._run(self.open_add_to_lot(), self.tr("Select the deliveries first."))

    def edit_lot(self) -> None:
        lot = self.selected_lot()
        self._run(self.open_lot(lot) if lot else None, self.tr("Select a lot first."))

    def edit_reference(self) -> None:
        self._run(self.open_reference(), self.tr("Select a contract first."))

    def confirm(self, text: str) -> bool:
        """Asked before a deletion; tests replace it."""
        answer = QMessageBox.question(self, self.tr("Please confirm"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _write(self, fn: Callable[..., object]) -> bool:
        try:
            self.ctx.write(fn, "trade")
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return False
        return True

    def delete_delivery(self) -> None:
        rows = self.selected_deliveries()
        if not rows:
            self.status_message.emit(self.tr("Select a delivery first."))
            return
        row = rows[0]
        if self.confirm(self.tr("Delete delivery {0} of {1}?").format(row.number, row.member_code)):
            self._write(lambda s, a: trade.delete_delivery(s, a, row.id))

    def delete_lot(self) -> None:
        lot = self.selected_lot()
        if lot is None:
            self.status_message.emit(self.tr("Select a lot first."))
            return
        if self.confirm(self.tr("Delete lot {0}?").format(lot.code)):
            self._write(lambda s, a: trade.delete_lot(s, a, lot.id))

    def take_out(self) -> None:
        lot = self.selected_lot()
        rows = self.lot_deliveries_view.selectionModel().selectedRows()
        ids = [r.id for i in rows if (r := self.lot_deliveries_model.row_at(i.row())) is not None]
        if lot is None or not ids:
            self.status_message.emit(self.tr("Select deliveries of the lot first."))
            return
        self._write(lambda s, a: trade.remove_from_lot(s, a, lot.id, ids))

    # --- exports -------------------------------------------------------------------------------
    def choose_path(self, title: str, name: str, file_filter: str) -> str | None:
        """Asks where to write; tests replace it."""
        settings = QSettings()
        folder = str(settings.value("trade/export_folder", str(Path.home())))
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), file_filter)
        if path:
            settings.setValue("trade/export_folder", str(Path(path).parent))
        return path or None

    def show_refusal(self, contract: str, exc: trade.ExportRefused) -> None:
        """The plots that fail, each with its reasons in words; tests replace it."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("The EUDR file is not written"))
        box.setText(
            self.tr(
                "{0} plots of contract {1} fail the EU deforestation rules. Correct them (see "
                "the details), then export again."
            ).format(len(exc.plots), contract)
        )
        box.setDetailedText("\n\n".join(f"{p.label}\n{issue_lines(p.errors)}" for p in exc.plots))
        box.exec()

    def export_eudr(self) -> Path | None:
        contract = self.selected_contract()
        if contract is None:
            self.status_message.emit(self.tr("Select a contract first."))
            return None
        target = self.choose_path(
            self.tr("Export the EUDR file"),
            f"eudr-{contract.number}.geojson",
            self.tr("GeoJSON (*.geojson)"),
        )
        if not target:
            return None
        db, actor, contract_id = self.ctx.db, self.ctx.actor, contract.id

        def job(progress: Progress) -> trade.EudrFiles:
            progress(0, 0, "")
            with db.reading(actor) as s:
                return trade.write_eudr_export(s, actor, contract_id, target)

        try:
            files = run_with_progress(self, self.tr("Writing the EUDR file"), job)
        except Cancelled:
            return None
        except trade.ExportRefused as exc:
            self.show_refusal(contract.number, exc)
            self.status_message.emit(
                self.tr("Not written: {0} plots fail the EU rules.").format(len(exc.plots))
            )
            return None
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return None
        text = self.tr("Written: {0} ({1} plots) and {2}").format(
            files.geojson, len(files.export.plots), files.listing.name
        )
        self.status_message.emit(text)
        exported.show_exported(self, self.tr("EUDR file written"), text, files.geojson)
        return files.geojson

    def export_trace(self) -> Path | None:
        contract = self.selected_contract()
        if contract is None:
            self.status_message.emit(self.tr("Select a contract first."))
            return None
        target = self.choose_path(
            self.tr("Traceability report"),
            f"traceability-{contract.number}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not target:
            return None
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        db, actor, contract_id = self.ctx.db, self.ctx.actor, contract.id

        def job(progress: Progress) -> Path:
            progress(0, 0, "")
            with db.reading(actor) as s:
                return trade.export_traceability(s, actor, contract_id, target)

        try:
            path = run_with_progress(self, self.tr("Writing the traceability report"), job)
        except Cancelled:
            return None
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return None
        text = self.tr("Traceability report written to {0}").format(path)
        self.status_message.emit(text)
        exported.show_exported(self, self.tr("Traceability report written"), text, path)
        return path
