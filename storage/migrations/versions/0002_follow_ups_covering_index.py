"""Follow-ups index covers the activity figures' columns (index-only digest on PostgreSQL).

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_follow_ups_member_status_due_on"
COLUMNS = ["member_id", "status", "due_on"]
INCLUDED = ["created_at", "done_at", "done_on", "window_closes_on"]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no INCLUDE: the index stays as it is
    op.drop_index(INDEX, table_name="follow_ups")
    op.create_index(INDEX, "follow_ups", COLUMNS, postgresql_include=INCLUDED)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index(INDEX, table_name="follow_ups")
    op.create_index(INDEX, "follow_ups", COLUMNS)
