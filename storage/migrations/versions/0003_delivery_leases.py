"""Delivery leases and per-message delivery state (issue 12).

A nudge's claim records its holder and when its lease ends, and whether a send may already have
happened (`in_doubt`: the holder died or was stopped mid-send). A digest run records its holder
and lease the same way.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("nudges", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("in_doubt", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("digest_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))
    # Claims taken before this migration: their lease runs from the old fixed lengths.
    op.execute(sa.text("UPDATE nudges SET lease_until = claimed_at WHERE status = 'sending'"))
    op.execute(sa.text("UPDATE digest_runs SET lease_until = claimed_at WHERE status = 'sending'"))


def downgrade() -> None:
    with op.batch_alter_table("digest_runs", schema=None) as batch_op:
        batch_op.drop_column("lease_until")
        batch_op.drop_column("claimed_by")
    with op.batch_alter_table("nudges", schema=None) as batch_op:
        batch_op.drop_column("in_doubt")
        batch_op.drop_column("lease_until")
