"""A cooperative's language: the names it is given when created, kept in its profile, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from coop_desk import i18n
from coop_desk.errors import ValidationError
from coop_desk.models import Account, PremiumRate, Project
from coop_desk.services import cooperative, verify
from coop_desk.services.access import SYSTEM
from coop_desk.services.audit.canonical import AUDIT


def _names(session):  # type: ignore[no-untyped-def]
    accounts = dict(session.execute(select(Account.code, Account.name)).all())
    projects = dict(session.execute(select(Project.key, Project.name)).all())
    notes = set(session.scalars(select(PremiumRate.note)))
    return accounts, projects, notes


def test_a_cooperative_created_in_spanish_gets_spanish_names(db):
    with db.transaction(SYSTEM) as s:
        profile = cooperative.start_cooperative(s, SYSTEM, "Cooperativa Valle Alto", language="es")
    assert profile.language == "es"
    with db.reading(SYSTEM) as s:
        accounts, projects, notes = _names(s)
        assert accounts["1010"] == "Banco USD" and accounts["1030"] == "Caja PEN"
        assert accounts["3000"] == "Fondo de la Prima"
        assert projects["education_fund"] == "Fondo de educación"
        assert accounts["5001"] == "Proyecto: Fondo de educación"
        assert not any("DOMAIN.md" in n for n in notes)
        # Renamed in the open: the trail holds each change, and verify finds nothing wrong.
        renames = s.execute(
            select(AUDIT.c.table_name).where(
                AUDIT.c.action == "update", AUDIT.c.table_name.in_(("account", "project"))
            )
        ).all()
        assert len(renames) >= 7 + 7
        result = verify.verify(s, SYSTEM)
    assert [f for f in result.findings if f.check.startswith("audit.")] == []


def test_english_keeps_english_names_but_no_developer_file_name(db):
    with db.transaction(SYSTEM) as s:
        cooperative.start_cooperative(s, SYSTEM, "Valle Alto", language="en")
    with db.reading(SYSTEM) as s:
        accounts, projects, notes = _names(s)
        assert accounts["1010"] == "Bank USD" and projects["education_fund"] == "Education fund"
        assert not any("DOMAIN.md" in n for n in notes)
        assert cooperative.get_profile(s, SYSTEM).language == "en"  # type: ignore[union-attr]


def test_a_name_someone_changed_is_kept(db):
    with db.transaction(SYSTEM) as s:
        s.scalars(select(Account).where(Account.code == "1020")).one().name = "BCP soles"
    with db.transaction(SYSTEM) as s:
        cooperative.start_cooperative(s, SYSTEM, "Valle Alto", language="es")
    with db.reading(SYSTEM) as s:
        accounts, _projects, _notes = _names(s)
        assert accounts["1020"] == "BCP soles" and accounts["1010"] == "Banco USD"


def test_the_language_defaults_to_the_one_in_effect_and_is_validated(db):
    with i18n.use_language("es"), db.transaction(SYSTEM) as s:
        assert cooperative.start_cooperative(s, SYSTEM, "Valle Alto").language == "es"
    with db.transaction(SYSTEM) as s:
        profile = cooperative.get_profile(s, SYSTEM)
        assert profile is not None
        changed = cooperative.save_profile(
            s, SYSTEM, cooperative.Profile(**{**profile.__dict__, "language": "en"})
        )
        assert changed.language == "en"
        with pytest.raises(ValidationError):
            cooperative.save_profile(
                s, SYSTEM, cooperative.Profile(**{**profile.__dict__, "language": "fr"})
            )
