"""One `Notifier` for the scheduler that hands each delivery to the member's own platform.

Nudges may carry a marker (`send_nudge`) that a platform keeps with the message, so a nudge
whose earlier send is in doubt can be looked up (`nudge_already_sent`) instead of sent again.
A platform without such a handle sends plainly and answers "not sent" (it may then repeat).
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.core.messages import Reply
from bot.core.ports import Notifier
from storage.records import DigestSubscriptionRecord, MemberRecord


class PlatformNotConfigured(LookupError):
    """A nudge or digest is due on a platform this server does not serve (now)."""


class RoutingNotifier:
    """Routes by `MemberRecord.platform` / `DigestSubscriptionRecord.platform`.

    A platform with no notifier raises, so the job keeps the work for a server that has it.
    """

    def __init__(self, by_platform: Mapping[str, Notifier]) -> None:
        self._by_platform = dict(by_platform)

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(sorted(self._by_platform))

    def _notifier(self, platform: str) -> Notifier:
        try:
            return self._by_platform[platform]
        except KeyError:
            raise PlatformNotConfigured(
                f"no notifier for platform {platform!r}; this server serves "
                f"{', '.join(self.platforms) or 'none'}"
            ) from None

    async def send_to_member(self, member: MemberRecord, reply: Reply) -> None:
        await self._notifier(member.platform).send_to_member(member, reply)

    async def send_to_channel(self, subscription: DigestSubscriptionRecord, reply: Reply) -> None:
        await self._notifier(subscription.platform).send_to_channel(subscription, reply)

    async def send_nudge(self, member: MemberRecord, reply: Reply, marker: str) -> None:
        await send_nudge(self._notifier(member.platform), member, reply, marker)

    async def nudge_already_sent(self, member: MemberRecord, marker: str) -> bool:
        return await nudge_already_sent(self._notifier(member.platform), member, marker)


async def send_nudge(notifier: Notifier, member: MemberRecord, reply: Reply, marker: str) -> None:
    """Send with the marker where the notifier can keep one, plainly otherwise."""
    marked = getattr(notifier, "send_nudge", None)
    if marked is not None:
        await marked(member, reply, marker)
    else:
        await notifier.send_to_member(member, reply)


async def nudge_already_sent(notifier: Notifier, member: MemberRecord, marker: str) -> bool:
    """True only when the platform shows a message with this marker; False when it cannot tell."""
    check = getattr(notifier, "nudge_already_sent", None)
    return bool(check is not None and await check(member, marker))
