"""A GIFT file -> question blocks: comments removed, categories and tutor notes attached.

GIFT (Moodle's "General Import Format Template"): questions are separated by blank lines; a line
whose first non-blank characters are ``//`` is a comment; a block starting ``$CATEGORY:`` puts
the questions after it in that category. The tutor writes what GIFT cannot hold (hints,
examples, a lesson's title and glossary) as ``// tutor: {json}`` comments, which Moodle ignores.
"""

from __future__ import annotations

import json
import re

from tutor.values import field, mutable

META = "// tutor:"
LESSON_META = "// tutor-lesson:"
_CATEGORY = re.compile(r"\s*\$CATEGORY:\s*(.*)", re.IGNORECASE)
# Control characters other than tab and newline never reach a lesson (nor a terminal).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text from an untrusted file without control or bidirectional-override characters."""
    return _CONTROL.sub("", text)


@mutable(slots=True)
class Block:
    """One question (or description) as written: its lines without comments."""

    text: str
    line: int  # the first line's number (1-based)
    starts: list[tuple[int, int]]  # (offset in text, line number) of each line
    category: str | None
    meta: dict = field(default_factory=dict)

    def line_at(self, offset: int) -> int:
        line = self.line
        for start, number in self.starts:
            if start > offset:
                break
            line = number
        return line


@mutable(slots=True)
class Lexed:
    blocks: list[Block]
    lesson_meta: dict[str | None, dict]  # category (None: before any) -> the lesson's own data
    bad_meta: list[int]  # lines of tutor notes that are not valid JSON objects


def _meta(raw: str) -> dict | None:
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def lex(text: str) -> Lexed:
    text = clean(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    blocks: list[Block] = []
    lesson_meta: dict[str | None, dict] = {}
    bad: list[int] = []
    category: str | None = None
    lines: list[tuple[int, str]] = []
    pending: dict = {}

    def flush() -> None:
        nonlocal category, pending
        if not lines:
            return
        first = _CATEGORY.match(lines[0][1])
        if first:
            category = first[1].strip() or None
        else:
            starts, parts, offset = [], [], 0
            for number, content in lines:
                starts.append((offset, number))
                parts.append(content)
                offset += len(content) + 1
            blocks.append(Block("\n".join(parts), lines[0][0], starts, category, pending))
            pending = {}
        lines.clear()

    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("//"):
            for prefix, lesson in ((LESSON_META, True), (META, False)):
                if stripped.startswith(prefix):
                    data = _meta(stripped[len(prefix) :])
                    if data is None:
                        bad.append(number)
                    elif lesson:
                        flush()
                        lesson_meta[category] = data
                    else:
                        pending = data
                    break
            continue
        if not stripped:
            flush()
            continue
        lines.append((number, line))
    flush()
    return Lexed(blocks, lesson_meta, bad)
