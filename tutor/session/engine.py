"""The lesson state machine that both front ends drive.

A :class:`Session` walks a plan of steps (a lesson, a quiz or a review list). It is pure: no
printing, no Textual, no I/O besides calling the observer. Front ends call :meth:`Session.start`
once, then :meth:`Session.submit` with each line the student types (or :meth:`Session.command` for
a key binding), and show the :mod:`tutor.messages` they get back.

What the student types while a question is open is read in this order:

1. nothing (or only control characters): a calm "type your answer" reply, not a try;
2. a chat command (``hint``, ``skip``, ``repeat``, ``why``, ``help``, ``quit``; see
   :mod:`tutor.session.commands`) or a glossary question (``what is X?``, ``define X``, ``X?``):
   the text is graded first, and if it is a real answer to *this* question (correct, partial,
   or an anticipated wrong answer; a typo only when the command was not spelled exactly) it is
   graded as an answer. So ``skip`` is an answer where ``skip`` is an option, and ``EAEU?`` is an
   unsure answer to a question about the EAEU, but a glossary question elsewhere. A bare ``X?`` is a
   glossary question only when X is a glossary term as written; otherwise it is an answer;
3. anything else is an answer. ``invalid`` answers cost nothing; others use a try.

A question closes when answered right, when its tries run out (the answer and the explanation are
then given), or when skipped. Credit: see :mod:`tutor.session.scoring`.

``why``/``explain`` explains the question that was closed last (with ``pace=False`` the next
question is already open; ``why`` before answering it still explains the previous one).

With ``pace=True`` the session waits (``awaiting == "continue"``) after each teach step and after a
question closes; an empty line, or any text that is not a command, moves on. With ``pace=False``
it flows straight on.

Observer calls: ``place`` when a learn session shows a step and, when a question closes, for the
step after it (so a restart never re-asks an answered question); ``attempt`` for every graded,
non-invalid answer; ``outcome`` once per closed question; ``finished`` when the session reaches
its end (not when the student quits or input ends early: the resume point then stays at the open
question). Observer exceptions are caught: the lesson goes on and a notice says progress was not
saved.

The parts: :mod:`tutor.session.state` (one question's state), :mod:`tutor.session.walk` (moving
through the plan, closing questions, the observer), :mod:`tutor.session.answers` (reading input
and replying to answers), :mod:`tutor.session.replies` (commands, explanations, glossary
look-ups). This module owns the :class:`Session` façade: its constructors, its state as front ends
read it, and ``start`` / ``submit`` / ``command`` / ``end``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from tutor.messages import Finished, Info, Message, Summary
from tutor.model import Course, Lesson, Question
from tutor.records import NullObserver, Outcome, SessionObserver
from tutor.safetext import clean_input
from tutor.session.answers import Answering
from tutor.session.base import Grades
from tutor.session.commands import Command
from tutor.session.glossary import Glossary
from tutor.session.plans import PlanItem, learn_plan, quiz_plan, review_plan
from tutor.session.replies import HELP_TEXT, Replies
from tutor.session.state import (
    AWAIT_ANSWER,
    AWAIT_CONTINUE,
    AWAIT_DONE,
    QuestionState,
    answer_text,
    earlier_states,
)
from tutor.session.summary import build_summary
from tutor.session.talk import Talk
from tutor.session.walk import Walk

__all__ = [
    "AWAIT_ANSWER",
    "AWAIT_CONTINUE",
    "AWAIT_DONE",
    "HELP_TEXT",
    "Session",
    "answer_text",
    "clean_input",
]


class Session(Walk, Answering, Talk, Replies):
    """A conversation over a plan of steps. Build one with :meth:`learn`, :meth:`quiz` or
    :meth:`review`."""

    def __init__(
        self,
        *,
        mode: str,
        title: str,
        plan: Sequence[PlanItem],
        course: Course,
        grader: Grades,
        observer: SessionObserver | None = None,
        pace: bool = False,
        lesson_id: str | None = None,
        steps_before: int = 0,
        steps_total: int | None = None,
        earlier: Sequence[QuestionState] = (),
        extra: dict[str, object] | None = None,
        lesson_status: Mapping[str, str] | None = None,
    ) -> None:
        self.mode = mode
        # Where the student stands in each lesson ("new", "in progress", "done"), when known:
        # the advice at the end of a quiz fits it. The session never changes it.
        self.lesson_status = dict(lesson_status or {})
        self.title = title
        self.lesson_id = lesson_id
        self.course = course
        self.pace = bool(pace)
        self._grader = grader
        self._observer: SessionObserver = observer if observer is not None else NullObserver()
        self._plan = list(plan)
        self._states: list[QuestionState | None] = [
            QuestionState(item, item.lesson.tries_for(q))
            if (q := item.question) is not None
            else None
            for item in self._plan
        ]
        self._questions = [s for s in self._states if s is not None]
        # A resumed lesson's questions from the earlier sitting: closed, counted in the score.
        self._earlier = list(earlier)
        self._steps_before = steps_before
        self._steps_total = steps_total if steps_total is not None else len(self._plan)
        self._pos = 0
        self._started = False
        self._awaiting = AWAIT_ANSWER
        self._last_closed: QuestionState | None = None
        self._last_shown: list[Message] = []
        self._closed_count = 0
        self._earned = sum(st.awarded for st in self._earlier)
        self._placed: tuple[str, int] | None = None
        self._glossaries: dict[str, Glossary] = {}
        self._notices: list[Message] = []
        self._observer_errors = 0
        self._extra = dict(extra or {})
        self._finished: Finished | None = None
        self._pending: str | None = None  # "reveal": the student was asked to confirm

    # ----------------------------------------------------------------- constructors

    @classmethod
    def learn(
        cls,
        course: Course,
        lesson_id: str,
        grader: Grades,
        observer: SessionObserver | None = None,
        start_at: int = 0,
        pace: bool = False,
        prior: Mapping[str, Outcome] | None = None,
    ) -> Session:
        """Walk one lesson from step ``start_at`` (a resume point). Unknown ids raise KeyError.

        When resuming, ``prior`` says how the questions before ``start_at`` ended in the sitting
        being resumed (``store.lesson_outcomes(lesson_id)``): they keep their credit, so the score
        and the summary cover the whole lesson, not just the part after the break.
        """
        lesson = course.lesson(lesson_id)
        if lesson is None:
            raise KeyError(lesson_id)
        start_at = max(0, min(int(start_at or 0), len(lesson.steps)))
        return cls(
            mode="learn",
            title=lesson.title,
            plan=learn_plan(lesson, start_at),
            course=course,
            grader=grader,
            observer=observer,
            pace=pace,
            lesson_id=lesson.id,
            steps_before=start_at,
            steps_total=len(lesson.steps),
            earlier=earlier_states(lesson, start_at, prior or {}),
        )

    @classmethod
    def quiz(
        cls,
        course: Course,
        grader: Grades,
        lesson_ids: Iterable[str] | None = None,
        count: int | None = None,
        seed: int | str | None = None,
        observer: SessionObserver | None = None,
        pace: bool = False,
        lesson_status: Mapping[str, str] | None = None,
    ) -> Session:
        """Questions only, from the chosen lessons (default all), shuffled (``random.Random(seed)``),
        the first ``count``. Unknown lesson ids raise KeyError. ``lesson_status`` is where the
        student stands in each lesson (``status`` of ``store.lesson_progress``), so that the
        closing advice never says "go over again" a lesson never started."""
        ids = list(lesson_ids) if lesson_ids else None
        plan = quiz_plan(course, ids, count, seed)
        chosen = [course.lesson(i) for i in ids] if ids else list(course.lessons)
        if len(chosen) == 1 and chosen[0] is not None:
            title = f"Quiz: {chosen[0].title}"
        else:
            title = f"Quiz: {len(chosen)} lessons"
        return cls(
            mode="quiz",
            title=title,
            plan=plan,
            course=course,
            grader=grader,
            observer=observer,
            pace=pace,
            extra={"seed": seed},
            lesson_status=lesson_status,
        )

    @classmethod
    def review(
        cls,
        course: Course,
        grader: Grades,
        refs: Iterable[tuple[str, str]],
        observer: SessionObserver | None = None,
        pace: bool = False,
        title: str = "Review",
    ) -> Session:
        """The questions named by ``(lesson_id, question_id)`` refs, in that order. Refs to
        questions that no longer exist are left out (listed in ``Finished.extra["missing"]``).
        :meth:`practice` is one under its own title."""
        plan, missing = review_plan(course, refs)
        return cls(
            mode="review",
            title=title,
            plan=plan,
            course=course,
            grader=grader,
            observer=observer,
            pace=pace,
            extra={"missing": missing} if missing else None,
        )

    @classmethod
    def practice(
        cls,
        course: Course,
        grader: Grades,
        refs: Iterable[tuple[str, str]],
        observer: SessionObserver | None = None,
        pace: bool = False,
    ) -> Session:
        """The questions just missed (``Summary.missed``, or ``store.missed_today(course)``), asked
        again now, whatever the review schedule says."""
        return cls.review(course, grader, refs, observer, pace, title="Practice: your mistakes")

    def practice_missed(self) -> Session | None:
        """A practice session of the questions this one missed, with the same grader, observer
        and pace; None when nothing was missed."""
        refs = [(r.lesson_id, r.question_id) for r in self.summary().missed]
        if not refs:
            return None
        return Session.practice(self.course, self._grader, refs, self._observer, self.pace)

    # ----------------------------------------------------------------- state

    @property
    def awaiting(self) -> str:
        return self._awaiting

    @property
    def done(self) -> bool:
        return self._awaiting == AWAIT_DONE

    @property
    def progress(self) -> tuple[int, int]:
        """(steps done, steps in all). Learn: steps of the lesson; quiz / review: questions."""
        if self.mode == "learn":
            done = self._steps_before + self._pos
            return min(done, self._steps_total), self._steps_total
        return self._closed_count, len(self._questions)

    @property
    def earned(self) -> float:
        return round(self._earned, 4)

    @property
    def possible(self) -> int:
        return len(self._earlier) + len(self._questions)

    @property
    def question(self) -> Question | None:
        """The open question, if any."""
        st = self._open()
        return st.question if st is not None else None

    @property
    def question_count(self) -> int:
        return len(self._questions)

    @property
    def lesson(self) -> Lesson | None:
        """The lesson of the current step (learn: the lesson)."""
        if self._pos < len(self._plan):
            return self._plan[self._pos].lesson
        if self.lesson_id is not None:
            return self.course.lesson(self.lesson_id)
        return None

    def summary(self) -> Summary:
        completed = self._finished.summary.completed if self._finished else self._all_closed()
        return self._summary(completed)

    def _summary(self, completed: bool) -> Summary:
        return build_summary(
            mode=self.mode,
            title=self.title,
            lesson_id=self.lesson_id,
            course=self.course,
            results=[st.to_result() for st in (*self._earlier, *self._questions)],
            completed=completed,
            lesson_status=self.lesson_status,
        )

    # ----------------------------------------------------------------- driving

    def start(self) -> list[Message]:
        """The first things the tutor says. Calling it again repeats nothing and returns []."""
        if self._started:
            return []
        self._started = True
        return self._deliver(self._recap() + self._flow())

    def submit(self, text: str) -> list[Message]:
        """What the tutor says in reply to a line the student typed."""
        out: list[Message] = [] if self._started else self.start()
        if self._awaiting == AWAIT_DONE:
            if not out:
                out.append(Info("This session is over.", "notice"))
            return out
        clean = clean_input(text)
        if self._awaiting == AWAIT_CONTINUE:
            out += self._on_continue(clean)
        else:
            out += self._on_answer(clean)
        return self._deliver(out)

    def command(self, name: str) -> list[Message]:
        """A command from a key binding: hint, skip, repeat, why (or explain), help, quit,
        or continue (move on when ``awaiting == "continue"``)."""
        name = {"explain": "why", "next": "continue"}.get(name, name)
        out: list[Message] = [] if self._started else self.start()
        self._pending = None
        if self._awaiting == AWAIT_DONE:
            return out or [Info("This session is over.", "notice")]
        if name == "continue":
            if self._awaiting == AWAIT_CONTINUE:
                out += self._advance()
            return self._deliver(out)
        if name not in ("hint", "skip", "repeat", "why", "help", "quit"):
            raise ValueError(f"unknown command: {name!r}")
        if self._awaiting == AWAIT_CONTINUE:
            out += self._continue_command(Command(name, True))
        else:
            out += self._answer_command(name)
        return self._deliver(out)

    def end(self) -> list[Message]:
        """Input has ended (EOF): finish now with a summary. Safe to call at any time."""
        if self._finished is not None:
            return []
        self._started = True
        return self._deliver([self._finish()])
