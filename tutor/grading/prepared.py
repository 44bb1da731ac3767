"""A question made ready for grading: its forms, ``wrong:`` entries and options as match keys.

Owns the data the per-type graders share (``Form``, ``Hit``, ``Prepared``) and ``prepare``, which
builds a ``Prepared`` from a ``Question`` once (the ``Grader`` caches it). Equivalent names (a
glossary term and its expansion, a place and its Russian or Kazakh name) become extra forms of the
same item here (a name in another script only when the answer is typed in that script), so every
question type that matches forms accepts them alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

from tutor.grading.normalise import AND, words
from tutor.grading.number_reader import parse_number
from tutor.grading.textmatch import Key, key
from tutor.kinds import kind
from tutor.model import Item, NumberSpec, Question, Wrong
from tutor.values import field, mutable, value


@value
class Form:
    key: Key
    index: int  # item index (list/text) or option index (choice/multi)
    text: str  # as the lesson spells it


class Match(StrEnum):
    """What a typed piece turned out to name (``matching.MATCH_RULES``)."""

    FORM = "form"  # a form of an item or option, exactly or within the typo budget
    WRONG = "wrong"  # a ``wrong:`` entry (or a typo of one)
    AMBIGUOUS = "ambiguous"  # a typo as close to another form or name: close
    COMPETITOR = "competitor"  # another name the course or the gazetteer knows
    PART = "part"  # part of a multi-word form
    MORE = "more"  # a form with more words around it
    NEAR = "near"  # one edit over the budget
    NONE = "none"


@mutable(slots=True)
class Hit:
    kind: Match
    distance: int = 0
    form: Form | None = None
    wrong: Wrong | None = None
    competitor: str | None = None
    rule: str = ""  # the matching rule that found it (``matching.MATCH_RULES``)


@mutable(slots=True)
class Prepared:
    items: tuple[Item, ...]
    forms: list[Form]
    wrongs: list[tuple[Key, Wrong]]
    own: frozenset[str]
    vocab: frozenset[str]
    and_forms: bool
    options: list[Form] = field(default_factory=list)
    numeric_options: bool = False
    number: NumberSpec | None = None
    correct: tuple[int, ...] = ()  # choice / multi
    n_options: int = 0  # the question's options (``options`` holds their other names too)
    option_words: frozenset[str] = frozenset()  # every word of every option's names
    related: tuple[Key, ...] = ()  # places around the answer ("France" for "Paris"): context
    ask: str = ""  # the question, for words an answer may echo
    synonyms: Mapping[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    own_words: Any = None  # ``ownwords.Reader``, made when an answer first needs it


def prepare(
    q: Question,
    aliases: Mapping[str, Sequence[str]],
    translations: Mapping[str, Sequence[str]] | None = None,
    typed_translation: bool = False,
    synonyms: Mapping[tuple[str, ...], tuple[str, ...]] | None = None,
) -> Prepared:
    """The match keys of ``q``. ``aliases`` and ``translations`` map a squashed form to names
    that mean the same; aliases are always forms, translations (names in another script) only
    when ``typed_translation`` (the answer is typed in that script)."""
    unit = kind(q.type)
    items = unit.items_of(q)
    forms = [Form(key(f), i, f) for i, item in enumerate(items) for f in item.forms if f.strip()]
    forms = [f for f in forms if not f.key.empty]
    asked = words(q.ask) if q.ask else []
    # a glossary term and its expansion name the same thing: either earns the credit, except
    # the name the question itself shows ("What does EAEU stand for?" is not answered by "EAEU")
    forms = with_aliases(forms, aliases, asked)
    # Россия for Russia: a form when the student typed in that script, else never a competitor
    translated = with_aliases(forms, translations, asked)[len(forms) :]
    if typed_translation:
        forms += translated
    wrongs = [(key(w.text), w) for w in q.wrong if w.text.strip()]
    wrongs = [(k, w) for k, w in wrongs if not k.empty]
    options = [Form(key(o), i, o) for i, o in enumerate(q.options)]
    correct = tuple(i for i in q.correct if 0 <= i < len(options))
    if not correct and options and q.answer:
        correct = derive_correct(q.answer, options)
    own = (
        frozenset(f.key.squashed for f in forms)
        | frozenset(f.key.squashed for f in translated)
        | frozenset(o.key.squashed for o in options)
    )
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
    # an option is named by its other names too ("SCO" for "Shanghai Cooperation Organisation",
    # "Пекин" typed in Cyrillic for "Beijing"), each as the same option
    seen_options = {o.key.squashed for o in options}
    for i, spellings in enumerate(q.option_accept):
        for spelling in spellings:  # the instructor's other spellings of option i: the same option
            k = key(spelling)
            if not k.empty and k.squashed not in seen_options:
                seen_options.add(k.squashed)
                options.append(Form(k, i, spelling))
    options = with_aliases(options, aliases, asked)
    if typed_translation:
        options += with_aliases(options, translations, asked)[len(options) :]
    number = q.number
    if unit.numeric and number is None:  # built by hand: the value is read from its answer
        value = parse_number(q.answer)
        number = NumberSpec(value) if value is not None else None
    return Prepared(
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
        n_options=len(q.options),
        option_words=frozenset(w for o in options for w in o.key.words),
        ask=q.ask or "",
        synonyms=synonyms or {},
    )


def with_aliases(
    forms: list[Form],
    aliases: Mapping[str, Sequence[str]] | None,
    asked: Sequence[str] = (),
) -> list[Form]:
    """``forms`` followed by the aliases of each (same item), each new squashed form once. A form
    with an alias that stands in ``asked`` (the question's words: "What does EAEU stand for?")
    gets none: the question is about that very name, so "EEU" must not answer it either."""
    out = list(forms)
    if not aliases:
        return out
    seen = {f.key.squashed for f in forms}
    for f in forms:
        same = [(key(alias), alias) for alias in aliases.get(f.key.squashed, ())]
        if any(_within(k.words, asked) for k, _ in same):
            continue
        for k, alias in same:
            if k.squashed not in seen and not k.empty:
                seen.add(k.squashed)
                out.append(Form(k, f.index, alias))
    return out


def _within(ws: Sequence[str], asked: Sequence[str]) -> bool:
    """Whether the words ``ws`` stand together in ``asked``."""
    n = len(ws)
    return 0 < n <= len(asked) and any(
        tuple(asked[i : i + n]) == tuple(ws) for i in range(len(asked) - n + 1)
    )


def derive_correct(answer: str, options: list[Form]) -> tuple[int, ...]:
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
