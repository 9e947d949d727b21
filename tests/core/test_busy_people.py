"""General causes of the sixth writer's (E7) misses, each shown on fresh lines in no file."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core import commands as c
from bot.core.dates import resolve_future, resolve_past
from tests.core.fresh_lines import TODAY
from tests.core.fresh_lines import parse as _parse
from tests.core.fresh_lines import who as _who


def _met(line: str) -> c.MetCommand:
    result = _parse(line)
    assert isinstance(result, c.MetCommand), (line, result)
    return result


def _follow_up(line: str) -> c.FollowUpCommand:
    result = _parse(line)
    assert isinstance(result, c.FollowUpCommand), (line, result)
    return result


@pytest.mark.parametrize(
    ("line", "person", "place", "note"),
    [
        # A full stop ends the meeting's sentence, before a lower-case word or after a day.
        (
            "chatted with Lina Berg at DevDays today. keen on our SDK",
            "Lina Berg",
            "DevDays",
            "keen on our SDK",
        ),
        (
            "met Omid Farahani at Web3 Night on Dec 3. Ex-Stripe, angel now",
            "Omid Farahani",
            "Web3 Night",
            "Ex-Stripe, angel now",
        ),
        # Brackets with a comma right after the person describe them.
        (
            "met Tove Lind (Spotify, data infra) at the Stockholm meetup",
            "Tove Lind",
            "the Stockholm meetup",
            "Spotify, data infra",
        ),
        # A log written as fields: name, place, day, note.
        (
            "met Kwame Asante, Accra Fintech Forum, Dec 2, runs a payments startup",
            "Kwame Asante",
            "Accra Fintech Forum",
            "runs a payments startup",
        ),
        # A laugh ends a clause like a comma; an emoji after a day too.
        (
            "ran into ben at the airport haha, he was flying to Lisbon",
            "Ben Cole",
            "the airport",
            "he was flying to Lisbon",
        ),
        (
            "met Nia Bello at Lagos Design Week on the 3rd 🎨 illustrator for kids books",
            "Nia Bello",
            "Lagos Design Week",
            "illustrator for kids books",
        ),
        # The person first, then "met him at …".
        (
            "Lars Eriksen, met him at the Oslo climate summit yesterday",
            "Lars Eriksen",
            "the Oslo climate summit",
            None,
        ),
        # "X and me at …", "X and I spent <day> at …".
        (
            "ada and me at the Design Museum yesterday, she loved the show",
            "Ada Obi",
            "the Design Museum",
            "she loved the show",
        ),
        (
            "Ben and I spent monday together at the Leeds office",
            "Ben Cole",
            "the Leeds office",
            None,
        ),
        ("went to the Arsenal match w rui sunday", "Rui Sá", "the Arsenal match", None),
        (
            "Sven Olsen at the Malmö founders dinner yesterday. add him",
            "Sven Olsen",
            "the Malmö founders dinner",
            None,
        ),
        # How it went is no note; a courtesy title before a full name is not kept.
        ("strategy sesh with Ada at the studio today, went well", "Ada Obi", "the studio", None),
        ("met Mrs. Amaka Eze at the embassy brunch", "Amaka Eze", "the embassy brunch", None),
    ],
)
def test_meetings_as_busy_people_write_them(
    line: str, person: str, place: str, note: str | None
) -> None:
    result = _met(line)
    assert (_who(result.person.name), result.place, result.note) == (person, place, note)


@pytest.mark.parametrize(
    "line",
    [
        "Hi Gerald, we met at the chamber lunch. Would love to stay in touch.",
        "Hi Marta, met at Slush! Want a demo of our tool?",
    ],
)
def test_a_greeting_that_recalls_a_meeting_is_still_a_draft(line: str) -> None:
    assert isinstance(_parse(line), c.NotACommand)


@pytest.mark.parametrize(
    ("line", "person", "day", "at", "note"),
    [
        ("remember me to call Tomas Berg next week", "Tomas Berg", date(2026, 12, 14), None, None),
        (
            "pls remind to email Ines Duarte in 2 days",
            "Ines Duarte",
            date(2026, 12, 11),
            None,
            None,
        ),
        ("I'll follow up with Greta Holm on Dec 21", "Greta Holm", date(2026, 12, 21), None, None),
        ("tomorrow follow up Ada", "Ada Obi", date(2026, 12, 10), None, None),
        (
            "remind me to call Arjun Rao kal subah 9 baje",
            "Arjun Rao",
            date(2026, 12, 10),
            time(9, 0),
            None,
        ),
        (
            "ingatkan saya follow up Dewi Lestari besok jam 3 sore",
            "Dewi Lestari",
            date(2026, 12, 10),
            time(15, 0),
            None,
        ),
        (
            "follow-up: Femi Ade — send the pitch deck — 12/18",
            "Femi Ade",
            date(2026, 12, 18),
            None,
            "send the pitch deck",
        ),
        ("follow up Mei Tan ERP demo 12/16", "Mei Tan", date(2026, 12, 16), None, "ERP demo"),
        (
            "need to chase Ada for the signed NDA by friday",
            "Ada Obi",
            date(2026, 12, 11),
            None,
            "the signed NDA",
        ),
        (
            "follow up with Ben on the 16th and send him the contract",
            "Ben Cole",
            date(2026, 12, 16),
            None,
            "send him the contract",
        ),
        (
            "follow up with Ben re the offsite, Friday Dec 18",
            "Ben Cole",
            date(2026, 12, 18),
            None,
            "re the offsite",
        ),
    ],
)
def test_reminders_as_busy_people_write_them(
    line: str, person: str, day: date, at: time | None, note: str | None
) -> None:
    result = _follow_up(line)
    assert _who(result.person.name) == person
    assert result.when is not None and resolve_future(result.when, TODAY) == day
    assert (result.at, result.note) == (at, note)


@pytest.mark.parametrize(
    ("line", "kind", "person"),
    [
        ("push back my reminder with Ben to the 17th", c.SnoozeCommand, "Ben"),
        ("nudge me about Ada again in 3 days, not now", c.SnoozeCommand, "Ada"),
        ("Rui reminder -> move to Jan 8", c.SnoozeCommand, "Rui"),
        ("Ben follow-up complete", c.DoneCommand, "Ben"),
        ("wrote back to Ada this morning", c.DoneCommand, "Ada"),
        ("I did reach out to Rui today", c.DoneCommand, "Rui"),
        ("ya no quiero el recordatorio de Ben", c.CancelCommand, "Ben"),
        ("the lowdown on rui please", c.WhoCommand, "Rui Sá"),
        ("ben info", c.WhoCommand, "Ben Cole"),
        ("whats adas deal", c.WhoCommand, "Ada"),
        ("wipe Ben's card", c.DeleteContactCommand, "Ben"),
        ("I haven't spoken to Ada in years, please delete her", c.DeleteContactCommand, "Ada"),
        ("ben should come off my contact list", c.DeleteContactCommand, "Ben Cole"),
        ("Rui Sá — delete, duplicate", c.DeleteContactCommand, "Rui Sá"),
    ],
)
def test_other_commands_as_busy_people_write_them(line: str, kind: type, person: str) -> None:
    result = _parse(line)
    assert isinstance(result, kind), (line, result)
    ref = getattr(result, "target", None) or getattr(result, "person")  # noqa: B009
    assert _who(ref.name) == _who(person)


@pytest.mark.parametrize(
    ("line", "person", "note"),
    [
        (
            "Ada's son just started at Oxford, add that to her card",
            "Ada",
            "son just started at Oxford",
        ),
        ("Ben is now running the Paris team, save that", "Ben", "now running the Paris team"),
        ("Rui: allergic to nuts. pls note", "Rui", "allergic to nuts"),
    ],
)
def test_a_fact_then_save_that_is_a_note(line: str, person: str, note: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.NoteCommand), (line, result)
    assert (_who(result.person.name), result.note) == (_who(person), note)


@pytest.mark.parametrize(
    ("line", "new_name"),
    [
        ("Ada changed her last name to Obi-Lee", "Ada Obi-Lee"),
        ("fix Ben's name, it's Benjamin Cole", "Benjamin Cole"),
        ("please correct the name: Rui Sá should be Rui Sá Pereira", "Rui Sá Pereira"),
        ("Ben Cole should read Ben Coles", "Ben Coles"),
        ("Ada wants to be listed as Dr. Ada Obi", "Dr. Ada Obi"),
        ("change Ben's name to Ben Cole-Hart, he got married", "Ben Cole-Hart"),
        ("ada obi is now ada okoro", "Ada Okoro"),
    ],
)
def test_renames_as_busy_people_write_them(line: str, new_name: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.RenameCommand), (line, result)
    assert result.new_name == new_name


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("my upcoming reminders", c.ListCommand()),
        ("show every reminder i have", c.ListCommand(filter="all")),
        ("who am I ignoring", c.ListCommand(filter="overdue")),
        ("give me my scorecard", c.StatsCommand()),
        ("download everything you have on me", c.ExportCommand()),
        ("erase me from this bot please", c.ForgetMeCommand()),
        ("borra todos mis datos", c.ForgetMeCommand()),
        ("what's the syntax for snoozing?", c.HelpCommand(topic="snooze")),
    ],
)
def test_lists_stats_and_account_as_busy_people_ask(line: str, expected: object) -> None:
    assert _parse(line) == expected


def test_a_zone_after_a_move() -> None:
    result = _parse("relocating to Nairobi, update my tz")
    assert isinstance(result, c.SettingsTimezoneCommand) and result.zone == "Africa/Nairobi"


def test_the_day_a_week_ago_is_resolved_in_the_past() -> None:
    result = _met("met Ana Lima at the expo thre days ago")
    assert result.when is not None and resolve_past(result.when, TODAY) == date(2026, 12, 6)


# The fifth writer's (E6) remaining kinds, on fresh lines.


@pytest.mark.parametrize(
    ("line", "person", "place", "day"),
    [
        (
            "Vorgestern Jonas Weber beim Hackathon in Köln getroffen, baut Drohnen",
            "Jonas Weber",
            "Hackathon in Köln",
            date(2026, 12, 7),
        ),
        ("Heute Mia Roth auf der Messe kennengelernt", "Mia Roth", "Messe", date(2026, 12, 9)),
        ("bumped into ada at the book fair sat", "Ada Obi", "the book fair", date(2026, 12, 5)),
        (
            "met someone great at the gym: Kofi Mensah, physio",
            "Kofi Mensah",
            "the gym",
            date(2026, 12, 9),
        ),
    ],
)
def test_more_meetings_in_everyday_words(line: str, person: str, place: str, day: date) -> None:
    result = _met(line)
    assert (_who(result.person.name), result.place) == (person, place)
    assert (resolve_past(result.when, TODAY) if result.when else TODAY) == day


def test_a_contact_named_alone_as_a_question_is_their_card() -> None:
    assert _parse("ben cole?") == c.WhoCommand(person=c.PersonRef(name="Ben Cole"))
    assert isinstance(_parse("tomorrow?"), c.NotACommand)


def test_hindi_remind_me_to_call_and_tagalog_done() -> None:
    result = _follow_up("yaad dilana Ben ko call karna kal 4 baje")
    assert _who(result.person.name) == "Ben Cole" and result.at == time(16, 0)
    done = _parse("nag-text na ako kay Rui, done na")
    assert isinstance(done, c.DoneCommand) and _who(done.target.name) == "Rui Sá"


def test_words_after_a_contacts_name_before_the_day_are_the_note_not_lost() -> None:
    result = _follow_up("follow-up Ben the signed contract in 3 days")
    assert (_who(result.person.name), result.note) == ("Ben Cole", "the signed contract")
    result = _follow_up("remind me in 2 days to text ada the venue address")
    assert (_who(result.person.name), result.note) == ("Ada Obi", "text the venue address")


def test_a_short_aside_before_a_typed_command_is_left_out() -> None:
    result = _parse("semana pesada, snooze Ben 3 days")
    assert isinstance(result, c.SnoozeCommand) and result.days == 3


def test_for_a_meal_is_how_they_met_not_part_of_the_name() -> None:
    assert _met("met Lena Fox today for lunch at Nopi").person.name == "Lena Fox"


@pytest.mark.parametrize(
    "line",
    [
        "hey amara, saw ur post looking for a mentor. my friend Dayo does free sessions",
        "hey all, drop ur IG so I can follow, then follow back",
        "got it, I'll send him the link tomorrow",
    ],
)
def test_a_greeting_or_a_reply_before_the_comma_keeps_a_draft_a_draft(line: str) -> None:
    assert isinstance(_parse(line), c.NotACommand), line


def test_who_they_are_then_their_name_between_commas() -> None:
    result = _met("met a sharp PM, Lena Fox, at the fintech breakfast yesterday")
    assert (result.person.name, result.place, result.note) == (
        "Lena Fox",
        "the fintech breakfast",
        "a sharp PM",
    )
    assert result.when is not None


def test_a_last_name_given_with_actually_at_the_end_is_a_rename() -> None:
    result = _parse("Ben's surname is Coles actually")
    assert isinstance(result, c.RenameCommand) and result.new_name == "Ben Coles"


@pytest.mark.parametrize(
    ("line", "person", "note"),
    [
        ("grabbed a quick bite with Ben after the standup", "Ben Cole", None),
        ("had a 1:1 with ada yesterday", "Ada Obi", None),
        ("interviewed Tariq Aziz today for the analyst role", "Tariq Aziz", "for the analyst role"),
    ],
)
def test_more_ways_a_meeting_is_told(line: str, person: str, note: str | None) -> None:
    result = _met(line)
    assert (_who(result.person.name), result.note) == (person, note)


def test_a_preference_is_a_fact_not_a_new_name() -> None:
    assert _parse("Ada prefers Signal") == c.NoteCommand(
        person=c.PersonRef(name="Ada"), note="prefers Signal"
    )


def test_married_now_with_the_new_name_is_a_rename() -> None:
    result = _parse("Ada's married now, she's Ada Obi-Lee")
    assert isinstance(result, c.RenameCommand) and result.new_name == "Ada Obi-Lee"


def test_no_longer_needing_the_reminder_cancels_it() -> None:
    result = _parse("no longer need the reminder for Ben")
    assert isinstance(result, c.CancelCommand) and _who(result.target.name) == "Ben Cole"


def test_a_day_and_time_that_end_a_note_about_something_are_the_follow_ups() -> None:
    result = _follow_up("follow up with Ada re: the venue next tuesday at 2pm")
    assert result.when is not None and resolve_future(result.when, TODAY) == date(2026, 12, 15)
    assert (result.at, result.note) == (time(14, 0), "re: the venue")


@pytest.mark.parametrize(
    ("line", "person", "place", "note"),
    [
        (
            "yesterday meet with Mr. Ito from Canon at the camera expo",
            "Mr. Ito",
            "the camera expo",
            "from Canon",
        ),
        ("Treffen mit Ben heute im Büro, war gut", "Ben Cole", "Büro", "war gut"),
        ("metAda at the gym", "Ada Obi", "the gym", None),
    ],
)
def test_meetings_in_non_native_and_code_mixed_words(
    line: str, person: str, place: str, note: str | None
) -> None:
    result = _met(line)
    assert (_who(result.person.name), result.place, result.note) == (person, place, note)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("I already call Ben yesterday, done", c.DoneCommand),
        ("what i have to do today?", c.ListCommand),
        ("Rui's new job is at Wise, add note", c.NoteCommand),
    ],
)
def test_other_non_native_lines(line: str, expected: type) -> None:
    assert isinstance(_parse(line), expected), line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("show me how I did last month", c.StatsCommand(period="month")),
        ("how's my networking going this week?", c.StatsCommand()),
        ("am I keeping up with my follow ups?", c.StatsCommand()),
        ("give me a summary of my follow-ups this month", c.StatsCommand(period="month")),
        ("what are my numbers for december", c.StatsCommand(period="month")),
        ("help me with notes", c.HelpCommand(topic="note")),
        ("download my stuff", c.ExportCommand()),
        ("I want to delete my account", c.ForgetMeCommand()),
        ("close my account and delete my data", c.ForgetMeCommand()),
        ("I'm fine with shout-outs", c.SettingsToggleCommand(setting="shoutouts", on=True)),
    ],
)
def test_stats_help_and_account_in_everyday_words(line: str, expected: object) -> None:
    assert _parse(line) == expected


@pytest.mark.parametrize(
    ("line", "kind", "person"),
    [
        ("follow up: Ben, Thursday, about the venue", c.FollowUpCommand, "Ben Cole"),
        ("reminder for Rui 12/18 3pm", c.FollowUpCommand, "Rui Sá"),
        ("lemme follow up with Ada monday", c.FollowUpCommand, "Ada Obi"),
        ("Ben - remind me in a week", c.FollowUpCommand, "Ben Cole"),
        ("not today for Ada, push to tmrw", c.SnoozeCommand, "Ada Obi"),
        ("talked to Ben, all sorted", c.DoneCommand, "Ben Cole"),
        ("follow-up with Rui done, asked him for an intro", c.DoneCommand, "Rui Sá"),
        ("Ada replied, we're good", c.DoneCommand, "Ada Obi"),
        ("what's happening with Ben?", c.WhoCommand, "Ben Cole"),
        ("anything on Rui?", c.WhoCommand, "Rui Sá"),
        ("add: Ada loves cycling", c.NoteCommand, "Ada Obi"),
        ("remember Ben's daughter is called Lina", c.NoteCommand, "Ben Cole"),
    ],
)
def test_still_more_everyday_commands(line: str, kind: type, person: str) -> None:
    result = _parse(line)
    assert isinstance(result, kind), (line, result)
    ref = getattr(result, "target", None) or getattr(result, "person")  # noqa: B009
    assert _who(ref.name) == person


@pytest.mark.parametrize("line", ["Ben replied 🎉", "talked to Ada yesterday at the expo"])
def test_news_and_meetings_are_not_marked_done(line: str) -> None:
    assert not isinstance(_parse(line), c.DoneCommand), line


@pytest.mark.parametrize(
    ("line", "person", "place", "note"),
    [
        (
            "Just back from the design summit, met Iris Kemp there - she leads UX at Monzo",
            "Iris Kemp",
            "the design summit",
            "she leads UX at Monzo",
        ),
        (
            "At the Oslo climate week I met Nora Dahl, great chat about carbon markets",
            "Nora Dahl",
            "the Oslo climate week",
            "great chat about carbon markets",
        ),
        (
            "Today at the robotics meetup: met Aku Mensah, builds drones",
            "Aku Mensah",
            "the robotics meetup",
            "builds drones",
        ),
        (
            "new contact: Hana Ito, met at the Osaka founders dinner",
            "Hana Ito",
            "the Osaka founders dinner",
            None,
        ),
        (
            "Ben introduced me to Lars Holm at the Oslo offsite",
            "Lars Holm",
            "the Oslo offsite",
            "introduced by Ben",
        ),
        ("Met Ada's colleague Femi Bello at the happy hour", "Femi Bello", "the happy hour", None),
        ("finally caught up with Rui after months!", "Rui Sá", None, None),
    ],
)
def test_a_meeting_with_its_place_said_first_or_around(
    line: str, person: str, place: str | None, note: str | None
) -> None:
    result = _met(line)
    assert (_who(result.person.name), result.place, result.note) == (person, place, note)


def test_a_number_of_people_then_their_names_after_a_colon() -> None:
    result = _met("met 2 founders at demo day: Ana Lima and Joao Silva")
    assert [result.person.name, *(p.name for p in result.others)] == ["Ana Lima", "Joao Silva"]
    assert result.place == "demo day"


@pytest.mark.parametrize(
    ("line", "kind", "person", "note"),
    [
        ("tell me everything about Ben", c.WhoCommand, "Ben Cole", None),
        ("details on rui pls", c.WhoCommand, "Rui Sá", None),
        ("can you show me Ada's profile", c.WhoCommand, "Ada Obi", None),
        ("jot down: Ben has a new baby", c.NoteCommand, "Ben Cole", "has a new baby"),
        ("add a note that Rui loves F1", c.NoteCommand, "Rui Sá", "loves F1"),
        (
            "Ada mentioned she's moving to Accra, jot that down",
            c.NoteCommand,
            "Ada Obi",
            # Pass 11: what was said, without the saying (as writers E8 and E12 label it).
            "she's moving to Accra",
        ),
        ("ada's email is ada@obi.io", c.NoteCommand, "Ada Obi", "email is ada@obi.io"),
        (
            "ben's phone number is +44 7700 900123",
            c.NoteCommand,
            "Ben Cole",
            "phone number is +44 7700 900123",
        ),
    ],
)
def test_cards_and_notes_in_everyday_words(
    line: str, kind: type, person: str, note: str | None
) -> None:
    result = _parse(line)
    assert isinstance(result, kind), (line, result)
    assert _who(result.person.name) == person
    assert getattr(result, "note", None) == note


def test_a_follow_up_for_when_something_is_finished_is_no_done() -> None:
    result = _follow_up("follow up with Ada once the deck is finished")
    # No day and no dash: the service splits the words at the contact's name.
    assert " ".join(result.unsplit_words).endswith("once the deck is finished")
