"""The store's read side: where a student is, how each lesson has gone, what is due for review.

Owns ``LessonProgress`` and the queries behind ``resume_point``, ``lesson_outcomes``,
``lesson_progress``,
``due_reviews``, ``missed_today``, ``review_count``, ``next_review`` and ``card``; questions no longer in the course
are left out of the review queries. A part of :class:`tutor.store.progress.Store`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tutor.model import Course
from tutor.records import Ending, Outcome
from tutor.store import db
from tutor.store.base import StoreState
from tutor.store.review import card_from_json
from tutor.values import value

if TYPE_CHECKING:
    from fsrs import Card


@value
class LessonProgress:
    """How far a student has got with one lesson."""

    lesson_id: str
    status: str  # "new" | "in progress" | "done"
    best_score: float | None  # best finished learn score 0..1, None if never finished
    last_seen: datetime | None  # last answer, place or finish while learning the lesson (UTC)
    answered: int  # questions of the lesson answered at least once while learning it
    total: int | None  # questions in the lesson (None when no course was given)
    resume_at: int | None  # step index to resume at, None when there is no saved place
    times_done: int  # how many times the lesson was finished in learn mode


class Reads:
    """Queries over one student's rows."""

    def __init__(self, state: StoreState) -> None:
        self._state = state

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._state.lock:
            return self._state.connection.execute(sql, tuple(params)).fetchall()

    def resume_point(self, lesson_id: str) -> int | None:
        """The step index to resume the lesson at; None if never started or finished since."""
        rows = self._read(
            "SELECT step_index FROM places WHERE student = ? AND lesson_id = ?",
            (self._state.student, lesson_id),
        )
        return int(rows[0][0]) if rows else None

    def lesson_outcomes(self, lesson_id: str) -> dict[str, Outcome]:
        """How each question of the lesson ended in the sitting a resume continues.

        The latest learn-mode outcome of each question since the lesson was last finished in
        learn mode, keyed by question id: ``Session.learn(..., prior=...)`` counts them so that a
        resumed lesson's score covers the questions answered before the break.
        """
        rows = self._read(
            "SELECT question_id, result, awarded, tries, hints_used FROM outcomes"
            " WHERE student = ? AND lesson_id = ? AND mode = 'learn' AND at > COALESCE("
            "  (SELECT MAX(at) FROM finishes"
            "   WHERE student = ? AND lesson_id = ? AND mode = 'learn'), '')"
            " ORDER BY at, id",
            (self._state.student, lesson_id, self._state.student, lesson_id),
        )
        return {
            qid: Outcome(lesson_id, qid, Ending.read(result), float(awarded), int(tries), int(hints), "learn")
            for qid, result, awarded, tries, hints in rows
        }

    def lesson_progress(
        self, lesson_ids: Iterable[str], course: Course | None = None
    ) -> dict[str, LessonProgress]:
        """Progress for each lesson id (in the order given).

        ``status`` is "done" once the lesson was finished in learn mode, else "in progress" if
        there is a saved place or an answer given while learning it, else "new". Only learning
        counts: a quiz or a review of a lesson's questions never starts the lesson nor moves it
        on. With ``course``, ``answered`` counts only questions still in the lesson and ``total``
        is the lesson's question count.
        """
        ids = list(dict.fromkeys(lesson_ids))
        s = (self._state.student,)
        done = {
            r[0]: (r[1], r[2], r[3])
            for r in self._read(
                "SELECT lesson_id, MAX(score), MAX(at), COUNT(*) FROM finishes"
                " WHERE student = ? AND mode = 'learn' AND lesson_id IS NOT NULL"
                " GROUP BY lesson_id",
                s,
            )
        }
        places = {
            r[0]: (r[1], r[2])
            for r in self._read("SELECT lesson_id, step_index, at FROM places WHERE student = ?", s)
        }
        last_answer = {
            r[0]: r[1]
            for r in self._read(
                "SELECT lesson_id, MAX(at) FROM attempts WHERE student = ? AND mode = 'learn'"
                " GROUP BY lesson_id",
                s,
            )
        }
        answered: dict[str, set[str]] = {}
        for lesson_id, question_id, last_at in self._read(
            "SELECT lesson_id, question_id, MAX(at) FROM outcomes"
            " WHERE student = ? AND mode = 'learn' GROUP BY lesson_id, question_id",
            s,
        ):
            answered.setdefault(lesson_id, set()).add(question_id)
            if last_at > last_answer.get(lesson_id, ""):
                last_answer[lesson_id] = last_at

        result: dict[str, LessonProgress] = {}
        for lesson_id in ids:
            best, done_at, times = done.get(lesson_id, (None, None, 0))
            step, place_at = places.get(lesson_id, (None, None))
            seen = [t for t in (done_at, place_at, last_answer.get(lesson_id)) if t]
            questions = answered.get(lesson_id, set())
            total = None
            if course is not None:
                lesson = course.lesson(lesson_id)
                current = {q.id for q in lesson.questions} if lesson else set()
                questions = questions & current
                total = len(current)
            if times:
                status = "done"
            elif step is not None or lesson_id in last_answer:
                status = "in progress"
            else:
                status = "new"
            result[lesson_id] = LessonProgress(
                lesson_id=lesson_id,
                status=status,
                best_score=best,
                last_seen=db.parse_iso(max(seen)) if seen else None,
                answered=len(questions),
                total=total,
                resume_at=step,
                times_done=times,
            )
        return result

    def _cards_in_course(
        self, course: Course, due_before: str | None
    ) -> list[tuple[str, str, str]]:
        sql = "SELECT lesson_id, question_id, due FROM cards WHERE student = ?"
        params: list[Any] = [self._state.student]
        if due_before is not None:
            sql += " AND due <= ?"
            params.append(due_before)
        sql += " ORDER BY due, lesson_id, question_id"
        out = []
        for lesson_id, question_id, due in self._read(sql, params):
            lesson = course.lesson(lesson_id)
            if lesson is not None and lesson.question(question_id) is not None:
                out.append((lesson_id, question_id, due))
        return out

    def due_reviews(
        self, course: Course, now: datetime | None = None, limit: int | None = None
    ) -> list[tuple[str, str]]:
        """(lesson_id, question_id) refs due at ``now``, most overdue first, still in the course."""
        cutoff = db.iso(now or self._state.clock())
        refs = [(lid, qid) for lid, qid, _ in self._cards_in_course(course, cutoff)]
        return refs[:limit] if limit is not None else refs

    def missed_today(self, course: Course, now: datetime | None = None) -> list[tuple[str, str]]:
        """(lesson_id, question_id) refs of the questions whose latest outcome today (since local
        midnight) was missed, oldest first, still in the course: practice now, whatever the
        review schedule says."""
        at = (now or self._state.clock()).astimezone()
        since = db.iso(at.replace(hour=0, minute=0, second=0, microsecond=0))
        rows = self._read(
            "SELECT lesson_id, question_id, result, MAX(at) FROM outcomes"
            " WHERE student = ? AND at >= ? GROUP BY lesson_id, question_id ORDER BY MAX(at)",
            (self._state.student, since),
        )
        out = []
        for lesson_id, question_id, result, _at in rows:
            lesson = course.lesson(lesson_id)
            if Ending.read(result).missed and lesson is not None and lesson.question(question_id):
                out.append((lesson_id, question_id))
        return out

    def review_count(self, course: Course, now: datetime | None = None) -> int:
        return len(self.due_reviews(course, now))

    def next_review(self, course: Course) -> datetime | None:
        """When the next question falls due (may be in the past); None when there are no cards."""
        cards = self._cards_in_course(course, None)
        return db.parse_iso(cards[0][2]) if cards else None

    def card(self, lesson_id: str, question_id: str) -> Card | None:
        rows = self._read(
            "SELECT card FROM cards WHERE student = ? AND lesson_id = ? AND question_id = ?",
            (self._state.student, lesson_id, question_id),
        )
        return card_from_json(rows[0][0]) if rows else None
