"""Reading what the student types while a question is open, and replying to an answer.

Owns the order in which input is read (see :mod:`tutor.session.engine`: empty, command or glossary
question, or answer), grading through the course's grader (whose failures never end the lesson),
the try and credit bookkeeping, the feedback text, and the observer's ``attempt`` and ``outcome``
records. A part of :class:`tutor.session.engine.Session` (see :mod:`tutor.session.base`).
"""

from __future__ import annotations

import re

from tutor.grading.result import Grade, Verdict
from tutor.kinds import kind
from tutor.messages import Feedback, Message
from tutor.model import Question
from tutor.records import Attempt, Ending
from tutor.session.base import SessionState
from tutor.session.intent import TENTATIVE
from tutor.session.scoring import award, credit_note
from tutor.session.state import QuestionState, answer_line, answer_text
from tutor.session.talk import Talk
from tutor.session.understand import Understood, understand
from tutor.session.walk import Walk
from tutor.session.withhold import knows

MAX_INPUT = 2000  # characters; longer input is not an answer (and is not graded)


_DEFAULT_FEEDBACK = {
    Verdict.CORRECT: "Correct.",
    Verdict.TYPO: "Accepted.",
    Verdict.PARTIAL: "Partly right.",
    Verdict.MISCONCEPTION: "Not quite.",
    Verdict.CLOSE: "Close, but not quite.",
    Verdict.WRONG: "Not right.",
    Verdict.INVALID: "I didn't catch an answer there.",
}


def brief(text: str, limit: int = 160) -> str:
    """The first sentence of ``text`` (whole when short): the explanation after a right answer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]
    return head if len(head) <= limit * 2 else head[: limit - 1].rsplit(" ", 1)[0] + "…"


class Answering:
    """How a session takes an answer to its open question."""

    def __init__(self, state: SessionState, walk: Walk, talk: Talk) -> None:
        self.state = state
        self.walk = walk
        self.talk = talk

    def on_answer(self, clean: str) -> list[Message]:
        st = self.state.states[self.state.pos]
        assert st is not None
        q = st.question
        if not clean:
            return [
                self._invalid(
                    st,
                    Grade(
                        Verdict.INVALID, 0.0, "Type your answer, or 'help' to see what you can say."
                    ),
                )
            ]
        if len(clean) > MAX_INPUT:
            return [
                self._invalid(
                    st,
                    Grade(
                        Verdict.INVALID,
                        0.0,
                        "That is far longer than any answer here. Please type a short answer.",
                    ),
                )
            ]
        if self.state.pending == "reveal":
            reply = self.talk.confirmed(st, clean)
            if reply is not None:
                return reply
        u = understand(q, clean, self._grade, self.state.glossary(st.item.lesson),
                       knows=lambda text: self._knows(q, text))
        if not u.answer:
            return self.talk.reply(st, u, clean)
        assert u.grade is not None
        return self._answer(st, clean, u.grade, u)

    def _keep_found(self, st: QuestionState, text: str, grade: Grade) -> Grade:
        """A kind that keeps what was found (list, multi): a retry adds to the items already
        found, so the student only types what is missing. The better of the retry alone and the
        retry with them. A kind whose tries build up (an explanation) is graded on everything said
        so far."""
        q = st.question
        unit = kind(q.type)
        if unit.builds_up:  # an explanation: what was said on earlier tries counts too
            built = st.to_grade(text)
            return self._grade(q, built) if built != text else grade
        if grade.found:
            st.found = tuple(dict.fromkeys((*st.found, *grade.found)))
        retyped = unit.keeps_found
        if not st.found or retyped is None:
            return grade
        kept = [f for f in st.found if f not in grade.found]
        if not kept:
            return grade
        again = [t for t in (retyped(q, f) for f in kept) if t is not None]
        both = self._grade(q, ", ".join([*again, text]))
        if float(both.credit) > float(grade.credit) or both.verdict.right and not grade.verdict.right:
            st.found = tuple(dict.fromkeys((*st.found, *both.found)))
            return both
        return grade

    def _knows(self, q: Question, text: str) -> bool:
        """Whether ``text`` names something the course or the open question speaks of."""
        return knows(self.state.course, q, text)

    def _grade(self, q: Question, text: str) -> Grade:
        try:
            grade = self.state.grader.grade(q, text)
        except Exception as exc:  # the grader promises not to raise; never lose the lesson
            return Grade(
                Verdict.INVALID,
                0.0,
                f"I could not grade that ({type(exc).__name__}). Please try rephrasing.",
            )
        if not isinstance(grade, Grade):
            return Grade(Verdict.INVALID, 0.0, "I could not grade that. Please try rephrasing.")
        return grade

    def _invalid(self, st: QuestionState, grade: Grade) -> Feedback:
        """An answer that uses no try: not an answer, or a "close" that costs nothing."""
        text = grade.feedback.strip() or _DEFAULT_FEEDBACK[Verdict.INVALID]
        if grade.counts:  # defensive: never count this as a try
            grade = Grade(Verdict.INVALID, 0.0, text)
        return Feedback(grade=grade, text=text, final=False, tries_left=st.tries_left)

    def _answer(
        self, st: QuestionState, text: str, grade: Grade, u: Understood | None = None
    ) -> list[Message]:
        if not grade.counts:
            return [self._invalid(st, grade)]
        tentative = u is not None and u.kind == TENTATIVE and u.graded != text
        q = st.question
        grade = self._keep_found(st, u.graded if u is not None else text, grade)
        st.attempts += 1
        try_no = st.attempts
        earned = award(grade, try_no, st.hints_used)
        st.best = max(st.best, earned)
        st.given = text
        st.said.append(text)
        right = grade.verdict.right
        final = right or st.attempts >= st.tries
        awarded = 0.0
        if final:
            awarded = st.best
            if right:
                result = Ending(grade.verdict.value)
            elif st.best > 0:
                result = Ending.PARTIAL
            else:
                result = Ending.WRONG
            self.walk.close(st, result, awarded)
        self.walk.notify(
            "attempt",
            Attempt(
                lesson_id=st.item.lesson.id,
                question_id=q.id,
                text=text,
                verdict=grade.verdict.value,
                credit=float(grade.credit),
                try_no=try_no,
                hints_used=st.hints_used,
                final=final,
                awarded=awarded,
                mode=self.state.mode,
            ),
        )
        parts = [grade.feedback.strip() or _DEFAULT_FEEDBACK.get(grade.verdict, "")]
        if not final:
            left = st.tries_left
            more = " or type 'hint'" if st.hints_used < len(q.hints) else " or type 'skip'"
            word = "try" if left == 1 else "tries"
            if grade.verdict is Verdict.PARTIAL:
                parts.append(f"Try again to complete it ({left} {word} left),{more}.")
            else:
                parts.append(f"Try again ({left} {word} left),{more}.")
        elif not right:
            parts.append(answer_line(q))
            if q.explain:
                parts.append(q.explain.strip())
        elif q.explain:  # right: the explanation, briefly
            parts.append(brief(q.explain))
        note = credit_note(awarded, try_no, st.hints_used, not right) if final else ""
        fb = Feedback(
            grade=grade,
            text="\n".join(p for p in parts if p),
            final=final,
            tries_left=st.tries_left,
            awarded=awarded if final else None,
            answer=answer_text(q) if final and not right else None,
            explain=q.explain if final else None,
            note=note,
            understood=u.kind if u is not None else "answer",
            graded_text=u.graded if tentative and u is not None else None,
        )
        if not final:
            return [fb]
        self.walk.report_outcome(st)
        self.state.last_shown = [fb]
        return [fb, *self.walk.after_close()]
