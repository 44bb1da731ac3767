"""Grades every question type gives alike: building a ``Grade``, refusing an answer as invalid,
"I don't know", negated or hedged answers, a ``wrong:`` entry typed (or misspelled), and the
verdict for a single ``Hit``. Also ``display``: typed words shown back as the student wrote them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from tutor.grading import feedback as fb
from tutor.grading.normalise import HEDGE_WORDS, NEGATION_WORDS
from tutor.grading.prepared import Hit, Match, Prepared
from tutor.grading.result import Grade, Verdict
from tutor.grading.textmatch import Key, typo_distance

_DONT_KNOW = {
    ("i", "dont", "know"),
    ("dont", "know"),
    ("i", "do", "not", "know"),
    ("idk",),
    ("dunno",),
    ("no", "idea"),
    ("i", "have", "no", "idea"),
    ("no", "clue"),
    ("not", "sure"),
    ("im", "not", "sure"),
    ("i", "am", "not", "sure"),
    ("pass",),
    ("i", "give", "up"),
}


def graded(verdict: Verdict, credit: float, text: str, matched: str | None = None, **kw) -> Grade:
    """A ``Grade`` with the credit kept within 0..1."""
    return Grade(verdict, max(0.0, min(1.0, credit)), text, matched, **kw)


def invalid(text: str, rule: str = "") -> Grade:
    """Not an answer: no credit, and no try used."""
    return Grade(Verdict.INVALID, 0.0, text, rule=rule)


def dont_know(ws: Sequence[str]) -> bool:
    return tuple(ws) in _DONT_KNOW


def hedged(prep: Prepared, toks: list[str], whole: Key, lists: bool = False) -> Grade | None:
    """Negated or hedged answers: words the expected answers don't contain themselves."""
    extra = set(whole.words) - prep.vocab
    if dont_know(whole.words):
        return graded(Verdict.WRONG, 0.0, fb.DONT_KNOW, rule="dont-know")
    if extra & NEGATION_WORDS:
        return graded(Verdict.WRONG, 0.0, fb.NEGATED, rule="negated")
    if extra & HEDGE_WORDS:
        return graded(Verdict.WRONG, 0.0, fb.HEDGED_LIST if lists else fb.HEDGED, rule="hedged")
    if not lists and "/" in toks and not any("/" in f.text for f in prep.forms):
        return graded(Verdict.WRONG, 0.0, fb.HEDGED, rule="hedged")
    return None


def misconception(prep: Prepared, whole: Key) -> Grade | None:
    """The ``wrong:`` entry ``whole`` is (or is a typo of), with its reply; None if none."""
    for wk, w in prep.wrongs:
        if typo_distance(whole, wk) is not None:
            return graded(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG, rule="wrong-entry")
    return None


def verdict_for_hit(hit: Hit, typed: Key) -> Grade:
    """The grade of a whole answer that matched as ``hit``, named after the matching rule."""
    if hit.kind is Match.FORM:
        assert hit.form is not None
        if hit.distance == 0:
            grade = graded(Verdict.CORRECT, 1.0, fb.CORRECT, hit.form.text)
        else:
            grade = graded(Verdict.TYPO, 1.0, fb.spelling([hit.form.text]), hit.form.text)
    elif hit.kind is Match.WRONG:
        assert hit.wrong is not None
        grade = graded(Verdict.MISCONCEPTION, 0.0, hit.wrong.reply or fb.WRONG)
    elif hit.kind in _CLOSE:
        grade = graded(Verdict.CLOSE, 0.0, _CLOSE[hit.kind], free=hit.kind is Match.MORE)
    elif dont_know(typed.words):
        return graded(Verdict.WRONG, 0.0, fb.DONT_KNOW, rule="dont-know")
    else:
        grade = graded(Verdict.WRONG, 0.0, fb.WRONG)
    return dataclasses.replace(grade, rule=hit.rule)


_CLOSE = {
    Match.AMBIGUOUS: fb.CLOSE_AMBIGUOUS,
    Match.PART: fb.CLOSE_PART,
    Match.MORE: fb.CLOSE_MORE,
    Match.NEAR: fb.CLOSE_SPELLING,
}


def display(ws: Sequence[str], cleaned: str) -> str:
    """The words as the student wrote them (their case and spacing), when that can be found."""
    if cleaned.isascii() and ws:
        pattern = r"[\W_]*".join(re.escape(w) for w in ws)
        m = re.search(pattern, cleaned, re.IGNORECASE)
        if m:
            return m.group()
    return " ".join(ws)
