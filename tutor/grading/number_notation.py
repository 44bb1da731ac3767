"""Written forms around a number that ``number_reader`` reads before and after finding the digits.

- ``dates_to_years(folded)``: a date written in digits (``04.05.2021``, ``4/5/2021``,
  ``2015-01-01``) is its year, like ``4 May 2021``: the day and month are blanked out (same
  length, so every span found afterwards still points into the folded text).
- ``half_after(folded, end)``: ``one and a half``, ``1 and a half``: 0.5 to add to the number
  that ends at ``end``, and where the phrase ends.
- ``powers_of_ten(raw)``: scientific notation as people type it (``6.02 x 10^23``, ``6.02 × 10²³``,
  ``6.02*10**23``, ``10^-3``) rewritten as ``6.02e23``, before the text is cleaned (cleaning drops
  ``^`` and turns superscripts into plain digits, which would read as ``1023``).
- ``attached(folded, start)``: whether digits at ``start`` belong to a word or unit rather than
  standing as a number: ``s2`` in ``m/s2``, ``-2`` in ``m s-2``, ``2`` in ``CO2``.
- ``FRACTION_WORDS``: ``half``, ``a quarter``, ``three quarters``, ``half a million`` as values.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_DAY_FIRST = re.compile(r"(?<![\d.,/])\d{1,2}([./])\d{1,2}\1(?=\d{4}(?![\d.,/]))")
_ISO = re.compile(r"(?<![\d.,/-])(\d{4})-\d{1,2}-\d{1,2}(?![\d.,/-])")
_HALF = re.compile(r"\s+and\s+a\s+half\b")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺−", "0123456789-+-")
_TIMES = r"\s*(?:[x×X*·⋅∙]|\\times)\s*"
_POWER = re.compile(
    r"(?P<m>\d(?:[\d.,]*\d)?)?(?P<times>" + _TIMES + r")?(?<![\d.,])10"
    r"(?:\s*(?:\^|\*\*)\s*\(?(?P<e>[-+−]?\d{1,3})\)?|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))"
)
_ATTACHED = re.compile(r"(?:\b[a-z]{1,3}-|[a-z])$")
FRACTION_WORDS = re.compile(
    r"(?<!\band )(?<!\band a )(?<!\band an )\b(?:(?P<n>a|an|one|two|three)\s+)?(?P<f>half|halves|quarters?|thirds?)"
    r"(?:\s+(?:a|an)\s+(?P<scale>thousand|million|billion))?\b"
)
_COUNT = {None: 1, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
_PART = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4, "third": 3, "thirds": 3}
_SCALES = {None: 1.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}


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


def powers_of_ten(raw: str) -> str:
    """``6.02 x 10^23`` -> ``6.02e23``; ``10²`` -> ``1e2``; other text unchanged."""
    if "10" not in raw:
        return raw

    def sub(m: re.Match[str]) -> str:
        if m.group("m") and not m.group("times"):
            return m.group()  # "310^2" is not a power of ten written out
        exp = (m.group("e") or m.group("sup")).translate(_SUPERSCRIPT)
        return f"{m.group('m') or 1}e{exp}"

    return _POWER.sub(sub, raw)


def attached(folded: str, start: int) -> bool:
    """Digits at ``start`` right after a letter (``s2``, ``co2``) or a short word and a hyphen
    (``s-2``, ``mol-1``): part of a unit or a name, not a number of their own."""
    return _ATTACHED.search(folded, max(0, start - 4), start) is not None


def fraction_value(m: re.Match[str]) -> float | None:
    """The value of a ``FRACTION_WORDS`` match: ``three quarters`` 0.75, ``half a million``
    500,000; ``third`` alone is an ordinal (None)."""
    part = _PART[m.group("f")]
    if part == 3 and m.group("n") in (None, "a", "an"):
        return None if m.group("n") is None else 1 / 3
    return _COUNT[m.group("n")] / part * _SCALES[m.group("scale")]


_NUMBER_WORD = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|thousand"
)
_MULTIPLES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"\b(\d+(?:\.\d+)?)\s?-?\s?fold\b"), r"\1"),  # 12-fold, 12fold
    (re.compile(rf"\b({_NUMBER_WORD})-?fold\b"), r"\1"),  # twelvefold
    (re.compile(r"(?<![\w.])x\s?(?=\d)"), ""),  # x12
    (re.compile(r"\b(\d+(?:\.\d+)?)x\b"), r"\1"),  # 12x
    (re.compile(r"\bhalf an? dozen\b"), "6"),
    (re.compile(r"\b(\d+) dozen\b"), lambda m: str(int(m.group(1)) * 12)),
    (re.compile(r"\b(?:an?|one) dozen\b|\bdozen\b"), "12"),
]


def multiples(folded: str) -> str:
    """``twelvefold``, ``12-fold``, ``x12``, ``12x`` -> ``12``; ``a dozen`` -> ``12``, ``half
    a dozen`` -> ``6``, ``3 dozen`` -> ``36`` (folded text)."""
    if "fold" not in folded and "x" not in folded and "dozen" not in folded:
        return folded
    for pattern, repl in _MULTIPLES:
        folded = pattern.sub(repl, folded)
    return folded


_MONTH_NAMES = str.split(
    "January February March April May June July August September October November December"
)
_NUMERIC_DATE = re.compile(
    r"(?<![\d.,/-])(?:(?P<a>\d{1,2})(?P<s>[./])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<mm>\d{1,2})/(?P<my>\d{4}))(?![\d.,/-])"
)


def dates_in_words(raw: str) -> str:
    """A date in figures written with its month's name, for text answers: ``14.07.1789`` and
    ``14/07/1789`` -> ``14 July 1789`` (day first, unless only the other order is a date),
    ``1789-07-14`` -> ``14 July 1789``, ``02/2020`` -> ``February 2020``."""
    if not any(c in raw for c in "./-"):
        return raw

    def sub(m: re.Match[str]) -> str:
        if m.group("iy"):
            d, mo, y = int(m.group("id")), int(m.group("im")), m.group("iy")
        elif m.group("my"):
            mo = int(m.group("mm"))
            return f"{_MONTH_NAMES[mo - 1]} {m.group('my')}" if 1 <= mo <= 12 else m.group()
        else:
            d, mo, y = int(m.group("a")), int(m.group("b")), m.group("y")
            if mo > 12 and d <= 12:
                d, mo = mo, d  # 07/14/1789: only month first is a date
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return m.group()
        return f"{d} {_MONTH_NAMES[mo - 1]} {y}"

    return _NUMERIC_DATE.sub(sub, raw)
