"""What a number question's ``unit:`` means for reading its numbers, decided once for the loader
(the lesson's own answer) and the grader (what a student types).

- ``m_is_million(unit)``: whether ``m`` right after digits is a scale (``18m`` = 18 million) or
  the unit itself (``5m`` = 5 with ``unit: m``, ``m/s``, ``m/s2``, ``m2``, ``minutes``).
- ``unit_scale(unit)``: the scale a unit carries (``million people`` = 1,000,000), so that ``18``
  and ``18 million`` both answer a question counted in millions.
- ``is_percent(unit)``: a percentage, where right digits at the wrong scale are ``x 100`` apart.
"""

from __future__ import annotations

import re

_M_UNITS = frozenset({"m", "metre", "metres", "meter", "meters", "min", "minute", "minutes"})
_M_FIRST = re.compile(r"m(?![^\W\d_])")  # m/s, m2, m s-2; not mol, mph
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
}
_PERCENT = ("%", "percent", "per cent")


def _folded(unit: str | None) -> str:
    return (unit or "").strip().casefold()


def m_is_million(unit: str | None) -> bool:
    """``18m`` is 18 million unless the unit is metres or minutes, or starts with the word
    ``m`` (``m/s``, ``m/s2``, ``m2``)."""
    folded = _folded(unit)
    return not (folded in _M_UNITS or _M_FIRST.match(folded))


def unit_scale(unit: str | None) -> float:
    """The product of the scale words in the unit: 1.0 for a unit without one."""
    scale = 1.0
    for word in _folded(unit).split():
        scale *= _SCALES.get(word, 1.0)
    return scale


def is_percent(unit: str | None) -> bool:
    return _folded(unit) in _PERCENT
