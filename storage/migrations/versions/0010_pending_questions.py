"""The yes/no question a reply asked, in the store: a "yes" may reach another server process.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pending_questions",
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("workspace_external_id", sa.String(length=128), nullable=False),
        sa.Column("user_id", sa.String(length=128), nullable=False),
        sa.Column("on_yes", sa.Text(), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "platform", "workspace_external_id", "user_id", name=op.f("pk_pending_questions")
        ),
    )
    op.create_index("ix_pending_questions_asked_at", "pending_questions", ["asked_at"])


def downgrade() -> None:
    op.drop_table("pending_questions")
