"""Persistence: SQLAlchemy 2.x models, the repository, Alembic migrations.

Never imports bot/. `storage.records` is plain dataclasses (no SQLAlchemy) so the core can use
them without pulling in the database layer.
"""
