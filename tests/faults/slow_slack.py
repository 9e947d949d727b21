"""The Slack stand-in on its own thread, with a network's worth of delay on each post, so a
fault can land while sends are in flight. Server processes reach it over loopback like Slack.

A post whose sender dies while it waits is still delivered (as with Slack: the message is
posted, only the answer is lost); `deliveries()` lists every post that was delivered.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from typing import Any

from aiohttp import web

from tests.slack.fake_slack import FakeSlack

POST_DELAY_SECONDS = 0.05


class SlowSlack(FakeSlack):
    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["method"] == "chat.postMessage":
            await request.read()  # the whole request has reached Slack; then it takes a while
            await asyncio.sleep(POST_DELAY_SECONDS)
        return await super()._api(request)


class SlackThread:
    """Start with `SlackThread(token)`; `api_url` goes into SLACK_API_URL; `close()` at the end."""

    def __init__(self, token: str, team_id: str) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self.fake = SlowSlack()
        self.fake.add_workspace(token, team_id=team_id)
        self._call(self.fake.start())

    def _call(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=30)

    @property
    def api_url(self) -> str:
        return self.fake.api_url

    def deliveries(self) -> Counter[str]:
        """How often each channel got a post: `D<user>` is a member's DM, others are channels."""

        async def snapshot() -> Counter[str]:
            return Counter(
                str(call.args.get("channel"))
                for call in self.fake.calls
                if call.method == "chat.postMessage" and call.status == 200
            )

        return self._call(snapshot())

    def close(self) -> None:
        self._call(self.fake.stop())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
