"""What each command does, how to write it, and an example. The parser's errors point here."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.dates import plural
from bot.core.messages import Action, Reply, Section
from bot.core.rules import DEFAULT_DUE_DAYS, DEFAULT_SNOOZE_DAYS, SECOND_TOUCH_DAYS, WINDOW_DAYS


@dataclass(frozen=True)
class CommandHelp:
    """One command's spec: the words that start it, everyday phrasings that mean it, how to
    write it, what it does and examples. The parser, help and "did you mean" are built from it."""

    name: str
    usage: str
    summary: str
    examples: tuple[str, ...]
    # Other words that start the command ("ls" for list).
    words: tuple[str, ...] = ()
    # (regex over the whole line, command text it means); `{rest}` is the regex's `rest` group.
    phrasings: tuple[tuple[str, str], ...] = ()
    # Shown in the overview; hidden ones still work (feedback is sent by buttons).
    listed: bool = True


_WHO = r"(?P<rest>.+?)"
_TAIL = r"[\s?!.]*"

COMMAND_HELP: tuple[CommandHelp, ...] = (
    CommandHelp(
        "met",
        "met <person> [at <where>] [when] [, note]",
        f"Log a meeting. I schedule a follow-up {plural(DEFAULT_DUE_DAYS, 'day')} later, "
        f"inside the {WINDOW_DAYS}-day window.",
        ("met Jane Doe at PyCon yesterday, asked about Rust hiring", "met @Ana Ruiz on 3 March"),
        words=("meet",),
        phrasings=(
            (
                r"(?:(?:i|we)\s+)?(?:just\s+|also\s+|finally\s+)?(?:met|(?:ran|bumped) into|"
                r"had (?:coffee|lunch|a (?:call|chat|coffee)) with|caught up with|chatted with|"
                r"got to know|was introduced to)\s+(?P<rest>.+)",
                "met {rest}",
            ),
            (
                r"(?:please\s+)?(?:log|record|add|note)\s+(?:a\s+|my\s+)?(?:meeting|coffee|chat)"
                r"\s+with\s+(?P<rest>.+)",
                "met {rest}",
            ),
        ),
    ),
    CommandHelp(
        "follow-up",
        "follow-up <person|#id> [when] [note]",
        f"Schedule or move a follow-up. Never later than {WINDOW_DAYS} days after you met.",
        ("follow-up Jane Doe in 2 days send the talk link", "follow-up #4 next friday"),
        words=("followup", "follow_up", "fu"),
        phrasings=(
            (
                r"(?:please\s+)?(?:(?:can|could) you\s+)?remind me\s+(?:to\s+)?"
                r"(?:follow[- ]?up|reach out|write|get back|check in|ping|email|text|message|call)"
                r"\s+(?:with\s+|to\s+)?(?P<rest>.+)",
                "follow-up {rest}",
            ),
            (r"(?:please\s+)?remind me (?:about|of)\s+(?P<rest>.+)", "follow-up {rest}"),
            (
                r"(?:i\s+)?(?:need|have|want|should|must|got)\s+(?:to\s+)?"
                r"(?:follow[- ]?up|reach out|get back|check in)\s+(?:with\s+|to\s+)?(?P<rest>.+)",
                "follow-up {rest}",
            ),
            (
                r"(?:please\s+)?(?:set|schedule|add|plan|create|book)\s+(?:up\s+)?(?:a|the)\s+"
                r"follow[- ]?up\s+(?:with|for)\s+(?P<rest>.+)",
                "follow-up {rest}",
            ),
            (r"follow[- ]?up\s+with\s+(?P<rest>.+)", "follow-up {rest}"),
        ),
    ),
    CommandHelp(
        "list",
        "list [overdue|all]",
        f"Your open follow-ups, overdue first, with the days left in each {WINDOW_DAYS}-day "
        "window. `list overdue` shows only the late ones.",
        ("list", "list overdue"),
        words=("ls",),
        phrasings=(
            (
                r"(?:what(?:'s| is| are)|which|who(?:'s| is)?|show(?: me)?|any)\s+(?:(?:are|is)\s+)?"
                r"(?:my\s+)?overdue(?:\s+(?:follow[- ]?ups?|ones|people))?" + _TAIL,
                "list overdue",
            ),
            (
                r"(?:what(?:'s| is| are)|which|any|show(?: me)?)?\s*(?:my\s+)?(?:follow[- ]?ups?\s+)?"
                r"(?:are\s+)?(?:overdue|late)" + _TAIL,
                "list overdue",
            ),
            (
                r"(?:what(?:'s| is)|anything|is anything|what do i have)\s+(?:due|coming up|on my plate)"
                r"(?:\s+(?:today|this week|soon))?" + _TAIL,
                "list",
            ),
            (
                r"(?:show|list|see|view|give)(?: me)?\s+(?:all\s+)?(?:of\s+)?(?:my\s+)?"
                r"(?:open\s+)?(?:follow[- ]?ups?|reminders|list)" + _TAIL,
                "list",
            ),
            (
                r"(?:who|whom)\s+(?:do|should|must)\s+i\s+(?:need to\s+)?(?:follow[- ]?up"
                r"|write|reach out|get back)(?:\s+(?:with|to))?(?:\s+(?:today|this week|next))?"
                + _TAIL,
                "list",
            ),
            (r"(?:my\s+)?(?:follow[- ]?ups|to-?dos?)" + _TAIL, "list"),
        ),
    ),
    CommandHelp(
        "done",
        "done <person|#id>",
        "Mark a follow-up done. After the first one I schedule a second touch "
        f"{SECOND_TOUCH_DAYS} days later (the rule of two).",
        ("done Jane Doe", "done #4"),
        words=("did",),
        phrasings=(
            (
                r"(?:i\s+)?(?:just\s+|already\s+|finally\s+)?(?:followed up|wrote|reached out|"
                r"got back|checked in|emailed|messaged|texted|called|pinged|replied|sent a note)"
                r"\s+(?:with\s+|to\s+)?(?P<rest>.+)",
                "done {rest}",
            ),
            (
                r"(?:please\s+)?mark\s+(?P<rest>.+?)\s+(?:as\s+)?(?:done|complete|completed)"
                + _TAIL,
                "done {rest}",
            ),
            (r"(?P<rest>.+?)\s+is\s+(?:done|complete|sorted)" + _TAIL, "done {rest}"),
            (
                r"(?:finished|completed)\s+(?:the\s+)?(?:follow[- ]?up\s+)?(?:with\s+)?"
                r"(?P<rest>.+)",
                "done {rest}",
            ),
        ),
    ),
    CommandHelp(
        "snooze",
        "snooze <person|#id> [N days|until <day>]",
        f"Push a follow-up back ({DEFAULT_SNOOZE_DAYS} days unless you say), never past day "
        f"{WINDOW_DAYS} after meeting.",
        ("snooze #4", "snooze Jane Doe 3 days", "snooze Dana until Monday"),
        words=("postpone", "push", "delay", "defer"),
        phrasings=(
            (
                r"(?:please\s+)?(?:push|move|bump|shift|postpone|delay|defer|put off)\s+"
                r"(?:back\s+)?(?:the\s+)?(?:follow[- ]?up\s+)?(?:with\s+|for\s+)?(?P<rest>.+)",
                "snooze {rest}",
            ),
            (r"remind me (?:later|again) about\s+(?P<rest>.+)", "snooze {rest}"),
        ),
    ),
    CommandHelp(
        "cancel",
        "cancel <person|#id>",
        "Drop a follow-up (or a second touch) you no longer plan to send.",
        ("cancel #4", "cancel Jane Doe"),
        words=("drop",),
        phrasings=(
            (
                r"(?:please\s+)?(?:stop|quit|no more)\s+(?:reminding me|reminders|nudging me|"
                r"nudges)\s+(?:about|for|of)\s+(?P<rest>.+)",
                "cancel {rest}",
            ),
            (
                r"(?:i\s+)?(?:don't|do not|no)\s+(?:need|want)\s+(?:to\s+)?(?:follow[- ]?up|"
                r"write|reach out)\s+(?:with\s+|to\s+)?(?P<rest>.+)",
                "cancel {rest}",
            ),
            (r"(?:no need to follow[- ]?up with|skip)\s+(?P<rest>.+)", "cancel {rest}"),
            (
                r"cancel\s+(?:the\s+|my\s+)?follow[- ]?up\s+(?:with|for)\s+(?P<rest>.+)",
                "cancel {rest}",
            ),
        ),
    ),
    CommandHelp(
        "who",
        "who <person>",
        "A contact's card: where and when you met, touches done and due, and your notes.",
        ("who Priya", "who is Jane Doe?"),
        words=("whois", "card", "contact"),
        phrasings=(
            (r"who(?:'s| is| was)\s+" + _WHO + _TAIL, "who {rest}"),
            (
                r"(?:what do (?:i|we) know about|tell me (?:more )?about|(?:show|open)(?: me)?\s+"
                r"(?:the\s+)?(?:contact(?:\s+card)?\s+(?:for|of)|card (?:for|of))|info (?:on|about))"
                r"\s+" + _WHO + _TAIL,
                "who {rest}",
            ),
        ),
    ),
    CommandHelp(
        "note",
        "note <person>: <note>",
        "Add a note to a contact, e.g. something to bring up next time.",
        ("note Priya: hiring SREs in Berlin",),
        words=("notes",),
        phrasings=(
            (
                r"(?:please\s+)?(?:add|save|put|jot down|write down)\s+(?:a\s+)?note\s+"
                r"(?:to|for|on|about)\s+(?P<rest>.+)",
                "note {rest}",
            ),
            (r"note (?:for|on|about|to)\s+(?P<rest>.+)", "note {rest}"),
        ),
    ),
    CommandHelp(
        "rename",
        "rename <person> to <new name>",
        "Change a contact's name.",
        ("rename Sam to Sam Lee",),
        phrasings=(
            (
                r"(?:please\s+)?change\s+(?P<rest>.+?)'s name to\s+(?P<new>.+)",
                "rename {rest} to {new}",
            ),
            (
                r"(?:please\s+)?(?:change|update|fix)\s+(?:the\s+)?name\s+(?:of\s+)?(?P<rest>.+?)"
                r"\s+to\s+(?P<new>.+)",
                "rename {rest} to {new}",
            ),
            (
                r"call\s+(?P<rest>.+?)\s+(?P<new>.+?)\s+from now on" + _TAIL,
                "rename {rest} to {new}",
            ),
        ),
    ),
    CommandHelp(
        "delete-contact",
        "delete-contact <person>",
        "Delete a contact with their meetings, follow-ups and notes. I ask once first.",
        ("delete-contact Kai Müller",),
        words=("delete", "remove", "delete_contact", "deletecontact"),
        phrasings=(
            (
                r"(?:please\s+)?(?:delete|remove|erase|forget)\s+(?:the\s+)?(?:contact\s+)?"
                r"(?P<rest>.+?)(?:\s+from my contacts|\s+entirely|\s+completely)?" + _TAIL,
                "delete-contact {rest}",
            ),
        ),
    ),
    CommandHelp(
        "merge",
        "merge <person> into <person>",
        "Merge two contacts who are the same person; meetings and follow-ups move to the second.",
        ("merge Sam into Sam Lee",),
        listed=True,
    ),
    CommandHelp(
        "review",
        "review <draft>",
        "Check a draft before you send it: value first, no hard sell. In a direct message you "
        "can also just paste the draft.",
        ("review Hi Jane, great meeting you at PyCon — here is the article I mentioned.",),
        phrasings=(
            (
                r"(?:please\s+)?(?:check|review) (?:this|my draft|this draft)\s*[:-]\s*(?P<rest>.+)",
                "review {rest}",
            ),
        ),
    ),
    CommandHelp(
        "stats",
        "stats [week|month]",
        "Your follow-ups and draft reviews over the last 7 or 30 days.",
        ("stats", "stats month"),
        words=("statistics",),
        phrasings=(
            (
                r"(?:how am i doing|how did i do|how'?s it going with my networking)"
                r"(?:\s+this\s+(?P<rest>week|month))?" + _TAIL,
                "stats {rest}",
            ),
            (
                r"(?:show |give )?(?:me )?(?:my )?(?:stats|numbers|statistics|progress)\s+(?:for\s+)?"
                r"(?:this|the|last|past)\s+(?P<rest>week|month)" + _TAIL,
                "stats {rest}",
            ),
            (r"(?:show |give )?(?:me )?my (?:stats|numbers|statistics|progress)" + _TAIL, "stats"),
            (r"(?P<rest>weekly|monthly) (?:stats|numbers)" + _TAIL, "stats {rest}"),
        ),
    ),
    CommandHelp(
        "digest",
        "digest here [weekday] [HH:MM] | digest off | digest preview",
        "A weekly team digest in this channel (Monday 09:00 unless you say).",
        ("digest here friday 16:00", "digest preview", "digest off"),
        phrasings=(
            (
                r"(?:turn off|stop|disable|cancel)\s+the\s+(?:weekly\s+)?digest" + _TAIL,
                "digest off",
            ),
            (r"(?:show|preview)(?: me)?\s+the\s+(?:weekly\s+)?digest" + _TAIL, "digest preview"),
            (
                r"(?:post|send|put)\s+the\s+(?:weekly\s+)?digest\s+(?:here|in this channel)"
                r"(?P<rest>.*)",
                "digest here {rest}",
            ),
        ),
    ),
    CommandHelp(
        "settings",
        "settings [timezone <zone>|hours <start>-<end>|shoutouts on|off|store-drafts on|off]",
        "Your time zone and working hours (nudges only arrive in them), shout-outs in the "
        "digest, and whether I may keep the text of your drafts.",
        ("settings timezone Europe/Berlin", "settings hours 08:30-17:00", "settings shoutouts on"),
        words=("setting", "preferences"),
        phrasings=(
            (
                r"(?:please\s+)?(?:set|change|update|switch)\s+my\s+(?:time\s*zone|tz)\s+"
                r"(?:to\s+)?(?P<rest>.+?)" + _TAIL,
                "settings timezone {rest}",
            ),
            (
                r"(?:i(?:'m| am) in|my time\s*zone is)\s+(?P<rest>\S+?)(?: time)?" + _TAIL,
                "settings timezone {rest}",
            ),
            (
                r"(?:please\s+)?(?:set|change|update)?\s*my\s+(?:working\s+|work\s+)?hours"
                r"\s+(?:are|to)\s+(?P<rest>.+?)" + _TAIL,
                "settings hours {rest}",
            ),
            (r"(?:i\s+)?work\s+(?:from\s+)?(?P<rest>\d.+?)" + _TAIL, "settings hours {rest}"),
            (r"(?:show|what are)\s+my\s+settings" + _TAIL, "settings"),
        ),
    ),
    CommandHelp(
        "export",
        "export",
        "Everything I keep about you, as JSON.",
        ("export",),
        phrasings=(
            (
                r"(?:please\s+)?(?:export|download|give me|send me)\s+(?:all\s+)?(?:of\s+)?my\s+"
                r"(?:data|records|information|info)" + _TAIL,
                "export",
            ),
        ),
    ),
    CommandHelp(
        "forget-me",
        "forget-me [confirm]",
        "Delete every record about you. I ask once before I do it.",
        ("forget-me",),
        words=("forgetme", "forget_me"),
        phrasings=(
            (
                r"(?:please\s+)?(?:forget (?:about )?me|delete (?:all\s+(?:of\s+)?)?my (?:data|account|"
                r"records)|erase (?:all\s+)?my data|delete everything(?: about me)?)" + _TAIL,
                "forget-me",
            ),
        ),
    ),
    CommandHelp(
        "feedback",
        "feedback <review-id> helpful|wrong-flag",
        "Tell me whether a draft review helped (the buttons under a review send this).",
        ("feedback 12 helpful",),
        listed=False,
    ),
    CommandHelp(
        "help",
        "help [command]",
        "This overview, or the details of one command.",
        ("help met",),
        words=("?", "commands", "menu"),
    ),
)

HELP_BY_NAME: dict[str, CommandHelp] = {h.name: h for h in COMMAND_HELP}


def usage_line(name: str) -> str:
    return f"`{HELP_BY_NAME[name].usage}`"


def example(name: str) -> str:
    return f"`{HELP_BY_NAME[name].examples[0]}`"


def overview_reply(prefix: str | None = None) -> Reply:
    lines = [f"• `{h.usage}` — {h.summary}" for h in COMMAND_HELP if h.listed]
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
