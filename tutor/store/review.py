"""Spaced review with FSRS (py-fsrs): the rating a graded outcome earns, and the card update.

The student is never asked to rate themselves; the rating comes from how the question ended
(docs/progress.md has the table):

- right on the first try with no hint -> Good
- right after a hint or a retry, a typo, or partly right -> Hard
- wrong, skipped or revealed -> Again

The scheduler runs without (re)learning steps: the lesson itself is the first exposure and
already repeats a missed question within the session, so the next review is a day or more away
(Again or Hard on a new card: 1 day; Good: 2 days; then growing with FSRS stability).

py-fsrs and hashlib are imported when a review is first recorded or read, not when the store
opens: showing the first question needs neither.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from tutor.records import Ending, Outcome

if TYPE_CHECKING:
    from fsrs import Card, Rating, Scheduler

HARD_RESULTS = frozenset({Ending.TYPO, Ending.PARTIAL})


def rating_for(outcome: Outcome) -> Rating:
    """The FSRS rating a question's outcome earns (see the module docstring)."""
    from fsrs import Rating

    if outcome.result is Ending.CORRECT:
        if outcome.tries <= 1 and outcome.hints_used == 0:
            return Rating.Good
        return Rating.Hard
    if outcome.result in HARD_RESULTS:
        return Rating.Hard
    # wrong, skipped, revealed, and anything unknown: see it again soon.
    return Rating.Again


def make_scheduler(*, fuzz: bool = True) -> Scheduler:
    from fsrs import Scheduler

    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=fuzz)


def card_id_for(student: str, lesson_id: str, question_id: str) -> int:
    """A stable card id (py-fsrs otherwise uses the clock and sleeps a millisecond)."""
    import hashlib

    digest = hashlib.blake2b(
        "\x1f".join((student, lesson_id, question_id)).encode(), digest_size=6
    ).digest()
    return int.from_bytes(digest, "big")


def new_card(student: str, lesson_id: str, question_id: str, now: datetime) -> Card:
    from fsrs import Card

    return Card(card_id=card_id_for(student, lesson_id, question_id), due=now)


def card_from_json(text: str) -> Card:
    """A card as stored (``Card.to_json()``); raises ValueError, KeyError or TypeError when the
    text is not one."""
    from fsrs import Card

    return Card.from_json(text)


def review(scheduler: Scheduler, card: Card, rating: Rating, now: datetime) -> Card:
    updated, _log = scheduler.review_card(card, rating, review_datetime=now)
    return updated
