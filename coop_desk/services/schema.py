"""The database's schema against what coop-desk makes: tables, columns, indexes, triggers,
functions, views and rules, on SQLite and PostgreSQL.

A table dropped with ``sqlite3``, a column removed, a trigger planted to rewrite what the
treasurer types, a protecting trigger replaced by a weaker one of the same name: each is named
by ``differences`` (``Database.open`` refuses writes to such a database; ``verify`` reports
them as ``schema.match`` errors).

One source for what is expected, nothing kept by hand:
    - tables, their columns and their indexes: the models (``Base.metadata``), which
      ``tests/unit/test_db.py`` proves equal to what the migrations create;
    - triggers and functions: the ``SCHEMA_OBJECTS`` literal of the migrations that create
      them (name -> the very statement they run, per dialect), read here from the revision
      files in revision order without running them. A later revision that replaces an object
      declares it again (``None`` when it drops it).
Nothing else may exist in the database's schema: no other trigger, function, view or rule.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from coop_desk.i18n import _
from coop_desk.models import Base
from coop_desk.services.verify import Finding, Severity, register

VERSIONS_DIR = Path(__file__).resolve().parents[1] / "migrations" / "versions"
ALEMBIC_TABLE = "alembic_version"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Difference:
    """One way the database differs from what coop-desk makes."""

    what: str  # "table member_status_change", "trigger tr_payee" (as verify names records)
    message: str

    def describe(self) -> str:
        return f"{self.message} [{self.what}]"


@dataclass(frozen=True)
class _Schema:
    tables: dict[str, set[str]]  # table -> columns
    indexes: dict[str, str]  # index -> table
    triggers: dict[str, tuple[str, str]]  # name -> (table, definition)
    functions: dict[str, str]  # name -> body
    views: set[str]
    rules: dict[str, str]  # rule -> table
    disabled: set[str]  # triggers that exist but do not fire (PostgreSQL)


# --- what coop-desk makes --------------------------------------------------------------------------
_REVISION = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(.+)$", re.M)


def revision_lines(source: str) -> dict[str, Any] | None:
    """``revision`` and ``down_revision`` of a revision file's text, read from their own lines
    without parsing the whole file (start-up time); None when a value is not a literal on its
    line (then the file must be parsed)."""
    values: dict[str, Any] = {}
    try:
        for name, value in _REVISION.findall(source):
            values[name] = ast.literal_eval(value.strip())
    except (ValueError, SyntaxError):
        return None
    return values


def _literals(path: Path) -> dict[str, Any]:
    """``revision``, ``down_revision`` and ``SCHEMA_OBJECTS`` of a revision file, as literals
    (the file is parsed whole only when it declares schema objects: start-up time)."""
    source = path.read_text(encoding="utf-8")
    if "SCHEMA_OBJECTS" not in source:
        lines = revision_lines(source)
        if lines is not None:
            return lines
    values: dict[str, Any] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in (
                    "revision",
                    "down_revision",
                    "SCHEMA_OBJECTS",
                ):
                    values[target.id] = ast.literal_eval(node.value)
    return values


@lru_cache(maxsize=2)
def migration_objects(dialect: str) -> dict[str, dict[str, str]]:
    """kind ("trigger", "function") -> name -> statement, as the revisions leave them."""
    by_revision: dict[str, dict[str, Any]] = {}
    for path in sorted(VERSIONS_DIR.glob("*.py")):
        values = _literals(path)
        if isinstance(values.get("revision"), str):
            by_revision[values["revision"]] = values
    children: dict[str | None, list[str]] = {}
    for revision, values in by_revision.items():
        down = values.get("down_revision")
        parents = down if isinstance(down, tuple | list) else (down,)
        for parent in parents:
            children.setdefault(parent, []).append(revision)
    # Revision order: parents before children (a merge revision after all its parents).
    ordered: list[str] = []
    queue = sorted(children.get(None, []))
    while queue:
        revision = queue.pop(0)
        if revision in ordered:
            continue
        ordered.append(revision)
        queue.extend(sorted(children.get(revision, [])))
    objects: dict[str, dict[str, str]] = {}
    for revision in ordered:
        declared = (by_revision[revision].get("SCHEMA_OBJECTS") or {}).get(dialect, {})
        for kind, named in declared.items():
            for name, statement in named.items():
                if statement is None:
                    objects.get(kind, {}).pop(name, None)
                else:
                    objects.setdefault(kind, {})[name] = statement
    return objects


def _dialect(connection: Connection) -> str:
    return "postgresql" if connection.dialect.name == "postgresql" else "sqlite"


def _normal(sql: str, schema: str = "") -> str:
    """A statement compared without its layout: spaces collapsed, no final semicolon, and (on
    PostgreSQL, which prints definitions its own way) lower case, without the schema name."""
    out = _SPACES.sub(" ", sql).strip().rstrip(";").strip()
    if schema:
        out = out.lower().replace(f"{schema.lower()}.", "")
        out = out.replace("execute procedure", "execute function")
    return out


def _function_body(statement: str) -> str:
    match = re.search(r"\$\$(.*)\$\$", statement, re.S)
    return match[1] if match else statement


def expected(connection: Connection) -> _Schema:
    dialect = _dialect(connection)
    tables = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
    tables[ALEMBIC_TABLE] = {"version_num"}
    indexes = {
        str(index.name): table.name
        for table in Base.metadata.sorted_tables
        for index in table.indexes
    }
    objects = migration_objects(dialect)
    triggers = {
        name: (_trigger_table(statement), statement)
        for name, statement in objects.get("trigger", {}).items()
    }
    functions = {
        name: _function_body(statement) for name, statement in objects.get("function", {}).items()
    }
    return _Schema(tables, indexes, triggers, functions, set(), {}, set())


def _trigger_table(statement: str) -> str:
    match = re.search(r"\bON\s+([\w.\"]+)", statement, re.I)
    return match[1].strip('"') if match else ""


# --- what the database holds -----------------------------------------------------------------------
def actual(connection: Connection) -> _Schema:
    if _dialect(connection) == "postgresql":
        return _actual_postgresql(connection)
    return _actual_sqlite(connection)


def _actual_sqlite(connection: Connection) -> _Schema:
    tables: dict[str, set[str]] = {}
    indexes: dict[str, str] = {}
    triggers: dict[str, tuple[str, str]] = {}
    views: set[str] = set()
    for kind, name, table, sql in connection.execute(
        text("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    ):
        if kind == "table":
            tables[name] = set()
        elif kind == "index" and sql is not None:  # not the automatic index of a constraint
            indexes[name] = table
        elif kind == "trigger":
            triggers[name] = (table, sql or "")
        elif kind == "view":
            views.add(name)
    for table, column in connection.execute(
        text(
            "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
        )
    ):
        tables[table].add(column)
    return _Schema(tables, indexes, triggers, {}, views, {}, set())


def _actual_postgresql(connection: Connection) -> _Schema:
    schema = str(connection.scalar(text("SELECT current_schema()")))
    tables: dict[str, set[str]] = {}
    views: set[str] = set()
    for name, kind in connection.execute(
        text(
            "SELECT c.relname, c.relkind FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :s AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
        ),
        {"s": schema},
    ):
        if kind in ("v", "m"):
            views.add(name)
        else:
            tables[name] = set()
    for table, column in connection.execute(
        text(
            "SELECT c.relname, a.attname FROM pg_attribute a "
            "JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :s AND c.relkind IN ('r', 'p', 'f') "
            "AND a.attnum > 0 AND NOT a.attisdropped"
        ),
        {"s": schema},
    ):
        tables.setdefault(table, set()).add(column)
    indexes = {
        name: table
        for name, table in connection.execute(
            text(
                "SELECT i.relname, t.relname FROM pg_index x "
                "JOIN pg_class i ON i.oid = x.indexrelid "
                "JOIN pg_class t ON t.oid = x.indrelid "
                "JOIN pg_namespace n ON n.oid = t.relnamespace "
                "WHERE n.nspname = :s "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)"
            ),
            {"s": schema},
        )
    }
    triggers: dict[str, tuple[str, str]] = {}
    disabled: set[str] = set()
    for name, table, definition, enabled in connection.execute(
        text(
            "SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid), t.tgenabled FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE NOT t.tgisinternal AND n.nspname = :s"
        ),
        {"s": schema},
    ):
        triggers[name] = (table, definition)
        if enabled == "D":
            disabled.add(name)
    functions = {
        name: body or ""
        for name, body in connection.execute(
            text(
                "SELECT p.proname, p.prosrc FROM pg_proc p "
                "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = :s "
                "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid "
                "AND d.deptype = 'e')"  # functions of an installed extension are not ours
            ),
            {"s": schema},
        )
    }
    rules = {
        name: table
        for name, table in connection.execute(
            text("SELECT rulename, tablename FROM pg_rules WHERE schemaname = :s"), {"s": schema}
        )
    }
    return _Schema(tables, indexes, triggers, functions, views, rules, disabled)


# --- the comparison ------------------------------------------------------------------------------
def differences(connection: Connection) -> list[Difference]:
    """Every way the database's schema differs from what this version of coop-desk makes
    (meaningful once the database is at this version's head revision)."""
    want = expected(connection)
    have = actual(connection)
    schema = (
        str(connection.scalar(text("SELECT current_schema()")))
        if _dialect(connection) == "postgresql"
        else ""
    )
    found: list[Difference] = []
    for table, columns in want.tables.items():
        if table not in have.tables:
            found.append(
                Difference(
                    f"table {table}",
                    _("the table {table} is missing (dropped outside coop-desk)", table=table),
                )
            )
            continue
        for column in sorted(columns - have.tables[table]):
            found.append(
                Difference(
                    f"column {table}.{column}",
                    _("the column {column} of {table} is missing", column=column, table=table),
                )
            )
        for column in sorted(have.tables[table] - columns):
            found.append(
                Difference(
                    f"column {table}.{column}",
                    _(
                        "the column {column} of {table} is not one coop-desk made",
                        column=column,
                        table=table,
                    ),
                )
            )
    for table in sorted(set(have.tables) - set(want.tables)):
        found.append(
            Difference(
                f"table {table}", _("the table {table} is not one coop-desk made", table=table)
            )
        )
    for index, table in sorted(want.indexes.items()):
        if index not in have.indexes and table in have.tables:
            found.append(
                Difference(
                    f"index {index}",
                    _("the index {index} on {table} is missing", index=index, table=table),
                )
            )
    for index in sorted(set(have.indexes) - set(want.indexes)):
        found.append(
            Difference(
                f"index {index}",
                _(
                    "the index {index} on {table} is not one coop-desk made",
                    index=index,
                    table=have.indexes[index],
                ),
            )
        )
    for name, (table, statement) in sorted(want.triggers.items()):
        if name not in have.triggers:
            if table in have.tables:
                found.append(
                    Difference(
                        f"trigger {name}",
                        _(
                            "the trigger {name} on {table} is missing: the database no longer "
                            "refuses what it refused",
                            name=name,
                            table=table,
                        ),
                    )
                )
        elif _normal(have.triggers[name][1], schema) != _normal(statement, schema):
            found.append(
                Difference(
                    f"trigger {name}",
                    _(
                        "the trigger {name} on {table} is not the one coop-desk made: {definition}",
                        name=name,
                        table=have.triggers[name][0],
                        definition=_normal(have.triggers[name][1])[:300],
                    ),
                )
            )
        elif name in have.disabled:
            found.append(
                Difference(
                    f"trigger {name}",
                    _("the trigger {name} on {table} is disabled", name=name, table=table),
                )
            )
    for name in sorted(set(have.triggers) - set(want.triggers)):
        table, definition = have.triggers[name]
        found.append(
            Difference(
                f"trigger {name}",
                _(
                    "the trigger {name} on {table} is not one coop-desk made (planted: it acts "
                    "on every change it names): {definition}",
                    name=name,
                    table=table,
                    definition=_normal(definition)[:300],
                ),
            )
        )
    for name, body in sorted(want.functions.items()):
        if name not in have.functions:
            found.append(
                Difference(f"function {name}", _("the function {name} is missing", name=name))
            )
        elif _normal(have.functions[name]) != _normal(body):
            found.append(
                Difference(
                    f"function {name}",
                    _("the function {name} is not the one coop-desk made", name=name),
                )
            )
    for name in sorted(set(have.functions) - set(want.functions)):
        found.append(
            Difference(
                f"function {name}", _("the function {name} is not one coop-desk made", name=name)
            )
        )
    for name in sorted(have.views):
        found.append(
            Difference(f"view {name}", _("the view {name} is not one coop-desk made", name=name))
        )
    for name, table in sorted(have.rules.items()):
        found.append(
            Difference(
                f"rule {name}",
                _(
                    "the rule {name} on {table} is not one coop-desk made (it rewrites SQL)",
                    name=name,
                    table=table,
                ),
            )
        )
    return found


@register("schema.match")
def check_schema(session: Session, today: date) -> list[Finding]:
    """The schema is the one the migrations made: nothing dropped, nothing planted."""
    return [
        Finding(Severity.ERROR, "schema.match", d.message, d.what)
        for d in differences(session.connection())
    ]
