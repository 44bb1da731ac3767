"""The ``Grader``: one question, one typed text, one ``Grade``. Never raises.

Owns what a grader knows (the course's names and the built-in ones, equivalent names), the checks
every answer passes first (empty, too long, no content), the prepared-question cache, and the
rules of the question's kind (``tutor.kinds``; the pipeline and its order are in ``pipeline``).
Matching lives in ``matching``; the question's match keys in ``prepared``. See the package
docstring (``tutor.grading``) for the rules per question type.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from tutor.grading import feedback as fb
from tutor.grading import gazetteer, synonyms, world
from tutor.grading.matching import Matcher
from tutor.grading.normalise import SEPARATORS, clean, has_content, tokens, words
from tutor.grading.pipeline import Answer, Rule, decide
from tutor.grading.prepared import Prepared, prepare
from tutor.grading.result import Grade
from tutor.grading.textmatch import CompetitorIndex, key
from tutor.grading.verdicts import invalid
from tutor.kinds import kind
from tutor.model import Course, Question

MAX_CHARS = 1000  # longer than any answer; refused before any work is done
MAX_WORDS = 120
LONG = 4  # a kind with long answers (open) may have four times as many
_CACHE_LIMIT = 50_000
_CYRILLIC = re.compile("[\u0400-\u052f]")
# units that measure rather than count: never taken for the thing another question counts (nor
# is any unit of under four letters: mol, kg, km, s)
_MEASURES = (
    "percent cent million thousand billion trillion metre meter litre liter gram mole second "
    "minute hour degree celsius fahrenheit kelvin joule newton watt volt ampere hertz pascal "
    "calorie mile inch foot feet yard acre hectare tonne pound ounce"
)
_NOT_COUNTS = frozenset(_MEASURES.split())


class Grader:
    """Grades answers; knows every name in the course so that a typo is never taken for one.

    Build it once per course (it indexes every answer, accepted form, ``wrong:`` entry, option and
    glossary term, plus a built-in list of countries, places and organisations); then call
    ``grade(question, text)`` as often as needed. ``grade`` never raises.
    """

    def __init__(self, course: Course | None = None) -> None:
        self._index = CompetitorIndex()  # the course's own names: ties refuse a typo
        self._builtin = _builtin_index()  # well-known names: only closer (or equal) ones refuse
        self._matcher = Matcher(self._index, self._builtin)
        self._cache: dict[tuple[int, bool], tuple[Question, Prepared]] = {}
        # names that mean the same (squashed form -> other names): a glossary term and expansion
        self._aliases: dict[str, list[str]] = {}
        # names in another script (Россия ~ Russia): forms when the answer is typed in Cyrillic
        self._translations = _builtin_aliases()
        for row in gazetteer.same_names():
            for i, a in enumerate(row):
                for b in row[i + 1 :]:
                    self._alias(a, b)
        # every name a course item is known by (its text -> its forms): never a rival of each
        # other, so "Tadjikistan" (accepted elsewhere) does not refuse a typo of "Tajikistan"
        self._variants: dict[str, set[str]] = {}
        # the places around a place (squashed name -> names): "Paris, France" adds context
        self._within: dict[str, list[str]] = {}
        for place, around in _builtin_within().items():
            self._within.setdefault(place, []).extend(around)
        # what the course's number questions count ("trucks", "planes"): "30 planes" is not an
        # answer to "how many trucks"
        self._units: set[str] = set()
        # words that count as the same (``synonyms``): the defaults and the course's for every
        # question, each lesson's own for its questions (by the question's identity)
        course_synonyms = course.synonyms if course is not None else ()
        self._course_synonyms = synonyms.table(course_synonyms)
        self._synonyms: dict[int, synonyms.Table] = {}
        if course is not None:
            for lesson in course.lessons:
                if lesson.synonyms:
                    own = synonyms.table(course_synonyms, lesson.synonyms)
                    self._synonyms.update((id(q), own) for q in lesson.questions)
                for entry in lesson.glossary:
                    self._index.add(entry.term, "glossary")
                    located = _located_in(entry.definition)
                    if located:
                        self._within.setdefault(key(entry.term).squashed, []).extend(located)
                    expansion = entry.expansion
                    if expansion:
                        self._index.add(expansion, "glossary")
                        self._alias(entry.term, expansion)
                for q in lesson.questions:
                    self.add_question(q)

    def _alias(self, a: str, b: str) -> None:
        """Make ``a`` and ``b`` forms of each other wherever either is an answer."""
        ka, kb = key(a).squashed, key(b).squashed
        if ka and kb and ka != kb:
            self._aliases.setdefault(ka, []).append(b)
            self._aliases.setdefault(kb, []).append(a)

    @property
    def competitor_count(self) -> int:
        return len(self._index) + len(self._builtin)

    def add_question(self, q: Question) -> None:
        """Make a question's forms, wrong entries and options known as competitors."""
        unit = kind(q.type)
        # a value is no name; the items of a question built without them are read from its answer
        for item in q.items if unit.numeric else unit.items_of(q):
            squashed = [key(form).squashed for form in item.forms]  # the item's text first
            variants = self._variants.setdefault(squashed[0], set())
            for form, form_key in zip(item.forms, squashed, strict=True):
                self._index.add_squashed(form_key, form, "answer")
                variants.add(form_key)
        if not unit.names:
            return  # an explanation's points and misconceptions are sentences, not names
        for w in q.wrong:
            self._index.add(w.text, "wrong")
        if q.number is not None and q.number.unit:
            noun = words(q.number.unit)[-1:]
            one = noun[0][:-1] if noun and noun[0].endswith("s") else "".join(noun)
            if len(one) >= 4 and one.isalpha() and one not in _NOT_COUNTS:
                self._units.add(one)
        for option in q.options:
            self._index.add(option, "option")

    def grade(self, question: Question, text: str) -> Grade:
        """Grade ``text`` as an answer to ``question``: the ``INPUT_RULES``, then the rules of
        the question's type over the candidate forms (``tutor.grading.pipeline``). Never raises."""
        try:
            if not isinstance(text, str):
                text = "" if text is None else str(text)
            unit = kind(question.type)
            typed = _Typed(text, unit.rewrite, LONG if unit.long_answers else 1)
            refused = decide(INPUT_RULES, typed)
            if refused is not None:
                return refused
            cyrillic = _CYRILLIC.search(typed.cleaned) is not None
            prep = self._prepare(question, cyrillic)
            answer = Answer(
                question, typed.cleaned, typed.toks, prep, self._matcher, frozenset(self._units)
            )
            grade = decide(unit.grading_rules(), answer)
            assert grade is not None  # every type's last rule decides
            return grade
        except Exception:  # pragma: no cover - a last resort; every path above is tested
            return invalid("Sorry, I couldn't read that answer. Could you put it another way?")

    def _prepare(self, q: Question, cyrillic: bool = False) -> Prepared:
        hit = self._cache.get((id(q), cyrillic))
        if hit is not None and hit[0] is q:
            return hit[1]
        prep = prepare(
            q,
            self._aliases,
            self._translations,
            cyrillic,
            self._synonyms.get(id(q), self._course_synonyms),
        )
        same = [self._variants.get(f.key.squashed, ()) for f in prep.forms]
        prep.own = prep.own.union(*same)
        around = {n for f in prep.forms for n in self._within.get(f.key.squashed, ())}
        prep.related = tuple(key(n) for n in sorted(around))
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[(id(q), cyrillic)] = (q, prep)
        return prep


class _Typed:
    """What was typed, cleaned and cut into tokens when first needed."""

    def __init__(self, raw: str, rewrite: Callable[[str], str], scale: int = 1) -> None:
        self.raw = raw
        self.rewrite = rewrite  # the kind's own reading first (a number's 10^23)
        # an explanation (with what was said on earlier tries) may run to a paragraph or two
        self.max_chars = MAX_CHARS * scale
        self.max_words = MAX_WORDS * scale

    @cached_property
    def cleaned(self) -> str:
        return clean(self.rewrite(self.raw))

    @cached_property
    def toks(self) -> list[str]:
        return tokens(self.cleaned)

    @cached_property
    def words(self) -> list[str]:
        return [t for t in self.toks if t not in SEPARATORS]


def _too_long(t: _Typed) -> Grade | None:
    return invalid(fb.TOO_LONG) if len(t.raw) > t.max_chars else None


def _empty(t: _Typed) -> Grade | None:
    return invalid(fb.EMPTY) if not t.cleaned else None


def _no_content(t: _Typed) -> Grade | None:
    return invalid(fb.NO_CONTENT) if not has_content(t.cleaned) or not t.words else None


def _too_many_words(t: _Typed) -> Grade | None:
    return invalid(fb.TOO_LONG) if len(t.words) > t.max_words else None


# What is refused before any question's rules run: not counted as a try.
INPUT_RULES: list[Rule[_Typed, Grade]] = [
    Rule("too-long", _too_long),
    Rule("empty", _empty),
    Rule("no-content", _no_content),
    Rule("too-many-words", _too_many_words),
]

_BUILTIN: CompetitorIndex | None = None
_BUILTIN_ALIASES: dict[str, tuple[str, ...]] | None = None


def _builtin_index() -> CompetitorIndex:
    """The built-in names, indexed once per process and shared by every Grader; filled on first
    use (the world's places are read only when a rival name is first needed)."""
    global _BUILTIN
    if _BUILTIN is None:
        _BUILTIN = CompetitorIndex(fill=_fill_builtin)
    return _BUILTIN


def _fill_builtin(index: CompetitorIndex) -> None:
    for name in gazetteer.names():
        index.add(name, "builtin")
    for name, squashed, _country in world.places():
        index.add_squashed(squashed, name, "builtin")


def _builtin_aliases() -> dict[str, tuple[str, ...]]:
    """The gazetteer's names in other languages by squashed form, built once per process."""
    global _BUILTIN_ALIASES
    if _BUILTIN_ALIASES is None:
        table: dict[str, list[str]] = {}
        for name, same in gazetteer.equivalents().items():
            k = key(name).squashed
            for other in same:
                if k and k != key(other).squashed and other not in table.get(k, ()):
                    table.setdefault(k, []).append(other)
        _BUILTIN_ALIASES = {k: tuple(v) for k, v in table.items()}
    return _BUILTIN_ALIASES


_BUILTIN_WITHIN: dict[str, list[str]] | None = None


def _builtin_within() -> dict[str, list[str]]:
    """``gazetteer.within`` by squashed name, built once per process."""
    global _BUILTIN_WITHIN
    if _BUILTIN_WITHIN is None:
        _BUILTIN_WITHIN = {}
        for place, around in gazetteer.within().items():
            _BUILTIN_WITHIN.setdefault(key(place).squashed, []).extend(around)
    return _BUILTIN_WITHIN


_LOCATING = frozenset({"capital", "city", "town", "port", "region", "province", "district"})


def _located_in(definition: str) -> list[str]:
    """The built-in places the first clause of a glossary definition puts its term in, when it
    says where the term lies (``Urumqi: Capital of China's Xinjiang region`` -> China,
    Xinjiang); none for other definitions."""
    clause = re.split(r"[,;:.(\u2014\u2013]| - ", definition, maxsplit=1)[0]
    ws = words(clause)
    if not _LOCATING & set(ws):
        return []
    global _PLACES
    if _PLACES is None:
        _PLACES = frozenset(key(p).squashed for p in gazetteer.places()) | frozenset(
            squashed for _name, squashed, _country in world.places()
        )
    found: list[str] = []
    for n in (3, 2, 1):
        for i in range(len(ws) - n + 1):
            name = "".join(ws[i : i + n])
            if name.endswith("s") and name not in _PLACES:
                name = name[:-1]  # "China's" -> "chinas" -> "china"
            if name in _PLACES:
                found.append(name)
    return found


_PLACES: frozenset[str] | None = None
