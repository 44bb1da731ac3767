"""How the loader compares answers: the grader's normaliser when it exists, else a simple one.

The loader uses it to find duplicates and answers the grader would confuse, so it must agree
with ``tutor.grading`` as far as possible.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")


def simple_normalise(text: str) -> str:
    """NFKC, casefold, punctuation to spaces, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()


def _find() -> Callable[[str], str]:
    try:
        from tutor.grading.normalise import normalise as grading_normalise
        from tutor.grading.normalise import squash
    except ImportError:
        return simple_normalise

    def matching_form(text: str) -> str:  # what the grader compares: squashed words
        return squash(grading_normalise(text))

    return matching_form


_normalise: Callable[[str], str] | None = None


@lru_cache(maxsize=2048)
def normalise(text: str) -> str:
    """The form the grader compares (``"The Russian-Federation!"`` -> ``"russianfederation"``)."""
    global _normalise
    if _normalise is None:
        _normalise = _find()
    try:
        result = _normalise(text)
    except Exception:  # never let a helper's bug crash loading
        return simple_normalise(text)
    return result if isinstance(result, str) else simple_normalise(text)
