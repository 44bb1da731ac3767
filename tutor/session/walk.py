"""Walking a session's plan: showing steps until one waits for the student, closing questions,
finishing with a summary, and the observer calls with their safety net.

Owns the position in the plan and what ``awaiting`` says, the close of a question (credit, then
the observer's ``outcome``, then the resume point past it), ``Finished``, and the notice that
progress could not be saved when an observer call raises. A part of
:class:`tutor.session.engine.Session` (see :mod:`tutor.session.base`).
"""

from __future__ import annotations

from tutor.messages import Finished, Info, Message, Teach
from tutor.model import Teach as TeachStep
from tutor.records import Ending, Outcome
from tutor.session.base import SessionState
from tutor.session.state import AWAIT_ANSWER, AWAIT_CONTINUE, AWAIT_DONE, QuestionState


class Walk:
    """How a session moves through its plan and tells its observer."""

    def __init__(self, state: SessionState) -> None:
        self.state = state

    def open(self) -> QuestionState | None:
        if self.state.awaiting != AWAIT_ANSWER or self.state.pos >= len(self.state.plan):
            return None
        return self.state.states[self.state.pos]

    def all_closed(self) -> bool:
        return self.state.closed_count >= len(self.state.questions)

    def flow(self) -> list[Message]:
        """Show steps from the current position until one waits for the student."""
        out: list[Message] = []
        plan = self.state.plan
        while self.state.pos < len(plan):
            item = plan[self.state.pos]
            self._place(item.lesson.id, item.step_index)
            st = self.state.states[self.state.pos]
            if st is None:  # no question state: a teach step (mypy cannot see that)
                msg = Teach(item.step.text, item.lesson.id, item.step_index)  # type: ignore[union-attr]
                out.append(msg)
                self.state.last_shown = [msg]
                if self.state.pace:
                    self.state.awaiting = AWAIT_CONTINUE
                    return out
                self.state.pos += 1
                continue
            self.state.awaiting = AWAIT_ANSWER
            out.append(st.ask())
            return out
        out.append(self.finish())
        return out

    def recap(self) -> list[Message]:
        """A lesson resumed at a question: first the last teach step before it, the teaching the
        question rests on, as a recap (nothing when it resumes at a teach step or at the start)."""
        if self.state.mode != "learn" or not self.state.steps_before or not self.state.plan:
            return []
        first = self.state.plan[0]
        if first.question is None:
            return []
        for index in range(first.step_index - 1, -1, -1):
            step = first.lesson.steps[index]
            if isinstance(step, TeachStep):
                return [Teach(step.text, first.lesson.id, index, recap=True)]
        return []

    def advance(self) -> list[Message]:
        self.state.pos += 1
        return self.flow()

    def after_close(self) -> list[Message]:
        if self.state.pace:
            self.state.awaiting = AWAIT_CONTINUE
            return []
        return self.advance()

    def finish(self) -> Finished:
        if self.state.finished is not None:
            return self.state.finished
        completed = self.all_closed()
        self.state.awaiting = AWAIT_DONE
        summary = self.state.summary(completed)
        if completed:
            self.notify("finished", self.state.lesson_id, summary.score, self.state.mode)
        extra = dict(self.state.extra)
        if self.state.observer_errors:
            extra["observer_errors"] = self.state.observer_errors
        self.state.finished = Finished(summary, extra)
        return self.state.finished

    def deliver(self, out: list[Message]) -> list[Message]:
        """Add pending notices (e.g. progress not saved) before any Finished message."""
        if self.state.notices:
            notices, self.state.notices = self.state.notices, []
            if out and isinstance(out[-1], Finished):
                out = out[:-1] + notices + out[-1:]
            else:
                out = out + notices
        return out

    # ----------------------------------------------------------------- internals: observer

    def notify(self, method: str, *args: object) -> None:
        try:
            getattr(self.state.observer, method)(*args)
        except Exception as exc:  # the store promises not to raise; the lesson goes on anyway
            self.state.observer_errors += 1
            if self.state.observer_errors == 1:
                self.state.notices.append(
                    Info(
                        f"Your progress could not be saved ({type(exc).__name__}). "
                        "The lesson goes on.",
                        "notice",
                    )
                )

    def _place(self, lesson_id: str, step_index: int) -> None:
        if self.state.mode != "learn":
            return
        where = (lesson_id, step_index)
        if where != self.state.placed:
            self.state.placed = where
            self.notify("place", lesson_id, step_index)

    def close(self, st: QuestionState, result: Ending, awarded: float) -> None:
        st.closed = True
        st.result = result
        st.awarded = awarded
        self.state.earned += awarded
        self.state.closed_count += 1
        self.state.last_closed = st

    def report_outcome(self, st: QuestionState) -> None:
        """Tell the observer how the question ended, then move the resume point past it.

        In that order: a kill between the two must leave the place at this question (asked
        again on resume), never past a question whose answer was not saved.
        """
        self.notify(
            "outcome",
            Outcome(
                lesson_id=st.item.lesson.id,
                question_id=st.question.id,
                result=st.result,
                awarded=st.awarded,
                tries=st.attempts,
                hints_used=st.hints_used,
                mode=self.state.mode,
            ),
        )
        lesson = st.item.lesson
        if st.item.step_index + 1 < len(lesson.steps):
            self._place(lesson.id, st.item.step_index + 1)
