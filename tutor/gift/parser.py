"""One GIFT block -> a ``GiftQuestion``: title, format, text, kind, answers and feedback.

Special characters ``~ = # { } :`` are escaped with a backslash; ``\\n`` is a new line. Each
piece is split on the unescaped characters first and unescaped after, so ``\\=`` in an answer is
an equals sign, never a new answer.
"""

from __future__ import annotations

import re

from tutor.gift.lexer import Block
from tutor.gift.markup import to_text
from tutor.values import field, mutable

ESCAPABLE = "~=#{}:\\"
_FORMAT = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"\s*%(-?[0-9]+(?:\.[0-9]+)?)%")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_TRUTH = {"t": True, "true": True, "f": False, "false": False}


def find(text: str, token: str, start: int = 0) -> int:
    """The offset of the first ``token`` at or after ``start`` not escaped by a backslash."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(token, i):
            return i
        i += 1
    return -1


def split_at(text: str, chars: str) -> list[tuple[int, str]]:
    """``text`` cut before each unescaped character of ``chars``: ``(offset, piece)``."""
    cuts = [0]
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in chars and i:
            cuts.append(i)
        i += 1
    cuts.append(len(text))
    return [(a, text[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt in ESCAPABLE:
                out.append(nxt)
                i += 2
                continue
            if nxt == "n":
                out.append("\n")
                i += 2
                continue
        out.append(c)
        i += 1
    return "".join(out)


@mutable(slots=True)
class GiftAnswer:
    text: str
    right: bool  # written with '=' (or a positive weight in a multiple-answer question)
    weight: float | None  # the %n% weight, if written
    feedback: str
    line: int
    match: str | None = None  # matching: the right-hand side
    value: float | None = None  # numerical: the value and tolerance as written (a range's middle)
    tolerance: float = 0.0


@mutable(slots=True)
class GiftQuestion:
    kind: str  # description essay truefalse multichoice multianswer shortanswer numerical matching
    title: str
    text: str
    line: int
    category: str | None
    meta: dict
    answers: list[GiftAnswer] = field(default_factory=list)
    truth: bool | None = None
    truth_feedback: tuple[str, str] = ("", "")  # (shown for a wrong answer, for a right one)
    general: str = ""  # general feedback (####)
    missing_word: bool = False
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, warning)


class GiftError(ValueError):
    """A block that cannot be read as a question; it is left out with this message."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def parse_block(block: Block) -> GiftQuestion:
    raw = block.text
    pos = len(raw) - len(raw.lstrip())
    title = ""
    if raw.startswith("::", pos):
        end = find(raw, "::", pos + 2)
        if end < 0:
            raise GiftError(block.line, "a title opened with '::' is never closed with '::'")
        title = unescape(raw[pos + 2 : end]).strip()
        pos = end + 2
    fmt = "moodle"
    found = _FORMAT.match(raw, pos)
    if found:
        fmt, pos = found[1].lower(), found.end()
    open_at = find(raw, "{", pos)
    if open_at < 0:
        text = _text(raw[pos:], fmt)
        return GiftQuestion("description", title, text, block.line, block.category, block.meta)
    close_at = find(raw, "}", open_at + 1)
    if close_at < 0:
        raise GiftError(block.line_at(open_at), "the answers opened with '{' are never closed with '}'")
    before, after = raw[pos:open_at], raw[close_at + 1 :]
    missing = bool(after.strip())
    # Missing word: the answers stand for a word in the sentence, shown as a blank there.
    text = _text(f"{before}_____{after}", fmt) if missing else _text(before, fmt)
    q = GiftQuestion("", title, text, block.line, block.category, block.meta, missing_word=missing)
    inner = raw[open_at + 1 : close_at]
    general_at = find(inner, "####")
    if general_at >= 0:
        q.general = _text(inner[general_at + 4 :], fmt)
        inner = inner[:general_at]
    _answers(q, inner, open_at + 1, block, fmt)
    return q


def _text(raw: str, fmt: str) -> str:
    """A piece of question text as the tutor shows it: unescaped, HTML made plain text, lines
    joined (GIFT's own new line is ``\\n``)."""
    joined = " ".join(part.strip() for part in raw.split("\n"))
    text = unescape(joined)
    if fmt == "html" or (fmt == "moodle" and _TAG.search(text)):
        return to_text(text)
    return text.strip()


def _answers(q: GiftQuestion, inner: str, base: int, block: Block, fmt: str) -> None:
    body = inner.strip()
    lead = base + inner.find(body[:1]) if body else base
    if not body:
        q.kind = "essay"
        return
    if body.startswith("#"):
        q.kind = "numerical"
        _numerical(q, inner[inner.find("#") + 1 :], base + inner.find("#") + 1, block, fmt)
        return
    head, *feedback = [piece for _, piece in _feedback_split(body)]
    if head.strip().casefold() in _TRUTH:
        q.kind = "truefalse"
        q.truth = _TRUTH[head.strip().casefold()]
        texts = [_text(f, fmt) for f in feedback] + ["", ""]
        q.truth_feedback = (texts[0], texts[1])
        return
    has_tilde = find(body, "~") >= 0
    if not has_tilde and find(body, "=") < 0:
        raise GiftError(
            block.line_at(lead),
            "the answers are neither {T}/{F}, nor '=right ~wrong' options, nor '#number': a"
            " '=' or '~' is missing before each answer (or a '{' or '}' in the text needs a"
            " backslash)",
        )
    for offset, piece in split_at(body, "~="):
        _one_answer(q, piece, block.line_at(lead + offset), fmt)
    if any(a.match is not None for a in q.answers):
        q.kind = "matching"
    elif has_tilde:
        # Moodle's rule: with no '=' at all, several options may be right (by their weights).
        q.kind = "multichoice" if find(body, "=") >= 0 else "multianswer"
        if q.kind == "multianswer":
            for a in q.answers:
                a.right = (a.weight or 0) > 0
    else:
        q.kind = "shortanswer"


def _feedback_split(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    while True:
        at = find(text, "#", start)
        if at < 0:
            out.append((start, text[start:]))
            return out
        out.append((start, text[start:at]))
        start = at + 1


def _parts(piece: str, fmt: str) -> tuple[str, float | None, str, str]:
    """``=%50%text#feedback`` -> ``("=", 50.0, "text", "feedback")``; the text still escaped.
    A piece without a sign (a lone numeric answer) is a right one."""
    sign, rest = (piece[0], piece[1:]) if piece[:1] in ("=", "~") else ("=", piece)
    weight = None
    found = _WEIGHT.match(rest)
    if found:
        weight, rest = float(found[1]), rest[found.end() :]
    hash_at = find(rest, "#")
    if hash_at < 0:
        return sign, weight, rest, ""
    return sign, weight, rest[:hash_at], _text(rest[hash_at + 1 :], fmt)


def _is_right(sign: str, weight: float | None) -> bool:
    return (sign == "=" and weight is None) or (weight is not None and weight >= 100)


def _one_answer(q: GiftQuestion, piece: str, line: int, fmt: str) -> None:
    sign, weight, rest, feedback = _parts(piece, fmt)
    arrow = find(rest, "->")
    match = None
    if sign == "=" and arrow >= 0:
        match = _text(rest[arrow + 2 :], fmt)
        rest = rest[:arrow]
    q.answers.append(GiftAnswer(_text(rest, fmt), _is_right(sign, weight), weight, feedback, line, match))


_NUMBER = r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
_RANGE = re.compile(rf"\s*({_NUMBER})\s*(?:(:|\.\.)\s*({_NUMBER}))?\s*$")


def _numerical(q: GiftQuestion, inner: str, base: int, block: Block, fmt: str) -> None:
    pieces = split_at(inner, "~=") if find(inner, "=") >= 0 or find(inner, "~") >= 0 else [(0, inner)]
    for offset, piece in pieces:
        line = block.line_at(base + offset)
        sign, weight, raw, feedback = _parts(piece, fmt)
        value = unescape(raw)
        m = _RANGE.match(value)
        if not m:
            q.problems.append(
                (line, f"'{value.strip()}' is not a number, number:tolerance or low..high: left out")
            )
            continue
        try:
            a = float(m[1])
            b = float(m[3]) if m[3] else 0.0
        except ValueError:
            q.problems.append((line, f"'{value.strip()}' is not a number: left out"))
            continue
        if m[2] == "..":  # 12 significant digits: 3.141..3.142 is 3.1415 (not 3.1415000000000002)
            middle, slack = float(f"{(a + b) / 2:.12g}"), float(f"{abs(b - a) / 2:.12g}")
        else:
            middle, slack = a, abs(b)
        right = _is_right(sign, weight)
        q.answers.append(
            GiftAnswer(value.strip(), right, weight, feedback, line, None, middle, slack)
        )
    q.kind = "numerical"
