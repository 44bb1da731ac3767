"""Grading a ``text`` question: one answer, typed in words (see ``tutor.grading``, "Text").

``RULES`` is the order in which a text answer is judged; a new rule goes at its place in it.
"""

from __future__ import annotations

import dataclasses

from tutor.grading import feedback as fb
from tutor.grading.context import answer_with_context, is_context
from tutor.grading.normalise import AND
from tutor.grading.pipeline import Answer, GradeRule, Rule
from tutor.grading.prepared import Match
from tutor.grading.result import Grade, Verdict
from tutor.grading.textmatch import key_from_words
from tutor.grading.verdicts import graded, hedged, verdict_for_hit


def _exact(a: Answer) -> Grade | None:
    """A form or a ``wrong:`` entry, exactly (its words may include "not" or "or")."""
    if a.hit.kind in (Match.FORM, Match.WRONG) and a.hit.distance == 0:
        return verdict_for_hit(a.hit, a.whole)
    return None


def _hedged(a: Answer) -> Grade | None:
    return hedged(a.prep, a.toks, a.whole)


def _several(a: Answer) -> Grade | None:
    """Several pieces (``Russia, China``, ``Paris, France``, ``Russia, because ...``): each a
    form, the answer in context, the answer and more words, or several answers."""
    m, prep = a.matcher, a.prep
    pieces = m.pieces(prep, a.toks, prep.forms)
    if len(pieces) < 2 or a.hit.kind is Match.FORM:
        return None
    hits = [m.match(prep, key_from_words(" ".join(p), p), prep.forms) for p in pieces]
    if all(h.kind is Match.FORM for h in hits):
        typos = [h.form.text for h in hits if h.distance > 0]  # type: ignore[union-attr]
        matched = hits[0].form.text  # type: ignore[union-attr]
        if typos:
            return graded(Verdict.TYPO, 1.0, fb.spelling(sorted(set(typos))), matched)
        return graded(Verdict.CORRECT, 1.0, fb.CORRECT, matched)
    first = hits[0].kind is Match.FORM and AND not in a.words
    if first and all(is_context(m, prep, p) for p in pieces[1:]):
        # "Paris, France": the answer, in context
        return dataclasses.replace(verdict_for_hit(hits[0], a.whole), rule="answer-in-context")
    if any(h.kind is Match.FORM for h in hits) and all(
        h.kind in (Match.FORM, Match.NONE) for h in hits
    ):
        return graded(Verdict.CLOSE, 0.0, fb.CLOSE_MORE, rule="answer-with-more-words", free=True)
    # "Paris, Germany" is one answer with something added; "China and Russia and USA" is
    # several answers
    if first and len(pieces) == 2:
        return graded(Verdict.WRONG, 0.0, fb.ONLY_ANSWER, rule="answer-and-another")
    return graded(Verdict.WRONG, 0.0, fb.PADDED, rule="padded")


def _in_context(a: Answer) -> Grade | None:
    """``Urumqi in Xinjiang``, ``Astana now Nur-Sultan``: the answer, then where it is."""
    if a.hit.kind is not Match.MORE:
        return None
    added = answer_with_context(a.matcher, a.prep, a.words)
    if added is None:
        return None
    return dataclasses.replace(verdict_for_hit(added, a.whole), rule="answer-in-context")


def _closest(a: Answer) -> Grade:
    """What the matcher made of the whole answer (its rule names the decision)."""
    return verdict_for_hit(a.hit, a.whole)


RULES: list[GradeRule] = [
    Rule("exact", _exact),
    Rule("hedged", _hedged),
    Rule("several-pieces", _several),
    Rule("answer-in-context", _in_context),
    Rule("closest-form", _closest),
]
