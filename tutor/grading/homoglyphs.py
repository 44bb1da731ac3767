"""Cyrillic letters that look like Latin ones, typed inside a Latin word.

A student on a Russian or Kazakh keyboard layout often types ``С5+1`` with a Cyrillic ``С`` or
``Вeijing`` with a Cyrillic ``В``: the text looks right, but transliteration reads ``С`` as ``S``
and ``В`` as ``V``. In a token that mixes Cyrillic letters with Latin letters or digits, and whose
Cyrillic letters all have a Latin look-alike, each is replaced by that look-alike before
transliteration. A wholly Cyrillic word (``Россия``, ``Токаев``) is left alone, and so is a mixed
token with a Cyrillic letter that has no look-alike (``18млн``): it is read as Cyrillic.
"""

from __future__ import annotations

import re

# Cyrillic -> the Latin letter it looks like (upper case, the lower-case letters with a twin, and
# the Ukrainian/Kazakh dotted i).
_LOOKALIKE = {
    "А": "A",
    "В": "B",
    "С": "C",
    "Е": "E",
    "Н": "H",
    "К": "K",
    "М": "M",
    "О": "O",
    "Р": "P",
    "Т": "T",
    "Х": "X",
    "У": "Y",
    "І": "I",
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "і": "i",
}
_TABLE = str.maketrans(_LOOKALIKE)
_CYRILLIC = re.compile("[\u0400-\u052f]")
_LATIN_OR_DIGIT = re.compile("[A-Za-z0-9]")
# a token: what lies between spaces and the marks that separate answers
_TOKEN = re.compile(r"[^\s,;/()\[\]{}|]+")


def _latinise(m: re.Match[str]) -> str:
    token = m.group()
    if not _CYRILLIC.search(token) or not _LATIN_OR_DIGIT.search(token):
        return token
    mapped = token.translate(_TABLE)
    return token if _CYRILLIC.search(mapped) else mapped


def latinise(text: str) -> str:
    """``text`` with the Cyrillic look-alikes of mixed tokens made Latin (see the module)."""
    if not _CYRILLIC.search(text):
        return text
    return _TOKEN.sub(_latinise, text)
