"""Text matching: prepared forms, the typo budget and the competitor index.

A typed text is a *typo* of a form when, on normalised text (see ``normalise``):

- the digits are the same numbers in the same order (``Y-8`` is never ``Y-9``; ``C5+1`` never
  ``C51``);
- the first letter is the same (``Prussia`` is not ``Russia``; ``South Korea`` not ``North``);
- no month or weekday is swapped for another (``14 June 1789`` is not ``14 July 1789``,
  ``Tuesday`` not ``Thursday``; ``14 Jul 1789`` is ``14 July 1789``);
- the edit distance (optimal string alignment: a swap of two neighbours is one edit) is within the
  budget: 0 edits up to 3 letters, 1 up to 7, 2 up to 14, 3 beyond. When both have the same
  number of words, each word is held to its own budget and its own first letter
  (``Kasym-Jomart Tokaev`` is two edits, one per word); otherwise the squashed forms are compared
  (``Kassym Jomart`` = ``KassymJomart``), but a one-letter word at either end is not a slip
  (``Tokayev N.`` is not ``Tokayev``).

A typo is still refused when the text is as close or closer to a *competitor*: any other known
answer, accepted form, ``wrong:`` entry, option or glossary term of the course, and a built-in
list of countries, places and organisations (``Iraq`` is not a typo of ``Iran``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from tutor.grading.normalise import strip_filler, tokens
from tutor.grading.typos import budget
from tutor.values import value

_DIGIT_RUN = re.compile(r"\d+(?:\.\d+)?")


@value
class Key:
    """A text prepared for matching."""

    text: str  # as written
    words: tuple[str, ...]  # normalised, filler removed
    squashed: str  # words without spaces
    digits: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.squashed


def _spelling(w: str) -> str:
    """British and American spellings of one word compare equal (organisation/organization,
    labour/labor, centre/center, defence/defense)."""
    if len(w) < 5 or not w.isalpha():
        return w
    if "is" in w:
        w = _ISATION.sub(r"iz\1", w)
    if w.endswith(("our", "ours")) and len(w) >= 6:
        return w.replace("our", "or")
    return _AMERICAN.get(w, w)


_ISATION = re.compile(r"is(ation|ations|ing|ed|es|e)$")
# British spellings a rule would get wrong for misspelt words: whole words only
_AMERICAN = {
    f"{stem}{end}": f"{stem[:-2]}er{end}"
    for stem in ("centre", "metre", "litre", "theatre", "fibre", "kilometre", "centimetre",
                 "millimetre", "calibre", "spectre", "sombre", "meagre")
    for end in ("", "s")
} | {"defence": "defense", "offence": "offense", "licence": "license", "dialogue": "dialog",
     "catalogue": "catalog", "analyse": "analyze", "programme": "program", "travelled": "traveled",
     "aluminium": "aluminum", "sulphur": "sulfur"}  # fmt: skip


def key_from_words(text: str, ws: list[str] | tuple[str, ...]) -> Key:
    ws = tuple(_spelling(w) for w in strip_filler(ws))
    squashed = "".join(ws)
    return Key(text, ws, squashed, tuple(_DIGIT_RUN.findall(squashed.replace("+", " "))))


def key(text: str) -> Key:
    """Prepare ``text`` (a form from a lesson, or a piece of what a student typed)."""
    return key_from_words(text, [t for t in tokens(text) if t not in (",", ";", "/")])


def distance(a: Key, b: Key) -> int:
    """Plain edit distance between two prepared texts (squashed)."""
    return OSA.distance(a.squashed, b.squashed)


def typo_distance(typed: Key, form: Key) -> int | None:
    """The edit distance of ``typed`` from ``form`` when it is within the typo rules, else None.

    0 means equal once normalised.
    """
    if typed.squashed == form.squashed:
        return 0
    if not typed.squashed or not form.squashed:
        return None
    if typed.digits != form.digits:
        return None
    if typed.squashed[0] != form.squashed[0]:
        return None
    if _swapped_dates(typed, form) or _another_thing(typed, form):
        return None
    best: int | None = None
    if len(typed.words) == len(form.words) and len(form.words) > 1:
        total = 0
        for tw, fw in zip(typed.words, form.words, strict=True):
            if tw == fw:
                continue
            if tw[0] != fw[0]:
                total = -1
                break
            allowed = budget(len(fw))
            d = OSA.distance(tw, fw, score_cutoff=allowed)
            if d > allowed:
                total = -1
                break
            total += d
        if total >= 0:
            best = total
    if best is None and _stray_letter(typed, form):
        return None
    allowed = budget(len(form.squashed))
    d = OSA.distance(typed.squashed, form.squashed, score_cutoff=allowed)
    if d <= allowed and (best is None or d < best):
        best = d
    return best


_MONTHS = "january february march april may june july august september october november december"
_DAYS = "monday tuesday wednesday thursday friday saturday sunday"
_MONTH_NAMES, _DAY_NAMES = _MONTHS.split(), _DAYS.split()
_CALENDAR = {
    **{n: i for i, n in enumerate(_MONTH_NAMES)},
    **{n[:3]: i for i, n in enumerate(_MONTH_NAMES)},
    "sept": 8,
    **{n: 20 + i for i, n in enumerate(_DAY_NAMES)},
    **{n[:3]: 20 + i for i, n in enumerate(_DAY_NAMES)},
}


def _swapped_dates(typed: Key, form: Key) -> bool:
    """Both name months or weekdays (``jul`` and ``july`` alike), and not the same ones. A word
    that is not exactly one (``juli``, ``Theresa Mey``) is a typo like any other."""
    a = tuple(_CALENDAR[w] for w in typed.words if w in _CALENDAR)
    b = tuple(_CALENDAR[w] for w in form.words if w in _CALENDAR)
    return bool(a and b) and a != b


_ROMAN = re.compile(r"^(?=[ivxlcdm]{2,}$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def _another_thing(typed: Key, form: Key) -> bool:
    """A typed word that is itself something else, never a slip: a common English word that is
    not one of the form's (``golf`` for ``gold``: ``world.is_common_word``; but ``Robert Hook``
    for ``Robert Hooke``: ``_surname_slip``), another roman
    numeral (``Louis XVIII`` for ``Louis XVI``), a thing for a process (``evaporator`` for
    ``evaporation``), or the feminine or patronymic form of a surname
    (``Tokayeva``, ``Petrovich``: another person)."""
    from tutor.grading.world import is_common_word

    fw = set(form.words)
    for i, w in enumerate(typed.words):
        if w in fw:
            continue
        if len(w) > 3 and w.isalpha() and is_common_word(w) and not _surname_slip(typed, form, i):
            return True
        if _ROMAN.match(w) and any(_ROMAN.match(f) for f in fw):
            return True
        if any(_agent_and_process(w, f) for f in fw):
            return True
        if any(person_form(w, f) or person_form(f, w) for f in fw):
            return True
    return False


def _agent_and_process(a: str, b: str) -> bool:
    """``evaporator`` and ``evaporation``, ``insulator`` and ``insulation``: a thing and a process
    of one stem, two edits apart but never a slip of each other."""
    for x, y in ((a, b), (b, a)):
        if x.endswith(("ator", "ators")) and y.endswith(("ation", "ations")):
            return x.rstrip("s")[:-4] == y.rstrip("s")[:-5]
    return False


def _surname_slip(typed: Key, form: Key, i: int) -> bool:
    """``Robert Hook`` for ``Robert Hooke``: the word at ``i`` stands for a person's surname (a
    name of capitalised words, its last no common word), after the given names typed exactly.
    The name says whose it is; ``Hook`` alone is a word."""
    from tutor.grading.world import PERSON_ZIPF, is_common_word

    tw, fw = typed.words, form.words
    parts = form.text.replace("-", " ").replace(".", " ").split()
    return (
        2 <= len(fw) == len(tw) <= 4
        and i == len(fw) - 1
        and tw[:-1] == fw[:-1]
        and all(p[:1].isupper() for p in parts)
        and not is_common_word(fw[-1], PERSON_ZIPF)
    )


_SLAVIC = ("ov", "ev", "yev", "in", "yn", "sky", "skiy", "skii", "oy", "iy")
_FEMININE = {"ov": "ova", "ev": "eva", "in": "ina", "yn": "yna", "sky": "skaya", "skiy": "skaya",
             "skii": "skaya", "oy": "aya", "iy": "aya"}  # fmt: skip
_PATRONYMIC = ("ich", "ovich", "evich", "ovna", "evna", "ichna")


def person_form(typed: str, surname: str) -> bool:
    """``Tokayeva`` / ``Tolstaya`` / ``Petrovich`` (or a slip of one: ``Nazarbayeva`` for
    ``Nazarbaev``) for a surname like ``Tokayev`` / ``Tolstoy`` / ``Petrov``: another person."""
    end = next((e for e in _SLAVIC if surname.endswith(e)), None)
    if end is None or len(surname) < 4 or typed[:1] != surname[:1]:
        return False
    stem = surname[: -len(end)]
    for other in (_FEMININE[end], *(end + p for p in _PATRONYMIC), *_PATRONYMIC):
        if typed.endswith(other):
            base = typed[: -len(other)]
            if OSA.distance(base, stem) <= budget(len(surname)):
                return True
    return False


def _stray_letter(typed: Key, form: Key) -> bool:
    """A one-letter word at either end of ``typed`` that ``form`` has not: an initial or a
    stray letter (``Tokayev N.``), never a slip of one word typed as two."""
    tw = typed.words
    return (
        len(tw) != len(form.words)
        and len(tw) > 1
        and (
            (len(tw[0]) == 1 and tw[0].isalpha() and tw[0] not in form.words)
            or (len(tw[-1]) == 1 and tw[-1].isalpha() and tw[-1] not in form.words)
        )
    )


def near_distance(typed: Key, form: Key) -> int | None:
    """Like ``typo_distance`` with one more edit allowed: "close, check the spelling"."""
    if not typed.squashed or not form.squashed or typed.digits != form.digits:
        return None
    if _swapped_dates(typed, form):
        return None
    if typed.squashed[0] != form.squashed[0]:
        return None
    allowed = budget(len(form.squashed)) + 1
    d = OSA.distance(typed.squashed, form.squashed, score_cutoff=allowed)
    return d if d <= allowed else None


def confusable(a: str, b: str) -> bool:
    """Whether the grader could take ``a`` for ``b`` or ``b`` for ``a``.

    True when they are equal once normalised, or one is within the typo budget of the other
    (same digits, same first letter, few enough edits). The loader uses it to warn when an
    accepted form sits as close to a ``wrong:`` entry or an option as the answer does.
    """
    ka, kb = key(a), key(b)
    if ka.empty or kb.empty:
        return False
    return typo_distance(ka, kb) is not None or typo_distance(kb, ka) is not None


def similarity(a: str, b: str) -> int:
    """Edit distance between two texts once normalised and squashed (0: the same answer)."""
    return distance(key(a), key(b))


@value
class Competitor:
    text: str  # as written
    squashed: str
    source: str  # "answer" | "accept" | "wrong" | "option" | "glossary" | "builtin"


class CompetitorIndex:
    """Every known name, indexed by squashed form and by length for fast nearest look-ups.

    ``fill``, when given, adds the names on first use (the built-in index: its 30,000 places
    are read only when a grader first needs a rival name)."""

    def __init__(self, fill: Callable[[CompetitorIndex], None] | None = None) -> None:
        # squashed -> (text, source): tuples of strings, which the garbage collector stops
        # tracking, where 30,000 Competitor objects made every full collection take ~10 ms
        self._exact_names: dict[str, tuple[str, str]] = {}
        self._by_len_names: dict[int, list[str]] = defaultdict(list)
        self._fill = fill

    @property
    def _exact(self) -> dict[str, tuple[str, str]]:
        if self._fill is not None:
            fill, self._fill = self._fill, None
            fill(self)
        return self._exact_names

    @property
    def _by_len(self) -> dict[int, list[str]]:
        self._exact  # noqa: B018 - fills the index on first use
        return self._by_len_names

    def __len__(self) -> int:
        return len(self._exact)

    def add(self, text: str, source: str) -> None:
        self.add_squashed(key(text).squashed, text, source)

    def add_squashed(self, squashed: str, text: str, source: str) -> None:
        """Add a name already squashed (``key(text).squashed``): the gazetteer's 30,000."""
        names = self._exact_names  # not the filling property: this runs 30,000 times
        if not squashed or squashed in names:
            return
        names[squashed] = (text, source)
        self._by_len_names[len(squashed)].append(squashed)

    def exact(self, squashed: str, exclude: frozenset[str] = frozenset()) -> Competitor | None:
        if squashed in exclude:
            return None
        found = self._exact.get(squashed)
        return None if found is None else Competitor(found[0], squashed, found[1])

    def within(
        self, squashed: str, max_distance: int, exclude: frozenset[str] = frozenset()
    ) -> tuple[Competitor, int] | None:
        """The nearest competitor at most ``max_distance`` edits away (own forms excluded)."""
        if not squashed:
            return None
        hit = self.exact(squashed, exclude)
        if hit is not None:
            return hit, 0
        if max_distance <= 0:
            return None
        n = len(squashed)
        best: tuple[Competitor, int] | None = None
        for length in range(max(1, n - max_distance), n + max_distance + 1):
            bucket = self._by_len.get(length)
            if not bucket:
                continue
            for choice, score, _ in process.extract(
                squashed,
                bucket,
                scorer=OSA.distance,
                score_cutoff=max_distance if best is None else best[1],
                limit=len(exclude) + 1,
            ):
                if choice in exclude:
                    continue
                if best is None or score < best[1]:
                    text, source = self._exact[choice]
                    best = (Competitor(text, choice, source), int(score))
                break
        return best
