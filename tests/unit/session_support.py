"""The session engine's test helpers, shared by the ``test_session_*`` modules (they import this,
never each other): a fake grader and an observer that records its calls. The course is the
fixture course (``tests/data/course``: the ``course`` fixture in ``tests/conftest.py``; its right
answers are ``support.RIGHT``).

The fake grader is deliberately simple (exact forms, one-edit typos, anticipated wrong answers,
list items); the engine must rely on nothing but ``grade(question, text) -> Grade``.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from tutor.grading.result import Grade, Verdict
from tutor.model import Question, QuestionType
from tutor.records import Attempt, Outcome
from tutor.session import Session


def _norm(text: str) -> str:
    return re.sub(r"[^\w+]+", " ", text.casefold()).strip()


class FakeGrader:
    """Enough grading to drive the engine: exact forms, 1-edit typos, wrong: entries, lists."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def grade(self, q: Question, text: str) -> Grade:
        self.calls.append((q.id, text))
        t = _norm(text)
        if not t:
            return Grade(Verdict.INVALID, 0.0, "That doesn't look like an answer.")
        for w in q.wrong:
            if _norm(w.text) == t:
                return Grade(Verdict.MISCONCEPTION, 0.0, w.reply)
        if q.type is QuestionType.NUMBER:
            nums = re.findall(r"\d+", t)
            ok = len(nums) == 1 and q.number is not None and q.number.accepts(float(nums[0]))
            return Grade(Verdict.CORRECT if ok else Verdict.WRONG, 1.0 if ok else 0.0, "Right." if ok else "No.")
        if q.type is QuestionType.TRUEFALSE:
            if t in ("true", "false"):
                ok = (t == "true") == q.truth
                return Grade(Verdict.CORRECT if ok else Verdict.WRONG, float(ok), "Right." if ok else "No.")
            return Grade(Verdict.WRONG, 0.0, "Answer true or false.")
        if q.type in (QuestionType.CHOICE, QuestionType.MULTI):
            letters = set()
            for part in re.split(r"[ ,]+", t):
                if len(part) == 1 and "a" <= part <= "z":
                    letters.add(ord(part) - ord("a"))
            for i, opt in enumerate(q.options):
                if _norm(opt) == t:
                    letters = {i}
            if letters == set(q.correct):
                return Grade(Verdict.CORRECT, 1.0, "Right.")
            if letters and letters < set(q.correct):
                return Grade(Verdict.PARTIAL, len(letters) / len(q.correct), "Some of it.")
            return Grade(Verdict.WRONG, 0.0, "No.")
        if q.type is QuestionType.LIST:
            raw = re.split(r"\s*(?:,|\band\b|&)\s*", text.casefold())
            parts = [_norm(p) for p in raw if _norm(p)]
            found = [it.text for it in q.items if any(_norm(f) in parts for f in it.forms)]
            missing = tuple(it.text for it in q.items if it.text not in found)
            if not missing:
                return Grade(Verdict.CORRECT, 1.0, "Right.", found=tuple(found))
            if found:
                return Grade(
                    Verdict.PARTIAL,
                    len(found) / len(q.items),
                    f"Partly: you named {', '.join(found)}.",
                    found=tuple(found),
                    missing=missing,
                )
            return Grade(Verdict.WRONG, 0.0, "No.")
        for item in q.items:
            for form in item.forms:
                if _norm(form) == t:
                    return Grade(Verdict.CORRECT, 1.0, "Right.", matched=form)
        for item in q.items:
            for form in item.forms:
                if len(t) >= 4 and Levenshtein.distance(_norm(form), t) <= 1:
                    return Grade(Verdict.TYPO, 1.0, f"Accepted — the spelling is {form}.", matched=form)
        return Grade(Verdict.WRONG, 0.0, "No.")


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def attempt(self, record: Attempt) -> None:
        self.calls.append(("attempt", record))

    def outcome(self, record: Outcome) -> None:
        self.calls.append(("outcome", record))

    def place(self, lesson_id: str, step_index: int) -> None:
        self.calls.append(("place", lesson_id, step_index))

    def finished(self, lesson_id, score, mode) -> None:
        self.calls.append(("finished", lesson_id, round(score, 4), mode))

    def of(self, kind: str) -> list:
        return [c for c in self.calls if c[0] == kind]


def learn(course, **kw) -> Session:
    return Session.learn(course, kw.pop("lesson_id", "neighbours"), FakeGrader(), **kw)


def kinds(messages) -> list[str]:
    return [type(m).__name__ for m in messages]


def only(messages, cls):
    found = [m for m in messages if isinstance(m, cls)]
    assert len(found) == 1, messages
    return found[0]

