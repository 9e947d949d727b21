"""Give, ask or thank for each touch (issue 13): the `touch_kinds` table.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "touch_kinds",
        sa.Column("follow_up_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["follow_up_id"],
            ["follow_ups.id"],
            name="fk_touch_kinds_follow_up_id_follow_ups",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name="fk_touch_kinds_member_id_members",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("follow_up_id", name="pk_touch_kinds"),
    )
    op.create_index("ix_touch_kinds_member_id", "touch_kinds", ["member_id"])


def downgrade() -> None:
    op.drop_index("ix_touch_kinds_member_id", table_name="touch_kinds")
    op.drop_table("touch_kinds")
