"""Two PCs editing the same records, each with its own connection (its own ``Database``), on
SQLite and on the real PostgreSQL server: a save based on an outdated version is refused with
who changed the record and when; nothing anyone saved is ever lost; plots merge by row."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from coop_desk.db import Database
from coop_desk.domain.members import MemberInput, MemberStatus, PlotInput
from coop_desk.errors import StaleEdit
from coop_desk.services import members
from coop_desk.services.access import SYSTEM, Actor, Role
from coop_desk.services.ledger import plan

MARIA = Actor(username="maria", role=Role.SECRETARY)
JUAN = Actor(username="juan", role=Role.SECRETARY)


@pytest.fixture
def pcs(db) -> Iterator[tuple[Database, Database]]:  # type: ignore[no-untyped-def]
    """Two PCs on the database of ``db``: two engines, two connections."""
    first, second = Database.open(db.target), Database.open(db.target)
    try:
        yield first, second
    finally:
        first.close()
        second.close()


@pytest.fixture
def member_id(db) -> int:  # type: ignore[no-untyped-def]
    with db.transaction(MARIA) as s:
        created = members.create_member(
            s,
            MARIA,
            MemberInput(
                code="CPGP-3784-7",
                first_names="Rosa",
                surnames="Quispe Mamani",
                gender="F",
                join_date=date(2020, 3, 1),
                plots=(
                    PlotInput("La Loma", Decimal("2.5"), Decimal("2.0")),
                    PlotInput("El Bajo", Decimal("1.0"), Decimal("0.5")),
                ),
            ),
        )
    return created.id


def opened(pc: Database, actor: Actor, member_id: int) -> members.MemberDetail:
    """What a member form shows when it opens."""
    with pc.reading(actor) as s:
        return members.get_member(s, actor, member_id)


def save(pc: Database, actor: Actor, base: members.MemberDetail, data: MemberInput) -> None:
    with pc.transaction(actor) as s:
        members.update_member(s, actor, base.id, data, base=base)


def plot(data: MemberInput, name: str) -> PlotInput:
    return next(p for p in data.plots if p.name == name)


def test_twenty_rounds_of_two_editors_lose_nothing(pcs, member_id):
    first, second = pcs
    for round_ in range(20):
        # Both open the member; one changes the phone, the other the notes; saved in turn
        # (who saves first alternates).
        a, b = opened(first, MARIA, member_id), opened(second, JUAN, member_id)
        phone, notes = f"98765{round_:04d}", f"visit {round_}"
        saves = [
            (first, MARIA, a, replace(a.to_input(), phone=phone)),
            (second, JUAN, b, replace(b.to_input(), notes=notes)),
        ]
        if round_ % 2:
            saves.reverse()
        pc, actor, base, data = saves[0]
        save(pc, actor, base, data)
        pc, actor, base, data = saves[1]
        with pytest.raises(StaleEdit) as refused:
            save(pc, actor, base, data)
        winner = saves[0][1].username
        assert refused.value.changed_by == winner
        assert refused.value.changed_at is not None
        assert f"changed by {winner} on " in str(refused.value)
        assert "CPGP-3784-7" in str(refused.value) and "Nothing was saved" in str(refused.value)
        # The refused user reloads and makes the change again: both are kept.
        fresh = opened(pc, actor, member_id)
        save(pc, actor, fresh, _redo(fresh, data, base))
        final = opened(first, MARIA, member_id)
        assert (final.phone, final.notes) == (phone, notes)


def _redo(
    fresh: members.MemberDetail, data: MemberInput, base: members.MemberDetail
) -> MemberInput:
    """The refused change, made again on the reloaded values."""
    redo = fresh.to_input()
    if data.phone != base.phone:
        redo = replace(redo, phone=data.phone)
    if data.notes != base.notes:
        redo = replace(redo, notes=data.notes)
    return redo


def test_a_plot_added_meanwhile_survives_a_form_opened_before(pcs, member_id):
    first, second = pcs
    stale_form = opened(second, JUAN, member_id)
    fresh = opened(first, MARIA, member_id)
    new_plot = PlotInput("Nueva", Decimal("0.75"), Decimal("0.75"))
    save(first, MARIA, fresh, replace(fresh.to_input(), plots=(*fresh.to_input().plots, new_plot)))
    # Juan's form (opened before) changes the phone and saves: accepted, the new plot stays.
    save(second, JUAN, stale_form, replace(stale_form.to_input(), phone="912345678"))
    final = opened(first, MARIA, member_id)
    assert sorted(p.name for p in final.plots) == ["El Bajo", "La Loma", "Nueva"]
    assert final.phone == "912345678"


def test_each_user_changes_a_different_plot_both_kept(pcs, member_id):
    first, second = pcs
    a, b = opened(first, MARIA, member_id), opened(second, JUAN, member_id)
    a_in, b_in = a.to_input(), b.to_input()
    save(
        first,
        MARIA,
        a,
        replace(
            a_in,
            plots=tuple(
                replace(p, altitude_m=1650) if p.name == "La Loma" else p for p in a_in.plots
            ),
        ),
    )
    save(
        second,
        JUAN,
        b,
        replace(
            b_in,
            plots=tuple(
                replace(p, varieties="Caturra") if p.name == "El Bajo" else p for p in b_in.plots
            ),
        ),
    )
    final = opened(first, MARIA, member_id).to_input()
    assert plot(final, "La Loma").altitude_m == 1650
    assert plot(final, "El Bajo").varieties == "Caturra"


def test_the_same_plot_changed_twice_is_refused_with_its_name(pcs, member_id):
    first, second = pcs
    a, b = opened(first, MARIA, member_id), opened(second, JUAN, member_id)
    a_in, b_in = a.to_input(), b.to_input()
    save(
        first,
        MARIA,
        a,
        replace(
            a_in,
            plots=tuple(
                replace(p, total_area_ha=Decimal("3.0")) if p.name == "La Loma" else p
                for p in a_in.plots
            ),
        ),
    )
    with pytest.raises(StaleEdit) as refused:
        save(
            second,
            JUAN,
            b,
            replace(
                b_in,
                plots=tuple(
                    replace(p, coffee_area_ha=Decimal("1.0")) if p.name == "La Loma" else p
                    for p in b_in.plots
                ),
            ),
        )
    assert "plot La Loma" in str(refused.value) and refused.value.changed_by == "maria"
    assert plot(opened(first, MARIA, member_id).to_input(), "La Loma").total_area_ha == Decimal("3")


def test_removing_a_plot_someone_changed_and_changing_one_someone_removed_are_refused(
    pcs, member_id
):
    first, second = pcs
    a, b = opened(first, MARIA, member_id), opened(second, JUAN, member_id)
    a_in, b_in = a.to_input(), b.to_input()
    # Maria removes El Bajo; Juan (opened before) changes El Bajo: refused, it was deleted.
    save(first, MARIA, a, replace(a_in, plots=tuple(p for p in a_in.plots if p.name != "El Bajo")))
    with pytest.raises(StaleEdit) as refused:
        save(
            second,
            JUAN,
            b,
            replace(
                b_in,
                plots=tuple(
                    replace(p, altitude_m=1400) if p.name == "El Bajo" else p for p in b_in.plots
                ),
            ),
        )
    assert refused.value.deleted and "was deleted by maria" in str(refused.value)
    # Juan changes La Loma; Maria (opened before) removes La Loma: refused.
    a, b = opened(first, MARIA, member_id), opened(second, JUAN, member_id)
    b_in = b.to_input()
    save(
        second,
        JUAN,
        b,
        replace(
            b_in,
            plots=tuple(
                replace(p, altitude_m=1700) if p.name == "La Loma" else p for p in b_in.plots
            ),
        ),
    )
    with pytest.raises(StaleEdit, match="changed by juan"):
        save(first, MARIA, a, replace(a.to_input(), plots=()))
    assert [p.name for p in opened(first, MARIA, member_id).plots] == ["La Loma"]


def test_a_status_change_from_an_outdated_form_is_refused(pcs, member_id):
    first, second = pcs
    a, b = opened(first, MARIA, member_id), opened(second, JUAN, member_id)
    save(first, MARIA, a, replace(a.to_input(), phone="955555555"))
    with pytest.raises(StaleEdit, match="changed by maria"), second.transaction(JUAN) as s:
        members.change_status(
            s,
            JUAN,
            member_id,
            MemberStatus.WITHDRAWN,
            date(2026, 1, 5),
            "moved to Lima",
            version=b.version,
            today=date(2026, 11, 27),
        )
    assert opened(first, MARIA, member_id).status == MemberStatus.ACTIVE


def test_a_write_that_skips_the_check_is_still_refused_by_the_version_column(pcs, member_id):
    """A session that is not ``Database.transaction`` (no check, no lock) read the member, then
    another PC saved it: SQLAlchemy's ``WHERE version = ...`` matches nothing and the write
    fails instead of overwriting."""
    from sqlalchemy.orm import Session
    from sqlalchemy.orm.exc import StaleDataError

    from coop_desk.models import Member

    first, second = pcs
    with Session(first.engine, expire_on_commit=False) as s:
        member = s.get(Member, member_id)
        assert member is not None
        s.commit()
        save(
            second,
            JUAN,
            opened(second, JUAN, member_id),
            replace(opened(second, JUAN, member_id).to_input(), phone="1234567"),
        )
        member.notes = "written from an outdated read"
        with pytest.raises(StaleDataError):
            s.flush()
        s.rollback()
    assert opened(first, MARIA, member_id).phone == "1234567"
    assert opened(first, MARIA, member_id).notes == ""
    # Database.transaction puts that failure into words.
    with pytest.raises(StaleEdit, match="A record you changed"), first.transaction(MARIA):
        raise StaleDataError("UPDATE statement on table 'member' expected to update 1 row(s)")


# --- the Development Plan -------------------------------------------------------------------
TREASURER_A = Actor(username="ana", role=Role.TREASURER)
TREASURER_B = Actor(username="beto", role=Role.TREASURER)


def _meeting(minutes: str, day: date) -> plan.ApprovalInput:
    return plan.ApprovalInput(day, minutes, 120, 50, 100, 10, 10)


def test_two_budget_revisions_from_the_same_version_the_second_is_refused(pcs, db):
    first, second = pcs
    with db.transaction(TREASURER_A) as s:
        projects = [p.id for p in plan.list_projects(s, TREASURER_A)[:3]]
        v1 = plan.record_approval(
            s,
            TREASURER_A,
            2026,
            _meeting("Acta 01-2026", date(2026, 2, 1)),
            {p: Decimal("1000.00") for p in projects},
            revises=None,
        )
    # Both treasurers open "Budget revision", pre-filled with version 1.
    with first.reading(TREASURER_A) as s:
        seen_a = plan.current_approval(s, TREASURER_A, 2026)
    with second.reading(TREASURER_B) as s:
        seen_b = plan.current_approval(s, TREASURER_B, 2026)
    assert seen_a is not None and seen_b is not None and seen_a.id == seen_b.id == v1.id
    with first.transaction(TREASURER_A) as s:
        plan.record_approval(
            s,
            TREASURER_A,
            2026,
            _meeting("Acta 05-2026", date(2026, 5, 1)),
            {
                projects[0]: Decimal("1500.00"),
                projects[1]: Decimal("1000.00"),
                projects[2]: Decimal("1000.00"),
            },
            revises=seen_a.id,
        )
    with pytest.raises(StaleEdit) as refused, second.transaction(TREASURER_B) as s:
        plan.record_approval(
            s,
            TREASURER_B,
            2026,
            _meeting("Acta 06-2026", date(2026, 6, 1)),
            {
                projects[0]: Decimal("1000.00"),
                projects[1]: Decimal("800.00"),
                projects[2]: Decimal("1000.00"),
            },
            revises=seen_b.id,
        )
    assert refused.value.changed_by == "ana" and "The 2026 plan was changed by ana" in str(
        refused.value
    )
    with first.reading(TREASURER_A) as s:
        versions_now = plan.list_approvals(s, TREASURER_A, 2026)
    assert [a.minutes_number for a in versions_now] == ["Acta 01-2026", "Acta 05-2026"]
    assert versions_now[-1].lines[0].amount == Decimal("1500.00")  # Ana's revision stands
    # The first plan of a year recorded from two PCs that both saw none: the second is refused.
    with first.transaction(TREASURER_A) as s:
        plan.record_approval(
            s,
            TREASURER_A,
            2027,
            _meeting("Acta 00-2027", date(2027, 1, 10)),
            {projects[0]: Decimal("2.00")},
            revises=None,
        )
    with pytest.raises(StaleEdit, match="The 2027 plan"), second.transaction(TREASURER_B) as s:
        plan.record_approval(
            s,
            TREASURER_B,
            2027,
            _meeting("Acta 01-2027", date(2027, 1, 15)),
            {projects[0]: Decimal("1.00")},
            revises=None,
        )


def test_correcting_an_approval_and_a_project_from_outdated_forms_is_refused(pcs, db):
    first, second = pcs
    with db.transaction(TREASURER_A) as s:
        project = plan.list_projects(s, TREASURER_A)[0]
        approval = plan.record_approval(
            s,
            TREASURER_A,
            2026,
            _meeting("Acta 01-2026", date(2026, 2, 1)),
            {project.id: Decimal("10.00")},
        )
    with first.transaction(TREASURER_A) as s:
        plan.correct_approval_details(
            s,
            TREASURER_A,
            approval.id,
            _meeting("Acta 01/2026", date(2026, 2, 1)),
            record_version=approval.record_version,
        )
        plan.update_project(
            s,
            TREASURER_A,
            project.id,
            replace(project.to_input(), responsible="Ana Torres"),
            record_version=project.record_version,
        )
    with pytest.raises(StaleEdit, match="changed by ana"), second.transaction(TREASURER_B) as s:
        plan.correct_approval_details(
            s,
            TREASURER_B,
            approval.id,
            _meeting("Acta 1-2026", date(2026, 2, 1)),
            record_version=approval.record_version,
        )
    with pytest.raises(StaleEdit, match="The project"), second.transaction(TREASURER_B) as s:
        plan.update_project(
            s,
            TREASURER_B,
            project.id,
            replace(project.to_input(), timeline="2026"),
            record_version=project.record_version,
        )
    with first.reading(TREASURER_A) as s:
        assert plan.get_project(s, TREASURER_A, project.id).responsible == "Ana Torres"
        assert plan.list_approvals(s, TREASURER_A, 2026)[0].minutes_number == "Acta 01/2026"


def test_contracts_price_rows_and_the_profile_from_outdated_forms_are_refused(pcs, db):
    from coop_desk.services import cooperative
    from coop_desk.services.ledger import contracts

    first, second = pcs
    with db.transaction(TREASURER_A) as s:
        buyer = contracts.create_buyer(s, TREASURER_A, name="Café Import GmbH")
        contract = contracts.create_contract(
            s,
            TREASURER_A,
            contracts.ContractInput(buyer.id, "C-1", date(2026, 2, 1), quantity=Decimal("275")),
        )
        rate = contracts.list_rates(s, TREASURER_A)[0]
        cooperative.save_profile(s, SYSTEM, cooperative.Profile(name="Cooperativa"))
        profile = cooperative.get_profile(s, SYSTEM)
    assert profile is not None
    with first.transaction(TREASURER_A) as s:
        contracts.update_contract(
            s,
            TREASURER_A,
            contract.id,
            replace(contract.to_input(), notes="lot 12"),
            record_version=contract.record_version,
        )
    with first.transaction(SYSTEM) as s:
        contracts.save_rate(
            s,
            SYSTEM,
            replace(rate.terms(), note="checked"),
            rate.id,
            record_version=rate.record_version,
        )
        cooperative.save_profile(s, SYSTEM, replace(profile, flo_id="12345"))
    with pytest.raises(StaleEdit, match="Contract C-1 was changed by ana"):
        with second.transaction(TREASURER_B) as s:
            contracts.update_contract(
                s,
                TREASURER_B,
                contract.id,
                replace(contract.to_input(), quantity=Decimal("300")),
                record_version=contract.record_version,
            )
    with pytest.raises(StaleEdit, match="price table row"), second.transaction(SYSTEM) as s:
        contracts.save_rate(
            s,
            SYSTEM,
            replace(rate.terms(), note="other"),
            rate.id,
            record_version=rate.record_version,
        )
    with pytest.raises(StaleEdit, match="profile"), second.transaction(SYSTEM) as s:
        cooperative.save_profile(s, SYSTEM, replace(profile, tax_id="20123456789"))
    with first.reading(SYSTEM) as s:
        assert contracts.get_contract(s, SYSTEM, contract.id).quantity == Decimal("275")
        assert cooperative.get_profile(s, SYSTEM).flo_id == "12345"  # type: ignore[union-attr]


def test_a_certificate_edited_on_two_pcs_the_second_is_refused(pcs, db):
    from coop_desk.domain.certification import CertificateInput
    from coop_desk.services import certification as certs

    first, second = pcs
    with db.transaction(SYSTEM) as s:
        scheme = certs.list_schemes(s, SYSTEM)[0]
        cert = certs.save_certificate(
            s,
            SYSTEM,
            CertificateInput(scheme.id, "FLOCERT", "FLO-1234", date(2026, 1, 1), date(2027, 1, 1)),
        )
    data = CertificateInput(scheme.id, "FLOCERT", "FLO-1234", date(2026, 1, 1), date(2027, 1, 1))
    with first.transaction(MARIA) as s:
        certs.save_certificate(
            s,
            MARIA,
            replace(data, notes="renewal audit booked"),
            cert.id,
            record_version=cert.record_version,
        )
    with pytest.raises(StaleEdit, match="certificate FLO-1234 was changed by maria"):
        with second.transaction(JUAN) as s:
            certs.save_certificate(
                s,
                JUAN,
                replace(data, expiry_date=date(2027, 6, 1)),
                cert.id,
                record_version=cert.record_version,
            )


def test_a_plots_organic_status_and_a_members_scope_from_outdated_forms_are_refused(pcs, member_id):
    from coop_desk.domain.certification import ConversionStatus
    from coop_desk.services import certification as certs

    first, second = pcs
    on = date(2026, 6, 1)

    def shown(pc: Database) -> certs.MemberCertification:  # what the member's tab shows
        with pc.reading(JUAN) as s:
            return certs.member_certification(s, JUAN, member_id, on)

    a, b = shown(first), shown(second)
    loma_a = next(p for p in a.plots if p.name == "La Loma")
    loma_b = next(p for p in b.plots if p.name == "La Loma")
    assert loma_a.record_version == 0  # nothing recorded yet
    with first.transaction(MARIA) as s:
        certs.set_plot_organic(
            s, MARIA, loma_a.plot_id, date(2022, 1, 1), today=on, record_version=0
        )
    # A form opened when the plot had no organic status does not overwrite the one saved since.
    with pytest.raises(StaleEdit, match="plot La Loma was changed by maria"):
        with second.transaction(JUAN) as s:
            certs.set_plot_organic(
                s,
                JUAN,
                loma_b.plot_id,
                None,
                ConversionStatus.CONVENTIONAL,
                "prohibited input",
                today=on,
                record_version=loma_b.record_version,
            )
    # Reloaded, the change goes through and counts from the version it saw.
    again = next(p for p in shown(second).plots if p.name == "La Loma")
    assert again.conversion_start == date(2022, 1, 1) and again.record_version == 1
    with second.transaction(JUAN) as s:
        certs.set_plot_organic(s, JUAN, again.plot_id, date(2021, 6, 1), today=on, record_version=1)

    scheme_a, scheme_b = a.schemes[0], b.schemes[0]
    with first.transaction(MARIA) as s:
        certs.set_member_scheme(
            s,
            MARIA,
            member_id,
            scheme_a.scheme_id,
            True,
            date(2021, 1, 1),
            "ok",
            today=on,
            record_version=scheme_a.record_version,
        )
    with second.transaction(JUAN) as s:  # the other form, opened before: refused
        with pytest.raises(StaleEdit, match="changed by maria"):
            certs.set_member_scheme(
                s,
                JUAN,
                member_id,
                scheme_b.scheme_id,
                False,
                date(2021, 1, 1),
                "",
                today=on,
                record_version=scheme_b.record_version,
            )
    final = shown(first)
    assert next(p for p in final.plots if p.name == "La Loma").conversion_start == date(2021, 6, 1)
    assert final.schemes[0].in_scope is True and final.schemes[0].notes == "ok"


def test_ledger_settings_from_an_outdated_form_keep_the_other_users_change(pcs):
    from coop_desk.services.ledger import settings as ledger_settings

    admin = Actor(username="ana", role=Role.ADMINISTRATOR)
    other = Actor(username="luis", role=Role.ADMINISTRATOR)
    first, second = pcs
    with first.reading(admin) as s:
        shown = ledger_settings.get_ledger_settings(s, admin)  # both forms open
    with first.transaction(admin) as s:
        ledger_settings.save_ledger_settings(
            s, admin, replace(shown, over_budget="block"), base=shown
        )
    # Luis changes only the overdue days: Ana's "block" stays.
    with second.transaction(other) as s:
        ledger_settings.save_ledger_settings(
            s, other, replace(shown, overdue_days=shown.overdue_days + 30), base=shown
        )
    # Ana, from the form she opened before, sets the days Luis changed since: refused.
    with pytest.raises(StaleEdit, match="settings was changed by luis"):
        with first.transaction(admin) as s:
            ledger_settings.save_ledger_settings(
                s, admin, replace(shown, overdue_days=shown.overdue_days + 10), base=shown
            )
    with first.reading(admin) as s:
        now = ledger_settings.get_ledger_settings(s, admin)
    assert now == replace(shown, over_budget="block", overdue_days=shown.overdue_days + 30)
