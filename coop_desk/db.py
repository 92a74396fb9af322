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
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm import exc as orm_exc

from coop_desk import paths
from coop_desk.errors import DatabaseBusy, DatabaseError, NewerDatabaseError, StaleEdit
from coop_desk.i18n import _
from coop_desk.services import changes, limit_guard, schema
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
        if url.drivername in ("postgresql", "postgres"):  # psycopg 3 is the supported driver
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    return f"sqlite:///{Path(raw).expanduser().resolve()}"


def has_password(target: str | os.PathLike[str] | None) -> bool:
    """Whether ``target`` is a URL with a password in it (visible to every process on the PC
    when given on a command line)."""
    raw = str(target or "")
    return "://" in raw and make_url(raw).password is not None


def without_password(target: str | os.PathLike[str] | None = None) -> str:
    """The resolved URL of ``target`` with any password left out: what may be shown, logged
    or remembered (the list of recent databases)."""
    url = make_url(resolve_url(target))
    return url._replace(password=None).render_as_string(hide_password=False)


DEFAULT_PG_PORT = 5432


def server_url(host: str, port: int | None, database: str, user: str) -> str:
    """The URL of a PostgreSQL database from its parts, without a password (special
    characters in a name are escaped)."""
    url = URL.create(
        "postgresql+psycopg",
        username=user.strip() or None,
        host=host.strip() or None,
        port=port if port and port != DEFAULT_PG_PORT else None,
        database=database.strip() or None,
    )
    return url.render_as_string(hide_password=False)


# Asked for the password of a server that wants one: ``(where, retry)`` -> the password, or
# None when the user gives up. ``where`` names the server and user ("coop on 192.168.1.10");
# ``retry`` is true when the previous password was refused.
PasswordPrompt = Callable[[str, bool], str | None]
# Tries before giving up on a refused password (the server logs each failure).
PASSWORD_TRIES = 3


def needs_password(exc: BaseException) -> bool:
    """Whether a connection failed because the server wants a (correct) password."""
    text = str(getattr(exc, "orig", exc) or exc).lower()
    return "no password supplied" in text or "password authentication failed" in text


def server_label(url: str) -> str:
    """A server and user as people name them: "coop@192.168.1.10:5432/coopdesk"."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database or "")
    host = parsed.host or parsed.query.get("host") or "localhost"
    where = f"{host}:{parsed.port}" if parsed.port else str(host)
    service = parsed.query.get("service")
    if service and not parsed.host:
        where = f"service {service}"
    user = f"{parsed.username}@" if parsed.username else ""
    database = f"/{parsed.database}" if parsed.database else ""
    return f"{user}{where}{database}"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling starts a transaction only before a write, so the
    # reads before it see no snapshot; coop-desk begins its transactions itself (_begin_sqlite).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # A ledger must survive a power cut: fsync at every commit.
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


# How many of its own write transactions a Database remembers (to skip them in the feed).
OWN_WRITES_KEPT = 200
# Execution option of the connections of write transactions (``Database.transaction``).
WRITER = "coop_desk_writer"
# PostgreSQL: the transaction-level advisory lock every write transaction takes first. It is
# the audit chain's lock (services/audit): the trail is one sequence, so its writers are
# serialised anyway; taking it first, instead of at the first flush, makes every read of a
# write transaction see the latest committed data (entry numbers, a year's status, a record's
# version), as SQLite's BEGIN IMMEDIATE does.
PG_WRITER_LOCK = 4_372_001
PG_LOCK_TIMEOUT_MS = SQLITE_BUSY_TIMEOUT_MS


def _begin_sqlite(connection: Connection) -> None:
    """BEGIN IMMEDIATE for writers (they queue for the write lock from the start, so what they
    read cannot change under them), a plain BEGIN for readers (one snapshot for the whole
    read, as soon as it reads)."""
    writer = connection.get_execution_options().get(WRITER)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def make_engine(url: str, password: str | None = None) -> Engine:
    """An engine for ``url``. A PostgreSQL password travels apart from the URL (given here, or
    found by libpq in PGPASSFILE / ~/.pgpass or pg_service.conf), so no URL that is shown,
    logged or remembered carries it."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).parent
            if not folder.exists():
                raise DatabaseError(_("The folder {folder} does not exist.", folder=folder))
        # ``check_same_thread`` off (SQLAlchemy's default for a file with its QueuePool, said
        # here for every SQLite database): a connection is used by one thread at a time, but
        # not always the one that opened it (the pool's threads; the roster import's inserts
        # run on the session's connection in a thread of their own: ``audit.bulk_inserts``).
        engine = create_engine(
            url,
            connect_args={
                "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
                "check_same_thread": False,
            },
        )
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    connect_args: dict[str, Any] = {}
    if parsed.password is not None:
        password = password if password is not None else str(parsed.password)
        url = parsed._replace(password=None).render_as_string(hide_password=False)
    if password is not None:
        connect_args["password"] = password
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def _describe(url: str, *, starts_sentence: bool = True) -> str:
    """The database in words ("The database file C:\\...\\coop.sqlite"), to begin a sentence
    or (``starts_sentence`` false) within one."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        said = _("the database file {path}", path=parsed.database)
    else:
        said = _("the database {url}", url=parsed.render_as_string(hide_password=True))
    return said[:1].upper() + said[1:] if starts_sentence else said


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
        self._writer = engine.execution_options(**{WRITER: True})
        # Who this is, in change notifications, and the audit id ranges it wrote (first, last]:
        # a window on this Database skips its own changes (``services.changes``).
        self.origin = uuid.uuid4().hex
        self.own_writes: deque[tuple[int, int]] = deque(maxlen=OWN_WRITES_KEPT)
        # A read sees one consistent snapshot of the whole database (reports, exports).
        self._reader = (
            engine
            if self.is_sqlite
            else engine.execution_options(isolation_level="REPEATABLE READ")
        )

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def target(self) -> str:
        """What opens this database again: the file's path, or the server's URL without any
        password (the password is asked for again, or found by libpq)."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return str(url.database or "")
        return url._replace(password=None).render_as_string(hide_password=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.url.get_backend_name() == "sqlite"

    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str] | None = None,
        *,
        migrate: bool = True,
        ask_password: PasswordPrompt | None = None,
    ) -> Database:
        """Open (and migrate) the database ``target``. A server that wants a password not
        found by libpq (PGPASSWORD, PGPASSFILE or ~/.pgpass, pg_service.conf) gets it from
        ``ask_password``; without one, the refusal is explained in words."""
        url = resolve_url(target)
        password: str | None = None
        for attempt in range(PASSWORD_TRIES + 1):
            engine = make_engine(url, password)
            try:
                return cls._opened(engine, url, migrate)
            except (sa_exc.OperationalError, sa_exc.DatabaseError) as exc:
                engine.dispose()
                if ask_password is None or not needs_password(exc) or attempt == PASSWORD_TRIES:
                    raise _database_error(url, exc) from exc
                password = ask_password(server_label(url), attempt > 0)
                if password is None:
                    raise DatabaseError(
                        _(
                            "No password was given for {server}; the database was not opened.",
                            server=server_label(url),
                        )
                    ) from exc
        raise AssertionError("unreachable")  # the loop returns or raises

    @classmethod
    def _opened(cls, engine: Engine, url: str, migrate: bool) -> Database:
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
        except sqlite3.Error as exc:
            engine.dispose()
            raise _database_error(url, exc) from exc
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

        Write transactions are serialised (BEGIN IMMEDIATE on SQLite, ``PG_WRITER_LOCK`` on
        PostgreSQL), so what a service reads before writing (the next entry number, whether
        a year is closed, a record's version) stays true until it commits.

        Refused on a database whose schema is damaged (``schema_problems``), except where
        ``allow_damaged_schema`` (signing in, which counts failed attempts, so that the
        damage can be read and verified by a user)."""
        if self.schema_problems and not allow_damaged_schema:
            raise DatabaseError(self.damage_message())
        session = self._sessions(bind=self._writer)
        session.info["actor"] = actor
        try:
            if not self.is_sqlite:
                # As long as SQLite's busy timeout: a save never waits for ever on another
                # PC's long one (an import); it says so in words and can be done again.
                session.execute(text(f"SET LOCAL lock_timeout = {int(PG_LOCK_TIMEOUT_MS)}"))
                session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITER_LOCK})
            start = changes.head(session)
            yield session
            session.flush()
            last, tables = changes.written_since(session, start)
            changes.announce(session, self.origin, tables, last)  # PostgreSQL: NOTIFY
            session.commit()
            if tables:
                self.own_writes.append((start, last))
        except (sa_exc.OperationalError, sa_exc.DatabaseError) as exc:
            session.rollback()
            raise _database_error(self.url, exc) from exc
        except orm_exc.StaleDataError as exc:
            # A row's version changed between reading and writing it (``Versioned``).
            session.rollback()
            raise StaleEdit(_("A record you changed")) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self, actor: Actor | None = None) -> Iterator[Session]:
        """A session for reads only: whatever happens, nothing is committed. Every query in
        it sees the same snapshot of the database."""
        session = self._sessions(bind=self._reader)
        session.info["actor"] = actor
        session.info["read_only"] = True
        try:
            yield session
        except (sa_exc.OperationalError, sa_exc.DatabaseError) as exc:
            raise _database_error(self.url, exc) from exc
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """A connection reading one consistent snapshot of the whole database (copies)."""
        with self._reader.connect() as connection, connection.begin():
            yield connection


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
        source = path.read_text(encoding="utf-8")
        # Their own lines first (every file parsed whole was a third of the open: issue 14).
        lines = schema.revision_lines(source)
        if lines is not None and "revision" in lines:
            values: dict[str, Any] = lines
        else:
            values = {}
            for node in ast.parse(source).body:
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


def _database_error(url: str, exc: BaseException) -> DatabaseError:
    """The driver's error ``exc`` as the error the user is told about, in words:
    ``DatabaseBusy`` when another writer held the database longer than a save waits (the same
    action can simply be done again), ``DatabaseError`` otherwise."""
    text = str(getattr(exc, "orig", exc) or exc).strip()
    lowered = text.lower()
    where = _describe(url)
    within = _describe(url, starts_sentence=False)
    if "posted journal entries cannot be changed" in lowered:  # the triggers of migration 0400
        return DatabaseError(
            _(
                "Posted journal entries cannot be changed or deleted. Reverse the entry and post a "
                "corrected one."
            )
        )
    if needs_password(exc):
        refused = "password authentication failed" in lowered
        said = (
            _("The server refused the password for {server}.", server=server_label(url))
            if refused
            else _(
                "The server {server} asks for a password and none was given.",
                server=server_label(url),
            )
        )
        return DatabaseError(
            said
            + " "
            + _(
                "Type it when coop-desk asks, or keep it in PostgreSQL's password file "
                "(~/.pgpass; %APPDATA%\\postgresql\\pgpass.conf on Windows)."
            )
        )
    if "lock timeout" in lowered:
        return DatabaseBusy(
            _(
                "{where} is busy: another computer is saving a large change (an import, say). "
                "Nothing was saved; try again in a moment.",
                where=where,
            )
        )
    if "locked" in lowered or "busy" in lowered:
        return DatabaseBusy(
            _(
                "{where} is busy: another coop-desk window or another program is saving to it. "
                "Nothing was saved; try again in a moment, or close the other program.",
                where=where,
            )
        )
    if "not a database" in lowered or "malformed" in lowered or "encrypted" in lowered:
        return DatabaseError(
            _("{where} is not a readable coop-desk database ({text}).", where=where, text=text)
        )
    if "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered:
        return DatabaseError(
            _(
                "{where} cannot be opened for writing ({text}). Check the file and its folder.",
                where=where,
                text=text,
            )
        )
    if "connection" in lowered or "could not connect" in lowered:
        return DatabaseError(_("Cannot reach {where}: {text}", where=within, text=text))
    return DatabaseError(_("A database error occurred on {where}: {text}", where=within, text=text))
