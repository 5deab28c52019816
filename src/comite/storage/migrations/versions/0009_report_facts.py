"""report facts: one narrow row per hearing for the reports, kept by triggers

report_hearing copies, for every hearing, its session, case and decision, the
decision's outcome and level, the case's population, department, route and the
dates its legal terms run from, and counts its votes. The reports read a
period's sessions from it instead of probing the hearing, decision, vote and
case tables row by row (bench/run.py --only report). Triggers on hearing,
decision, vote and case_file keep it current on both engines
(comite.storage.report_facts); the rows of an existing database are computed
here, in the upgrade's transaction.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 05:00:00
"""
import sqlalchemy as sa
from alembic import op

from comite.storage import report_facts

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'report_hearing',
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('hearing_id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('decision_id', sa.Integer(), nullable=True),
        sa.Column('outcome', sa.String(length=20), nullable=True),
        sa.Column('risk_level', sa.String(length=20), nullable=True),
        sa.Column('population_code', sa.String(length=20), nullable=True),
        sa.Column('department', sa.String(length=80), nullable=True),
        sa.Column('route', sa.String(length=30), nullable=False),
        sa.Column('study_received', sa.Date(), nullable=True),
        sa.Column('request_date', sa.Date(), nullable=True),
        sa.Column('votes', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('session_id', 'hearing_id', name=op.f('pk_report_hearing')),
        sqlite_with_rowid=False,
    )
    op.create_index('ux_report_hearing_hearing_id', 'report_hearing', ['hearing_id'], unique=True)
    op.create_index('ix_report_hearing_case_id', 'report_hearing', ['case_id'])
    op.create_index('ix_report_hearing_levels', 'report_hearing',
                    ['outcome', 'population_code', 'department', 'route', 'risk_level', 'session_id'])
    conn = op.get_bind()
    report_facts.install(conn)
    report_facts.rebuild(conn)


def downgrade() -> None:
    report_facts.uninstall(op.get_bind())
    op.drop_index('ix_report_hearing_levels', table_name='report_hearing')
    op.drop_index('ix_report_hearing_case_id', table_name='report_hearing')
    op.drop_index('ux_report_hearing_hearing_id', table_name='report_hearing')
    op.drop_table('report_hearing')
