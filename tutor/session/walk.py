"""Walking a session's plan: showing steps until one waits for the student, closing questions,
finishing with a summary, and the observer calls with their safety net.

Owns the position in the plan and what ``awaiting`` says, the close of a question (credit, then
the observer's ``outcome``, then the resume point past it), ``Finished``, and the notice that
progress could not be saved when an observer call raises. A mixin of
:class:`tutor.session.engine.Session`.
"""

from __future__ import annotations

from tutor.messages import Finished, Info, Message, Teach
from tutor.model import Teach as TeachStep
from tutor.records import Ending, Outcome
from tutor.session.base import SessionParts
from tutor.session.state import AWAIT_ANSWER, AWAIT_CONTINUE, AWAIT_DONE, QuestionState


class Walk(SessionParts):
    """How a session moves through its plan and tells its observer."""

    def _open(self) -> QuestionState | None:
        if self._awaiting != AWAIT_ANSWER or self._pos >= len(self._plan):
            return None
        return self._states[self._pos]

    def _all_closed(self) -> bool:
        return self._closed_count >= len(self._questions)

    def _flow(self) -> list[Message]:
        """Show steps from the current position until one waits for the student."""
        out: list[Message] = []
        plan = self._plan
        while self._pos < len(plan):
            item = plan[self._pos]
            self._place(item.lesson.id, item.step_index)
            st = self._states[self._pos]
            if st is None:  # no question state: a teach step (mypy cannot see that)
                msg = Teach(item.step.text, item.lesson.id, item.step_index)  # type: ignore[union-attr]
                out.append(msg)
                self._last_shown = [msg]
                if self.pace:
                    self._awaiting = AWAIT_CONTINUE
                    return out
                self._pos += 1
                continue
            self._awaiting = AWAIT_ANSWER
            out.append(st.ask())
            return out
        out.append(self._finish())
        return out

    def _recap(self) -> list[Message]:
        """A lesson resumed at a question: first the last teach step before it, the teaching the
        question rests on, as a recap (nothing when it resumes at a teach step or at the start)."""
        if self.mode != "learn" or not self._steps_before or not self._plan:
            return []
        first = self._plan[0]
        if first.question is None:
            return []
        for index in range(first.step_index - 1, -1, -1):
            step = first.lesson.steps[index]
            if isinstance(step, TeachStep):
                return [Teach(step.text, first.lesson.id, index, recap=True)]
        return []

    def _advance(self) -> list[Message]:
        self._pos += 1
        return self._flow()

    def _after_close(self) -> list[Message]:
        if self.pace:
            self._awaiting = AWAIT_CONTINUE
            return []
        return self._advance()

    def _finish(self) -> Finished:
        if self._finished is not None:
            return self._finished
        completed = self._all_closed()
        self._awaiting = AWAIT_DONE
        summary = self._summary(completed)
        if completed:
            self._notify("finished", self.lesson_id, summary.score, self.mode)
        extra = dict(self._extra)
        if self._observer_errors:
            extra["observer_errors"] = self._observer_errors
        self._finished = Finished(summary, extra)
        return self._finished

    def _deliver(self, out: list[Message]) -> list[Message]:
        """Add pending notices (e.g. progress not saved) before any Finished message."""
        if self._notices:
            notices, self._notices = self._notices, []
            if out and isinstance(out[-1], Finished):
                out = out[:-1] + notices + out[-1:]
            else:
                out = out + notices
        return out

    # ----------------------------------------------------------------- internals: observer

    def _notify(self, method: str, *args: object) -> None:
        try:
            getattr(self._observer, method)(*args)
        except Exception as exc:  # the store promises not to raise; the lesson goes on anyway
            self._observer_errors += 1
            if self._observer_errors == 1:
                self._notices.append(
                    Info(
                        f"Your progress could not be saved ({type(exc).__name__}). "
                        "The lesson goes on.",
                        "notice",
                    )
                )

    def _place(self, lesson_id: str, step_index: int) -> None:
        if self.mode != "learn":
            return
        where = (lesson_id, step_index)
        if where != self._placed:
            self._placed = where
            self._notify("place", lesson_id, step_index)

    def _close(self, st: QuestionState, result: Ending, awarded: float) -> None:
        st.closed = True
        st.result = result
        st.awarded = awarded
        self._earned += awarded
        self._closed_count += 1
        self._last_closed = st

    def _report_outcome(self, st: QuestionState) -> None:
        """Tell the observer how the question ended, then move the resume point past it.

        In that order: a kill between the two must leave the place at this question (asked
        again on resume), never past a question whose answer was not saved.
        """
        self._notify(
            "outcome",
            Outcome(
                lesson_id=st.item.lesson.id,
                question_id=st.question.id,
                result=st.result,
                awarded=st.awarded,
                tries=st.attempts,
                hints_used=st.hints_used,
                mode=self.mode,
            ),
        )
        lesson = st.item.lesson
        if st.item.step_index + 1 < len(lesson.steps):
            self._place(lesson.id, st.item.step_index + 1)
