"""Grading a ``number`` question: one value, in any form ``numbers`` reads, within the tolerance
(see ``tutor.grading``, "Number"). Right digits at the wrong scale are ``close``."""

from __future__ import annotations

import math

from tutor.figures import figure, number_answer
from tutor.grading import feedback as fb
from tutor.grading.normalise import HEDGE_WORDS, NEGATION_WORDS, SEPARATORS, words
from tutor.grading.numbers import find_numbers, parse_number
from tutor.grading.prepared import Prepared
from tutor.grading.result import Grade, Verdict
from tutor.grading.textmatch import key_from_words
from tutor.grading.verdicts import dont_know, graded, invalid, misconception
from tutor.model import Question

_METRE_UNITS = {"m", "metre", "metres", "meter", "meters", "min", "minute", "minutes"}
_SCALE_UNITS = {
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
}
_PERCENT_UNITS = ("%", "percent", "per cent")


def grade_number(
    q: Question,
    prep: Prepared,
    cleaned: str,
    toks: list[str],
    units: frozenset[str] = frozenset(),
) -> Grade:
    """``units``: what the course's other number questions count (``trucks``, ``planes``)."""
    spec = prep.number
    assert spec is not None
    ws = [t for t in toks if t not in SEPARATORS]
    whole = key_from_words(" ".join(ws), ws)
    # forms in words ("nineteen ninety-one") match as text; digits are compared as numbers
    for f in prep.forms:
        if not f.key.digits and whole.squashed == f.key.squashed:
            return graded(Verdict.CORRECT, 1.0, fb.CORRECT, q.answer or f.text)
    for wk, w in prep.wrongs:
        if not wk.digits and whole.squashed == wk.squashed:
            return graded(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG)
    unit = (spec.unit or "").strip().casefold()
    metres = unit in _METRE_UNITS or words(unit)[:1] == ["m"]  # m/s2, m2
    nums = find_numbers(_result(cleaned), m_is_million=not metres)
    extra = set(whole.words) - prep.vocab
    if extra & NEGATION_WORDS and nums:
        return graded(Verdict.WRONG, 0.0, fb.NEGATED)
    if (extra & HEDGE_WORDS) or "/" in toks and len(nums) > 1:
        return graded(Verdict.WRONG, 0.0, fb.HEDGED if len(nums) <= 1 else fb.ONE_NUMBER)
    if not nums:
        said = misconception(prep, whole)
        if said is not None:
            return said
        if dont_know(whole.words):
            return graded(Verdict.WRONG, 0.0, fb.DONT_KNOW)
        return invalid(fb.NEED_NUMBER)
    values = {n.value for n in nums}
    if len(values) > 1:
        return graded(Verdict.WRONG, 0.0, fb.ONE_NUMBER)
    x = nums[0].value
    answer = number_answer(q.answer, spec.value, spec.unit)
    unit_scale = 1.0
    for unit_word in unit.split():
        unit_scale *= _SCALE_UNITS.get(unit_word, 1.0)
    candidates = [x]
    if unit_scale != 1.0:
        candidates += [x / unit_scale, x * unit_scale]
    if any(spec.accepts(c) for c in candidates):
        counted = _other_unit(ws, unit, q.ask, units)
        if counted is not None:  # "30 planes" when the question counts trucks
            return graded(Verdict.CLOSE, 0.0, fb.other_unit(counted))
        exact = any(_same(c, spec.value) for c in candidates)
        return graded(
            Verdict.CORRECT, 1.0, fb.CORRECT if exact else fb.accepted_figure(answer), answer
        )
    for _, w in prep.wrongs:
        wv = parse_number(w.text)
        if wv is not None and any(_same(c, wv) for c in candidates):
            return graded(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG)
    if unit not in _PERCENT_UNITS:
        for factor in (1e3, 1e6, 1e9, 1e12):
            # "18" for 18 million, or "18 billion" for 18 million: right digits, wrong scale
            if spec.accepts(x * factor) or (nums[0].scaled and spec.accepts(x / factor)):
                return graded(Verdict.CLOSE, 0.0, fb.CLOSE_SCALE)
    elif spec.accepts(x * 100) or spec.accepts(x / 100):
        return graded(Verdict.CLOSE, 0.0, fb.CLOSE_PERCENT)
    return graded(Verdict.WRONG, 0.0, fb.number_wrong(fmt(x)))


def _result(cleaned: str) -> str:
    """``30+30+8=68``: the working is shown, the answer is what follows the last ``=``."""
    if "=" not in cleaned:
        return cleaned
    tail = cleaned.rsplit("=", 1)[1]
    return tail if any(ch.isdigit() for ch in tail) else cleaned


def _singular(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") else w


def _other_unit(ws: list[str], unit: str, ask: str, units: frozenset[str]) -> str | None:
    """A word of the answer that is what another question counts, not this one."""
    if not units:
        return None
    own = {_singular(w) for w in words(unit)} | {_singular(w) for w in words(ask)}
    for w in ws:
        s = _singular(w)
        if s in units and s not in own:
            return w
    return None


def _same(a: float, b: float) -> bool:
    """Equal but for floating-point noise."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def fmt(x: float) -> str:
    """A number read from an answer, as the feedback shows it (``tutor.figures``)."""
    return figure(x) if math.isfinite(x) else "That number"
