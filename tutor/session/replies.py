"""The tutor's replies that are not feedback on an answer: chat commands, explanations and
glossary look-ups, both while a question is open and while the session waits to go on.

Owns ``HELP_TEXT`` and the per-type help line, what ``hint``, ``skip``, ``repeat``, ``why``,
``help`` and ``quit`` do, the explanation of a closed question (with its source), and the reply to
``what is X?``. A part of :class:`tutor.session.engine.Session` (see :mod:`tutor.session.base`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tutor.kinds import kind
from tutor.messages import Hint, Info, Message
from tutor.model import Lesson, Question
from tutor.records import Ending
from tutor.session.base import SessionState
from tutor.session.state import QuestionState, answer_line
from tutor.session.walk import Walk

if TYPE_CHECKING:
    from tutor.session.commands import Command, DefineQuery
    from tutor.session.glossary import Glossary, Lookup

def how_to_answer(q: Question) -> str:
    """How to type an answer to ``q`` (its kind's line), without an example that happens to be
    its answer (a number question whose answer is eighteen million)."""
    from tutor.session.withhold import reveals  # the course index: not needed to show a question

    how = kind(q.type).how_to_answer
    if how and reveals(how, q):
        how = how.split(";")[0].rstrip(".") + "."
    return how


HELP_TEXT = (
    "While a question is open you can type:\n"
    "  hint         a hint (each one lowers the credit a little)\n"
    "  skip         move on and see the answer\n"
    "  repeat       ask the question again\n"
    "  why          the explanation, once a question is answered\n"
    "  what is X?   look up a term (also: define X, X?)\n"
    "  help         this list\n"
    "  quit         stop now and see your summary\n"
    "You can also ask me about the course ('why did ...?'), say 'I don't understand', "
    "'how am I doing?' or 'what's the answer?': none of that costs a try.\n"
    "Anything else is taken as your answer. A wrong answer may be tried again; "
    "each extra try lowers the credit a little."
)



class Replies:
    """What a session says to commands, ``why`` and glossary questions."""

    def __init__(self, state: SessionState, walk: Walk) -> None:
        self.state = state
        self.walk = walk

    def _source_text(self, lesson: Lesson, source: str | None) -> str | None:
        if not source:
            return None
        head, _, rest = source.partition(",")
        sources = dict(lesson.sources)
        full = sources.get(head.strip())
        if full is None:
            return source
        return f"{full},{rest}" if rest else full

    def _explain(self, st: QuestionState, about_last: bool) -> Info:
        q = st.question
        parts: list[str] = []
        if about_last:
            parts.append(f"About the last question ({q.ask.strip()}):")
        parts.append(q.explain.strip() if q.explain else "There is no explanation for this one.")
        if st.result not in ("correct", "typo"):
            parts.append(answer_line(q))
        src = self._source_text(st.item.lesson, q.source)
        if src:
            parts.append(f"Source: {src}")
        return Info("\n".join(parts), "explain")

    def define_reply(self, query: DefineQuery, lookup: Lookup, glossary: Glossary) -> Info:
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

    def continue_command(self, cmd: Command) -> list[Message]:
        name = cmd.name
        if name == "quit":
            return [self.walk.finish()]
        if name == "help":
            return [Info(HELP_TEXT + "\nPress Enter to go on.", "help")]
        if name == "why":
            if self.state.last_closed is not None:
                return [self._explain(self.state.last_closed, about_last=False)]
            return [Info("There is nothing to explain yet. Press Enter to go on.", "notice")]
        if name == "repeat":
            return list(self.state.last_shown)
        if name == "hint":
            return [Info("No question is open just now. Press Enter to go on.", "notice")]
        return self.walk.advance()  # skip: move on

    def answer_command(self, name: str) -> list[Message]:
        st = self.state.states[self.state.pos]
        assert st is not None
        q = st.question
        if name == "hint":
            if st.hints_used < len(q.hints):
                st.hints_used += 1
                return [Hint(q.hints[st.hints_used - 1], st.hints_used, len(q.hints))]
            if not q.hints:
                return [Info("There is no hint for this one. Have a go, or type 'skip'.", "notice")]
            return [
                Info(
                    "That was the last hint. Have a go, or type 'skip' to see the answer.", "notice"
                )
            ]
        if name == "repeat":
            return [st.ask(repeated=True)]
        if name == "help":
            extra = how_to_answer(q)
            return [Info(HELP_TEXT + (f"\n{extra}" if extra else ""), "help")]
        if name == "why":
            if st.attempts == 0 and self.state.last_closed is not None:
                return [self._explain(self.state.last_closed, about_last=True)]
            return [
                Info(
                    "I'll explain once this question is answered. Have a go, ask for a 'hint', "
                    "or 'skip' it.",
                    "notice",
                )
            ]
        if name == "skip":
            return self.give_up(st, "skip")
        if name == "quit":
            return [self.walk.finish()]
        raise ValueError(f"unknown command: {name!r}")


    def give_up(self, st: QuestionState, how: str) -> list[Message]:
        """Close the open question unanswered (``skip``, or ``reveal`` when the student asked for
        the answer and confirmed), showing the answer."""
        q = st.question
        if st.best > 0:
            result = Ending.PARTIAL
        elif st.attempts or how == "reveal":
            result = Ending.REVEALED
        else:
            result = Ending.SKIPPED
        self.walk.close(st, result, st.best)
        self.walk.report_outcome(st)
        lead = "Skipped." if how == "skip" else "Here it is."
        text = f"{lead} {answer_line(q)}"
        if q.explain:
            text += f"\n{q.explain.strip()}"
        info = Info(text, how)
        self.state.last_shown = [info]
        return [info, *self.walk.after_close()]


def _or_list(items: Sequence[str]) -> str:
    items = [f"“{i}”" for i in items]
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " or " + items[-1]
