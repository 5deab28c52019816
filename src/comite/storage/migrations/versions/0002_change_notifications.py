"""change notifications: NOTIFY comite_cambios on every audit entry (PostgreSQL)

On SQLite there is nothing to create (the change feed watches
PRAGMA data_version), but the revision exists on both engines so they share
one history.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:00:00
"""
from alembic import op

from comite.storage import triggers

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    triggers.install(op.get_bind())


def downgrade() -> None:
    triggers.uninstall(op.get_bind())
