"""A GIFT file -> question blocks: comments removed, categories and tutor notes attached.

GIFT (Moodle's "General Import Format Template"): questions are separated by blank lines; a line
whose first non-blank characters are ``//`` is a comment; a block starting ``$CATEGORY:`` puts
the questions after it in that category. The tutor writes what GIFT cannot hold (hints,
examples, a lesson's title and glossary) as ``// tutor: {json}`` comments, which Moodle ignores.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right

from tutor.safetext import CONTROL
from tutor.values import field, mutable

META = "// tutor:"
LESSON_META = "// tutor-lesson:"
_CATEGORY = re.compile(r"\s*\$CATEGORY:\s*(.*)", re.IGNORECASE)
# Control characters (as tutor.safetext defines them: all but tab and new line) never reach a
# lesson nor a terminal; nor do bidirectional overrides, nor the two private-use characters that
# are the parser's own marks (text.BLANK, markup._PRE).
_REMOVED = re.compile(f"{CONTROL.pattern}|[\u200e\u200f\u202a-\u202e\u2066-\u2069\ue000\ue001]")


def decode(raw: bytes) -> tuple[str, tuple[int, str] | None]:
    """A GIFT file's bytes as text: UTF-8 as Moodle wants it (a BOM is dropped), or UTF-16 with
    its BOM (as Windows' Notepad saves 'Unicode'). Bytes that are not UTF-8 become U+FFFD, and
    the warning names the line of the first: ``(line, message)``."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), None
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = sum(1 for c in raw.decode("utf-8", errors="replace") if c == "\ufffd")
        message = (f"not UTF-8 (as Moodle wants GIFT files): {bad} character(s) could not be"
                   " read and are shown as '\ufffd'; save the file as UTF-8 and convert again")  # fmt: skip
        return raw.decode("utf-8", errors="replace"), (line, message)


def clean(text: str) -> str:
    """Text from an untrusted file without control or bidirectional-override characters (nor
    the two private-use characters the parser marks text with)."""
    return _REMOVED.sub("", text)


@mutable(slots=True)
class Block:
    """One question (or description) as written: its lines without comments."""

    text: str
    line: int  # the first line's number (1-based)
    starts: list[int]  # the offset in text of each line
    numbers: list[int]  # the line number of each line
    category: str | None
    meta: dict = field(default_factory=dict)
    comments: str = ""  # its comment lines, without '//' (Moodle's [id:...] and [tag:...])

    def line_at(self, offset: int) -> int:
        at = bisect_right(self.starts, offset) - 1
        return self.numbers[at] if at >= 0 else self.line


@mutable(slots=True)
class Lexed:
    blocks: list[Block]
    lesson_meta: dict[str | None, dict]  # category (None: before any) -> the lesson's own data
    bad_meta: list[int]  # lines of tutor notes that are not valid JSON objects
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, warning)


def _meta(raw: str) -> dict | None:
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def lex(text: str) -> Lexed:
    text = clean(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    lexed = Lexed([], {}, [])
    category: str | None = None
    lines: list[tuple[int, str]] = []
    comments: list[str] = []
    pending: dict = {}

    def flush() -> None:
        nonlocal category, pending
        first = _CATEGORY.match(lines[0][1]) if lines else None
        if first:
            category = first[1].strip() or None
            if len(lines) > 1:
                lexed.problems.append((lines[1][0], "no blank line after '$CATEGORY:': Moodle"
                                       " reads the lines up to the next blank line as part of the"
                                       " category's name; read here as a question"))  # fmt: skip
            del lines[0]
        if lines:
            starts, numbers, offset = [], [], 0
            for number, content in lines:
                starts.append(offset)
                numbers.append(number)
                offset += len(content) + 1
            body = "\n".join(content for _, content in lines)
            lexed.blocks.append(Block(body, lines[0][0], starts, numbers, category, pending,
                                      "\n".join(comments)))  # fmt: skip
            pending = {}
        lines.clear()
        comments.clear()

    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("//"):
            for prefix, lesson in ((LESSON_META, True), (META, False)):
                if stripped.startswith(prefix):
                    data = _meta(stripped[len(prefix) :])
                    if data is None:
                        lexed.bad_meta.append(number)
                    elif lesson:
                        flush()
                        lexed.lesson_meta[category] = data
                    else:
                        pending = data
                    break
            else:
                comments.append(stripped[2:])
            continue
        if not stripped:
            flush()
            continue
        lines.append((number, line))
    flush()
    return lexed
