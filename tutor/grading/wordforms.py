"""Word forms that name the same thing: plurals and possessives, demonyms and adjectives of a
place, month abbreviations, decades, synonyms.

Every function here works on normalised words (``normalise.words``). Nothing is fuzzy: a word is
turned into another only by a rule that keeps its meaning (``sanctions`` -> ``sanction``,
``evaporates`` for ``evaporation``: ``same_process``,
``China's`` -> ``china``, ``Chinese`` -> ``china`` when China is a place the question knows,
``Feb`` -> ``february``, ``the twenties`` -> ``1920s`` when the question names the 1920s).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
MONTH_ABBREVIATIONS = {m[:3]: m for m in _MONTHS} | {"sept": "september"}
del MONTH_ABBREVIATIONS["may"]

# Demonyms and adjectives that no suffix rule reaches: adjective -> the place's words.
_IRREGULAR = {
    "french": "france",
    "dutch": "netherlands",
    "greek": "greece",
    "swiss": "switzerland",
    "thai": "thailand",
    "filipino": "philippines",
    "welsh": "wales",
    "danish": "denmark",
    "british": "britain",
    "irish": "ireland",
    "finnish": "finland",
    "swedish": "sweden",
    "english": "england",
    "scottish": "scotland",
    "spanish": "spain",
    "polish": "poland",
    "turkish": "turkey",
    "norwegian": "norway",
    "peruvian": "peru",
    "german": "germany",
    "kyrgyz": "kyrgyzstan",
    "turkmen": "turkmenistan",
    "soviet": "soviet union",
    "soviets": "soviet union",
    "american": "united states",
    "yankee": "united states",
}
_DECADE = re.compile(r"^(\d\d)?(\d)0s$")
_DECADE_WORDS = {
    "twenties": "2",
    "thirties": "3",
    "forties": "4",
    "fifties": "5",
    "sixties": "6",
    "seventies": "7",
    "eighties": "8",
    "nineties": "9",
}


def lemma(w: str) -> str:
    """A plural or possessive made singular: ``sanctions`` -> ``sanction``, ``chinas`` (China's)
    -> ``china``, ``countries`` -> ``country``, ``gases`` -> ``gas``. Words of three letters or
    fewer, and words ending in ``ss``/``us``/``is``, are left alone."""
    if len(w) > 7 and w.endswith("ical"):
        return w[:-2]  # economical -> economic, historical -> historic
    if len(w) <= 3 or not w.isalpha() or not w.endswith("s"):
        return w
    if w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ses", "xes", "zes", "ches", "shes")):
        return w[:-2]
    return w[:-1]


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: the Snowball stemmers in C, loaded on first use

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """The Snowball English stem of a normalised word (digits and short words as they are)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    return str(_stemmer().stemWord(word))


_NOT_A_VERB = ("tion", "sion", "er", "ers", "or", "ors", "ant", "ants", "ent", "ents", "ive", "al")


def same_process(a: str, b: str) -> bool:
    """A process named as a noun and as a verb: ``evaporation`` / ``evaporates``, ``evaporating``,
    ``evaporate``; ``condensation`` / ``condenses``. One word ends in -tion or -sion, the other is
    no agent or adjective (``condenser``, ``evaporator``, ``evaporative`` are other things), and
    both have the same Snowball stem of four letters or more."""
    for noun, verb in ((a, b), (b, a)):
        if len(noun) < 7 or not noun.endswith(("tion", "sion")) or not verb.isalpha():
            continue
        if verb.endswith(_NOT_A_VERB) or len(verb) < 5:
            continue
        root = stem(noun)
        # ``lemma`` makes "condenses" "condens" (as "gases" "gas"): its "e" may be gone
        if len(root) >= 4 and root in (stem(verb), stem(verb + "e")):
            return True
    return False


def place_of(w: str, places: Mapping[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """The place a demonym or adjective stands for, when that place is one of ``places`` (a
    squashed place name -> its words): ``chinese`` -> china, ``russians`` -> russia, ``kazakh``
    -> kazakhstan, ``western`` -> west, ``american`` -> united states. None otherwise."""
    w = lemma(w)
    irregular = _IRREGULAR.get(w)
    if irregular is not None:
        return places.get(irregular.replace(" ", ""))
    for candidate in _candidates(w):
        if candidate in places:
            return places[candidate]
    return None


def _candidates(w: str) -> Iterable[str]:
    """The place names a demonym could come from, by the usual English suffixes."""
    if len(w) < 4:
        return
    if w.endswith("ese"):
        yield w[:-3] + "a"  # chinese
        yield w[:-3]  # japanese, sudanese
    if w.endswith("ian"):
        yield w[:-3] + "ia"  # russian, asian, siberian
        yield w[:-3]  # brazilian, egyptian, jordanian
        yield w[:-3] + "a"  # canadian
        yield w[:-3] + "y"  # italian
    if w.endswith("an"):
        yield w[:-2] + "a"  # american, korean, cuban
        yield w[:-2] + "e"  # european
        yield w[:-2] + "o"  # mexican
        yield w[:-2]  # afghan? (stan below)
    if w.endswith("ern"):
        yield w[:-3]  # western, eastern
    if w.endswith("i"):
        yield w[:-1]  # pakistani, iraqi, israeli
    yield w + "stan"  # kazakh, tajik? (istan below)
    yield w + "istan"  # tajik, uzbek, afghan


def decade(w: str, known: Iterable[str]) -> str | None:
    """``1920s`` for ``1920s``, ``20s``, ``twenties`` (when one of ``known`` is a decade of the
    twenties), else None."""
    m = _DECADE.match(w)
    digit = _DECADE_WORDS.get(w) if m is None else m.group(2)
    if digit is None:
        return None
    if m is not None and m.group(1):
        return w
    for k in known:
        km = _DECADE.match(k)
        if km is not None and km.group(1) and km.group(2) == digit:
            return k
    return None


def phrase_map(groups: Iterable[Sequence[Sequence[str]]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each phrase of a group (its normalised words) -> the group's first phrase."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for group in groups:
        phrases = [tuple(lemma(w) for w in p) for p in group if p]
        if len(phrases) < 2:
            continue
        canonical = out.get(phrases[0], phrases[0])
        for p in phrases:
            out.setdefault(p, canonical)
    return out


def replace_phrases(
    ws: Sequence[str], table: Mapping[tuple[str, ...], tuple[str, ...]], longest: int
) -> tuple[str, ...]:
    """``ws`` with every phrase of ``table`` (longest first, left to right) replaced."""
    if not table:
        return tuple(ws)
    out: list[str] = []
    i = 0
    while i < len(ws):
        for n in range(min(longest, len(ws) - i), 0, -1):
            hit = table.get(tuple(ws[i : i + n]))
            if hit is not None:
                out.extend(hit)
                i += n
                break
        else:
            out.append(ws[i])
            i += 1
    return tuple(out)


_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")
_ORDINAL_WORDS = str.split(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_ROMAN_NUMERAL = re.compile(r"^(?=[ivxlc]{2,}$)(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def ordinal(w: str) -> str | None:
    """``14th`` and ``fourteenth`` -> ``14``; else None."""
    m = _ORDINAL.match(w)
    if m is not None:
        return m.group(1)
    if w in _ORDINAL_WORDS:
        return str(_ORDINAL_WORDS.index(w) + 1)
    return None


def roman(w: str, after_word: bool) -> str | None:
    """``xvi`` -> ``16`` (two letters or more, after another word: ``Louis XVI``); else None."""
    if not after_word or not _ROMAN_NUMERAL.match(w):
        return None
    total = 0
    for a, b in zip(w, w[1:] + " ", strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return str(total)
