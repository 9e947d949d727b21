"""Where the work behind a request runs: in this process, or in the Slack worker process.

Listeners ack and call `submit(kind, body, claim)`; a runner decides where `JOBS[kind]` runs.
"""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from bot.slack.deps import SlackDeps
from bot.slack.jobs import JOBS


class WorkRunner(Protocol):
    def start(self) -> None: ...

    def submit(
        self, kind: str, body: dict[str, Any], claim: asyncio.Future[bool] | None = None
    ) -> None: ...

    async def close(self) -> None: ...


class InProcessWork:
    """Jobs as background tasks of this event loop (tests, and servers with little traffic)."""

    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    def start(self) -> None:
        self.deps.start()

    def submit(
        self, kind: str, body: dict[str, Any], claim: asyncio.Future[bool] | None = None
    ) -> None:
        self.deps.spawn(JOBS[kind](self.deps, body), body, claim=claim)

    async def close(self) -> None:
        await self.deps.close()
