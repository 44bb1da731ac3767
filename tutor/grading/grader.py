"""The ``Grader``: one question, one typed text, one ``Grade``. Never raises.

See the package docstring (``tutor.grading``) for the rules per question type.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tutor.grading import feedback as fb
from tutor.grading import gazetteer
from tutor.grading.normalise import (
    AND,
    HEDGE_WORDS,
    NEGATION_WORDS,
    SEPARATORS,
    clean,
    has_content,
    strip_filler,
    tokens,
)
from tutor.grading.numbers import find_numbers, parse_number
from tutor.grading.result import Grade, Verdict
from tutor.grading.textmatch import (
    Competitor,
    CompetitorIndex,
    Key,
    distance,
    key,
    key_from_words,
    near_distance,
    typo_distance,
)
from tutor.model import Course, Item, NumberSpec, Question, QuestionType, Wrong

MAX_CHARS = 1000  # longer than any answer; refused before any work is done
MAX_WORDS = 120
_CACHE_LIMIT = 50_000

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
_STOP = frozenset({"and", "of", "the", "a", "an", "in", "on", "for", "to"})
_METRE_UNITS = {"m", "metre", "metres", "meter", "meters", "min", "minute", "minutes"}
_SCALE_UNITS = {
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
}
_TRUE = {"true", "yes", "correct", "right", "yep", "yeah", "yup", "aye", "agree"}
_FALSE = {"false", "no", "incorrect", "wrong", "untrue", "nope", "nah", "disagree"}
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
_CHOICE_PREFIX = ("option", "answer", "letter", "choice", "number", "no")


@dataclass(frozen=True, slots=True)
class _Form:
    key: Key
    index: int  # item index (list/text) or option index (choice/multi)
    text: str  # as the lesson spells it


@dataclass(slots=True)
class _Hit:
    kind: str  # form | wrong | ambiguous | competitor | part | near | none
    distance: int = 0
    form: _Form | None = None
    wrong: Wrong | None = None
    competitor: str | None = None


@dataclass(slots=True)
class _Prepared:
    items: tuple[Item, ...]
    forms: list[_Form]
    wrongs: list[tuple[Key, Wrong]]
    own: frozenset[str]
    vocab: frozenset[str]
    and_forms: bool
    options: list[_Form] = field(default_factory=list)
    numeric_options: bool = False
    number: NumberSpec | None = None
    correct: tuple[int, ...] = ()  # choice / multi


def _g(verdict: Verdict, credit: float, text: str, matched: str | None = None, **kw) -> Grade:
    return Grade(verdict, max(0.0, min(1.0, credit)), text, matched, **kw)


def _invalid(text: str) -> Grade:
    return Grade(Verdict.INVALID, 0.0, text)


class Grader:
    """Grades answers; knows every name in the course so that a typo is never taken for one.

    Build it once per course (it indexes every answer, accepted form, ``wrong:`` entry, option and
    glossary term, plus a built-in list of countries, places and organisations); then call
    ``grade(question, text)`` as often as needed. ``grade`` never raises.
    """

    def __init__(self, course: Course | None = None) -> None:
        self._index = CompetitorIndex()  # the course's own names: ties refuse a typo
        self._builtin = _builtin_index()  # well-known names: only closer (or equal) ones refuse
        self._cache: dict[int, tuple[Question, _Prepared]] = {}
        self._aliases: dict[str, list[str]] = {}
        if course is not None:
            for lesson in course.lessons:
                for entry in lesson.glossary:
                    self._index.add(entry.term, "glossary")
                    expansion = _expansion(entry.definition)
                    if expansion:
                        self._index.add(expansion, "glossary")
                        term_key, exp_key = key(entry.term).squashed, key(expansion).squashed
                        if term_key and exp_key and term_key != exp_key:
                            self._aliases.setdefault(term_key, []).append(expansion)
                            self._aliases.setdefault(exp_key, []).append(entry.term)
                for q in lesson.questions:
                    self.add_question(q)

    @property
    def competitor_count(self) -> int:
        return len(self._index) + len(self._builtin)

    def add_question(self, q: Question) -> None:
        """Make a question's forms, wrong entries and options known as competitors."""
        for item in q.items:
            for form in item.forms:
                self._index.add(form, "answer")
        if q.type in (QuestionType.TEXT, QuestionType.LIST) and not q.items and q.answer:
            self._index.add(q.answer, "answer")
        for w in q.wrong:
            self._index.add(w.text, "wrong")
        for option in q.options:
            self._index.add(option, "option")

    # -- entry point -----------------------------------------------------------------------

    def grade(self, question: Question, text: str) -> Grade:
        """Grade ``text`` as an answer to ``question``. Never raises."""
        try:
            if not isinstance(text, str):
                text = "" if text is None else str(text)
            if len(text) > MAX_CHARS:
                return _invalid(fb.TOO_LONG)
            cleaned = clean(text)
            if not cleaned:
                return _invalid(fb.EMPTY)
            if not has_content(cleaned):
                return _invalid(fb.NO_CONTENT)
            toks = tokens(cleaned)
            ws = [t for t in toks if t not in SEPARATORS]
            if not ws:
                return _invalid(fb.NO_CONTENT)
            if len(ws) > MAX_WORDS:
                return _invalid(fb.TOO_LONG)
            prep = self._prepare(question)
            kind = question.type
            if kind is QuestionType.NUMBER and prep.number is not None:
                return self._grade_number(question, prep, cleaned, toks)
            if kind is QuestionType.LIST:
                return self._grade_list(question, prep, toks, cleaned)
            if kind is QuestionType.CHOICE:
                return self._grade_choice(question, prep, toks)
            if kind is QuestionType.MULTI:
                return self._grade_multi(question, prep, toks, cleaned)
            if kind is QuestionType.TRUEFALSE:
                return self._grade_truefalse(question, prep, toks)
            return self._grade_text(question, prep, toks)
        except Exception:  # pragma: no cover - a last resort; every path above is tested
            return _invalid("Sorry, I couldn't read that answer. Could you put it another way?")

    # -- preparation -----------------------------------------------------------------------

    def _prepare(self, q: Question) -> _Prepared:
        hit = self._cache.get(id(q))
        if hit is not None and hit[0] is q:
            return hit[1]
        items = q.items
        if not items and q.answer and q.type in (QuestionType.TEXT, QuestionType.NUMBER):
            items = (Item(q.answer),)
        if not items and q.answer and q.type is QuestionType.LIST:
            items = tuple(Item(t.strip()) for t in re.split(r"[,;\n]", q.answer) if t.strip())
        forms = [
            _Form(key(f), i, f) for i, item in enumerate(items) for f in item.forms if f.strip()
        ]
        forms = [f for f in forms if not f.key.empty]
        # a glossary term and its expansion name the same thing: either earns the credit
        seen = {f.key.squashed for f in forms}
        for f in list(forms):
            for alias in self._aliases.get(f.key.squashed, ()):
                k = key(alias)
                if k.squashed not in seen and not k.empty:
                    seen.add(k.squashed)
                    forms.append(_Form(k, f.index, alias))
        wrongs = [(key(w.text), w) for w in q.wrong if w.text.strip()]
        wrongs = [(k, w) for k, w in wrongs if not k.empty]
        options = [_Form(key(o), i, o) for i, o in enumerate(q.options)]
        correct = tuple(i for i in q.correct if 0 <= i < len(options))
        if not correct and options and q.answer:
            correct = _derive_correct(q.answer, options)
        own = frozenset(f.key.squashed for f in forms) | frozenset(o.key.squashed for o in options)
        vocab = (
            frozenset(w for f in forms for w in f.key.words)
            | frozenset(w for k, _ in wrongs for w in k.words)
            | frozenset(w for o in options for w in o.key.words)
        )
        # Options that are themselves numbers ("18 million", "2015") make a typed "1" ambiguous;
        # a long option that merely mentions a number ("... Y-8 sale ...") does not.
        numeric_options = (
            bool(options)
            and all(
                o.key.squashed and len(o.key.words) <= 3 and parse_number(o.text) is not None
                for o in options
            )
            or any(o.key.squashed.isdigit() for o in options)
        )
        number = q.number
        if q.type is QuestionType.NUMBER and number is None:
            value = parse_number(q.answer)
            number = NumberSpec(value) if value is not None else None
        prep = _Prepared(
            items=items,
            forms=forms,
            wrongs=wrongs,
            own=own,
            vocab=vocab,
            and_forms=any(AND in f.key.words for f in forms)
            or any(AND in o.key.words for o in options),
            options=options,
            numeric_options=numeric_options,
            number=number,
            correct=correct,
        )
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[id(q)] = (q, prep)
        return prep

    def _exact(self, squashed: str, exclude: frozenset[str] = frozenset()) -> Competitor | None:
        return self._index.exact(squashed, exclude) or self._builtin.exact(squashed, exclude)

    # -- matching one piece of text ----------------------------------------------------------

    def _match(self, prep: _Prepared, piece: Key, forms: Sequence[_Form]) -> _Hit:
        best: _Form | None = None
        best_d = 99
        tie = False
        for f in forms:
            d = typo_distance(piece, f.key)
            if d is None:
                continue
            if d < best_d:
                best, best_d, tie = f, d, False
            elif d == best_d and best is not None and f.index != best.index:
                tie = True
        if best is not None and best_d == 0:
            return _Hit("form", 0, best)
        wrong_hit: tuple[int, Wrong] | None = None
        for wk, w in prep.wrongs:
            d = typo_distance(piece, wk)
            if d is not None and (wrong_hit is None or d < wrong_hit[0]):
                wrong_hit = (d, w)
        if wrong_hit is not None and wrong_hit[0] == 0:
            return _Hit("wrong", 0, wrong=wrong_hit[1])
        if best is not None:
            raw = min(distance(piece, best.key), best_d)
            if tie:
                return _Hit("ambiguous", best_d, best)
            for wk, _w in prep.wrongs:
                if distance(piece, wk) <= raw:
                    if wrong_hit is not None:
                        return _Hit("wrong", wrong_hit[0], wrong=wrong_hit[1])
                    return _Hit("ambiguous", best_d, best)
            if forms is prep.options:
                for o in prep.options:
                    if o.index != best.index and distance(piece, o.key) <= raw:
                        return _Hit("ambiguous", best_d, best)
            rival = self._index.within(piece.squashed, raw, prep.own)
            if rival is None or rival[1] > 0:
                # a well-known name wins only when it is strictly closer (or typed exactly)
                builtin = self._builtin.within(piece.squashed, raw - 1, prep.own)
                if builtin is not None and builtin[1] < raw:
                    rival = builtin
            if rival is not None:
                comp, d = rival
                if d == 0:
                    return _Hit("competitor", competitor=comp.text)
                return _Hit("ambiguous", best_d, best)
            return _Hit("form", best_d, best)
        if wrong_hit is not None:
            comp = self._exact(piece.squashed, prep.own)
            if comp is not None and comp.squashed != key(wrong_hit[1].text).squashed:
                return _Hit("competitor", competitor=comp.text)
            return _Hit("wrong", wrong_hit[0], wrong=wrong_hit[1])
        for f in forms:
            fw = f.key.words
            pw = piece.words
            if 0 < len(pw) < len(fw) and not all(w in _STOP for w in pw):
                for i in range(len(fw) - len(pw) + 1):
                    if fw[i : i + len(pw)] == pw:
                        return _Hit("part", form=f)
        comp = self._exact(piece.squashed, prep.own)
        if comp is not None:
            return _Hit("competitor", competitor=comp.text)
        pw = piece.words
        if not (set(pw) & (HEDGE_WORDS | NEGATION_WORDS | {AND})):
            for wk, w in prep.wrongs:
                n = len(wk.words)
                if 0 < n < len(pw) and any(
                    pw[i : i + n] == wk.words for i in range(len(pw) - n + 1)
                ):
                    return _Hit("wrong", 1, wrong=w)
        for f in forms:
            fw = f.key.words
            pw = piece.words
            if len(pw) > len(fw) and not (set(pw) & (HEDGE_WORDS | NEGATION_WORDS | {AND})):
                for i in range(len(pw) - len(fw) + 1):
                    if pw[i : i + len(fw)] == fw:
                        return _Hit("more", form=f)
        for f in forms:
            d = near_distance(piece, f.key)
            if d is not None:
                return _Hit("near", d, f)
        return _Hit("none")

    def _known_and(self, prep: _Prepared, forms: Sequence[_Form]) -> Callable[[list[str]], bool]:
        """Whether a run of words containing "and" is one known name (kept whole in lists)."""

        def known(ws: list[str]) -> bool:
            k = key_from_words(" ".join(ws), ws)
            for f in forms:
                if AND in f.key.words and typo_distance(k, f.key) is not None:
                    return True
            for wk, _ in prep.wrongs:
                if AND in wk.words and typo_distance(k, wk) is not None:
                    return True
            return self._exact(k.squashed) is not None

        return known

    # -- text --------------------------------------------------------------------------------

    def _grade_text(self, q: Question, prep: _Prepared, toks: list[str]) -> Grade:
        ws = [t for t in toks if t not in SEPARATORS]
        whole = key_from_words(" ".join(ws), ws)
        hit = self._match(prep, whole, prep.forms)
        if hit.kind == "form" and hit.distance == 0:
            return _g(Verdict.CORRECT, 1.0, fb.CORRECT, hit.form.text)  # type: ignore[union-attr]
        if hit.kind == "wrong" and hit.distance == 0:
            return _g(Verdict.MISCONCEPTION, 0.0, hit.wrong.reply or fb.WRONG)  # type: ignore[union-attr]
        stop = _hedged(prep, toks, whole)
        if stop is not None:
            return stop
        pieces = _split(toks, self._known_and(prep, prep.forms))
        if len(pieces) > 1 and hit.kind != "form":
            hits = [self._match(prep, key_from_words(" ".join(p), p), prep.forms) for p in pieces]
            if all(h.kind == "form" for h in hits):
                typos = [h.form.text for h in hits if h.distance > 0]  # type: ignore[union-attr]
                matched = hits[0].form.text  # type: ignore[union-attr]
                if typos:
                    return _g(Verdict.TYPO, 1.0, fb.spelling(sorted(set(typos))), matched)
                return _g(Verdict.CORRECT, 1.0, fb.CORRECT, matched)
            if any(h.kind == "form" for h in hits) and all(
                h.kind in ("form", "none") for h in hits
            ):
                return _g(Verdict.CLOSE, 0.0, fb.CLOSE_MORE)  # "Russia, because of ..."
            return _g(Verdict.WRONG, 0.0, fb.PADDED)
        return self._verdict_for_hit(hit, whole)

    def _verdict_for_hit(self, hit: _Hit, typed: Key) -> Grade:
        if hit.kind == "form":
            assert hit.form is not None
            if hit.distance == 0:
                return _g(Verdict.CORRECT, 1.0, fb.CORRECT, hit.form.text)
            return _g(Verdict.TYPO, 1.0, fb.spelling([hit.form.text]), hit.form.text)
        if hit.kind == "wrong":
            assert hit.wrong is not None
            return _g(Verdict.MISCONCEPTION, 0.0, hit.wrong.reply or fb.WRONG)
        if hit.kind == "ambiguous":
            return _g(Verdict.CLOSE, 0.0, fb.CLOSE_AMBIGUOUS)
        if hit.kind == "part":
            return _g(Verdict.CLOSE, 0.0, fb.CLOSE_PART)
        if hit.kind == "more":
            return _g(Verdict.CLOSE, 0.0, fb.CLOSE_MORE)
        if hit.kind == "near":
            return _g(Verdict.CLOSE, 0.0, fb.CLOSE_SPELLING)
        if _dont_know(typed.words):
            return _g(Verdict.WRONG, 0.0, fb.DONT_KNOW)
        return _g(Verdict.WRONG, 0.0, fb.WRONG)

    # -- number ------------------------------------------------------------------------------

    def _grade_number(self, q: Question, prep: _Prepared, cleaned: str, toks: list[str]) -> Grade:
        spec = prep.number
        assert spec is not None
        ws = [t for t in toks if t not in SEPARATORS]
        whole = key_from_words(" ".join(ws), ws)
        # forms in words ("nineteen ninety-one") match as text; digits are compared as numbers
        for f in prep.forms:
            if not f.key.digits and whole.squashed == f.key.squashed:
                return _g(Verdict.CORRECT, 1.0, fb.CORRECT, q.answer or f.text)
        for wk, w in prep.wrongs:
            if not wk.digits and whole.squashed == wk.squashed:
                return _g(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG)
        unit = (spec.unit or "").strip().casefold()
        nums = find_numbers(cleaned, m_is_million=unit not in _METRE_UNITS)
        extra = set(whole.words) - prep.vocab
        if extra & NEGATION_WORDS and nums:
            return _g(Verdict.WRONG, 0.0, fb.NEGATED)
        if (extra & HEDGE_WORDS) or "/" in toks and len(nums) > 1:
            return _g(Verdict.WRONG, 0.0, fb.HEDGED if len(nums) <= 1 else fb.ONE_NUMBER)
        if not nums:
            for wk, w in prep.wrongs:
                if typo_distance(whole, wk) is not None:
                    return _g(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG)
            if _dont_know(whole.words):
                return _g(Verdict.WRONG, 0.0, fb.DONT_KNOW)
            return _invalid(fb.NEED_NUMBER)
        values = {n.value for n in nums}
        if len(values) > 1:
            return _g(Verdict.WRONG, 0.0, fb.ONE_NUMBER)
        x = nums[0].value
        answer = q.answer or _fmt(spec.value)
        unit_scale = 1.0
        for w in unit.split():
            unit_scale *= _SCALE_UNITS.get(w, 1.0)
        candidates = [x]
        if unit_scale != 1.0:
            candidates += [x / unit_scale, x * unit_scale]
        if any(spec.accepts(c) for c in candidates):
            exact = any(abs(c - spec.value) <= 1e-9 * max(1.0, abs(spec.value)) for c in candidates)
            return _g(
                Verdict.CORRECT, 1.0, fb.CORRECT if exact else fb.accepted_figure(answer), answer
            )
        for _, w in prep.wrongs:
            wv = parse_number(w.text)
            if wv is not None and any(abs(c - wv) <= 1e-9 * max(1.0, abs(wv)) for c in candidates):
                return _g(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG)
        if unit not in ("%", "percent", "per cent"):
            for factor in (1e3, 1e6, 1e9, 1e12):
                # "18" for 18 million, or "18 billion" for 18 million: right digits, wrong scale
                if spec.accepts(x * factor) or (nums[0].scaled and spec.accepts(x / factor)):
                    return _g(Verdict.CLOSE, 0.0, fb.CLOSE_SCALE)
        if unit in ("%", "percent", "per cent") and (
            spec.accepts(x * 100) or spec.accepts(x / 100)
        ):
            return _g(Verdict.CLOSE, 0.0, fb.CLOSE_PERCENT)
        return _g(Verdict.WRONG, 0.0, fb.number_wrong(_fmt(x)))

    # -- list --------------------------------------------------------------------------------

    def _grade_list(self, q: Question, prep: _Prepared, toks: list[str], cleaned: str) -> Grade:
        ws = [t for t in toks if t not in SEPARATORS]
        whole = key_from_words(" ".join(ws), ws)
        stop = _hedged(prep, toks, whole, lists=True)
        if stop is not None:
            return stop
        pieces = _split(toks, self._known_and(prep, prep.forms))
        return self._collect(
            q,
            prep,
            [key_from_words(_display(p, cleaned), p) for p in pieces],
            prep.forms,
            [i.text for i in prep.items],
            q.required if prep.items else 0,
            what="item",
            cleaned=cleaned,
        )

    def _collect(
        self,
        q: Question,
        prep: _Prepared,
        pieces: list[Key],
        forms: Sequence[_Form],
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
        for piece in pieces:
            if piece.empty:
                continue
            hit = self._match(prep, piece, forms)
            if hit.kind not in ("form", "wrong") and 1 < len(piece.words) <= 12:
                # "Mongolia North Korea": items named without separators
                parts = self._segment(prep, piece.words, forms)
                if parts:
                    for h, words in parts:
                        if h.kind == "form" and h.form is not None:
                            if h.form.index not in found or found[h.form.index] > h.distance:
                                found[h.form.index] = h.distance
                            continue
                        if h.kind == "wrong" and h.wrong is not None:
                            replies.append(h.wrong.reply)
                        extra.append(_display(words, cleaned) if cleaned else " ".join(words))
                    continue
            if hit.kind == "form" and hit.form is not None:
                if hit.form.index not in found or found[hit.form.index] > hit.distance:
                    found[hit.form.index] = hit.distance
                continue
            if hit.kind == "wrong" and hit.wrong is not None:
                replies.append(hit.wrong.reply)
            elif hit.kind in ("ambiguous", "near", "part", "more"):
                close += 1
            extra.append(piece.text)
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
                return _g(Verdict.TYPO, 1.0, fb.spelling(typos), ", ".join(found_names), **kw)
            return _g(Verdict.CORRECT, 1.0, fb.CORRECT, ", ".join(found_names), **kw)
        text = fb.list_feedback(found_names, missing_count, extra, replies, typos, what)
        if close and not n_found:
            text = text + " " + fb.CLOSE_SPELLING
        if n_found == 0 or credit <= 0:
            verdict = Verdict.MISCONCEPTION if replies and n_found == 0 else Verdict.WRONG
            if n_found == 0 and close and not replies:
                verdict = Verdict.CLOSE
            return _g(verdict, 0.0, text, None, **kw)
        return _g(Verdict.PARTIAL, credit, text, ", ".join(found_names), **kw)

    def _segment(
        self, prep: _Prepared, ws: tuple[str, ...], forms: Sequence[_Form]
    ) -> list[_Hit] | None:
        """Split words into two or more consecutive runs, each a form, a ``wrong:`` entry or a
        known name, at least one of them a form; None when that cannot be done."""
        n = len(ws)
        best: list[list[tuple[_Hit, list[str]]] | None] = [None] * (n + 1)
        best[0] = []
        for end in range(1, n + 1):
            for start in range(end - 1, -1, -1):
                prev = best[start]
                if prev is None:
                    continue
                span = list(ws[start:end])
                hit = self._match(prep, key_from_words(" ".join(span), span), forms)
                if hit.kind in ("form", "wrong", "competitor"):
                    best[end] = [*prev, (hit, span)]
                    break
        result = best[n]
        if result is None or len(result) < 2 or not any(h.kind == "form" for h, _ in result):
            return None
        return result

    # -- choice / multi ----------------------------------------------------------------------

    def _option_refs(self, prep: _Prepared, ws: list[str]) -> list[int] | None:
        """Letters or option numbers only ("a", "B", "1", "a c", "ca"): their indices."""
        n = len(prep.options)
        if not ws or n == 0:
            return None
        ws = [w for w in ws if w != AND]
        while len(ws) > 1 and ws[0] in _CHOICE_PREFIX:
            ws = ws[1:]
        out: list[int] = []
        for w in ws:
            if len(w) == 1 and "a" <= w <= "z":
                out.append(ord(w) - ord("a"))
            elif w.isdigit() and not prep.numeric_options and len(w) <= 3:
                out.append(int(w) - 1)
            elif (
                len(ws) == 1
                and w.isalpha()
                and 1 < len(w) <= n
                and len(set(w)) == len(w)
                and all(ord(c) - ord("a") < n for c in w)
            ):
                out.extend(ord(c) - ord("a") for c in w)
            else:
                return None
        return out

    def _grade_choice(self, q: Question, prep: _Prepared, toks: list[str]) -> Grade:
        n = len(prep.options)
        raw = [t for t in toks if t not in SEPARATORS]
        ws = strip_filler(raw)
        right = set(prep.correct)
        whole = key_from_words(" ".join(ws), ws)
        # exact option text first (an option may itself be a letter, a number or "Neither")
        for o in prep.options:
            if whole.squashed == o.key.squashed:
                return self._choice_result(q, prep, o.index, 0)
        refs = self._option_refs(prep, raw)
        if refs is None:
            refs = self._option_refs(prep, ws)
        if refs is None and len(ws) > 1:
            # "b) Economic networks", "b economic networks", "a security guarantor"
            head = self._option_refs(prep, ws[:1])
            rest = key_from_words(" ".join(ws[1:]), ws[1:])
            hit = self._match(prep, rest, prep.options)
            if head and hit.kind == "form" and hit.form is not None:
                if head[0] == hit.form.index:
                    return self._choice_result(q, prep, head[0], 0)
                if ws[0] in ("a", "an"):  # an article, not option A
                    return self._choice_result(q, prep, hit.form.index, hit.distance)
                return _invalid(fb.CHOICE_AMBIGUOUS)
        if refs is not None:
            if any(r < 0 or r >= n for r in refs):
                if prep.numeric_options or not all(r >= 0 for r in refs):
                    return _invalid(fb.too_many_options(n))
                return _invalid(fb.too_many_options(n))
            if len(set(refs)) > 1:
                return _g(Verdict.WRONG, 0.0, fb.CHOICE_SEVERAL)
            return self._choice_result(q, prep, refs[0], 0)
        stop = _hedged(prep, toks, whole)
        if stop is not None:
            return stop
        hit = self._match(prep, whole, prep.options)
        if hit.kind == "form" and hit.form is not None:
            return self._choice_result(q, prep, hit.form.index, hit.distance)
        pieces = _split(toks, self._known_and(prep, prep.options))
        if len(pieces) > 1:
            return _g(Verdict.WRONG, 0.0, fb.CHOICE_SEVERAL)
        grade = self._verdict_for_hit(hit, whole)
        if grade.verdict is Verdict.WRONG and not right:
            return grade
        if hit.kind in ("none", "competitor") and not _dont_know(whole.words):
            return _invalid(fb.CHOICE_UNKNOWN)
        return grade

    def _choice_result(self, q: Question, prep: _Prepared, index: int, dist: int) -> Grade:
        option = q.options[index]
        letter = chr(ord("A") + index)
        if index in prep.correct:
            if dist:
                return _g(Verdict.TYPO, 1.0, fb.spelling([option]), option, found=(option,))
            return _g(Verdict.CORRECT, 1.0, fb.CORRECT, option, found=(option,))
        ko = key(option)
        for wk, w in prep.wrongs:
            if wk.squashed == ko.squashed or wk.squashed == letter.casefold():
                return _g(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG, extra=(option,))
        return _g(Verdict.WRONG, 0.0, f"{letter} ({option}) is not it.", extra=(option,))

    def _grade_multi(self, q: Question, prep: _Prepared, toks: list[str], cleaned: str) -> Grade:
        n = len(prep.options)
        raw = [t for t in toks if t not in SEPARATORS]
        ws = strip_filler(raw)
        whole = key_from_words(" ".join(ws), ws)
        refs = self._option_refs(prep, raw)
        if refs is None:
            refs = self._option_refs(prep, ws)
        if refs is not None:
            if any(r < 0 or r >= n for r in refs):
                return _invalid(fb.too_many_options(n))
            return self._multi_result(q, prep, set(refs), {}, [])
        stop = _hedged(prep, toks, whole, lists=True)
        if stop is not None:
            return stop
        pieces = _split(toks, self._known_and(prep, prep.options))
        chosen: set[int] = set()
        typos: dict[int, int] = {}
        unknown: list[str] = []
        for p in pieces:
            ref = self._option_refs(prep, strip_filler(p))
            if ref is not None and all(0 <= r < n for r in ref):
                chosen.update(ref)
                continue
            k = key_from_words(" ".join(p), p)
            hit = self._match(prep, k, prep.options)
            if hit.kind == "form" and hit.form is not None:
                chosen.add(hit.form.index)
                if hit.distance:
                    typos[hit.form.index] = hit.distance
            elif not k.empty:
                unknown.append(_display(p, cleaned))
        if not chosen:
            return _invalid(fb.CHOICE_UNKNOWN)
        return self._multi_result(q, prep, chosen, typos, unknown)

    def _multi_result(
        self,
        q: Question,
        prep: _Prepared,
        chosen: set[int],
        typos: dict[int, int],
        unknown: list[str],
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
        kw = dict(found=found, missing=tuple(q.options[i] for i in missing), extra=extra)
        if not right:
            return _g(Verdict.WRONG, 0.0, fb.WRONG, **kw)
        if not missing and not wrong and not unknown:
            matched = ", ".join(chr(ord("A") + i) for i in hits)
            t = [q.options[i] for i in sorted(typos)]
            if t:
                return _g(Verdict.TYPO, 1.0, fb.spelling(t), matched, **kw)
            return _g(Verdict.CORRECT, 1.0, fb.CORRECT, matched, **kw)
        credit = max(0.0, (len(hits) - len(wrong) - 0.5 * len(unknown)) / len(right))
        parts: list[str] = []
        if hits:
            parts.append(
                f"{fb.join([label[i] for i in hits])} {'is' if len(hits) == 1 else 'are'} right."
            )
        if wrong:
            parts.append(
                f"{fb.join([label[i] for i in wrong])} {'is' if len(wrong) == 1 else 'are'} not."
            )
        if unknown:
            parts.append(f"{fb.join([fb.quoted(u) for u in unknown])} is not one of the options.")
        if missing:
            m = len(missing)
            if hits or wrong:
                parts.append(
                    f"{m} more right option{'s' if m > 1 else ''} {'is' if m == 1 else 'are'} missing."
                )
            else:
                parts.append(
                    f"There {'is' if m == 1 else 'are'} {m} right option{'s' if m > 1 else ''} to find."
                )
        text = " ".join(parts)
        wrong_replies = []
        for i in wrong:
            ko = key(q.options[i])
            for wk, w in prep.wrongs:
                if wk.squashed == ko.squashed and w.reply:
                    wrong_replies.append(w.reply)
        if wrong_replies:
            text = text + " " + " ".join(wrong_replies)
        matched = ", ".join(chr(ord("A") + i) for i in hits) or None
        if credit <= 0:
            return _g(Verdict.WRONG, 0.0, text, None, **kw)
        return _g(Verdict.PARTIAL, credit, text, matched, **kw)

    # -- true / false ------------------------------------------------------------------------

    def _grade_truefalse(self, q: Question, prep: _Prepared, toks: list[str]) -> Grade:
        ws = [t for t in toks if t not in SEPARATORS]
        value = _truth_of(ws)
        if value == "hedge":
            return _invalid(fb.TRUTH_HEDGE)
        if value is None:
            whole = key_from_words(" ".join(ws), ws)
            for wk, w in prep.wrongs:
                if typo_distance(whole, wk) is not None:
                    return _g(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG)
            return _invalid(fb.NEED_TRUTH)
        truth = q.truth
        if truth is None:
            truth = _truth_of([t for t in tokens(q.answer) if t not in SEPARATORS]) is True
        label = "True" if truth else "False"
        if value is truth:
            return _g(Verdict.CORRECT, 1.0, fb.CORRECT, label)
        said = "true" if value else "false"
        for wk, w in prep.wrongs:
            if wk.squashed == said:
                return _g(Verdict.MISCONCEPTION, 0.0, w.reply or fb.WRONG)
        return _g(Verdict.WRONG, 0.0, fb.WRONG)


_BUILTIN: CompetitorIndex | None = None


def _builtin_index() -> CompetitorIndex:
    """The built-in names, indexed once per process and shared by every Grader."""
    global _BUILTIN
    if _BUILTIN is None:
        index = CompetitorIndex()
        for name in gazetteer.names():
            index.add(name, "builtin")
        _BUILTIN = index
    return _BUILTIN


# -- helpers -------------------------------------------------------------------------------


def _expansion(definition: str) -> str | None:
    """``Eurasian Economic Union, a Russian-led bloc`` -> ``Eurasian Economic Union``."""
    head = re.split(r"[,;:.(\u2014\u2013]| - ", definition, maxsplit=1)[0].strip()
    n = len(head.split())
    return head if 1 <= n <= 6 else None


def _display(ws: Sequence[str], cleaned: str) -> str:
    """The words as the student wrote them (their case and spacing), when that can be found."""
    if cleaned.isascii() and ws:
        pattern = r"[\W_]*".join(re.escape(w) for w in ws)
        m = re.search(pattern, cleaned, re.IGNORECASE)
        if m:
            return m.group()
    return " ".join(ws)


def _derive_correct(answer: str, options: list[_Form]) -> tuple[int, ...]:
    """When the model gives no indices: the answer's letters ("A, C") or option texts."""
    n = len(options)
    out: list[int] = []
    for part in re.split(r"[,;\n]", answer):
        k = key(part)
        if k.empty:
            continue
        hit = next((o.index for o in options if o.key.squashed == k.squashed), None)
        if hit is None and len(k.squashed) == 1 and "a" <= k.squashed <= "z":
            hit = ord(k.squashed) - ord("a")
        if hit is not None and 0 <= hit < n and hit not in out:
            out.append(hit)
    return tuple(sorted(out))


def _dont_know(ws: Sequence[str]) -> bool:
    return tuple(ws) in _DONT_KNOW


def _hedged(prep: _Prepared, toks: list[str], whole: Key, lists: bool = False) -> Grade | None:
    """Negated or hedged answers: words the expected answers don't contain themselves."""
    extra = set(whole.words) - prep.vocab
    if _dont_know(whole.words):
        return _g(Verdict.WRONG, 0.0, fb.DONT_KNOW)
    if extra & NEGATION_WORDS:
        return _g(Verdict.WRONG, 0.0, fb.NEGATED)
    if extra & HEDGE_WORDS:
        return _g(Verdict.WRONG, 0.0, fb.HEDGED_LIST if lists else fb.HEDGED)
    if not lists and "/" in toks and not any("/" in f.text for f in prep.forms):
        return _g(Verdict.WRONG, 0.0, fb.HEDGED)
    return None


def _split(toks: list[str], known: Callable[[list[str]], bool]) -> list[list[str]]:
    """List items: split on , ; / and "and", but keep known names with "and" whole."""
    chunks: list[list[str]] = [[]]
    for t in toks:
        if t in SEPARATORS:
            chunks.append([])
        else:
            chunks[-1].append(t)
    pieces: list[list[str]] = []
    for chunk in chunks:
        if not chunk:
            continue
        parts: list[list[str]] = [[]]
        for w in chunk:
            if w == AND:
                parts.append([])
            else:
                parts[-1].append(w)
        i = 0
        while i < len(parts):
            if not parts[i]:
                i += 1
                continue
            taken = False
            for k in range(len(parts) - i, 1, -1):
                span = parts[i : i + k]
                if not all(span):
                    continue
                ws: list[str] = []
                for p in span:
                    ws.extend(p)
                    ws.append(AND)
                ws.pop()
                if known(ws):
                    pieces.append(ws)
                    i += k
                    taken = True
                    break
            if not taken:
                pieces.append(parts[i])
                i += 1
    return pieces


def _truth_of(ws: list[str]) -> bool | str | None:
    """True, False, "hedge" (both, or hedged), or None (not a true/false answer)."""
    if len(ws) == 1 and ws[0] in _TF_SHORT:
        return _TF_SHORT[ws[0]]
    values: list[bool] = []
    flip = False
    for w in ws:
        if w in ("not", "isnt", "wasnt", "never"):
            flip = not flip
        elif w in _TRUE or w in _FALSE:
            values.append((w in _TRUE) != flip)
            flip = False
        elif w in HEDGE_WORDS or w == "both":
            return "hedge"
        elif w in _TF_IGNORED:
            continue
        else:
            return None
    if not values:
        return None
    if len(set(values)) > 1:
        return "hedge"
    return values[0]


def _fmt(x: float) -> str:
    if not math.isfinite(x):
        return "That number"
    if abs(x) < 1e15 and x == int(x):
        return f"{int(x):,}" if abs(x) >= 10000 else str(int(x))
    return f"{x:,.6g}" if abs(x) >= 10000 else f"{x:.6g}"
