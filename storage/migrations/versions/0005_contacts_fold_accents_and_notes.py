"""Contacts as people expect (issue 11): names match without case or accents, and notes.

`contacts.name_key` is recomputed with `storage.names.name_key` (José → "jose"), and
`contacts.notes` holds the notes a member adds later (`note Priya: …`).

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.names import name_key

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_contacts = sa.table(
    "contacts",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("name_key", sa.String),
)


def upgrade() -> None:
    op.add_column("contacts", sa.Column("notes", sa.Text(), nullable=True))
    bind = op.get_bind()
    for contact_id, name in bind.execute(sa.select(_contacts.c.id, _contacts.c.name)).all():
        bind.execute(
            _contacts.update().where(_contacts.c.id == contact_id).values(name_key=name_key(name))
        )


def downgrade() -> None:
    bind = op.get_bind()
    for contact_id, name in bind.execute(sa.select(_contacts.c.id, _contacts.c.name)).all():
        bind.execute(
            _contacts.update().where(_contacts.c.id == contact_id).values(name_key=name.casefold())
        )
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("notes")
