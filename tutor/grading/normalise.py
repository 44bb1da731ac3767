"""Normalisation: turn what a student typed (or what a lesson says) into comparable words.

The pipeline, in order:

1. ``clean``: Unicode NFKC; control, format and private-use characters are dropped; symbols such
   as emoji are dropped; any run of white space becomes one space; Cyrillic look-alikes inside a
   Latin token become Latin (``С5+1`` typed with a Cyrillic ``С``: see ``homoglyphs``).
2. ``fold``: transliteration to ASCII with ``anyascii`` (``Токаев`` -> ``Tokaev``, ``Ürümqi`` ->
   ``Urumqi``; the ohm sign ``Ω`` outside a Greek word -> ``ohm``), then ``casefold``.
3. ``tokens``: ``&`` is ``and``; a ``the`` after ``and`` or a separator is dropped; apostrophes vanish (``Xi's`` -> ``xis``); hyphens, dashes and
   underscores separate words (``Y-8`` -> ``y 8``); full stops vanish except between digits
   (``U.S.`` -> ``us``, ``3.2`` stays); thousands commas between digits vanish (``18,000`` ->
   ``18000``); ``+`` and ``%`` stay part of a word (``C5+1``); ``, ; / ( ) [ ]`` and line breaks
   become separator tokens (``,`` ``;`` ``/``); every other punctuation mark is dropped.
4. ``strip_filler``: leading filler (``the``, ``a``, ``an``, ``in``, ``at``, ``I think``,
   ``it's``, ``it is``, ``the answer is`` ...) and trailing filler (``I think``) are removed, as
   long as something is left. Lesson forms go through the same steps, so ``The Hague`` = ``Hague``.

``normalise(text)`` returns the words of steps 1-4 joined by single spaces; ``squash`` removes the
spaces too, so that ``Y-8``, ``Y8`` and ``Y 8`` all become ``y8``: matching compares squashed
forms, while hedging and list splitting look at the words.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

from tutor.grading.homoglyphs import latinise

# Words that separate list items (in addition to the separator tokens).
SEPARATORS = frozenset({",", ";", "/"})
AND = "and"

# Leading filler, longest first within each starting word. Tuples of normalised words.
_LEADING_FILLER: tuple[tuple[str, ...], ...] = (
    ("i", "am", "pretty", "sure"),
    ("i", "am", "sure"),
    ("im", "pretty", "sure"),
    ("im", "sure"),
    ("i", "would", "say"),
    ("i", "think"),
    ("i", "believe"),
    ("i", "guess"),
    ("i", "say"),
    ("id", "say"),
    ("my", "answer", "is"),
    ("my", "answer"),
    ("the", "answer", "is"),
    ("the", "answer"),
    ("answer", "is"),
    ("answer",),
    ("that", "would", "be"),
    ("that", "is"),
    ("that", "was"),
    ("thats",),
    ("it", "would", "be"),
    ("it", "is"),
    ("it", "was"),
    ("its",),
    ("they", "are"),
    ("they", "were"),
    ("theyre",),
    ("these", "are"),
    ("those", "are"),
    ("he", "is"),
    ("hes",),
    ("she", "is"),
    ("shes",),
    ("the",),
    ("both",),
    ("a",),
    ("an",),
    ("in",),
    ("at",),
)
_TRAILING_FILLER: tuple[tuple[str, ...], ...] = (
    ("i", "think"),
    ("i", "believe"),
    ("i", "guess"),
    ("i", "am", "sure"),
    ("im", "sure"),
)

# Words that make an answer a hedge ("Russia or China", "maybe Russia") or a negation
# ("not Russia") when the expected answer does not itself contain them.
HEDGE_WORDS = frozenset(
    {"or", "maybe", "perhaps", "possibly", "probably", "either", "unsure", "dunno", "might"}
)
NEGATION_WORDS = frozenset(
    {
        "not",
        "no",
        "never",
        "neither",
        "nor",
        "isnt",
        "wasnt",
        "arent",
        "werent",
        "dont",
        "doesnt",
        "didnt",
        "cant",
        "wont",
        "except",
        "excluding",
        "without",
    }
)

_WS = re.compile(r"\s+")
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bc]")
_DIGIT_DOT = re.compile(r"(?<=\d)\.(?=\d)")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SEPARATOR_CHARS = re.compile(r"[,;/()\[\]{}|\n]")
_HYPHENS = re.compile(r"[-_\u2010-\u2015\u2212]")
_MINUS = re.compile(r"(?<![^\s=(\[,;:])-(?=\d)")  # -4, x = -4: a sign, not a hyphen
_OTHER_PUNCT = re.compile(r"[^a-z0-9+%\s,;/\x00]")
_TOKEN = re.compile(r"[a-z0-9+%\x00]+|[,;/]")
_SEP_MAP = {
    ",": ",",
    ";": ";",
    "/": "/",
    "(": ",",
    ")": ",",
    "[": ",",
    "]": ",",
    "{": ",",
    "}": ",",
    "|": "/",
    "\n": ",",
}


# Printable ASCII needs none of the per-character work below: NFKC leaves it alone and its only
# symbols of the dropped categories are the modifier symbols ^ and ` (Sk).
_ASCII_SYMBOLS = str.maketrans("", "", "^`")


def clean(text: str) -> str:
    """NFKC; control/format/private characters and symbols dropped; white space collapsed;
    Cyrillic look-alikes in Latin tokens made Latin.

    Line breaks survive as ``\\n`` (they separate list items); other white space becomes a space.
    """
    if text.isascii() and text.isprintable():
        return _WS.sub(" ", text.translate(_ASCII_SYMBOLS)).strip()
    return _clean_unicode(text)


def _clean_unicode(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    for ch in text:
        if ch == "\n" or ch == "\r":
            out.append("\n")
            continue
        cat = unicodedata.category(ch)
        if cat[0] == "C" or cat in ("So", "Sk", "Me"):
            # control, format, surrogate, private use, unassigned; emoji and other symbols
            out.append(" " if ch == "\t" else "")
        elif cat == "Zs":
            out.append(" ")
        elif cat == "Mn" and 0xFE00 <= ord(ch) <= 0xFE0F:  # variation selectors
            continue
        else:
            out.append(ch)
    lines = latinise("".join(out)).split("\n")
    return "\n".join(_WS.sub(" ", line).strip() for line in lines).strip()


# The ohm sign (NFKC makes U+2126 the Greek capital omega) outside a Greek word is the unit,
# which ASCII spells "ohm" (anyascii's "O" would read "12 Ω" as "12 o").
_OHM = re.compile(r"(?<![\u0370-\u03ff])\u03a9(?![\u0370-\u03ff])")


def fold(text: str) -> str:
    """``clean``, then transliterate to ASCII and casefold."""
    text = clean(text)
    if "\u03a9" in text:
        text = _OHM.sub("ohm", text)
    return anyascii(text).casefold()


# Folded text of nothing but letters, digits and single spaces: the passes below leave it alone.
_PLAIN = re.compile(r"[a-z0-9 ]*")


def tokens(text: str) -> list[str]:
    """Words and separator tokens (``,`` ``;`` ``/``) of the folded text; ``&`` becomes ``and``."""
    s = fold(text)
    if _PLAIN.fullmatch(s):  # most answers and forms: one test instead of ten passes
        return _without_inner_articles(s.split())
    s = s.replace("&", " and ")
    s = _APOSTROPHES.sub("", s)
    s = _DIGIT_DOT.sub("\x00", s)  # keep decimal points between digits
    s = _DIGIT_COMMA.sub("", s)  # 18,000 -> 18000
    if "-" in s:
        s = _MINUS.sub(" minus ", s)
    s = _HYPHENS.sub(" ", s)
    s = _SEPARATOR_CHARS.sub(lambda m: f" {_SEP_MAP[m.group()]} ", s)
    s = s.replace(".", "")
    s = _OTHER_PUNCT.sub(" ", s)
    return _without_inner_articles([t.replace("\x00", ".") for t in _TOKEN.findall(s)])


def _without_inner_articles(toks: list[str]) -> list[str]:
    if "the" not in toks:
        return toks
    return [t for i, t in enumerate(toks) if not _inner_article(toks, i)]


def _inner_article(toks: list[str], i: int) -> bool:
    """A ``the`` opening a later part of the answer (``the US and the EU``): filler, like a
    leading ``the``. Kept when nothing follows it."""
    return (
        toks[i] == "the"
        and 0 < i < len(toks) - 1
        and (toks[i - 1] == AND or toks[i - 1] in SEPARATORS)
        and toks[i + 1] not in SEPARATORS
    )


def words(text: str) -> list[str]:
    """The words of ``text`` without separators."""
    return [t for t in tokens(text) if t not in SEPARATORS]


def _by_word(fillers: tuple[tuple[str, ...], ...], at: int) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for filler in fillers:  # order kept: longest first within each word
        index.setdefault(filler[at], []).append(filler)
    return index


_LEADING_BY_FIRST = _by_word(_LEADING_FILLER, 0)
_TRAILING_BY_LAST = _by_word(_TRAILING_FILLER, -1)


def strip_filler(ws: list[str] | tuple[str, ...]) -> list[str]:
    """Drop leading and trailing filler words, never down to nothing."""
    ws = list(ws)
    changed = True
    while changed and ws:
        changed = False
        for filler in _LEADING_BY_FIRST.get(ws[0], ()):
            n = len(filler)
            if len(ws) > n and tuple(ws[:n]) == filler:
                ws = ws[n:]
                changed = True
                break
    for filler in _TRAILING_BY_LAST.get(ws[-1], ()) if ws else ():
        n = len(filler)
        if len(ws) > n and tuple(ws[-n:]) == filler:
            ws = ws[:-n]
            break
    return ws


def normalise(text: str) -> str:
    """The comparable form of ``text``: folded words, filler removed, joined by single spaces.

    ``normalise("  The Russian-Federation! ") == "russian federation"``;
    ``normalise("Токаев") == "tokaev"``. Stable: the loader relies on it.
    """
    return " ".join(strip_filler(words(text)))


def squash(normalised: str) -> str:
    """Remove the spaces of a normalised form: ``y 8`` -> ``y8``."""
    return normalised.replace(" ", "")


def has_content(text: str) -> bool:
    """Whether ``text`` has at least one letter or digit (in any script)."""
    return any(ch.isalnum() for ch in text)
