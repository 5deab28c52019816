"""append-only audit: triggers refuse UPDATE and DELETE on audit_entry; record the trail's head

Both engines get the triggers (comite.storage.triggers.install_append_only).
A trail written before this revision gets its head (last id and hash) in
db_meta, so removing entries from its end is noticed from now on; it is sealed
under the database key at the first write with the database unlocked (a
migration never has the key).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 09:00:00
"""
import json

import sqlalchemy as sa
from alembic import op

from comite.storage import triggers

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

HEAD_KEY = "audit_head"  # comite.services.audit.HEAD_KEY


def upgrade() -> None:
    bind = op.get_bind()
    last = bind.execute(sa.text("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")).first()
    known = bind.scalar(sa.text("SELECT count(*) FROM db_meta WHERE key = :k"), {"k": HEAD_KEY})
    if last is not None and not known:
        value = json.dumps({"hash": last.hash, "id": last.id}, separators=(",", ":")).encode("ascii")
        bind.execute(
            sa.text("INSERT INTO db_meta (key, value) VALUES (:k, :v)").bindparams(
                sa.bindparam("v", type_=sa.LargeBinary())
            ),
            {"k": HEAD_KEY, "v": value},
        )
    triggers.install_append_only(bind)


def downgrade() -> None:
    # The head stays in db_meta: revision 0002 ignores it, and an upgrade finds it again.
    triggers.uninstall_append_only(op.get_bind())
