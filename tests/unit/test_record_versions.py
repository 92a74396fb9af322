"""Migration 0600: a version on every edited record, counting each change; down and up again
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import inspect

from coop_desk.db import _config_with_engine
from coop_desk.domain.members import MemberInput
from coop_desk.models import Base, Versioned
from coop_desk.services import members


def test_every_edited_table_has_a_version_and_it_counts_changes(db, actor):
    versioned = sorted(
        m.local_table.name for m in Base.registry.mappers if issubclass(m.class_, Versioned)
    )
    columns = {t: {c["name"] for c in inspect(db.engine).get_columns(t)} for t in versioned}
    assert all("version" in names for names in columns.values())
    assert {"member", "plot", "plan_approval", "budget_line", "contract"} <= set(versioned)
    with db.transaction(actor) as s:
        detail = members.create_member(
            s,
            actor,
            MemberInput("CPGP-1", "Rosa", "Quispe", "F", date(2020, 1, 1)),
        )
    assert detail.version == 1
    for phone in ("911111111", "922222222"):
        with db.transaction(actor) as s:
            base = members.get_member(s, actor, detail.id)
            data = MemberInput("CPGP-1", "Rosa", "Quispe", "F", date(2020, 1, 1), phone=phone)
            detail = members.update_member(s, actor, detail.id, data, base=base)
    assert detail.version == 3


def test_0600_goes_down_and_up_again(db):
    config = _config_with_engine(db.engine)
    command.downgrade(config, "0410")
    assert "version" not in {c["name"] for c in inspect(db.engine).get_columns("member")}
    command.upgrade(config, "heads")
    assert "version" in {c["name"] for c in inspect(db.engine).get_columns("member")}
