"""Written forms around a number that ``numbers`` reads before and after finding the digits.

- ``dates_to_years(folded)``: a date written in digits (``04.05.2021``, ``4/5/2021``,
  ``2015-01-01``) is its year, like ``4 May 2021``: the day and month are blanked out (same
  length, so every span found afterwards still points into the folded text).
- ``half_after(folded, end)``: ``one and a half``, ``1 and a half``: 0.5 to add to the number
  that ends at ``end``, and where the phrase ends.
"""

from __future__ import annotations

import re

_DAY_FIRST = re.compile(r"(?<![\d.,/])\d{1,2}([./])\d{1,2}\1(?=\d{4}(?![\d.,/]))")
_ISO = re.compile(r"(?<![\d.,/-])(\d{4})-\d{1,2}-\d{1,2}(?![\d.,/-])")
_HALF = re.compile(r"\s+and\s+a\s+half\b")


def dates_to_years(s: str) -> str:
    """``04.05.2021`` -> ``      2021``; ``2015-01-01`` -> ``2015      ``."""
    if "." not in s and "/" not in s and "-" not in s:
        return s
    s = _DAY_FIRST.sub(lambda m: " " * len(m.group()), s)
    return _ISO.sub(lambda m: m.group(1) + " " * (len(m.group()) - 4), s)


def half_after(s: str, end: int) -> int | None:
    """Where ``and a half`` right after ``end`` ends, or None."""
    m = _HALF.match(s, end)
    return m.end() if m else None
