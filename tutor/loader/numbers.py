"""Numbers as instructors write them: ``1991``, ``18,000,000``, ``18 million``, ``2.5bn``, ``5%``.

The grader (``tutor.grading.numbers``) reads what students type; when it is available the loader
uses the same reading for answers, so an answer the loader accepts is one the grader understands.
"""

from __future__ import annotations

import math
import re

_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_NUMBER = re.compile(
    r"""\s*(?P<sign>[-+\u2212])?\s*
    (?P<digits>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)
    \s*(?P<scale>[a-z]+)?\s*""",
    re.VERBOSE | re.IGNORECASE,
)


def _simple_parse(text: str) -> float | None:
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    digits = re.sub(r"[,\u00a0\u202f ]", "", match["digits"])
    value = float(digits)
    scale = match["scale"]
    if scale:
        factor = _SCALES.get(scale.casefold())
        if factor is None:
            return None
        value *= factor
    if match["sign"] in ("-", "\u2212"):
        value = -value
    return value


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
METRES = frozenset({"m", "metre", "metres", "meter", "meters"})


def parse_number(text: str, unit: str | None = None) -> float | None:
    """The value of ``text``, or None if it is not exactly one number the tutor can read.

    Read with the grader's reader (``tutor.grading.numbers``), so an answer the loader accepts
    is one a student's typing is compared with; ``unit`` matters because ``18m`` is not 18
    million when the unit is metres.
    """
    return answer_number(text, unit)[0]


def answer_number(text: str, unit: str | None = None) -> tuple[float | None, list[str]]:
    """``(value, stray words)``: an instructor's answer is a number, perhaps with a scale word,
    its unit or a currency; any other word (``about``, a misspelt ``milion``) is stray."""
    try:
        from tutor.grading.normalise import fold
        from tutor.grading.numbers import find_numbers
    except ImportError:  # pragma: no cover - only before tutor.grading.numbers existed
        value = _simple_parse(text)
        return value, ([] if value is not None else [text])
    metres = unit is not None and unit.strip().casefold() in METRES
    try:
        found = find_numbers(text, m_is_million=not metres)
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
    stray = [w for w in _WORD.findall(rest) if w not in allowed]
    value = float(values.pop())
    if not math.isfinite(value):
        return None, []
    return value, stray


def parse_tolerance(text: str) -> tuple[float, bool] | None:
    """``(amount, relative)``: ``"5%"`` is ``(0.05, True)``, ``"0.5"`` is ``(0.5, False)``."""
    stripped = text.strip()
    if stripped.endswith("%"):
        amount = _simple_parse(stripped[:-1])
        if amount is None or amount < 0:
            return None
        return amount / 100.0, True
    amount = parse_number(stripped)
    if amount is None or amount < 0:
        return None
    return amount, False
