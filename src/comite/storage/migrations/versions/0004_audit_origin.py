"""audit entries name the desktop that wrote them (origin), so the live feed skips by origin

A nullable column, outside the entries' hash (see
:func:`comite.services.audit._entry_fields`): entries written before this revision
keep ``NULL`` and verify as before, and a downgrade that drops it leaves the chain
intact. Adding a column is not an UPDATE, so the append-only triggers of revision
0003 are left as they are.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_entry", sa.Column("origin", sa.String(length=32), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite's own DROP COLUMN (3.35+) keeps the table, and with it the append-only triggers
        # of 0003 (a batch copy would drop them with the old table)
        op.execute("ALTER TABLE audit_entry DROP COLUMN origin")
    else:
        op.drop_column("audit_entry", "origin")
