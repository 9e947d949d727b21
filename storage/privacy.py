"""Export and forget everything about one member."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, delete, or_, select, update
from sqlalchemy.orm import Session

from storage.models import (
    Base,
    Contact,
    ConversationReference,
    DigestSubscription,
    DraftReview,
    Event,
    EventMeeting,
    Feedback,
    FollowUp,
    KeepInTouch,
    Meeting,
    Member,
    Nudge,
    PendingQuestion,
    PreviousName,
    ReviewRule,
    TouchKind,
    UndoStep,
)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


# What a member gets back, table by table: their own data, not our bookkeeping (claims,
# attempts, lookup keys, foreign keys to their own member row). A column added to a table stays
# out of the export until it is named here.
EXPORTED_FIELDS: dict[type[Base], tuple[str, ...]] = {
    Member: (
        "user_id",
        "display_name",
        "timezone",
        "work_start",
        "work_end",
        "shoutouts_opt_in",
        "store_drafts_opt_in",
        "date_order",
        "created_at",
    ),
    Contact: ("id", "name", "mention", "notes", "created_at"),
    PreviousName: ("contact_id", "name", "renamed_at"),
    Meeting: ("id", "contact_id", "met_on", "place", "note", "created_at"),
    FollowUp: (
        "id",
        "contact_id",
        "meeting_id",
        "touch",
        "met_on",
        "due_on",
        "window_closes_on",
        "status",
        "late",
        "note",
        "created_at",
        "done_on",
    ),
    Nudge: ("id", "follow_up_id", "event_id", "kind", "send_at", "status", "sent_at"),
    Event: ("id", "name", "held_on", "goal_people", "created_at"),
    EventMeeting: ("event_id", "meeting_id"),
    KeepInTouch: ("contact_id", "every", "created_at", "updated_at"),
    DraftReview: ("id", "score", "flagged", "text_hash", "text", "created_at"),
    Feedback: ("id", "review_id", "verdict", "reason", "created_at"),
    TouchKind: ("follow_up_id", "kind", "source", "updated_at"),
    DigestSubscription: ("channel_id", "weekday", "at_time", "timezone", "created_at"),
    ConversationReference: ("platform", "conversation_id", "updated_at"),
}


def _row(model: Base) -> dict[str, Any]:
    return {key: _jsonable(getattr(model, key)) for key in EXPORTED_FIELDS[type(model)]}


def _references_of(member: Member) -> Any:
    return (
        (ConversationReference.platform == member.workspace.platform)
        & (ConversationReference.workspace_external_id == member.workspace.external_id)
        & (ConversationReference.user_id == member.user_id)
    )


def _questions_of(member: Member) -> Any:
    # Bookkeeping, not exported: the command a "yes" to the last question would run.
    return (
        (PendingQuestion.platform == member.workspace.platform)
        & (PendingQuestion.workspace_external_id == member.workspace.external_id)
        & (PendingQuestion.user_id == member.user_id)
    )


def export_member(session: Session, member: Member) -> dict[str, object]:
    def rows(query: Select[Any]) -> list[dict[str, Any]]:
        return [_row(row) for row in session.scalars(query)]

    mid = member.id
    reviews = []
    for review in session.scalars(
        select(DraftReview).where(DraftReview.member_id == mid).order_by(DraftReview.id)
    ):
        data = _row(review)
        data["rule_ids"] = [rule.rule_id for rule in review.rules]
        reviews.append(data)
    member_data = _row(member)
    member_data["platform"] = member.workspace.platform
    member_data["workspace"] = member.workspace.external_id
    return {
        "member": member_data,
        "contacts": rows(select(Contact).where(Contact.member_id == mid).order_by(Contact.id)),
        "previous_names": rows(
            select(PreviousName).where(PreviousName.member_id == mid).order_by(PreviousName.id)
        ),
        "meetings": rows(select(Meeting).where(Meeting.member_id == mid).order_by(Meeting.id)),
        "follow_ups": rows(select(FollowUp).where(FollowUp.member_id == mid).order_by(FollowUp.id)),
        "events": rows(select(Event).where(Event.member_id == mid).order_by(Event.id)),
        "event_meetings": rows(
            select(EventMeeting)
            .where(EventMeeting.event_id.in_(select(Event.id).where(Event.member_id == mid)))
            .order_by(EventMeeting.meeting_id)
        ),
        "nudges": rows(select(Nudge).where(Nudge.member_id == mid).order_by(Nudge.id)),
        "keep_in_touch": rows(
            select(KeepInTouch).where(KeepInTouch.member_id == mid).order_by(KeepInTouch.id)
        ),
        "draft_reviews": reviews,
        "feedback": rows(select(Feedback).where(Feedback.member_id == mid).order_by(Feedback.id)),
        "touch_kinds": rows(
            select(TouchKind).where(TouchKind.member_id == mid).order_by(TouchKind.follow_up_id)
        ),
        "digest_subscriptions": rows(
            select(DigestSubscription)
            .where(DigestSubscription.created_by_member_id == mid)
            .order_by(DigestSubscription.id)
        ),
        "conversation_references": rows(
            select(ConversationReference)
            .where(_references_of(member))
            .order_by(ConversationReference.id)
        ),
    }


def forget_member(session: Session, member: Member) -> dict[str, int]:
    """Delete children before parents, counting each table (no reliance on ON DELETE CASCADE).

    A channel's digest belongs to the channel, not to whoever typed `digest here`: the
    subscriptions the member made stay, with the link to the member cleared (not counted)."""
    mid = member.id
    reviews = select(DraftReview.id).where(DraftReview.member_id == mid)
    follow_ups = select(FollowUp.id).where(FollowUp.member_id == mid)
    events = select(Event.id).where(Event.member_id == mid)
    meetings = select(Meeting.id).where(Meeting.member_id == mid)
    statements = [
        (
            "feedback",
            delete(Feedback).where(or_(Feedback.member_id == mid, Feedback.review_id.in_(reviews))),
        ),
        ("review_rules", delete(ReviewRule).where(ReviewRule.review_id.in_(reviews))),
        ("draft_reviews", delete(DraftReview).where(DraftReview.member_id == mid)),
        (
            "touch_kinds",
            delete(TouchKind).where(
                or_(TouchKind.member_id == mid, TouchKind.follow_up_id.in_(follow_ups))
            ),
        ),
        (
            "nudges",
            delete(Nudge).where(or_(Nudge.member_id == mid, Nudge.follow_up_id.in_(follow_ups))),
        ),
        ("follow_ups", delete(FollowUp).where(FollowUp.member_id == mid)),
        (
            "event_meetings",
            delete(EventMeeting).where(
                or_(EventMeeting.event_id.in_(events), EventMeeting.meeting_id.in_(meetings))
            ),
        ),
        ("keep_in_touch", delete(KeepInTouch).where(KeepInTouch.member_id == mid)),
        ("meetings", delete(Meeting).where(Meeting.member_id == mid)),
        ("events", delete(Event).where(Event.member_id == mid)),
        ("previous_names", delete(PreviousName).where(PreviousName.member_id == mid)),
        ("undo_steps", delete(UndoStep).where(UndoStep.member_id == mid)),
        ("contacts", delete(Contact).where(Contact.member_id == mid)),
        ("conversation_references", delete(ConversationReference).where(_references_of(member))),
        ("pending_questions", delete(PendingQuestion).where(_questions_of(member))),
    ]
    session.execute(
        update(DigestSubscription)
        .where(DigestSubscription.created_by_member_id == mid)
        .values(created_by_member_id=None)
        .execution_options(synchronize_session=False)
    )
    counts: dict[str, int] = {}
    for table, statement in statements:
        result = session.execute(statement.execution_options(synchronize_session=False))
        counts[table] = int(result.rowcount or 0)
    session.expunge(member)
    result = session.execute(delete(Member).where(Member.id == mid))
    counts["members"] = int(result.rowcount or 0)
    return counts
