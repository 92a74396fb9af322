"""The plots map, the member editor's plot map, deliveries, lots and the buyer's EUDR file,
driven through their widgets and read back through the services."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QDialogButtonBox

from coop_desk.domain.geometry import geometry_json
from coop_desk.services import plot_geo, trade
from coop_desk.services.access import SYSTEM
from coop_desk.services.trade import DeliveryFilter
from coop_desk.ui.dialogs.member_editor import MemberEditor
from coop_desk.ui.pages.plots_map import PlotsMapPage
from coop_desk.ui.pages.trade import TradePage
from coop_desk.ui.plot_map import PlotMap
from tests.geo_samples import phone_gpx_track
from tests.unit.test_geofiles import rfc7946_problems


def save(qtbot, dialog):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)


def loaded(qtbot, page):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()


def test_the_map_draws_every_plot_and_problems_in_red(qtbot, demo_ctx, qtmodeltester):
    page = PlotsMapPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    loaded(qtbot, page)
    qtmodeltester.check(page.model)
    shapes = page.map.shapes
    # every plot but the one without geolocation and the one whose point is a slip (outside
    # Peru: drawn, it would shrink the rest to a dot); the list names both in red
    assert len(shapes) == len(page.rows) - 2
    assert sum(1 for s in shapes if s.polygons) == sum(1 for r in page.rows if r.boundary)
    problems = {s.label for s in shapes if s.problem}
    assert "CPGP-3784-16 El Mirador" in problems  # planted in 2022
    assert len(problems) == 6
    assert sum(1 for r in page.rows if not r.passes) == 8
    # only the problems, and the reasons in words for the selected one
    page.show_combo.setCurrentIndex(1)
    assert page.model.rowCount() == 8
    index = page.model.find_row(lambda r: r.label == "CPGP-3784-16 El Mirador")
    page.table.selectRow(index)
    assert "after 2020-12-31" in page.findings.text()
    assert page.map.selected == page.model.row_at(index).plot_id
    image = page.map.grab()
    assert not image.isNull()
    assert page.map.scale_text.endswith(("m", "km"))


def test_clicking_the_map_selects_the_plot(qtbot, demo_ctx):
    with demo_ctx.reading() as s:
        rows = plot_geo.plot_checks(s, SYSTEM, member_ids=[1, 2, 3])
    widget = PlotMap()
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    widget.set_plots(rows)
    target = next(s for s in widget.shapes if s.polygons)
    ring = target.polygons[0][0]
    cx = sum(x for x, _ in ring[:-1]) / (len(ring) - 1)
    cy = sum(y for _, y in ring[:-1]) / (len(ring) - 1)
    widget.select(target.plot_id, centre=True)
    widget.zoom(8)
    with qtbot.waitSignal(widget.plot_clicked, timeout=2000) as signal:
        qtbot.mouseClick(widget, Qt.LeftButton, pos=widget.to_screen(cx, cy).toPoint())
    assert signal.args == [target.plot_id]
    assert widget.plot_at(QPointF(-50, -50)) is None


def test_member_editor_shows_the_plot_map_and_records_evidence(qtbot, demo_ctx, tmp_path):
    with demo_ctx.reading() as s:
        late = next(
            r for r in plot_geo.plot_checks(s, SYSTEM) if r.label == "CPGP-3784-16 El Mirador"
        )
    editor = MemberEditor(demo_ctx, late.member_id)
    qtbot.addWidget(editor)
    panel = editor.geo_panel
    assert [r.plot_name for r in panel.rows] == ["El Mirador"]
    editor.plots_view.selectRow(0)
    assert panel.current == late.plot_id
    assert "after 2020-12-31" in panel.findings.text()
    dialog = panel.evidence_dialog()
    qtbot.addWidget(dialog)
    dialog.farmland.set_value(date(2005, 1, 1))
    evidence = tmp_path / "analisis-gfw.pdf"
    evidence.write_bytes(b"%PDF-1.4 satellite analysis 2020-2025")
    dialog.set_document(str(evidence))
    save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    panel.reload()
    row = panel.row()
    assert row is not None and row.passes  # a warning only: replanted on old farmland
    assert row.evidence_document_name == "analisis-gfw.pdf"
    with demo_ctx.reading() as s:
        copy = plot_geo.evidence_document_copy(s, SYSTEM, row.plot_id)
    assert copy is not None and copy.name == "analisis-gfw.pdf"
    assert copy.read_bytes() == evidence.read_bytes()  # kept in the database, read back


def test_a_boundary_from_a_phone_track(qtbot, demo_ctx, tmp_path):
    with demo_ctx.reading() as s:
        big = next(
            r for r in plot_geo.plot_checks(s, SYSTEM) if r.label == "CPGP-3784-21 Las Palmeras"
        )
    editor = MemberEditor(demo_ctx, big.member_id)
    qtbot.addWidget(editor)
    panel = editor.geo_panel
    panel.select_plot(big.plot_id)
    assert "more than 4 ha" in panel.findings.text()
    track = tmp_path / "parcela.gpx"
    track.write_text(phone_gpx_track(), encoding="utf-8")
    dialog = panel.boundary_dialog()
    qtbot.addWidget(dialog)
    dialog.load_file(str(track))
    assert dialog.feature.count() == 2  # the house waypoint and the track
    dialog.feature.setCurrentIndex(1)
    assert "closed by joining" in dialog.details.text()
    save(qtbot, dialog)
    panel.reload()
    row = panel.row()
    assert row is not None and row.boundary is not None
    # the track (2.2 ha, in Cusco) replaces the point: now the area and place disagree
    assert "area_mismatch" in [i.code for i in row.errors]


def test_deliveries_lots_and_the_red_flag(qtbot, demo_ctx):
    page = TradePage(demo_ctx)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page)
    flagged = [r for r in page.deliveries_model.rows() if r.over_estimate]
    assert len(flagged) == 2
    dialog = page.open_delivery()
    qtbot.addWidget(dialog)
    member = flagged[0].member_id
    dialog.member.setCurrentIndex(dialog.member.findData(member))
    dialog.day.set_date_value(date.today())
    qtbot.keyClicks(dialog.kg, "250")
    qtbot.keyClicks(dialog.moisture, "12")
    qtbot.keyClicks(dialog.yield_factor, "81")
    qtbot.keyClicks(dialog.price, "18.5")
    dialog.certified.setChecked(True)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        save(qtbot, dialog)
    created = dialog.result_row
    assert created.over_estimate  # still above the estimate
    # a conventional delivery cannot go into a certified lot: the form says why
    conventional = next(r for r in page.deliveries_model.rows() if not r.certified and not r.lot_id)
    row = page.deliveries_model.find_row(lambda r: r.id == conventional.id)
    page.deliveries_view.selectRow(row)
    add = page.open_add_to_lot()
    qtbot.addWidget(add)
    add.lot.setCurrentIndex(add.lot.findText("L-", Qt.MatchFlag.MatchStartsWith))
    save(qtbot, add)
    assert any("never mix" in m for m in add.problems.visible_messages())


def test_a_micro_lot_through_the_form(qtbot, demo_ctx):
    page = TradePage(demo_ctx)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page)
    dialog = page.open_lot()
    qtbot.addWidget(dialog)
    assert dialog.code.text().startswith("L-")
    dialog.code.setText("CF-TEST-01")
    woman = next(r for r in page.deliveries_model.rows() if r.lot_id is None and r.certified)
    dialog.producer.setCurrentIndex(dialog.producer.findData(woman.member_id))
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        save(qtbot, dialog)
    lot = dialog.result_row
    assert lot.is_micro_lot and lot.producer_member_id == woman.member_id


def test_export_from_a_contract(qtbot, demo_ctx, tmp_path, exported_boxes):
    page = TradePage(demo_ctx)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page)
    page.tabs.setCurrentIndex(2)
    refusals = []
    page.show_refusal = lambda contract, exc: refusals.append((contract, exc))  # type: ignore[method-assign]
    page.choose_path = lambda title, name, flt: str(tmp_path / name)  # type: ignore[method-assign]
    bad = page.contracts_model.find_row(lambda r: r.number.startswith("NRC") and r.lots)
    page.contracts_view.selectRow(bad)
    assert page.export_eudr() is None
    assert len(refusals) == 1 and len(refusals[0][1].plots) == 8
    good = page.contracts_model.find_row(lambda r: r.number.startswith("KFH") and r.lots)
    page.contracts_view.selectRow(good)
    path = page.export_eudr()
    assert path is not None
    document = json.loads(path.read_text(encoding="utf-8"))
    assert rfc7946_problems(document) == []
    trace = page.export_trace()
    assert trace is not None and trace.exists()
    # each export ends with the Open file / Open folder box
    assert [(title, p) for title, _text, p in exported_boxes] == [
        ("EUDR file written", path),
        ("Traceability report written", trace),
    ]
    # the due-diligence reference through its form
    dialog = page.open_reference()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.reference, "26DEHC0001234")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        save(qtbot, dialog)
    row = next(r for r in page.contracts_model.rows() if r.id == dialog.contract.id)
    assert row.due_diligence_reference == "26DEHC0001234"


@pytest.mark.parametrize("role", ["auditor"])
def test_an_auditor_reads_but_records_nothing(qtbot, demo_ctx, role):
    from coop_desk.services.access import Actor, Role

    demo_ctx.set_actor(Actor("auditora", Role(role)))
    page = TradePage(demo_ctx)
    qtbot.addWidget(page)
    assert not page.new_delivery_button.isEnabled()
    assert page.export_button.isEnabled()
    plots = PlotsMapPage(demo_ctx)
    qtbot.addWidget(plots)
    assert not plots.import_button.isEnabled()


def test_import_dialog_preview(qtbot, demo_ctx, tmp_path):
    page = PlotsMapPage(demo_ctx)
    qtbot.addWidget(page)
    source = tmp_path / "levantamiento.geojson"
    with demo_ctx.reading() as s:
        plot = next(r for r in plot_geo.plot_checks(s, SYSTEM) if r.boundary is not None)
    features = [
        {
            "type": "Feature",
            "properties": {"cod_socio": plot.member_code, "parcela": plot.plot_name},
            "geometry": json.loads(geometry_json(plot.boundary)),  # type: ignore[arg-type]
        },
        {"type": "Feature", "properties": {"cod_socio": "XX-1"}, "geometry": None},
    ]
    source.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    dialog = page.open_import()
    qtbot.addWidget(dialog)
    dialog.load_file(str(source))
    assert dialog.member_field.currentData() == "cod_socio"
    assert dialog.plot_field.currentData() == "parcela"
    assert dialog.model.rowCount() == 2
    assert dialog.preview_result is not None
    assert [r.action for r in dialog.preview_result.rows] == ["unchanged", "skip"]
    assert "0 will be stored" in dialog.summary.text()
    save(qtbot, dialog)
    assert dialog.result() != dialog.DialogCode.Accepted  # nothing to import: said so


def test_deliveries_read_back_through_the_service(qtbot, demo_ctx):
    with demo_ctx.reading() as s:
        rows = trade.list_deliveries(s, SYSTEM, DeliveryFilter(flagged=True))
    assert all(r.season_kg > (r.yield_estimate_kg or Decimal(0)) for r in rows)
