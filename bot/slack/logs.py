"""Logging set-up shared by the server and the Slack worker process.

Framework loggers stay at WARNING whatever level is asked for, because below that they write
what people typed, tokens or OAuth codes: Bolt logs a rejected request's whole body at INFO and
the OAuth `code` at DEBUG; slack_sdk logs request bodies at DEBUG; aiosqlite logs every SQL
statement with its parameters (the OAuth state, installations) at DEBUG. (SQLAlchemy keeps its
own loggers at WARNING; msrest, as botbuilder configures it, logs no bodies.)

Bolt's loggers need more than a level on `slack_bolt`: each of its middleware and listener
loggers (`slack_bolt.AsyncRequestVerification`, …) is given its own level when the app is built,
copied from the app's logger if the app has one, else from the root logger (DEBUG under
NETCOACH_LOG_LEVEL=DEBUG). So the app is built with `bolt_logger()`, and they copy WARNING.
"""

from __future__ import annotations

import logging

# aiosqlite serves the Slack OAuth stores only (the installation and state tables).
QUIET_LOGGERS = ("slack_bolt", "slack_sdk", "aiosqlite")
BOLT_APP_LOGGER = "slack_bolt.AsyncApp"


class _DropClientOverTokenNotice(logging.Filter):
    """AsyncApp reads SLACK_BOT_TOKEN from the environment by itself and then warns that the
    client we pass (carrying that same token and our base URL) wins. That is the intent."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("As you gave `client` as well")


def quiet_slack_loggers() -> None:
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    bolt_logger()


def bolt_logger() -> logging.Logger:
    """The logger to build Bolt's app (and OAuth flow) with: WARNING, whatever the root says."""
    logger = logging.getLogger(BOLT_APP_LOGGER)
    logger.setLevel(logging.WARNING)
    if not any(isinstance(f, _DropClientOverTokenNotice) for f in logger.filters):
        logger.addFilter(_DropClientOverTokenNotice())
    return logger


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=getattr(logging, level, logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    quiet_slack_loggers()
    # Migration chatter ("setup plugin …") at every start-up says nothing an operator needs.
    logging.getLogger("alembic").setLevel(logging.WARNING)
