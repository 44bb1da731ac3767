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
from tutor.grading.prepared import Form, Hit, Prepared
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

    def exact(self, squashed: str, exclude: frozenset[str] = frozenset()) -> Competitor | None:
        return self.index.exact(squashed, exclude) or self.builtin.exact(squashed, exclude)

    def match(self, prep: Prepared, piece: Key, forms: Sequence[Form]) -> Hit:
        best: Form | None = None
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
            return Hit("form", 0, best)
        wrong_hit: tuple[int, Wrong] | None = None
        for wk, w in prep.wrongs:
            d = typo_distance(piece, wk)
            if d is not None and (wrong_hit is None or d < wrong_hit[0]):
                wrong_hit = (d, w)
        if wrong_hit is not None and wrong_hit[0] == 0:
            return Hit("wrong", 0, wrong=wrong_hit[1])
        if best is not None:
            return self._typo_or_rival(prep, piece, forms, best, best_d, tie, wrong_hit)
        if wrong_hit is not None:
            comp = self.exact(piece.squashed, prep.own)
            if comp is not None and comp.squashed != key(wrong_hit[1].text).squashed:
                return Hit("competitor", competitor=comp.text)
            return Hit("wrong", wrong_hit[0], wrong=wrong_hit[1])
        pw = piece.words
        named = self._name_forms(prep, piece, forms)
        if named is not None:
            return named
        for f in forms:
            fw = f.key.words
            if 0 < len(pw) < len(fw) and not all(w in _STOP for w in pw):
                for i in range(len(fw) - len(pw) + 1):
                    if fw[i : i + len(pw)] == pw:
                        return Hit("part", form=f)
        comp = self.exact(piece.squashed, prep.own)
        if comp is not None:
            return Hit("competitor", competitor=comp.text)
        if not (set(pw) & _UNSURE):
            for wk, w in prep.wrongs:
                n = len(wk.words)
                if 0 < n < len(pw) and any(
                    pw[i : i + n] == wk.words for i in range(len(pw) - n + 1)
                ):
                    return Hit("wrong", 1, wrong=w)
            if any(other_given_name(pw, f.key.words) for f in forms):
                return Hit("none")  # "Nursultan Tokayev": someone else, not more words
            for f in forms:
                fw = f.key.words
                if len(pw) > len(fw):
                    for i in range(len(pw) - len(fw) + 1):
                        if pw[i : i + len(fw)] == fw:
                            return Hit("more", form=f)
        for f in forms:
            d = near_distance(piece, f.key)
            if d is not None:
                return Hit("near", d, f)
        return Hit("none")

    def _name_forms(self, prep: Prepared, piece: Key, forms: Sequence[Form]) -> Hit | None:
        """A form (or a ``wrong:`` entry) typed in another word order or with initials
        (``Tokayev Kassym-Jomart``, ``K. Tokayev``): a typo of it; see ``names``."""
        pw = piece.words
        if len(pw) < 2:
            return None
        best: tuple[int, Form] | None = None
        for f in forms:
            d = reordered(pw, f.key.words) or initialled(pw, f.key.words)
            if d is not None and (best is None or d < best[0]):
                best = (d, f)
        for wk, w in prep.wrongs:
            d = reordered(pw, wk.words) or initialled(pw, wk.words)
            if d is not None and (best is None or d <= best[0]):
                return Hit("wrong", d, wrong=w)
        if best is None:
            return None
        comp = self.exact(piece.squashed, prep.own)
        if comp is not None:
            return Hit("competitor", competitor=comp.text)
        return Hit("form", best[0], best[1])

    def _typo_or_rival(
        self,
        prep: Prepared,
        piece: Key,
        forms: Sequence[Form],
        best: Form,
        best_d: int,
        tie: bool,
        wrong_hit: tuple[int, Wrong] | None,
    ) -> Hit:
        """A typo of ``best``, unless another form, a wrong entry or a competitor is as close."""
        raw = min(distance(piece, best.key), best_d)
        if tie:
            return Hit("ambiguous", best_d, best)
        for wk, _w in prep.wrongs:
            if distance(piece, wk) <= raw:
                if wrong_hit is not None:
                    return Hit("wrong", wrong_hit[0], wrong=wrong_hit[1])
                return Hit("ambiguous", best_d, best)
        if forms is prep.options:
            for o in prep.options:
                if o.index != best.index and distance(piece, o.key) <= raw:
                    return Hit("ambiguous", best_d, best)
        rival = self.index.within(piece.squashed, raw, prep.own)
        if rival is None or rival[1] > 0:
            # a well-known name wins only when it is strictly closer (or typed exactly)
            builtin = self.builtin.within(piece.squashed, raw - 1, prep.own)
            if builtin is not None and builtin[1] < raw:
                rival = builtin
        if rival is not None:
            comp, d = rival
            if d == 0:
                return Hit("competitor", competitor=comp.text)
            return Hit("ambiguous", best_d, best)
        return Hit("form", best_d, best)

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
