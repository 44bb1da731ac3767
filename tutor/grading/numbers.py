"""Finding and parsing the numbers in what a student typed.

``find_numbers(text)`` returns every number in the text, in order; ``parse_number(text)`` returns
the value when the text holds exactly one number (``None`` otherwise). Forms understood:

- digits with thousands separators: ``18,000,000``, ``18 000 000``, ``18.000.000``,
  ``1'000'000``; a single comma followed by exactly three digits is a thousands separator
  (``1,500`` = 1500), any other single comma is a decimal comma (``1,5`` = 1.5); a single full
  stop is always a decimal point (``1.500`` = 1.5);
- scale words and abbreviations after digits: ``18 million``, ``18m``, ``18 mln``, ``18mn``,
  ``3.2bn``, ``18k``, ``2 trillion``/``2tn`` (``m`` is not a scale when the question's unit is
  metres: pass ``m_is_million=False``);
- currency signs and codes are ignored (``$3.2M``, ``3.2 million dollars``, ``KZT 500``);
- percent: ``18 %``, ``18%``, ``18 percent``, ``18 per cent`` (the value is 18);
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
from dataclasses import dataclass

from text_to_num import text2num

from tutor.grading.normalise import fold
from tutor.grading.numforms import dates_to_years, half_after


@dataclass(frozen=True, slots=True)
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
    (?P<sign>(?<![^\s$(])-)?
    (?<![\d.])
    (?P<num>
        \d{1,3}(?P<sep>[,.' ])\d{3}(?:(?P=sep)\d{3})*(?:(?!(?P=sep))[.,]\d+)?(?![\d])
      | \d+(?:[.,]\d+)?
      | \.\d+
    )
    (?:\s?(?P<ord>st|nd|rd|th)\b)?
    (?:\s?(?P<scale>thousand|millions?|billions?|trillion|mln|mil|mio|mn|bn|tn|k|m|b)\b)?
    (?:\s?(?P<pct>%|percent\b|per\s?cent\b))?
    """,
    re.VERBOSE,
)

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion"}
_ORDINALS = {
    "first": "one",
    "second": "two",
    "third": "three",
    "fourth": "four",
    "fifth": "five",
    "sixth": "six",
    "seventh": "seven",
    "eighth": "eight",
    "ninth": "nine",
    "tenth": "ten",
    "eleventh": "eleven",
    "twelfth": "twelve",
    "thirteenth": "thirteen",
    "fourteenth": "fourteen",
    "fifteenth": "fifteen",
    "sixteenth": "sixteen",
    "seventeenth": "seventeen",
    "eighteenth": "eighteen",
    "nineteenth": "nineteen",
    "twentieth": "twenty",
    "thirtieth": "thirty",
    "fortieth": "forty",
    "fiftieth": "fifty",
    "sixtieth": "sixty",
    "seventieth": "seventy",
    "eightieth": "eighty",
    "ninetieth": "ninety",
    "hundredth": "hundred",
    "thousandth": "thousand",
    "millionth": "million",
    "billionth": "billion",
}
_NUMBER_WORDS = set(_UNITS) | set(_TENS) | _SCALE_WORDS | set(_ORDINALS)
# Common misspellings of number words, read as the word meant. None of them is another English
# word, so reading them can never turn a wrong answer right ("nineth" is only ever "ninth").
MISSPELT = {
    "fourty": "forty",
    "fourtieth": "fortieth",
    "ninty": "ninety",
    "nintey": "ninety",
    "ninteen": "nineteen",
    "ninteenth": "nineteenth",
    "nineth": "ninth",
    "nineths": "ninth",
    "eigth": "eighth",
    "eightth": "eighth",
    "eightteen": "eighteen",
    "eigthteen": "eighteen",
    "eigthy": "eighty",
    "twelth": "twelfth",
    "twelveth": "twelfth",
    "fith": "fifth",
    "fiveth": "fifth",
    "threeth": "third",
    "twoth": "second",
    "oneth": "first",
    "thrid": "third",
    "fourtheen": "fourteen",
    "fiveteen": "fifteen",
    "tweny": "twenty",
    "twenti": "twenty",
    "thirtyth": "thirtieth",
    "hundered": "hundred",
    "hundret": "hundred",
    "thousend": "thousand",
    "thousnd": "thousand",
    "milion": "million",
    "millon": "million",
    "millioon": "million",
    "bilion": "billion",
    "billon": "billion",
}
_JOINERS = {"and", "a", "an", "point", "oh"}
_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
_WORD = re.compile(r"[a-z]+")
_GAP_OK = re.compile(r"^[\s,\-]*(?:(?:of|the)[\s,\-]*)*$")


def _digits_value(m: re.Match[str]) -> float | None:
    raw = m.group("num")
    sep = m.group("sep")
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


def _words_value(run: list[str]) -> tuple[list[float], bool]:
    """Values of a run of number words (usually one); and whether it ended in an ordinal."""
    ordinal = False
    if run and run[-1] in _ORDINALS:
        run = [*run[:-1], _ORDINALS[run[-1]]]
        ordinal = True
    # "a million" -> "one million"
    run = ["one" if w in ("a", "an") else w for w in run]
    while run and run[-1] in ("and", "point", "oh"):
        run.pop()
    while run and run[0] in ("and", "point", "oh"):
        run.pop(0)
    if not run:
        return [], ordinal
    if "point" in run:
        i = run.index("point")
        whole = _words_value(run[:i])[0] if i else [0.0]
        after = run[i + 1 :]
        j = 0
        while j < len(after) and after[j] in _UNITS and _UNITS[after[j]] < 10:
            j += 1
        if len(whole) != 1 or j == 0:
            return [*whole, *_words_value(after)[0]], ordinal
        value = whole[0] + float("0." + "".join(str(_UNITS[w]) for w in after[:j]))
        rest = after[j:]
        if rest and all(w in _SCALE_WORDS for w in rest):
            for w in rest:
                value *= _SCALE.get(w, 100.0)
            return [value], ordinal
        return [value, *_words_value(rest)[0]], ordinal
    text = " ".join(run)
    try:
        return [float(text2num(text, "en"))], ordinal
    except ValueError:
        pass
    year = _spoken_year(run)
    if year is not None:
        return [float(year)], ordinal
    # several numbers in a row: "one and two", "five six"
    if "and" in run:
        parts: list[list[str]] = [[]]
        for w in run:
            if w == "and":
                parts.append([])
            else:
                parts[-1].append(w)
        values = [v for p in parts if p for v in _words_value(p)[0]]
        return values, ordinal
    values = []
    start = 0
    while start < len(run):
        for end in range(len(run), start, -1):
            try:
                values.append(float(text2num(" ".join(run[start:end]), "en")))
                start = end
                break
            except ValueError:
                continue
        else:
            start += 1
    return values, ordinal


def _small(ws: list[str]) -> int | None:
    try:
        v = text2num(" ".join(ws), "en")
    except ValueError:
        return None
    return v if 10 <= v <= 99 else None


def _spoken_year(run: list[str]) -> int | None:
    """``nineteen ninety one`` -> 1991, ``twenty twenty`` -> 2020, ``nineteen oh five`` -> 1905."""
    if any(w in _SCALE_WORDS - {"hundred"} for w in run):
        return None
    for k in range(1, min(3, len(run))):
        left = _small(run[:k])
        if left is None:
            continue
        right = run[k:]
        if right[0] == "oh" and len(right) == 2 and right[1] in _UNITS and _UNITS[right[1]] < 10:
            return left * 100 + _UNITS[right[1]]
        if right == ["hundred"]:
            return left * 100
        r = _small(right)
        if r is not None:
            return left * 100 + r
    return None


def find_numbers(text: str, *, m_is_million: bool = True) -> list[NumberMatch]:
    """Every number in ``text``, in order of appearance (see the module docstring)."""
    s = dates_to_years(fold(text))
    found: list[NumberMatch] = []
    masked = list(s)
    for m in _DIGITS.finditer(s):
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
    rest = "".join(masked)
    word_matches = list(_WORD.finditer(rest))
    run: list[tuple[re.Match[str], str]] = []  # (where it stands, the word as read)

    def flush() -> None:
        # joiners may not end a run, and "a"/"an" only count before a scale word
        while run and run[-1][1] in _JOINERS:
            run.pop()
        while run and run[0][1] in ("and", "point", "oh"):
            run.pop(0)
        if run and run[0][1] in ("a", "an") and (len(run) < 2 or run[1][1] not in _SCALE_WORDS):
            run.pop(0)
        if run and any(w in _NUMBER_WORDS for _, w in run):
            start, end = run[0][0].start(), run[-1][0].end()
            if _scales_a_digit_number(run, start):
                run.clear()
                return
            values, ordinal = _words_value([w for _, w in run])
            pct = bool(re.match(r"\s?(%|percent\b|per\s?cent\b)", rest[end:]))
            for v in values:
                found.append(NumberMatch(v, start, end, percent=pct, ordinal=ordinal, spelled=True))
        run.clear()

    def _scales_a_digit_number(run: list[tuple[re.Match[str], str]], start: int) -> bool:
        """``18 milion``: the digits were read alone (the regex knows only correct scale words);
        a run of nothing but scale words right after them multiplies them instead of counting as
        a second number."""
        words = [w for _, w in run]
        if not all(w in _SCALE_WORDS for w in words):
            return False
        for i, n in enumerate(found):
            if n.spelled or n.scaled or n.end > start or s[n.end : start].strip():
                continue
            factor = math.prod(float(text2num(w, "en")) for w in words)
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
        if w in _NUMBER_WORDS:
            run.append((wm, w))
        elif w in ("a", "an"):
            flush()
            run.append((wm, w))
        elif w in _JOINERS and run:
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


def parse_number(text: str, *, m_is_million: bool = True) -> float | None:
    """The value of ``text`` when it holds exactly one number (``"18 million"`` -> 18e6,
    ``"in 1991"`` -> 1991, ``"ninth"`` -> 9); ``None`` when it holds none or several different
    ones (``"1991 or 1992"``). Stable: the loader uses it to read number answers."""
    try:
        values = {n.value for n in find_numbers(text, m_is_million=m_is_million)}
    except Exception:  # never let a strange text crash a caller
        return None
    if len(values) != 1:
        return None
    return values.pop()
