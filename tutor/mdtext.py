"""Lesson Markdown as plain text, in linear time: emphasis and heading markers dropped, soft line
breaks within a paragraph joined (as Markdown does); everything else stays as written.

A lesson may be 1 MiB and comes from anyone, so nothing here may be worse than linear (issue 15):
paragraph lines are joined once, and emphasis is paired by a single left-to-right scan that finds
each opener's closer by binary search among precomputed positions, instead of a regular expression
whose lazy body rescans the rest of the paragraph from every unclosed ``**``. The rules are those
of the regular expressions they replace (kept below as the reference, and property-tested against
them on small inputs in ``tests/unit/test_text_transforms.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# The reference rules. Emphasis may run over a line break (a wrapped list item), never over a
# blank line. These are quadratic on hostile input: only the tests use them.
BOLD_RULE = re.compile(r"(\*\*|__)(?=\S)((?:(?!\n\s*\n).)+?)(?<=\S)\1", re.DOTALL)
EM_RULE = re.compile(r"(?<![\w*])\*(?=\S)((?:[^*\n]|\n(?!\s*\n))+?)(?<=\S)\*(?![\w*])")

_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|>|\|)|^\s{2,}")
# Where a blank line starts (``\n\s*\n`` in the rules). Written so that a long run of blank lines
# is not rescanned from each of its newlines.
_BREAK = re.compile(r"\n(?=[^\S\n]*\n)")
_WORD_OR_STAR = re.compile(r"[\w*]")
_BOLD_OPEN = re.compile(r"(\*\*|__)(?=\S)")
_EM_OPEN = re.compile(r"(?<![\w*])\*(?=\S)")


def markdown_to_text(text: str) -> str:
    """Drop Markdown emphasis and heading markers and join soft line breaks within a paragraph."""
    text = _HEADING.sub("", _join_soft_breaks(text))
    return _unwrap_em(_unwrap_bold(text))


def _join_soft_breaks(text: str) -> str:
    lines: list[list[str]] = []  # each output line as pieces, joined once at the end
    for raw in text.strip("\n").split("\n"):
        if lines and raw.strip() and not _BLOCK_START.match(raw):
            last = lines[-1]
            head = last[0]
            if (
                last[-1].strip()
                and not (len(last) == 1 and head.endswith("  "))
                and not head.lstrip().startswith(("#", "|"))
            ):
                last[-1] = last[-1].rstrip()
                last.append(raw.strip())
                continue
        lines.append([raw])
    return "\n".join(" ".join(pieces) for pieces in lines)


def _positions(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


def _unwrap_bold(text: str) -> str:
    """``**x**`` and ``__x__`` -> ``x``: the first closer after each opener, in one paragraph."""
    if "**" not in text and "__" not in text:
        return text
    closers = {
        "**": _positions(re.compile(r"(?<=\S)(?=\*\*)"), text),
        "__": _positions(re.compile(r"(?<=\S)(?=__)"), text),
    }
    breaks = _positions(_BREAK, text)
    out: list[str] = []
    done = pos = 0
    while (m := _BOLD_OPEN.search(text, pos)) is not None:
        start, body = m.start(), m.end()
        marks = closers[m.group(1)]
        k = bisect_right(marks, body)  # the body holds at least one character
        if k < len(marks):
            close = marks[k]
            b = bisect_left(breaks, body)
            if b == len(breaks) or breaks[b] >= close:
                out += (text[done:start], text[body:close])
                done = pos = close + 2
                continue
        pos = start + 1
    out.append(text[done:])
    return "".join(out)


def _unwrap_em(text: str) -> str:
    """``*x*`` -> ``x``: the body holds no ``*`` and no blank line, and touches no word."""
    if "*" not in text:
        return text
    stars = _positions(re.compile(r"\*"), text)
    breaks = _positions(_BREAK, text)
    out: list[str] = []
    done = pos = 0
    while (m := _EM_OPEN.search(text, pos)) is not None:
        start, body = m.start(), m.end()
        k = bisect_left(stars, body)  # the body ends at the next '*', if that one closes
        if k < len(stars):
            close = stars[k]
            b = bisect_left(breaks, body)
            ok = (
                close > body
                and not text[close - 1].isspace()
                and not _WORD_OR_STAR.match(text, close + 1)
                and (b == len(breaks) or breaks[b] >= close)
            )
            if ok:
                out += (text[done:start], text[body:close])
                done = pos = close + 1
                continue
        pos = start + 1
    out.append(text[done:])
    return "".join(out)
