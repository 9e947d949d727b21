"""Microsoft Teams channel. Every botbuilder import in the project lives in this package.

- `routes`: `add_routes(app, services)` mounts `POST /api/messages`; `build_channel` wires it all.
- `bot`: the `TeamsActivityHandler` (messages, card buttons, install and uninstall).
- `incoming`, `references`: activity → core `Incoming`; stored conversation references.
- `cards`, `review_card`, `activities`: core `Reply` → Adaptive Cards and message activities.
- `adapter`, `delivery`, `connectors`, `auth`, `compat`: CloudAdapter with pacing, retries, pooled
  connector clients and token validation off the event loop.
- `notifier`: proactive nudges and digests (`bot.core.ports.Notifier`).
- `validation`, `package`, `icons`: start-up checks and the Teams app package (no botbuilder).

Importing this package imports nothing from botbuilder; its modules do.
"""
