"""How the loader compares answers.

``normalise`` is the grader's own comparison form, so the duplicates and confusable answers the
loader reports are exactly the ones the grader would confuse. ``simple_normalise`` is a plain
casefold for comparing option texts and letters as written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tutor.grading.normalise import normalise as grading_normalise
from tutor.grading.normalise import squash

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")


def simple_normalise(text: str) -> str:
    """NFKC, casefold, punctuation to spaces, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """The form the grader compares (``"The Russian-Federation!"`` -> ``"russianfederation"``)."""
    return squash(grading_normalise(text))
