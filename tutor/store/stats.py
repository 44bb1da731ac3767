"""``tutor stats``: progress per lesson, the weakest questions, and history no longer in the course.

A question's *success rate* is the share of its outcomes (how each time it was asked ended) that
were not rated Again, i.e. answered right or nearly right (see docs/progress.md). The weakest
questions are those still in the course with the lowest success rate, then the most Agains.
"""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import asdict
from datetime import datetime
from typing import Any

from tutor.model import Course
from tutor.store import db
from tutor.store.progress import Store
from tutor.values import field, value

AGAIN = 1


@value
class LessonStat:
    lesson_id: str
    title: str
    status: str
    best_score: float | None
    last_seen: datetime | None
    answered: int
    total: int


@value
class QuestionStat:
    lesson_id: str
    question_id: str
    ask: str | None  # None when the question is no longer in the course
    attempts: int  # graded answers typed
    outcomes: int  # times the question was closed (answered, skipped or revealed)
    agains: int  # outcomes rated Again
    success_rate: float | None  # share of outcomes not rated Again; None with no outcome yet
    last_seen: datetime | None
    lesson_in_course: bool = True


@value
class Stats:
    student: str
    path: str
    lessons: list[LessonStat]
    weakest: list[QuestionStat]
    orphaned: list[QuestionStat]
    attempts: int
    due_now: int
    next_review: datetime | None
    questions_seen: int = 0  # distinct questions with any answer or outcome, in the course or not
    extra: dict[str, Any] = field(default_factory=dict)


def compute(
    store: Store, course: Course, *, weakest: int = 10, now: datetime | None = None
) -> Stats:
    conn = store.connection
    student = store.student
    progress = store.lesson_progress([lesson.id for lesson in course.lessons], course=course)
    lessons = [
        LessonStat(
            lesson_id=lesson.id,
            title=lesson.title,
            status=progress[lesson.id].status,
            best_score=progress[lesson.id].best_score,
            last_seen=progress[lesson.id].last_seen,
            answered=progress[lesson.id].answered,
            total=len(lesson.questions),
        )
        for lesson in course.lessons
    ]

    per_question: dict[tuple[str, str], dict[str, Any]] = {}

    def entry(lesson_id: str, question_id: str) -> dict[str, Any]:
        return per_question.setdefault(
            (lesson_id, question_id), {"attempts": 0, "outcomes": 0, "agains": 0, "last": ""}
        )

    for lesson_id, question_id, n, last in conn.execute(
        "SELECT lesson_id, question_id, COUNT(*), MAX(at) FROM attempts WHERE student = ?"
        " GROUP BY lesson_id, question_id",
        (student,),
    ):
        e = entry(lesson_id, question_id)
        e["attempts"], e["last"] = n, max(e["last"], last)
    for lesson_id, question_id, n, agains, last in conn.execute(
        "SELECT lesson_id, question_id, COUNT(*), SUM(rating = ?), MAX(at) FROM outcomes"
        " WHERE student = ? GROUP BY lesson_id, question_id",
        (AGAIN, student),
    ):
        e = entry(lesson_id, question_id)
        e["outcomes"], e["agains"], e["last"] = n, agains, max(e["last"], last)

    order = {
        (lesson.id, q.id): (i, j)
        for i, lesson in enumerate(course.lessons)
        for j, q in enumerate(lesson.questions)
    }
    current: list[QuestionStat] = []
    orphaned: list[QuestionStat] = []
    for (lesson_id, question_id), e in per_question.items():
        lesson = course.lesson(lesson_id)
        question = lesson.question(question_id) if lesson else None
        stat = QuestionStat(
            lesson_id=lesson_id,
            question_id=question_id,
            ask=question.ask if question else None,
            attempts=e["attempts"],
            outcomes=e["outcomes"],
            agains=e["agains"],
            success_rate=(1 - e["agains"] / e["outcomes"]) if e["outcomes"] else None,
            last_seen=db.parse_iso(e["last"]) if e["last"] else None,
            lesson_in_course=lesson is not None,
        )
        (current if question else orphaned).append(stat)

    weak = [s for s in current if s.success_rate is not None and s.success_rate < 1.0]
    weak.sort(
        key=lambda s: (s.success_rate, -s.agains, -s.outcomes, order[s.lesson_id, s.question_id])
    )
    orphaned.sort(key=lambda s: (s.lesson_id, s.question_id))
    attempts = conn.execute(
        "SELECT COUNT(*) FROM attempts WHERE student = ?", (student,)
    ).fetchone()[0]
    return Stats(
        student=student,
        path=str(store.path),
        lessons=lessons,
        weakest=weak[:weakest],
        orphaned=orphaned,
        attempts=attempts,
        due_now=store.review_count(course, now),
        next_review=store.next_review(course),
        questions_seen=len(per_question),
    )


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "-"


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{round(x * 100)}%"


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


AGAIN_MEANS = (
    "Least often right first. Not remembered: still wrong after the last try, skipped, or the "
    "answer shown; such a question comes back for review sooner."
)


def format_text(stats: Stats, *, named: bool = False, width: int | None = None) -> str:
    """A plain text report (times in local time), for the student reading it: "Your progress"
    unless a student was ``named`` (``--student``, ``TUTOR_STUDENT``); lessons and questions by
    their titles and words, never by their ids (``--json`` has the ids). Fits ``width`` columns
    (the terminal's, 80 on a pipe)."""
    if width is None:
        width = shutil.get_terminal_size((80, 24)).columns
    width = max(60, min(width, 120))
    whose = f"Progress of {stats.student}" if named else "Your progress"
    out: list[str] = [f"{whose}  ({stats.path})", ""]
    head = ("lesson", "status", "best", "answered", "last seen")
    cells = [
        (
            f"{n}. {s.title}",
            s.status,
            _pct(s.best_score),
            f"{s.answered} of {s.total}",
            _when(s.last_seen),
        )
        for n, s in enumerate(stats.lessons, start=1)
    ]
    widths = [max(len(r[i]) for r in [head, *cells]) for i in range(1, len(head))]
    title_width = max(20, width - sum(widths) - 2 * len(widths))
    rows = [(_cut(r[0], title_width), *r[1:]) for r in cells]
    widths.insert(0, max(len(r[0]) for r in [head, *rows]))
    for r in [head, *rows]:
        out.append("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    if not rows:
        out.append("(the course has no lessons)")

    out += ["", "Weakest questions"]
    if stats.weakest:
        out += textwrap.wrap(AGAIN_MEANS, width, initial_indent="  ", subsequent_indent="  ")
        out.append("")
        titles = {s.lesson_id: s.title for s in stats.lessons}
        for s in stats.weakest:
            right = s.outcomes - s.agains
            title = titles.get(s.lesson_id, s.lesson_id)
            # The question in up to two lines: questions of a lesson often differ only at the end.
            asked = " ".join(f"{title}: {s.ask or ''}".split())
            out += textwrap.wrap(
                asked, width, initial_indent="  ", subsequent_indent="    ", max_lines=2,
                placeholder=" …",
            )
            out.append(
                f"    right {right} of {s.outcomes} ({_pct(s.success_rate)}),"
                f" not remembered {_times(s.agains)}"
            )
    elif stats.questions_seen:
        out.append("  none: every question answered so far was right every time")
    else:
        out.append("  nothing answered yet")

    if stats.orphaned:
        out += ["", "No longer in the course (kept in history)"]
        titles = {s.lesson_id: s.title for s in stats.lessons}
        for s in stats.orphaned:
            if s.lesson_in_course:
                where = f"{titles.get(s.lesson_id, s.lesson_id)}: a question since removed"
            else:
                where = "a lesson since removed"
            out.append("  " + _cut(f"{where} ({s.lesson_id}/{s.question_id})", width - 2))
            out.append(f"    {_count(s.attempts, 'answer')}, last seen {_when(s.last_seen)}")

    out.append("")
    if stats.due_now:
        out.append(f"Reviews due now: {stats.due_now} (run: tutor review)")
    elif stats.next_review:
        out.append(f"Next review due: {_when(stats.next_review)}")
    else:
        out.append("No reviews scheduled yet.")
    out.append(f"Answers recorded: {stats.attempts}")
    return "\n".join(out) + "\n"


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return db.iso(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def to_json(stats: Stats) -> dict[str, Any]:
    """The same report as data (times in UTC, ISO 8601)."""
    data = _jsonable(asdict(stats))
    data.pop("extra", None)
    return data
