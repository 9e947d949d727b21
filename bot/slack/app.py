"""Build the Bolt `AsyncApp` for the configured install mode, with every listener registered.

`process_before_response=True`: each listener runs inline, acks, submits its work
(`bot.slack.work`) and returns, so the HTTP answer leaves as soon as the listener returns.
With Bolt's default (False) the listener runs as a separate task and Bolt polls for the ack
every 10 ms, which puts 10 ms on every slash command's ack for nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.client import DEFAULT_POST_INTERVAL_SECONDS, ChannelPacer, build_web_client
from bot.slack.deps import SlackDeps
from bot.slack.errors import on_error
from bot.slack.lanes import threads_for
from bot.slack.listeners import register_listeners
from bot.slack.logs import bolt_logger, quiet_slack_loggers
from bot.slack.settings_check import SlackMode, slack_mode
from bot.slack.work import InProcessWork, WorkRunner
from bot.slack.workspaces import WorkspaceClients

if TYPE_CHECKING:
    from bot.bootstrap import Services
    from bot.slack.oauth import OAuthStores


@dataclass
class SlackRuntime:
    app: AsyncApp
    deps: SlackDeps  # this process's clients and pacer (the scheduler's notifier uses them)
    work: WorkRunner  # where the work behind each request runs
    mode: SlackMode
    oauth: OAuthStores | None = None


def build_slack_app(
    services: Services,
    *,
    client: AsyncWebClient | None = None,
    post_interval_seconds: float = DEFAULT_POST_INTERVAL_SECONDS,
    work_in_subprocess: bool = False,
) -> SlackRuntime:
    """Raises SettingsError when the Slack settings are off or inconsistent.

    `work_in_subprocess`: run the work behind requests in the Slack worker process (what
    `netcoach serve` does); otherwise as tasks of this event loop (tests inject fakes there).
    """
    settings = services.settings
    mode = slack_mode(settings.slack, settings.encryption_key)
    if mode is SlackMode.OFF:
        raise ValueError("Slack is not configured; check slack_mode() before building the app.")
    quiet_slack_loggers()

    oauth: OAuthStores | None = None
    if mode is SlackMode.OAUTH:
        from bot.slack.oauth import OAuthStores, oauth_settings

        oauth = OAuthStores(settings)
        web_client = client or build_web_client(settings.slack)
        app = AsyncApp(
            client=web_client,
            signing_secret=settings.slack.signing_secret,
            oauth_settings=oauth_settings(settings, oauth),
            process_before_response=True,
            name="netcoach",
            logger=bolt_logger(),
        )
    else:
        web_client = client or build_web_client(settings.slack, token=settings.slack.bot_token)
        app = AsyncApp(
            client=web_client,
            signing_secret=settings.slack.signing_secret,
            process_before_response=True,
            name="netcoach",
            logger=bolt_logger(),
        )

    deps = SlackDeps(
        services=services,
        pacer=ChannelPacer(post_interval_seconds),
        clients=WorkspaceClients(app.client, oauth.installations if oauth else None),
        installation_store=oauth.installations if oauth else None,
        work_threads=threads_for(settings.database_url),
    )
    work: WorkRunner
    if work_in_subprocess:
        from bot.slack.worker import ProcessWork

        work = ProcessWork(settings, post_interval_seconds)
    else:
        work = InProcessWork(deps)
    app.error(on_error)
    register_listeners(app, work)
    return SlackRuntime(app=app, deps=deps, work=work, mode=mode, oauth=oauth)
