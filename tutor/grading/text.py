"""Grading a ``text`` question: one answer, typed in words (see ``tutor.grading``, "Text")."""

from __future__ import annotations

from tutor.grading import feedback as fb
from tutor.grading.context import answer_with_context, is_context
from tutor.grading.matching import Matcher
from tutor.grading.normalise import AND, SEPARATORS
from tutor.grading.prepared import Prepared
from tutor.grading.result import Grade, Verdict
from tutor.grading.textmatch import key_from_words
from tutor.grading.verdicts import graded, hedged, verdict_for_hit
from tutor.model import Question


def grade_text(m: Matcher, q: Question, prep: Prepared, toks: list[str]) -> Grade:
    ws = [t for t in toks if t not in SEPARATORS]
    whole = key_from_words(" ".join(ws), ws)
    hit = m.match(prep, whole, prep.forms)
    if hit.kind in ("form", "wrong") and hit.distance == 0:
        return verdict_for_hit(hit, whole)
    stop = hedged(prep, toks, whole)
    if stop is not None:
        return stop
    pieces = m.pieces(prep, toks, prep.forms)
    if len(pieces) > 1 and hit.kind != "form":
        hits = [m.match(prep, key_from_words(" ".join(p), p), prep.forms) for p in pieces]
        if all(h.kind == "form" for h in hits):
            typos = [h.form.text for h in hits if h.distance > 0]  # type: ignore[union-attr]
            matched = hits[0].form.text  # type: ignore[union-attr]
            if typos:
                return graded(Verdict.TYPO, 1.0, fb.spelling(sorted(set(typos))), matched)
            return graded(Verdict.CORRECT, 1.0, fb.CORRECT, matched)
        first = hits[0].kind == "form" and AND not in ws
        if first and all(is_context(m, prep, p) for p in pieces[1:]):
            return verdict_for_hit(hits[0], whole)  # "Paris, France": the answer, in context
        if any(h.kind == "form" for h in hits) and all(h.kind in ("form", "none") for h in hits):
            return graded(Verdict.CLOSE, 0.0, fb.CLOSE_MORE)  # "Russia, because of ..."
        # "Paris, Germany" is one answer with something added; "China and Russia and USA" is
        # several answers
        one_more = first and len(pieces) == 2
        return graded(Verdict.WRONG, 0.0, fb.ONLY_ANSWER if one_more else fb.PADDED)
    if hit.kind == "more":
        added = answer_with_context(m, prep, ws)  # "Urumqi in Xinjiang"
        if added is not None:
            return verdict_for_hit(added, whole)
    return verdict_for_hit(hit, whole)
