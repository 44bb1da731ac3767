"""The typo budget: how many edits a slip may hold, and how edits are counted. One rule for the
grader (``textmatch``) and the lesson lint (``tutor.loader.lint``), so that what ``tutor check``
warns about is what the grader would confuse. Light: no index, no process pool.
"""

from __future__ import annotations

from rapidfuzz.distance import OSA


def budget(letters: int) -> int:
    """How many edits a form of this many letters and digits tolerates: 0 up to 3 letters, 1 up
    to 7, 2 up to 14, 3 beyond."""
    if letters <= 3:
        return 0
    if letters <= 7:
        return 1
    if letters <= 14:
        return 2
    return 3


def edits(a: str, b: str, cutoff: int | None = None) -> int:
    """Edits between two texts (optimal string alignment: a swap of two neighbours is one edit);
    above ``cutoff`` the result is only known to be ``cutoff + 1``."""
    return OSA.distance(a, b, score_cutoff=cutoff)
