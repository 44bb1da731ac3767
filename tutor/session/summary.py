"""The end of a session: score, per-question results, what was missed, and what to do next."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tutor.figures import figure
from tutor.messages import QuestionResult, Summary
from tutor.model import Course
from tutor.records import Ending


def build_summary(
    *,
    mode: str,
    title: str,
    lesson_id: str | None,
    course: Course,
    results: Sequence[QuestionResult],
    completed: bool,
    lesson_status: Mapping[str, str] | None = None,
) -> Summary:
    earned = round(sum(r.awarded for r in results), 4)
    possible = len(results)
    by: dict[str, list[float]] = {}
    for r in results:
        acc = by.setdefault(r.lesson_id, [0.0, 0])
        acc[0] += r.awarded
        acc[1] += 1
    ids = course.lesson_ids
    order = {lesson_id: n for n, lesson_id in enumerate(ids)}
    by_lesson = tuple(
        (lid, round(acc[0], 4), int(acc[1]))
        for lid, acc in sorted(by.items(), key=lambda kv: order.get(kv[0], len(order)))
    )
    next_lesson_id = None
    if mode == "learn" and lesson_id in ids and ids.index(lesson_id) + 1 < len(ids):
        next_lesson_id = ids[ids.index(lesson_id) + 1]
    suggestion, command = _suggest(
        mode, lesson_id, course, results, completed, by_lesson, next_lesson_id, lesson_status or {}
    )
    return Summary(
        mode=mode,
        title=title,
        lesson_id=lesson_id,
        results=tuple(results),
        earned=earned,
        possible=possible,
        by_lesson=by_lesson,
        suggestion=suggestion,
        suggested_command=command,
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
    lesson_status: Mapping[str, str],
) -> tuple[str, str]:
    """(advice in the tutor's words, the command line that acts on it, or "").

    The advice names no commands: the full-screen app offers its own buttons for them, and the
    plain front end shows the command beside the advice.
    """
    missed = [r for r in results if r.result.missed]
    open_ = [r for r in results if r.result is Ending.UNANSWERED]
    if not results:
        if mode == "learn" and next_lesson_id:
            return f"Next lesson: {_title(course, next_lesson_id)}.", f"tutor learn {next_lesson_id}"
        return "There were no questions this time.", ""
    if not completed and open_:
        done = len(results) - len(open_)
        stopped = f"You stopped with {done} of {len(results)} questions done."
        if mode == "learn":
            return f"{stopped} Next time you pick up where you left off.", f"tutor learn {lesson_id}"
        if mode == "quiz":
            return f"{stopped} Start a new quiz when you are ready.", "tutor quiz"
        return f"{stopped} The rest stay due for review.", "tutor review"
    if mode == "learn":
        if missed:
            n = len(missed)
            them = "it" if n == 1 else "them"
            return (
                f"Look again at the {'one' if n == 1 else n} you missed: the review asks {them} "
                "again, or you can walk through the lesson again.",
                f"tutor review, or tutor learn {lesson_id} --restart",
            )
        if next_lesson_id:
            return f"Well done. Next lesson: {_title(course, next_lesson_id)}.", f"tutor learn {next_lesson_id}"
        return "Well done: that was the last lesson. Test yourself on the whole course with a quiz.", "tutor quiz"
    if mode == "quiz":
        if not missed:
            return "A perfect score. Well done.", ""
        weakest = min((row for row in by_lesson if row[2]), key=lambda row: row[1] / row[2])
        said = (
            f"Your weakest lesson was {_title(course, weakest[0])} "
            f"({figure(weakest[1])} of {weakest[2]})."
        )
        return _weakest_advice(said, weakest[0], lesson_status.get(weakest[0], ""))
    if missed:
        return "The ones you missed will come back in your next review.", "tutor review"
    return "All remembered. Well done.", ""


def _weakest_advice(said: str, lesson_id: str, state: str) -> tuple[str, str]:
    """The quiz's advice about its weakest lesson, fitted to where the student stands in it:
    going over a lesson again only once it was done; finishing one begun; taking one never
    started. Without a status (no progress store) the advice is to take the lesson, which
    ``tutor learn`` does from wherever the student is."""
    command = f"tutor learn {lesson_id}"
    if state == "done":
        return f"{said} Going over it again would help.", f"{command} --restart"
    if state == "in progress":
        return f"{said} Finishing it would help: you are part-way through.", command
    if state == "new":
        return f"{said} You have not taken it yet: it teaches what you missed.", command
    return f"{said} Taking the lesson would help.", command


def _title(course: Course, lesson_id: str) -> str:
    lesson = course.lesson(lesson_id)
    return f"“{lesson.title}”" if lesson is not None else lesson_id
