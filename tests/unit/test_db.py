"""Opening databases: migrations, refusing newer schemas, backups, SQLite pragmas."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import Float, MetaData, text

from coop_desk import paths
from coop_desk.db import Database, migration_status, resolve_url
from coop_desk.errors import DatabaseError, NewerDatabaseError


def test_migrates_an_empty_database_to_head(tmp_path):
    db = Database.open(tmp_path / "new.sqlite")
    status = migration_status(db.engine)
    assert status.current == status.heads and status.current
    db.close()


def test_sqlite_pragmas_protect_the_ledger(tmp_path):
    db = Database.open(tmp_path / "p.sqlite")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    db.close()


def test_a_newer_database_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "future.sqlite"
    Database.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        Database.open(path)
    assert path.read_bytes() == before


def test_a_copy_is_kept_before_an_upgrade(tmp_path):
    path = tmp_path / "old.sqlite"
    Database.open(path).close()
    # Pretend the file is at the first revision with the later ones pending.
    with sqlite3.connect(path) as conn:
        heads = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    db = Database.open(path)
    status = migration_status(db.engine)
    db.close()
    assert set(heads) == status.heads
    from coop_desk.db import backup_sqlite, make_engine

    engine = make_engine(resolve_url(path))
    copy = backup_sqlite(engine, reason="test")
    engine.dispose()
    assert copy.parent == paths.backups_dir()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == len(heads)


def test_not_a_database_gives_words_not_a_traceback(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database" * 100)
    with pytest.raises(DatabaseError, match="not a readable coop-desk database"):
        Database.open(path)


def test_a_busy_database_is_said_in_spanish_and_can_be_tried_again(tmp_path, monkeypatch):
    """Another program holds the write lock: the save is refused as ``DatabaseBusy`` (the same
    action can be done again), in the user's language, naming the file."""
    from coop_desk import db as db_module
    from coop_desk import i18n
    from coop_desk.errors import DatabaseBusy

    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "busy.sqlite"
    db = Database.open(path)
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with i18n.use_language("es"), pytest.raises(DatabaseBusy) as refused:
            with db.transaction():
                pass
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()
    said = str(refused.value)
    assert said.startswith(f"La base de datos {path} está ocupada"), said
    assert "intente de nuevo" in said


def test_missing_folder_is_explained(tmp_path):
    with pytest.raises(DatabaseError, match="does not exist"):
        Database.open(tmp_path / "nope" / "x.sqlite")


def test_resolve_url_accepts_paths_urls_and_the_environment(tmp_path, monkeypatch):
    assert resolve_url(tmp_path / "a.sqlite") == f"sqlite:///{tmp_path / 'a.sqlite'}"
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    monkeypatch.setenv("COOP_DESK_DB", str(tmp_path / "env.sqlite"))
    assert resolve_url(None).endswith("env.sqlite")
    monkeypatch.delenv("COOP_DESK_DB")
    assert resolve_url(None) == f"sqlite:///{paths.default_db_path()}"


def test_models_and_migrations_agree(db):
    """Every table change comes with its migration: autogenerate finds nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from coop_desk.models import Base

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
        assert diff == []
        # The comparison sees column types: a money column declared as a float would show.
        altered = MetaData(naming_convention=Base.metadata.naming_convention)
        for table in Base.metadata.sorted_tables:
            table.to_metadata(altered)
        altered.tables["posting"].c.amount.type = Float()
        changes = [d for group in compare_metadata(ctx, altered) for d in group]
    assert [(c[0], c[2], c[3]) for c in changes] == [("modify_type", "posting", "amount")]


def test_the_quick_revision_graph_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    from coop_desk.db import alembic_config, revision_graph

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    assert revision_graph() == (known, set(script.get_heads()))


def test_opening_a_database_at_its_head_does_not_import_alembic(tmp_path):
    path = tmp_path / "head.sqlite"
    Database.open(path).close()
    code = (
        "import sys\n"
        "from coop_desk.db import Database\n"
        "Database.open(sys.argv[1]).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (0, "False"), done.stderr


def test_upgrading_to_0400_adds_the_triggers_and_keeps_the_trail_whole(db):
    """From the revision before the triggers back to the head (both backends)."""
    from alembic import command

    from coop_desk.db import alembic_config
    from coop_desk.services.access import SYSTEM
    from coop_desk.services.ledger.guard import TRIGGERS, enabled_triggers
    from coop_desk.services.verify import verify

    cfg = alembic_config(db.engine)
    cfg.attributes["engine"] = db.engine
    command.downgrade(cfg, "0410")
    with db.engine.connect() as conn:
        assert enabled_triggers(conn) == set()
    db.close()
    upgraded = Database.open(db.engine.url.render_as_string(hide_password=False))
    try:
        with upgraded.engine.connect() as conn:
            assert enabled_triggers(conn) >= set(TRIGGERS)  # PostgreSQL: TRUNCATE too
        with upgraded.reading(SYSTEM) as s:
            result = verify(s, SYSTEM)
        assert result.integrity_ok, result.errors
    finally:
        upgraded.close()
