"""Grading ``choice`` and ``multi`` questions: options named by letter, number or text
(see ``tutor.grading``, "Choice" and "Multi")."""

from __future__ import annotations

import dataclasses
from functools import cached_property

from tutor.grading import feedback as fb
from tutor.grading.normalise import strip_filler
from tutor.grading.optionrefs import (
    POSITION_WORDS,
    distinctive_option,
    option_refs,
    options_with,
)
from tutor.grading.optionwords import pick
from tutor.grading.ownwords import reader
from tutor.grading.pipeline import Answer, GradeRule, Rule, decide
from tutor.grading.prepared import Hit, Match, Prepared
from tutor.grading.result import Grade, Verdict
from tutor.grading.textmatch import Key, key, key_from_words
from tutor.grading.verdicts import display, dont_know, graded, hedged, invalid, verdict_for_hit
from tutor.model import Question, Wrong
from tutor.values import mutable


@mutable
class _Picked:
    """A choice or multi answer read: the words without filler, them as one key, and the
    options they name by letter or number (read from the words as typed first, then without
    filler)."""

    answer: Answer
    ws: list[str]
    whole: Key
    refs: list[int] | None

    @property
    def prep(self) -> Prepared:
        return self.answer.prep

    @cached_property
    def hit(self) -> Hit:
        return self.answer.matcher.match(self.prep, self.whole, self.prep.options)


def _read(a: Answer) -> _Picked:
    ws = strip_filler(a.words)
    refs = option_refs(a.prep, a.words)
    if refs is None:
        refs = option_refs(a.prep, ws)
    return _Picked(a, ws, key_from_words(" ".join(ws), ws), refs)


def _option_text(p: _Picked) -> Grade | None:
    """The exact text of an option (it may itself be a letter, a number or "Neither")."""
    for o in p.prep.options:
        if p.whole.squashed == o.key.squashed:
            return choice_result(p.answer.question, p.prep, o.index, 0)
    return None


def _letter_and_text(p: _Picked) -> Grade | None:
    """``b) Economic networks``, ``b economic networks``, ``a security guarantor``."""
    if p.refs is not None or len(p.ws) < 2:
        return None
    q, prep, ws = p.answer.question, p.prep, p.ws
    head = option_refs(prep, ws[:1])
    rest = key_from_words(" ".join(ws[1:]), ws[1:])
    hit = p.answer.matcher.match(prep, rest, prep.options)
    if not head or hit.kind is not Match.FORM or hit.form is None:
        return None
    if head[0] == hit.form.index:
        return choice_result(q, prep, head[0], 0)
    if ws[0] in ("a", "an"):  # an article, not option A
        return choice_result(q, prep, hit.form.index, hit.distance)
    return invalid(fb.CHOICE_AMBIGUOUS)


def _reference(p: _Picked) -> Grade | None:
    """A letter, a number or a position (``b``, ``2``, ``the second one``)."""
    if p.refs is None:
        return None
    if any(r < 0 or r >= p.prep.n_options for r in p.refs):
        return invalid(fb.too_many_options(p.prep.n_options))
    if len(set(p.refs)) > 1:
        return graded(Verdict.WRONG, 0.0, fb.CHOICE_SEVERAL, rule="several-options")
    return choice_result(p.answer.question, p.prep, p.refs[0], 0)


def _hedged(p: _Picked) -> Grade | None:
    return hedged(p.prep, p.answer.toks, p.whole)


def _typed(p: _Picked) -> Grade | None:
    """An option's text, typos allowed."""
    if p.hit.kind is Match.FORM and p.hit.form is not None:
        return choice_result(p.answer.question, p.prep, p.hit.form.index, p.hit.distance)
    return None


def _several(p: _Picked) -> Grade | None:
    """Two or more pieces that each name a different option (``Beijing and Moscow``); a
    sentence with an "and" in it that names one option is not that."""
    m, prep = p.answer.matcher, p.prep
    named: set[int] = set()
    for piece in m.pieces(prep, p.answer.toks, prep.options):
        ref = option_refs(prep, strip_filler(piece))
        if ref is not None:
            named.update(ref)
            continue
        hit = m.match(prep, key_from_words(" ".join(piece), piece), prep.options)
        if hit.kind is Match.FORM and hit.form is not None:
            named.add(hit.form.index)
    if len(named) > 1:
        return graded(Verdict.WRONG, 0.0, fb.CHOICE_SEVERAL)
    return None


def _other_words(p: _Picked) -> Grade | None:
    """The option's meaning in other words: "I took that as B: ..."; two options as close as
    each other: ask which, at no cost (see ``optionwords``)."""
    if p.hit.kind is Match.WRONG or set(p.whole.words) & (POSITION_WORDS - {"one"}):
        return None  # "the second one" is a position, not the word "Second" of an option
    if p.prep.numeric_options or all(w.isdigit() for w in p.whole.words):
        return None  # "1" is no option's meaning in other words
    ctx = reader(p.prep, p.answer.matcher.known).ctx
    found = pick(p.prep, p.whole.words, ctx)
    q = p.answer.question
    if found.chosen is not None:
        grade = choice_result(q, p.prep, found.chosen, 0)
        took = fb.took_as(chr(ord("A") + found.chosen), q.options[found.chosen])
        text = grade.feedback if grade.verdict is Verdict.MISCONCEPTION else fb.WRONG
        if grade.verdict.right:
            text = fb.CORRECT
        return dataclasses.replace(grade, feedback=f"{took} {text}")
    if found.tied:
        which = [f"{chr(ord('A') + i)} ({q.options[i]})" for i in found.tied]
        return invalid(fb.which_option(which), rule="options-as-close")
    return None


def _distinctive(p: _Picked) -> Grade | None:
    """A part of one option's text that no other option shares: "gift", "executive director"."""
    if p.hit.kind is Match.WRONG:
        return None
    part = distinctive_option(p.prep, p.whole.words)
    if part is not None:
        return choice_result(p.answer.question, p.prep, part[0], int(part[1]))
    return None


def _shared(p: _Picked) -> Grade | None:
    """Words several options share name none of them."""
    if p.hit.kind is not Match.WRONG and len(options_with(p.prep, p.whole.words) or ()) > 1:
        return invalid(fb.CHOICE_SHARED)
    return None


def _closest(p: _Picked) -> Grade:
    grade = verdict_for_hit(p.hit, p.whole)
    if grade.verdict is Verdict.WRONG and not p.prep.correct:
        return grade
    if p.hit.kind in (Match.NONE, Match.COMPETITOR) and not dont_know(p.whole.words):
        return invalid(fb.CHOICE_UNKNOWN, rule="names-no-option")
    return grade


CHOICE_RULES: list[Rule[_Picked, Grade]] = [
    Rule("option-text", _option_text),
    Rule("letter-and-text", _letter_and_text),
    Rule("option-reference", _reference),
    Rule("hedged", _hedged),
    Rule("option-typed", _typed),
    Rule("several-options", _several),
    Rule("distinctive-words", _distinctive),
    Rule("option-in-other-words", _other_words),
    Rule("words-several-options-share", _shared),
    Rule("closest-option", _closest),
]


def _wrong_entries(prep: Prepared, option: str, letter: str | None = None) -> list[Wrong]:
    """The ``wrong:`` entries that name ``option`` (by its text, or by ``letter``)."""
    names = {key(option).squashed}
    if letter is not None:
        names.add(letter.casefold())
    return [w for wk, w in prep.wrongs if wk.squashed in names]


def choice_result(q: Question, prep: Prepared, index: int, dist: int) -> Grade:
    option = q.options[index]
    letter = chr(ord("A") + index)
    if index in prep.correct:
        if dist:
            return graded(Verdict.TYPO, 1.0, fb.spelling([option]), option, found=(option,))
        return graded(Verdict.CORRECT, 1.0, fb.CORRECT, option, found=(option,))
    for w in _wrong_entries(prep, option, letter):
        return graded(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG, extra=(option,))
    return graded(Verdict.WRONG, 0.0, f"{letter} ({option}) is not it.", extra=(option,))


def _multi_reference(p: _Picked) -> Grade | None:
    """Letters or numbers only: ``A, C``, ``ca``, ``1 and 3``."""
    if p.refs is None:
        return None
    if any(r < 0 or r >= p.prep.n_options for r in p.refs):
        return invalid(fb.too_many_options(p.prep.n_options))
    return multi_result(p.answer.question, p.prep, set(p.refs), {}, [])


def _multi_hedged(p: _Picked) -> Grade | None:
    return hedged(p.prep, p.answer.toks, p.whole, lists=True)


def _picks(p: _Picked) -> Grade:
    """Each piece an option by letter, number, text (typos allowed) or a distinctive part."""
    a, prep = p.answer, p.prep
    n = prep.n_options
    chosen: set[int] = set()
    typos: dict[int, int] = {}
    unknown: list[str] = []
    for piece in _whole_options(prep, a.matcher.pieces(prep, a.toks, prep.options)):
        ref = option_refs(prep, strip_filler(piece))
        if ref is not None and all(0 <= r < n for r in ref):
            chosen.update(ref)
            continue
        k = key_from_words(" ".join(piece), piece)
        hit = a.matcher.match(prep, k, prep.options)
        named = hit.kind in (Match.FORM, Match.WRONG)
        several = 1 < len(k.words) <= 12
        runs = a.matcher.segment(prep, k.words, prep.options) if several and not named else None
        for h, ws in runs or ():  # "rubber glass plastic": options typed without separators
            if h.kind is Match.FORM and h.form is not None:
                chosen.add(h.form.index)
                if h.distance:
                    typos[h.form.index] = h.distance
            else:
                unknown.append(display(ws, a.cleaned))
        if runs:
            continue
        part = None if named else distinctive_option(prep, k.words)
        if hit.kind is Match.FORM and hit.form is not None:
            chosen.add(hit.form.index)
            if hit.distance:
                typos[hit.form.index] = hit.distance
        elif part is not None:
            chosen.add(part[0])
            if part[1]:
                typos[part[0]] = 1
        elif not k.empty:
            unknown.append(display(piece, a.cleaned))
    if not chosen:
        return invalid(fb.CHOICE_UNKNOWN, rule="names-no-option")
    return multi_result(a.question, prep, chosen, typos, unknown)


def _whole_options(prep: Prepared, pieces: list[list[str]]) -> list[list[str]]:
    """Pieces joined again where an option's own text was cut at its comma (``Washington,
    D.C.``)."""
    names = {o.key.squashed for o in prep.options}
    out: list[list[str]] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i + 1, -1):
            ws = [w for p in pieces[i:j] for w in p]
            if "".join(ws) in names:
                out.append(ws)
                i = j
                break
        else:
            out.append(pieces[i])
            i += 1
    return out


MULTI_RULES: list[Rule[_Picked, Grade]] = [
    Rule("option-reference", _multi_reference),
    Rule("hedged", _multi_hedged),
    Rule("picks", _picks),
]
CHOICE: list[GradeRule] = [Rule("choice", lambda a: decide(CHOICE_RULES, _read(a)))]
MULTI: list[GradeRule] = [Rule("multi", lambda a: decide(MULTI_RULES, _read(a)))]


def _are(n: int) -> str:
    return "is" if n == 1 else "are"


def multi_result(
    q: Question, prep: Prepared, chosen: set[int], typos: dict[int, int], unknown: list[str]
) -> Grade:
    """Credit = (right picks - wrong picks) / number of right options, at least 0."""
    n = len(q.options)
    right = set(prep.correct)
    hits = sorted(chosen & right)
    wrong = sorted(chosen - right)
    missing = sorted(right - chosen)
    label = [f"{chr(ord('A') + i)} ({q.options[i]})" for i in range(n)]
    found = tuple(q.options[i] for i in hits)
    extra = tuple(q.options[i] for i in wrong) + tuple(unknown)
    lists = {"found": found, "missing": tuple(q.options[i] for i in missing), "extra": extra}
    if not right:
        return graded(Verdict.WRONG, 0.0, fb.WRONG, None, **lists)
    matched: str | None = ", ".join(chr(ord("A") + i) for i in hits)
    if not missing and not wrong and not unknown:
        t = [q.options[i] for i in sorted(typos)]
        if t:
            return graded(Verdict.TYPO, 1.0, fb.spelling(t), matched, **lists)
        return graded(Verdict.CORRECT, 1.0, fb.CORRECT, matched, **lists)
    credit = max(0.0, (len(hits) - len(wrong) - 0.5 * len(unknown)) / len(right))
    parts: list[str] = []
    if hits:
        parts.append(f"{fb.join([label[i] for i in hits])} {_are(len(hits))} right.")
    if wrong:
        parts.append(f"{fb.join([label[i] for i in wrong])} {_are(len(wrong))} not.")
    if unknown:
        parts.append(f"{fb.join([fb.quoted(u) for u in unknown])} is not one of the options.")
    if missing:
        k = len(missing)
        s = "s" if k > 1 else ""
        if hits or wrong:
            parts.append(f"{k} more right option{s} {_are(k)} missing.")
        else:
            parts.append(f"There {_are(k)} {k} right option{s} to find.")
    text = " ".join(parts)
    replies = [w.reply for i in wrong for w in _wrong_entries(prep, q.options[i]) if w.reply]
    if replies:
        text = text + " " + " ".join(replies)
    if credit <= 0:
        return graded(Verdict.WRONG, 0.0, text, None, **lists)
    return graded(Verdict.PARTIAL, credit, text, matched or None, **lists)
