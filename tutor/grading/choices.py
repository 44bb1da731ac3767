"""Grading ``choice`` and ``multi`` questions: options named by letter, number or text
(see ``tutor.grading``, "Choice" and "Multi")."""

from __future__ import annotations

from tutor.grading import feedback as fb
from tutor.grading.matching import Matcher
from tutor.grading.normalise import SEPARATORS, strip_filler
from tutor.grading.optionrefs import distinctive_option, option_refs, options_with
from tutor.grading.prepared import Prepared
from tutor.grading.result import Grade, Verdict
from tutor.grading.textmatch import Key, key, key_from_words
from tutor.grading.verdicts import display, dont_know, graded, hedged, invalid, verdict_for_hit
from tutor.model import Question, Wrong


def _read(prep: Prepared, toks: list[str]) -> tuple[list[str], Key, list[int] | None]:
    """The words without filler, them as one key, and the options they name by letter or
    number (read from the words as typed first, then without filler)."""
    raw = [t for t in toks if t not in SEPARATORS]
    ws = strip_filler(raw)
    refs = option_refs(prep, raw)
    if refs is None:
        refs = option_refs(prep, ws)
    return ws, key_from_words(" ".join(ws), ws), refs


def grade_choice(m: Matcher, q: Question, prep: Prepared, toks: list[str]) -> Grade:
    n = prep.n_options
    ws, whole, refs = _read(prep, toks)
    # exact option text first (an option may itself be a letter, a number or "Neither")
    for o in prep.options:
        if whole.squashed == o.key.squashed:
            return choice_result(q, prep, o.index, 0)
    if refs is None and len(ws) > 1:
        # "b) Economic networks", "b economic networks", "a security guarantor"
        head = option_refs(prep, ws[:1])
        rest = key_from_words(" ".join(ws[1:]), ws[1:])
        hit = m.match(prep, rest, prep.options)
        if head and hit.kind == "form" and hit.form is not None:
            if head[0] == hit.form.index:
                return choice_result(q, prep, head[0], 0)
            if ws[0] in ("a", "an"):  # an article, not option A
                return choice_result(q, prep, hit.form.index, hit.distance)
            return invalid(fb.CHOICE_AMBIGUOUS)
    if refs is not None:
        if any(r < 0 or r >= n for r in refs):
            return invalid(fb.too_many_options(n))
        if len(set(refs)) > 1:
            return graded(Verdict.WRONG, 0.0, fb.CHOICE_SEVERAL)
        return choice_result(q, prep, refs[0], 0)
    stop = hedged(prep, toks, whole)
    if stop is not None:
        return stop
    hit = m.match(prep, whole, prep.options)
    if hit.kind == "form" and hit.form is not None:
        return choice_result(q, prep, hit.form.index, hit.distance)
    if len(m.pieces(prep, toks, prep.options)) > 1:
        return graded(Verdict.WRONG, 0.0, fb.CHOICE_SEVERAL)
    if hit.kind != "wrong":
        # a part of one option's text that no other option shares: "gift", "executive director"
        part = distinctive_option(prep, whole.words)
        if part is not None:
            return choice_result(q, prep, part[0], int(part[1]))
        if len(options_with(prep, whole.words) or ()) > 1:
            return invalid(fb.CHOICE_SHARED)  # words several options share name none of them
    grade = verdict_for_hit(hit, whole)
    if grade.verdict is Verdict.WRONG and not prep.correct:
        return grade
    if hit.kind in ("none", "competitor") and not dont_know(whole.words):
        return invalid(fb.CHOICE_UNKNOWN)
    return grade


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


def grade_multi(m: Matcher, q: Question, prep: Prepared, toks: list[str], cleaned: str) -> Grade:
    n = prep.n_options
    _ws, whole, refs = _read(prep, toks)
    if refs is not None:
        if any(r < 0 or r >= n for r in refs):
            return invalid(fb.too_many_options(n))
        return multi_result(q, prep, set(refs), {}, [])
    stop = hedged(prep, toks, whole, lists=True)
    if stop is not None:
        return stop
    chosen: set[int] = set()
    typos: dict[int, int] = {}
    unknown: list[str] = []
    for p in m.pieces(prep, toks, prep.options):
        ref = option_refs(prep, strip_filler(p))
        if ref is not None and all(0 <= r < n for r in ref):
            chosen.update(ref)
            continue
        k = key_from_words(" ".join(p), p)
        hit = m.match(prep, k, prep.options)
        part = None if hit.kind in ("form", "wrong") else distinctive_option(prep, k.words)
        if hit.kind == "form" and hit.form is not None:
            chosen.add(hit.form.index)
            if hit.distance:
                typos[hit.form.index] = hit.distance
        elif part is not None:
            chosen.add(part[0])
            if part[1]:
                typos[part[0]] = 1
        elif not k.empty:
            unknown.append(display(p, cleaned))
    if not chosen:
        return invalid(fb.CHOICE_UNKNOWN)
    return multi_result(q, prep, chosen, typos, unknown)


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
