"""Finding and parsing the numbers in what a student typed.

``find_numbers(text)`` returns every number in the text, in order; ``parse_number(text)`` returns
the value when the text holds exactly one number (``None`` otherwise). Forms understood:

- digits with thousands separators: ``18,000,000``, ``18 000 000``, ``18.000.000``,
  ``1'000'000``; a single comma followed by exactly three digits is a thousands separator
  (``1,500`` = 1500), any other single comma is a decimal comma (``1,5`` = 1.5); a single full
  stop is always a decimal point (``1.500`` = 1.5);
- scale words and abbreviations after digits: ``18 million``, ``18m``, ``18 mln``, ``18mn``,
  ``3.2bn``, ``18k``, ``2 trillion``/``2tn`` (``m`` is not a scale when the question's unit is
  metres or minutes: pass ``unit``, see ``units``);
- currency signs and codes are ignored (``$3.2M``, ``3.2 million dollars``, ``KZT 500``);
- percent: ``18 %``, ``18%``, ``18 percent``, ``18 per cent`` (the value is 18);
- scientific notation and fractions: ``6.02e23``, ``6.02 x 10^23`` (see ``number_notation``), ``1/2``,
  ``½``, ``22/7`` (at most three digits each side: ``1991/1992`` is two numbers), ``a half``,
  ``three quarters``, ``half a million``;
- digits attached to a letter (``s2`` in ``m/s2``, ``mol-1``, ``CO2``) belong to a unit or a
  formula and are not read;
- ordinals: ``9th``, ``ninth``, ``twenty-first``;
- number words through ``text2num`` (common misspellings such as ``nineth`` or ``fourty`` read
  as meant): ``eighteen million``, ``one hundred and five``, ``a
  million``, ``three point two``; spoken years: ``nineteen ninety-one``, ``twenty twenty``,
  ``nineteen oh five``;
- dates: a day next to a month name (``4 May 2021``, ``February 20, 2020``) is not counted when
  another number (the year) is present, so ``February 2020`` is one number: 2020.

Digits are never fuzzy-matched: this module only reads values; comparing them is the grader's job.
"""

from __future__ import annotations

import math
import re

from tutor.grading import units
from tutor.grading.normalise import fold
from tutor.grading.number_notation import (
    FRACTION_WORDS,
    attached,
    dates_to_years,
    fraction_value,
    half_after,
    multiples,
    powers_of_ten,
)
from tutor.grading.number_words import (
    JOINERS,
    MISSPELT,
    NUMBER_WORDS,
    SCALE_VALUES,
    SCALE_WORDS,
    words_value,
)
from tutor.values import value


@value
class NumberMatch:
    value: float
    start: int  # span in the folded text
    end: int
    percent: bool = False
    scaled: bool = False  # a scale word or suffix multiplied the digits
    ordinal: bool = False
    spelled: bool = False  # written in words


_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "mil": 1e6,
    "mio": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}

_DIGITS = re.compile(
    r"""
    (?P<sign>(?<![^\s$(])-|^-\s)?
    (?<![\d.])
    (?P<num>
        (?P<over>\d{1,3})\s?/\s?(?P<under>\d{1,3})(?![\d.,/])
      | \d{1,3}(?P<sep>[,.' ])\d{3}(?:(?P=sep)\d{3})*(?:(?!(?P=sep))[.,]\d+)?(?![\d])
      | \d+(?:[.,]\d+)?
      | \.\d+
    )
    (?:e(?P<exp>[-+]?\d{1,3})(?!\d))?
    (?:\s?(?P<ord>st|nd|rd|th)\b)?
    (?:\s?(?P<scale>thousand|millions?|billions?|trillion|mln|mil|mio|mn|bn|tn|k|m|b)\b)?
    (?:\s?(?P<pct>%|percent\b|per\s?cent\b))?
    """,
    re.VERBOSE,
)

_MONTH_WORDS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_MONTHS = frozenset(_MONTH_WORDS.split())
_WORD = re.compile(r"[a-z]+")
_GAP_OK = re.compile(r"^[\s,\-]*(?:(?:of|the)[\s,\-]*)*$")


def _digits_value(m: re.Match[str]) -> float | None:
    raw = m.group("num")
    sep = m.group("sep")
    if m.group("over"):  # 1/2, ½
        under = int(m.group("under"))
        return int(m.group("over")) / under if under else None
    if m.group("exp"):  # 6.02e23
        if len(re.findall(r"[,.' ]", raw)) > 1:
            return None
        return float(f"{raw.replace(',', '.')}e{int(m.group('exp'))}")
    try:
        if sep:
            groups_part = raw
            decimal = ""
            # a trailing decimal part uses the other mark
            other = "." if sep == "," else ","
            if sep in (",", ".", "'", " ") and other in raw and sep != other:
                idx = raw.rfind(other)
                if sep in ("'", " "):
                    idx = max(raw.rfind("."), raw.rfind(","))
                    if raw[idx] == sep:
                        idx = -1
                if idx > 0:
                    groups_part, decimal = raw[:idx], raw[idx + 1 :]
            n_groups = groups_part.count(sep)
            if sep == "." and n_groups == 1 and not decimal:
                return float(groups_part)  # 1.500 is one and a half
            value = float(groups_part.replace(sep, ""))
            if decimal:
                value += float("0." + decimal)
            return value
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def reading_text(text: str) -> str:
    """The text ``find_numbers`` reads, which its spans index: folded, powers of ten written
    as ``e``, dates as years."""
    return dates_to_years(multiples(fold(powers_of_ten(text))))


def find_numbers(text: str, *, unit: str | None = None) -> list[NumberMatch]:
    """Every number in ``text``, in order of appearance (see the module docstring); ``unit`` is
    the question's unit (``units.m_is_million``: ``5m`` is 5 metres with ``unit: m/s``)."""
    m_is_million = units.m_is_million(unit)
    s = reading_text(text)
    found: list[NumberMatch] = []
    masked = list(s)
    for m in _DIGITS.finditer(s):
        if not m.group("sign") and attached(s, m.start()):
            continue  # s2 in m/s2, 2 in CO2
        value = _digits_value(m)
        if value is None or not math.isfinite(value):
            continue
        scale_word = m.group("scale")
        end = m.end()
        if scale_word == "m" and not m_is_million:
            scale_word = None
            end = m.end("num") if not m.group("ord") else m.end("ord")
        scale = _SCALE.get(scale_word or "", 1.0)
        if m.group("sign"):
            value = -value
        found.append(
            NumberMatch(
                value * scale,
                m.start(),
                end,
                percent=bool(m.group("pct")),
                scaled=scale != 1.0,
                ordinal=bool(m.group("ord")),
            )
        )
        for i in range(m.start(), end):
            masked[i] = " "
    for m in FRACTION_WORDS.finditer("".join(masked)):
        fraction = fraction_value(m)
        if fraction is not None:
            found.append(NumberMatch(fraction, m.start(), m.end(), spelled=True))
            masked[m.start() : m.end()] = " " * (m.end() - m.start())
    rest = "".join(masked)
    word_matches = list(_WORD.finditer(rest))
    run: list[tuple[re.Match[str], str]] = []  # (where it stands, the word as read)

    def flush() -> None:
        # joiners may not end a run, and "a"/"an" only count before a scale word
        while run and run[-1][1] in JOINERS:
            run.pop()
        while run and run[0][1] in ("and", "point", "oh"):
            run.pop(0)
        if run and run[0][1] in ("a", "an") and (len(run) < 2 or run[1][1] not in SCALE_WORDS):
            run.pop(0)
        if run and any(w in NUMBER_WORDS for _, w in run):
            start, end = run[0][0].start(), run[-1][0].end()
            if _scales_a_digit_number(run, start):
                run.clear()
                return
            values, ordinal = words_value([w for _, w in run])
            pct = bool(re.match(r"\s?(%|percent\b|per\s?cent\b)", rest[end:]))
            for v in values:
                found.append(NumberMatch(v, start, end, percent=pct, ordinal=ordinal, spelled=True))
        run.clear()

    def _scales_a_digit_number(run: list[tuple[re.Match[str], str]], start: int) -> bool:
        """``18 milion``: the digits were read alone (the regex knows only correct scale words);
        a run of nothing but scale words right after them multiplies them instead of counting as
        a second number."""
        words = [w for _, w in run]
        if not all(w in SCALE_WORDS for w in words):
            return False
        for i, n in enumerate(found):
            if n.spelled or n.scaled or n.end > start or s[n.end : start].strip():
                continue
            factor = math.prod(SCALE_VALUES[w] for w in words)
            found[i] = NumberMatch(
                n.value * factor, n.start, run[-1][0].end(), n.percent, True, n.ordinal
            )
            return True
        return False

    prev_end = 0
    for wm in word_matches:
        w = MISSPELT.get(wm.group(), wm.group())
        gap = rest[prev_end : wm.start()]
        contiguous = not run or re.fullmatch(r"[\s\-]*", gap) is not None
        if not contiguous:
            flush()
        if w in NUMBER_WORDS:
            run.append((wm, w))
        elif w in ("a", "an"):
            flush()
            run.append((wm, w))
        elif w in JOINERS and run:
            run.append((wm, w))
        else:
            flush()
        prev_end = wm.end()
    flush()
    found.sort(key=lambda n: n.start)
    found = [_signed(s, _halved(s, n)) for n in found]
    return _drop_days(s, found)


_MINUS = re.compile(r"(?:\bminus|\bnegative)\s*$")


def _halved(s: str, n: NumberMatch) -> NumberMatch:
    """``one and a half`` is 1.5."""
    end = half_after(s, n.end)
    if end is None:
        return n
    return NumberMatch(n.value + 0.5, n.start, end, n.percent, n.scaled, n.ordinal, n.spelled)


def _signed(s: str, n: NumberMatch) -> NumberMatch:
    """``minus 5`` and ``negative five`` are -5."""
    if n.value > 0 and _MINUS.search(s, 0, n.start):
        return NumberMatch(-n.value, n.start, n.end, n.percent, n.scaled, n.ordinal, n.spelled)
    return n


def _drop_days(s: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """In ``4 May 2021`` or ``May 4th, 2021`` the day is not a second number."""
    if len(found) < 2:
        return found
    months = [m for m in _WORD.finditer(s) if m.group() in _MONTHS]
    if not months:
        return found
    days = []
    for n in found:
        if n.scaled or n.percent or not (1 <= n.value <= 31) or n.value != int(n.value):
            continue
        for mo in months:
            gap = s[n.end : mo.start()] if n.end <= mo.start() else s[mo.end() : n.start]
            if _GAP_OK.match(gap):
                days.append(n)
                break
    kept = [n for n in found if n not in days]
    return kept if kept else found


def parse_number(text: str, *, unit: str | None = None) -> float | None:
    """The value of ``text`` when it holds exactly one number (``"18 million"`` -> 18e6,
    ``"in 1991"`` -> 1991, ``"ninth"`` -> 9); ``None`` when it holds none or several different
    ones (``"1991 or 1992"``). Stable: the loader uses it to read number answers."""
    try:
        values = {n.value for n in find_numbers(text, unit=unit)}
    except Exception:  # never let a strange text crash a caller
        return None
    if len(values) != 1:
        return None
    return values.pop()
