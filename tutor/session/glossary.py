"""Answering "what is X?" from the lesson glossary first, then the rest of the course.

Lookup, in order:

1. the term as written (case, accents, punctuation and a leading article ignored), or the expansion
   that opens its definition ("Shanghai Cooperation Organisation" finds SCO);
2. one clear near-spelling (a typing slip: one edit up to 7 letters, two beyond; terms of three
   letters or fewer must match exactly) — answered directly, naming the term it took;
3. otherwise up to three similar terms: "did you mean ...?";
4. otherwise: not in the glossary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from tutor.grading.textmatch import budget
from tutor.model import GlossaryEntry
from tutor.session.commands import form_key
from tutor.values import value

_ARTICLE = re.compile(r"^(?:the|a|an) ")


def key(text: str) -> str:
    return _ARTICLE.sub("", form_key(text))


def _budget(n: int) -> int:
    """The grader's typo budget, capped at two edits: a term asked about is a short name."""
    return min(2, budget(n))


@value
class Lookup:
    entry: GlossaryEntry | None  # the answer, when sure
    exact: bool  # the term matched as written (or by its expansion)
    suggestions: tuple[str, ...] = ()  # "did you mean" terms when unsure


class Glossary:
    """An ordered, de-duplicated set of entries: the first entry for a term wins."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._by_key: dict[str, GlossaryEntry] = {}
        self._terms: dict[str, GlossaryEntry] = {}  # term key -> entry (for fuzzy search)
        expansions: dict[str, GlossaryEntry] = {}
        for entry in entries:
            k = key(entry.term)
            if not k or k in self._terms:
                continue
            self._terms[k] = entry
            if entry.expansion:
                expansions.setdefault(key(entry.expansion), entry)
        self._by_key.update(expansions)
        self._by_key.update(self._terms)  # a term beats another term's expansion

    def __len__(self) -> int:
        return len(self._terms)

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(e.term for e in self._terms.values())

    def lookup(self, text: str) -> Lookup:
        k = key(text)
        if not k:
            return Lookup(None, False)
        entry = self._by_key.get(k)
        if entry is not None:
            return Lookup(entry, True)
        if not self._by_key:
            return Lookup(None, False)
        choices = list(self._by_key)
        close = [
            c for c in choices if c[:1] == k[:1] and OSA.distance(k, c) <= _budget(min(len(c), len(k)))
        ]
        entries = {id(self._by_key[c]): self._by_key[c] for c in close}
        if len(entries) == 1:
            return Lookup(next(iter(entries.values())), False)
        ranked = process.extract(k, choices, scorer=fuzz.ratio, limit=6, score_cutoff=60)
        seen: list[str] = [e.term for e in entries.values()]
        for choice, _score, _i in ranked:
            term = self._by_key[choice].term
            if term not in seen:
                seen.append(term)
        return Lookup(None, False, tuple(seen[:3]))
