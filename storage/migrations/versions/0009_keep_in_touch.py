"""Keep in touch after the rule of two (issue 13, item 3): a contact's cadence.

Check-ins themselves are follow-ups (touch 3) with ordinary nudges, so no other table changes.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "keep_in_touch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("every", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_keep_in_touch_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_keep_in_touch_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_keep_in_touch")),
        sa.UniqueConstraint("contact_id", name=op.f("uq_keep_in_touch_contact_id")),
    )
    op.create_index("ix_keep_in_touch_member_id", "keep_in_touch", ["member_id"])


def downgrade() -> None:
    op.drop_index("ix_keep_in_touch_member_id", table_name="keep_in_touch")
    op.drop_table("keep_in_touch")
