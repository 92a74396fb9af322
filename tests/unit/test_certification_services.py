"""Certification services and alerts, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import update

from coop_desk.domain.certification import (
    CertificateInput,
    CommitteeDecision,
    ConversionStatus,
    CorrectiveActionInput,
    GroupRules,
    InspectionInput,
    SanctionInput,
    add_months,
)
from coop_desk.domain.members import MemberInput, MemberStatus, PlotInput
from coop_desk.errors import PermissionDenied, ValidationError
from coop_desk.models import Document
from coop_desk.services import certification as certs
from coop_desk.services import documents, members
from coop_desk.services.access import Actor, Role
from coop_desk.services.certification import alerts as cert_alerts
from coop_desk.services.certification.alerts import AlertKind
from coop_desk.services.verify import verify

ON = date(2026, 11, 27)


def add_member(s, actor, code, *areas, join=date(2015, 3, 1), dni=None, status=None):
    plots = tuple(
        PlotInput(name=f"Plot {i}", total_area_ha=Decimal(a), coffee_area_ha=Decimal(a))
        for i, a in enumerate(areas, start=1)
    )
    detail = members.create_member(
        s,
        actor,
        MemberInput(
            code=code,
            first_names="Rosa",
            surnames=f"Núñez {code}",
            gender="F",
            join_date=join,
            dni=dni,
            plots=plots,
        ),
        today=ON,
    )
    return detail


def approve(s, actor, member_id, when=date(2015, 4, 1)):
    return certs.record_decision(s, actor, member_id, CommitteeDecision.APPROVED, when, today=ON)


def inspect(s, actor, member_id, when, plot_ids=(), result="approved", **over):
    data = dict(
        member_id=member_id,
        inspection_date=when,
        inspector="Wilder Tocto",
        result=result,
        findings="" if result == "approved" else "pulp by the stream",
        plot_ids=tuple(plot_ids),
        yield_estimate_kg=Decimal("1250"),
    )
    data.update(over)
    return certs.record_inspection(s, actor, InspectionInput(**data), today=ON)  # type: ignore[arg-type]


def kinds(alerts):
    return [a.kind for a in alerts]


def test_builtin_schemes_and_a_user_scheme(db, actor):
    with db.transaction(actor) as s:
        added = certs.add_scheme(s, actor, certs.SchemeInput(name="Rainforest Alliance"))
        with pytest.raises(ValidationError, match="already exists"):
            certs.add_scheme(s, actor, certs.SchemeInput(name="rainforest  alliance"))
    with db.reading(actor) as s:
        names = [r.name for r in certs.list_schemes(s, actor)]
    assert names[:4] == sorted(names[:4])
    assert {"Fairtrade", "Organic EU (Reg. 2018/848)", "Organic USDA NOP"} <= set(names)
    assert added.code == "rainforest-alliance" and not added.builtin


def test_certificate_keeps_its_document_by_sha256(db, actor, tmp_path):
    scan = tmp_path / "Certificado FLO.pdf"
    scan.write_bytes(b"%PDF-1.4 certificate 3784")
    with db.transaction(actor) as s:
        ft = certs.scheme_id(s, "fairtrade")
        row = certs.save_certificate(
            s,
            actor,
            CertificateInput(
                scheme_id=ft,
                certifier="FLOCERT",
                number="3784",
                issue_date=date(2025, 10, 3),
                expiry_date=date(2028, 10, 3),
                scope="Green coffee",
                document_path=str(scan),
            ),
        )
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert row.document_sha256 == digest and row.document_name == "Certificado FLO.pdf"
    with db.reading(actor) as s:
        # Kept in the database (every computer sharing it sees it), not in a folder.
        assert documents.document_content(s, actor, digest) == scan.read_bytes()
    scan.unlink()  # the original can go: the store keeps its own copy
    # Editing without a new file keeps the document.
    with db.transaction(actor) as s:
        edited = certs.save_certificate(
            s,
            actor,
            CertificateInput(
                scheme_id=row.scheme_id,
                certifier="FLOCERT GmbH",
                number="3784",
                issue_date=row.issue_date,
                expiry_date=row.expiry_date,
            ),
            row.id,
        )
    assert edited.document_sha256 == digest and edited.certifier == "FLOCERT GmbH"
    with db.reading(actor) as s:
        assert verify(s, actor, ON).findings == ()
    with db.transaction(actor) as s:
        s.execute(update(Document).where(Document.sha256 == digest).values(content=b"tampered"))
    with db.reading(actor) as s:
        result = verify(s, actor, ON)
    assert [(f.check, f.record) for f in result.errors] == [
        ("documents.altered", f"certificate {row.id}")
    ]


def test_certificate_validation_collects_every_problem(db, actor, tmp_path):
    with db.transaction(actor) as s, pytest.raises(ValidationError) as info:
        certs.save_certificate(
            s,
            actor,
            CertificateInput(
                scheme_id=None,
                certifier="",
                number=" ",
                issue_date=date(2026, 1, 1),
                expiry_date=date(2025, 1, 1),
                document_path=str(tmp_path / "missing.pdf"),
            ),
        )
    assert {p.field for p in info.value.problems} == {
        "scheme_id",
        "certifier",
        "number",
        "expiry_date",
        "document_path",
    }


def test_inspection_with_plots_and_actions_round_trips(db, actor):
    with db.transaction(actor) as s:
        m = add_member(s, actor, "A-1", "1.5", "2")
        other = add_member(s, actor, "A-2", "1")
        row = inspect(
            s,
            actor,
            m.id,
            date(2026, 5, 10),
            [p.id for p in m.plots],
            result="conditional",
            last_prohibited_input="Urea",
            last_prohibited_input_date=date(2022, 3, 1),
            corrective_actions=(
                CorrectiveActionInput("Compost the pulp", date(2026, 7, 10)),
                CorrectiveActionInput("Living barrier", date(2026, 12, 31)),
            ),
        )
        with pytest.raises(ValidationError, match="does not belong"):
            inspect(s, actor, m.id, date(2026, 5, 11), [other.plots[0].id])
    assert row.plot_names == ("Plot 1", "Plot 2")
    assert [a.description for a in row.actions] == ["Compost the pulp", "Living barrier"]
    with db.reading(actor) as s:
        detail = certs.member_certification(s, actor, m.id, ON)
        open_actions = certs.list_open_actions(s, actor)
    assert detail.inspections[0].yield_estimate_kg == Decimal("1250")
    assert detail.inspections[0].last_prohibited_input == "Urea"
    assert detail.inspected_this_year
    assert [a.overdue(ON) for a in open_actions] == [True, False]
    with db.transaction(actor) as s:
        done = certs.complete_action(s, actor, open_actions[0].id, date(2026, 11, 1), today=ON)
        with pytest.raises(ValidationError, match="already completed"):
            certs.complete_action(s, actor, open_actions[0].id, date(2026, 11, 2), today=ON)
    assert done.completed_on == date(2026, 11, 1) and not done.overdue(ON)


def test_approval_suspension_and_exclusion_decide_what_counts_as_certified(db, actor):
    with db.transaction(actor) as s:
        m = add_member(s, actor, "B-1", "2")
        plot = m.plots[0].id
        certs.set_plot_organic(s, actor, plot, date(2019, 1, 1), today=ON)
    with db.reading(actor) as s:
        before = certs.member_certification(s, actor, m.id, ON)
    assert before.plots[0].status == ConversionStatus.ORGANIC
    assert not before.approved and not before.plots[0].certified  # no committee decision yet
    with db.transaction(actor) as s:
        approve(s, actor, m.id, date(2026, 2, 1))
        certs.record_sanction(
            s,
            actor,
            SanctionInput(
                member_id=m.id,
                kind="suspension",
                decided_on=date(2026, 6, 1),
                reason="herbicide",
                starts_on=date(2026, 6, 1),
                ends_on=date(2026, 9, 30),
            ),
            today=ON,
        )
    with db.reading(actor) as s:
        jan = certs.member_certification(s, actor, m.id, date(2026, 1, 31))
        mar = certs.member_certification(s, actor, m.id, date(2026, 3, 1))
        jul = certs.member_certification(s, actor, m.id, date(2026, 7, 1))
        octo = certs.member_certification(s, actor, m.id, date(2026, 10, 1))
    assert not jan.plots[0].certified
    assert mar.plots[0].certified and mar.approval_date == date(2026, 2, 1)
    assert jul.suspended and not jul.plots[0].certified
    assert octo.plots[0].certified
    with db.transaction(actor) as s:
        certs.record_sanction(
            s,
            actor,
            SanctionInput(m.id, "exclusion", date(2026, 11, 1), "repeat offence"),
            today=ON,
        )
    with db.reading(actor) as s:
        after = certs.member_certification(s, actor, m.id, ON)
        farmers = certs.farmer_list(s, actor, ON)
    assert after.excluded and not after.plots[0].certified
    assert m.id not in [f.member_id for f in farmers]  # out of the group


def test_register_suspension_also_stops_certification(db, actor):
    with db.transaction(actor) as s:
        m = add_member(s, actor, "C-1", "1")
        certs.set_plot_organic(s, actor, m.plots[0].id, date(2018, 1, 1), today=ON)
        approve(s, actor, m.id)
        members.change_status(s, actor, m.id, MemberStatus.SUSPENDED, date(2026, 1, 5), "ICS")
    with db.reading(actor) as s:
        detail = certs.member_certification(s, actor, m.id, ON)
    assert detail.suspended and not detail.plots[0].certified


def test_override_needs_a_reason_and_wins(db, actor):
    with db.transaction(actor) as s:
        m = add_member(s, actor, "D-1", "1")
        plot = m.plots[0].id
        with pytest.raises(ValidationError, match="needs a reason"):
            certs.set_plot_organic(s, actor, plot, date(2018, 1, 1), ConversionStatus.T1, "")
        row = certs.set_plot_organic(
            s, actor, plot, date(2018, 1, 1), ConversionStatus.T1, "prohibited input", today=ON
        )
    assert row.computed == ConversionStatus.ORGANIC and row.status == ConversionStatus.T1


def test_deleting_a_plot_removes_its_organic_record(db, actor):
    with db.transaction(actor) as s:
        m = add_member(s, actor, "E-1", "1", "2")
        certs.set_plot_organic(s, actor, m.plots[1].id, date(2020, 1, 1), today=ON)
        inspect(s, actor, m.id, date(2026, 3, 1), [m.plots[1].id])
    with db.transaction(actor) as s:
        detail = members.get_member(s, actor, m.id)
        data = detail.to_input()
        from dataclasses import replace

        members.update_member(s, actor, m.id, replace(data, plots=data.plots[:1]), today=ON)
    with db.reading(actor) as s:
        after = certs.member_certification(s, actor, m.id, ON)
    assert [p.name for p in after.plots] == ["Plot 1"]
    assert after.inspections[0].plot_ids == ()


def test_member_scheme_status(db, actor):
    with db.transaction(actor) as s:
        m = add_member(s, actor, "F-1", "1")
        ft = certs.scheme_id(s, "fairtrade")
        with pytest.raises(ValidationError, match="joined on"):
            certs.set_member_scheme(s, actor, m.id, ft, True, date(2010, 1, 1), today=ON)
        certs.set_member_scheme(s, actor, m.id, ft, True, date(2016, 1, 1), today=ON)
        certs.set_member_scheme(s, actor, m.id, ft, False, date(2026, 2, 1), "left FT", today=ON)
    with db.reading(actor) as s:
        detail = certs.member_certification(s, actor, m.id, ON)
    fair = next(r for r in detail.schemes if r.scheme_id == ft)
    assert fair.in_scope is False and fair.since == date(2026, 2, 1) and fair.notes == "left FT"


def test_writes_need_the_certification_permission(db):
    auditor = Actor("ana", Role.AUDITOR)
    treasurer = Actor("tom", Role.TREASURER)
    with db.transaction(auditor) as s:
        certs.list_certificates(s, auditor)
        for who in (auditor, treasurer):
            with pytest.raises(PermissionDenied):
                certs.add_scheme(s, who, certs.SchemeInput(name="X"))
            with pytest.raises(PermissionDenied):
                certs.record_inspection(
                    s, who, InspectionInput(1, date(2026, 1, 1), "x", "approved")
                )


# --- alerts on chosen dates ------------------------------------------------------------------


def _cert(s, actor, code, expiry, issue=date(2024, 1, 1), member_id=None, number="N-1"):
    return certs.save_certificate(
        s,
        actor,
        CertificateInput(
            scheme_id=certs.scheme_id(s, code),
            certifier="Control Union",
            number=number,
            issue_date=issue,
            expiry_date=expiry,
            member_id=member_id,
        ),
    )


def test_certificate_expiry_alerts_respect_the_horizon_and_renewals(db, actor):
    with db.transaction(actor) as s:
        _cert(s, actor, "organic-eu", ON + timedelta(days=90))
        _cert(s, actor, "organic-nop", ON + timedelta(days=91))
        _cert(s, actor, "fairtrade", ON - timedelta(days=1))
        m = add_member(s, actor, "G-1", "1")
        approve(s, actor, m.id)
        inspect(s, actor, m.id, date(2026, 2, 1))
        _cert(s, actor, "organic-jas", ON + timedelta(days=10), member_id=m.id)
    with db.reading(actor) as s:
        found = cert_alerts.alerts(s, actor, ON)
        narrow = cert_alerts.alerts(s, actor, ON, days=30)
    expiring = [a.record for a in found if a.kind == AlertKind.CERTIFICATE_EXPIRING]
    assert len(expiring) == 2  # EU on day 90 and the member's JAS; NOP on day 91 is not
    # Urgent first, by date: the lapsed Fairtrade certificate, then the member's (10 days left).
    assert kinds(found)[:2] == [AlertKind.CERTIFICATE_EXPIRED, AlertKind.CERTIFICATE_EXPIRING]
    assert any("G-1" in a.message for a in found if a.kind == AlertKind.CERTIFICATE_EXPIRING)
    assert len([a for a in narrow if a.kind == AlertKind.CERTIFICATE_EXPIRING]) == 1
    assert kinds(found).count(AlertKind.CERTIFICATE_EXPIRED) == 1
    # A renewal silences the expired one.
    with db.transaction(actor) as s:
        _cert(s, actor, "fairtrade", date(2029, 1, 1), issue=ON - timedelta(days=1), number="N2")
    with db.reading(actor) as s:
        again = cert_alerts.alerts(s, actor, ON)
    assert AlertKind.CERTIFICATE_EXPIRED not in kinds(again)


def test_inspection_coverage_and_overdue_action_alerts(db, actor):
    with db.transaction(actor) as s:
        a = add_member(s, actor, "H-1", "1")
        b = add_member(s, actor, "H-2", "1")
        for m in (a, b):
            approve(s, actor, m.id)
        inspect(s, actor, a.id, date(2025, 12, 31))  # last year only
        inspect(
            s,
            actor,
            b.id,
            date(2026, 1, 2),
            result="conditional",
            corrective_actions=(CorrectiveActionInput("Fix records", date(2026, 3, 1)),),
        )
    with db.reading(actor) as s:
        on_due = cert_alerts.alerts(s, actor, date(2026, 3, 1))
        after = cert_alerts.alerts(s, actor, date(2026, 3, 2))
        overview = certs.ics_overview(s, actor, date(2026, 3, 2))
    assert AlertKind.ACTION_OVERDUE not in kinds(on_due)
    assert kinds(after).count(AlertKind.ACTION_OVERDUE) == 1
    not_inspected = [x for x in after if x.kind == AlertKind.NOT_INSPECTED]
    assert [x.member_id for x in not_inspected] == [a.id]
    assert "last inspected 2025-12-31" in not_inspected[0].message
    assert overview.coverage_percent == Decimal("50.0")
    coverage = next(x for x in after if x.kind == AlertKind.ICS_COVERAGE)
    assert "1 of 2 members inspected (50.0%)" in coverage.message
    # On the last day of 2025 only a had its inspection of that year.
    with db.reading(actor) as s:
        dec31 = certs.ics_overview(s, actor, date(2025, 12, 31))
    assert (dec31.inspected, dec31.group_members) == (1, 2)


def test_area_group_size_and_conversion_alerts(db, actor):
    with db.transaction(actor) as s:
        big = add_member(s, actor, "K-1", "3", "2.01")
        limit = add_member(s, actor, "K-2", "5")
        for m in (big, limit):
            approve(s, actor, m.id)
            inspect(s, actor, m.id, date(2026, 2, 1))
        start = add_months(ON, -36) + timedelta(days=30)  # organic 30 days after ON
        certs.set_plot_organic(s, actor, limit.plots[0].id, start, today=ON)
    with db.reading(actor) as s:
        found = cert_alerts.alerts(s, actor, ON)
        short = cert_alerts.alerts(s, actor, ON, days=29)
    area = [a for a in found if a.kind == AlertKind.MEMBER_AREA]
    assert [a.member_id for a in area] == [big.id]
    assert "5.01 ha" in area[0].message
    ending = [a for a in found if a.kind == AlertKind.CONVERSION_ENDING]
    assert [a.when for a in ending] == [ON + timedelta(days=30)]
    assert AlertKind.CONVERSION_ENDING not in kinds(short)
    assert AlertKind.GROUP_SIZE not in kinds(found)
    with db.transaction(actor) as s:
        certs.save_group_rules(s, actor, GroupRules(max_group_members=1))
    with db.reading(actor) as s:
        assert AlertKind.GROUP_SIZE in kinds(cert_alerts.alerts(s, actor, ON))
        result = verify(s, actor, ON)
    assert {f.check for f in result.warnings} >= {"certs.group_size", "certs.member_area"}


def test_pending_approval_is_an_alert(db, actor):
    with db.transaction(actor) as s:
        m = add_member(s, actor, "N-1", "1", join=date(2026, 10, 1))
        inspect(s, actor, m.id, date(2026, 10, 5))
    with db.reading(actor) as s:
        found = cert_alerts.alerts(s, actor, ON)
    assert AlertKind.APPROVAL_PENDING in kinds(found)
    with db.transaction(actor) as s:
        rows = certs.list_inspections(s, actor, member_id=m.id)
        certs.record_decision(
            s, actor, m.id, "approved", date(2026, 10, 20), inspection_id=rows[0].id, today=ON
        )
    with db.reading(actor) as s:
        assert AlertKind.APPROVAL_PENDING not in kinds(cert_alerts.alerts(s, actor, ON))


def test_verify_warns_about_members_without_an_inspection_in_twelve_months(db, actor):
    with db.transaction(actor) as s:
        a = add_member(s, actor, "V-1", "1")
        b = add_member(s, actor, "V-2", "1")
        add_member(s, actor, "V-3", "1", join=date(2025, 10, 1))  # never approved
        for m in (a, b):
            approve(s, actor, m.id)
        inspect(s, actor, a.id, date(2025, 12, 31))
        inspect(s, actor, b.id, date(2026, 2, 1))
    with db.reading(actor) as s:
        in_march = verify(s, actor, date(2026, 3, 2))
        next_year = verify(s, actor, date(2027, 1, 5))
    overdue = [f for f in in_march.warnings if f.check == "certs.inspection_overdue"]
    assert overdue == []
    overdue = [f.record for f in next_year.warnings if f.check == "certs.inspection_overdue"]
    # a's inspection is more than 12 months old; b's is not; the pending member is not approved.
    assert overdue == ["member V-1"]


def test_schemes_that_certify_each_member_need_a_member_certificate(db, actor):
    with db.transaction(actor) as s:
        ra = certs.add_scheme(
            s, actor, certs.SchemeInput(name="Rainforest Alliance", member_certificates=True)
        )
        a = add_member(s, actor, "R-1", "1")
        b = add_member(s, actor, "R-2", "1")
        for m in (a, b):
            certs.set_member_scheme(s, actor, m.id, ra.id, True, date(2025, 1, 1), today=ON)
        certs.save_certificate(
            s,
            actor,
            CertificateInput(
                ra.id, "RA", "RA-1", date(2025, 1, 1), ON + timedelta(days=5), member_id=a.id
            ),
        )
    with db.reading(actor) as s:
        found = cert_alerts.alerts(s, actor, ON)
    missing = [x.member_id for x in found if x.kind == AlertKind.CERTIFICATE_MISSING]
    expiring = [x.member_id for x in found if x.kind == AlertKind.CERTIFICATE_EXPIRING]
    assert missing == [b.id]
    assert expiring == [a.id]
