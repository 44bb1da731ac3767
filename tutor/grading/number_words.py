"""Numbers written in words: ``eighteen million``, ``ninth``, ``nineteen ninety-one``.

The word tables, the misspellings read as meant (``nineth``, ``fourty``, ``milion``), and
``words_value``, which turns a run of number words into values (``text2num`` does the arithmetic).
``tutor.grading.number_reader`` finds the runs in a student's text.
"""

from __future__ import annotations

from text_to_num import text2num

UNITS = {
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
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion"}
ORDINALS = {
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
NUMBER_WORDS = set(UNITS) | set(TENS) | SCALE_WORDS | set(ORDINALS)
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
JOINERS = {"and", "a", "an", "point", "oh"}
SCALE_VALUES = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}


def words_value(run: list[str]) -> tuple[list[float], bool]:
    """Values of a run of number words (usually one); and whether it ended in an ordinal."""
    ordinal = False
    if run and run[-1] in ORDINALS:
        run = [*run[:-1], ORDINALS[run[-1]]]
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
        whole = words_value(run[:i])[0] if i else [0.0]
        after = run[i + 1 :]
        j = 0
        while j < len(after) and after[j] in UNITS and UNITS[after[j]] < 10:
            j += 1
        if len(whole) != 1 or j == 0:
            return [*whole, *words_value(after)[0]], ordinal
        value = whole[0] + float("0." + "".join(str(UNITS[w]) for w in after[:j]))
        rest = after[j:]
        if rest and all(w in SCALE_WORDS for w in rest):
            for w in rest:
                value *= SCALE_VALUES[w]
            return [value], ordinal
        return [value, *words_value(rest)[0]], ordinal
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
        values = [v for p in parts if p for v in words_value(p)[0]]
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
    if any(w in SCALE_WORDS - {"hundred"} for w in run):
        return None
    for k in range(1, min(3, len(run))):
        left = _small(run[:k])
        if left is None:
            continue
        right = run[k:]
        if right[0] == "oh" and len(right) == 2 and right[1] in UNITS and UNITS[right[1]] < 10:
            return left * 100 + UNITS[right[1]]
        if right == ["hundred"]:
            return left * 100
        r = _small(right)
        if r is not None:
            return left * 100 + r
    return None
