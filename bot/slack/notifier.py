"""Slack `Notifier`: nudges as DMs (conversations.open + chat.postMessage), digests to channels.

Failures raise (SlackApiError, WorkspaceNotInstalled) so the scheduler job releases its claim
and tries again later, as the `Notifier` protocol asks. A nudge carries its marker as Slack
message metadata, so one whose earlier send is in doubt is looked up in the DM's recent
history (`nudge_already_sent`) before it is sent again.
"""

from __future__ import annotations

from bot.core.messages import Action, Reply
from bot.core.nudges import closes_the_nudge
from bot.slack.blocks import render_reply
from bot.slack.client import ChannelPacer, post_message
from bot.slack.files import send_image
from bot.slack.registry import ButtonKind
from bot.slack.workspaces import WorkspaceClients
from storage.records import DigestSubscriptionRecord, MemberRecord

NUDGE_EVENT_TYPE = "netcoach_nudge"
# How far back an in-doubt nudge is looked for: it was sent minutes ago, at most a lease.
HISTORY_LOOKBACK = 50


def nudge_button_kind(action: Action) -> ButtonKind:
    return ButtonKind.REPLACE if closes_the_nudge(action) else ButtonKind.RUN


class SlackNotifier:
    def __init__(self, clients: WorkspaceClients, pacer: ChannelPacer) -> None:
        self._clients = clients
        self._pacer = pacer

    async def send_to_member(self, member: MemberRecord, reply: Reply) -> None:
        await self._post_to_member(member, reply)

    async def send_nudge(self, member: MemberRecord, reply: Reply, marker: str) -> None:
        metadata = {"event_type": NUDGE_EVENT_TYPE, "event_payload": {"marker": marker}}
        await self._post_to_member(member, reply, metadata=metadata)

    async def nudge_already_sent(self, member: MemberRecord, marker: str) -> bool:
        client = await self._clients.for_workspace(member.workspace_id)
        opened = await client.conversations_open(users=member.user_id)
        history = await client.conversations_history(
            channel=str(opened["channel"]["id"]),
            limit=HISTORY_LOOKBACK,
            include_all_metadata=True,
        )
        for message in history.get("messages") or []:
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == NUDGE_EVENT_TYPE and payload.get("marker") == marker:
                return True
        return False

    async def _post_to_member(self, member: MemberRecord, reply: Reply, **extra: object) -> None:
        client = await self._clients.for_workspace(member.workspace_id)
        opened = await client.conversations_open(users=member.user_id)
        channel = str(opened["channel"]["id"])
        rendered = render_reply(reply, button_kind=nudge_button_kind)
        await post_message(client, self._pacer, channel, **rendered.as_kwargs(), **extra)

    async def send_to_channel(self, subscription: DigestSubscriptionRecord, reply: Reply) -> None:
        client = await self._clients.for_workspace(subscription.workspace_id)
        rendered = render_reply(reply)
        await post_message(client, self._pacer, subscription.channel_id, **rendered.as_kwargs())
        if reply.image is not None:
            await send_image(client, subscription.channel_id, reply.image)
