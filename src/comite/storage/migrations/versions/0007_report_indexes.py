"""report indexes: covering indexes for the reports' counts (decision outcome and level per
hearing; measure type, action and quantity per decision) and the cases' request date (the
reports' business-day calendar starts at the earliest one)

With them, counting a year of decisions and measures reads the indexes instead of the
tables' rows (which carry encrypted text); checked with EXPLAIN QUERY PLAN in
tests/db/test_report_plans.py and measured by bench/run.py --only report.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 12:00:00
"""
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_decision_report", "decision", ["hearing_id", "outcome", "risk_level"])
    op.create_index("ix_measure_decision_report", "measure_decision",
                    ["decision_id", "measure_code", "action", "quantity"])
    op.create_index("ix_case_file_request_date", "case_file", ["request_date"])


def downgrade() -> None:
    op.drop_index("ix_case_file_request_date", table_name="case_file")
    op.drop_index("ix_measure_decision_report", table_name="measure_decision")
    op.drop_index("ix_decision_report", table_name="decision")
