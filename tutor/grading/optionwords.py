"""A choice option in the student's own words (``it connects trade between China and Siberia``
for "Connecting trade between China's east coast, Central Asia and Siberia").

The typed words and each option's words are read alike (``ownwords.standard``: plurals,
demonyms, synonyms; carrier words and the question's own words set aside, unless an option
uses them). A typed word names an option's word when they are equal, share a stem (``connects``
/ ``connecting`` / ``connector``, ``gradually`` / ``gradual``) or one is a slip of the other.
``pick`` returns the option that takes clearly more of the typed words than any other, when it
takes at least half of them and no other option takes a word it does not; the options that tie
for first, or that share out the words (the student is asked which one, at no cost); or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from tutor.grading.names import word_distance
from tutor.grading.ownwords import CARRIERS, TRAILING, Context, standard
from tutor.grading.prepared import Prepared
from tutor.values import value

_JOINERS = frozenset({"and", "but", "yet", "also", "both", "while", "though", "although"})


@value
class Pick:
    chosen: int | None  # the option taken, or None
    tied: tuple[int, ...] = ()  # options as close as each other (ask which)


def _content(ws: Sequence[str], ctx: Context, keep: frozenset[str]) -> list[str]:
    words, _ = standard(ws, ctx)
    return [
        w
        for w in words
        if w not in CARRIERS
        and w not in TRAILING
        and w not in _JOINERS
        and (w not in ctx.echo or w in keep)
    ]


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.isdigit() or b.isdigit():
        return False
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    if n >= 5 or (n >= 4 and n == min(len(a), len(b))):
        return True  # connect-s / connect-ing, gift / gifted
    return len(a) > 4 and word_distance(a, b) is not None


def pick(prep: Prepared, ws: Sequence[str], ctx: Context) -> Pick:
    """The option ``ws`` names in other words (see the module docstring)."""
    vocab = frozenset(w for o in prep.options for w in o.key.words)
    typed = _content(ws, ctx, vocab)
    if not typed:
        return Pick(None)
    per_option: dict[int, list[str]] = {}
    for o in prep.options:  # an option and its other names ("SCO" for ...) alike
        per_option.setdefault(o.index, []).extend(_content(o.key.words, ctx, vocab))
    took: dict[int, set[int]] = {  # option -> the typed words it takes
        index: {i for i, t in enumerate(typed) if any(_same(t, w) for w in content)}
        for index, content in per_option.items()
    }
    ranked = sorted(took, key=lambda i: -len(took[i]))
    best = ranked[0]
    s1 = len(took[best])
    s2 = len(took[ranked[1]]) if len(ranked) > 1 else 0
    if s1 == 0 or 2 * s1 < len(typed):
        return Pick(None)
    # another option that takes a word the best one does not ("a port connecting trade"): the
    # answer mixes options, so ask
    # (the question's own words and a much weaker option aside)
    echoed = {i for i, t in enumerate(typed) if t in ctx.echo}
    mixed = [i for i in ranked[1:] if took[i] - took[best] - echoed and len(took[i]) >= s1 - 1]
    if s1 > s2 and not mixed:
        return Pick(best)
    tied = [i for i in ranked if len(took[i]) == s1 or i in mixed]
    return Pick(None, tuple(sorted(tied)))
