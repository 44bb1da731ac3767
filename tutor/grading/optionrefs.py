"""Which option a typed choice names by position or by a part of its text.

``option_refs`` reads letters (``b``, ``ca``), option numbers (``2``) and positions in words
(``the second one``, ``second option``, ``option two``, ``the last one``, ``first and third``).
Numbers and position words are not read when the options are themselves numbers or use those
words (``Second World War``): then they are the option's text. ``distinctive_option`` reads a
part of one option's text that no other option shares (``gift`` for ``A gift from China``).
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import OSA

from tutor.grading.normalise import AND
from tutor.grading.prepared import Prepared
from tutor.grading.textmatch import budget

CHOICE_PREFIX = ("option", "answer", "letter", "choice", "number", "no")
_ORDINALS: tuple[str, ...] = ("first", "second", "third", "fourth", "fifth", "sixth")
_ORDINALS += ("seventh", "eighth", "ninth", "tenth")
_SHORT = ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th")
_CARDINALS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
POSITION = {w: i for words in (_ORDINALS, _SHORT) for i, w in enumerate(words)}
_COUNTED = {w: i for i, w in enumerate(_CARDINALS)}
_LAST = "last"
# words a position may carry: "the second one", "second option", "first and third options"
_AFTER = frozenset({"one", "ones", "option", "options", "choice", "choices", "answer", "answers"})
POSITION_WORDS = frozenset(POSITION) | frozenset(_COUNTED) | {_LAST}
# words that carry no meaning of their own in a part of an option's text
_FILLER = frozenset({"the", "a", "an", "of", "to", "from", "in", "on", "for", "and", "at", "by"})


def option_refs(prep: Prepared, ws: list[str]) -> list[int] | None:
    """Letters, option numbers or positions only ("a", "B", "1", "a c", "ca", "the second
    one"): their indices; None when the words are anything else."""
    n = prep.n_options
    if not ws or n == 0:
        return None
    ws = [w for w in ws if w != AND]
    prefixed = False
    while len(ws) > 1 and ws[0] in CHOICE_PREFIX:
        ws, prefixed = ws[1:], True
    by_position = not prep.numeric_options and not (prep.option_words & POSITION_WORDS)
    out: list[int] = []
    positions = 0
    for w in ws:
        if len(w) == 1 and "a" <= w <= "z":
            out.append(ord(w) - ord("a"))
        elif w.isdigit() and not prep.numeric_options and len(w) <= 3:
            out.append(int(w) - 1)
        elif by_position and (w in POSITION or w == _LAST):
            out.append(n - 1 if w == _LAST else POSITION[w])
            positions += 1
        elif by_position and prefixed and len(ws) == 1 and w in _COUNTED:
            out.append(_COUNTED[w])  # "option two", "number three"
        elif positions and w in _AFTER:
            continue
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
    return out or None


def _same_word(typed: str, word: str) -> bool:
    """``typed`` is ``word`` or a slip of it (first letter kept, digits exact)."""
    if typed == word:
        return True
    if typed[0] != word[0] or any(c.isdigit() for c in typed + word):
        return False
    allowed = budget(len(word))
    return allowed > 0 and OSA.distance(typed, word, score_cutoff=allowed) <= allowed


def options_with(prep: Prepared, ws: Sequence[str]) -> set[int] | None:
    """The options whose text holds every content word of ``ws`` (each word may be a slip);
    None when ``ws`` is too slight to name an option (no content word of 3 letters or digits).
    Every content word must appear in those options only: a word that several options share
    makes the answer name all of them."""
    content = [w for w in ws if w not in _FILLER]
    if not content or not any(len(w) >= 3 for w in content):
        return None
    named: set[int] | None = None
    for w in content:
        where = {o.index for o in prep.options if any(_same_word(w, ow) for ow in o.key.words)}
        if not where:
            return set()
        named = where if named is None else named | where
    return named


def distinctive_option(prep: Prepared, ws: Sequence[str]) -> tuple[int, bool] | None:
    """The one option that every content word of ``ws`` names, when no other option has any of
    them (``executive director`` for ``Chief executive director``), and whether a word was a
    slip; None when there is no such option."""
    named = options_with(prep, ws)
    if named is None or len(named) != 1:
        return None
    index = next(iter(named))
    own = {w for o in prep.options if o.index == index for w in o.key.words}
    return index, any(w not in own for w in ws if w not in _FILLER)
