"""decision drafts: an encrypted table for what a person typed in a decision form

A draft survives a crash and a quit from the lock screen; it is private to its
author (one per hearing and account) and deleted with the hearing or the account.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'decision_draft',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('hearing_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('payload', sa.LargeBinary(), nullable=False),
        sa.Column('hearing_version', sa.Integer(), nullable=True),
        sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['hearing_id'], ['hearing.id'], name=op.f('fk_decision_draft_hearing_id_hearing'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_decision_draft_user_id_app_user'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_draft')),
        sa.UniqueConstraint('hearing_id', 'user_id', name=op.f('uq_decision_draft_hearing_id_user_id')),
    )
    op.create_index(op.f('ix_decision_draft_hearing_id'), 'decision_draft', ['hearing_id'], unique=False)
    op.create_index(op.f('ix_decision_draft_user_id'), 'decision_draft', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_decision_draft_user_id'), table_name='decision_draft')
    op.drop_index(op.f('ix_decision_draft_hearing_id'), table_name='decision_draft')
    op.drop_table('decision_draft')
