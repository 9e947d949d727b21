"""A learned guess at the command a line means, for lines the rules gave up on (issue 11).

The rule parser reads most lines exactly; of the rest, most come back as "not a command"
("I don't need a reminder for Jose", "my stast for the week"), and the generic unclear reply
("Log a meeting with X / Follow up with X / Review as a draft") is then the wrong offer for a
cancel, a card, a rename or an export. This module guesses which command such a line means and
turns a confident guess into one button the member may tap ("Cancel the follow-up with Jose
Núñez"), next to "Review as a draft". Nothing here runs a command: a button is typed text the
member sends with a click, and deleting a contact or forgetting the member still asks first.

CONTRACT:
- `guess_intent(text) -> IntentGuess | None`: the most likely of `INTENTS` ("chat" and
  "review" included) and its probability; None when no model file is shipped.
- `guessed_offer(text, known_names) -> GuessedOffer | None`: the button for a confident command
  guess (probability >= `THRESHOLD`, not chat, review or help), with the contact the line names
  when the command needs one; None otherwise.
- Cheap: the model is a multinomial logistic regression over binary, l2-normalised terms
  (`intent_features`: words, word pairs, character 2-4-grams inside words, the first word); the
  runtime form is a term -> row table and a weight matrix, so a line costs a few dozen
  dictionary look-ups and one small NumPy sum. It is loaded on first use.

Training: `python -m tests.core.intent_training` (scikit-learn, saved with skops; the runtime
form is derived from the re-loaded skops file and checked to give the same probabilities).
Figures: `python -m tests.core.intent_lowo` (leave one writer out).
"""

from __future__ import annotations

import base64
import importlib.util
import itertools
import json
import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bot.core import commands as c
from bot.core.messages import Action, Reply
from bot.core.parser import parse_command
from storage.names import match_names, name_key

if TYPE_CHECKING:
    import numpy as np

INTENT_FORMAT = "netcoach-intent/1"
RUNTIME_NAME = "intent_guess.runtime.json"
# The commands of the phrasing files (`tests/data/command_phrasings*.jsonl`), chat and drafts.
INTENTS: tuple[str, ...] = (
    "cancel",
    "chat",
    "delete-contact",
    "digest",
    "done",
    "export",
    "follow-up",
    "forget-me",
    "help",
    "list",
    "met",
    "note",
    "rename",
    "review",
    "settings",
    "snooze",
    "stats",
    "who",
)
# The least probability at which a command is offered. Chosen by leaving one writer out
# (`tests/core/intent_training.py`; docs/classifiers.md, "Intent guess for unclear lines"):
# pass 22's table puts a command button on 0.59% of chat and review lines at 0.6, 0.47% at 0.65.
THRESHOLD = 0.65
# Guesses never offered as a button: chat and drafts are the gate's and the reply's own
# readings, and a question about the bot is answered from help already.
NOT_OFFERED = frozenset({"chat", "review", "help"})
NEEDS_PERSON = frozenset(
    {"met", "follow-up", "snooze", "done", "cancel", "who", "note", "rename", "delete-contact"}
)
_TOKEN = re.compile(r"\w+(?:'\w+)*|[?!]")
_CHAR_GRAMS = (2, 3, 4)
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def _token_features(token: str) -> tuple[str, ...]:
    """The word term and its character 2-4-grams (padded with < and >), cached per word."""
    padded = f"<{token}>"
    grams = [
        "c:" + padded[i : i + size] for size in _CHAR_GRAMS for i in range(len(padded) - size + 1)
    ]
    return ("w:" + token, *grams)


def intent_features(text: str) -> list[str]:
    """The terms the intent model reads (training and runtime share this function)."""
    tokens = _TOKEN.findall(text.lower().replace("’", "'"))
    features = [feature for token in tokens for feature in _token_features(token)]
    features += ["b:" + a + " " + b for a, b in itertools.pairwise(tokens)]
    if tokens:
        features.append("f:" + tokens[0])
    return features


@dataclass(frozen=True)
class IntentGuess:
    command: str
    probability: float


class IntentModel:
    """The runtime form: one weight row per term (in `classes` order) and the intercepts."""

    def __init__(self, data: dict) -> None:
        import numpy as np

        if data.get("format") != INTENT_FORMAT:
            raise ValueError(f"not an intent runtime file (format {data.get('format')!r})")
        self.classes: tuple[str, ...] = tuple(data["classes"])
        self.rows: dict[str, int] = {term: row for row, term in enumerate(data["terms"])}
        raw = base64.b64decode(data["weights_f32"])
        weights = np.frombuffer(raw, dtype="<f4").reshape(len(self.rows), len(self.classes))
        self.weights: np.ndarray = weights.astype(np.float64)
        self.intercepts: np.ndarray = np.array(data["intercepts"], dtype=np.float64)
        self.source_sha256: str = data["source_sha256"]

    @classmethod
    def load(cls, path: Path) -> IntentModel:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def probabilities(self, text: str) -> np.ndarray:
        """Each class's probability, as the skops pipeline computes it."""
        import numpy as np

        rows = self.rows
        known = [row for row in map(rows.get, set(intent_features(text))) if row is not None]
        logits = self.intercepts.copy()
        if known:
            logits += self.weights[known].sum(axis=0) / math.sqrt(len(known))
        exps = np.exp(logits - logits.max())
        return exps / exps.sum()

    def guess(self, text: str) -> IntentGuess:
        probabilities = self.probabilities(text)
        best = int(probabilities.argmax())
        return IntentGuess(self.classes[best], float(probabilities[best]))


def runtime_file() -> Path:
    """Where the shipped runtime form lives: beside the project's other models."""
    spec = importlib.util.find_spec("coach_rules")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("coach_rules is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "model" / RUNTIME_NAME


_model: IntentModel | None = None
_missing = False
_lock = threading.Lock()


def default_intent_model() -> IntentModel | None:
    """The shipped model, loaded once on first use; None when none has been trained."""
    global _model, _missing
    if _model is None and not _missing:
        with _lock:
            if _model is None and not _missing:
                path = runtime_file()
                if path.exists():
                    _model = IntentModel.load(path)
                else:
                    _missing = True
    return _model


def guess_intent(text: str, model: IntentModel | None = None) -> IntentGuess | None:
    model = model or default_intent_model()
    if model is None or not text.strip():
        return None
    return model.guess(text)


@lru_cache(maxsize=65536)
def _name_parts(name: str) -> tuple[str, ...]:
    return tuple(_LETTERS.findall(name_key(name)))


def named_contact(text: str, known_names: Sequence[str]) -> tuple[str, int] | None:
    """The one contact the line names, and where in the line: a full name first ("Omar
    Haddad"), else a first name or a surname said once ("omar's card", "the Haddad reminder")."""
    line = name_key(text)
    words = [(m.group(), m.start()) for m in _LETTERS.finditer(line)]
    if not words:
        return None
    tiers: list[list[tuple[str, int]]] = [[], [], []]
    for name in dict.fromkeys(known_names):
        parts = _name_parts(name)
        if not parts:
            continue
        size = len(parts)
        spans = [
            words[i][1]
            for i in range(len(words) - size + 1)
            if tuple(w for w, _ in words[i : i + size]) == parts
        ]
        if spans:
            tiers[0].append((name, spans[0]))
            continue
        firsts = [start for word, start in words if word == parts[0]]
        if firsts:
            tiers[1].append((name, firsts[0]))
        elif size > 1:
            lasts = [start for word, start in words if word == parts[-1]]
            if lasts:
                tiers[2].append((name, lasts[0]))
    for tier in tiers:
        if len(tier) == 1:
            return tier[0]
        if tier:
            return None  # two contacts read alike: the member is not asked to pick here
    return None


@dataclass(frozen=True)
class GuessedOffer:
    guess: IntentGuess
    person: str | None  # the contact the button acts on, for commands that need one
    label: str  # the button's words: "Cancel the follow-up with Jose Núñez"
    command: str  # the command text the button sends when tapped

    @property
    def destructive(self) -> bool:
        return self.guess.command in {"delete-contact", "forget-me"}


_OVERDUE = re.compile(r"\b(?:overdue|late|miss(?:ed)?|behind|past due|slipped)\b", re.IGNORECASE)
_EVERYTHING = re.compile(r"\b(?:all|everything|every|whole)\b", re.IGNORECASE)
_MONTH = re.compile(r"\b(?:month|monthly|30 days)\b", re.IGNORECASE)
_ALL_TIME = re.compile(r"\b(?:all[- ]time|ever|overall|since (?:i )?(?:started|joined))\b", re.I)
# Commands whose button may carry the line's own day or note, read from the name on. A note's
# text and a new name are not: "rename Priya goes by Priya Shah-Iyer now" would file "Goes By
# Priya Shah-Iyer", so those buttons name the person only and the command asks for the rest.
_COMMAND_TYPE: dict[str, type] = {
    "met": c.MetCommand,
    "follow-up": c.FollowUpCommand,
    "snooze": c.SnoozeCommand,
}


def _period(text: str) -> str:
    if _ALL_TIME.search(text):
        return "all"
    return "month" if _MONTH.search(text) else "week"


def _person_of(result: object) -> c.PersonRef | None:
    for attribute in ("person", "target"):
        ref = getattr(result, attribute, None)
        if isinstance(ref, c.PersonRef):
            return ref
    return None


def _completed(command: str, rest: str, person: str, known_names: Sequence[str]) -> str | None:
    """`command rest` when the parser reads it as that command about `person` ("snooze Dana 3
    days", "met Omar yesterday at the expo"): the button then carries the line's own details."""
    wanted = _COMMAND_TYPE.get(command)
    if wanted is None or not rest:
        return None
    text = f"{command} {rest}"
    result = parse_command(text, direct_message=True, known_names=known_names)
    ref = _person_of(result)
    if not isinstance(result, wanted) or ref is None:
        return None
    if isinstance(result, c.FollowUpCommand) and result.unsplit_words:
        return None  # the words after the name are not a day or a note the parser could place
    matched = match_names(ref.name, known_names)
    if len(matched) != 1 or known_names[matched[0]] != person:
        return None
    return text


def _button(command: str, person: str | None, text: str) -> tuple[str, str]:
    """(label, command text) of the button for a guessed command."""
    match command:
        case "met":
            return f"Log a meeting with {person}", f"met {person}"
        case "follow-up":
            return f"Follow up with {person}", f"follow-up {person}"
        case "snooze":
            return f"Snooze the follow-up with {person}", f"snooze {person}"
        case "done":
            return f"Mark the follow-up with {person} done", f"done {person}"
        case "cancel":
            return f"Cancel the follow-up with {person}", f"cancel {person}"
        case "who":
            return f"Show {person}'s card", f"who {person}"
        case "note":
            return f"Add a note about {person}", f"note {person}"
        case "rename":
            return f"Rename {person}", f"rename {person}"
        case "delete-contact":
            return f"Delete {person} from your contacts", f"delete-contact {person}"
        case "list":
            if _OVERDUE.search(text):
                return "Show your overdue follow-ups", "list overdue"
            if _EVERYTHING.search(text):
                return "Show all your follow-ups", "list all"
            return "Show your follow-ups", "list"
        case "stats":
            period = _period(text)
            span = {"week": "the week", "month": "the month", "all": "all time"}[period]
            return f"Show your stats for {span}", f"stats {period}"
        case "settings":
            return "Show your settings", "settings"
        case "digest":
            return "Preview the weekly digest", "digest preview"
        case "export":
            return "Export your data", "export"
        case "forget-me":
            return "Delete all your data (asks first)", "forget-me"
    raise ValueError(f"no button for {command!r}")


def guessed_offer(
    text: str,
    known_names: Sequence[str],
    model: IntentModel | None = None,
    threshold: float = THRESHOLD,
) -> GuessedOffer | None:
    """The button for what a line the rules gave up on most likely asks, when the model is
    confident and the command's person (if it needs one) is a contact the line names."""
    guess = guess_intent(text, model)
    if guess is None or guess.command in NOT_OFFERED or guess.probability < threshold:
        return None
    person: str | None = None
    if guess.command in NEEDS_PERSON:
        found = named_contact(text, known_names)
        if found is None:
            return None
        person = found[0]
    label, command = _button(guess.command, person, text)
    if person is not None:
        line = " ".join(text.split())
        at = _start_in(line, person, known_names)
        rest = line[at:] if at is not None else ""
        command = _completed(guess.command, rest, person, known_names) or command
    return GuessedOffer(guess, person, label, command)


def _start_in(line: str, person: str, known_names: Sequence[str]) -> int | None:
    """Where in `line` the contact is named, when the line's name key keeps its character
    positions (accents and case dropped one for one); None otherwise."""
    if len(name_key(line)) != len(line):
        return None
    found = named_contact(line, known_names)
    return found[1] if found is not None and found[0] == person else None


def guessed_reply(text: str, offer: GuessedOffer) -> Reply:
    """The unclear reply led by the guessed reading; "Review as a draft" stays. Nothing runs
    until a button is tapped (no typed "yes" runs the guess either)."""
    style: Literal["primary", "danger"] = "danger" if offer.destructive else "primary"
    return Reply(
        text=f"Did you mean: **{offer.label}**? I wasn't sure, so nothing is done yet. "
        "Tap it, or review your message as a draft, or type a command (`help` lists them).",
        actions=(
            Action(offer.label, offer.command, style=style),
            Action("Review as a draft", f"review {text}"),
        ),
    )
