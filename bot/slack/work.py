"""Where the work behind a request runs: in this process, or in the Slack worker process.

Listeners ack and call `submit(kind, body)`; a runner decides where `JOBS[kind]` runs. Either
way the job starts with the event-id claim (`bot.slack.dedupe`).
"""

from __future__ import annotations

from typing import Any, Protocol

from bot.slack.deps import SlackDeps
from bot.slack.jobs import JOBS


class WorkRunner(Protocol):
    def start(self) -> None: ...

    def submit(self, kind: str, body: dict[str, Any]) -> None: ...

    async def close(self) -> None: ...


class InProcessWork:
    """Jobs as background tasks of this event loop (tests, and servers with little traffic)."""

    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    def start(self) -> None:
        self.deps.start()

    def submit(self, kind: str, body: dict[str, Any]) -> None:
        self.deps.spawn(JOBS[kind](self.deps, body), body)

    async def close(self) -> None:
        await self.deps.close()
