"""Names typed in another order or with initials: ``Tokayev Kassym-Jomart``, ``K. Tokayev``.

Matching by typo budget compares words in the lesson's order, so a name typed surname first, or
with its given name cut to an initial, is far from every form. These rules read such answers:

- ``reordered``: the same words as a form of two or more words, each within its own typo budget
  (first letter kept, digits exact), in another order. Which words are present never changes:
  ``Korea South`` is not ``North Korea``.
- ``initialled``: the last word of a form (the surname) within its budget, before or after one
  initial per given name, in order (``K. Tokayev``, ``Tokayev K.``, ``K. J. Tokayev``).
- ``other_given_name``: the surname with a given name (or initial) of someone else
  (``Nursultan Tokayev``, ``N. Tokayev``): not a longer form of the answer but another person.
  Titles (``President Tokayev``) are not given names.
"""

from __future__ import annotations

from itertools import permutations

from rapidfuzz.distance import OSA

from tutor.grading.textmatch import budget, person_form
from tutor.grading.world import is_common_word

_MAX_WORDS = 6  # names longer than this are not reordered (6! orders at most)
TITLES = frozenset(
    {
        "president",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "general",
        "gen",
        "king",
        "queen",
        "prince",
        "princess",
        "sir",
        "lord",
        "lady",
        "chairman",
        "premier",
        "prime",
        "minister",
        "secretary",
        "governor",
        "mayor",
        "senator",
        "ambassador",
        "comrade",
        "leader",
        "emperor",
        "tsar",
        "czar",
        "capt",
        "captain",
        "count",
        "countess",
        "duke",
        "duchess",
        "baron",
        "dame",
        "madame",
        "mister",
        "chancellor",
        "pope",
        "shah",
        "colonel",
        "admiral",
        "marshal",
        "chief",
        "saint",
        "st",
        "elbasy",
        "sec",
        "vice",
        "deputy",
    }
)


def word_distance(typed: str, word: str) -> int | None:
    """Edits from ``word`` to ``typed`` within ``word``'s typo budget, else None."""
    if typed == word:
        return 0
    if not typed or typed[0] != word[0]:
        return None
    if any(c.isdigit() for c in typed) or any(c.isdigit() for c in word):
        return None  # digits are exact, and a word with digits is compared whole
    if person_form(typed, word) or is_common_word(typed):
        return None  # "Tokayeva" is another person, "Wang" a word of its own

    allowed = budget(len(word))
    d = OSA.distance(typed, word, score_cutoff=allowed)
    return d if d <= allowed else None


def reordered(typed: tuple[str, ...], form: tuple[str, ...]) -> int | None:
    """The edits of ``typed`` as ``form``'s words in another order (one more for the order)."""
    n = len(form)
    if n < 2 or n != len(typed) or n > _MAX_WORDS or typed == form:
        return None
    if sorted(w[0] for w in typed) != sorted(w[0] for w in form):
        return None
    cost = [[word_distance(t, f) for f in form] for t in typed]
    best: int | None = None
    for order in permutations(range(n)):
        total = 0
        for i, j in enumerate(order):
            d = cost[i][j]
            if d is None:
                break
            total += d
        else:
            if best is None or total < best:
                best = total
    return None if best is None else best + 1


def _initials_and_surname(
    typed: tuple[str, ...], surname: str
) -> tuple[tuple[str, ...], int] | None:
    """(the initials, the surname's edits) when ``typed`` is initials then the surname, or the
    surname then initials."""
    for initials, last in ((typed[:-1], typed[-1]), (typed[1:], typed[0])):
        if len(initials) == 1 and 2 <= len(initials[0]) <= 3 and initials[0].isalpha():
            initials = tuple(initials[0])  # "K.J. Tokayev" reads as "kj tokayev"
        if initials and all(len(w) == 1 and w.isalpha() for w in initials):
            d = word_distance(last, surname)
            if d is not None:
                return initials, d
    return None


def initialled(typed: tuple[str, ...], form: tuple[str, ...]) -> int | None:
    """The edits of ``typed`` as ``form`` with its given names cut to initials (one more for
    the initials); None when an initial is not the first letter of the given name it stands
    for."""
    if len(form) < 2 or len(typed) < 2 or len(typed) > len(form):
        return None
    found = _initials_and_surname(typed, form[-1])
    if found is None:
        return None
    initials, d = found
    given = form[:-1]
    if len(initials) > len(given) or any(i != g[0] for i, g in zip(initials, given, strict=False)):
        return None
    return d + 1


def other_given_name(typed: tuple[str, ...], form: tuple[str, ...]) -> bool:
    """Whether ``typed`` is ``form``'s surname with given names (or initials) none of which is
    one of ``form``'s: someone else of that name. Given names go before the surname (no more of
    them than the form has); after it, only initials (``Tokayev N.``)."""
    if len(form) < 2 or len(typed) < 2:
        return False
    surname, given = form[-1], form[:-1]
    if len(typed) - 1 > len(given):
        return False
    for names, last, first in ((typed[:-1], typed[-1], False), (typed[1:], typed[0], True)):
        if word_distance(last, surname) is None:
            continue
        if first and not all(len(w) == 1 for w in names):
            continue  # "Tokayev himself": only initials follow a surname
        if all(_unrelated(w, given) for w in names):
            return True
    return False


def _unrelated(word: str, given: tuple[str, ...]) -> bool:
    """A given name (or initial) that none of ``given`` is, nor a title."""
    if not word.isalpha() or word in TITLES:
        return False
    if len(word) == 1:
        return all(word != g[0] for g in given)
    return all(word_distance(word, g) is None for g in given)


def with_middle_names(typed: tuple[str, ...], form: tuple[str, ...]) -> int | None:
    """``Mikhail Sergeyevich Gorbachev`` for ``Mikhail Gorbachev``: the form's first and last
    words (each within its budget) around one or two more names; the edits, plus one."""
    if len(form) != 2 or not 3 <= len(typed) <= 4:
        return None
    first, last = word_distance(typed[0], form[0]), word_distance(typed[-1], form[1])
    middle = typed[1:-1]
    if first is None or last is None:
        return None
    if not all(w.isalpha() and len(w) > 1 and w not in TITLES for w in middle):
        return None
    return first + last + 1


def surname_alone(typed: str, form: tuple[str, ...]) -> int | None:
    """The edits of ``typed`` as the surname of ``form`` (a name of two to four words), or
    None. Whether the form is a person's name, and the surname no one else's, is the
    caller's to know."""
    if not 2 <= len(form) <= 4 or len(form[-1]) < 4:
        return None
    d = word_distance(typed, form[-1])
    return None if d is None else d + 1
