"""Where a lesson picks up: one rule for every front end.

``resume(places, lesson)`` is the saved place when it lies inside the lesson, with how the
questions before it ended (so the resumed lesson is scored as a whole); the start otherwise, and
also when there is no store or it cannot be read (a student is never kept from a lesson by it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from tutor.model import Lesson
from tutor.records import Outcome
from tutor.values import field, value


class Places(Protocol):
    """What resuming needs of the progress store (``tutor.store.Store`` is one)."""

    def resume_point(self, lesson_id: str) -> int | None: ...

    def lesson_outcomes(self, lesson_id: str) -> Mapping[str, Outcome]: ...


@value
class Resume:
    """Where a lesson picks up: the step to start at and what was answered before it."""

    start_at: int = 0  # the step to start at
    prior: Mapping[str, Outcome] = field(default_factory=dict)  # questions before it

    def notice(self, lesson: Lesson) -> str | None:
        """``at step 4 of 12`` when the lesson is resumed, else None."""
        if not self.start_at:
            return None
        return f"picking up where you left off, at step {self.start_at + 1} of {len(lesson.steps)}"


def resume(places: Places | None, lesson: Lesson) -> Resume:
    if places is None:
        return Resume()
    try:
        point = places.resume_point(lesson.id) or 0
        if not 0 < point < len(lesson.steps):
            return Resume()
        return Resume(point, dict(places.lesson_outcomes(lesson.id)))
    except Exception:  # a store that cannot be read never keeps a student from the lesson
        return Resume()
