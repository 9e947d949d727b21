"""Network Coach: the bot (core, channels, scheduler, server, CLI)."""
