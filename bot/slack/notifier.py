"""Slack `Notifier`: nudges as DMs (conversations.open + chat.postMessage), digests to channels.

Failures raise (SlackApiError, WorkspaceNotInstalled) so the scheduler job releases its claim
and tries again later, as the `Notifier` protocol asks.
"""

from __future__ import annotations

from bot.core.messages import Action, Reply
from bot.core.nudges import closes_the_nudge
from bot.slack.blocks import render_reply
from bot.slack.client import ChannelPacer, post_message
from bot.slack.registry import ButtonKind
from bot.slack.workspaces import WorkspaceClients
from storage.records import DigestSubscriptionRecord, MemberRecord


def nudge_button_kind(action: Action) -> ButtonKind:
    return ButtonKind.REPLACE if closes_the_nudge(action) else ButtonKind.RUN


class SlackNotifier:
    def __init__(self, clients: WorkspaceClients, pacer: ChannelPacer) -> None:
        self._clients = clients
        self._pacer = pacer

    async def send_to_member(self, member: MemberRecord, reply: Reply) -> None:
        client = await self._clients.for_workspace(member.workspace_id)
        opened = await client.conversations_open(users=member.user_id)
        channel = str(opened["channel"]["id"])
        rendered = render_reply(reply, button_kind=nudge_button_kind)
        await post_message(client, self._pacer, channel, **rendered.as_kwargs())

    async def send_to_channel(self, subscription: DigestSubscriptionRecord, reply: Reply) -> None:
        client = await self._clients.for_workspace(subscription.workspace_id)
        rendered = render_reply(reply)
        await post_message(client, self._pacer, subscription.channel_id, **rendered.as_kwargs())
