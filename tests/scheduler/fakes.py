"""A notifier that records what it was asked to deliver, and can be told to fail."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.messages import Reply
from storage.records import DigestSubscriptionRecord, MemberRecord


class DeliveryFailed(RuntimeError):
    pass


@dataclass
class RecordingNotifier:
    to_members: list[tuple[MemberRecord, Reply]] = field(default_factory=list)
    to_channels: list[tuple[DigestSubscriptionRecord, Reply]] = field(default_factory=list)
    fail_members: set[str] = field(default_factory=set)  # user ids whose delivery raises
    fail_channels: bool = False

    async def send_to_member(self, member: MemberRecord, reply: Reply) -> None:
        if member.user_id in self.fail_members:
            raise DeliveryFailed(f"cannot reach {member.user_id}")
        self.to_members.append((member, reply))

    async def send_to_channel(self, subscription: DigestSubscriptionRecord, reply: Reply) -> None:
        if self.fail_channels:
            raise DeliveryFailed(f"cannot post to {subscription.channel_id}")
        self.to_channels.append((subscription, reply))
