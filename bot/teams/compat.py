"""Work-arounds for botbuilder 4.17 / msrest 0.7 behaviour, applied when the Teams channel loads.

msrest's `ClientRetryPolicy.__init__` tests each of 999 status codes against a 500-item *list*
(`safe_codes`), and botbuilder builds two such policies for every incoming activity (connector
and token clients): about 20 ms of event-loop CPU per message on this machine. The same codes as
a frozenset give the same retry policy in microseconds.
"""

from __future__ import annotations

from msrest.universal_http.requests import ClientRetryPolicy


def apply() -> None:
    if not isinstance(ClientRetryPolicy.safe_codes, frozenset):
        ClientRetryPolicy.safe_codes = frozenset(ClientRetryPolicy.safe_codes)  # type: ignore[assignment]


apply()
