"""The server's access log: who, method, path, status and time, one line per request.

aiohttp's format codes cannot print a path without its query string (`%r` is the whole request
line), and a query string can carry an OAuth `code` and `state`; so this logger writes the path
alone. (`%m` and `%U` are not aiohttp codes: they used to print literally.)
"""

from __future__ import annotations

from aiohttp.abc import AbstractAccessLogger, BaseRequest, StreamResponse


class AccessLogger(AbstractAccessLogger):
    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        self.logger.info(
            "%s %s %s %s %.1f ms",
            request.remote or "-",
            request.method,
            request.path,
            response.status,
            time * 1000,
        )
