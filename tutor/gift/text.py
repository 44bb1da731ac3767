"""GIFT text: escapes, splitting on unescaped characters, and a piece of text in its format.

Special characters ``~ = # { } :`` are escaped with a backslash, and so is the backslash; ``\\n``
is a new line. A piece is split on the unescaped characters first and unescaped after, so ``\\=``
in an answer is an equals sign, never a new answer.

Every piece of text (question, answer, feedback, general feedback, a matching subquestion) may
start with its format, ``[html]``, ``[moodle]``, ``[plain]`` or ``[markdown]``; without one, it
has the question text's format, whose own default is ``moodle`` (HTML allowed). The tutor shows
questions, options and replies as plain text and teach steps as Markdown, so each piece is turned
into what its field holds (``text``), never shown as markup.
"""

from __future__ import annotations

import re

from tutor.gift.markup import to_text
from tutor.mdtext import markdown_to_text

ESCAPABLE = "~=#{}:\\"
FORMATS = ("html", "moodle", "plain", "markdown")
_FORMAT = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
BLANK = "\ue001"  # where a missing word's blank goes (GIFT text never holds it: see lexer.clean)
# Moodle's own format is HTML when it holds a tag or an entity.
# (Each try stops at the next '<' or '>', so a file of unclosed '<a' is read in linear time.)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


def find(text: str, token: str, start: int = 0) -> int:
    """The offset of the first ``token`` at or after ``start`` not escaped by a backslash."""
    i = start
    first = token[0]
    while True:
        i = _next(text, first, i)
        if i < 0 or text.startswith(token, i):
            return i
        i += 1


def rfind(text: str, token: str) -> int:
    """The offset of the last unescaped ``token`` (Moodle reads general feedback after the last
    ``####``)."""
    last, at = -1, find(text, token)
    while at >= 0:
        last, at = at, find(text, token, at + 1)
    return last


def _next(text: str, char: str, start: int) -> int:
    """The first unescaped ``char`` at or after ``start``; backslashes are paired from the left."""
    i = start
    while True:
        at = text.find(char, i)
        slash = text.find("\\", i)
        if at < 0:
            return -1
        if slash < 0 or slash >= at:
            return at
        i = slash + 2  # the escaped character is skipped whatever it is


def split_at(text: str, chars: str) -> list[tuple[int, str]]:
    """``text`` cut before each unescaped character of ``chars``: ``(offset, piece)``, blank
    pieces left out. The first piece may have none of ``chars`` in front."""
    cuts = [0]
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c in chars and i:
            cuts.append(i)
        i += 1
    cuts.append(n)
    return [(a, text[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def unescape(text: str) -> str:
    out, i = [], 0
    while True:
        slash = text.find("\\", i)
        if slash < 0 or slash + 1 >= len(text):
            out.append(text[i:])
            return "".join(out)
        out.append(text[i:slash])
        nxt = text[slash + 1]
        if nxt in ESCAPABLE:
            out.append(nxt)
        elif nxt == "n":
            out.append("\n")
        else:
            out.append(text[slash : slash + 2])
        i = slash + 2


def quoted(text: str, width: int = 60) -> str:
    """A piece of the file named in a warning: in quotes, one line, at most ``width`` characters
    (a hostile file's answer may be a megabyte long)."""
    text = " ".join(text.split())
    return f"'{text if len(text) <= width else text[: width - 1] + '…'}'"


def format_of(raw: str, default: str) -> tuple[str, str]:
    """``[html]text`` -> ``("html", "text")``; text without a format has ``default``."""
    found = _FORMAT.match(raw)
    if found:
        return found[1].lower(), raw[found.end() :]
    return default, raw


def text(raw: str, fmt: str, *, markdown: bool = False, one_line: bool = False) -> str:
    """A piece as the tutor holds it: its own ``[format]`` (else ``fmt``) read, unescaped, HTML
    made plain text; Markdown kept where the field is Markdown (``markdown``: a teach step), else
    made plain text. Lines keep their breaks (Moodle shows them) unless ``one_line`` (an answer)."""
    fmt, raw = format_of(raw, fmt)
    if fmt == "html":  # new lines are spaces in HTML (except in <pre>): the markup decides
        out = to_text(unescape(raw))  # already trimmed, a leading <pre> line kept indented
        return " ".join(out.split()) if one_line else out
    lines = (line.strip() for line in raw.strip().split("\n"))
    out = unescape((" " if one_line else "\n").join(lines)).strip()
    if fmt == "moodle" and _TAG.search(out):  # and shows each line break
        out = to_text(out.replace("\n", "<br>"))
    elif fmt == "markdown" and not markdown:
        out = markdown_to_text(out)
    return out
