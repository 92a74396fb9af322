"""Alembic environment: runs on the engine ``Database.open`` passes in (or the URL in config)."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import create_engine

from coop_desk.models import Base
from coop_desk.models.base import ScaledDecimal, UTCDateTime

config = context.config
target_metadata = Base.metadata


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Render the exact column types as their storage types, so migrations never depend on
    Python-side classes that may change later."""
    if type_ == "type":
        if isinstance(obj, ScaledDecimal):
            return "sa.BigInteger()"
        if isinstance(obj, UTCDateTime):
            return "sa.DateTime()"
    return False


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("no engine passed in and no sqlalchemy.url in the Alembic config")
        engine = create_engine(url)
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
            compare_type=True,
            render_item=render_item,
        )
        with context.begin_transaction():
            context.run_migrations()
        # What the caller runs once the schema is at its head, in the same transaction (the
        # audit trail's baseline, see ``db.upgrade``): live code, but never inside a migration.
        after = config.attributes.get("after_migrations")
        if after is not None:
            after(connection)


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        render_as_batch=True,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
