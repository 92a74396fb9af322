"""Plot geolocation, deliveries, lots, traceability and the buyer's EUDR file, through the
services (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from coop_desk.domain.certification import CommitteeDecision, InspectionInput
from coop_desk.domain.geometry import Boundary, position
from coop_desk.domain.members import MemberInput, PlotInput
from coop_desk.domain.trade import DeliveryInput
from coop_desk.errors import Conflict, PermissionDenied, ValidationError
from coop_desk.exchange.geofiles import read_geo_file, read_geojson
from coop_desk.services import audit, members, plot_geo, trade
from coop_desk.services import certification as certs
from coop_desk.services.access import Actor, Role
from coop_desk.services.ledger import contracts, operations
from coop_desk.services.ledger.contracts import ContractInput
from coop_desk.services.plot_geo import EvidenceInput, ImportAction, ImportOptions
from coop_desk.services.trade import DeliveryFilter, LotInput
from tests.geo_samples import (
    VILLA_RICA,
    gis_geojson_with_self_crossing,
    google_earth_kml,
    rectangle,
)
from tests.unit.test_geofiles import rfc7946_problems

ON = date(2026, 11, 27)
AUDITOR = Actor("auditora", Role.AUDITOR)


def boundary(ring: list[tuple[float, float]]) -> Boundary:
    return Boundary(((tuple(position(repr(x), repr(y)) for x, y in ring),),))


def add_member(s, actor, code, plots, *, gender="F", name="Rosa"):  # type: ignore[no-untyped-def]
    return members.create_member(
        s,
        actor,
        MemberInput(
            code=code,
            first_names=name,
            surnames=f"Núñez {code}",
            gender=gender,
            join_date=date(2015, 3, 1),
            plots=tuple(
                PlotInput(name=n, total_area_ha=Decimal(a), coffee_area_ha=Decimal(a))
                for n, a in plots
            ),
        ),
        today=ON,
    )


def certify(s, actor, member, estimate="3000"):  # type: ignore[no-untyped-def]
    """ICS-approved, organic plots, a yield estimate (kg of parchment a season)."""
    certs.record_decision(
        s, actor, member.id, CommitteeDecision.APPROVED, date(2015, 4, 1), today=ON
    )
    for plot in member.plots:
        certs.set_plot_organic(s, actor, plot.id, date(2016, 1, 1), today=ON)
    certs.record_inspection(
        s,
        actor,
        InspectionInput(
            member_id=member.id,
            inspection_date=date(2026, 3, 10),
            inspector="Wilder Tocto",
            result="approved",
            plot_ids=tuple(p.id for p in member.plots),
            yield_estimate_kg=Decimal(estimate),
        ),
        today=ON,
    )


def compliant(s, actor, plot_id, ring):  # type: ignore[no-untyped-def]
    plot_geo.set_boundary(s, actor, plot_id, boundary(ring), "test")
    plot_geo.set_evidence(
        s,
        actor,
        plot_id,
        EvidenceInput(date(2012, 5, 1), evidence_kind="satellite", evidence_reference="GFW-1"),
        today=ON,
    )


def delivery(member_id, kg="460", day=date(2026, 6, 10), certified=True, **over):  # type: ignore[no-untyped-def]
    data = dict(
        member_id=member_id,
        delivery_date=day,
        kg=Decimal(kg),
        moisture_pct=Decimal("12.5"),
        yield_factor_pct=Decimal("80"),
        price_per_kg=Decimal("18.50"),
        certified=certified,
        collection_point="Villa Rica",
    )
    data.update(over)
    return DeliveryInput(**data)  # type: ignore[arg-type]


@pytest.fixture
def coop(db, actor):  # type: ignore[no-untyped-def]
    """Three certified members (one with two plots), one conventional member, a Fairtrade
    contract and a conventional one."""
    with db.transaction(actor) as s:
        ana = add_member(s, actor, "VR-101", [("Lote 1", "5.0")])
        ben = add_member(s, actor, "VR-102", [("Alto", "1.2"), ("Bajo", "3.0")], gender="M")
        eva = add_member(s, actor, "VR-103", [("La Esperanza", "1.2")])
        con = add_member(s, actor, "VR-104", [("Chacra", "2.0")], gender="M")
        for m in (ana, ben, eva):
            certify(s, actor, m)
        compliant(s, actor, ana.plots[0].id, rectangle(VILLA_RICA, 250, 200))  # 5.0 ha
        compliant(s, actor, ben.plots[0].id, rectangle(VILLA_RICA, 120, 100, dx=600))  # 1.2
        compliant(s, actor, ben.plots[1].id, rectangle(VILLA_RICA, 200, 150, dx=1200))  # 3.0
        compliant(s, actor, eva.plots[0].id, rectangle(VILLA_RICA, 120, 100, dx=-600))
        compliant(s, actor, con.plots[0].id, rectangle(VILLA_RICA, 200, 100, dx=-1500))
        buyer = contracts.create_buyer(s, actor, name="Hamburg Coffee Import GmbH", country="DE")
        ft = contracts.create_contract(
            s,
            actor,
            ContractInput(
                buyer.id,
                "HCI-2026-07",
                date(2026, 5, 2),
                "fairtrade",
                True,
                quantity=Decimal("1000"),
                quantity_unit="kg",
            ),
        )
        conventional = contracts.create_contract(
            s,
            actor,
            ContractInput(
                buyer.id,
                "HCI-2026-08",
                date(2026, 5, 2),
                "none",
                False,
                quantity=Decimal("500"),
                quantity_unit="kg",
            ),
        )
    return {"ana": ana, "ben": ben, "eva": eva, "con": con, "ft": ft, "conv": conventional}


def test_a_certified_delivery_needs_a_certified_member(db, actor, coop):
    with db.transaction(actor) as s:
        with pytest.raises(ValidationError, match="not certified on 2026-06-10"):
            trade.create_delivery(s, actor, delivery(coop["con"].id), today=ON)
        row = trade.create_delivery(s, actor, delivery(coop["con"].id, certified=False), today=ON)
    assert row.number == "2026-00001"
    assert row.amount == Decimal("8510.00")  # 460 kg x 18.50
    assert row.green_kg == Decimal("368")


def test_implausible_values_are_explained(db, actor, coop):
    with db.transaction(actor) as s:
        with pytest.raises(ValidationError) as err:
            trade.create_delivery(
                s,
                actor,
                delivery(coop["ana"].id, kg="0", moisture_pct=Decimal("2"), yield_factor_pct=None),
                today=ON,
            )
    fields = {p.field for p in err.value.problems}
    assert fields == {"kg", "moisture_pct", "yield_factor_pct"}


def test_yield_estimate_red_flag(db, actor, coop):
    """Estimate 3,000 kg a season: the delivery that takes the member above it is flagged;
    the next season starts again."""
    with db.transaction(actor) as s:
        mid = coop["ana"].id
        trade.create_delivery(s, actor, delivery(mid, "1800", date(2026, 5, 3)), today=ON)
        trade.create_delivery(s, actor, delivery(mid, "1100", date(2026, 6, 3)), today=ON)
        third = trade.create_delivery(s, actor, delivery(mid, "200", date(2026, 7, 3)), today=ON)
        trade.create_delivery(s, actor, delivery(mid, "50", date(2026, 7, 9)), today=ON)
        rows = trade.list_deliveries(s, actor, DeliveryFilter(member_id=mid))
    flags = {r.number: (r.season_kg, r.over_estimate) for r in rows}
    assert flags[third.number] == (Decimal("3100"), True)
    assert [r.over_estimate for r in sorted(rows, key=lambda r: r.delivery_date)] == [
        False,
        False,
        True,
        True,
    ]
    with db.reading(actor) as s:
        flagged = trade.list_deliveries(s, actor, DeliveryFilter(flagged=True))
        assert len(flagged) == 2
        trade.save_yield_tolerance(s, actor, Decimal(4))  # 3,120 kg allowed
        rows = trade.list_deliveries(s, actor, DeliveryFilter(member_id=mid))
        assert [r.season_kg for r in rows if r.over_estimate] == [Decimal("3150")]


def test_certified_and_conventional_never_mix(db, actor, coop):
    with db.transaction(actor) as s:
        certified = trade.create_delivery(s, actor, delivery(coop["ana"].id), today=ON)
        conventional = trade.create_delivery(
            s, actor, delivery(coop["con"].id, certified=False), today=ON
        )
        lot = trade.create_lot(s, actor, LotInput("L-2026-001", True, coop["ft"].id, None, ON))
        with pytest.raises(ValidationError, match="never mix"):
            trade.add_to_lot(s, actor, lot.id, [certified.id, conventional.id])
        assert trade.get_lot(s, actor, lot.id).deliveries == 0  # nothing changed
        row = trade.add_to_lot(s, actor, lot.id, [certified.id])
        assert (row.deliveries, row.kg) == (1, Decimal("460"))
        # a conventional lot cannot go to a Fairtrade organic contract
        with pytest.raises(ValidationError, match="only a certified lot"):
            trade.create_lot(s, actor, LotInput("L-2026-002", False, coop["ft"].id, None, ON))
        conv_lot = trade.create_lot(
            s, actor, LotInput("L-2026-002", False, coop["conv"].id, None, ON)
        )
        trade.add_to_lot(s, actor, conv_lot.id, [conventional.id])
        with pytest.raises(ValidationError, match="already in lot L-2026-001"):
            trade.add_to_lot(s, actor, conv_lot.id, [certified.id])
        # and a lot holding conventional coffee cannot become certified
        with pytest.raises(ValidationError, match="conventional deliveries"):
            trade.update_lot(s, actor, conv_lot.id, LotInput("L-2026-002", True, None, None, ON))
        # a delivery in a lot is not corrected or deleted
        with pytest.raises(Conflict, match="in lot L-2026-001"):
            trade.delete_delivery(s, actor, certified.id)


def test_a_delivery_changed_on_another_pc_meanwhile_does_not_slip_into_a_lot(db, actor, coop):
    """PC 1 corrects a delivery to conventional while PC 2 puts it, still certified on its
    screen, into a certified lot: PC 2 waits for PC 1 and then reads the delivery afresh."""
    if db.is_sqlite:
        pytest.skip("SQLite has one writer at a time: the second write fails, it cannot mix")
    with db.transaction(actor) as s:
        row = trade.create_delivery(s, actor, delivery(coop["ana"].id), today=ON)
        lot = trade.create_lot(s, actor, LotInput("L-2026-001", True, coop["ft"].id, None, ON))
    outcome: list[BaseException | None] = []

    def pc2() -> None:
        try:
            with db.transaction(actor) as s2:
                trade.add_to_lot(s2, actor, lot.id, [row.id])
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - the test reads it
            outcome.append(exc)

    with db.transaction(actor) as s1:
        trade.update_delivery(s1, actor, row.id, replace(row.to_input(), certified=False))
        worker = threading.Thread(target=pc2)
        worker.start()
        # PC 2 must be waiting on PC 1's lock before PC 1 commits (else there is no race)
        waiting = threading.Event()
        for _attempt in range(1500):
            with db.engine.connect() as probe:
                waiting_now = probe.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                    )
                )
            if waiting_now:
                break
            waiting.wait(0.02)
        assert waiting_now, "PC 2 never waited for PC 1"
    worker.join(timeout=60)
    assert len(outcome) == 1 and isinstance(outcome[0], ValidationError)
    assert "never mix" in str(outcome[0])
    with db.reading(actor) as s:
        assert trade.get_delivery(s, actor, row.id).lot_id is None
        assert trade.get_lot(s, actor, lot.id).deliveries == 0


def test_micro_lot_takes_one_producer(db, actor, coop):
    with db.transaction(actor) as s:
        eva = trade.create_delivery(s, actor, delivery(coop["eva"].id), today=ON)
        ana = trade.create_delivery(s, actor, delivery(coop["ana"].id), today=ON)
        micro = trade.create_lot(
            s, actor, LotInput("CF-2026-01", True, None, coop["eva"].id, ON, "Café Femenino")
        )
        with pytest.raises(ValidationError, match="micro-lot of one producer"):
            trade.add_to_lot(s, actor, micro.id, [ana.id])
        row = trade.add_to_lot(s, actor, micro.id, [eva.id])
    assert row.producer_name == "Núñez VR-103, Rosa" and row.is_micro_lot


def test_a_shipped_lot_no_longer_changes(db, actor, coop):
    with db.transaction(actor) as s:
        d = trade.create_delivery(s, actor, delivery(coop["ana"].id), today=ON)
        lot = trade.create_lot(s, actor, LotInput("L-1", True, coop["ft"].id, None, ON))
        trade.add_to_lot(s, actor, lot.id, [d.id])
        operations.record_shipment(s, actor, coop["ft"].id, shipment_date=date(2026, 9, 1))
        with pytest.raises(Conflict, match="stays as shipped"):
            trade.remove_from_lot(s, actor, lot.id, [d.id])


def test_roles(db, actor, coop):
    with db.transaction(AUDITOR) as s:
        with pytest.raises(PermissionDenied):
            trade.create_delivery(s, AUDITOR, delivery(coop["ana"].id), today=ON)
        with pytest.raises(PermissionDenied):
            plot_geo.set_boundary(s, AUDITOR, coop["ana"].plots[0].id, None)
    secretary = Actor("sec", Role.SECRETARY)
    with db.transaction(secretary) as s:
        trade.create_delivery(s, secretary, delivery(coop["ana"].id), today=ON)


def _fill_contract(s, actor, coop):  # type: ignore[no-untyped-def]
    lot = trade.create_lot(s, actor, LotInput("L-2026-001", True, coop["ft"].id, None, ON))
    ids = [
        trade.create_delivery(s, actor, delivery(coop["ana"].id, "600"), today=ON).id,
        trade.create_delivery(s, actor, delivery(coop["ben"].id, "300"), today=ON).id,
        trade.create_delivery(s, actor, delivery(coop["ben"].id, "350"), today=ON).id,
    ]
    trade.add_to_lot(s, actor, lot.id, ids)
    # Eva's coffee goes to another lot without a contract; the conventional member sells too
    other = trade.create_lot(s, actor, LotInput("L-2026-009", True, None, None, ON))
    trade.add_to_lot(
        s, actor, other.id, [trade.create_delivery(s, actor, delivery(coop["eva"].id), today=ON).id]
    )
    trade.create_delivery(s, actor, delivery(coop["con"].id, certified=False), today=ON)
    return lot


def test_traceability_shares_the_premium_pro_rata(db, actor, coop):
    with db.transaction(actor) as s:
        _fill_contract(s, actor, coop)
        report = trade.traceability(s, actor, coop["ft"].id)
    assert report.premium_due == Decimal("440.92")  # 1,000 kg = 2,204.62 lb x 0.20
    assert [m.code for m in report.members] == ["VR-101", "VR-102"]
    ana, ben = report.members
    assert (ana.kg, ben.kg) == (Decimal("600"), Decimal("650"))
    assert ana.premium + ben.premium == report.premium_due
    assert ana.premium == Decimal("211.64")  # 480 / 1000 green kg of 440.92
    assert [p.plot_name for p in ben.plots] == ["Alto", "Bajo"]


def test_the_buyers_file_lists_exactly_the_plots_of_the_members_in_its_lots(
    db, actor, coop, tmp_path
):
    with db.transaction(actor) as s:
        _fill_contract(s, actor, coop)
        trade.set_due_diligence_reference(s, actor, coop["ft"].id, "25DEHC12345678")
    with db.reading(actor) as s:
        files = trade.write_eudr_export(s, actor, coop["ft"].id, tmp_path / "hci.json")
        head = audit.current_anchor(s).text
    geojson, listing = files.geojson, files.listing
    # The plot list is an anchor like every workbook coop-desk writes (issue 11).
    assert audit.stored_head(listing)[0] == head
    assert geojson.suffix == ".json" and listing.suffix == ".xlsx"
    text = geojson.read_text(encoding="utf-8")
    document = json.loads(text)
    assert rfc7946_problems(document) == []
    places = [f["properties"]["ProductionPlace"] for f in document["features"]]
    assert places == ["Lote 1 (VR-101)", "Alto (VR-102)", "Bajo (VR-102)"]
    first = document["features"][0]["properties"]
    assert first == {
        "ProducerName": "Núñez VR-101, Rosa",
        "ProducerCountry": "PE",
        "ProductionPlace": "Lote 1 (VR-101)",
    }
    back = read_geojson(text.encode("utf-8"))
    assert len(back.features) == 3 and all(f.geometry is not None for f in back.features)
    sheet = load_workbook(listing, read_only=True)["Plots"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [(r[0], r[4], r[8]) for r in rows] == [
        ("VR-101", "Lote 1", "Polygon"),
        ("VR-102", "Alto", "Polygon"),
        ("VR-102", "Bajo", "Polygon"),
    ]
    assert rows[0][9].date() == date(2012, 5, 1)
    assert rows[0][11] == "Satellite image analysis"


def test_a_point_carries_its_area(db, actor, coop, tmp_path):
    with db.transaction(actor) as s:
        _fill_contract(s, actor, coop)
        alto = coop["ben"].plots[0].id
        plot_geo.set_boundary(s, actor, alto, None)
        plot_geo.set_point(s, actor, alto, position("-75.2585", "-10.7437"))
    with db.reading(actor) as s:
        geojson = trade.write_eudr_export(s, actor, coop["ft"].id, tmp_path / "hci.geojson").geojson
    feature = json.loads(geojson.read_text())["features"][1]
    assert feature["geometry"] == {"type": "Point", "coordinates": [-75.2585, -10.7437]}
    assert '"coordinates":[-75.258500,-10.743700]' in geojson.read_text()
    assert feature["properties"]["Area"] == 1.2


def test_the_export_is_refused_with_the_reasons_per_plot(db, actor, coop, tmp_path):
    with db.transaction(actor) as s:
        _fill_contract(s, actor, coop)
        # Alto planted in 2022; Bajo loses its boundary (3 ha: a point would do, but none)
        plot_geo.set_evidence(
            s,
            actor,
            coop["ben"].plots[0].id,
            EvidenceInput(date(2022, 2, 1), evidence_kind="declaration", evidence_reference="DJ-7"),
            today=ON,
        )
        plot_geo.set_boundary(s, actor, coop["ben"].plots[1].id, None)
    with db.reading(actor) as s:
        with pytest.raises(trade.ExportRefused) as err:
            trade.write_eudr_export(s, actor, coop["ft"].id, tmp_path / "x.geojson")
    refused = {p.label: [i.code for i in p.errors] for p in err.value.plots}
    assert refused == {"VR-102 Alto": ["planted_after_cutoff"], "VR-102 Bajo": ["no_geolocation"]}
    assert "after 2020-12-31" in str(err.value)
    assert not (tmp_path / "x.geojson").exists()


def test_a_file_above_the_eu_upload_limit_is_not_written(db, actor, coop, tmp_path, monkeypatch):
    with db.transaction(actor) as s:
        _fill_contract(s, actor, coop)
    with db.reading(actor) as s:
        size = trade.eudr_export(s, actor, coop["ft"].id).size_bytes
        # the real limit is 25 MB; the contract's file is a few KB: lower the limit under it
        monkeypatch.setattr(trade, "MAX_FILE_BYTES", size - 1)
        with pytest.raises(Conflict, match="Split the contract's lots"):
            trade.write_eudr_export(s, actor, coop["ft"].id, tmp_path / "x.geojson")
        assert not (tmp_path / "x.geojson").exists() and not (tmp_path / "x.xlsx").exists()
        monkeypatch.setattr(trade, "MAX_FILE_BYTES", size)
        assert trade.write_eudr_export(s, actor, coop["ft"].id, tmp_path / "x.geojson").geojson


def test_a_contract_without_lots_has_nothing_to_declare(db, actor, coop, tmp_path):
    with db.reading(actor) as s:
        with pytest.raises(Conflict, match="no lots with deliveries"):
            trade.write_eudr_export(s, actor, coop["conv"].id, tmp_path / "x.geojson")


def test_traceability_workbook(db, actor, coop, tmp_path):
    with db.transaction(actor) as s:
        _fill_contract(s, actor, coop)
    with db.reading(actor) as s:
        path = trade.export_traceability(s, actor, coop["ft"].id, tmp_path / "trace.xlsx")
        head = audit.current_anchor(s).text
    assert audit.stored_head(path)[0] == head
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames == ["Summary", "Lots", "Deliveries", "Members", "Plots"]
    members_rows = list(wb["Members"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in members_rows] == ["VR-101", "VR-102"]
    assert sum(Decimal(str(r[9])) for r in members_rows) == Decimal("440.92")
    deliveries_rows = list(wb["Deliveries"].iter_rows(min_row=2, values_only=True))
    assert len(deliveries_rows) == 3


# --- plot geometry --------------------------------------------------------------------------


def test_set_boundary_refuses_a_self_crossing_outline(db, actor, coop):
    a, b, c, d, _ = rectangle(VILLA_RICA, 200, 150)
    with db.transaction(actor) as s:
        with pytest.raises(ValidationError, match="crosses itself"):
            plot_geo.set_boundary(s, actor, coop["con"].plots[0].id, boundary([a, c, b, d, a]))


def test_overlap_between_members_shows_on_both(db, actor, coop):
    with db.transaction(actor) as s:
        # the conventional member's plot drawn over Ana's
        plot_geo.set_boundary(
            s, actor, coop["con"].plots[0].id, boundary(rectangle(VILLA_RICA, 200, 100, dx=50))
        )
        rows = {r.label: r for r in plot_geo.plot_checks(s, actor)}
        # one member's plots: the neighbour is found through the boxes, and only hers return
        mine = plot_geo.plot_checks(s, actor, member_ids=[coop["ana"].id])
    assert [r.label for r in mine] == ["VR-101 Lote 1"]
    assert [i.code for i in mine[0].errors] == ["overlap"]
    assert [i.code for i in rows["VR-101 Lote 1"].errors] == ["overlap"]
    assert "VR-104 Chacra" in rows["VR-101 Lote 1"].errors[0].message
    assert "overlap" in [i.code for i in rows["VR-104 Chacra"].errors]


def test_import_from_google_earth_with_a_preview(db, actor, coop, tmp_path):
    path = tmp_path / "Parcelas Villa Rica.kml"
    path.write_text(google_earth_kml(), encoding="utf-8")
    geo = read_geo_file(path)
    options = ImportOptions(source_name=path.name)
    with db.transaction(actor) as s:
        # Ana's boundary is removed first so the import brings it back
        plot_geo.set_boundary(s, actor, coop["ana"].plots[0].id, None)
        preview = plot_geo.import_geometry(s, actor, geo, options)
    by_label = {r.feature_label: r for r in preview.rows}
    assert by_label["VR-101 Lote 1"].action == ImportAction.BOUNDARY
    assert by_label["VR-101 Lote 1"].plot_name == "Lote 1"
    # "VR-102" has two plots: the placemark must say which
    assert by_label["VR-102"].action == ImportAction.SKIP
    assert by_label["VR-102"].problems[0].code == "which_plot"
    assert "Alto, Bajo" in by_label["VR-102"].problems[0].message
    # matched by its ExtendedData cod_socio; the plot name from the placemark name
    assert by_label["La Esperanza"].action == ImportAction.SKIP
    assert by_label["La Esperanza"].problems[0].code == "no_member"
    options = ImportOptions(member_field="cod_socio", plot_field="name", source_name=path.name)
    with db.transaction(actor) as s:
        result = plot_geo.import_geometry(s, actor, geo, options, dry_run=False)
        assert [r.action for r in result.rows] == [
            ImportAction.SKIP,  # no cod_socio on the first placemark: nothing to match by
            ImportAction.SKIP,
            ImportAction.BOUNDARY,  # Eva's plot, by cod_socio and the placemark's name
        ]
        assert result.rows[2].replaces and result.rows[2].member_code == "VR-103"
        again = plot_geo.import_geometry(s, actor, geo, options)
        assert again.rows[2].action == ImportAction.UNCHANGED
    with db.transaction(actor) as s:
        result = plot_geo.import_geometry(
            s, actor, geo, ImportOptions(source_name=path.name), dry_run=False
        )
        assert result.usable == 1
        row = plot_geo.plot_check(s, actor, coop["ana"].plots[0].id)
    assert row.boundary is not None
    assert row.boundary_source == "KML Parcelas Villa Rica.kml: VR-101 Lote 1"
    assert row.passes


def test_import_geojson_with_a_self_crossing_feature(db, actor, tmp_path):
    path = tmp_path / "parcelas.geojson"
    path.write_text(gis_geojson_with_self_crossing(), encoding="utf-8")
    with db.transaction(actor) as s:
        for code in ("VR-201", "VR-202", "VR-203"):
            add_member(s, actor, code, [("El Mirador", "3.0"), ("Bajo", "3.0"), ("Nueva", "1")])
        result = plot_geo.import_geometry(
            s,
            actor,
            read_geo_file(path),
            ImportOptions(member_field="cod_socio", plot_field="parcela"),
            dry_run=False,
        )
    good, bow_tie, empty = result.rows
    assert good.action == ImportAction.BOUNDARY
    assert (bow_tie.action, bow_tie.problems[0].code) == (ImportAction.SKIP, "self_crossing")
    assert (empty.action, empty.problems[0].code) == (ImportAction.SKIP, "unreadable_geometry")
    assert result.usable == 1 and result.skipped == 2


def test_evidence_documents_are_kept_in_the_document_store(db, actor, coop, tmp_path):
    from coop_desk.services import documents

    scan = tmp_path / "declaracion-jurada.pdf"
    scan.write_bytes(b"%PDF-1.4 declaracion jurada de uso agricola desde 2004")
    plot_id = coop["eva"].plots[0].id
    with db.transaction(actor) as s:
        plot_geo.set_evidence(
            s,
            actor,
            plot_id,
            EvidenceInput(date(2012, 5, 1), evidence_kind="declaration", document_path=str(scan)),
            today=ON,
        )
    with db.reading(actor) as s:
        attached = documents.list_documents(s, actor)
        copy = plot_geo.evidence_document_copy(s, actor, plot_id)
    mine = [a for a in attached if a.reference.record == f"plot {plot_id}"]
    assert len(mine) == 1 and mine[0].check.state == documents.DocumentState.INTACT
    assert "VR-103 La Esperanza" in mine[0].reference.what
    assert copy is not None and copy.read_bytes() == scan.read_bytes()


def test_a_contract_with_lots_is_not_removed(db, actor, coop):
    with db.transaction(actor) as s:
        trade.create_lot(s, actor, LotInput("L-9", True, coop["ft"].id, None, ON))
        with pytest.raises(Conflict, match="1 lot of coffee"):
            contracts.delete_contract(s, actor, coop["ft"].id)


def test_a_boundary_too_large_to_keep_is_refused_in_words(db, actor, coop):
    import math

    from tests.geo_samples import offsets_to_lonlat

    corners = 45_000  # a track logged every few centimetres
    ring = offsets_to_lonlat(
        VILLA_RICA,
        [
            (100 * math.cos(2 * math.pi * i / corners), 100 * math.sin(2 * math.pi * i / corners))
            for i in range(corners)
        ],
    )
    ring.append(ring[0])
    with db.transaction(actor) as s:
        with pytest.raises(ValidationError, match="simplify it"):
            plot_geo.set_boundary(s, actor, coop["con"].plots[0].id, boundary(ring))
