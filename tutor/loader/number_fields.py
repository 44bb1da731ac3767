"""Numbers as instructors write them: ``1991``, ``18,000,000``, ``18 million``, ``2.5bn``, ``5%``.

The grader (``tutor.grading.number_reader``) reads what students type; the loader reads answers
with the same reader and the same unit rule (``tutor.grading.units``), so an answer the loader
accepts is one the grader reads as the same value.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from tutor.grading.normalise import fold
from tutor.grading.number_notation import powers_of_ten
from tutor.grading.number_reader import MISSPELT, find_numbers

_CURRENCY = frozenset(
    [
        "$",
        "€",
        "£",
        "¥",
        "₸",
        "₽",
        "usd",
        "eur",
        "gbp",
        "kzt",
        "rub",
        "cny",
        "dollar",
        "dollars",
        "euro",
        "euros",
        "tenge",
        "rouble",
        "roubles",
        "ruble",
        "rubles",
        "yuan",
        "%",
        "percent",
        "per",
        "cent",
    ]
)
_WORD = re.compile(r"[^\W_]+|[$€£¥₸₽%]")
# A whole number in plain digits, exact as a float (the reader reads it as itself, in any unit)
PLAIN_WHOLE = re.compile(r"[1-9][0-9]{0,14}")


def parse_number(text: str, unit: str | None = None) -> float | None:
    """The value of ``text``, or None if it is not exactly one number the tutor can read.

    Read with the grader's reader (``tutor.grading.number_reader``), so an answer the loader accepts
    is one a student's typing is compared with; ``unit`` matters because ``18m`` is not 18
    million when the unit is metres.
    """
    return answer_number(text, unit)[0]


def answer_number(text: str, unit: str | None = None) -> tuple[float | None, list[str]]:
    """``(value, stray words)``: an instructor's answer is a number, perhaps with a scale word,
    its unit or a currency; any other word (``about``, a misspelt ``milion``) is stray."""
    if PLAIN_WHOLE.fullmatch(text):  # most answers: the reader finds exactly this number in them
        return float(text), []
    text = powers_of_ten(text)  # 6.02 x 10^23 is 6.02e23
    try:
        found = find_numbers(text, unit=unit)
        folded = fold(text)
    except Exception:  # the grader's reader should never raise; never crash the loader
        return None, [text]
    values = {n.value for n in found}
    if len(values) != 1:
        return None, []
    rest = folded
    for n in sorted(found, key=lambda n: n.start, reverse=True):
        rest = rest[: n.start] + " " + rest[n.end :]
    allowed = _CURRENCY | set(_WORD.findall(fold(unit))) if unit else _CURRENCY
    # The grader forgives a student's "milion"; a lesson's own answer should be spelt right.
    stray = sorted(
        {w for w in _WORD.findall(rest) if w not in allowed}
        | {w for w in _WORD.findall(folded) if w in MISSPELT},
        key=folded.find,
    )
    value = float(values.pop())
    if not math.isfinite(value):
        return None, []
    return value, stray


_PERCENT = re.compile(r"\s*(%|per\s*cent|pc)\s*$", re.IGNORECASE)


@lru_cache(maxsize=256)  # a course writes the same few tolerances (1%, 0.5) again and again
def parse_tolerance(text: str, unit: str | None = None) -> tuple[float, bool] | None:
    """``(amount, relative)``: ``"5%"`` and ``"5 percent"`` are ``(0.05, True)``, ``"0.5"`` is
    ``(0.5, False)``. An amount may carry the answer's unit or a scale word (``2 km``, ``1
    million``); any other word (``about 5``) makes it unreadable, and so does a negative amount."""
    stripped = text.strip()
    if stripped.startswith(("±", "+/-", "+-")):  # "±1" is how far off either way: 1
        stripped = stripped.lstrip("±+/-").strip()
    percent = _PERCENT.search(stripped)
    if percent:
        stripped = stripped[: percent.start()]
    if stripped.startswith("-") or "%" in stripped:
        return None
    amount, stray = answer_number(stripped, None if percent else unit)
    if amount is None or stray or amount < 0:
        return None
    return (amount / 100.0, True) if percent else (amount, False)
