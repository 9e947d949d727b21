"""The console's `Notifier`: nudges and digests are printed, stamped with the simulated time."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.dates import zone
from bot.core.messages import Reply
from bot.core.ports import Clock
from storage.records import DigestSubscriptionRecord, MemberRecord


class ConsoleNotifier:
    def __init__(self, clock: Clock, show: Callable[[str, Reply], None]) -> None:
        self._clock = clock
        self._show = show
        self.sent = 0

    def _stamp(self, timezone_name: str) -> str:
        local = self._clock.now().astimezone(zone(timezone_name))
        return f"{local:%a %d %b %H:%M} {timezone_name}"

    async def send_to_member(self, member: MemberRecord, reply: Reply) -> None:
        self.sent += 1
        self._show(f"🔔 nudge · {self._stamp(member.timezone)}", reply)

    async def send_to_channel(self, subscription: DigestSubscriptionRecord, reply: Reply) -> None:
        self.sent += 1
        self._show(
            f"📰 digest for {subscription.channel_id} · {self._stamp(subscription.timezone)}", reply
        )
