"""Untrusted text made safe: the one place that decides what a control character is and what
becomes of it (docs/threat-model.md).

Lesson files, students' answers, student names and the command line may hold C0/C1 control
characters (``ESC [2J`` clears a screen, ``ESC ]52;...`` writes the clipboard). Every writer runs
what it shows through one of these, even though the loader already refuses such text:

- :func:`printable` for text shown to a person (plain mode, the full-screen app, ``check``,
  ``stats``, CSV export): each control character other than newline and tab becomes a visible
  stand-in (``ESC`` shows as ``␛``), so nothing is silently hidden and nothing drives the terminal.
- :func:`one_line` for names and other single-line labels: also newline and tab, and bounded.
- :func:`json_text` for JSON: lossless escapes (``\\u001b``), including the characters JSON leaves
  raw (DEL, C1, U+2028, U+2029), so a JSON line is always one line with no control bytes.
- :func:`clean_input` for what a person types: escape sequences and control characters dropped,
  line breaks read as spaces, trimmed (before grading and storing).

Standard library only: every layer may import it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# C0 except tab and newline, DEL, and C1: the characters a terminal may obey.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")

# C0 shows as its Control Pictures symbol (U+2400 + code: ESC is ␛), DEL as ␡, C1 as U+FFFD.
_PICTURES = {c: chr(0x2400 + c) for c in range(0x20)}
_PICTURES[0x7F] = "\u2421"
_PICTURES.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_SHOWN = str.maketrans({c: v for c, v in _PICTURES.items() if c not in (0x09, 0x0A)})
_SHOWN_ONE_LINE = str.maketrans({**_PICTURES, 0x09: " ", 0x0A: " "})

# JSON leaves DEL, C1 and the Unicode line breaks raw; many line readers split on the latter.
_JSON_ESCAPES = str.maketrans(
    {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), 0x2028, 0x2029)}
)

NAME_LIMIT = 100  # characters of a student name

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_SPACES = "\t\n\r\v\f\x85\u2028\u2029"  # line and paragraph breaks inside a line read as spaces


def control_name(char: str) -> str:
    """``U+001B (ESC)``: how an error message names a control character."""
    code = ord(char)
    names = {0x1B: "ESC", 0x07: "BEL", 0x0D: "CR", 0x08: "BS", 0x00: "NUL", 0x7F: "DEL"}
    label = names.get(code, "C1 control" if code >= 0x80 else "control")
    return f"U+{code:04X} ({label})"


def printable(text: str) -> str:
    """``text`` with every control character but newline and tab shown as a visible symbol."""
    return text.translate(_SHOWN) if CONTROL.search(text) else text


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` on one line: control characters visible, newline and tab as spaces, at most
    ``limit`` characters (cut with an ellipsis)."""
    if _ANY_CONTROL.search(text):
        text = text.translate(_SHOWN_ONE_LINE)
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)] + "…"
    return text


def json_text(value: Any, **options: Any) -> str:
    """``json.dumps`` (non-ASCII kept readable) with DEL, C1, U+2028 and U+2029 escaped too."""
    import json  # not needed to show a lesson

    return json.dumps(value, ensure_ascii=False, **options).translate(_JSON_ESCAPES)


def clean_input(text: str) -> str:
    """What a person typed, without terminal escapes and control characters, trimmed."""
    if not isinstance(text, str):
        text = str(text)
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    if not text.isprintable():
        text = "".join(
            " " if c in _SPACES else c
            for c in text
            if c in _SPACES or not unicodedata.category(c).startswith("C")
        )
    return text.strip()


def clean_name(text: str) -> str:
    """A student name as typed on the command line: cleaned like an answer, inner white space
    collapsed, at most ``NAME_LIMIT`` characters. Empty when nothing printable is left."""
    return " ".join(clean_input(text).split())[:NAME_LIMIT]


def echo(text: object = "", file: Any = None) -> None:
    """``print`` for lines that may hold a file's or the command line's text: control characters
    are shown as visible symbols, never sent to the terminal."""
    import sys

    print(printable(str(text)), file=file if file is not None else sys.stdout)
