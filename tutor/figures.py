"""Numbers as the tutor writes them, in every front end: one function, one style.

``figure(2724900)`` is ``2,724,900``; ``figure(1991)`` is ``1991`` (digits are grouped from ten
thousand up, so years and small counts read as written); ``figure(2.5)`` is ``2.5`` and
``figure(3.0)`` is ``3``; ``figure(6.02e23)`` is ``6.02 × 10^23``. With a unit:
``figure(18000000, "people")`` is ``18,000,000 people`` and ``figure(18, "%")`` is ``18%``.

Scores (``2.75 of 10``), the exact figure of a number question, a wrong number read back to the
student and the answer shown after the last try all come from here. Standard library only.
"""

from __future__ import annotations

import math
import re

GROUP_FROM = 10_000  # 1991 stays a year; 10,000 and up are grouped
SIGNIFICANT = 6  # digits kept after the point, fewer for large numbers (never under 2)


def figure(x: float, unit: str | None = None) -> str:
    """``x`` for a student to read, followed by ``unit`` when there is one."""
    text = _digits(float(x))
    unit = (unit or "").strip()
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def _digits(x: float) -> str:
    if not math.isfinite(x):
        return str(x)
    if x and not 1e-4 <= abs(x) < 1e15:  # 6.02e23 as a scientist writes it
        mantissa, _, exp = f"{x:.{SIGNIFICANT}g}".partition("e")
        return f"{mantissa} × 10^{int(exp or 0)}"
    group = "," if abs(x) >= GROUP_FROM else ""
    if x == int(x):
        return f"{int(x):{group}d}"
    places = max(2, SIGNIFICANT - len(str(int(abs(x)))))
    text = f"{x:{group}.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number_answer(answer: str, value: float, unit: str | None = None) -> str:
    """The answer of a number question as shown: a bare number in the lesson file (``2724900``)
    is written as a figure with the question's unit (``2,724,900 km²``); words the author chose
    (``about 18 million``) are kept as written."""
    text = answer.strip()
    if not text or _BARE.fullmatch(text):
        return figure(value, unit)
    return text


_BARE = re.compile(r"[-+−]?\d[\d,. ]*")
