"""The tutor's replies to what is said *to* it: questions about the course, requests, small talk.

:mod:`tutor.session.understand` decides that a line is not an answer; this part answers it, at an
open question (:meth:`Talk.reply`) or while the session waits to go on (:meth:`Talk.waiting`).
Nothing here grades or uses a try.

- A question (``why ...?``, ``what is X?``): ``what is X`` / ``define X`` from the glossary first,
  then the course index (:mod:`tutor.session.search`): the best passage or two, naming the lesson,
  and an offer to open that lesson when it is another one; or honestly that the course does not
  cover it, and what it does cover. While a question is open, a passage holding an accepted form
  of its answer is never shown: the reply says that this is what the question asks.
- ``reteach``: the teach steps the open question rests on, again, then the offer of a hint;
  ``example`` and ``stuck``: the next hint, or encouragement; ``progress``: where the student is
  and the score so far; ``reveal``: asks first (showing the answer closes the question as missed),
  and reveals only on a yes (:meth:`Talk.confirmed`).
- Small talk: a short reply, then the open question again.
"""

from __future__ import annotations

import re

from tutor.messages import Info, Message, Teach
from tutor.model import Lesson, Question
from tutor.model import Teach as TeachStep
from tutor.session.base import SessionState
from tutor.session.commands import DefineQuery
from tutor.session.intent import (
    COMMAND,
    DEFINE,
    QUESTION,
    REQUEST,
    SOCIAL,
    Intent,
    classify,
    key,
)
from tutor.session.options import OptionsAsked, options_asked
from tutor.session.replies import Replies, how_to_answer
from tutor.session.search import Passage, course_index, excerpt, words
from tutor.session.state import QuestionState
from tutor.session.understand import Understood
from tutor.session.walk import Walk
from tutor.session.withhold import asks_about, reveals

_YES = frozenset({
    "y", "yes", "yeah", "yep", "yup", "ok", "okay", "sure", "please", "go on", "go ahead", "do it",
    "show", "show me", "show it", "yes please", "yes show me", "ok show me", "yes tell me",
    "tell me", "reveal", "reveal it", "fine", "alright", "i give up", "go for it",
})
_NO = frozenset({"n", "no", "nope", "nah", "not yet", "no thanks", "wait", "no wait", "let me try",
                 "ill try", "i will try", "let me think", "no let me try", "never mind", "cancel"})

_SOCIAL_REPLIES = {
    "greet": "Hello! Good to have you here.",
    "thanks": "You're welcome!",
    "who": "I'm your tutor for this course: I teach, ask questions, and answer what you ask me "
           "about the course.",
    "ack": "OK.",
    "feel": "That's fair. Go at your own pace: ask me anything about the lesson, or ask for a hint.",
    "onward": "This question is waiting for your answer: have a go, or type 'skip' to move on "
              "without it.",
    "pause": "Take your time. When you are back, answer whenever you are ready; or type 'quit' "
             "to stop, and next time you pick up here.",
    "back": "I can't go back to an earlier question in this sitting. Type 'why' to have the last "
            "one explained; questions you miss come back for practice and review.",
    "chat": "I'm here for the lesson: ask me about it, type 'hint' for a hint, or have a go at "
            "the question.",
    "meta": "I can't speak for your exam or class; I can tell you what this course teaches. "
            "Ask me about anything in it.",
}
_CLEAN_TERM = re.compile(r"\s+")


def _same(a: str, b: str) -> bool:
    """Whether two passages say much the same (most of the words of one are in the other)."""
    wa = {w for w in words(a) if len(w) > 3}
    wb = {w for w in words(b) if len(w) > 3}
    return bool(wa and wb) and len(wa & wb) >= 0.7 * min(len(wa), len(wb))


def rests_on(lesson: Lesson, step_index: int) -> list[tuple[int, TeachStep]]:
    """The teach steps a question at ``step_index`` rests on: those just before it (back to the
    previous question); if none, the nearest run of teach steps earlier in the lesson."""
    steps = lesson.steps
    out: list[tuple[int, TeachStep]] = []
    i = min(step_index, len(steps)) - 1
    while i >= 0:
        step = steps[i]
        if isinstance(step, TeachStep):
            out.append((i, step))
        elif out:
            break
        i -= 1
    return out[::-1]


class Talk:
    """What a session says to a line that is not an answer."""

    def __init__(self, state: SessionState, walk: Walk, replies: Replies) -> None:
        self.state = state
        self.walk = walk
        self.replies = replies

    # ----------------------------------------------------------------- at an open question

    def reply(self, st: QuestionState, u: Understood, text: str) -> list[Message]:
        intent = u.intent
        if intent.kind == COMMAND:
            return self.replies.answer_command(intent.name)
        if intent.kind in (QUESTION, DEFINE):
            asked = options_asked(text, st.question)
            if asked is not None:
                return [self._options_reply(st, asked, intent.kind)]
            return self._course_reply(text, intent, u, st.question)
        if intent.kind == REQUEST:
            return self._request(st, intent)
        reply = self._social_reply(intent.name)
        return [Info(reply, "social", understood=SOCIAL, act=intent.name), st.ask(repeated=True)]

    def _social_reply(self, act: str) -> str:
        """What the tutor says to small talk; "what is this lesson about?" is told the lesson's
        title and summary, and what the course is."""
        if act == "none":
            st = self.walk.open()
            if st is not None and st.question.options:
                return ("One of the options is right (or more, where several are asked for). "
                        "Ask me about any of them, or type 'hint' for a hint.")
            return _SOCIAL_REPLIES["chat"]
        if act != "about":
            return _SOCIAL_REPLIES.get(act, "OK.")
        lesson, course = self.state.lesson, self.state.course
        parts = []
        if lesson is not None:
            parts.append(f"You are in the lesson “{lesson.title}”"
                         + (f": {lesson.summary}" if lesson.summary else ""))
        if course.title:
            parts.append(f"It is part of the course “{course.title}”"
                         + (f": {course.description}" if course.description else ""))
        st = self.walk.open()
        if st is not None:  # never the open question's answer (a summary may hold it)
            parts = [p for p in parts if not reveals(p, st.question, "")]
        parts.append("Ask me about anything in it.")
        return " ".join(p if p.endswith((".", "!", "?")) else f"{p}." for p in parts)

    def _request(self, st: QuestionState, intent: Intent) -> list[Message]:
        q = st.question
        act = intent.name

        def say(text: str, kind: str) -> Info:
            return Info(text, kind, understood=REQUEST, act=act)

        if act == "reveal":
            self.state.pending = "reveal"
            return [say("Showing the answer closes this question as missed (no credit for it). "
                        "Show it? (yes / no)", "confirm")]
        if act == "progress":
            return [say(self._progress_text(st), "progress")]
        if act == "format":
            how = how_to_answer(q) or "Type your answer in a few words."
            return [say(f"{how} Small spelling slips are forgiven.", "help")]
        if act == "reteach":
            lesson = st.item.lesson
            steps = rests_on(lesson, st.item.step_index)
            if not steps:
                return [say("This question has no lesson text before it. Here it is again:",
                            "reteach"), st.ask(repeated=True)]
            out: list[Message] = [say("Let's go over it again.", "reteach")]
            out += [Teach(step.text, lesson.id, i) for i, step in steps]
            out.append(say(f"Now, again: {q.ask.strip()}\n{self._offer_hint(st)}", "reteach"))
            return out
        # example, stuck: the next hint, or encouragement
        if st.hints_used < len(q.hints):
            lead = ("No worked example here, but this should help:" if act == "example"
                    else "That's all right. Here is a hint:")
            return [say(lead, "encourage"), *self.replies.answer_command("hint")]
        return [say("Have a go anyway: a wrong answer only costs a try, and I'll tell you why. "
                    "Or type 'skip' to see the answer.", "encourage")]

    def _options_reply(self, st: QuestionState, asked: OptionsAsked, kind: str) -> Info:
        """The options a line asks about, as written, and never whether one is right: what the
        course says of each would tell by what it leaves out."""
        q = st.question
        shown = "; ".join(f"{chr(ord('A') + i)}) {q.options[i]}" for i in asked.indexes)
        if asked.why_not:
            rest = ("Only choosing it tells whether it is right: if it is wrong, I'll say why "
                    "(that uses one try).")
        else:
            rest = "Ask me about any word in it ('what is X?')."
        return Info(f"{shown}. {rest} {self._offer_hint(st)}", "course", understood=kind)

    def _offer_hint(self, st: QuestionState) -> str:
        if st.hints_used < len(st.question.hints):
            return "Have a go, or type 'hint' for a hint."
        return "Have a go, or type 'skip' to see the answer."

    def _progress_text(self, st: QuestionState | None) -> str:
        done = self.state.closed_count + len(self.state.earlier)
        total = self.state.possible
        parts = []
        if st is not None:
            parts.append(f"You're on question {st.item.number} of {st.item.total}.")
            if not st.closed:
                tries = st.tries_left
                hints = max(0, len(st.question.hints) - st.hints_used)
                parts.append(f"On this one: {tries} {'try' if tries == 1 else 'tries'} and "
                             f"{hints or 'no'} {'hint' if hints == 1 else 'hints'} left.")
        if done:
            pct = round(100 * self.state.earned / done)
            parts.append(f"So far you have {self.state.earned:.1f} of {done} points ({pct}%).")
        else:
            parts.append("Nothing is scored yet.")
        left = total - done
        parts.append(f"{left} question{'s' if left != 1 else ''} to go.")
        return " ".join(parts)

    def confirmed(self, st: QuestionState, text: str) -> list[Message] | None:
        """The reply to a pending "show the answer?" question, or None when the line is not a
        yes or a no (it is then read as usual)."""
        self.state.pending = None
        k = key(text)
        if k in _YES:
            return self.replies.give_up(st, "reveal")
        if k in _NO:
            return [Info(f"OK, it stays open. {self._offer_hint(st)}", "notice",
                         understood=REQUEST, act="reveal")]
        return None

    # ----------------------------------------------------------------- questions to the tutor

    def _course_reply(
        self, text: str, intent: Intent, u: Understood | None, q: Question | None
    ) -> list[Message]:
        kind = intent.kind
        lookup = u.lookup if u is not None else None
        if kind == DEFINE and lookup is None:
            lookup = self.state.glossary(self.state.lesson).lookup(intent.name)
        if lookup is not None and lookup.entry is not None:
            e = lookup.entry
            body = f"{e.term}: {_CLEAN_TERM.sub(' ', e.definition.strip())}"
            if q is not None and reveals(body, q, text):
                return [self._withheld(q, kind)]
            return [Info(body, "define", understood=kind)]
        index = course_index(self.state.course)
        hits = index.search(text, limit=6 if q is not None else 2)

        def safe(part: str) -> bool:
            return q is None or not reveals(part, q, text)

        lines: list[str] = []
        shown = []
        for h in hits:
            if q is not None and h.passage.question_id == q.id:
                continue  # the open question's own explanation
            # A passage that would give the open question's answer away is shown only in its
            # sentences that do not (and not at all when none of those answers the question).
            part = excerpt(h) if safe(h.passage.text) else excerpt(h, keep=safe)
            if part and lines and _same(part, lines[0]):
                continue  # a second passage only when it says something else
            if part:
                shown.append(h)
                lines.append(f"{self._lesson_name(h.passage, q, text)}: {part}")
            if len(shown) == 2:
                break
        if hits and not shown and q is not None:
            return [self._withheld(q, kind)]
        if not shown:
            if lookup is not None and lookup.suggestions:
                info = self.replies.define_reply(DefineQuery(intent.name, intent.bare), lookup,
                                          self.state.glossary(self.state.lesson))
                return [Info(info.text, info.kind, understood=kind)]
            if q is not None and asks_about(text, q.ask):
                return [self._withheld(q, kind)]  # the course covers it: it is what q asks
            return [Info(self._not_covered(q, text), "course", understood=kind)]
        here = self.state.lesson.id if self.state.lesson is not None else None
        ref = shown[0].passage
        other = ref.lesson_id != here
        if other:
            lines.append(f"More on this in {self._lesson_name(ref, q, text)}: "
                         "you can open it after this one.")
        return [Info("\n".join(lines), "course", understood=kind,
                     lesson_ref=ref.lesson_id if other else None)]

    def _lesson_name(self, p: Passage, q: Question | None, said: str) -> str:
        """"Lesson 7, Hedging bets"; just "Lesson 7" when the title would give the open
        question's answer away."""
        name = f"Lesson {p.lesson_number}, {p.lesson_title}"
        if q is not None and reveals(name, q, said):
            return f"Lesson {p.lesson_number}"
        return name

    def _withheld(self, q: Question, kind: str) -> Info:
        st = self.walk.open()
        offer = self._offer_hint(st) if st is not None else ""
        return Info(f"I'll keep that back for now: telling you would give this question's answer "
                    f"away. "
                    f"{offer}".strip(), "withheld", understood=kind)

    def _not_covered(self, q: Question | None = None, said: str = "") -> str:
        covers = course_index(self.state.course).covers
        if q is not None and reveals(covers, q, said):
            covers = f"{len(self.state.course.lessons)} lessons"
        return ("The course doesn't cover that, as far as I can find. "
                f"It covers: {covers}." if covers else "The course doesn't cover that.")

    # ----------------------------------------------------------------- while waiting to go on

    def waiting(self, text: str) -> list[Message] | None:
        """A reply to a line typed while nothing is open (paced: after a teach step or feedback),
        or None when the line is not talk (it then moves on, as Enter does)."""
        intent = classify(text)
        if intent.kind in (QUESTION, DEFINE):
            return [*self._course_reply(text, intent, None, None),
                    Info("Press Enter to go on.", "notice")]
        if intent.kind == REQUEST:
            if intent.name == "progress":
                return [Info(self._progress_text(None) + " Press Enter to go on.", "progress",
                             understood=REQUEST, act="progress")]
            if intent.name == "reteach":
                return [*self.state.last_shown, Info("Press Enter to go on.", "notice")]
            return [Info("No question is open just now. Press Enter to go on.", "notice",
                         understood=REQUEST, act=intent.name)]
        if intent.kind == SOCIAL and intent.name not in ("ack", "onward"):  # those go on
            reply = self._social_reply(intent.name)
            return [Info(f"{reply} Press Enter to go on.", "social", understood=SOCIAL,
                         act=intent.name)]
        return None
