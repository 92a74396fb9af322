"""The ``plots``, ``deliveries``, ``lots`` and ``eudr`` commands on the demo cooperative: every
deliberate EUDR finding of the demo shows, the failing contract's file is refused with the
reasons, the other's is written, re-read and matches its lots exactly."""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl

from coop_desk.cli import main
from coop_desk.exchange.geofiles import read_geo_file
from coop_desk.services import trade
from tests.geo_samples import google_earth_kml, phone_gpx_track
from tests.unit.test_geofiles import rfc7946_problems


def run(capsys, db, *args):  # type: ignore[no-untyped-def]
    code = main(["--db", str(db.url).replace("sqlite:///", ""), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_plots_check_names_every_rule(demo_db, capsys):
    code, out, _ = run(capsys, demo_db, "plots", "check", "--failing")
    assert code == 0
    for words in (
        "overlaps plot",
        "after 2020-12-31",
        "more than 4 ha",
        "no geolocation",
        "register says",
        "latitude and longitude seem swapped",
        "no deforestation-free evidence",
    ):
        assert words in out, words
    assert out.strip().endswith("8 fail.")


def test_export_refused_then_written(demo_db, capsys, tmp_path, actor):
    year = 2026
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, _ = run(capsys, demo_db, "eudr", "export", f"NRC-{year}-11", str(out_dir / "n"))
    assert code == 1
    assert "8 plots fail" in out and "CPGP-3784-16 El Mirador" in out
    assert not list(out_dir.iterdir())

    target = out_dir / "kfh.geojson"
    code, out, _ = run(capsys, demo_db, "eudr", "export", f"KFH-{year}-10", str(target))
    assert code == 0, out
    document = json.loads(target.read_text(encoding="utf-8"))
    assert rfc7946_problems(document) == []
    # exactly the plots of the members whose deliveries are in the contract's lots
    with demo_db.reading(actor) as s:
        contract_id = next(
            c.id for c in trade.list_trade_contracts(s, actor) if c.number == f"KFH-{year}-10"
        )
        report = trade.traceability(s, actor, contract_id)
        in_lots = {d.member_code for lot in report.lots for d in lot.deliveries}
        expected = [trade.production_place(p) for m in report.members for p in m.plots]
    places = [f["properties"]["ProductionPlace"] for f in document["features"]]
    assert places == expected
    assert {place.split("(")[1].split(")")[0] for place in places} == in_lots
    points = [f for f in document["features"] if f["geometry"]["type"] == "Point"]
    assert points and all("Area" in f["properties"] for f in points)
    assert read_geo_file(target).features[0].geometry is not None
    sheet = openpyxl.load_workbook(out_dir / "kfh.xlsx", read_only=True)["Plots"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [r[5] for r in rows] == places  # the list beside the file, in the file's order


def test_deliveries_lots_and_reference(demo_db, capsys, monkeypatch):
    code, out, _ = run(capsys, demo_db, "deliveries", "list", "--flagged")
    assert code == 0 and "above the yield estimate" in out
    assert "2 above the yield estimate." in out
    code, _out, err = run(capsys, demo_db, "eudr", "reference", "KFH-2026-10", "X")
    assert code == 2 and "may not" in err  # read-only without --user
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    code, out, _ = run(
        capsys, demo_db, "--user", "tesorero", "eudr", "reference", "KFH-2026-10", "26DEXX1234567"
    )
    assert code == 0, out
    code, out, _ = run(capsys, demo_db, "eudr", "contracts")
    assert "26DEXX1234567" in out
    code, out, _ = run(
        capsys,
        demo_db,
        "--user",
        "tesorero",
        "lots",
        "add",
        "L-2026-050",
        "--contract",
        "KFH-2026-04",
        "--conventional",
    )
    assert code == 2  # the conventional contract has shipped: its lots are closed


def test_import_a_google_earth_file_dry_run(demo_db, capsys, tmp_path):
    path = tmp_path / "parcelas.kml"
    path.write_text(google_earth_kml(), encoding="utf-8")
    code, out, _ = run(capsys, demo_db, "plots", "import", str(path), "--dry-run")
    assert code == 0
    assert "there is no member with the code" in out or "no member code" in out
    assert "0 would be stored, 3 cannot be used." in out


def _plot_row(db, label):  # type: ignore[no-untyped-def]
    from coop_desk.services import plot_geo
    from coop_desk.services.access import SYSTEM

    with db.reading(SYSTEM) as s:
        return next(r for r in plot_geo.plot_checks(s, SYSTEM) if r.label == label)


def test_a_boundary_from_a_phone_track(demo_db, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    track = tmp_path / "parcela.gpx"
    track.write_text(phone_gpx_track(), encoding="utf-8")
    plot = ("CPGP-3784-21", "las palmeras")  # 4.4 ha with a point only
    user = ("--user", "secretario")
    # two features (the house waypoint and the walked track): listed, nothing stored
    code, out, err = run(capsys, demo_db, *user, "plots", "boundary", *plot, str(track))
    assert code == 2 and "--feature" in err and "nothing was stored" in err
    assert "1  " in out and "2  " in out and "a boundary of" in out
    assert _plot_row(demo_db, "CPGP-3784-21 Las Palmeras").boundary is None
    code, _out, err = run(
        capsys, demo_db, *user, "plots", "boundary", *plot, str(track), "--feature", "7"
    )
    assert code == 2 and "no feature 7" in err
    code, out, err = run(
        capsys, demo_db, *user, "plots", "boundary", *plot, str(track), "--feature", "2"
    )
    assert code == 0, err
    assert "Stored a boundary of" in out and "closed by joining" in out
    row = _plot_row(demo_db, "CPGP-3784-21 Las Palmeras")
    assert row.boundary is not None and row.geometry_kind == "polygon"
    # the track lies in Cusco and measures 2.2 ha: the new finding is printed and stored
    assert "area_mismatch" in [i.code for i in row.errors]
    assert "register says" in out


def test_an_empty_lot_is_deleted_a_full_one_is_not(demo_db, capsys, monkeypatch):
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    user = ("--user", "tesorero")
    code, _out, err = run(capsys, demo_db, *user, "lots", "delete", "L-2026-001")
    assert code == 2 and "take them out first" in err
    code, out, err = run(capsys, demo_db, *user, "lots", "add", "L-2026-099")
    assert code == 0, err
    code, out, err = run(capsys, demo_db, *user, "lots", "delete", "l-2026-099")
    assert code == 0 and "Lot L-2026-099 removed." in out
    code, out, _err = run(capsys, demo_db, "lots", "list")
    assert "L-2026-099" not in out and "L-2026-001" in out


def test_a_delivery_is_corrected_only_where_asked(demo_db, capsys, monkeypatch):
    from coop_desk.services.access import SYSTEM

    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    user = ("--user", "tesorero")

    def delivery(number):  # type: ignore[no-untyped-def]
        with demo_db.reading(SYSTEM) as s:
            return next(d for d in trade.list_deliveries(s, SYSTEM) if d.number == number)

    before = delivery("2026-00121")
    assert before.lot_id is None and before.certified
    code, out, err = run(
        capsys,
        demo_db,
        *user,
        "deliveries",
        "edit",
        "2026-00121",
        "--kg",
        "198,5",
        "--conventional",
    )
    assert code == 0, err
    assert "198.50 kg" in out
    after = delivery("2026-00121")
    assert after.kg == Decimal("198.5") and not after.certified
    unchanged = ("member_id", "delivery_date", "moisture_pct", "yield_factor_pct", "price_per_kg")
    assert all(getattr(after, f) == getattr(before, f) for f in unchanged)
    assert after.collection_point == before.collection_point
    # a delivery in a lot is corrected only after it is taken out of the lot
    code, _out, err = run(capsys, demo_db, *user, "deliveries", "edit", "2026-00036", "--kg", "1")
    assert code == 2 and "take it out of the lot" in err
    assert delivery("2026-00036").kg == Decimal("299.00")


def test_a_lot_made_first_is_put_on_its_contract_later(demo_db, capsys, monkeypatch):
    from coop_desk.services.access import SYSTEM

    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    user = ("--user", "tesorero")

    def lot(code):  # type: ignore[no-untyped-def]
        with demo_db.reading(SYSTEM) as s:
            return next(r for r in trade.list_lots(s, SYSTEM) if r.code == code)

    assert run(capsys, demo_db, *user, "lots", "add", "L-2026-098")[0] == 0
    assert run(capsys, demo_db, *user, "lots", "assign", "L-2026-098", "2026-00121")[0] == 0
    code, out, err = run(
        capsys, demo_db, *user, "lots", "edit", "L-2026-098", "--contract", "KFH-2026-10"
    )
    assert code == 0, err
    assert "KFH-2026-10" in out and "L-2026-098" in out
    assert lot("L-2026-098").contract_number == "KFH-2026-10" and lot("L-2026-098").certified
    # a Fairtrade contract takes certified lots only: refused, nothing changed
    code, _out, err = run(capsys, demo_db, *user, "lots", "edit", "L-2026-098", "--conventional")
    assert code != 0 and err
    assert lot("L-2026-098").certified
    code, _out, err = run(capsys, demo_db, *user, "lots", "edit", "L-2026-098", "--no-contract")
    assert code == 0, err
    assert lot("L-2026-098").contract_id is None and lot("L-2026-098").deliveries == 1


def test_traceability_workbook(demo_db, capsys, tmp_path):
    target = tmp_path / "trace.xlsx"
    code, out, _ = run(capsys, demo_db, "eudr", "trace", "KFH-2026-10", str(target))
    assert code == 0 and "27 members" in out
    wb = openpyxl.load_workbook(target, read_only=True)
    members = list(wb["Members"].iter_rows(min_row=2, values_only=True))
    assert len(members) == 27


def test_verify_names_failing_plots_and_red_flags(demo_db):
    from coop_desk.services.access import SYSTEM
    from coop_desk.services.verify import verify
    from tests.conftest import TODAY

    with demo_db.reading(SYSTEM) as s:
        result = verify(s, SYSTEM, TODAY)
    assert result.integrity_ok
    plots = [f for f in result.warnings if f.check == "eudr.plot"]
    assert len(plots) == 8 and all("NRC-2026-11" in f.message for f in plots)
    flags = [f for f in result.warnings if f.check == "ics.yield_estimate"]
    assert len(flags) == 2 and "above the yield estimate" in flags[0].message
