"""The contact the last reply was about, kept with the pending question: "snooze her" next.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pending_questions") as batch:
        batch.alter_column("on_yes", existing_type=sa.Text(), nullable=True)
        batch.add_column(sa.Column("about_contact_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM pending_questions WHERE on_yes IS NULL")
    with op.batch_alter_table("pending_questions") as batch:
        batch.drop_column("about_contact_id")
        batch.alter_column("on_yes", existing_type=sa.Text(), nullable=False)
