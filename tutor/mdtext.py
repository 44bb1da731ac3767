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
from collections.abc import Callable

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


def _unwrap(
    text: str, opener: re.Pattern[str], close_at: Callable[[re.Match[str]], int | None], width: int
) -> str:
    """Drop the markers of each emphasis pair: ``close_at(opening)`` is where its closer starts
    (or None), and no blank line may come between. Openers are tried left to right, as
    ``re.sub`` tries the rules, each in O(log n)."""
    breaks = _positions(_BREAK, text)
    out: list[str] = []
    done = pos = 0
    while (m := opener.search(text, pos)) is not None:
        close = close_at(m)
        if close is not None:
            b = bisect_left(breaks, m.end())
            if b == len(breaks) or breaks[b] >= close:
                out += (text[done : m.start()], text[m.end() : close])
                done = pos = close + width
                continue
        pos = m.start() + 1
    out.append(text[done:])
    return "".join(out)


def _unwrap_bold(text: str) -> str:
    """``**x**`` and ``__x__`` -> ``x``: the first closer after each opener, in one paragraph."""
    if "**" not in text and "__" not in text:
        return text
    closers = {
        "**": _positions(re.compile(r"(?<=\S)(?=\*\*)"), text),
        "__": _positions(re.compile(r"(?<=\S)(?=__)"), text),
    }

    def close_at(m: re.Match[str]) -> int | None:
        marks = closers[m.group(1)]
        k = bisect_right(marks, m.end())  # the body holds at least one character
        return marks[k] if k < len(marks) else None

    return _unwrap(text, _BOLD_OPEN, close_at, 2)


def _unwrap_em(text: str) -> str:
    """``*x*`` -> ``x``: the body holds no ``*`` and no blank line, and touches no word."""
    if "*" not in text:
        return text
    stars = _positions(re.compile(r"\*"), text)

    def close_at(m: re.Match[str]) -> int | None:
        k = bisect_left(stars, m.end())  # the body ends at the next '*', if that one closes
        if k == len(stars):
            return None
        close = stars[k]
        closes = (
            close > m.end()
            and not text[close - 1].isspace()
            and not _WORD_OR_STAR.match(text, close + 1)
        )
        return close if closes else None

    return _unwrap(text, _EM_OPEN, close_at, 1)
