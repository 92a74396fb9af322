"""Engine, sessions, SQLite pragmas and migrations on open.

``Database.open(target)`` resolves where the data lives (``--db``, ``COOP_DESK_DB`` or the
per-user SQLite file), refuses a database written by a newer coop-desk, keeps a copy of an
existing SQLite file before migrating it, and applies the Alembic migrations. It then compares
the schema with what the migrations make (``services.schema``): a table or column dropped, a
trigger planted or replaced outside coop-desk is named in ``schema_problems``, and such a
database is refused every write (it can still be read, exported and verified).

Sessions follow one rule: one transaction per user action, owned by the caller.
``with db.transaction(actor) as session: service(session, actor, ...)`` commits when the block
ends and rolls back when it raises, so a write is whole or absent.
"""

from __future__ import annotations

import ast
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from coop_desk import paths
from coop_desk.errors import DatabaseError, NewerDatabaseError
from coop_desk.i18n import _
from coop_desk.services import limit_guard, schema
from coop_desk.services.audit import anchors as audit_anchors
from coop_desk.services.audit import writer as audit_writer
from coop_desk.services.backup import copy_sqlite
from coop_desk.services.ledger import guard as posted_entry_guard

if TYPE_CHECKING:
    # Alembic is imported only when a database needs migrating (start-up time).
    from alembic.config import Config

    from coop_desk.services.access import Actor

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000


def resolve_url(target: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db`` (file path or URL), ``COOP_DESK_DB`` or the default file."""
    raw = str(target) if target else os.environ.get(paths.ENV_DB, "")
    if not raw:
        return f"sqlite:///{paths.default_db_path()}"
    if "://" in raw:
        url = make_url(raw)
        if url.drivername == "postgresql":  # psycopg 3 is the supported driver
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    return f"sqlite:///{Path(raw).expanduser().resolve()}"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # A ledger must survive a power cut: fsync at every commit.
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).parent
            if not folder.exists():
                raise DatabaseError(_("The folder {folder} does not exist.", folder=folder))
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def _describe(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"the database file {parsed.database}"
    return f"the database {parsed.render_as_string(hide_password=True)}"


class Database:
    """An opened, migrated coop-desk database.

    It makes every session its callers use, and installs on them the invariants the books rely
    on: the audit trail records every flush, posted journal entries are refused any change, and
    no value beyond the limits of ``domain.limits`` is written (``services.limit_guard``),
    whichever path it came by. Nothing depends on which modules were imported before.
    """

    def __init__(self, engine: Engine, schema_problems: tuple[schema.Difference, ...] = ()) -> None:
        self.engine = engine
        # How the schema differs from what the migrations make (``services.schema``); writes
        # are refused while there is any.
        self.schema_problems = schema_problems
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)
        limit_guard.install(self._sessions)
        audit_writer.install(self._sessions)
        posted_entry_guard.install(self._sessions)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.url.get_backend_name() == "sqlite"

    @classmethod
    def open(
        cls, target: str | os.PathLike[str] | None = None, *, migrate: bool = True
    ) -> Database:
        url = resolve_url(target)
        engine = make_engine(url)
        try:
            at_head = _at_head(engine)
            if not at_head:
                status = migration_status(engine)
                if status.unknown:
                    raise NewerDatabaseError(
                        _(
                            "{describe} was written by a newer version of coop-desk (schema {items}). Install the newer version to open it; this version will not change it.",
                            describe=_describe(url),
                            items=", ".join(sorted(status.unknown)),
                        )
                    )
                if migrate and status.pending:
                    if status.current and engine.url.get_backend_name() == "sqlite":
                        backup_sqlite(engine, reason="before-upgrade")
                    upgrade(engine)
                at_head = migrate or not status.pending
            problems = _schema_problems(engine) if at_head else ()
        except DatabaseError:
            engine.dispose()
            raise
        except (sa_exc.OperationalError, sa_exc.DatabaseError, sqlite3.Error) as exc:
            engine.dispose()
            raise DatabaseError(_explain(url, exc)) from exc
        return cls(engine, problems)

    def close(self) -> None:
        self.engine.dispose()

    def damage_message(self) -> str:
        """The damage in words: what differs (``verify`` says how), and what to do."""
        what = [d.what for d in self.schema_problems]
        more = _(" and {n} more", n=len(what) - 5) if len(what) > 5 else ""
        return _(
            "{where} was changed outside coop-desk ({what}): coop-desk reads it but saves "
            "nothing to it. `coop-desk verify` names every difference; restore a backup.",
            where=_describe(self.engine.url.render_as_string(hide_password=True)),
            what=", ".join(what[:5]) + more,
        )

    @contextmanager
    def transaction(
        self, actor: Actor | None = None, *, allow_damaged_schema: bool = False
    ) -> Iterator[Session]:
        """One unit of work: commit at the end of the block, roll back if it raises.

        Refused on a database whose schema is damaged (``schema_problems``), except where
        ``allow_damaged_schema`` (signing in, which counts failed attempts, so that the
        damage can be read and verified by a user)."""
        if self.schema_problems and not allow_damaged_schema:
            raise DatabaseError(self.damage_message())
        session = self._sessions()
        session.info["actor"] = actor
        try:
            yield session
            session.commit()
        except (sa_exc.OperationalError, sa_exc.DatabaseError) as exc:
            session.rollback()
            raise DatabaseError(_explain(self.url, exc)) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self, actor: Actor | None = None) -> Iterator[Session]:
        """A session for reads only: whatever happens, nothing is committed."""
        session = self._sessions()
        session.info["actor"] = actor
        session.info["read_only"] = True
        try:
            yield session
        except (sa_exc.OperationalError, sa_exc.DatabaseError) as exc:
            raise DatabaseError(_explain(self.url, exc)) from exc
        finally:
            session.rollback()
            session.close()


class MigrationStatus:
    def __init__(self, current: set[str], heads: set[str], known: set[str]) -> None:
        self.current = current
        self.heads = heads
        self.unknown = current - known
        self.pending = current != heads


def migration_status(engine: Engine) -> MigrationStatus:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return MigrationStatus(current, set(script.get_heads()), known)


def upgrade(engine: Engine) -> None:
    """Apply the pending migrations, then record in the audit trail, in the same transaction,
    the rows they seeded (default accounts, rates) as "existed before": verify compares every
    row with its latest audit record. The baseline is written here, at the head revision where
    these models describe the schema, so that no migration runs live service code."""
    from alembic import command

    cfg = _config_with_engine(engine)
    cfg.attributes["after_migrations"] = _write_baseline
    command.upgrade(cfg, "heads")


def _config_with_engine(engine: Engine) -> Config:
    cfg = alembic_config(engine)
    cfg.attributes["engine"] = engine
    return cfg


def _write_baseline(connection: Connection) -> None:
    audit_writer.write_baseline(connection)


def _schema_problems(engine: Engine) -> tuple[schema.Difference, ...]:
    """How the schema of a database at this version's head differs from what the migrations
    make (a database left at another revision, ``migrate=False``, is not compared)."""
    with engine.connect() as conn:
        return tuple(schema.differences(conn))


def revision_graph() -> tuple[set[str], set[str]] | None:
    """(known revisions, heads) read from the revision files without importing Alembic, or
    None when a file does not state them as plain literals (then Alembic decides)."""
    known: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        if path.name == "__init__.py":
            continue  # the package marker, not a revision (Alembic skips it too)
        values: dict[str, Any] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        try:
                            values[target.id] = ast.literal_eval(node.value)
                        except (ValueError, TypeError):
                            values[target.id] = node.value
        revision = values.get("revision")
        down = values.get("down_revision")
        downs = (down,) if isinstance(down, str) else down if down is not None else ()
        if not isinstance(revision, str) or not isinstance(downs, tuple | list):
            return None
        if not all(isinstance(d, str) for d in downs):
            return None
        known.add(revision)
        parents.update(downs)
    return known, known - parents


def _at_head(engine: Engine) -> bool:
    """Whether the database is exactly at this version's head (the common case on start-up),
    checked with one query and without Alembic."""
    graph = revision_graph()
    if graph is None:
        return False
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        current = set(conn.scalars(text("SELECT version_num FROM alembic_version")))
    return bool(current) and current == graph[1]


def sqlite_path(engine: Engine) -> Path:
    """The file of a SQLite engine; ``DatabaseError`` for a server or an in-memory database."""
    source = make_url(engine.url.render_as_string(hide_password=False)).database
    if engine.url.get_backend_name() != "sqlite" or not source or source == ":memory:":
        raise DatabaseError(_("Only a database file can be backed up this way."))
    return Path(source)


def open_read_only(path: Path) -> Database:
    """A database file opened for reading only, without migrating or changing anything in it
    (not even its journal mode): how backups and files to restore are checked."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        ),
    )
    return Database(engine)


def backup_sqlite(engine: Engine, reason: str = "manual", dest: Path | None = None) -> Path:
    """Copy a SQLite database consistently into ``dest`` or the backups folder (stamped name),
    and log the copy's audit trail head in the anchor log of the folder it went to."""
    source = sqlite_path(engine)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = dest or paths.backups_dir() / f"{source.stem}-{stamp}-{reason}.sqlite"
    copy_sqlite(source, target)
    log.info("backed up %s to %s", source, target)
    # The copy's trail head goes to the anchor log beside it: verify proves later that the
    # database's trail still holds it (services/audit/anchors.py).
    try:
        audit_anchors.log_copy(target, database=audit_anchors.database_name(str(engine.url)))
    except OSError as exc:
        log.warning("the anchor log beside %s could not be written: %s", target, exc)
    return target


def _explain(url: str, exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc) or exc).strip()
    lowered = text.lower()
    where = _describe(url)
    if "posted journal entries cannot be changed" in lowered:  # the triggers of migration 0400
        return (
            "Posted journal entries cannot be changed or deleted. Reverse the entry and post a "
            "corrected one."
        )
    if "locked" in lowered or "busy" in lowered:
        return (
            f"{where} is locked by another program or another coop-desk window. "
            "Close it and try again."
        )
    if "not a database" in lowered or "malformed" in lowered or "encrypted" in lowered:
        return f"{where} is not a readable coop-desk database ({text})."
    if "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered:
        return f"{where} cannot be opened for writing ({text}). Check the file and its folder."
    if "connection" in lowered or "could not connect" in lowered:
        return f"Cannot reach {where}: {text}"
    return f"A database error occurred on {where}: {text}"
