"""Logging set-up shared by the server and the Slack worker process.

Bolt's request verification logs a rejected request's whole body (DM text included) at INFO,
and slack_sdk logs request bodies at DEBUG: both stay at WARNING whatever the level asked for.
"""

from __future__ import annotations

import logging

QUIET_LOGGERS = ("slack_bolt", "slack_sdk")


class _DropClientOverTokenNotice(logging.Filter):
    """AsyncApp reads SLACK_BOT_TOKEN from the environment by itself and then warns that the
    client we pass (carrying that same token and our base URL) wins. That is the intent."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("As you gave `client` as well")


def quiet_slack_loggers() -> None:
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    app_logger = logging.getLogger("slack_bolt.AsyncApp")
    if not any(isinstance(f, _DropClientOverTokenNotice) for f in app_logger.filters):
        app_logger.addFilter(_DropClientOverTokenNotice())


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=getattr(logging, level, logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    quiet_slack_loggers()
    # Migration chatter ("setup plugin …") at every start-up says nothing an operator needs.
    logging.getLogger("alembic").setLevel(logging.WARNING)
