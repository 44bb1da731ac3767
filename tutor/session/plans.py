"""Which steps a session walks: a lesson from a step on, a shuffled quiz, or a review list."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from tutor.model import Course, Lesson, Question, Step
from tutor.values import value


@value
class PlanItem:
    """One step of a session's plan, with the lesson it comes from."""

    lesson: Lesson
    step_index: int  # index of the step in ``lesson.steps``
    step: Step
    number: int = 0  # questions: 1-based number shown to the student; teach steps: 0
    total: int = 0  # questions: the "of N"

    @property
    def question(self) -> Question | None:
        return self.step if isinstance(self.step, Question) else None


def learn_plan(lesson: Lesson, start_at: int = 0) -> list[PlanItem]:
    """Every step from ``start_at``; questions keep their number within the whole lesson."""
    start_at = max(0, min(int(start_at), len(lesson.steps)))
    total = sum(1 for s in lesson.steps if isinstance(s, Question))
    plan: list[PlanItem] = []
    number = 0
    for i, step in enumerate(lesson.steps):
        if isinstance(step, Question):
            number += 1
            if i >= start_at:
                plan.append(PlanItem(lesson, i, step, number, total))
        elif i >= start_at:
            plan.append(PlanItem(lesson, i, step))
    return plan


def _numbered(pairs: Sequence[tuple[Lesson, int, Question]]) -> list[PlanItem]:
    total = len(pairs)
    return [PlanItem(lesson, i, q, n, total) for n, (lesson, i, q) in enumerate(pairs, 1)]


def quiz_plan(
    course: Course,
    lesson_ids: Iterable[str] | None = None,
    count: int | None = None,
    seed: int | str | None = None,
) -> list[PlanItem]:
    """Questions from the chosen lessons (default: all), shuffled, the first ``count`` of them.

    The same seed over the same course always gives the same quiz (``random.Random(seed)``).
    Unknown lesson ids raise ``KeyError`` naming them; check them before calling.
    """
    if lesson_ids is None:
        lessons = list(course.lessons)
    else:
        lessons = []
        unknown = []
        for lesson_id in dict.fromkeys(lesson_ids):
            lesson = course.lesson(lesson_id)
            if lesson is None:
                unknown.append(lesson_id)
            else:
                lessons.append(lesson)
        if unknown:
            raise KeyError(", ".join(unknown))
    pool = [
        (lesson, i, step)
        for lesson in lessons
        for i, step in enumerate(lesson.steps)
        if isinstance(step, Question)
    ]
    random.Random(seed).shuffle(pool)
    if count is not None:
        pool = pool[: max(0, int(count))]
    return _numbered(pool)


def review_plan(course: Course, refs: Iterable[tuple[str, str]]) -> tuple[list[PlanItem], list[tuple[str, str]]]:
    """The referenced questions in the given order, and the refs that no longer exist."""
    index: dict[str, dict[str, tuple[int, Question]]] = {}
    pairs: list[tuple[Lesson, int, Question]] = []
    missing: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for lesson_id, question_id in refs:
        ref = (str(lesson_id), str(question_id))
        if ref in seen:
            continue
        seen.add(ref)
        lesson = course.lesson(ref[0])
        if lesson is None:
            missing.append(ref)
            continue
        if lesson.id not in index:
            index[lesson.id] = {
                s.id: (i, s) for i, s in enumerate(lesson.steps) if isinstance(s, Question)
            }
        found = index[lesson.id].get(ref[1])
        if found is None:
            missing.append(ref)
            continue
        pairs.append((lesson, found[0], found[1]))
    return _numbered(pairs), missing
