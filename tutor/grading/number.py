"""Grading a ``number`` question: one value, in any form ``number_reader`` reads, within the
tolerance (see ``tutor.grading``, "Number"). Right digits at the wrong scale are ``close``.

``RULES`` is the order in which a number answer is judged: a form written in words first, then
the ``READING_RULES`` over the numbers read with the question's unit (``units``).
"""

from __future__ import annotations

import dataclasses
import math

from tutor.figures import figure, number_answer
from tutor.grading import feedback as fb
from tutor.grading import text, units
from tutor.grading.normalise import HEDGE_WORDS, NEGATION_WORDS, words
from tutor.grading.number_reader import NumberMatch, find_numbers, parse_number, reading_text
from tutor.grading.pipeline import Answer, GradeRule, Rule, decide
from tutor.grading.result import Grade, Verdict
from tutor.grading.units import Measure, is_percent, unit_scale
from tutor.grading.verdicts import dont_know, graded, invalid, misconception
from tutor.model import NumberSpec
from tutor.values import field, mutable


@mutable
class _Reading:
    """A number answer read: the numbers found (with the question's unit), the candidates to
    compare (a unit with a scale word accepts ``18`` and ``18 million``), and the answer shown."""

    answer: Answer
    spec: NumberSpec
    nums: list[NumberMatch]
    candidates: list[float] = field(default_factory=list)
    measure: Measure | None = None  # the unit named after the number, if any
    text: str = ""  # the text the numbers were read from (``number_reader.reading_text``)
    pairs: bool = False  # the first number counted pairs (read as twice as many)

    @property
    def unit(self) -> str | None:
        return self.spec.unit

    @property
    def shown(self) -> str:
        return number_answer(self.answer.question.answer, self.spec.value, self.spec.unit)


def _read(a: Answer) -> _Reading:
    spec = a.prep.number
    assert spec is not None
    text = _result(a.cleaned)
    nums = find_numbers(text, unit=spec.unit)
    reading = _Reading(a, spec, nums, text=reading_text(text))
    if "pair" in reading.text:
        asked = f"{spec.unit or ''} {a.question.ask}"
        nums = [
            dataclasses.replace(n, value=n.value * 2) if units.in_pairs(reading.text, n.end, asked) else n
            for n in nums
        ]
        reading.nums = nums
        reading.pairs = units.in_pairs(reading.text, nums[0].end, asked) if nums else False
    if nums:
        said = units.named(reading.text, nums[0].end, spec.unit)
        if said is not None:  # "300 million metres per second": "second" is no number here
            reading.measure = said[0]
            nums[1:] = [n for n in nums[1:] if n.start >= said[1]]
    if nums:
        x = nums[0].value
        scale = unit_scale(spec.unit)
        reading.candidates = [x] if scale == 1.0 else [x, x / scale, x * scale]
    return reading


def _form_in_words(a: Answer) -> Grade | None:
    """Forms in words (``nineteen ninety-one``) match as text; digits are compared as numbers."""
    for f in a.prep.forms:
        if not f.key.digits and a.whole.squashed == f.key.squashed:
            return graded(Verdict.CORRECT, 1.0, fb.CORRECT, a.question.answer or f.text)
    for wk, w in a.prep.wrongs:
        if not wk.digits and a.whole.squashed == wk.squashed:
            return graded(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG, rule="wrong-entry")
    return None


def _negated(r: _Reading) -> Grade | None:
    extra = set(r.answer.whole.words) - r.answer.prep.vocab
    if extra & NEGATION_WORDS and r.nums:
        return graded(Verdict.WRONG, 0.0, fb.NEGATED)
    return None


def _hedged(r: _Reading) -> Grade | None:
    extra = set(r.answer.whole.words) - r.answer.prep.vocab
    if (extra & HEDGE_WORDS) or "/" in r.answer.toks and len(r.nums) > 1:
        return graded(Verdict.WRONG, 0.0, fb.HEDGED if len(r.nums) <= 1 else fb.ONE_NUMBER)
    return None


def _no_number(r: _Reading) -> Grade | None:
    if r.nums:
        return None
    a = r.answer
    said = misconception(a.prep, a.whole)
    if said is not None:
        return said
    if dont_know(a.whole.words):
        return graded(Verdict.WRONG, 0.0, fb.DONT_KNOW, rule="dont-know")
    return invalid(fb.NEED_NUMBER)


def _several_numbers(r: _Reading) -> Grade | None:
    if len({n.value for n in r.nums}) > 1:
        return graded(Verdict.WRONG, 0.0, fb.ONE_NUMBER)
    return None


def _unit(r: _Reading) -> Grade | None:
    """A unit named after the number: the lesson's (go on), another that converts to a value
    within the tolerance (right), or one that does not: say which unit is wanted, at no cost."""
    said, unit = r.measure, r.unit
    if said is None and r.nums and is_percent(unit) and not r.nums[0].percent:
        said = units.counted_after(r.text, r.nums[0].end)  # "18 trucks" for a percentage
    if said is None or not r.nums:
        return None
    wanted = units.lesson_unit(unit)
    if is_percent(unit) and said.kind != "percent":
        return invalid(fb.unit_wanted("percent", said.name), rule="unit-wanted")
    if wanted is None:
        if units.counted(unit):  # "18 million square km" for how many people
            return invalid(fb.unit_counted(unit or ""), rule="unit-wanted")
        return None
    if said == wanted:
        return None
    value = units.convert(r.nums[0].value, said, wanted)
    if value is not None and r.spec.accepts(value):
        shown = r.shown
        exact = _same(value, r.spec.value)
        text = fb.CORRECT if exact else fb.accepted_figure(shown)
        return graded(Verdict.CORRECT, 1.0, text, shown, rule="unit-converted")
    return invalid(fb.unit_wanted(unit or wanted.name, said.name), rule="unit-wanted")


def _within_tolerance(r: _Reading) -> Grade | None:
    spec, a = r.spec, r.answer
    if not any(spec.accepts(c) for c in r.candidates):
        return None
    unit = (spec.unit or "").strip().casefold()
    counted = _other_unit(a.words, unit, a.question.ask, a.units)
    if counted is not None:  # "30 planes" when the question counts trucks
        return graded(Verdict.CLOSE, 0.0, fb.other_unit(counted), rule="counts-another-thing")
    exact = any(_same(c, spec.value) for c in r.candidates)
    said = fb.CORRECT if exact else fb.accepted_figure(r.shown)
    return graded(Verdict.CORRECT, 1.0, said, r.shown)


def _wrong_value(r: _Reading) -> Grade | None:
    for _, w in r.answer.prep.wrongs:
        wv = parse_number(w.text, unit=r.unit)
        if wv is not None and any(_same(c, wv) for c in r.candidates):
            return graded(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG)
    return None


def _wrong_scale(r: _Reading) -> Grade | None:
    """``18`` for 18 million, or ``18 billion``: right digits, wrong scale (or x100 for %)."""
    spec, x = r.spec, r.nums[0].value
    if is_percent(r.unit):
        if spec.accepts(x * 100) or spec.accepts(x / 100):
            return graded(Verdict.CLOSE, 0.0, fb.CLOSE_PERCENT)
        return None
    for factor in (1e3, 1e6, 1e9, 1e12):
        if spec.accepts(x * factor) or (r.nums[0].scaled and spec.accepts(x / factor)):
            return graded(Verdict.CLOSE, 0.0, fb.CLOSE_SCALE)
    return None


def _wrong(r: _Reading) -> Grade:
    x = r.nums[0].value
    said = f"{fmt(x / 2)} pairs ({fmt(x)})" if r.pairs else fmt(x)
    return graded(Verdict.WRONG, 0.0, fb.number_wrong(said))


# Once the numbers are read, in order: the first rule that decides wins.
READING_RULES: list[Rule[_Reading, Grade]] = [
    Rule("negated", _negated),
    Rule("hedged", _hedged),
    Rule("no-number", _no_number),
    Rule("several-numbers", _several_numbers),
    Rule("unit", _unit),
    Rule("within-tolerance", _within_tolerance),
    Rule("wrong-entry-value", _wrong_value),
    Rule("right-digits-wrong-scale", _wrong_scale),
    Rule("wrong-number", _wrong),
]


def _no_value(a: Answer) -> Grade | None:
    """A question whose answer holds no number the reader knows is graded as text."""
    return decide(text.RULES, a) if a.prep.number is None else None


RULES: list[GradeRule] = [
    Rule("answer-is-no-number", _no_value),
    Rule("form-in-words", _form_in_words),
    Rule("number", lambda a: decide(READING_RULES, _read(a))),
]


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
