"""Models → records, in one place. Records are what leaves `storage`; models never do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storage.models import (
    Contact,
    ConversationReference,
    DigestSubscription,
    DraftReview,
    Event,
    FollowUp,
    KeepInTouch,
    Meeting,
    Member,
    Nudge,
    Workspace,
)
from storage.records import (
    CadenceRecord,
    ContactRecord,
    ConversationReferenceRecord,
    DigestSubscriptionRecord,
    DueNudge,
    EventRecord,
    FollowUpRecord,
    MeetingRecord,
    MemberRecord,
    ReviewRecord,
)


def member_record(row: Member) -> MemberRecord:
    return MemberRecord(
        id=row.id,
        platform=row.workspace.platform,
        workspace_id=row.workspace.external_id,
        user_id=row.user_id,
        display_name=row.display_name,
        timezone=row.timezone,
        work_start=row.work_start,
        work_end=row.work_end,
        shoutouts_opt_in=row.shoutouts_opt_in,
        store_drafts_opt_in=row.store_drafts_opt_in,
        date_order=row.date_order,
    )


def contact_record(row: Contact) -> ContactRecord:
    return ContactRecord(
        id=row.id, member_id=row.member_id, name=row.name, mention=row.mention, notes=row.notes
    )


def cadence_record(row: KeepInTouch) -> CadenceRecord:
    return CadenceRecord(member_id=row.member_id, contact_id=row.contact_id, every=row.every)


def meeting_record(row: Meeting) -> MeetingRecord:
    return MeetingRecord(
        id=row.id,
        member_id=row.member_id,
        contact_id=row.contact_id,
        met_on=row.met_on,
        place=row.place,
        note=row.note,
    )


def follow_up_record(row: FollowUp) -> FollowUpRecord:
    return FollowUpRecord(
        id=row.id,
        member_id=row.member_id,
        contact_id=row.contact_id,
        contact_name=row.contact.name,
        contact_mention=row.contact.mention,
        meeting_id=row.meeting_id,
        met_on=row.met_on,
        due_on=row.due_on,
        status=row.status,
        touch=row.touch,
        late=row.late,
        note=row.note,
        created_at=row.created_at,
        done_at=row.done_at,
    )


# The columns `due_nudge_from_row` reads, in this order (the claim query selects them).
DUE_NUDGE_COLUMNS = (
    Nudge.id,
    Nudge.kind,
    Nudge.send_at,
    Nudge.attempts,
    Nudge.in_doubt,
    Member.id,
    Workspace.platform,
    Workspace.external_id,
    Member.user_id,
    Member.display_name,
    Member.timezone,
    Member.work_start,
    Member.work_end,
    Member.shoutouts_opt_in,
    Member.store_drafts_opt_in,
    FollowUp.id,
    FollowUp.contact_id,
    Contact.name,
    Contact.mention,
    FollowUp.meeting_id,
    FollowUp.met_on,
    FollowUp.due_on,
    FollowUp.status,
    FollowUp.touch,
    FollowUp.late,
    FollowUp.note,
    FollowUp.created_at,
    FollowUp.done_at,
    Event.id,
    Event.name,
    Event.held_on,
    Event.goal_people,
)


def due_nudge_from_row(row: Sequence[Any]) -> DueNudge:
    (
        nudge_id, kind, send_at, attempts, in_doubt,
        member_id, platform, workspace_id, user_id, display_name, timezone,
        work_start, work_end, shoutouts_opt_in, store_drafts_opt_in,
        follow_up_id, contact_id, contact_name, contact_mention, meeting_id,
        met_on, due_on, status, touch, late, note, created_at, done_at,
        event_id, event_name, held_on, goal_people,
    ) = row  # fmt: skip
    member = MemberRecord(
        id=member_id,
        platform=platform,
        workspace_id=workspace_id,
        user_id=user_id,
        display_name=display_name,
        timezone=timezone,
        work_start=work_start,
        work_end=work_end,
        shoutouts_opt_in=shoutouts_opt_in,
        store_drafts_opt_in=store_drafts_opt_in,
    )
    follow_up = (
        None
        if follow_up_id is None
        else FollowUpRecord(
            id=follow_up_id,
            member_id=member_id,
            contact_id=contact_id,
            contact_name=contact_name,
            contact_mention=contact_mention,
            meeting_id=meeting_id,
            met_on=met_on,
            due_on=due_on,
            status=status,
            touch=touch,
            late=late,
            note=note,
            created_at=created_at,
            done_at=done_at,
        )
    )
    return DueNudge(
        nudge_id=nudge_id,
        kind=kind,
        send_at=send_at,
        member=member,
        follow_up=follow_up,
        attempts=attempts,
        in_doubt=bool(in_doubt),
        event=None
        if event_id is None
        else EventRecord(
            id=event_id,
            member_id=member_id,
            name=event_name,
            held_on=held_on,
            goal_people=goal_people,
        ),
    )


def event_record(row: Event) -> EventRecord:
    return EventRecord(
        id=row.id,
        member_id=row.member_id,
        name=row.name,
        held_on=row.held_on,
        goal_people=row.goal_people,
    )


def review_record(row: DraftReview) -> ReviewRecord:
    return ReviewRecord(
        id=row.id,
        member_id=row.member_id,
        score=row.score,
        flagged=row.flagged,
        rule_ids=tuple(rule.rule_id for rule in row.rules),
        text_hash=row.text_hash,
        created_at=row.created_at,
        text=row.text,
    )


def subscription_record(row: DigestSubscription) -> DigestSubscriptionRecord:
    return DigestSubscriptionRecord(
        id=row.id,
        platform=row.workspace.platform,
        workspace_id=row.workspace.external_id,
        channel_id=row.channel_id,
        weekday=row.weekday,
        at=row.at_time,
        timezone=row.timezone,
        created_by_member_id=row.created_by_member_id,
        created_at=row.created_at,
    )


def reference_record(row: ConversationReference) -> ConversationReferenceRecord:
    return ConversationReferenceRecord(
        platform=row.platform,
        workspace_id=row.workspace_external_id,
        conversation_id=row.conversation_id,
        user_id=row.user_id,
        reference=dict(row.reference),
    )
