"""What the parts of a session share: the state :class:`tutor.session.engine.Session` sets up in
``__init__``, and the methods one mixin calls on another.

Only declarations. The mixins (:mod:`~tutor.session.walk`, :mod:`~tutor.session.answers`,
:mod:`~tutor.session.replies`) inherit from :class:`SessionParts` so that a type checker knows what
``self`` holds; at run time the class adds nothing (annotations create no attributes, and the
method signatures exist only for the type checker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from tutor.grading.result import Grade
from tutor.messages import Finished, Info, Message, Summary
from tutor.model import Course, Lesson, Question
from tutor.records import Ending, SessionObserver
from tutor.session.glossary import Glossary, Lookup
from tutor.session.plans import PlanItem
from tutor.session.state import QuestionState

if TYPE_CHECKING:
    from tutor.session.commands import DefineQuery
    from tutor.session.understand import Understood


class Grades(Protocol):
    """What a session needs of its grader (:class:`tutor.grading.Grader` is one)."""

    def grade(self, question: Question, text: str) -> Grade: ...


class SessionParts:
    """The state and the cross-mixin methods of a :class:`tutor.session.engine.Session`."""

    # Set by Session.__init__.
    mode: str
    title: str
    lesson_id: str | None
    course: Course
    pace: bool
    _grader: Grades
    _observer: SessionObserver
    _plan: list[PlanItem]
    _states: list[QuestionState | None]  # one per plan item; None for a teach step
    _questions: list[QuestionState]
    _earlier: list[QuestionState]
    _steps_before: int
    _steps_total: int
    _pos: int
    _started: bool
    _awaiting: str
    _last_closed: QuestionState | None
    _last_shown: list[Message]
    _closed_count: int
    _earned: float
    _placed: tuple[str, int] | None
    _glossaries: dict[str, Glossary]
    _notices: list[Message]
    _observer_errors: int
    _extra: dict[str, object]
    _finished: Finished | None
    _pending: str | None

    if TYPE_CHECKING:
        # engine.Session
        @property
        def lesson(self) -> Lesson | None: ...

        def _summary(self, completed: bool) -> Summary: ...

        @property
        def possible(self) -> int: ...

        # walk.Walk
        def _open(self) -> QuestionState | None: ...

        def _advance(self) -> list[Message]: ...

        def _after_close(self) -> list[Message]: ...

        def _finish(self) -> Finished: ...

        def _notify(self, method: str, *args: object) -> None: ...

        def _close(self, st: QuestionState, result: Ending, awarded: float) -> None: ...

        def _report_outcome(self, st: QuestionState) -> None: ...

        # replies.Replies
        def _glossary(self, lesson: Lesson | None) -> Glossary: ...

        def _define_reply(self, query: DefineQuery, lookup: Lookup, glossary: Glossary) -> Info: ...

        def _answer_command(self, name: str) -> list[Message]: ...

        def _give_up(self, st: QuestionState, how: str) -> list[Message]: ...

        # talk.Talk
        def _talk(self, st: QuestionState, u: Understood, text: str) -> list[Message]: ...

        def _talk_waiting(self, text: str) -> list[Message] | None: ...

        def _confirmed(self, st: QuestionState, text: str) -> list[Message] | None: ...
