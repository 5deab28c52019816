"""the delegates' review of a draft acta: rounds sent, recipients, observations attributed and answered

review_round and review_recipient record each draft sent for review (term,
rule for silence, delivery) and to whom. review_observation gains the
delegate's channel, the date received, where in the draft it points (page,
section, paragraph), a keyed hash of an imported PDF comment (so the same file
imported twice adds nothing), and the secretariat's answer (accepted or not,
with the reason, encrypted), which replaces the old "resolved" flag: an
observation marked resolved before this revision becomes accepted.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('acta_version_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('business_days', sa.Integer(), nullable=False),
    sa.Column('lapse_rule', sa.String(length=30), nullable=False),
    sa.Column('delivery', sa.String(length=20), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['acta_version_id'], ['acta_version.id'], name=op.f('fk_review_round_acta_version_id_acta_version'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['committee_session.id'], name=op.f('fk_review_round_session_id_committee_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_round')),
    sa.UniqueConstraint('acta_version_id', name=op.f('uq_review_round_acta_version_id'))
    )
    with op.batch_alter_table('review_round', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_round_session_id'), ['session_id'], unique=False)

    op.create_table('review_recipient',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('attendance_id', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=250), nullable=False),
    sa.Column('reviewer', sa.String(length=160), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('no_observations', sa.Boolean(), nullable=False),
    sa.Column('lapse_result', sa.String(length=30), nullable=True),
    sa.Column('lapse_recorded_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['attendance_id'], ['attendance.id'], name=op.f('fk_review_recipient_attendance_id_attendance'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_review_recipient_round_id_review_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_recipient'))
    )
    with op.batch_alter_table('review_recipient', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_recipient_round_id'), ['round_id'], unique=False)

    with op.batch_alter_table('review_observation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recipient_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('channel', sa.String(length=20), nullable=False, server_default='aplicacion'))
        batch_op.add_column(sa.Column('received_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('page', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('section', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('paragraph', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('source_key', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('answer', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('answer_reason', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('answered_by', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_review_observation_recipient_id'), ['recipient_id'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_review_observation_acta_version_id_source_key'), ['acta_version_id', 'source_key'])
        batch_op.create_foreign_key(batch_op.f('fk_review_observation_recipient_id_review_recipient'), 'review_recipient', ['recipient_id'], ['id'], ondelete='SET NULL')

    # What was "resolved" was attended to: accepted, by nobody in particular, when it was written.
    op.execute("UPDATE review_observation SET answer = 'aceptada', answered_at = created_at WHERE resolved")
    with op.batch_alter_table('review_observation', schema=None) as batch_op:
        batch_op.alter_column('channel', server_default=None)
        batch_op.drop_column('resolved')


def downgrade() -> None:
    with op.batch_alter_table('review_observation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resolved', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute("UPDATE review_observation SET resolved = (answer IS NOT NULL)")
    with op.batch_alter_table('review_observation', schema=None) as batch_op:
        batch_op.alter_column('resolved', server_default=None)
        batch_op.drop_constraint(batch_op.f('fk_review_observation_recipient_id_review_recipient'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_review_observation_acta_version_id_source_key'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_review_observation_recipient_id'))
        for column in ('answered_at', 'answered_by', 'answer_reason', 'answer', 'source_key', 'paragraph',
                       'section', 'page', 'received_on', 'channel', 'recipient_id'):
            batch_op.drop_column(column)
    with op.batch_alter_table('review_recipient', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_recipient_round_id'))
    op.drop_table('review_recipient')
    with op.batch_alter_table('review_round', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_round_session_id'))
    op.drop_table('review_round')
