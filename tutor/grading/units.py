"""What a number question's ``unit:`` means for reading its numbers, decided once for the loader
(the lesson's own answer) and the grader (what a student types).

- ``m_is_million(unit)``: whether ``m`` right after digits is a scale (``18m`` = 18 million) or
  the unit itself (``5m`` = 5 with ``unit: m``, ``m/s``, ``m/s2``, ``m2``, ``minutes``).
- ``unit_scale(unit)``: the scale a unit carries (``million people`` = 1,000,000), so that ``18``
  and ``18 million`` both answer a question counted in millions.
- ``is_percent(unit)``: a percentage, where right digits at the wrong scale are ``x 100`` apart.

Units a student names after a number, and how they convert:

- ``named(s, at)`` reads the unit written right after a number (``km²``, ``square miles``,
  ``metres per second``, ``°F``, ``euros``) in folded text (``normalise.fold``: ``km²`` is
  ``km2``, the degree sign is gone); ``lesson_unit(unit)`` reads a question's ``unit:`` alike.
- ``in_pairs(s, at, asked)``: a number of pairs where the question counts single things (each
  is two: ``23 pairs`` of chromosomes is 46).
- ``convert(x, a, b)`` turns a value in unit ``a`` into unit ``b`` when both measure the same
  kind of thing (``2.7 million km²`` is ``2,700,000 square kilometres``), else None. Currencies
  never convert: an amount in euros is not an amount in dollars. A unit the table does not know
  (``trucks``, ``people``) is not a measure (``counted``).
"""

from __future__ import annotations

import re

from tutor.grading.normalise import fold
from tutor.values import value

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


@value
class Measure:
    name: str  # as the tutor names it to a student
    kind: str  # length, area, speed, temperature, ..., voltage, power, energy, money:<currency>
    factor: float = 1.0  # to the kind's base unit
    offset: float = 0.0  # temperatures: base = value * factor + offset


_TABLE: list[tuple[Measure, str]] = [
    (Measure("metres", "length"), "m|metre|metres|meter|meters"),
    (Measure("kilometres", "length", 1e3), "km|kms|kilometre|kilometres|kilometer|kilometers"),
    (Measure("centimetres", "length", 1e-2), "cm|centimetre|centimetres|centimeter|centimeters"),
    (Measure("millimetres", "length", 1e-3), "mm|millimetre|millimetres|millimeter|millimeters"),
    (Measure("miles", "length", 1609.344), "mi|mile|miles"),
    (Measure("feet", "length", 0.3048), "ft|foot|feet"),
    (Measure("inches", "length", 0.0254), "inch|inches"),
    (Measure("yards", "length", 0.9144), "yd|yard|yards"),
    (Measure("square metres", "area"), "m2|sq m|square metre|square metres|square meter|square meters"),
    (Measure("square kilometres", "area", 1e6),
     "km2|sq km|sqkm|square km|square kilometre|square kilometres|square kilometer|square kilometers"),
    (Measure("square miles", "area", 2589988.110336), "mi2|sq mi|sq miles|square mile|square miles"),
    (Measure("hectares", "area", 1e4), "ha|hectare|hectares"),
    (Measure("acres", "area", 4046.8564224), "acre|acres"),
    (Measure("m/s", "speed"), "m/s|m s|metres per second|meters per second|mps"),
    (Measure("km/s", "speed", 1e3), "km/s|km s|kilometres per second|kilometers per second"),
    (Measure("km/h", "speed", 1 / 3.6), "km/h|kmh|kph|kilometres per hour|kilometers per hour"),
    (Measure("mph", "speed", 0.44704), "mph|miles per hour"),
    (Measure("°C", "temperature"), "c|degrees c|deg c|celsius|degrees celsius|centigrade"),
    (Measure("°F", "temperature", 5 / 9, -32 * 5 / 9), "f|degrees f|deg f|fahrenheit|degrees fahrenheit"),
    (Measure("kelvin", "temperature", 1.0, -273.15), "k|kelvin|kelvins"),
    (Measure("kilograms", "mass"), "kg|kgs|kilo|kilos|kilogram|kilograms|kilogramme|kilogrammes"),
    (Measure("grams", "mass", 1e-3), "g|gram|grams|gramme|grammes"),
    (Measure("tonnes", "mass", 1e3), "t|tonne|tonnes|metric tons"),
    (Measure("seconds", "time"), "s|sec|secs|second|seconds"),
    (Measure("minutes", "time", 60), "min|mins|minute|minutes"),
    (Measure("hours", "time", 3600), "h|hr|hrs|hour|hours"),
    (Measure("litres", "volume"), "l|litre|litres|liter|liters"),
    (Measure("millilitres", "volume", 1e-3), "ml|millilitre|millilitres|milliliter|milliliters"),
    (Measure("cubic centimetres", "volume", 1e-3), "cm3|cc|cubic centimetre|cubic centimetres"),
    (Measure("cubic metres", "volume", 1e3), "m3|cubic metre|cubic metres|cubic meter|cubic meters"),
    (Measure("volts", "voltage"), "v|volt|volts"),
    (Measure("kilovolts", "voltage", 1e3), "kv|kilovolt|kilovolts"),
    (Measure("millivolts", "voltage", 1e-3), "mv|millivolt|millivolts"),
    (Measure("amperes", "current"), "a|amp|amps|ampere|amperes"),
    (Measure("milliamperes", "current", 1e-3), "ma|milliamp|milliamps|milliampere|milliamperes"),
    (Measure("ohms", "resistance"), "ohm|ohms"),
    (Measure("kilohms", "resistance", 1e3), "kohm|kohms|kilohm|kilohms"),
    (Measure("watts", "power"), "w|watt|watts"),
    (Measure("kilowatts", "power", 1e3), "kw|kilowatt|kilowatts"),
    (Measure("joules", "energy"), "j|joule|joules"),
    (Measure("kilojoules", "energy", 1e3), "kj|kilojoule|kilojoules"),
    (Measure("kilowatt hours", "energy", 3.6e6), "kwh|kilowatt hour|kilowatt hours"),
    (Measure("calories", "energy", 4.184), "cal|calorie|calories"),
    (Measure("kilocalories", "energy", 4184), "kcal|kilocalorie|kilocalories"),
    (Measure("coulombs", "charge"), "coulomb|coulombs"),
    (Measure("hertz", "frequency"), "hz|hertz"),
    (Measure("kilohertz", "frequency", 1e3), "khz|kilohertz"),
    (Measure("newtons", "force"), "n|newton|newtons"),
    (Measure("pascals", "pressure"), "pa|pascal|pascals"),
    (Measure("kilopascals", "pressure", 1e3), "kpa|kilopascal|kilopascals"),
    (Measure("US dollars", "money:usd"), "usd|us dollars|us dollar|dollars|dollar|us|bucks"),
    (Measure("euros", "money:eur"), "eur|euro|euros"),
    (Measure("pounds", "money:gbp"), "gbp|pounds sterling|pound sterling|pounds|pound|quid"),
    (Measure("roubles", "money:rub"), "rub|rouble|roubles|ruble|rubles"),
    (Measure("yuan", "money:cny"), "cny|rmb|yuan|renminbi"),
    (Measure("tenge", "money:kzt"), "kzt|tenge"),
]  # fmt: skip
_BY_ALIAS = {alias: m for m, aliases in _TABLE for alias in aliases.split("|")}
# longest alias first, each a whole word (a number's unit starts right after it or a space)
_NAMED = re.compile(
    r"\s*(?:per\s+)?("
    + "|".join(re.escape(a) for a in sorted(_BY_ALIAS, key=len, reverse=True))
    + r")(?![a-z0-9/])"
)


def named(s: str, at: int, unit: str | None = None) -> tuple[Measure, int] | None:
    """The unit written at ``s[at:]`` (folded text), and where it ends; None when none is, or
    when it is a part of the question's own ``unit`` (``5m`` with ``unit: m/s``)."""
    m = _NAMED.match(s, at)
    if m is None or m.group(1) in re.split(r"[\s/]+", fold(unit or "")):
        return None
    if m.group(1) in _ALSO_WORDS and _WORD_NEXT.match(s, m.end()):
        return None  # "30 a year", "30 us trucks": the word, not the unit
    return _BY_ALIAS[m.group(1)], m.end()


# Symbols that are also everyday words: a unit only with no word after them ("3 A", "3 a.").
_ALSO_WORDS = frozenset({"a", "us"})
_WORD_NEXT = re.compile(r"\s*[a-z]")


def lesson_unit(unit: str | None) -> Measure | None:
    """The measure a question's ``unit:`` names, when the table knows it (``km²``, ``°C``,
    ``US dollars``); None for a count (``people``, ``trucks``) or no unit."""
    if not unit:
        return None
    folded = " ".join(fold(unit).replace("/", " / ").split()).replace(" / ", "/")
    return _BY_ALIAS.get(folded)


_COUNTED_AFTER = re.compile(r"\s*([a-z]{3,})\b")
_NOT_A_THING = frozenset({"percent", "per", "pc", "pct", "percentage", "about", "roughly",
                          "around", "approximately", "or", "and", "of", "the", "than"})  # fmt: skip


def counted_after(s: str, at: int) -> Measure | None:
    """A word naming things counted right after a number (``18 trucks``), as a pseudo-unit:
    what a percentage is not."""
    m = _COUNTED_AFTER.match(s, at)
    if m is None or m.group(1) in _NOT_A_THING:
        return None
    return Measure(m.group(1), "count")


_PAIRS = re.compile(r"\s*pairs?\b")


def in_pairs(s: str, at: int, asked: str) -> bool:
    """Whether the number ending at ``s[at]`` counts pairs (``23 pairs``) while the question,
    whose ``unit`` and ``ask`` are ``asked``, does not: then each counts two of its things
    (``23 pairs`` of chromosomes is 46 chromosomes, and ``46 pairs`` is not 46)."""
    return _PAIRS.match(s, at) is not None and not re.search(r"\bpairs?\b", fold(asked))


def counted(unit: str | None) -> bool:
    """Whether ``unit`` names things counted (``people``, ``trucks``, ``lines``), not a measure:
    then no measure belongs after the number."""
    ws = fold(unit or "").split()
    return bool(ws) and all(w.isalpha() and len(w) >= 4 for w in ws) and lesson_unit(unit) is None


def convert(x: float, a: Measure, b: Measure) -> float | None:
    """``x`` in unit ``a`` as a value in unit ``b``; None when they measure different things."""
    if a.kind != b.kind:
        return None
    base = x * a.factor + a.offset
    return (base - b.offset) / b.factor
