"""A "Which one?" reply's choices, kept with the pending question: "Kemi Ade" or "the MTN one"
typed next picks one.

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pending_questions") as batch:
        batch.add_column(sa.Column("choices", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pending_questions") as batch:
        batch.drop_column("choices")
