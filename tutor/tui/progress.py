"""What the course screen shows about each lesson, read from the store (or nothing without one).

The store is optional: with ``store=None`` every lesson is "new" and no scores are shown. The
store's own objects are read through ``getattr`` so that a missing field costs a blank, never a
crash of the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tutor.model import Course, Lesson


@dataclass(frozen=True, slots=True)
class LessonRow:
    lesson: Lesson
    number: int  # 1-based position in the course
    status: str  # "new", "in progress", "done" ("" without a store)
    best: float | None  # best score 0..1, if any
    fraction: float  # how far through the lesson, 0..1
    last_seen: object = None

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


def _field(obj: Any, *names: str) -> Any:
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return None


def lesson_rows(course: Course, store: Any = None) -> list[LessonRow]:
    ids = [lesson.id for lesson in course.lessons]
    progress: dict[str, Any] = {}
    if store is not None:
        try:
            progress = dict(store.lesson_progress(ids, course))
        except Exception:  # a store problem must not take the course screen down
            progress = {}
    rows = []
    for number, lesson in enumerate(course.lessons, start=1):
        p = progress.get(lesson.id)
        status = str(_field(p, "status") or "new") if store is not None else ""
        best = _field(p, "best", "best_score", "score")
        best = float(best) if isinstance(best, int | float) else None
        fraction = 1.0 if status == "done" else 0.0
        if status == "in progress":
            point = _field(p, "resume_at")
            answered, total = _field(p, "answered"), _field(p, "total")
            if isinstance(point, int) and point > 0 and lesson.steps:
                fraction = min(1.0, point / len(lesson.steps))
            elif isinstance(answered, int) and isinstance(total, int) and total:
                fraction = min(1.0, answered / total)
        rows.append(
            LessonRow(lesson, number, status, best, fraction, _field(p, "last_seen", "seen"))
        )
    return rows


def resume_point(store: Any, lesson_id: str) -> int:
    if store is None:
        return 0
    try:
        point = store.resume_point(lesson_id)
    except Exception:
        return 0
    return int(point) if isinstance(point, int) and point > 0 else 0


def earlier_outcomes(store: Any, lesson_id: str) -> dict[str, Any]:
    """How the questions before the resume point ended (``store.lesson_outcomes``), or {}."""
    if store is None:
        return {}
    try:
        return dict(store.lesson_outcomes(lesson_id))
    except Exception:
        return {}


def lesson_to_continue(rows: list[LessonRow]) -> int:
    """Index of the lesson to select: the one in progress (latest seen), else the first not done."""
    in_progress = [r for r in rows if r.status == "in progress"]
    if in_progress:
        try:
            chosen = max(in_progress, key=lambda r: (r.last_seen is not None, r.last_seen or 0))
        except TypeError:
            chosen = in_progress[0]
        return chosen.number - 1
    for row in rows:
        if row.status != "done":
            return row.number - 1
    return 0


def due_reviews(course: Course, store: Any = None) -> list[tuple[str, str]]:
    if store is None:
        return []
    try:
        return [tuple(ref) for ref in store.due_reviews(course)]
    except Exception:
        return []
