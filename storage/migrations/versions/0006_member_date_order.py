"""Members may say how they write numeric dates (month or day first); NULL reads it from the zone.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("members", sa.Column("date_order", sa.String(16), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of `members` would cascade-delete the
    # members' rows in other tables on a database with foreign keys on.
    op.execute("ALTER TABLE members DROP COLUMN date_order")
