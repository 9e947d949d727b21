"""A stand-in for the Slack Web API (and response URLs), served over real HTTP on loopback.

It behaves like Slack where our code can tell: arguments arrive as query string, form or JSON
just as slack_sdk sends them; a missing or unknown token gets `ok: false` with
`not_authed` / `invalid_auth`; a missing required argument gets Slack's error code; invalid
Block Kit gets `invalid_blocks`; and a test can make any method answer 429 with `Retry-After`
or 500. Every call is recorded, with the time it arrived, for the test to assert on.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.slack.blocks import (
    BUTTON_TEXT_MAX,
    BUTTON_VALUE_MAX,
    BUTTONS_PER_ACTIONS_BLOCK,
    FIELD_TEXT_MAX,
    FIELDS_PER_SECTION,
    HOME_MAX_BLOCKS,
    MESSAGE_MAX_BLOCKS,
    SECTION_TEXT_MAX,
)

REQUIRED_ARGS: dict[str, tuple[str, ...]] = {
    "auth.test": (),
    "chat.postMessage": ("channel",),
    "chat.postEphemeral": ("channel", "user"),
    "chat.update": ("channel", "ts"),
    "conversations.open": ("users",),
    "conversations.history": ("channel",),
    "views.publish": ("user_id", "view"),
    "files.getUploadURLExternal": ("filename", "length"),
    "files.completeUploadExternal": ("files",),
    "oauth.v2.access": ("code",),
}
NO_TOKEN_METHODS = {"oauth.v2.access"}


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    token: str | None
    at: float = field(default_factory=time.monotonic)
    # HTTP status the stand-in answered: 200, or an injected 429/500.
    status: int = 200


@dataclass
class Workspace:
    team_id: str
    team_name: str
    bot_user_id: str
    bot_id: str


@dataclass
class _Failure:
    status: int
    retry_after: int | None
    times: int


class FakeSlack:
    """Start with `await FakeSlack().start()`; `api_url` is what SLACK_API_URL would be."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.tokens: dict[str, Workspace] = {}
        self.oauth_clients: dict[str, str] = {}
        self.oauth_codes: dict[str, Workspace] = {}
        self._failures: dict[str, list[_Failure]] = {}
        # Scopes the app was not granted: calls that need them answer `missing_scope`.
        self.missing_scopes: set[str] = set()
        # Bytes posted to each upload URL, by file id.
        self.uploads: dict[str, bytes] = {}
        self._changed = asyncio.Condition()
        self._ts = itertools.count(1)
        self._dm = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0
        # Messages posted per channel, oldest first (metadata kept as Slack keeps it).
        self.history: dict[str, list[dict[str, Any]]] = {}

    # --- set-up ---------------------------------------------------------------------------------
    def add_workspace(
        self, token: str, team_id: str = "T0001", team_name: str = "Acme"
    ) -> Workspace:
        workspace = Workspace(
            team_id, team_name, bot_user_id=f"U{team_id}BOT", bot_id=f"B{team_id}"
        )
        self.tokens[token] = workspace
        return workspace

    def add_oauth_client(self, client_id: str, client_secret: str) -> None:
        self.oauth_clients[client_id] = client_secret

    def issue_oauth_code(self, code: str, team_id: str, team_name: str = "Installed Co") -> None:
        """What Slack's authorize page would hand the browser after the user approves."""
        self.oauth_codes[code] = Workspace(
            team_id, team_name, bot_user_id=f"U{team_id}BOT", bot_id=f"B{team_id}"
        )

    def fail(
        self, method: str, status: int, *, retry_after: int | None = None, times: int = 1
    ) -> None:
        """The next `times` calls of `method` answer HTTP `status` (429 with Retry-After)."""
        self._failures.setdefault(method, []).append(_Failure(status, retry_after, times))

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/{name}"

    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # slack_sdk GETs some reads
        app.router.add_post("/hooks/{name}", self._hook)
        app.router.add_post("/upload/{file_id}", self._upload)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # --- assertions -----------------------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        where: Callable[[Call], bool] | None = None,
        answered_ok: bool = True,
    ) -> list[Call]:
        """Wait for `count` matching calls (our work runs after the ack, in the background)."""

        def matching() -> list[Call]:
            return [
                c
                for c in self.calls_to(method)
                if (where is None or where(c)) and (c.status == 200 or not answered_ok)
            ]

        async with self._changed:
            try:
                await asyncio.wait_for(
                    self._changed.wait_for(lambda: len(matching()) >= count), timeout
                )
            except TimeoutError:
                seen = [c.method for c in self.calls]
                raise AssertionError(
                    f"expected {count} call(s) to {method}, got {len(matching())}; calls: {seen}"
                ) from None
        return matching()

    async def settle(self, quiet: float = 0.3) -> None:
        """Wait until no call has arrived for `quiet` seconds (to assert that nothing else came)."""
        while True:
            before = len(self.calls)
            await asyncio.sleep(quiet)
            if len(self.calls) == before:
                return

    # --- HTTP handlers ---------------------------------------------------------------------------
    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    async def _hook(self, request: web.Request) -> web.Response:
        body = await request.json()
        call = Call("response_url", {"hook": request.match_info["name"], **body}, None)
        await self._record(call)
        failure = self._next_failure("response_url")
        if failure is not None:
            call.status = failure.status
            return web.Response(status=failure.status, text="server_error")
        problem = check_blocks(body.get("blocks"), MESSAGE_MAX_BLOCKS)
        if problem:
            return web.Response(status=400, text="invalid_blocks")
        return web.Response(text="ok")

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await _arguments(request)
        token = _bearer(request.headers.get("Authorization"))
        call = Call(method, args, token)
        await self._record(call)

        failure = self._next_failure(method)
        if failure is not None:
            call.status = failure.status
            headers = (
                {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
            )
            if failure.status == 429:
                return web.json_response(
                    {"ok": False, "error": "ratelimited"}, status=429, headers=headers
                )
            return web.Response(status=failure.status, text="Internal Server Error")

        if method not in REQUIRED_ARGS:
            return _error("unknown_method")
        if method in NO_TOKEN_METHODS:
            return self._oauth_v2_access(request, args)
        if token is None:
            return _error("not_authed")
        workspace = self.tokens.get(token)
        if workspace is None:
            return _error("invalid_auth")
        missing = [name for name in REQUIRED_ARGS[method] if not args.get(name)]
        if missing:
            return _error(
                f"{missing[0]}_not_specified"
                if method != "chat.postMessage"
                else "channel_not_found"
            )
        return getattr(self, "_" + method.replace(".", "_"))(workspace, args)

    async def _upload(self, request: web.Request) -> web.Response:
        file_id = request.match_info["file_id"]
        if file_id not in self.uploads:
            return web.Response(status=404, text="unknown upload")
        self.uploads[file_id] = await request.read()
        return web.Response(text="OK - " + str(len(self.uploads[file_id])))

    def _next_failure(self, method: str) -> _Failure | None:
        queue = self._failures.get(method)
        if not queue:
            return None
        failure = queue[0]
        failure.times -= 1
        if failure.times <= 0:
            queue.pop(0)
        return failure

    # --- methods
    def _auth_test(self, workspace: Workspace, args: dict[str, Any]) -> web.Response:
        return _ok(
            url=f"https://{workspace.team_name.lower()}.slack.com/",
            team=workspace.team_name,
            user="netcoach",
            team_id=workspace.team_id,
            user_id=workspace.bot_user_id,
            bot_id=workspace.bot_id,
            is_enterprise_install=False,
        )

    def _chat_postMessage(self, workspace: Workspace, args: dict[str, Any]) -> web.Response:
        if not args.get("text") and not args.get("blocks"):
            return _error("no_text")
        problem = check_blocks(_json_field(args.get("blocks")), MESSAGE_MAX_BLOCKS)
        if problem:
            return _error("invalid_blocks", errors=[problem])
        ts = f"{1700000000 + next(self._ts)}.000100"
        message = {
            "type": "message",
            "user": workspace.bot_user_id,
            "bot_id": workspace.bot_id,
            "text": args.get("text", ""),
            "ts": ts,
        }
        if args.get("thread_ts"):
            message["thread_ts"] = args["thread_ts"]
        metadata = _json_field(args.get("metadata"))
        self.history.setdefault(str(args["channel"]), []).append({**message, "metadata": metadata})
        return _ok(channel=args["channel"], ts=ts, message=message)

    def _conversations_history(self, workspace: Workspace, args: dict[str, Any]) -> web.Response:
        """Newest first; metadata only with `include_all_metadata`, as Slack does."""
        limit = int(args.get("limit") or 100)
        with_metadata = str(args.get("include_all_metadata")).lower() in {"1", "true"}
        messages = [
            {k: v for k, v in message.items() if k != "metadata" or (with_metadata and v)}
            for message in reversed(self.history.get(str(args["channel"]), []))
        ][:limit]
        return _ok(messages=messages, has_more=False)

    def _chat_update(self, workspace: Workspace, args: dict[str, Any]) -> web.Response:
        problem = check_blocks(_json_field(args.get("blocks")), MESSAGE_MAX_BLOCKS)
        if problem:
            return _error("invalid_blocks", errors=[problem])
        return _ok(channel=args["channel"], ts=args["ts"], text=args.get("text", ""))

    def _chat_postEphemeral(self, workspace: Workspace, args: dict[str, Any]) -> web.Response:
        return _ok(message_ts=f"{1700000000 + next(self._ts)}.000200")

    def _conversations_open(self, workspace: Workspace, args: dict[str, Any]) -> web.Response:
        users = str(args["users"])
        return _ok(channel={"id": f"D{users.split(',')[0]}"}, no_op=False, already_open=False)

    def _files_getUploadURLExternal(
        self, workspace: Workspace, args: dict[str, Any]
    ) -> web.Response:
        if "files:write" in self.missing_scopes:
            return _error("missing_scope", needed="files:write", provided="chat:write")
        file_id = f"F{next(self._ts):06d}"
        self.uploads[file_id] = b""
        upload_url = f"http://127.0.0.1:{self.port}/upload/{file_id}"
        return _ok(upload_url=upload_url, file_id=file_id)

    def _files_completeUploadExternal(
        self, workspace: Workspace, args: dict[str, Any]
    ) -> web.Response:
        files = _json_field(args.get("files"))
        if not isinstance(files, list) or not files:
            return _error("invalid_arguments")
        if any(not self.uploads.get(str(f.get("id"))) for f in files):
            return _error("file_not_found")  # completed before the bytes were uploaded
        return _ok(files=[{"id": f["id"], "title": f.get("title")} for f in files])

    def _views_publish(self, workspace: Workspace, args: dict[str, Any]) -> web.Response:
        view = _json_field(args.get("view"))
        if not isinstance(view, dict) or view.get("type") != "home":
            return _error("invalid_arguments")
        problem = check_blocks(view.get("blocks"), HOME_MAX_BLOCKS)
        if problem:
            return _error("invalid_blocks", errors=[problem])
        return _ok(view={"id": "V0001", "type": "home", "blocks": view.get("blocks", [])})

    def _oauth_v2_access(self, request: web.Request, args: dict[str, Any]) -> web.Response:
        client_id, client_secret = _basic_auth(request.headers.get("Authorization"))
        client_id = client_id or args.get("client_id")
        client_secret = client_secret or args.get("client_secret")
        if not client_id or self.oauth_clients.get(str(client_id)) != client_secret:
            return _error("invalid_client_id")
        workspace = self.oauth_codes.pop(str(args.get("code") or ""), None)
        if workspace is None:
            return _error("invalid_code")
        token = f"xoxb-{workspace.team_id}-installed"
        self.tokens[token] = workspace
        return _ok(
            app_id="A0NETCOACH",
            authed_user={"id": "UINSTALLER"},
            scope="commands,chat:write,chat:write.public,im:history,im:write,files:write",
            token_type="bot",
            access_token=token,
            bot_user_id=workspace.bot_user_id,
            team={"id": workspace.team_id, "name": workspace.team_name},
            enterprise=None,
            is_enterprise_install=False,
        )


# --- helpers
async def _arguments(request: web.Request) -> dict[str, Any]:
    args: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            args.update(body)
    elif request.can_read_body:
        form = await request.post()
        args.update({k: v for k, v in form.items() if isinstance(v, str)})
    return args


def _json_field(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def _bearer(header: str | None) -> str | None:
    if header and header.startswith("Bearer "):
        return header[len("Bearer ") :].strip() or None
    return None


def _basic_auth(header: str | None) -> tuple[str | None, str | None]:
    if not header or not header.startswith("Basic "):
        return None, None
    user, _, password = base64.b64decode(header[6:]).decode().partition(":")
    return user, password


def _ok(**data: Any) -> web.Response:
    return web.json_response({"ok": True, **data})


def _error(code: str, **data: Any) -> web.Response:
    # Slack answers HTTP 200 with ok: false for API errors.
    return web.json_response({"ok": False, "error": code, **data})


def check_blocks(blocks: Any, max_blocks: int) -> str | None:
    """The Block Kit limits Slack enforces, as its `invalid_blocks` error would report them."""
    if blocks is None:
        return None
    if not isinstance(blocks, list):
        return "blocks must be an array"
    if len(blocks) > max_blocks:
        return f"more than {max_blocks} blocks"
    for i, block in enumerate(blocks):
        problem = _check_block(block)
        if problem:
            return f"block {i}: {problem}"
    return None


def _check_block(block: Mapping[str, Any]) -> str | None:
    kind = block.get("type")
    if kind == "section":
        text = (block.get("text") or {}).get("text")
        fields = block.get("fields") or []
        if text is None and not fields:
            return "section needs text or fields"
        if text is not None and not 1 <= len(text) <= SECTION_TEXT_MAX:
            return "section text length"
        if len(fields) > FIELDS_PER_SECTION:
            return "too many fields"
        if any(len(f.get("text", "")) > FIELD_TEXT_MAX for f in fields):
            return "field text length"
        return None
    if kind == "actions":
        elements = block.get("elements") or []
        if not 1 <= len(elements) <= BUTTONS_PER_ACTIONS_BLOCK:
            return "actions element count"
        ids = [e.get("action_id") for e in elements]
        if len(set(ids)) != len(ids):
            return "duplicate action_id"
        for element in elements:
            if len(element["text"]["text"]) > BUTTON_TEXT_MAX:
                return "button text length"
            if not 1 <= len(element.get("value", "")) <= BUTTON_VALUE_MAX:
                return "button value length"
        return None
    if kind in {"context", "divider", "header"}:
        return None
    return f"unknown block type {kind!r}"
