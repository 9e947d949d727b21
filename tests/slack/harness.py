"""Plays Slack's part towards our server: signed slash commands, events, clicks and shortcuts.

Payload shapes follow Slack's documentation for each request type: slash commands are form
fields; interactions are a form field `payload` holding JSON; events are a JSON envelope.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp

from tests.slack.fake_slack import Call, FakeSlack
from tests.slack.signing import signed_headers

TEAM = "T0001"
USER = "U1001"
CHANNEL = "C2001"
DM_CHANNEL = "D3001"

_ids = itertools.count(1)


@dataclass
class Sent:
    status: int
    body: str
    hook: str | None = None


class SlackSim:
    def __init__(
        self, session: aiohttp.ClientSession, base_url: str, secret: str, fake: FakeSlack
    ) -> None:
        self.session = session
        self.base_url = base_url
        self.secret = secret
        self.fake = fake

    # --- raw
    async def post(
        self,
        body: str,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        timestamp: int | None = None,
        secret: str | None = None,
    ) -> tuple[int, str]:
        signed = signed_headers(secret or self.secret, body, content_type, timestamp=timestamp)
        signed.update(headers or {})
        async with self.session.post(
            f"{self.base_url}/slack/events", data=body.encode(), headers=signed
        ) as response:
            return response.status, await response.text()

    # --- slash command
    def command_body(
        self, text: str, *, user: str = USER, channel: str = CHANNEL, team: str = TEAM
    ) -> tuple[str, str]:
        hook = f"cmd-{next(_ids)}"
        fields = {
            "token": "legacy-verification-token",
            "team_id": team,
            "team_domain": "acme",
            "channel_id": channel,
            "channel_name": "directmessage" if channel.startswith("D") else "general",
            "user_id": user,
            "user_name": "jane",
            "command": "/network",
            "text": text,
            "api_app_id": "A0NETCOACH",
            "is_enterprise_install": "false",
            "response_url": self.fake.response_url(hook),
            "trigger_id": f"trigger-{hook}",
        }
        return urlencode(fields), hook

    async def command(self, text: str, **kwargs: str) -> Sent:
        body, hook = self.command_body(text, **kwargs)
        status, answer = await self.post(body, "application/x-www-form-urlencoded")
        return Sent(status, answer, hook)

    async def answer_to(self, sent: Sent, timeout: float = 5.0) -> dict[str, Any]:
        """What our server posted to the response_url of `sent`."""
        calls = await self.fake.wait_for(
            "response_url", where=lambda c: c.args["hook"] == sent.hook, timeout=timeout
        )
        return calls[-1].args

    async def run(self, text: str, **kwargs: str) -> dict[str, Any]:
        sent = await self.command(text, **kwargs)
        assert sent.status == 200, sent
        return await self.answer_to(sent)

    # --- events
    def event_body(
        self, event: dict[str, Any], *, event_id: str | None = None, team: str = TEAM
    ) -> str:
        return json.dumps(
            {
                "token": "legacy-verification-token",
                "team_id": team,
                "api_app_id": "A0NETCOACH",
                "event": event,
                "type": "event_callback",
                "event_id": event_id or f"Ev{next(_ids):08d}",
                "event_time": 1_700_000_000,
                "authorizations": [{"team_id": team, "user_id": f"U{team}BOT", "is_bot": True}],
            }
        )

    async def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        team: str = TEAM,
    ) -> Sent:
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        body = self.event_body(event, event_id=event_id, team=team)
        status, answer = await self.post(body, "application/json", headers=headers)
        return Sent(status, answer)

    @staticmethod
    def dm_event(
        text: str, *, user: str = USER, channel: str = DM_CHANNEL, **extra: Any
    ) -> dict[str, Any]:
        ts = f"{1_700_000_000 + next(_ids)}.000200"
        return {
            "type": "message",
            "channel_type": "im",
            "channel": channel,
            "user": user,
            "text": text,
            "ts": ts,
            "event_ts": ts,
            **extra,
        }

    async def dm(self, text: str, **kwargs: Any) -> tuple[Sent, dict[str, Any]]:
        event = self.dm_event(text, **kwargs)
        return await self.event(event), event

    async def thread_reply_to(self, event: dict[str, Any], timeout: float = 5.0) -> Call:
        calls = await self.fake.wait_for(
            "chat.postMessage",
            where=lambda c: c.args.get("thread_ts") == event["ts"],
            timeout=timeout,
        )
        return calls[-1]

    # --- interactions
    async def interaction(self, payload: dict[str, Any]) -> Sent:
        body = urlencode({"payload": json.dumps(payload)})
        status, answer = await self.post(body, "application/x-www-form-urlencoded")
        return Sent(status, answer, payload.get("_hook"))

    async def click(
        self,
        button: dict[str, Any],
        message: dict[str, Any] | None = None,
        *,
        user: str = USER,
        channel: str = DM_CHANNEL,
        team: str = TEAM,
        on_home: bool = False,
    ) -> Sent:
        """Click `button` (a Block Kit button element we sent) on `message` or the Home tab."""
        hook = f"click-{next(_ids)}"
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user, "username": "jane", "team_id": team},
            "api_app_id": "A0NETCOACH",
            "team": {"id": team, "domain": "acme"},
            "trigger_id": f"trigger-{hook}",
            "actions": [
                {
                    "type": "button",
                    "action_id": button["action_id"],
                    "block_id": "b1",
                    "text": button["text"],
                    "value": button["value"],
                    "action_ts": "1700000000.1",
                }
            ],
        }
        if on_home:
            payload["container"] = {"type": "view", "view_id": "V0001"}
            payload["view"] = {"id": "V0001", "type": "home"}
        else:
            payload["container"] = {
                "type": "message",
                "message_ts": (message or {}).get("ts", "1700000000.000100"),
                "channel_id": channel,
                "is_ephemeral": False,
            }
            payload["channel"] = {"id": channel, "name": "directmessage"}
            payload["message"] = message or {}
            payload["response_url"] = self.fake.response_url(hook)
        sent = await self.interaction(payload)
        sent.hook = None if on_home else hook
        return sent

    async def review_shortcut(
        self, text: str, *, user: str = USER, channel: str = CHANNEL, team: str = TEAM
    ) -> Sent:
        hook = f"shortcut-{next(_ids)}"
        payload = {
            "type": "message_action",
            "callback_id": "review_draft",
            "trigger_id": f"trigger-{hook}",
            "response_url": self.fake.response_url(hook),
            "team": {"id": team, "domain": "acme"},
            "channel": {"id": channel, "name": "general"},
            "user": {"id": user, "name": "jane", "team_id": team},
            "message_ts": "1700000000.000300",
            "message": {
                "type": "message",
                "user": "U9999",
                "text": text,
                "ts": "1700000000.000300",
            },
        }
        sent = await self.interaction(payload)
        sent.hook = hook
        return sent


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """Every button element in a posted message's blocks."""
    blocks = message.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    return [
        element
        for block in blocks
        if block.get("type") == "actions"
        for element in block.get("elements", [])
    ]


def button(message: dict[str, Any], label: str) -> dict[str, Any]:
    found = [b for b in buttons(message) if b["text"]["text"] == label]
    assert found, f"no button {label!r}; buttons: {[b['text']['text'] for b in buttons(message)]}"
    return found[0]


def all_text(message: dict[str, Any]) -> str:
    """The visible text of a message: top-level text plus every block's text."""
    blocks = message.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    parts = [str(message.get("text") or "")]
    for block in blocks:
        if "text" in block and isinstance(block["text"], dict):
            parts.append(block["text"].get("text", ""))
        for item in block.get("fields", []) or []:
            parts.append(item.get("text", ""))
        for element in block.get("elements", []) or []:
            text = element.get("text")
            parts.append(text.get("text", "") if isinstance(text, dict) else str(text or ""))
    return "\n".join(parts)
