"""What the session engine reports as it goes, for the progress store (or anything else) to keep.

The session never imports the store: it calls an observer with these records, and the store
implements the observer. Records are plain data, safe to serialise.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from tutor.values import value


class Ending(StrEnum):
    """How a question ended (or did not): the one place that says what is right and missed."""

    CORRECT = "correct"
    TYPO = "typo"  # right, misspelt
    PARTIAL = "partial"  # some credit, not all
    WRONG = "wrong"  # out of tries
    SKIPPED = "skipped"  # skipped before any try
    REVEALED = "revealed"  # skipped after a try that earned nothing
    UNANSWERED = "unanswered"  # not reached, or left open when the session ended

    @property
    def right(self) -> bool:
        return self in (Ending.CORRECT, Ending.TYPO)

    @property
    def missed(self) -> bool:
        """Reached and not answered right: what a student should look at again. A question not
        reached is not missed."""
        return self in (Ending.WRONG, Ending.PARTIAL, Ending.SKIPPED, Ending.REVEALED)

    @classmethod
    def read(cls, value: str) -> Ending:
        """A stored result; an unknown one (a damaged or newer file) reads as wrong."""
        try:
            return cls(value)
        except ValueError:
            return cls.WRONG


@value
class Attempt:
    """One graded answer, reported the moment it is graded (invalid input is never reported)."""

    lesson_id: str
    question_id: str
    text: str  # what the student typed (control characters stripped)
    verdict: str  # a grading Verdict value: correct, typo, partial, misconception, close, wrong
    credit: float  # the grader's credit for this text, 0..1
    try_no: int  # 1 for the first try at this question
    hints_used: int
    final: bool  # True when the question is closed by this attempt (right, or out of tries)
    awarded: (
        float  # the credit the question earns in the score once final (after penalties), else 0
    )
    mode: str  # "learn", "quiz" or "review"


@value
class Outcome:
    """How a question ended, reported once per question: answered, skipped or revealed."""

    lesson_id: str
    question_id: str
    result: Ending  # never UNANSWERED: only a question that closed has an outcome
    awarded: float  # credit earned, 0..1, after penalties
    tries: int
    hints_used: int
    mode: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "result", Ending.read(self.result))  # "correct" is CORRECT


class SessionObserver(Protocol):
    """Implemented by the progress store; every method must return quickly and never raise."""

    def attempt(self, record: Attempt) -> None: ...

    def outcome(self, record: Outcome) -> None: ...

    def place(self, lesson_id: str, step_index: int) -> None:
        """The student has reached step ``step_index`` of the lesson (learn mode only)."""

    def finished(self, lesson_id: str | None, score: float, mode: str) -> None:
        """A lesson (or, with ``lesson_id=None``, a quiz or review) has ended with this score 0..1."""


class NullObserver:
    """Keeps nothing: used when a session runs without a store."""

    def attempt(self, record: Attempt) -> None:
        pass

    def outcome(self, record: Outcome) -> None:
        pass

    def place(self, lesson_id: str, step_index: int) -> None:
        pass

    def finished(self, lesson_id: str | None, score: float, mode: str) -> None:
        pass
