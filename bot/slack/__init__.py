"""The Slack channel: Bolt listeners that ack and submit work, jobs that translate between
Slack payloads and the core, Block Kit rendering, OAuth installs and the Slack notifier.

Map: `app` builds the Bolt app; `listeners` ack; `jobs` do the work (in this process or in
the `worker` process); `blocks` / `mrkdwn` render replies; `oauth` stores installations
encrypted; `notifier` sends nudges and digests; `registry` names every entry point that
manifest.yml declares.
"""
