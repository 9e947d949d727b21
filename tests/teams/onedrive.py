"""A stand-in for the OneDrive upload URL a Teams file consent hands the bot (loopback, port 0)."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web
from botbuilder.schema import Activity, ActivityTypes


@dataclass
class Upload:
    headers: dict[str, str]
    body: bytes


class OneDriveStandIn:
    def __init__(self) -> None:
        self.received: list[Upload] = []
        self.status = 201  # what the next PUT is answered with
        self.url = ""

    async def _put(self, request: web.Request) -> web.Response:
        self.received.append(Upload(dict(request.headers), await request.read()))
        return web.json_response({"id": "file-1"}, status=self.status)

    async def start(self) -> web.AppRunner:
        app = web.Application()
        app.router.add_put("/upload/{session}", self._put)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}/upload/session-1"
        return runner


def file_consent(action: str, upload_url: str) -> Activity:
    """The invoke Teams sends when the member clicks Allow or Decline on a file consent card."""
    return Activity(
        type=ActivityTypes.invoke,
        name="fileConsent/invoke",
        value={
            "type": "fileUpload",
            "action": action,
            "context": {"command": "export"},
            "uploadInfo": {
                "name": "export.json",
                "uploadUrl": upload_url,
                "contentUrl": "https://onedrive.test.example/export.json",
                "uniqueId": "unique-1",
                "fileType": "json",
            },
        },
    )
