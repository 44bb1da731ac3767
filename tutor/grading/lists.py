"""Grading a ``list`` question: several items in any order, credit per item found
(see ``tutor.grading``, "List"). Items typed without separators are split on known names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tutor.grading import feedback as fb
from tutor.grading.matching import Matcher
from tutor.grading.normalise import tokens
from tutor.grading.pipeline import Answer, GradeRule, Rule, decide
from tutor.grading.prepared import Form, Hit, Match, Prepared
from tutor.grading.result import Grade, Verdict
from tutor.grading.textmatch import Key, key_from_words
from tutor.grading.verdicts import display, graded, hedged

# "1. Mongolia 2. North Korea", "1) Russia 2) China": the numbers only mark the items
_NUMBERED = re.compile(r"(?:^|(?<=\s))\(?\d{1,2}[.)](?=\s*[^\W\d_])")


def _numbered(a: Answer) -> Answer:
    """``1. Mongolia 2. North Korea``: the numbering cut, the items kept apart."""
    if not _NUMBERED.match(a.cleaned):
        return a
    cleaned = _NUMBERED.sub(" ; ", a.cleaned).strip(" ;")
    return a.with_text(cleaned, tokens(cleaned))


def _hedged(a: Answer) -> Grade | None:
    return hedged(a.prep, a.toks, a.whole, lists=True)


def _items(a: Answer) -> Grade:
    pieces = a.matcher.pieces(a.prep, a.toks, a.prep.forms)
    return collect(
        a.matcher,
        a.prep,
        [key_from_words(display(p, a.cleaned), p) for p in pieces],
        a.prep.forms,
        [i.text for i in a.prep.items],
        a.question.required if a.prep.items else 0,
        what="item",
        cleaned=a.cleaned,
    )


_ITEM_RULES: list[GradeRule] = [Rule("hedged", _hedged), Rule("items", _items)]
RULES: list[GradeRule] = [Rule("items", lambda a: decide(_ITEM_RULES, _numbered(a)))]


def collect(
    m: Matcher,
    prep: Prepared,
    pieces: list[Key],
    forms: Sequence[Form],
    names: list[str],
    need: int,
    what: str,
    cleaned: str = "",
) -> Grade:
    """Credit per expected element; extras cost half an element each and are named."""
    found: dict[int, int] = {}  # index -> edit distance
    extra: list[str] = []
    replies: list[str] = []
    close = 0

    def take(hit: Hit, shown: str) -> None:
        """Count one matched piece: a form found (best spelling kept), or an extra."""
        nonlocal close
        if hit.kind is Match.FORM and hit.form is not None:
            i = hit.form.index
            if i not in found or found[i] > hit.distance:
                found[i] = hit.distance
            return
        if hit.kind is Match.WRONG and hit.wrong is not None:
            replies.append(hit.wrong.reply)
        elif hit.kind in (Match.AMBIGUOUS, Match.NEAR, Match.PART, Match.MORE):
            close += 1
        extra.append(shown)

    for piece in pieces:
        if piece.empty:
            continue
        hit = m.match(prep, piece, forms)
        if hit.kind not in (Match.FORM, Match.WRONG) and 1 < len(piece.words) <= 12:
            # "Mongolia North Korea": items named without separators
            parts = m.segment(prep, piece.words, forms)
            if parts:
                for h, words in parts:
                    take(h, display(words, cleaned) if cleaned else " ".join(words))
                continue
        take(hit, piece.text)
    n_found = len(found)
    need = max(1, need) if names else 1
    missing_idx = [i for i in range(len(names)) if i not in found]
    missing_count = max(0, need - n_found)
    credit = (min(n_found, need) - 0.5 * len(extra)) / need
    credit = max(0.0, min(1.0, credit))
    found_names = tuple(names[i] for i in sorted(found))
    missing_names = tuple(names[i] for i in missing_idx) if missing_count else ()
    typos = [names[i] for i in sorted(found) if found[i] > 0]
    kw = dict(found=found_names, missing=missing_names, extra=tuple(extra))
    if missing_count == 0 and not extra:
        if typos:
            text = fb.spelling(typos)
            return graded(Verdict.TYPO, 1.0, text, ", ".join(found_names), rule="every-item", **kw)
        return graded(
            Verdict.CORRECT, 1.0, fb.CORRECT, ", ".join(found_names), rule="every-item", **kw
        )
    text = fb.list_feedback(found_names, missing_count, extra, replies, typos, what)
    if close and not n_found:
        text = text + " " + fb.CLOSE_SPELLING
    if n_found == 0 or credit <= 0:
        verdict = Verdict.MISCONCEPTION if replies and n_found == 0 else Verdict.WRONG
        if n_found == 0 and close and not replies:
            verdict = Verdict.CLOSE
        return graded(verdict, 0.0, text, None, rule="no-item", **kw)
    return graded(Verdict.PARTIAL, credit, text, ", ".join(found_names), rule="some-items", **kw)

