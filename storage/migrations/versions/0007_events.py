"""Events and the Rule of Two (issue 13): planned events, the meetings held at them, and the
"did you meet anyone?" nudge the morning after, which belongs to an event, not a follow-up.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("goal_people", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_events_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index("ix_events_member_name_key", "events", ["member_id", "name_key"])
    op.create_table(
        "event_meetings",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_meetings_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_event_meetings_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_event_meetings")),
    )
    op.create_index(op.f("ix_event_meetings_event_id"), "event_meetings", ["event_id"])
    # Nothing references `nudges`, so SQLite may copy it to make follow_up_id nullable.
    with op.batch_alter_table("nudges") as batch:
        batch.alter_column("follow_up_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("event_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_nudges_event_id_events"), "events", ["event_id"], ["id"], ondelete="CASCADE"
        )
    op.create_index(op.f("ix_nudges_event_id"), "nudges", ["event_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_nudges_event_id"), table_name="nudges")
    op.execute("DELETE FROM nudges WHERE follow_up_id IS NULL")
    with op.batch_alter_table("nudges") as batch:
        batch.drop_constraint(op.f("fk_nudges_event_id_events"), type_="foreignkey")
        batch.drop_column("event_id")
        batch.alter_column("follow_up_id", existing_type=sa.Integer(), nullable=False)
    op.drop_index(op.f("ix_event_meetings_event_id"), table_name="event_meetings")
    op.drop_table("event_meetings")
    op.drop_index("ix_events_member_name_key", table_name="events")
    op.drop_table("events")
