"""What the app reads from the progress store (``ProgressStore``), and what the course screen
shows about each lesson.

The store is optional: with ``store=None`` every lesson is "new" and no scores are shown. A store
that fails while reading (a disk gone) costs a blank, never a crash of the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from tutor.model import Course, Lesson
from tutor.records import Outcome, SessionObserver
from tutor.values import value

if TYPE_CHECKING:
    from tutor.store.reads import LessonProgress


class ProgressStore(SessionObserver, Protocol):
    """What the app needs of the store (``tutor.store.Store`` is one): it observes sessions and
    answers these questions; ``warn`` is where it reports trouble (the app shows it)."""

    warn: Callable[[str], None]

    def lesson_progress(
        self, lesson_ids: Iterable[str], course: Course | None = None
    ) -> Mapping[str, LessonProgress]: ...

    def resume_point(self, lesson_id: str) -> int | None: ...

    def lesson_outcomes(self, lesson_id: str) -> Mapping[str, Outcome]: ...

    def due_reviews(self, course: Course) -> list[tuple[str, str]]: ...

    def missed_today(self, course: Course) -> list[tuple[str, str]]: ...


@value
class LessonRow:
    lesson: Lesson
    number: int  # 1-based position in the course
    status: str  # "new", "in progress", "done" ("" without a store)
    best: float | None  # best score 0..1, if any
    fraction: float  # how far through the lesson, 0..1
    last_seen: datetime | None = None

    @property
    def status_text(self) -> str:
        if not self.status:
            return ""
        if self.status == "done":
            text = "✓ done"
        elif self.status == "in progress":
            text = "◐ in progress"
        else:
            text = "· new"
        if self.best is not None and self.status != "new":
            text += f" · best {self.best:.0%}"
        return text


def lesson_rows(course: Course, store: ProgressStore | None = None) -> list[LessonRow]:
    ids = [lesson.id for lesson in course.lessons]
    progress: Mapping[str, LessonProgress] = {}
    if store is not None:
        try:
            progress = dict(store.lesson_progress(ids, course))
        except Exception:  # a store problem must not take the course screen down
            progress = {}
    rows = []
    for number, lesson in enumerate(course.lessons, start=1):
        p = progress.get(lesson.id)
        status = (p.status if p is not None else "new") if store is not None else ""
        best = p.best_score if p is not None else None
        fraction = 1.0 if status == "done" else 0.0
        if status == "in progress" and p is not None:
            if p.resume_at and lesson.steps:
                fraction = min(1.0, p.resume_at / len(lesson.steps))
            elif p.total:
                fraction = min(1.0, p.answered / p.total)
        seen = p.last_seen if p is not None else None
        rows.append(LessonRow(lesson, number, status, best, fraction, seen))
    return rows


def lesson_to_continue(rows: list[LessonRow]) -> int:
    """Index of the lesson to select: the one in progress (latest seen), else the first not done."""
    in_progress = [r for r in rows if r.status == "in progress"]
    if in_progress:
        seen = [r for r in in_progress if r.last_seen is not None]
        chosen = max(seen, key=lambda r: r.last_seen or datetime.min) if seen else in_progress[0]
        return chosen.number - 1
    for row in rows:
        if row.status != "done":
            return row.number - 1
    return 0


def missed_today(course: Course, store: ProgressStore | None = None) -> list[tuple[str, str]]:
    """The questions missed today, to practise now (none without a store or when it fails)."""
    if store is None:
        return []
    try:
        return [(lesson_id, question_id) for lesson_id, question_id in store.missed_today(course)]
    except Exception:
        return []


def due_reviews(course: Course, store: ProgressStore | None = None) -> list[tuple[str, str]]:
    if store is None:
        return []
    try:
        return [(lesson_id, question_id) for lesson_id, question_id in store.due_reviews(course)]
    except Exception:
        return []
