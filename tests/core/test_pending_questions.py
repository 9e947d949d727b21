"""A yes/no question waits in the store: any server process answers it, for a while."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from bot.core.chat import QUESTION_EXPIRES
from bot.core.service import CoachService
from storage.store import SqlStore
from tests.core.conversation import say as _say
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from tests.conftest import FakeClock


def _contacts(store: SqlStore) -> list[str]:
    member = store.get_or_create_member("slack", "T1", "U1")
    return [contact.name for contact in store.contacts(member.id)]


def test_a_yes_on_another_server_process_answers_the_question(
    store: SqlStore, database_url: str, clock: FakeClock
) -> None:
    first = CoachService(store, fake_review, clock)
    _say(first, "met Kai Müller yesterday")
    assert "Delete **Kai Müller**" in _say(first, "delete Kai").text
    other_store = SqlStore.open(database_url, migrate=False, clock=clock)
    try:
        second = CoachService(other_store, fake_review, clock)  # another process, no memory
        clock.advance(timedelta(minutes=1))
        _say(second, "yes")
        assert _contacts(other_store) == []
        # Taken: a second "yes", on either process, has nothing left to answer.
        assert "no question waiting" in _say(first, "yes").text
    finally:
        other_store.close()


def test_a_yes_after_the_question_expired_says_so_and_changes_nothing(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Kai Müller yesterday")
    _say(service, "delete Kai")
    clock.advance(QUESTION_EXPIRES + timedelta(minutes=1))
    reply = _say(service, "yes")
    assert "30 minutes" in reply.text and "nothing changed" in reply.text
    assert _contacts(store) == ["Kai Müller"]


def test_any_other_message_takes_the_question(store: SqlStore, clock: FakeClock) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Kai Müller yesterday")
    _say(service, "delete Kai")
    _say(service, "list")
    _say(service, "yes")
    assert _contacts(store) == ["Kai Müller"]


def test_only_one_taker_gets_a_question(store: SqlStore, clock: FakeClock) -> None:
    store.ask_question("slack", "T1", "U1", "forget-me confirm", clock.now())
    store.ask_question("slack", "T1", "U1", "delete-contact Kai confirm", clock.now())  # replaces
    taken = store.take_question("slack", "T1", "U1")
    assert taken is not None and taken.on_yes == "delete-contact Kai confirm"
    assert taken.asked_at == clock.now()
    assert store.take_question("slack", "T1", "U1") is None


def test_unanswered_questions_are_pruned_and_forgotten_with_the_member(
    store: SqlStore, clock: FakeClock
) -> None:
    store.ask_question("slack", "T1", "U1", "review a draft", clock.now() - timedelta(hours=2))
    store.ask_question("slack", "T1", "U2", "forget-me confirm", clock.now())
    assert store.prune_questions(clock.now() - QUESTION_EXPIRES) == 1
    member = store.get_or_create_member("slack", "T1", "U2")
    assert store.forget_member(member.id)["pending_questions"] == 1
    assert store.take_question("slack", "T1", "U2") is None


def test_a_cancel_naming_someone_is_its_own_command_not_a_no(
    store: SqlStore, clock: FakeClock
) -> None:
    """Asked "Did you already send it?", a tester typed "cancel thiago, não é ICP" and got "OK
    — I left everything as it was"; Thiago's follow-up stayed open."""
    service = CoachService(store, fake_review, clock)
    _say(service, "met Thiago Alves at the fair")
    _say(service, "met Ricardo Lima at the fair")
    _say(service, "done ricardo")
    asked = _say(service, "done ricardo")
    assert "Did you already send it?" in asked.text
    _say(service, "cancel thiago, não é ICP")
    member = store.get_or_create_member("slack", "T1", "U1")
    assert "Thiago Alves" not in [f.contact_name for f in store.open_follow_ups(member.id)]
