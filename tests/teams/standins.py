"""Stand-ins for Microsoft on loopback: the Bot Connector (where replies go) and the Bot Framework
OpenID metadata with its signing keys (what inbound tokens are checked against).

Both behave like the real services where the bot can tell: the connector answers 200 with an
activity id, updates (PUT) only activities it sent in that conversation (404 otherwise),
URL-decodes conversation ids, and can be told to answer 429 (with Retry-After), 412, 502, 504
or 403 next; the metadata endpoint serves a `jwks_uri` whose keys carry
endorsements, and tokens are RS256 JWTs with the claims the Bot Framework service sends.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tests.teams.cardnodes import TEXT_KEYS, card_texts, submits

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"


@dataclass
class Recorded:
    method: str
    path: str
    conversation_id: str
    reply_to_id: str | None
    authorization: str | None
    body: dict[str, Any]
    at: float
    peer_port: int | None = None  # the bot's side of the TCP connection
    id: str | None = None  # the activity id the connector answered with

    @property
    def text(self) -> str | None:
        return self.body.get("text")

    @property
    def card(self) -> dict[str, Any] | None:
        for attachment in self.body.get("attachments") or []:
            if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
                return attachment["content"]
        return None

    def card_text(self) -> str:
        """Every text in the card (TextBlocks, facts, button titles), for assertions."""
        return "\n".join(card_texts(self.card, (*TEXT_KEYS, "fallbackText")))

    @property
    def updated_id(self) -> str | None:
        """The id of the activity this call replaced (None for a new message)."""
        return self.reply_to_id if self.method == "PUT" else None

    def commands(self) -> list[str]:
        """The command of every Action.Submit button in the card."""
        return [data["command"] for data in self.submits()]

    def submits(self) -> list[dict[str, Any]]:
        """The data of every Action.Submit button in the card: what Teams posts on a click."""
        return [button["data"] for button in submits(self.card)]


@dataclass
class StandInConnector:
    """The Bot Connector REST API's message endpoints, recording every call."""

    required_token: str | None = None
    sent: list[Recorded] = field(default_factory=list)
    attempts: list[tuple[str, int]] = field(default_factory=list)  # (conversation id, status)
    _failures: deque[tuple[int, dict[str, str]]] = field(default_factory=deque)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1000))
    _issued: set[tuple[str, str]] = field(default_factory=set)  # (conversation id, activity id)
    _arrived: asyncio.Event | None = None

    def fail_next(self, status: int, times: int = 1, retry_after: str | None = None) -> None:
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        for _ in range(times):
            self._failures.append((status, headers))

    def routes(self, prefix: str) -> list[web.RouteDef]:
        return [
            web.post(prefix + "/v3/conversations/{conversation_id}/activities", self._post),
            web.post(
                prefix + "/v3/conversations/{conversation_id}/activities/{activity_id}", self._post
            ),
            web.put(
                prefix + "/v3/conversations/{conversation_id}/activities/{activity_id}", self._put
            ),
        ]

    async def _put(self, request: web.Request) -> web.Response:
        """UpdateActivity: replaces a message this connector sent, in its own conversation."""
        return await self._post(request)

    async def _post(self, request: web.Request) -> web.Response:
        conversation_id = request.match_info["conversation_id"]
        activity_id = request.match_info.get("activity_id")
        authorization = request.headers.get("Authorization")
        if self.required_token is not None and authorization != f"Bearer {self.required_token}":
            self.attempts.append((conversation_id, 401))
            return _error(401, "Unauthorized", "Authorization has been denied for this request.")
        if self._failures:
            status, headers = self._failures.popleft()
            self.attempts.append((conversation_id, status))
            return _error(status, _CODES.get(status, "ServiceError"), "stand-in failure", headers)
        updating = request.method == "PUT"
        if updating and (conversation_id, activity_id) not in self._issued:
            self.attempts.append((conversation_id, 404))
            return _error(404, "ActivityNotFound", "The activity was not found.")
        body = await request.json()
        self.attempts.append((conversation_id, 200))
        new_id = str(activity_id) if updating else str(next(self._ids))
        self._issued.add((conversation_id, new_id))
        self.sent.append(
            Recorded(
                method=request.method,
                path=request.path,
                conversation_id=conversation_id,
                reply_to_id=activity_id,
                authorization=authorization,
                body=body,
                at=time.monotonic(),
                peer_port=(request.transport.get_extra_info("peername") or (None, None))[1]
                if request.transport
                else None,
                id=new_id,
            )
        )
        if self._arrived is not None:
            self._arrived.set()
        return web.json_response({"id": new_id})

    async def wait_for(self, count: int, timeout: float = 5.0) -> list[Recorded]:
        """Replies are sent during the request, but proactive ones may still be on their way."""
        deadline = time.monotonic() + timeout
        while len(self.sent) < count:
            self._arrived = asyncio.Event()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"expected {count} messages, got {len(self.sent)}")
            try:
                await asyncio.wait_for(self._arrived.wait(), remaining)
            except TimeoutError:
                continue
        return self.sent


_CODES = {
    403: "BotNotInConversationRoster",
    404: "ConversationNotFound",
    412: "PreconditionFailed",
    429: "TooManyRequests",
    502: "BadGateway",
    504: "GatewayTimeout",
}


def _error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> web.Response:
    return web.json_response(
        {"error": {"code": code, "message": message}}, status=status, headers=headers
    )


@functools.cache
def _rsa_key(name: str) -> rsa.RSAPrivateKey:
    # Generating 2048-bit keys takes a noticeable fraction of a second: once per test session.
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class SigningKeys:
    """An RSA key published in the stand-in JWKS, and another that is not (for forged tokens)."""

    def __init__(self) -> None:
        self.kid = "stand-in-key-1"
        self.key = _rsa_key("published")
        self.forger = _rsa_key("forger")

    def jwks(self) -> dict[str, Any]:
        jwk = RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        jwk.update(kid=self.kid, use="sig", endorsements=["msteams", "emulator"])
        return {"keys": [jwk]}

    def token(
        self,
        *,
        audience: str,
        service_url: str,
        issuer: str = BOT_FRAMEWORK_ISSUER,
        expires_in: int = 3600,
        forged: bool = False,
        kid: str | None = None,
    ) -> str:
        now = int(time.time())
        claims = {
            "iss": issuer,
            "aud": audience,
            "serviceurl": service_url,
            "nbf": now - 60,
            "iat": now - 60,
            "exp": now + expires_in,
        }
        return jwt.encode(
            claims,
            self.forger if forged else self.key,
            algorithm="RS256",
            headers={"kid": kid or self.kid},
        )


class StandInMicrosoft:
    """One loopback server holding the connector and the OpenID metadata; port 0."""

    def __init__(self, connector: StandInConnector | None = None) -> None:
        self.connector = connector or StandInConnector()
        self.keys = SigningKeys()
        self.metadata_requests = 0
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    @property
    def service_url(self) -> str:
        return f"{self.base_url}/teams/"

    @property
    def metadata_url(self) -> str:
        return f"{self.base_url}/v1/.well-known/openidconfiguration"

    async def start(self) -> StandInMicrosoft:
        app = web.Application()
        # The connector lives under the serviceUrl's path, as Teams' regional ones do.
        app.add_routes(self.connector.routes("/teams"))
        app.add_routes(
            [
                web.get("/v1/.well-known/openidconfiguration", self._metadata),
                web.get("/v1/.well-known/keys", self._keys),
            ]
        )
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _metadata(self, request: web.Request) -> web.Response:
        self.metadata_requests += 1
        return web.json_response(
            {
                "issuer": BOT_FRAMEWORK_ISSUER,
                "jwks_uri": f"{self.base_url}/v1/.well-known/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        )

    async def _keys(self, request: web.Request) -> web.Response:
        return web.json_response(self.keys.jwks())


class SilentEndpoint:
    """A key endpoint that accepts connections and never answers (port 0, its own thread).

    `connections` counts the connections made to it: how many fetches were started.
    """

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self._accepted: list[socket.socket] = []
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="silent-endpoint", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        port = self._listener.getsockname()[1]
        return f"http://127.0.0.1:{port}/v1/.well-known/openidconfiguration"

    @property
    def connections(self) -> int:
        return len(self._accepted)

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._accepted.append(connection)

    def stop(self) -> None:
        """Close every connection, so anything still waiting on it fails at once."""
        self._stopped.set()
        self._thread.join()
        for connection in self._accepted:
            connection.close()
        self._listener.close()
