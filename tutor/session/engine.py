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

The parts, composed rather than inherited: one :class:`~tutor.session.base.SessionState` (the
plan, each question's state from :mod:`tutor.session.state`, the score, what the session waits
for) handed to :mod:`tutor.session.walk` (moving through the plan, closing questions, the
observer), :mod:`tutor.session.replies` (commands, explanations, glossary look-ups),
:mod:`tutor.session.talk` (replies to talk) and :mod:`tutor.session.answers` (reading input and
replying to answers). This module owns the :class:`Session` façade: its constructors, its state as
front ends read it, and ``start`` / ``submit`` / ``command`` / ``end``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from tutor.messages import Info, Message, Summary
from tutor.model import Course, Lesson, Question
from tutor.records import NullObserver, Outcome, SessionObserver
from tutor.safetext import clean_input
from tutor.session.base import Grades, SessionState
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
from tutor.session.walk import Walk

if TYPE_CHECKING:
    from tutor.session.answers import Answering
    from tutor.session.talk import Talk

__all__ = [
    "AWAIT_ANSWER",
    "AWAIT_CONTINUE",
    "AWAIT_DONE",
    "HELP_TEXT",
    "Session",
    "answer_text",
    "clean_input",
]


class Session:
    """A conversation over a plan of steps. Build one with :meth:`learn`, :meth:`quiz` or
    :meth:`review`.

    Composed, not inherited: one :class:`~tutor.session.base.SessionState` handed to the parts
    (:class:`Walk`, :class:`Replies`, :class:`Talk`, :class:`Answering`); this class forwards its
    public API to them."""

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
        plan = list(plan)
        self._state = SessionState(
            mode=mode,
            title=title,
            lesson_id=lesson_id,
            course=course,
            pace=bool(pace),
            grader=grader,
            observer=observer if observer is not None else NullObserver(),
            plan=plan,
            lesson_status=dict(lesson_status or {}),
            earlier=list(earlier),
            steps_before=steps_before,
            steps_total=steps_total if steps_total is not None else len(plan),
            extra=dict(extra or {}),
        )
        self._walk = Walk(self._state)
        self._replies = Replies(self._state, self._walk)

    # Reading what the student types (intent, search, the glossary, rapidfuzz) is built with the
    # first line typed: showing the first question needs none of it.

    @cached_property
    def _talk(self) -> Talk:
        from tutor.session.talk import Talk

        return Talk(self._state, self._walk, self._replies)

    @cached_property
    def _answers(self) -> Answering:
        from tutor.session.answers import Answering

        return Answering(self._state, self._walk, self._talk)

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
        s = self._state
        return Session.practice(s.course, s.grader, refs, s.observer, s.pace)

    # ----------------------------------------------------------------- state

    @property
    def mode(self) -> str:
        """"learn", "quiz" or "review"."""
        return self._state.mode

    @property
    def title(self) -> str:
        return self._state.title

    @property
    def lesson_id(self) -> str | None:
        return self._state.lesson_id

    @property
    def course(self) -> Course:
        return self._state.course

    @property
    def pace(self) -> bool:
        return self._state.pace

    @property
    def lesson_status(self) -> dict[str, str]:
        """Where the student stands in each lesson, when known (the session never changes it)."""
        return self._state.lesson_status

    @property
    def awaiting(self) -> str:
        return self._state.awaiting

    @property
    def done(self) -> bool:
        return self._state.awaiting == AWAIT_DONE

    @property
    def progress(self) -> tuple[int, int]:
        """(steps done, steps in all). Learn: steps of the lesson; quiz / review: questions."""
        s = self._state
        if s.mode == "learn":
            done = s.steps_before + s.pos
            return min(done, s.steps_total), s.steps_total
        return s.closed_count, len(s.questions)

    @property
    def earned(self) -> float:
        return round(self._state.earned, 4)

    @property
    def possible(self) -> int:
        return self._state.possible

    @property
    def question(self) -> Question | None:
        """The open question, if any."""
        st = self._walk.open()
        return st.question if st is not None else None

    @property
    def question_count(self) -> int:
        return len(self._state.questions)

    @property
    def _questions(self) -> list[QuestionState]:
        """Each question's state, in plan order (tests read how many tries one took)."""
        return self._state.questions

    @property
    def lesson(self) -> Lesson | None:
        """The lesson of the current step (learn: the lesson)."""
        return self._state.lesson

    def summary(self) -> Summary:
        s = self._state
        completed = s.finished.summary.completed if s.finished else self._walk.all_closed()
        return s.summary(completed)

    # ----------------------------------------------------------------- driving

    def start(self) -> list[Message]:
        """The first things the tutor says. Calling it again repeats nothing and returns []."""
        if self._state.started:
            return []
        self._state.started = True
        return self._walk.deliver(self._walk.recap() + self._walk.flow())

    def submit(self, text: str) -> list[Message]:
        """What the tutor says in reply to a line the student typed."""
        s = self._state
        out: list[Message] = [] if s.started else self.start()
        if s.awaiting == AWAIT_DONE:
            if not out:
                out.append(Info("This session is over.", "notice"))
            return out
        clean = clean_input(text)
        if s.awaiting == AWAIT_CONTINUE:
            out += self._on_continue(clean)
        else:
            out += self._answers.on_answer(clean)
        return self._walk.deliver(out)

    def _on_continue(self, clean: str) -> list[Message]:
        """A line typed while the session waits to go on: a command, talk, or (anything else,
        Enter included) go on."""
        if not clean:
            return self._walk.advance()
        from tutor.session.commands import parse_command  # reading typed lines: not at start

        cmd = parse_command(clean)
        if cmd is not None:
            return self._replies.continue_command(cmd)
        reply = self._talk.waiting(clean)
        return reply if reply is not None else self._walk.advance()

    def command(self, name: str) -> list[Message]:
        """A command from a key binding: hint, skip, repeat, why (or explain), help, quit,
        or continue (move on when ``awaiting == "continue"``)."""
        s = self._state
        name = {"explain": "why", "next": "continue"}.get(name, name)
        out: list[Message] = [] if s.started else self.start()
        s.pending = None
        if s.awaiting == AWAIT_DONE:
            return out or [Info("This session is over.", "notice")]
        if name == "continue":
            if s.awaiting == AWAIT_CONTINUE:
                out += self._walk.advance()
            return self._walk.deliver(out)
        if name not in ("hint", "skip", "repeat", "why", "help", "quit"):
            raise ValueError(f"unknown command: {name!r}")
        if s.awaiting == AWAIT_CONTINUE:
            from tutor.session.commands import Command

            out += self._replies.continue_command(Command(name, True))
        else:
            out += self._replies.answer_command(name)
        return self._walk.deliver(out)

    def end(self) -> list[Message]:
        """Input has ended (EOF): finish now with a summary. Safe to call at any time."""
        if self._state.finished is not None:
            return []
        self._state.started = True
        return self._walk.deliver([self._walk.finish()])
