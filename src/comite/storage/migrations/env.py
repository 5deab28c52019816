"""Alembic environment: runs on the connection the application hands it."""

from __future__ import annotations

from alembic import context
from sqlalchemy import TypeDecorator

from comite.model import Base

config = context.config
target_metadata = Base.metadata


def render_item(type_, obj, autogen_context):  # noqa: ANN001 - alembic hook signature
    """Render our TypeDecorators as their plain storage type in migrations."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        autogen_context.imports.add("import sqlalchemy as sa")
        return f"sa.{obj.impl_instance!r}"
    return False


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("comite migrations run only through comite.storage.schema")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
