"""What each command does, how to write it, and an example. The parser's errors point here."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.messages import Action, Reply, Section


@dataclass(frozen=True)
class CommandHelp:
    name: str
    usage: str
    summary: str
    examples: tuple[str, ...]


COMMAND_HELP: tuple[CommandHelp, ...] = (
    CommandHelp(
        "met",
        "met <person> [at <where>] [on <date>|yesterday] [— note]",
        "Log a meeting. I schedule a follow-up 3 days later, inside the 10-day window.",
        ("met Jane Doe at PyCon yesterday — asked about Rust hiring", "met @Ana Ruiz on 3 March"),
    ),
    CommandHelp(
        "follow-up",
        "follow-up <person|#id> [in N days|tomorrow|on <date>|next <weekday>] [note]",
        "Schedule or move a follow-up. Never later than 10 days after you met.",
        ("follow-up Jane Doe in 2 days send the talk link", "follow-up #4 next friday"),
    ),
    CommandHelp(
        "list",
        "list",
        "Your open follow-ups, overdue first, with the days left in each 10-day window.",
        ("list",),
    ),
    CommandHelp(
        "done",
        "done <person|#id>",
        "Mark a follow-up done. After the first one I schedule a second touch 14 days later "
        "(the rule of two).",
        ("done Jane Doe", "done #4"),
    ),
    CommandHelp(
        "snooze",
        "snooze <person|#id> [N days]",
        "Push a follow-up back (2 days unless you say), never past day 10 after meeting.",
        ("snooze #4", "snooze Jane Doe 3 days"),
    ),
    CommandHelp(
        "cancel",
        "cancel <person|#id>",
        "Drop a follow-up (or a second touch) you no longer plan to send.",
        ("cancel #4", "cancel Jane Doe"),
    ),
    CommandHelp(
        "review",
        "review <draft>",
        "Check a draft before you send it: value first, no hard sell. In a direct message you "
        "can also just paste the draft.",
        ("review Hi Jane, great meeting you at PyCon — here is the article I mentioned.",),
    ),
    CommandHelp(
        "stats",
        "stats [week|month]",
        "Your follow-ups and draft reviews over the last 7 or 30 days.",
        ("stats", "stats month"),
    ),
    CommandHelp(
        "digest",
        "digest here [weekday] [HH:MM] | digest off | digest preview",
        "A weekly team digest in this channel (Monday 09:00 unless you say).",
        ("digest here friday 16:00", "digest preview", "digest off"),
    ),
    CommandHelp(
        "settings",
        "settings [timezone <zone>|hours <start>-<end>|shoutouts on|off|store-drafts on|off]",
        "Your time zone and working hours (nudges only arrive in them), shout-outs in the "
        "digest, and whether I may keep the text of your drafts.",
        ("settings timezone Europe/Berlin", "settings hours 08:30-17:00", "settings shoutouts on"),
    ),
    CommandHelp("export", "export", "Everything I keep about you, as JSON.", ("export",)),
    CommandHelp(
        "forget-me",
        "forget-me [confirm]",
        "Delete every record about you. I ask once before I do it.",
        ("forget-me",),
    ),
    CommandHelp(
        "feedback",
        "feedback <review-id> helpful|wrong-flag",
        "Tell me whether a draft review helped (the buttons under a review send this).",
        ("feedback 12 helpful",),
    ),
    CommandHelp(
        "help", "help [command]", "This overview, or the details of one command.", ("help met",)
    ),
)

HELP_BY_NAME: dict[str, CommandHelp] = {h.name: h for h in COMMAND_HELP}


def usage_line(name: str) -> str:
    return f"`{HELP_BY_NAME[name].usage}`"


def example(name: str) -> str:
    return f"`{HELP_BY_NAME[name].examples[0]}`"


def overview_reply(prefix: str | None = None) -> Reply:
    lines = [f"• `{h.usage}` — {h.summary}" for h in COMMAND_HELP]
    intro = "Here is what I can do. Type `help <command>` for examples."
    text = "\n".join([*([prefix] if prefix else []), intro, *lines])
    return Reply(
        text=text,
        actions=(Action("My follow-ups", "list"), Action("My stats", "stats")),
    )


def command_reply(name: str, prefix: str | None = None) -> Reply:
    entry = HELP_BY_NAME[name]
    examples = "\n".join(f"• `{e}`" for e in entry.examples)
    body = f"**{entry.name}** — {entry.summary}\nUsage: `{entry.usage}`\nExamples:\n{examples}"
    return Reply(
        text="\n".join([*([prefix] if prefix else []), body]),
        sections=(),
    )


def unknown_command_reply(word: str, suggestion: str | None) -> Reply:
    if suggestion:
        prefix = f"I don't know the command `{word}`. Did you mean `{suggestion}`?"
        base = overview_reply(prefix)
        return Reply(
            text=base.text,
            sections=(Section(text=f"Try: {example(suggestion)}"),),
            actions=(Action(f"help {suggestion}", f"help {suggestion}"), *base.actions),
        )
    return overview_reply(f"I don't know the command `{word}`.")
