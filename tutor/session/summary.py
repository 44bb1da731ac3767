"""The end of a session: score, per-question results, what was missed, and what to do next."""

from __future__ import annotations

from collections.abc import Sequence

from tutor.messages import QuestionResult, Summary
from tutor.model import Course


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def build_summary(
    *,
    mode: str,
    title: str,
    lesson_id: str | None,
    course: Course,
    results: Sequence[QuestionResult],
    completed: bool,
) -> Summary:
    earned = round(sum(r.awarded for r in results), 4)
    possible = len(results)
    by: dict[str, list[float]] = {}
    for r in results:
        acc = by.setdefault(r.lesson_id, [0.0, 0])
        acc[0] += r.awarded
        acc[1] += 1
    order = {lesson.id: n for n, lesson in enumerate(course.lessons)}
    by_lesson = tuple(
        (lid, round(acc[0], 4), int(acc[1]))
        for lid, acc in sorted(by.items(), key=lambda kv: order.get(kv[0], len(order)))
    )
    next_lesson_id = None
    if mode == "learn" and lesson_id is not None:
        ids = [lesson.id for lesson in course.lessons]
        if lesson_id in ids and ids.index(lesson_id) + 1 < len(ids):
            next_lesson_id = ids[ids.index(lesson_id) + 1]
    suggestion = _suggest(mode, lesson_id, course, results, completed, by_lesson, next_lesson_id)
    return Summary(
        mode=mode,
        title=title,
        lesson_id=lesson_id,
        results=tuple(results),
        earned=earned,
        possible=possible,
        by_lesson=by_lesson,
        suggestion=suggestion,
        completed=completed,
        next_lesson_id=next_lesson_id,
    )


def _suggest(
    mode: str,
    lesson_id: str | None,
    course: Course,
    results: Sequence[QuestionResult],
    completed: bool,
    by_lesson: Sequence[tuple[str, float, int]],
    next_lesson_id: str | None,
) -> str:
    missed = [r for r in results if r.result in ("wrong", "partial", "skipped", "revealed")]
    open_ = [r for r in results if r.result == "unanswered"]
    if not results:
        if mode == "learn" and next_lesson_id:
            return f"Next lesson: {_title(course, next_lesson_id)} (tutor learn {next_lesson_id})."
        return "There were no questions this time."
    if not completed and open_:
        where = {
            "learn": f"'tutor learn {lesson_id}' picks up where you left off.",
            "quiz": "Run 'tutor quiz' again when you are ready.",
            "review": "Run 'tutor review' again to finish the review.",
        }.get(mode, "")
        done = len(results) - len(open_)
        return f"You stopped with {done} of {len(results)} questions done. {where}".strip()
    if mode == "learn":
        if missed:
            n = len(missed)
            ones = "one" if n == 1 else f"{n}"
            return (
                f"Look again at the {ones} you missed (listed above): 'tutor review' asks "
                f"{'it' if n == 1 else 'them'} again, or 'tutor learn {lesson_id} --restart' "
                "walks the lesson again."
            )
        if next_lesson_id:
            return f"Well done. Next lesson: {_title(course, next_lesson_id)} (tutor learn {next_lesson_id})."
        return "Well done: that was the last lesson. Test yourself on the whole course with 'tutor quiz'."
    if mode == "quiz":
        if not missed:
            return "A perfect score. Well done."
        weakest = min(
            (row for row in by_lesson if row[2]), key=lambda row: row[1] / row[2]
        )
        return (
            f"Your weakest lesson was {_title(course, weakest[0])} "
            f"({_fmt(weakest[1])} of {weakest[2]}): 'tutor learn {weakest[0]} --restart' goes over it again."
        )
    if missed:
        return "The ones you missed will come back in your next review ('tutor review')."
    return "All remembered. Well done."


def _title(course: Course, lesson_id: str) -> str:
    lesson = course.lesson(lesson_id)
    return f"“{lesson.title}”" if lesson is not None else lesson_id
