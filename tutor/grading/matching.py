"""Matching one piece of typed text against a question's forms, and cutting text into pieces.

Owns ``Matcher`` (the course's competitor index and the built-in one, and the rule that turns a
typed piece into a ``Hit``: a form, a ``wrong:`` entry, a competitor, part of a form, ...) and
``split``, which cuts an answer into list items on separators and "and" while keeping known names
with "and" in them whole. Every question type grades through these.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tutor.grading.names import initialled, other_given_name, reordered
from tutor.grading.normalise import AND, HEDGE_WORDS, NEGATION_WORDS, SEPARATORS
from tutor.grading.ownwords import is_country_or_region, own_words
from tutor.grading.pipeline import Rule, first
from tutor.grading.prepared import Form, Hit, Match, Prepared
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
from tutor.model import Wrong

_STOP = frozenset({"and", "of", "the", "a", "an", "in", "on", "for", "to"})
_UNSURE = HEDGE_WORDS | NEGATION_WORDS | {AND}


class Matcher:
    """Finds what a typed piece names. A course competitor as close as the best form refuses a
    typo; a built-in name refuses it only when strictly closer (or typed exactly)."""

    def __init__(self, index: CompetitorIndex, builtin: CompetitorIndex) -> None:
        self.index = index  # the course's own names: ties refuse a typo
        self.builtin = builtin  # well-known names: only closer (or equal) ones refuse

    def known(self, squashed: str) -> bool:
        """Whether ``squashed`` is a name the course knows, or a country or region (not any
        town: a surname or a word may be one somewhere, like Mandela or Bronte)."""
        return self.index.exact(squashed) is not None or is_country_or_region(squashed)

    def exact(self, squashed: str, exclude: frozenset[str] = frozenset()) -> Competitor | None:
        return self.index.exact(squashed, exclude) or self.builtin.exact(squashed, exclude)

    def match(self, prep: Prepared, piece: Key, forms: Sequence[Form]) -> Hit:
        """What ``piece`` names among ``forms``: the first of ``MATCH_RULES`` that decides, the
        hit named after it (or after the finer rule that rule delegated to)."""
        found = first(MATCH_RULES, _Piece(self, prep, piece, forms))
        assert found is not None  # the last rule always decides
        name, hit = found
        if not hit.rule:
            hit.rule = name
        return hit

    def known_and(self, prep: Prepared, forms: Sequence[Form]) -> Callable[[list[str]], bool]:
        """Whether a run of words containing "and" is one known name (kept whole in lists)."""

        def known(ws: list[str]) -> bool:
            k = key_from_words(" ".join(ws), ws)
            for f in forms:
                if AND in f.key.words and typo_distance(k, f.key) is not None:
                    return True
            for wk, _ in prep.wrongs:
                if AND in wk.words and typo_distance(k, wk) is not None:
                    return True
            if self.exact(k.squashed) is None:
                return False
            # A name known elsewhere in the course may itself join two things ("the US and the
            # EU" answering another question): when each part is one of this question's own
            # forms, the student is naming those, not the other answer.
            return not all(own(part) for part in _and_parts(ws))

        def own(part: list[str]) -> bool:
            k = key_from_words(" ".join(part), part)
            return any(typo_distance(k, f.key) is not None for f in forms)

        return known

    def pieces(self, prep: Prepared, toks: list[str], forms: Sequence[Form]) -> list[list[str]]:
        """``toks`` cut into items, keeping names with "and" among ``forms`` (or known) whole."""
        return split(toks, self.known_and(prep, forms))

    def segment(
        self, prep: Prepared, ws: tuple[str, ...], forms: Sequence[Form]
    ) -> list[tuple[Hit, list[str]]] | None:
        """Split words into two or more consecutive runs, each a form, a ``wrong:`` entry or a
        known name, at least one of them a form (``Mongolia North Korea``, ``rubber glass
        plastic``); None when that cannot be done."""
        n = len(ws)
        best: list[list[tuple[Hit, list[str]]] | None] = [None] * (n + 1)
        best[0] = []
        for end in range(1, n + 1):
            for start in range(end - 1, -1, -1):
                prev = best[start]
                if prev is None:
                    continue
                span = list(ws[start:end])
                hit = self.match(prep, key_from_words(" ".join(span), span), forms)
                if hit.kind in (Match.FORM, Match.WRONG, Match.COMPETITOR):
                    best[end] = [*prev, (hit, span)]
                    break
        result = best[n]
        if result is None or len(result) < 2 or not any(h.kind is Match.FORM for h, _ in result):
            return None
        return result


class _Piece:
    """One typed piece against a set of forms, with the closest form and ``wrong:`` entry within
    the typo budget (every rule looks at these)."""

    def __init__(self, m: Matcher, prep: Prepared, piece: Key, forms: Sequence[Form]) -> None:
        self.m, self.prep, self.piece, self.forms = m, prep, piece, forms
        self.best: Form | None = None
        self.best_d = 99
        self.tie = False
        for f in forms:
            d = typo_distance(piece, f.key)
            if d is None:
                continue
            if d < self.best_d:
                self.best, self.best_d, self.tie = f, d, False
            elif d == self.best_d and self.best is not None and f.index != self.best.index:
                self.tie = True
        self.wrong_hit: tuple[int, Wrong] | None = None
        for wk, w in prep.wrongs:
            d = typo_distance(piece, wk)
            if d is not None and (self.wrong_hit is None or d < self.wrong_hit[0]):
                self.wrong_hit = (d, w)

    @property
    def unsure(self) -> bool:
        """Hedged, negated or joined with "and": never read as more words around a name."""
        return bool(set(self.piece.words) & _UNSURE)


def _exact_form(p: _Piece) -> Hit | None:
    if p.best is not None and p.best_d == 0:
        return Hit(Match.FORM, 0, p.best)
    return None


def _exact_wrong(p: _Piece) -> Hit | None:
    if p.wrong_hit is not None and p.wrong_hit[0] == 0:
        return Hit(Match.WRONG, 0, wrong=p.wrong_hit[1])
    return None


def _typo_of_form(p: _Piece) -> Hit | None:
    """A typo of the closest form, unless another form, a wrong entry or a competitor is as
    close (then a tie: ``close``, or that name when typed exactly)."""
    best, prep, piece = p.best, p.prep, p.piece
    if best is None:
        return None
    raw = min(distance(piece, best.key), p.best_d)
    if p.tie:
        return Hit(Match.AMBIGUOUS, p.best_d, best, rule="as-close-to-another-form")
    for wk, _w in prep.wrongs:
        if distance(piece, wk) <= raw:
            if p.wrong_hit is not None:
                return Hit(
                    Match.WRONG, p.wrong_hit[0], wrong=p.wrong_hit[1], rule="typo-of-wrong-entry"
                )
            return Hit(Match.AMBIGUOUS, p.best_d, best, rule="as-close-to-a-wrong-entry")
    if p.forms is prep.options:
        for o in prep.options:
            if o.index != best.index and distance(piece, o.key) <= raw:
                return Hit(Match.AMBIGUOUS, p.best_d, best, rule="as-close-to-another-form")
    rival = p.m.index.within(piece.squashed, raw, prep.own)
    if rival is None or rival[1] > 0:
        # a well-known name wins only when it is strictly closer (or typed exactly)
        builtin = p.m.builtin.within(piece.squashed, raw - 1, prep.own)
        if builtin is not None and builtin[1] < raw:
            rival = builtin
    if rival is not None:
        comp, d = rival
        if d == 0:
            return Hit(Match.COMPETITOR, competitor=comp.text, rule="another-known-name")
        return Hit(Match.AMBIGUOUS, p.best_d, best, rule="as-close-to-another-name")
    return Hit(Match.FORM, p.best_d, best)


def _typo_of_wrong(p: _Piece) -> Hit | None:
    if p.wrong_hit is None:
        return None
    comp = p.m.exact(p.piece.squashed, p.prep.own)
    if comp is not None and comp.squashed != key(p.wrong_hit[1].text).squashed:
        return Hit(Match.COMPETITOR, competitor=comp.text, rule="another-known-name")
    return Hit(Match.WRONG, p.wrong_hit[0], wrong=p.wrong_hit[1])


def _name_reordered(p: _Piece) -> Hit | None:
    """A form (or a ``wrong:`` entry) typed in another word order or with initials
    (``Tokayev Kassym-Jomart``, ``K. Tokayev``): a typo of it; see ``names``."""
    pw = p.piece.words
    if len(pw) < 2:
        return None
    best: tuple[int, Form] | None = None
    for f in p.forms:
        d = reordered(pw, f.key.words) or initialled(pw, f.key.words)
        if d is not None and (best is None or d < best[0]):
            best = (d, f)
    for wk, w in p.prep.wrongs:
        d = reordered(pw, wk.words) or initialled(pw, wk.words)
        if d is not None and (best is None or d <= best[0]):
            return Hit(Match.WRONG, d, wrong=w)
    if best is None:
        return None
    return _known_name(p) or Hit(Match.FORM, best[0], best[1])


def _part_of_form(p: _Piece) -> Hit | None:
    pw = p.piece.words
    for f in p.forms:
        fw = f.key.words
        if 0 < len(pw) < len(fw) and not all(w in _STOP for w in pw):
            for i in range(len(fw) - len(pw) + 1):
                if fw[i : i + len(pw)] == pw:
                    return Hit(Match.PART, form=f)
    return None


def _known_name(p: _Piece) -> Hit | None:
    comp = p.m.exact(p.piece.squashed, p.prep.own)
    if comp is None:
        return None
    return Hit(Match.COMPETITOR, competitor=comp.text, rule="another-known-name")


def _wrong_within(p: _Piece) -> Hit | None:
    pw = p.piece.words
    if p.unsure:
        return None
    for wk, w in p.prep.wrongs:
        n = len(wk.words)
        if 0 < n < len(pw) and any(pw[i : i + n] == wk.words for i in range(len(pw) - n + 1)):
            return Hit(Match.WRONG, 1, wrong=w)
    return None


def _other_given_name(p: _Piece) -> Hit | None:
    # "Nursultan Tokayev": someone else, not more words
    if not p.unsure and any(other_given_name(p.piece.words, f.key.words) for f in p.forms):
        return Hit(Match.NONE)
    return None


def _form_with_more(p: _Piece) -> Hit | None:
    pw = p.piece.words
    if p.unsure:
        return None
    for f in p.forms:
        fw = f.key.words
        if len(pw) > len(fw):
            for i in range(len(pw) - len(fw) + 1):
                if pw[i : i + len(fw)] == fw:
                    return Hit(Match.MORE, form=f)
    return None


def _near_miss(p: _Piece) -> Hit | None:
    for f in p.forms:
        d = near_distance(p.piece, f.key)
        if d is not None:
            return Hit(Match.NEAR, d, f)
    return None


# What a typed piece names, in order: the first rule that returns a hit decides.
MATCH_RULES: list[Rule[_Piece, Hit]] = [
    Rule("exact-form", _exact_form),
    Rule("wrong-entry", _exact_wrong),
    Rule("typo-within-budget", _typo_of_form),
    Rule("typo-of-wrong-entry", _typo_of_wrong),
    Rule("name-reordered-or-initials", _name_reordered),
    # the answer in other words: each hit names the finer rule (carrier-words, generic-head,
    # title, abbreviation, word-form, surname-only, middle-names): see ``ownwords``
    Rule("own-words", lambda p: own_words(p.prep, p.piece, p.forms, p.m.known)),
    Rule("part-of-answer", _part_of_form),
    Rule("another-known-name", _known_name),
    Rule("wrong-entry-within", _wrong_within),
    Rule("another-given-name", _other_given_name),
    Rule("answer-with-more-words", _form_with_more),
    Rule("one-edit-over-budget", _near_miss),
    Rule("no-match", lambda p: Hit(Match.NONE)),
]


def _and_parts(ws: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for w in ws:
        if w == AND:
            parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


def split(toks: list[str], known: Callable[[list[str]], bool]) -> list[list[str]]:
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
        for j, w in enumerate(chunk):
            if w == AND or (w == "+" and _joins_words(chunk, j)):
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


def _joins_words(chunk: list[str], j: int) -> bool:
    """A lone ``+`` between two words is "and" (``Russia + China``); next to a digit it belongs
    to a name (``C5 + 1``)."""
    return 0 < j < len(chunk) - 1 and chunk[j - 1].isalpha() and chunk[j + 1].isalpha()
