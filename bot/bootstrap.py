"""Composition root: build the services from settings, every dependency overridable.

Importing this module touches neither the network nor the database, and imports neither
SQLAlchemy nor scikit-learn: `bootstrap()` opens the store, and the reviewer loads its model on
the first draft it sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.core.ports import Clock, MessageSorter, Reviewer, Store
from bot.core.service import CoachService

if TYPE_CHECKING:
    from coach_rules.gate import MessageKind
    from coach_rules.review import Review


class SystemClock:
    """Wall-clock time, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class LazyReviewer:
    """`coach_rules.review.review`, imported on first use so start-up does not pay for the model."""

    def __call__(self, text: str, kind: str | None = None) -> Review:
        from coach_rules.review import review

        return review(text, kind=kind)


class LazyMessageSorter:
    """`coach_rules.gate.classify_message`, imported on first use."""

    def __call__(self, text: str) -> MessageKind:
        from coach_rules.gate import classify_message

        return classify_message(text).kind


@dataclass
class Services:
    settings: Settings
    store: Store
    coach: CoachService
    clock: Clock
    reviewer: Reviewer
    sorter: MessageSorter


def bootstrap(
    settings: Settings,
    *,
    store: Store | None = None,
    clock: Clock | None = None,
    reviewer: Reviewer | None = None,
    sorter: MessageSorter | None = None,
) -> Services:
    clock = clock or SystemClock()
    reviewer = reviewer or LazyReviewer()
    sorter = sorter or LazyMessageSorter()
    if store is None:
        from storage import open_store

        store = open_store(settings.database_url, clock=clock)
    return Services(
        settings=settings,
        store=store,
        coach=CoachService(store, reviewer, clock, sorter, admins=settings.admins),
        clock=clock,
        reviewer=reviewer,
        sorter=sorter,
    )
