"""One `Notifier` for the scheduler that hands each delivery to the member's own platform."""

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
