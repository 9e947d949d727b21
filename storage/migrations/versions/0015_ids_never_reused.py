"""Ids members see are never handed out again on SQLite (AUTOINCREMENT).

SQLite gives a new row max(id) + 1, so after the newest follow-up is deleted the next one took
its number, and a "Done #7" button under an old message acted on someone else. AUTOINCREMENT can
only be set by rebuilding a table; `storage.schema` runs SQLite migrations with foreign keys off
(SQLite's own procedure for changing a table), so dropping the old copy does not cascade to the
rows that point at it. PostgreSQL's sequences never reuse a value: nothing to do there.

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Parents before children, as the rebuild copies each one whole.
TABLES = ("contacts", "meetings", "events", "follow_ups", "draft_reviews")


def _rebuild(autoincrement: bool) -> None:
    # `storage.schema` runs SQLite migrations with foreign keys off and checks them after.
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)
