"""What grading returns: a verdict, credit and the feedback a student reads."""

from __future__ import annotations

from enum import StrEnum

from tutor.values import value


class Verdict(StrEnum):
    CORRECT = "correct"  # full credit, as written or an accepted form
    TYPO = "typo"  # full credit; the feedback shows the right spelling
    PARTIAL = "partial"  # lists and multi: some of it
    MISCONCEPTION = "misconception"  # matched an anticipated wrong answer; its own reply
    CLOSE = "close"  # near but not acceptable: try again, answer not given away
    WRONG = "wrong"
    INVALID = "invalid"  # empty, too long, or not an answer at all: not counted as an attempt

    @property
    def counts(self) -> bool:
        """Whether this verdict uses up a try."""
        return self is not Verdict.INVALID

    @property
    def right(self) -> bool:
        """Whether the question is answered (full credit)."""
        return self in (Verdict.CORRECT, Verdict.TYPO)


@value
class Grade:
    verdict: Verdict
    credit: float  # 0..1
    feedback: str  # student-facing, plain text (never markup)
    matched: str | None = None  # the accepted form the answer matched, as the lesson spells it
    found: tuple[str, ...] = ()  # list / multi: expected items the answer named
    missing: tuple[str, ...] = ()  # list / multi: expected items it did not name
    extra: tuple[str, ...] = ()  # list / multi: what it named that is not expected
    rule: str = ""  # the grading rule that decided (``tutor.grading.pipeline``)
    free: bool = False  # a "close" that costs nothing: the right answer plus words to drop

    @property
    def counts(self) -> bool:
        """Whether this grade uses up a try (invalid answers and free "close" ones do not)."""
        return self.verdict.counts and not self.free

    def to_dict(self) -> dict[str, object]:
        return {
            "verdict": self.verdict.value,
            "credit": round(self.credit, 4),
            "matched": self.matched,
            "feedback": self.feedback,
            "found": list(self.found),
            "missing": list(self.missing),
            "extra": list(self.extra),
            "rule": self.rule,
        }
