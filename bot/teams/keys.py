"""The Bot Framework's signing keys, fetched so that a flood of forged tokens hurts only itself.

botbuilder 4.17 fetches the OpenID metadata and its JWKS with `requests.get` and no time-out,
every time a token names a key it does not know (at most hourly) or the keys are a day old, from
whatever thread validates the token. Run on the shared thread pool, a key endpoint that never
answers took that pool (and with it `/healthz`, the store and the sweep) down with it.

`GuardedOpenIdMetadata` replaces botbuilder's per-URL metadata object (`install()` swaps it in):

- fetches run on their own small executor, never the event loop's default pool;
- each fetch is bounded by `FETCH_TIMEOUT_SECONDS`, and a waiter gives up at the same deadline;
- at most one fetch per URL is in flight; every token waiting for keys shares it;
- keys are cached for a day, an unknown key id refreshes them at most every few minutes;
- after a failed fetch, tokens are answered "unavailable" at once for `FAILURE_BACKOFF_SECONDS`
  (a short negative cache) instead of each starting a fetch.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import requests
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from jwt.algorithms import RSAAlgorithm

logger = logging.getLogger(__name__)

FETCH_TIMEOUT_SECONDS = 5.0
KEYS_FRESH_SECONDS = 24 * 60 * 60
UNKNOWN_KEY_REFRESH_SECONDS = 5 * 60
FAILURE_BACKOFF_SECONDS = 15.0
FETCH_THREADS = 2


class SigningKeysUnavailable(RuntimeError):
    """The signing keys could not be fetched in time; no token can be judged right now."""


@dataclass(frozen=True)
class SigningKey:
    """What botbuilder's `JwtTokenExtractor` reads from a looked-up key."""

    public_key: Any
    endorsements: list[str]


_executor_lock = threading.Lock()
_executor: concurrent.futures.ThreadPoolExecutor | None = None


def _fetch_executor() -> concurrent.futures.ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = concurrent.futures.ThreadPoolExecutor(
                max_workers=FETCH_THREADS, thread_name_prefix="teams-keys"
            )
        return _executor


def download_keys(metadata_url: str, timeout: float) -> list[dict[str, Any]]:
    """The JWKS the OpenID metadata at `metadata_url` points to (blocking; runs on the executor)."""
    metadata = requests.get(metadata_url, timeout=timeout)
    metadata.raise_for_status()
    keys = requests.get(metadata.json()["jwks_uri"], timeout=timeout)
    keys.raise_for_status()
    found = keys.json()["keys"]
    if not isinstance(found, list):
        raise ValueError("the JWKS has no key list")
    return found


class GuardedOpenIdMetadata:
    """Drop-in for botbuilder's `_OpenIdMetadata`: `await get(key_id)` → key, or None if unknown."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float | None = None,
        failure_backoff: float | None = None,
    ) -> None:
        self.url = url
        self.timeout = FETCH_TIMEOUT_SECONDS if timeout is None else timeout
        self.failure_backoff = (
            FAILURE_BACKOFF_SECONDS if failure_backoff is None else failure_backoff
        )
        self.fetches = 0  # fetches started, for tests and diagnostics
        self._keys: list[dict[str, Any]] = []
        self._fetched_at = float("-inf")
        self._failed_at = float("-inf")
        self._lock = threading.Lock()  # event loops of several threads may share this object
        self._inflight: concurrent.futures.Future[list[dict[str, Any]]] | None = None
        self._inflight_started = 0.0

    async def get(self, key_id: str | None) -> SigningKey | None:
        now = time.monotonic()
        if now - self._fetched_at > KEYS_FRESH_SECONDS:
            await self._refresh(required=not self._keys)
        key = self._find(key_id)
        if key is None and time.monotonic() - self._fetched_at > UNKNOWN_KEY_REFRESH_SECONDS:
            await self._refresh(required=False)
            key = self._find(key_id)
        return key

    async def _refresh(self, *, required: bool) -> None:
        """Fetch new keys (sharing a fetch already in flight). When it fails: raise if there are
        no keys to fall back on (`required`), else keep the old ones."""
        if time.monotonic() - self._failed_at < self.failure_backoff:
            if required:
                raise SigningKeysUnavailable("the last key fetch failed moments ago")
            return
        future, deadline = self._start_or_join()
        try:
            keys = await _wait(future, deadline - time.monotonic())
        except Exception as error:
            self._failed(future, error)
            if required:
                raise SigningKeysUnavailable("signing keys unavailable") from error
            return
        with self._lock:
            if self._inflight is future:
                self._keys, self._fetched_at, self._inflight = keys, time.monotonic(), None

    def _start_or_join(self) -> tuple[concurrent.futures.Future[list[dict[str, Any]]], float]:
        with self._lock:
            if self._inflight is None:
                self.fetches += 1
                self._inflight_started = time.monotonic()
                self._inflight = _fetch_executor().submit(download_keys, self.url, self.timeout)
            return self._inflight, self._inflight_started + self.timeout

    def _failed(self, future: concurrent.futures.Future[Any], error: BaseException) -> None:
        with self._lock:
            if self._inflight is not future:
                return  # another waiter already recorded this fetch's end
            self._inflight = None
            self._failed_at = time.monotonic()
        logger.error(
            "Could not fetch the Bot Framework signing keys from %s: %s; answering 503 for %.0f s",
            self.url,
            type(error).__name__,
            self.failure_backoff,
        )

    def _find(self, key_id: str | None) -> SigningKey | None:
        for key in self._keys:
            if isinstance(key, dict) and key.get("kid") == key_id:
                return SigningKey(
                    public_key=RSAAlgorithm.from_jwk(json.dumps(key)),
                    endorsements=list(key.get("endorsements") or []),
                )
        return None


async def _wait(future: concurrent.futures.Future[Any], seconds: float) -> Any:
    if seconds <= 0:
        raise TimeoutError("the key fetch took too long")
    waiter = asyncio.wrap_future(future)
    # A waiter that gave up still gets the fetch's end: retrieve it so it is not logged.
    waiter.add_done_callback(lambda done: done.cancelled() or done.exception())
    # asyncio.wait, not wait_for: giving up must not cancel the fetch the other waiters share.
    done, _ = await asyncio.wait({waiter}, timeout=seconds)
    if not done:
        raise TimeoutError("the key fetch took too long")
    return waiter.result()


def _guarded_metadata(metadata_url: str) -> GuardedOpenIdMetadata:
    # botbuilder's own cache dict holds them, so whatever clears it (tests) clears these too.
    cache = JwtTokenExtractor.metadataCache
    metadata = cache.get(metadata_url)
    if not isinstance(metadata, GuardedOpenIdMetadata):
        metadata = GuardedOpenIdMetadata(metadata_url)
        cache[metadata_url] = metadata
    return metadata


def install() -> None:
    """Make every botbuilder token check use `GuardedOpenIdMetadata` (idempotent)."""
    JwtTokenExtractor.get_open_id_metadata = staticmethod(_guarded_metadata)  # type: ignore[method-assign]
