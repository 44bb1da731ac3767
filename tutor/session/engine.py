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
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from tutor.grading.result import Grade, Verdict
from tutor.messages import (
    Ask,
    Feedback,
    Finished,
    Hint,
    Info,
    Message,
    QuestionResult,
    Summary,
    Teach,
)
from tutor.model import Course, Lesson, Question, QuestionType
from tutor.records import Attempt, NullObserver, Outcome, SessionObserver
from tutor.session.commands import Command, DefineQuery, fold, parse_command, parse_define
from tutor.session.glossary import Glossary, Lookup
from tutor.session.plans import PlanItem, learn_plan, quiz_plan, review_plan
from tutor.session.scoring import award
from tutor.session.summary import build_summary

MAX_INPUT = 2000  # characters; longer input is not an answer (and is not graded)

AWAIT_ANSWER = "answer"
AWAIT_CONTINUE = "continue"
AWAIT_DONE = "done"

_ANSWER_VERDICTS = frozenset({Verdict.CORRECT, Verdict.TYPO, Verdict.PARTIAL, Verdict.MISCONCEPTION})
_NON_WORD = re.compile(r"[^\w]+")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")

_DEFAULT_FEEDBACK = {
    Verdict.CORRECT: "Correct.",
    Verdict.TYPO: "Accepted.",
    Verdict.PARTIAL: "Partly right.",
    Verdict.MISCONCEPTION: "Not quite.",
    Verdict.CLOSE: "Close, but not quite.",
    Verdict.WRONG: "Not right.",
    Verdict.INVALID: "I didn't catch an answer there.",
}

HELP_TEXT = (
    "While a question is open you can type:\n"
    "  hint         a hint (each one lowers the credit a little)\n"
    "  skip         move on and see the answer\n"
    "  repeat       ask the question again\n"
    "  why          the explanation, once a question is answered\n"
    "  what is X?   look up a term (also: define X, X?)\n"
    "  help         this list\n"
    "  quit         stop now and see your summary\n"
    "Anything else is taken as your answer. A wrong answer may be tried again; "
    "each extra try lowers the credit a little."
)

_TYPE_HELP = {
    QuestionType.CHOICE: "Answer with the letter, the number or the text of an option.",
    QuestionType.MULTI: "Give the letters of every right option, e.g. 'A, C'.",
    QuestionType.TRUEFALSE: "Answer true or false.",
    QuestionType.LIST: "Name the items in any order, separated by commas or 'and'.",
    QuestionType.NUMBER: "Answer with a number; words like 'eighteen million' work too.",
}


def clean_input(text: str) -> str:
    """The student's text without terminal escapes and control characters, trimmed."""
    if not isinstance(text, str):
        text = str(text)
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    if not text.isprintable():
        text = "".join(
            " " if c in "\t\n\r\v\f" else c
            for c in text
            if c in "\t\n\r\v\f" or not unicodedata.category(c).startswith("C")
        )
    return text.strip()


class _QState:
    """One question of the session and how it has gone so far."""

    __slots__ = (
        "item", "tries", "attempts", "hints_used", "best", "given", "closed", "result", "awarded",
    )

    def __init__(self, item: PlanItem, tries: int) -> None:
        self.item = item
        self.tries = max(1, int(tries))
        self.attempts = 0  # graded tries used
        self.hints_used = 0
        self.best = 0.0  # best award so far
        self.given: str | None = None
        self.closed = False
        self.result = "unanswered"
        self.awarded = 0.0

    @property
    def question(self) -> Question:
        return self.item.step  # type: ignore[return-value]

    @property
    def tries_left(self) -> int:
        return max(0, self.tries - self.attempts)

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


class Session:
    """A conversation over a plan of steps. Build one with :meth:`learn`, :meth:`quiz` or
    :meth:`review`."""

    def __init__(
        self,
        *,
        mode: str,
        title: str,
        plan: Sequence[PlanItem],
        course: Course,
        grader: object,
        observer: SessionObserver | None = None,
        pace: bool = False,
        lesson_id: str | None = None,
        steps_before: int = 0,
        steps_total: int | None = None,
        extra: dict[str, object] | None = None,
    ) -> None:
        self.mode = mode
        self.title = title
        self.lesson_id = lesson_id
        self.course = course
        self.pace = bool(pace)
        self._grader = grader
        self._observer: SessionObserver = observer if observer is not None else NullObserver()
        self._plan = list(plan)
        self._states: list[_QState | None] = [
            _QState(item, item.lesson.tries_for(item.step)) if item.question is not None else None
            for item in self._plan
        ]
        self._questions = [s for s in self._states if s is not None]
        self._steps_before = steps_before
        self._steps_total = steps_total if steps_total is not None else len(self._plan)
        self._pos = 0
        self._started = False
        self._awaiting = AWAIT_ANSWER
        self._last_closed: _QState | None = None
        self._last_shown: list[Message] = []
        self._closed_count = 0
        self._earned = 0.0
        self._placed: tuple[str, int] | None = None
        self._glossaries: dict[str, Glossary] = {}
        self._course_glossary = None
        self._notices: list[Message] = []
        self._observer_errors = 0
        self._extra = dict(extra or {})
        self._finished: Finished | None = None

    # ----------------------------------------------------------------- constructors

    @classmethod
    def learn(
        cls,
        course: Course,
        lesson_id: str,
        grader: object,
        observer: SessionObserver | None = None,
        start_at: int = 0,
        pace: bool = False,
    ) -> Session:
        """Walk one lesson from step ``start_at`` (a resume point). Unknown ids raise KeyError."""
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
        )

    @classmethod
    def quiz(
        cls,
        course: Course,
        grader: object,
        lesson_ids: Iterable[str] | None = None,
        count: int | None = None,
        seed: int | str | None = None,
        observer: SessionObserver | None = None,
        pace: bool = False,
    ) -> Session:
        """Questions only, from the chosen lessons (default all), shuffled (``random.Random(seed)``),
        the first ``count``. Unknown lesson ids raise KeyError."""
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
        )

    @classmethod
    def review(
        cls,
        course: Course,
        grader: object,
        refs: Iterable[tuple[str, str]],
        observer: SessionObserver | None = None,
        pace: bool = False,
    ) -> Session:
        """The questions named by ``(lesson_id, question_id)`` refs, in that order. Refs to
        questions that no longer exist are left out (listed in ``Finished.extra["missing"]``)."""
        plan, missing = review_plan(course, refs)
        return cls(
            mode="review",
            title="Review",
            plan=plan,
            course=course,
            grader=grader,
            observer=observer,
            pace=pace,
            extra={"missing": missing} if missing else None,
        )

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
        return len(self._questions)

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
        return build_summary(
            mode=self.mode,
            title=self.title,
            lesson_id=self.lesson_id,
            course=self.course,
            results=[st.to_result() for st in self._questions],
            completed=completed,
        )

    # ----------------------------------------------------------------- driving

    def start(self) -> list[Message]:
        """The first things the tutor says. Calling it again repeats nothing and returns []."""
        if self._started:
            return []
        self._started = True
        return self._deliver(self._flow())

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

    # ----------------------------------------------------------------- internals: flow

    def _open(self) -> _QState | None:
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
            if st is None:
                msg = Teach(item.step.text, item.lesson.id, item.step_index)  # type: ignore[union-attr]
                out.append(msg)
                self._last_shown = [msg]
                if self.pace:
                    self._awaiting = AWAIT_CONTINUE
                    return out
                self._pos += 1
                continue
            self._awaiting = AWAIT_ANSWER
            out.append(self._ask(st))
            return out
        out.append(self._finish())
        return out

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
        summary = build_summary(
            mode=self.mode,
            title=self.title,
            lesson_id=self.lesson_id,
            course=self.course,
            results=[st.to_result() for st in self._questions],
            completed=completed,
        )
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

    # ----------------------------------------------------------------- internals: messages

    def _ask(self, st: _QState, repeated: bool = False) -> Ask:
        q = st.question
        return Ask(
            question=q,
            lesson_id=st.item.lesson.id,
            number=st.item.number,
            total=st.item.total,
            try_no=min(st.attempts + 1, st.tries),
            tries=st.tries,
            hints_left=max(0, len(q.hints) - st.hints_used),
            repeated=repeated,
        )

    def _source_text(self, lesson: Lesson, source: str | None) -> str | None:
        if not source:
            return None
        head, _, rest = source.partition(",")
        sources = dict(lesson.sources)
        full = sources.get(head.strip())
        if full is None:
            return source
        return f"{full},{rest}" if rest else full

    def _explain(self, st: _QState, about_last: bool) -> Info:
        q = st.question
        parts: list[str] = []
        if about_last:
            parts.append(f"About the last question ({q.ask.strip()}):")
        parts.append(q.explain.strip() if q.explain else "There is no explanation for this one.")
        if st.result not in ("correct", "typo"):
            parts.append(_answer_line(q))
        src = self._source_text(st.item.lesson, q.source)
        if src:
            parts.append(f"Source: {src}")
        return Info("\n".join(parts), "explain")

    def _glossary(self, lesson: Lesson | None) -> Glossary:
        lid = lesson.id if lesson is not None else ""
        g = self._glossaries.get(lid)
        if g is None:
            own = lesson.glossary if lesson is not None else ()
            g = Glossary((*own, *self.course.glossary))
            self._glossaries[lid] = g
        return g

    def _define_reply(self, query: DefineQuery, lookup: Lookup, glossary: Glossary) -> Info:
        asked = query.term
        if lookup.entry is not None:
            e = lookup.entry
            return Info(f"{e.term}: {e.definition.strip()}", "define")
        if lookup.suggestions:
            names = _or_list(lookup.suggestions)
            return Info(
                f"I don't have “{asked}” in the glossary. Did you mean {names}? "
                f"Ask “what is {lookup.suggestions[0]}?”.",
                "define",
            )
        terms = glossary.terms
        tail = f" The glossary has: {', '.join(terms)}." if 0 < len(terms) <= 12 else ""
        return Info(f"I don't have “{asked}” in the glossary.{tail}", "define")

    # ----------------------------------------------------------------- internals: input

    def _on_continue(self, clean: str) -> list[Message]:
        if not clean:
            return self._advance()
        cmd = parse_command(clean)
        if cmd is not None:
            return self._continue_command(cmd)
        query = parse_define(clean)
        if query is not None:
            glossary = self._glossary(self.lesson)
            lookup = glossary.lookup(query.term)
            if not query.bare or lookup.exact:
                return [self._define_reply(query, lookup, glossary)]
        return self._advance()

    def _continue_command(self, cmd: Command) -> list[Message]:
        name = cmd.name
        if name == "quit":
            return [self._finish()]
        if name == "help":
            return [Info(HELP_TEXT + "\nPress Enter to go on.", "help")]
        if name == "why":
            if self._last_closed is not None:
                return [self._explain(self._last_closed, about_last=False)]
            return [Info("There is nothing to explain yet. Press Enter to go on.", "notice")]
        if name == "repeat":
            return list(self._last_shown)
        if name == "hint":
            return [Info("No question is open just now. Press Enter to go on.", "notice")]
        return self._advance()  # skip: move on

    def _on_answer(self, clean: str) -> list[Message]:
        st = self._states[self._pos]
        assert st is not None
        q = st.question
        if not clean:
            return [self._invalid(st, Grade(Verdict.INVALID, 0.0, "Type your answer, or 'help' to see what you can say."))]
        if len(clean) > MAX_INPUT:
            return [self._invalid(st, Grade(Verdict.INVALID, 0.0, "That is far longer than any answer here. Please type a short answer."))]
        cmd = parse_command(clean)
        query = parse_define(clean) if cmd is None else None
        if cmd is None and query is None:
            return self._answer(st, clean, self._grade(q, clean))
        grade = self._grade(q, clean)
        lookup = None
        glossary = None
        if query is not None:
            glossary = self._glossary(st.item.lesson)
            lookup = glossary.lookup(query.term)
            if query.bare and not lookup.exact:
                return self._answer(st, clean, grade)  # "Russia?": an unsure answer
        if _expects(q, clean):
            return self._answer(st, clean, grade)  # "Help" is one of the options
        if grade.verdict in _ANSWER_VERDICTS:
            exact_other = (cmd is not None and cmd.exact) or (lookup is not None and lookup.exact)
            if not (grade.verdict is Verdict.TYPO and exact_other):
                return self._answer(st, clean, grade)
        if cmd is not None:
            return self._answer_command(cmd.name)
        assert query is not None and lookup is not None and glossary is not None
        return [self._define_reply(query, lookup, glossary)]

    def _grade(self, q: Question, text: str) -> Grade:
        try:
            grade = self._grader.grade(q, text)  # type: ignore[attr-defined]
        except Exception as exc:  # the grader promises not to raise; never lose the lesson
            return Grade(Verdict.INVALID, 0.0, f"I could not grade that ({type(exc).__name__}). Please try rephrasing.")
        if not isinstance(grade, Grade):
            return Grade(Verdict.INVALID, 0.0, "I could not grade that. Please try rephrasing.")
        return grade

    def _invalid(self, st: _QState, grade: Grade) -> Feedback:
        text = grade.feedback.strip() or _DEFAULT_FEEDBACK[Verdict.INVALID]
        if grade.verdict is not Verdict.INVALID:  # defensive: never count this as a try
            grade = Grade(Verdict.INVALID, 0.0, text)
        return Feedback(grade=grade, text=text, final=False, tries_left=st.tries_left)

    def _answer(self, st: _QState, text: str, grade: Grade) -> list[Message]:
        if not grade.verdict.counts:
            return [self._invalid(st, grade)]
        q = st.question
        st.attempts += 1
        try_no = st.attempts
        earned = award(grade, try_no, st.hints_used)
        st.best = max(st.best, earned)
        st.given = text
        right = grade.verdict.right
        final = right or st.attempts >= st.tries
        awarded = 0.0
        if final:
            awarded = st.best
            if right:
                result = grade.verdict.value
            elif st.best > 0:
                result = "partial"
            else:
                result = "wrong"
            self._close(st, result, awarded)
        self._notify(
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
                mode=self.mode,
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
            parts.append(_answer_line(q))
            if q.explain:
                parts.append(q.explain.strip())
        fb = Feedback(
            grade=grade,
            text="\n".join(p for p in parts if p),
            final=final,
            tries_left=st.tries_left,
            awarded=awarded if final else None,
            answer=q.answer if final and not right else None,
            explain=q.explain if final and not right else None,
        )
        if not final:
            return [fb]
        self._report_outcome(st)
        self._last_shown = [fb]
        return [fb, *self._after_close()]

    def _close(self, st: _QState, result: str, awarded: float) -> None:
        st.closed = True
        st.result = result
        st.awarded = awarded
        self._earned += awarded
        self._closed_count += 1
        self._last_closed = st

    def _report_outcome(self, st: _QState) -> None:
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

    def _answer_command(self, name: str) -> list[Message]:
        st = self._states[self._pos]
        assert st is not None
        q = st.question
        if name == "hint":
            if st.hints_used < len(q.hints):
                st.hints_used += 1
                return [Hint(q.hints[st.hints_used - 1], st.hints_used, len(q.hints))]
            if not q.hints:
                return [Info("There is no hint for this one. Have a go, or type 'skip'.", "notice")]
            return [Info("That was the last hint. Have a go, or type 'skip' to see the answer.", "notice")]
        if name == "repeat":
            return [self._ask(st, repeated=True)]
        if name == "help":
            extra = _TYPE_HELP.get(q.type)
            return [Info(HELP_TEXT + (f"\n{extra}" if extra else ""), "help")]
        if name == "why":
            if st.attempts == 0 and self._last_closed is not None:
                return [self._explain(self._last_closed, about_last=True)]
            return [
                Info(
                    "I'll explain once this question is answered. Have a go, ask for a 'hint', "
                    "or 'skip' it.",
                    "notice",
                )
            ]
        if name == "skip":
            if st.best > 0:
                result = "partial"
            elif st.attempts:
                result = "revealed"
            else:
                result = "skipped"
            self._close(st, result, st.best)
            self._report_outcome(st)
            info = Info(f"Skipped. {_answer_line(q)}", "skip")
            self._last_shown = [info]
            return [info, *self._after_close()]
        if name == "quit":
            return [self._finish()]
        raise ValueError(f"unknown command: {name!r}")


def _form_key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def _expects(q: Question, text: str) -> bool:
    """Whether ``text`` is, as written, one of the answers this question knows about: the answer,
    an accepted form, an anticipated wrong answer or an option (right or not)."""
    k = _form_key(text)
    if not k:
        return False
    if q.options and len(k) == 1 and 0 <= ord(k) - ord("a") < len(q.options):
        return True  # an option letter
    forms = [q.answer, *q.options, *(w.text for w in q.wrong)]
    for item in q.items:
        forms.extend(item.forms)
    return any(_form_key(f) == k for f in forms)


def answer_text(q: Question) -> str:
    """The right answer as a student reads it; choice/multi name the options, not just letters."""
    if q.type in (QuestionType.CHOICE, QuestionType.MULTI) and q.correct and q.options:
        picked = [
            f"{chr(ord('A') + i)}) {q.options[i]}" for i in q.correct if 0 <= i < len(q.options)
        ]
        if picked:
            return "; ".join(picked)
    return q.answer.strip()


def _answer_line(q: Question) -> str:
    answer = answer_text(q)
    end = "" if answer.endswith((".", "!", "?")) else "."
    return f"The answer: {answer}{end}"


def _or_list(items: Sequence[str]) -> str:
    items = [f"“{i}”" for i in items]
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " or " + items[-1]
