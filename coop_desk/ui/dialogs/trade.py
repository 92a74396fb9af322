"""Forms of the path from plot to shipment: a plot's planting date and evidence, a plot's
boundary from a file, importing boundaries for many plots with a preview, a delivery, a lot,
putting deliveries into a lot, the buyer's due-diligence reference, the EUDR rules.

Every form is a :class:`coop_desk.ui.dialogs.form.FormDialog`: ``prepare`` reads the widgets
and returns the problems found in them and the one service call that saves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.domain.eudr import EVIDENCE_LABELS, EudrRules, EvidenceKind
from coop_desk.domain.geometry import Boundary, GeoIssue, Position
from coop_desk.domain.problems import Problem
from coop_desk.domain.trade import DeliveryInput
from coop_desk.services import members, plot_geo, trade
from coop_desk.services.access import Actor, Permission
from coop_desk.services.plot_geo import (
    EvidenceInput,
    GeoFeature,
    GeoFile,
    ImportAction,
    ImportOptions,
    ImportResult,
    ImportRow,
    PlotGeoRow,
    guess_fields,
    read_geo_file,
)
from coop_desk.services.trade import DeliveryRow, LotInput, LotRow
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog, Prepared, read_amount
from coop_desk.ui.dialogs.member_certs_tab import make_table
from coop_desk.ui.errors import show_error
from coop_desk.ui.eudr_text import describe, evidence_label
from coop_desk.ui.labels import tr_label
from coop_desk.ui.models.table import Column, RowTableModel
from coop_desk.ui.widgets import AmountEdit, DateField, date_format, format_decimal

ServiceCall = Callable[[Session, Actor], Any]
NO_DATE = QDate(1900, 1, 1)
GEO_FILTER = "*.geojson *.json *.kml *.kmz *.gpx"
SKIP_COLOUR = QColor("#c62828")


class OptionalDate(QDateEdit):
    """A date that may stay blank ("—")."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_format())
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.set_value(value)

    def value(self) -> date | None:
        q = self.date()
        return None if q == NO_DATE else date(q.year(), q.month(), q.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


def _file_dialog_folder(key: str) -> str:
    return str(QSettings().value(key, str(Path.home())))


class _BoundaryFileChoice(FormDialog):
    """A form that reads a boundary file (GeoJSON, KML/KMZ, GPX): the file chooser opens in the
    folder of the last one, which is remembered; ``read_file`` reads the chosen file."""

    path: str | None
    file_label: QLabel

    def file_dialog_title(self) -> str:
        raise NotImplementedError

    def read_file(self) -> None:
        raise NotImplementedError

    def choose_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.file_dialog_title(),
            _file_dialog_folder("eudr/import_folder"),
            QCoreApplication.translate(
                "BoundaryFileDialog", "GeoJSON, KML, KMZ, GPX ({0});;All files (*)"
            ).format(GEO_FILTER),
        )
        return path or None

    def pick_file(self) -> None:
        path = self.choose_file()
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        self.path = path
        QSettings().setValue("eudr/import_folder", str(Path(path).parent))
        self.file_label.setText(Path(path).name)
        self.read_file()


# --- a plot's deforestation-free records ------------------------------------------------------


class PlotEvidenceDialog(FormDialog):
    topic = "members"
    permission = Permission.MEMBERS_WRITE

    def __init__(self, ctx: AppContext, row: PlotGeoRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Planting and evidence: {0}").format(row.label))
        self.row = row
        self.document_path: str | None = None
        self.set_intro(
            self.tr(
                "The EU deforestation regulation asks to show that the plot was not forest "
                "cleared after the cut-off date: when its coffee was planted and, if the land "
                "was farmed before that, since when."
            )
        )
        self.planted = OptionalDate(row.coffee_planted_on)
        self.farmland = OptionalDate(row.farmland_since)
        self.kind = QComboBox()
        self.kind.addItem("—", "")
        for kind in EvidenceKind:
            self.kind.addItem(tr_label(EVIDENCE_LABELS[kind]), kind.value)
        self.kind.setCurrentIndex(max(self.kind.findData(row.evidence_kind), 0))
        self.reference = QLineEdit(row.evidence_reference)
        self.reference.setPlaceholderText(self.tr("report number, title, declaration…"))
        self.document_label = QLabel(row.evidence_document_name or self.tr("no document"))
        self.document_button = QPushButton(self.tr("Choose file…"))
        self.document_button.clicked.connect(self.pick_document)
        self.remove_document = QCheckBox(self.tr("Remove the attached document"))
        self.remove_document.setVisible(bool(row.evidence_document_sha256))
        doc_row = QWidget()
        doc_layout = QHBoxLayout(doc_row)
        doc_layout.setContentsMargins(0, 0, 0, 0)
        doc_layout.addWidget(self.document_label, 1)
        doc_layout.addWidget(self.document_button)
        self.code = QLineEdit(row.plot_code)
        self.code.setPlaceholderText(self.tr("optional: the plot's code in the ICS or surveys"))
        self.add_field(self.tr("Coffee &planted on"), "coffee_planted_on", self.planted)
        self.add_field(self.tr("&Farmland since"), "farmland_since", self.farmland)
        self.add_field(self.tr("&Evidence"), "evidence_kind", self.kind)
        self.add_field(self.tr("&Reference"), "evidence_reference", self.reference)
        self.add_field(self.tr("&Document"), "document_path", doc_row)
        self.form.addRow("", self.remove_document)
        self.add_field(self.tr("Plot &code"), "plot_code", self.code)

    def choose_document(self) -> str | None:
        """Asks for the file; tests replace it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Evidence document"),
            _file_dialog_folder("eudr/evidence_folder"),
            self.tr("Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)"),
        )
        return path or None

    def pick_document(self) -> None:
        path = self.choose_document()
        if path:
            self.set_document(path)

    def set_document(self, path: str) -> None:
        self.document_path = path
        self.document_label.setText(Path(path).name)
        QSettings().setValue("eudr/evidence_folder", str(Path(path).parent))

    def prepare(self) -> Prepared:
        data = EvidenceInput(
            coffee_planted_on=self.planted.value(),
            farmland_since=self.farmland.value(),
            evidence_kind=self.kind.currentData() or "",
            evidence_reference=self.reference.text(),
            document_path=self.document_path,
            remove_document=self.remove_document.isChecked(),
            plot_code=self.code.text().strip(),
        )
        plot_id = self.row.plot_id
        return [], lambda s, a: plot_geo.set_evidence(s, a, plot_id, data)


# --- a boundary from a file, for one plot ------------------------------------------------------


class BoundaryFileDialog(_BoundaryFileChoice):
    """Take a plot's boundary (or GPS point) from a GeoJSON, KML/KMZ or GPX file: the file's
    features are listed with what is wrong with each; the chosen one is stored."""

    topic = "members"
    permission = Permission.MEMBERS_WRITE

    def __init__(self, ctx: AppContext, row: PlotGeoRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Boundary of {0}").format(row.label))
        self.row = row
        self.geo: GeoFile | None = None
        self.file_label = QLabel(self.tr("no file chosen"))
        self.file_button = QPushButton(self.tr("Choose file…"))
        self.file_button.clicked.connect(self.pick_file)
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.file_label, 1)
        file_layout.addWidget(self.file_button)
        self.zone = QComboBox()
        self.zone.addItem(self.tr("degrees (WGS84)"), None)
        for zone in (17, 18, 19):
            self.zone.addItem(self.tr("UTM zone {0}S").format(zone), zone)
        self.zone.currentIndexChanged.connect(lambda _i: self._reload())
        self.feature = QComboBox()
        self.feature.currentIndexChanged.connect(lambda _i: self._describe())
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.add_field(self.tr("&File"), "file", file_row)
        self.add_field(self.tr("Coordinates in"), "utm_zone", self.zone)
        self.add_field(self.tr("&Feature"), "feature", self.feature)
        self.form.addRow("", self.details)
        self.path: str | None = None

    def file_dialog_title(self) -> str:
        return self.tr("Boundary file")

    def read_file(self) -> None:
        self._reload()

    def _reload(self) -> None:
        self.feature.clear()
        self.geo = None
        if not self.path:
            return
        try:
            self.geo = read_geo_file(self.path, utm_zone=self.zone.currentData())
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return
        for feature in self.geo.features:
            self.feature.addItem(f"{feature.number}. {feature.label}", feature.number)
        self._describe()

    def chosen(self) -> GeoFeature | None:
        if self.geo is None or self.feature.currentIndex() < 0:
            return None
        return self.geo.features[self.feature.currentIndex()]

    def _describe(self) -> None:
        feature = self.chosen()
        if feature is None:
            self.details.clear()
            return
        lines: list[str] = []
        if isinstance(feature.geometry, Boundary):
            lines.append(
                self.tr("A boundary of {0} positions.").format(feature.geometry.position_count)
            )
        elif isinstance(feature.geometry, Position):
            lines.append(self.tr("A GPS point: {0}").format(feature.geometry.describe()))
        lines += [describe(i) for i in (*feature.problems, *feature.notes)]
        self.details.setText("\n".join(lines))

    def prepare(self) -> Prepared:
        feature = self.chosen()
        if feature is None:
            return [Problem("file", self.tr("choose a file with the plot's boundary"))], None
        if feature.geometry is None:
            return [Problem("feature", "; ".join(describe(i) for i in feature.problems))], None
        plot_id, geometry = self.row.plot_id, feature.geometry
        name = Path(self.path or "").name
        source = f"{self.geo.kind if self.geo else ''} {name}: {feature.label}"
        if isinstance(geometry, Boundary):
            return [], lambda s, a: plot_geo.set_boundary(s, a, plot_id, geometry, source)
        return [], lambda s, a: plot_geo.set_point(s, a, plot_id, geometry)


# --- boundaries for many plots, with a preview ------------------------------------------------


class GeometryImportDialog(_BoundaryFileChoice):
    """Import boundaries and points for many plots: choose the file and the properties that
    name the member and the plot, read the preview feature by feature, then import."""

    topic = "members"
    permission = Permission.MEMBERS_WRITE

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Import plot boundaries"))
        self.resize(900, 560)
        self.save_button().setText(self.tr("&Import"))
        self.set_intro(
            self.tr(
                "GeoJSON from a GIS, KML/KMZ from Google Earth or GPX tracks from a phone. Each "
                "feature is matched to a plot by the plot's code, or by the member's code and "
                "the plot's name. Features that cannot be used are listed with the reason; "
                "they do not stop the others."
            )
        )
        self.path: str | None = None
        self.geo: GeoFile | None = None
        self.preview_result: ImportResult | None = None
        self.file_label = QLabel(self.tr("no file chosen"))
        self.file_button = QPushButton(self.tr("Choose file…"))
        self.file_button.clicked.connect(self.pick_file)
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.file_label, 1)
        file_layout.addWidget(self.file_button)
        self.member_field = QComboBox()
        self.plot_field = QComboBox()
        self.zone = QComboBox()
        self.zone.addItem(self.tr("degrees (WGS84)"), None)
        for zone in (17, 18, 19):
            self.zone.addItem(self.tr("UTM zone {0}S").format(zone), zone)
        for combo in (self.member_field, self.plot_field):
            combo.currentIndexChanged.connect(lambda _i: self.preview())
        self.zone.currentIndexChanged.connect(lambda _i: self._read())
        self.add_field(self.tr("&File"), "file", file_row)
        self.add_field(self.tr("&Member code in"), "member_field", self.member_field)
        self.add_field(self.tr("&Plot in"), "plot_field", self.plot_field)
        self.add_field(self.tr("Coordinates in"), "utm_zone", self.zone)
        self.model: RowTableModel[ImportRow] = RowTableModel(
            self._columns(), self, colour=lambda r: SKIP_COLOUR if not r.usable else None
        )
        self.table = make_table(self.model, 8)
        self.summary = QLabel()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.form_area)
        body_layout.addWidget(self.table, 1)
        body_layout.addWidget(self.summary)
        self.set_body(body)

    def file_dialog_title(self) -> str:
        return self.tr("Import plot boundaries")

    def read_file(self) -> None:
        self._read()

    def _read(self) -> None:
        if not self.path:
            return
        try:
            self.geo = read_geo_file(self.path, utm_zone=self.zone.currentData())
        except Exception as exc:  # noqa: BLE001 - shown in words
            self.geo = None
            show_error(self, exc)
            return
        names = plot_geo.feature_properties_summary(self.geo)
        guessed_member, guessed_plot = guess_fields(self.geo.features)
        for combo, guessed in (
            (self.member_field, guessed_member),
            (self.plot_field, guessed_plot),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("the feature's name"), None)
            for name in names:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(combo.findData(guessed), 0) if guessed else 0)
            combo.blockSignals(False)
        self.preview()

    def _columns(self) -> list[Column[ImportRow]]:
        verbs = {
            ImportAction.BOUNDARY: self.tr("boundary"),
            ImportAction.POINT: self.tr("GPS point"),
            ImportAction.UNCHANGED: self.tr("unchanged"),
            ImportAction.SKIP: self.tr("cannot be used"),
        }

        def verb(row: ImportRow) -> str:
            text = verbs[row.action]
            if row.usable and row.replaces:
                text = self.tr("{0} (replaces the stored one)").format(text)
            return text

        def details(row: ImportRow) -> str:
            return "; ".join(describe(i) for i in (*row.problems, *row.warnings))

        return [
            Column(
                self.tr("Feature"),
                lambda r: r.feature_number,
                row_display=lambda r: f"{r.feature_number}. {r.feature_label}",
            ),
            Column(self.tr("Plot"), lambda r: f"{r.member_code} {r.plot_name}".strip() or "—"),
            Column(self.tr("What happens"), lambda r: r.action, row_display=verb),
            Column(self.tr("Details"), details, tooltip=details),
        ]

    def options(self) -> ImportOptions:
        return ImportOptions(
            member_field=self.member_field.currentData(),
            plot_field=self.plot_field.currentData(),
            source_name=Path(self.path or "").name,
        )

    def preview(self) -> None:
        if self.geo is None:
            return
        geo, options = self.geo, self.options()
        try:
            self.preview_result = self.ctx.read(
                lambda s, a: plot_geo.import_geometry(s, a, geo, options, dry_run=True)
            )
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return
        self.model.set_rows(self.preview_result.rows)
        self.summary.setText(
            self.tr("{0} features: {1} will be stored, {2} cannot be used.").format(
                len(self.preview_result.rows),
                self.preview_result.usable,
                self.preview_result.skipped,
            )
        )

    def prepare(self) -> Prepared:
        if self.geo is None:
            return [Problem("file", self.tr("choose the file to import"))], None
        if self.preview_result is not None and self.preview_result.usable == 0:
            return [
                Problem("", self.tr("No feature of the file can be used (see the reasons)."))
            ], None
        geo, options = self.geo, self.options()
        return [], lambda s, a: plot_geo.import_geometry(s, a, geo, options, dry_run=False)


# --- deliveries and lots -------------------------------------------------------------------


def member_combo(ctx: AppContext, selected: int | None = None) -> QComboBox:
    """Members by code and name, searchable by typing any part of them."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("", None)
    for m in ctx.read(members.list_members):
        combo.addItem(f"{m.code} — {m.full_name}", m.id)
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    if selected is not None:
        combo.setCurrentIndex(max(combo.findData(selected), 0))
    return combo


class DeliveryDialog(FormDialog):
    topic = "trade"
    permission = Permission.TRADE_WRITE

    def __init__(
        self, ctx: AppContext, row: DeliveryRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Delivery {0}").format(row.number) if row else self.tr("New delivery"),
        )
        self.row = row
        self.member = member_combo(ctx, row.member_id if row else None)
        self.day = DateField(row.delivery_date if row else date.today())
        self.point = QComboBox()
        self.point.setEditable(True)
        self.point.addItems(ctx.read(trade.collection_points))
        self.point.setEditText(row.collection_point if row else "")
        self.kg = AmountEdit(2)
        self.moisture = AmountEdit(2)
        self.yield_factor = AmountEdit(2)
        self.price = AmountEdit(4)
        self.currency = QComboBox()
        self.currency.addItems(["PEN", "USD"])
        self.certified = QCheckBox(self.tr("Certified coffee (from certified plots)"))
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("blank: the next number"))
        self.notes = QLineEdit()
        if row is not None:
            self.kg.setValue(row.kg)
            self.moisture.setValue(row.moisture_pct)
            self.yield_factor.setValue(row.yield_factor_pct)
            self.price.setValue(row.price_per_kg)
            self.currency.setCurrentText(row.currency)
            self.certified.setChecked(row.certified)
            self.number.setText(row.number)
            self.notes.setText(row.notes)
        self.add_field(self.tr("&Member"), "member_id", self.member)
        self.add_field(self.tr("&Date"), "delivery_date", self.day)
        self.add_field(self.tr("Collection &point"), "collection_point", self.point)
        self.add_field(self.tr("&Parchment (kg)"), "kg", self.kg)
        self.add_field(self.tr("M&oisture %"), "moisture_pct", self.moisture)
        self.add_field(self.tr("&Yield factor %"), "yield_factor_pct", self.yield_factor)
        self.add_field(self.tr("Price per &kg"), "price_per_kg", self.price)
        self.add_field(self.tr("C&urrency"), "currency", self.currency)
        self.add_field("", "certified", self.certified)
        self.add_field(self.tr("&Number"), "number", self.number)
        self.add_field(self.tr("No&tes"), "notes", self.notes)
        self.yield_factor.setToolTip(
            self.tr(
                "Exportable green coffee from this parchment, in %: 80 means 100 kg of "
                "parchment give 80 kg of green coffee."
            )
        )

    def prepare(self) -> Prepared:
        problems: list[Problem] = []
        data = DeliveryInput(
            member_id=self.member.currentData(),
            delivery_date=self.day.date_value(),
            kg=read_amount(problems, "kg", self.kg, required=False),
            moisture_pct=read_amount(problems, "moisture_pct", self.moisture, required=False),
            yield_factor_pct=read_amount(
                problems, "yield_factor_pct", self.yield_factor, required=False
            ),
            price_per_kg=read_amount(problems, "price_per_kg", self.price, required=False),
            certified=self.certified.isChecked(),
            collection_point=self.point.currentText(),
            number=self.number.text(),
            currency=self.currency.currentText(),
            notes=self.notes.text(),
        )
        if self.row is None:
            return problems, lambda s, a: trade.create_delivery(s, a, data)
        delivery_id = self.row.id
        return problems, lambda s, a: trade.update_delivery(s, a, delivery_id, data)


class LotDialog(FormDialog):
    topic = "trade"
    permission = Permission.TRADE_WRITE

    def __init__(
        self, ctx: AppContext, row: LotRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx, parent, title=self.tr("Lot {0}").format(row.code) if row else self.tr("New lot")
        )
        self.row = row
        today = date.today()
        self.code = QLineEdit(
            row.code if row else ctx.read(lambda s, a: trade.next_lot_code(s, a, today))
        )
        self.certified = QCheckBox(self.tr("Certified lot: certified coffee only"))
        self.certified.setChecked(row.certified if row else True)
        self.contract = QComboBox()
        self.contract.addItem(self.tr("— no contract yet —"), None)
        for c in ctx.read(trade.list_trade_contracts):
            if not c.shipped or (row and row.contract_id == c.id):
                self.contract.addItem(f"{c.number} — {c.buyer_name}", c.id)
        if row and row.contract_id:
            self.contract.setCurrentIndex(max(self.contract.findData(row.contract_id), 0))
        self.producer = member_combo(ctx, row.producer_member_id if row else None)
        self.producer.setToolTip(
            self.tr("A micro-lot carries one producer's name: only her deliveries go into it.")
        )
        self.created = DateField(row.created_on if row else today)
        self.notes = QPlainTextEdit(row.notes if row else "")
        self.notes.setFixedHeight(60)
        self.add_field(self.tr("&Code"), "code", self.code)
        self.add_field("", "certified", self.certified)
        self.add_field(self.tr("C&ontract"), "contract_id", self.contract)
        self.add_field(self.tr("Micro-lot &producer"), "producer_member_id", self.producer)
        self.add_field(self.tr("&Date"), "created_on", self.created)
        self.add_field(self.tr("&Notes"), "notes", self.notes)

    def prepare(self) -> Prepared:
        data = LotInput(
            code=self.code.text(),
            certified=self.certified.isChecked(),
            contract_id=self.contract.currentData(),
            producer_member_id=self.producer.currentData(),
            created_on=self.created.date_value(),
            notes=self.notes.toPlainText(),
        )
        if self.row is None:
            return [], lambda s, a: trade.create_lot(s, a, data)
        lot_id = self.row.id
        return [], lambda s, a: trade.update_lot(s, a, lot_id, data)


class AddToLotDialog(FormDialog):
    """Put the chosen deliveries into a lot."""

    topic = "trade"
    permission = Permission.TRADE_WRITE

    def __init__(
        self, ctx: AppContext, deliveries: list[DeliveryRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent, title=self.tr("Add to a lot"))
        self.deliveries = deliveries
        kg = sum((d.kg for d in deliveries), Decimal(0))
        self.set_intro(
            self.tr("{0} deliveries, {1} kg of parchment.").format(
                len(deliveries), format_decimal(kg)
            )
        )
        self.lot = QComboBox()
        for lot in ctx.read(trade.list_lots):
            if lot.shipped:
                continue
            kind = self.tr("certified") if lot.certified else self.tr("conventional")
            text = f"{lot.code} ({kind})"
            if lot.contract_number:
                text += f" — {lot.contract_number}"
            self.lot.addItem(text, lot.id)
        self.add_field(self.tr("&Lot"), "lot_id", self.lot)

    def prepare(self) -> Prepared:
        lot_id = self.lot.currentData()
        if lot_id is None:
            return [Problem("lot_id", self.tr("create a lot first"))], None
        ids = [d.id for d in self.deliveries]
        return [], lambda s, a: trade.add_to_lot(s, a, lot_id, ids)


class DueDiligenceDialog(FormDialog):
    topic = "trade"
    permission = Permission.TRADE_WRITE

    def __init__(
        self, ctx: AppContext, contract: trade.ContractTradeRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent, title=self.tr("Due-diligence reference"))
        self.contract = contract
        self.set_intro(
            self.tr(
                "The reference number of the due-diligence statement the buyer filed in the EU "
                "information system for contract {0} ({1})."
            ).format(contract.number, contract.buyer_name)
        )
        self.reference = QLineEdit(contract.due_diligence_reference)
        self.add_field(self.tr("&Reference"), "due_diligence_reference", self.reference)

    def prepare(self) -> Prepared:
        contract_id, text = self.contract.id, self.reference.text()
        return [], lambda s, a: trade.set_due_diligence_reference(s, a, contract_id, text)


class EudrRulesDialog(FormDialog):
    topic = "settings"
    permission = Permission.SETTINGS_WRITE

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("EU deforestation rules"))
        rules = ctx.read(plot_geo.get_rules)
        tolerance = ctx.read(lambda s, a: trade.yield_tolerance(s))
        self.polygon = AmountEdit(2)
        self.polygon.setValue(rules.polygon_threshold_ha)
        self.area = AmountEdit(2)
        self.area.setValue(rules.area_tolerance_pct)
        self.overlap = AmountEdit(0)
        self.overlap.setValue(rules.overlap_tolerance_m2)
        self.cutoff = DateField(rules.cutoff_date)
        self.yield_tolerance = AmountEdit(2)
        self.yield_tolerance.setValue(tolerance)
        self.add_field(
            self.tr("A &polygon is needed above (ha)"), "polygon_threshold_ha", self.polygon
        )
        self.add_field(self.tr("&Area tolerance (%)"), "area_tolerance_pct", self.area)
        self.add_field(self.tr("&Overlap tolerance (m²)"), "overlap_tolerance_m2", self.overlap)
        self.add_field(self.tr("Deforestation &cut-off date"), "cutoff_date", self.cutoff)
        self.add_field(
            self.tr("&Yield estimate tolerance (%)"), "yield_tolerance_pct", self.yield_tolerance
        )

    def prepare(self) -> Prepared:
        problems: list[Problem] = []
        polygon = read_amount(problems, "polygon_threshold_ha", self.polygon, what="an area")
        area = read_amount(problems, "area_tolerance_pct", self.area, what="a percentage")
        overlap = read_amount(problems, "overlap_tolerance_m2", self.overlap, what="an area")
        tolerance = read_amount(
            problems, "yield_tolerance_pct", self.yield_tolerance, what="a percentage"
        )
        if polygon is None or area is None or overlap is None or tolerance is None:
            return problems, None
        rules = EudrRules(polygon, area, overlap, self.cutoff.date_value())

        def call(s: Session, a: Actor) -> EudrRules:
            trade.save_yield_tolerance(s, a, tolerance)
            return plot_geo.save_rules(s, a, rules)

        return [], call


def issue_lines(issues: tuple[GeoIssue, ...]) -> str:
    """A plot's findings as lines for a label: errors first, marked."""
    errors = [f"✖ {describe(i)}" for i in issues if i.is_error]
    warnings = [f"⚠ {describe(i)}" for i in issues if not i.is_error]
    return "\n".join(errors + warnings)


__all__ = [
    "AddToLotDialog",
    "BoundaryFileDialog",
    "DeliveryDialog",
    "DueDiligenceDialog",
    "EudrRulesDialog",
    "GeometryImportDialog",
    "LotDialog",
    "PlotEvidenceDialog",
    "evidence_label",
    "issue_lines",
]
