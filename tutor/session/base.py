"""What the parts of a session share: one :class:`SessionState`, handed to each part explicitly.

:class:`tutor.session.engine.Session` builds the state and composes the parts around it: the
:class:`~tutor.session.walk.Walk` (moving through the plan, closing questions, the observer), the
:class:`~tutor.session.replies.Replies` (commands, explanations, glossary look-ups), the
:class:`~tutor.session.talk.Talk` (replies to what is said to the tutor) and the
:class:`~tutor.session.answers.Answering` (reading input at an open question, replying to
answers). Each part is given the state and the parts it calls, in that order, so there is no
cycle: Walk needs nothing else; Replies needs Walk; Talk needs Walk and Replies; Answering needs
Walk and Talk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from tutor.messages import Finished, Message, Summary
from tutor.model import Course, Lesson, Question
from tutor.records import SessionObserver
from tutor.session.plans import PlanItem
from tutor.session.state import AWAIT_ANSWER, QuestionState
from tutor.values import field, mutable

if TYPE_CHECKING:
    from tutor.grading.result import Grade
    from tutor.session.glossary import Glossary


class Grades(Protocol):
    """What a session needs of its grader (:class:`tutor.grading.Grader` is one)."""

    def grade(self, question: Question, text: str) -> Grade: ...


@mutable(eq=False)
class SessionState:
    """Where one session stands: its plan, each question's state, the score and what it waits for."""

    mode: str
    title: str
    lesson_id: str | None
    course: Course
    pace: bool
    grader: Grades
    observer: SessionObserver
    plan: list[PlanItem]
    # Where the student stands in each lesson ("new", "in progress", "done"), when known:
    # the advice at the end of a quiz fits it. The session never changes it.
    lesson_status: dict[str, str]
    # A resumed lesson's questions from the earlier sitting: closed, counted in the score.
    earlier: list[QuestionState]
    steps_before: int
    steps_total: int
    extra: dict[str, object]
    states: list[QuestionState | None] = field(init=False)  # per plan item; None: a teach step
    questions: list[QuestionState] = field(init=False)
    earned: float = field(init=False)
    pos: int = 0
    started: bool = False
    awaiting: str = AWAIT_ANSWER
    last_closed: QuestionState | None = None
    last_shown: list[Message] = field(default_factory=list)
    closed_count: int = 0
    placed: tuple[str, int] | None = None
    glossaries: dict[str, Glossary] = field(default_factory=dict)
    notices: list[Message] = field(default_factory=list)
    observer_errors: int = 0
    finished: Finished | None = None
    pending: str | None = None  # "reveal": the student was asked to confirm

    def __post_init__(self) -> None:
        self.states = [
            QuestionState(item, item.lesson.tries_for(q)) if (q := item.question) is not None
            else None
            for item in self.plan
        ]
        self.questions = [s for s in self.states if s is not None]
        self.earned = sum(st.awarded for st in self.earlier)

    @property
    def lesson(self) -> Lesson | None:
        """The lesson of the current step (learn: the lesson)."""
        if self.pos < len(self.plan):
            return self.plan[self.pos].lesson
        if self.lesson_id is not None:
            return self.course.lesson(self.lesson_id)
        return None

    @property
    def possible(self) -> int:
        return len(self.earlier) + len(self.questions)

    def summary(self, completed: bool) -> Summary:
        from tutor.session.summary import build_summary  # at the end: not needed to start

        return build_summary(
            mode=self.mode,
            title=self.title,
            lesson_id=self.lesson_id,
            course=self.course,
            results=[st.to_result() for st in (*self.earlier, *self.questions)],
            completed=completed,
            lesson_status=self.lesson_status,
        )

    def glossary(self, lesson: Lesson | None) -> Glossary:
        """The glossary a look-up uses in ``lesson``: its own terms, then the course's."""
        lid = lesson.id if lesson is not None else ""
        g = self.glossaries.get(lid)
        if g is None:
            from tutor.session.glossary import Glossary  # with the first look-up, not at start

            own = lesson.glossary if lesson is not None else ()
            g = Glossary((*own, *self.course.glossary))
            self.glossaries[lid] = g
        return g
