"""One question of a session: how it has gone so far, and how its answer reads.

Owns ``QuestionState`` (tries, hints, best award, result; the ``Ask`` and ``QuestionResult`` it
turns into) and ``answer_text`` / ``answer_line`` (the right answer as the student is shown it).
Students' text is cleaned by :func:`tutor.safetext.clean_input`.
"""

from __future__ import annotations

from collections.abc import Mapping

from tutor.kinds import kind
from tutor.messages import Ask, QuestionResult
from tutor.model import Lesson, Question
from tutor.records import Ending, Outcome
from tutor.session.plans import PlanItem, learn_plan

AWAIT_ANSWER = "answer"  # a question is open
AWAIT_CONTINUE = "continue"  # paced: waiting for Enter before going on
AWAIT_DONE = "done"

class QuestionState:
    """One question of the session and how it has gone so far."""

    __slots__ = (
        "item",
        "tries",
        "attempts",
        "hints_used",
        "best",
        "given",
        "closed",
        "result",
        "awarded",
        "found",
        "said",
    )

    def __init__(self, item: PlanItem, tries: int) -> None:
        self.item = item
        self.tries = max(1, int(tries))
        self.attempts = 0  # graded tries used
        self.hints_used = 0
        self.best = 0.0  # best award so far
        self.given: str | None = None
        self.closed = False
        self.result = Ending.UNANSWERED
        self.awarded = 0.0
        self.found: tuple[str, ...] = ()  # list / multi: the items already named right
        self.said: list[str] = []  # open questions: the earlier tries, which still count

    @property
    def question(self) -> Question:
        # Only questions get a state, but PlanItem.step is typed Teach | Question.
        return self.item.step  # type: ignore[return-value]

    @property
    def tries_left(self) -> int:
        return max(0, self.tries - self.attempts)

    def to_grade(self, text: str) -> str:
        """What is graded: an explanation (open question) is built up over the tries, so what was
        said before counts with what is said now; any other answer stands alone."""
        if self.said and kind(self.question.type).builds_up:
            return "\n".join([*self.said, text])
        return text

    def to_result(self) -> QuestionResult:
        q = self.question
        return QuestionResult(
            lesson_id=self.item.lesson.id,
            question_id=q.id,
            ask=q.ask,
            result=self.result,
            awarded=self.awarded,
            tries=self.attempts,
            hints_used=self.hints_used,
            answer=answer_text(q),
            explain=q.explain,
            given=self.given,
        )

    def ask(self, repeated: bool = False) -> Ask:
        """The question as it is put to the student (again, when ``repeated``)."""
        q = self.question
        return Ask(
            question=q,
            lesson_id=self.item.lesson.id,
            number=self.item.number,
            total=self.item.total,
            try_no=min(self.attempts + 1, self.tries),
            tries=self.tries,
            hints_left=max(0, len(q.hints) - self.hints_used),
            repeated=repeated,
        )


def earlier_states(lesson: Lesson, start_at: int, prior: Mapping[str, Outcome]) -> list[QuestionState]:
    """The questions before ``start_at`` of a resumed lesson, closed as they ended last time.

    ``prior`` is how each question ended in the sitting being resumed (the store's
    ``lesson_outcomes``); a question it does not mention counts as unanswered, with no credit.
    """
    out: list[QuestionState] = []
    for item in learn_plan(lesson):
        if item.step_index >= start_at:
            break
        if item.question is None:
            continue
        st = QuestionState(item, lesson.tries_for(item.question))
        st.closed = True
        ended = prior.get(item.question.id)
        if ended is not None:
            st.result = ended.result
            st.awarded = st.best = max(0.0, min(1.0, float(ended.awarded)))
            st.attempts = max(0, int(ended.tries))
            st.hints_used = max(0, int(ended.hints_used))
        out.append(st)
    return out


def answer_text(q: Question) -> str:
    """The right answer as a student reads it; choice/multi name the options, not just letters."""
    return kind(q.type).shown_answer(q)


def answer_line(q: Question) -> str:
    answer = answer_text(q)
    end = "" if answer.endswith((".", "!", "?")) else "."
    return f"The answer: {answer}{end}"
