"""`parse_command`: every command, the people it names, and bad input of every kind."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core import commands as c
from bot.core.dates import CalendarDate, LastWeekdaySpec, NextWeekSpec, RelativeDays, WeekdaySpec
from bot.core.help import COMMAND_HELP
from bot.core.parser import MAX_COMMAND_CHARS, parse_command


def parsed(text: str, **kwargs: bool) -> object:
    return parse_command(text, **kwargs)


# --- prefixes and help ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["list", "/network list", "network list", "  /network   list  "])
def test_the_network_prefix_is_optional(text: str) -> None:
    assert parsed(text) == c.ListCommand()


@pytest.mark.parametrize("text", ["", "   ", "/network", "network", "help"])
def test_empty_text_and_bare_help_show_the_overview(text: str) -> None:
    assert parsed(text) == c.HelpCommand()


def test_help_for_one_command_accepts_aliases() -> None:
    assert parsed("help met") == c.HelpCommand(topic="met")
    assert parsed("help followup") == c.HelpCommand(topic="follow-up")


def test_unknown_command_suggests_the_closest_one() -> None:
    # The rest of the line does not parse as a snooze, so the typo is only suggested.
    assert parsed("snoze") == c.HelpCommand(unknown="snoze", suggestion="snooze")
    assert parsed("help lst") == c.HelpCommand(unknown="lst", suggestion="list")


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("snoze #3", c.SnoozeCommand(target=c.PersonRef(name="#3", follow_up_id=3))),
        ("snoooze #3", c.SnoozeCommand(target=c.PersonRef(name="#3", follow_up_id=3))),
        ("dnoe #3", c.DoneCommand(target=c.PersonRef(name="#3", follow_up_id=3))),
        ("lsit", c.ListCommand()),
        ("cancle #3", c.CancelCommand(target=c.PersonRef(name="#3", follow_up_id=3))),
    ],
)
def test_a_misspelt_command_word_is_the_command_when_the_rest_parses(
    text: str, command: object
) -> None:
    assert parsed(text) == command
    assert parsed(text, direct_message=True) == command


def test_a_short_real_word_is_not_taken_for_a_misspelt_command() -> None:
    # "one" is one letter from "done", "set" two from "met": neither is a typo of them.
    assert not isinstance(parsed("one more thing", direct_message=True), c.DoneCommand)
    assert not isinstance(parsed("set Jane at noon", direct_message=True), c.MetCommand)


def test_unknown_command_with_nothing_close_still_gets_help() -> None:
    assert parsed("xyzzy") == c.HelpCommand(unknown="xyzzy", suggestion=None)


# --- met ------------------------------------------------------------------------------------


def test_met_with_place_day_and_note() -> None:
    assert parsed("met Jane Doe at PyCon yesterday — asked about Rust") == c.MetCommand(
        person=c.PersonRef("Jane Doe"),
        place="PyCon",
        when=RelativeDays(-1),
        note="asked about Rust",
    )


def test_met_day_may_come_before_the_place() -> None:
    command = parsed("met Jane yesterday at the Berlin meetup")
    assert command == c.MetCommand(c.PersonRef("Jane"), "the Berlin meetup", RelativeDays(-1))


@pytest.mark.parametrize(
    ("words", "spec"),
    [
        ("on 3 March", CalendarDate(3, 3)),
        ("on March 3rd", CalendarDate(3, 3)),
        ("on 2026-02-27", CalendarDate(2, 27, 2026)),
        ("on friday", WeekdaySpec(4)),
        ("last tue", LastWeekdaySpec(1)),
        ("today", RelativeDays(0)),
    ],
)
def test_met_day_phrases(words: str, spec: object) -> None:
    command = parsed(f"met Jane {words}")
    assert isinstance(command, c.MetCommand)
    assert command.when == spec


def test_place_may_contain_on_when_it_is_no_date() -> None:
    command = parsed("met Sam at Cafe on Main on 3 March")
    assert command == c.MetCommand(c.PersonRef("Sam"), "Cafe on Main", CalendarDate(3, 3))


def test_note_after_double_hyphen() -> None:
    command = parsed("met Jean-Luc Picard -- captain")
    assert command == c.MetCommand(c.PersonRef("Jean-Luc Picard"), note="captain")


def test_slack_mentions_with_and_without_label() -> None:
    assert parsed("met <@U123ABC>") == c.MetCommand(c.PersonRef("<@U123ABC>", mention="U123ABC"))
    assert parsed("met <@U123|jane> at PyCon") == c.MetCommand(
        c.PersonRef("jane", mention="U123"), place="PyCon"
    )


def test_teams_mentions_become_names() -> None:
    assert parsed("met <at>Jane   Doe</at> on friday") == c.MetCommand(
        c.PersonRef("Jane Doe"), when=WeekdaySpec(4)
    )
    assert parsed('done <at id="1">Jane Doe</at>') == c.DoneCommand(c.PersonRef("Jane Doe"))


def test_an_at_sign_typed_before_a_plain_name_is_not_part_of_the_name() -> None:
    assert parsed("met @Ana Ruiz on friday") == c.MetCommand(
        c.PersonRef("Ana Ruiz"), when=WeekdaySpec(4)
    )
    assert parsed("done @Ana") == c.DoneCommand(c.PersonRef("Ana"))


def test_every_help_example_parses_as_its_own_command() -> None:
    for entry in COMMAND_HELP:
        for text in entry.examples:
            command = parsed(text)
            assert not isinstance(command, c.ParseFailure | c.NotACommand), text


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("met", "Tell me who"),
        ("met Jane on 31 February", "does not exist"),
        ("met Jane on someday", "couldn't read a date"),
        ("met Jane at", "Say where"),
        ("met <@U1> <@U2>", "one person at a time"),
        ("met " + "x" * 90, "at most 80"),
    ],
)
def test_met_errors_say_what_to_do(text: str, says: str) -> None:
    failure = parsed(text)
    assert isinstance(failure, c.ParseFailure)
    assert says in failure.message
    assert failure.topic == "met"


# --- follow-up ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("follow-up Jane Doe in 4 days", RelativeDays(4)),
        ("follow-up Jane Doe in a week", RelativeDays(7)),
        ("follow-up Jane Doe tomorrow", RelativeDays(1)),
        ("follow-up Jane Doe on 12 March", CalendarDate(3, 12)),
        ("follow-up Jane Doe next friday", WeekdaySpec(4)),
        ("follow up Jane Doe next week", NextWeekSpec(0)),
    ],
)
def test_follow_up_when_phrases(text: str, when: object) -> None:
    assert parsed(text) == c.FollowUpCommand(c.PersonRef("Jane Doe"), when=when)


def test_follow_up_note_after_the_day() -> None:
    assert parsed("follow-up Jane Doe in 2 days send the talk link") == c.FollowUpCommand(
        c.PersonRef("Jane Doe"), RelativeDays(2), "send the talk link"
    )


def test_follow_up_without_day_or_dash_leaves_the_name_split_to_the_contacts() -> None:
    command = parsed("follow-up Jane Doe send the deck")
    assert isinstance(command, c.FollowUpCommand)
    assert command.unsplit_words == ("Jane", "Doe", "send", "the", "deck")


def test_follow_up_by_id_and_late() -> None:
    assert parsed("follow-up #12 late in 2 days") == c.FollowUpCommand(
        c.PersonRef("#12", follow_up_id=12), RelativeDays(2), late=True
    )


def test_follow_up_with_a_dash_note_and_no_day() -> None:
    assert parsed("follow-up Jane Doe — send the deck") == c.FollowUpCommand(
        c.PersonRef("Jane Doe"), note="send the deck"
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("follow-up", "Tell me who"),
        ("follow-up Jane in 3 hours", "in 3 days"),
        ("follow-up Jane in 99999 days", "too far ahead"),
    ],
)
def test_follow_up_errors(text: str, says: str) -> None:
    failure = parsed(text)
    assert isinstance(failure, c.ParseFailure)
    assert says in failure.message


# --- done / snooze / cancel / list ---------------------------------------------------------------


def test_done_cancel_and_list() -> None:
    assert parsed("done #4") == c.DoneCommand(c.PersonRef("#4", follow_up_id=4))
    assert parsed("done jane doe") == c.DoneCommand(c.PersonRef("jane doe"))
    assert parsed("cancel <@U9>") == c.CancelCommand(c.PersonRef("<@U9>", mention="U9"))
    assert parsed("ls") == c.ListCommand()


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("snooze #4", None),
        ("snooze #4 3 days", 3),
        ("snooze #4 for 1 day", 1),
        ("snooze #4 a week", 7),
        ("snooze Jane Doe 5", 5),
    ],
)
def test_snooze_days(text: str, days: int | None) -> None:
    command = parsed(text)
    assert isinstance(command, c.SnoozeCommand)
    assert command.days == days


def test_snooze_by_zero_days_is_refused() -> None:
    failure = parsed("snooze #4 0 days")
    assert isinstance(failure, c.ParseFailure)
    assert "at least 1 day" in failure.message


@pytest.mark.parametrize("command", ["done", "snooze", "cancel"])
def test_targets_are_required(command: str) -> None:
    failure = parsed(command)
    assert isinstance(failure, c.ParseFailure)
    assert f"`{command} " in failure.message  # the example shows the command in use


# --- review and direct messages ---------------------------------------------------------------


def test_review_keeps_the_draft_verbatim() -> None:
    draft = "Hi Jane,\n\nGreat to meet you — here's the **link**.\n"
    assert parsed(f"review {draft}") == c.ReviewCommand(draft=draft.strip())


def test_review_without_draft_explains() -> None:
    failure = parsed("review")
    assert isinstance(failure, c.ParseFailure)
    assert "Paste the draft" in failure.message


def test_a_direct_message_that_is_no_command_is_a_draft() -> None:
    text = "Hi Jane, great meeting you at PyCon! Here is the article I mentioned."
    assert parsed(text, direct_message=True) == c.NotACommand(text)


def test_a_draft_that_starts_like_a_command_is_still_a_draft_in_a_dm() -> None:
    text = "Met you at the meetup last week and loved your talk on testing."
    assert parsed(text, direct_message=True) == c.NotACommand(text)
    multi_line = "Follow-up on our chat:\nhere is the deck."
    assert parsed(multi_line, direct_message=True) == c.NotACommand(multi_line)


def test_the_same_text_outside_a_dm_is_a_malformed_command() -> None:
    failure = parsed("Met you at the meetup last week")
    assert isinstance(failure, c.ParseFailure)


def test_a_short_typo_in_a_dm_gets_did_you_mean_not_a_review() -> None:
    # (A typo whose rest parses, like "lsit", is the command itself.)
    assert parsed("snoze", direct_message=True) == c.HelpCommand(
        unknown="snoze", suggestion="snooze"
    )


def test_explicit_prefix_in_a_dm_is_always_a_command() -> None:
    assert parsed("/network frobnicate", direct_message=True) == c.HelpCommand(
        unknown="frobnicate", suggestion=None
    )


# --- stats, digest, settings, export, forget-me, feedback ---------------------------------------


def test_stats_periods() -> None:
    assert parsed("stats") == c.StatsCommand("week")
    assert parsed("stats month") == c.StatsCommand("month")
    assert isinstance(parsed("stats year"), c.ParseFailure)


def test_digest_commands() -> None:
    assert parsed("digest here") == c.DigestHereCommand()
    assert parsed("digest here friday 16:00") == c.DigestHereCommand(4, time(16, 0))
    assert parsed("digest here 9am tue") == c.DigestHereCommand(1, time(9, 0))
    assert parsed("digest off") == c.DigestOffCommand()
    assert parsed("digest preview") == c.DigestPreviewCommand()
    for bad in ["digest", "digest later", "digest here 25:00", "digest here someday"]:
        assert isinstance(parsed(bad), c.ParseFailure), bad


def test_settings_commands() -> None:
    assert parsed("settings") == c.SettingsShowCommand()
    assert parsed("settings timezone Europe/Berlin") == c.SettingsTimezoneCommand("Europe/Berlin")
    assert parsed("settings hours 8:30-17:00") == c.SettingsHoursCommand(time(8, 30), time(17))
    assert parsed("settings hours 9am to 5pm") == c.SettingsHoursCommand(time(9), time(17))
    assert parsed("settings shoutouts on") == c.SettingsToggleCommand("shoutouts", True)
    assert parsed("settings store-drafts off") == c.SettingsToggleCommand("store-drafts", False)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("settings hours 17:00-09:00", "start before they end"),
        ("settings hours nine-five", "time of day"),
        ("settings timezone", "IANA zone"),
        ("settings shoutouts maybe", "settings shoutouts on"),
        ("settings colour blue", "I know `timezone`"),
    ],
)
def test_settings_errors(text: str, says: str) -> None:
    failure = parsed(text)
    assert isinstance(failure, c.ParseFailure)
    assert says in failure.message


def test_export_forget_me_and_feedback() -> None:
    assert parsed("export") == c.ExportCommand()
    assert parsed("forget-me") == c.ForgetMeCommand(confirmed=False)
    assert parsed("forget-me confirm") == c.ForgetMeCommand(confirmed=True)
    assert parsed("feedback 12 helpful") == c.FeedbackCommand(12, "helpful")
    assert parsed("feedback #12 wrong-flag") == c.FeedbackCommand(12, "wrong-flag")
    # "export all" and "export everything" now mean `export` (issue 11: plain language).
    assert parsed("export all") == c.ExportCommand()
    for bad in ["forget-me now", "feedback 12 great", "feedback twelve helpful", "export the moon"]:
        assert isinstance(parsed(bad), c.ParseFailure), bad


# --- size and robustness ----------------------------------------------------------------------


def test_a_huge_command_is_refused_with_the_limit() -> None:
    failure = parsed("met " + "Jane " * 2_000)
    assert isinstance(failure, c.ParseFailure)
    assert f"{MAX_COMMAND_CHARS:,}" in failure.message


def test_a_huge_direct_message_is_a_draft_not_a_crash() -> None:
    text = "Met you yesterday. " * 5_000
    assert parsed(text, direct_message=True) == c.NotACommand(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.booleans())
def test_parse_never_raises(text: str, direct_message: bool) -> None:
    result = parse_command(text, direct_message=direct_message)
    if isinstance(result, c.ParseFailure):
        assert result.message.strip()
        assert "`" in result.message, "every error shows what to type"


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["met", "follow-up", "snooze", "done", "cancel", "settings", "digest"]),
    st.text(max_size=120),
)
def test_every_command_word_with_any_arguments_never_raises(word: str, rest: str) -> None:
    result = parse_command(f"{word} {rest}")
    if isinstance(result, c.ParseFailure):
        assert "`" in result.message, result.message


@pytest.mark.parametrize(
    "text",
    [
        "met",
        "met <at></at>",
        "met Jane on 31 February",
        "met Jane on someday",
        "met Jane at",
        "met Jane at " + "x" * 200,
        "met Jane — " + "n" * 1_001,
        "follow-up Jane in 99999 days",
        "follow-up Jane in 3 hours",
        "snooze #1 0 days",
        "snooze #1 lots days",
        "review",
        "stats year",
        "digest",
        "digest here 25:00",
        "settings hours 17-9",
        "settings timezone",
        "settings store-drafts maybe",
        "export the moon",
        "forget-me tomorrow",
        "feedback 1 meh",
        "done " + "y" * 81,
        "list " + "z" * MAX_COMMAND_CHARS,
    ],
)
def test_every_error_is_a_sentence_with_something_to_type(text: str) -> None:
    failure = parsed(text)
    assert isinstance(failure, c.ParseFailure), failure
    assert failure.message[0].isupper() or failure.message[0] in "`0123456789"
    assert failure.message.rstrip().endswith((".", "`", "?"))
    assert "`" in failure.message


@pytest.mark.parametrize("text", ["snooze 0 ²", "snooze Dana ²", "feedback ² helpful"])
def test_digits_that_are_not_ascii_never_crash_the_parser(text: str) -> None:
    result = parse_command(text)
    assert not isinstance(result, c.ParseFailure) or "`" in result.message


@pytest.mark.parametrize(
    "line",
    [
        "Fellow founders, if you pay for hosting, our new plan saves 40%",
        "Fellow Rustaceans — the meetup slides are up",
        "cancer research folks, join us on Saturday",
        "listen Dana, the demo went great",
    ],
)
def test_a_real_word_a_slip_from_a_command_word_is_not_that_command(line: str) -> None:
    result = parse_command(line, direct_message=True, known_names=("Dana Kim",))
    assert isinstance(result, c.NotACommand), result
