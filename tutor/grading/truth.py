"""Grading a ``truefalse`` question: reading true or false out of what was typed
(see ``tutor.grading``, "Truefalse")."""

from __future__ import annotations

import re

from tutor.grading import feedback as fb
from tutor.grading.normalise import HEDGE_WORDS, SEPARATORS, tokens, words
from tutor.grading.pipeline import Answer, GradeRule, Rule
from tutor.grading.result import Grade, Verdict
from tutor.grading.typos import budget, edits
from tutor.grading.verdicts import graded, invalid, misconception

_TRUE = {"true", "yes", "correct", "right", "yep", "yeah", "yup", "aye", "agree"}
_FALSE = {"false", "no", "incorrect", "wrong", "untrue", "nope", "nah", "disagree"}
# the same typed in Russian or Kazakh (transliterated: да, верно, правда, иә / нет, неверно,
# ложь, жоқ, қате) or in French, German or Spanish
_TRUE |= {"da", "verno", "pravda", "istina", "iya", "ia", "durys", "oui", "vrai", "ja", "si"}
_TRUE |= {"richtig", "verdadero", "cierto"}
_FALSE |= {"net", "neverno", "lozh", "nepravda", "zhoq", "qate", "non", "faux", "nein", "falsch"}
_FALSE |= {"falso"}
_VALUES = _TRUE | _FALSE
# values a slip may stand for (``ture``, ``flase``, ``corect``): long enough for a typo budget,
# and far from each other
_SLIPPABLE = {"true": True, "false": False, "correct": True, "incorrect": False}
# after a value, the question's verb echoed: "yes it does", "no they don't"
_ECHO = frozenset({"does", "do", "did", "has", "have", "can", "will", "are", "were", "they"})
_NEGATORS = frozenset({"not", "isnt", "wasnt", "never", "ne"})
_ECHO_NOT = frozenset({"doesnt", "dont", "didnt", "hasnt", "havent", "cant", "wont", "arent"})
_ECHO_NOT |= {"werent"}
# a value, then a reason: "No, it is landlocked", "False - only so far"
_LEAD = re.compile(r"^\W*([^\W\d_]+(?:\W+[^\W\d_]+)?)\s*[,.;:!\-\u2013\u2014]+\s*(\S.*)$", re.S)
_TF_SHORT = {"t": True, "y": True, "f": False, "n": False}
_TF_IGNORED = frozenset(
    {
        "it",
        "is",
        "its",
        "that",
        "thats",
        "this",
        "the",
        "statement",
        "i",
        "think",
        "say",
        "would",
        "definitely",
        "absolutely",
        "totally",
        "quite",
        "so",
        "answer",
        "my",
        "was",
        "be",
        "believe",
        "guess",
        "sure",
        "am",
        "im",
        "very",
        "of",
        "course",
        "a",
        "an",
        "sir",
    }
)


def _said(a: Answer) -> bool | str | None:
    value = truth_of(a.words)
    return _value_with_reason(a.cleaned) if value is None else value


def _hedged(a: Answer) -> Grade | None:
    return invalid(fb.TRUTH_HEDGE) if _said(a) == "hedge" else None


def _no_value(a: Answer) -> Grade | None:
    if _said(a) is not None:
        return None
    return misconception(a.prep, a.whole) or invalid(fb.NEED_TRUTH)


def _value(a: Answer) -> Grade:
    q, value = a.question, _said(a)
    truth = q.truth
    if truth is None:
        truth = truth_of([t for t in tokens(q.answer) if t not in SEPARATORS]) is True
    label = "True" if truth else "False"
    if value is truth:
        return graded(Verdict.CORRECT, 1.0, fb.CORRECT, label)
    said = "true" if value else "false"
    for wk, w in a.prep.wrongs:
        if wk.squashed == said:
            return graded(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG, rule="wrong-entry")
    return graded(Verdict.WRONG, 0.0, fb.WRONG)


RULES: list[GradeRule] = [
    Rule("true-and-false", _hedged),
    Rule("no-true-or-false", _no_value),
    Rule("true-or-false", _value),
]


def _value_with_reason(cleaned: str) -> bool | None:
    """``No, it is landlocked``: a value, punctuation, then a reason that names no value; or
    ``false it's fresh``: ``true`` or ``false`` itself, then such a reason without punctuation
    (never ``no`` or ``yes``: ``no idea`` is no answer)."""
    m = _LEAD.match(cleaned)
    if m is not None:
        lead, reason = words(m.group(1)), words(m.group(2))
        unsaid = _VALUES
    else:  # without punctuation, a "not" in the reason may belong to the value
        ws = words(cleaned)
        if len(ws) < 2 or ws[0] not in ("true", "false"):
            return None
        lead, reason = ws[:1], ws[1:]
        unsaid = _VALUES | _NEGATORS | _ECHO_NOT
    value = truth_of(lead)
    if not isinstance(value, bool) or set(reason) & unsaid:
        return None
    return value


def truth_of(ws: list[str]) -> bool | str | None:
    """True, False, "hedge" (both, or hedged), or None (not a true/false answer)."""
    if len(ws) == 1 and ws[0] in _TF_SHORT:
        return _TF_SHORT[ws[0]]
    values: list[bool] = []
    flip = False
    for w in ws:
        if w in _NEGATORS or (values and w in _ECHO_NOT):
            flip = not flip
        elif w in _TRUE or w in _FALSE:
            values.append((w in _TRUE) != flip)
            flip = False
        elif w in HEDGE_WORDS or w == "both":
            return "hedge"
        elif w in _TF_IGNORED or (values and w in _ECHO):
            continue
        elif (slip := _slip(w)) is not None:
            values.append(slip != flip)
            flip = False
        else:
            return None
    if not values:
        return None
    if len(set(values)) > 1 or (flip and values[-1]):  # "yes it isn't" says both
        return "hedge"
    return values[0]


def _slip(w: str) -> bool | None:
    """The value a misspelt ``true``, ``false``, ``correct`` or ``incorrect`` stands for: within
    the grader's typo budget, the same first letter, and no ordinary word (``tree``)."""
    for value, truth in _SLIPPABLE.items():
        if w[:1] == value[0] and edits(w, value, budget(len(value))) <= budget(len(value)):
            from tutor.grading.world import is_common_word

            return None if is_common_word(w) else truth
    return None
