"""One GIFT block -> a ``GiftQuestion``: title, format, text, kind, answers and feedback.

The kind is decided as Moodle decides it, in this order: no braces, a description; empty braces,
an essay; answers starting with ``#``, numerical; any ``~``, multiple choice (multiple answers
when no ``=``); ``=`` with ``->``, matching; ``T``/``TRUE``/``F``/``FALSE``, true/false; anything
else, short answer. Where Moodle reads something a teacher may not have meant (no ``=`` before a
short answer, ``{true}`` in small letters), the question is read as Moodle reads it, with a
warning (``GiftQuestion.problems``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from tutor.gift.lexer import Block
from tutor.gift.text import BLANK, find, format_of, quoted, rfind, split_at, text, unescape
from tutor.values import field, mutable

_WEIGHT = re.compile(r"\s*%(-?[0-9]+(?:\.[0-9]+)?)%")
_TRUTH = {"T": True, "TRUE": True, "F": False, "FALSE": False}


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
    others: str = ""  # feedback for any other answer (numerical '~#...', short answer '*')
    missing_word: bool = False
    idnumber: str = ""  # Moodle's '[id:...]' in the question's comments
    tags: list[str] = field(default_factory=list)  # Moodle's '[tag:...]' in its comments
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, warning)


class GiftError(ValueError):
    """A block that cannot be read as a question; it is left out with this message."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


# A label never holds '[' (nor an escaped one): each try stops at the next '[', so a comment of
# a thousand unclosed '[tag:' is read in linear time.
_LABEL = re.compile(r"\[(id|tag):((?:\\[^\[\n]|[^\[\]\\\n])*)\]")


def labels(comments: str) -> tuple[str, list[str]]:
    """Moodle's idnumber and tags in a question's comments: ``// [id:q1] [tag:easy]``."""
    idnumber, tags = "", []
    for found in _LABEL.finditer(comments):
        value = re.sub(r"\\(.)", r"\1", found[2]).strip()
        if not value:
            continue
        if found[1] == "tag":
            tags.append(value)
        elif not idnumber:
            idnumber = value
    return idnumber, tags


def parse_block(block: Block) -> GiftQuestion:
    raw = block.text
    pos = len(raw) - len(raw.lstrip())
    title, problems = "", []
    if raw.startswith("::", pos):
        end = find(raw, "::", pos + 2)
        if end < 0:  # Moodle reads the rest as the question, named after its text
            problems.append((block.line, "a title opened with '::' is never closed with '::':"
                             " read as question text"))  # fmt: skip
            pos += 2
        else:
            title = " ".join(unescape(raw[pos + 2 : end]).split())
            pos = end + 2
    fmt, _ = format_of(raw[pos:], "moodle")
    idnumber, tags = labels(block.comments)
    q = GiftQuestion("", title, "", block.line, block.category, block.meta,
                     idnumber=idnumber, tags=tags, problems=problems)  # fmt: skip
    if fmt != "plain":
        _media(q, raw, block)
    open_at, stray = find(raw, "{", pos), find(raw, "}", pos)
    if open_at < 0 and stray < 0:
        q.kind, q.text = "description", text(raw[pos:], fmt, markdown=True)
        return q
    if 0 <= stray < open_at or open_at < 0:
        raise GiftError(block.line_at(stray), "a '}' with no '{' before it (a '}' in the text"
                        " needs a backslash: \\})")  # fmt: skip
    close_at = find(raw, "}", open_at + 1)
    if close_at < 0:
        raise GiftError(block.line_at(open_at), "the answers opened with '{' are never closed with '}'")
    before, after = raw[pos:open_at], raw[close_at + 1 :]
    q.missing_word = bool(after.strip())
    # Missing word: the answers stand for a word in the sentence, shown as a blank there.
    # The blank goes in after the text is read: Markdown would take '_____' for emphasis.
    q.text = text(f"{before}{BLANK}{after}" if q.missing_word else before, fmt).replace(BLANK, "_____")
    if find(after, "{") >= 0:
        q.problems.append((block.line_at(close_at + 1), "a second '{ }' in one question: read as"
                           " text, as Moodle does (a blank line starts the next question)"))  # fmt: skip
    inner = raw[open_at + 1 : close_at]
    general_at = rfind(inner, "####")
    if general_at >= 0:
        q.general = text(inner[general_at + 4 :], fmt)
        inner = inner[:general_at]
    _answers(q, inner, open_at + 1, block, fmt)
    return q


_MEDIA = re.compile(r"<(img|audio|video|iframe|object|embed)\b", re.IGNORECASE)
_SRC = re.compile(r"""\s(?:src|data)\s*\\?=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def _media(q: GiftQuestion, raw: str, block: Block) -> None:
    """Pictures, sound and video in HTML: a terminal shows none of them, so each is named."""
    for found in _MEDIA.finditer(raw):
        end = raw.find(">", found.end(), found.end() + 2000)  # a tag's attributes, not the file
        src = _SRC.search(raw, found.end(), end if end >= 0 else found.end() + 2000)
        name = f" {quoted(src[1].rsplit('/', 1)[-1])}" if src else ""
        tag = found[1].lower()
        what = {"img": "an image", "audio": "a sound", "video": "a video"}.get(tag, f"<{tag}>")
        kept = " (its alt text is kept)" if tag == "img" else ""
        q.problems.append((block.line_at(found.start()), f"{what}{name} cannot be shown in a"
                           f" terminal: left out{kept}; say in words what it shows"))  # fmt: skip


def _answers(q: GiftQuestion, inner: str, base: int, block: Block, fmt: str) -> None:
    body = inner.strip()
    lead = base + inner.find(body[:1]) if body else base
    if not body:
        q.kind = "essay"
    elif body.startswith("#"):
        q.kind = "numerical"
        _numerical(q, body[1:], lead + 1, block, fmt)
    elif find(body, "~") >= 0:
        _choices(q, body, lead, block, fmt)
    elif find(body, "=") >= 0 and find(body, "->") >= 0:
        q.kind = "matching"
        _matching(q, body, lead, block, fmt)
    elif _truefalse(q, body, block.line_at(lead), fmt):
        q.kind = "truefalse"
    else:
        q.kind = "shortanswer"
        _short(q, body, lead, block, fmt)


def _truefalse(q: GiftQuestion, body: str, line: int, fmt: str) -> bool:
    hash_at = find(body, "#")
    head = (body if hash_at < 0 else body[:hash_at]).strip()
    if head.upper() not in _TRUTH:
        return False
    if head not in _TRUTH:
        q.problems.append((line, f"'{{{head}}}': Moodle reads only T, TRUE, F and FALSE (in"
                           " capitals) as true/false, and this as a short answer; read here as"
                           " true/false"))  # fmt: skip
    q.truth = _TRUTH[head.upper()]
    if hash_at >= 0:  # {T#shown for a wrong answer#shown for a right one}; more '#' is text
        rest = body[hash_at + 1 :]
        second = find(rest, "#")
        wrong, right = (rest, "") if second < 0 else (rest[:second], rest[second + 1 :])
        q.truth_feedback = (text(wrong, fmt), text(right, fmt))
    return True


def _parts(piece: str, fmt: str) -> tuple[str, float | None, str, str]:
    """``=%50%text#feedback`` -> ``("=", 50.0, "text", "feedback")``; the text still escaped. A
    piece without a sign (before the first ``=`` or ``~``) has the sign ``""``."""
    sign, rest = (piece[0], piece[1:]) if piece[:1] in ("=", "~") else ("", piece)
    weight = None
    found = _WEIGHT.match(rest)
    if found:
        weight, rest = float(found[1]), rest[found.end() :]
    hash_at = find(rest, "#")
    if hash_at < 0:
        return sign, weight, rest, ""
    return sign, weight, rest[:hash_at], text(rest[hash_at + 1 :], fmt)


def _full(sign: str, weight: float | None) -> bool:
    """Full credit: '=' with no weight, or a weight of 100% (as Moodle writes them: =%100%)."""
    return (sign == "=" and weight is None) or (weight is not None and weight >= 100)


def _signed(q: GiftQuestion, body: str, signs: str, lead: int, block: Block, fmt: str,
            unsigned: str) -> Iterator[tuple[int, str, float | None, str, str]]:  # fmt: skip
    """Each answer of ``body`` cut before ``signs``: ``(line, sign, weight, text, feedback)``; a
    first piece with no sign in front is named (``unsigned``: how Moodle reads it)."""
    for offset, piece in split_at(body, signs):
        line = block.line_at(lead + offset)
        sign, weight, rest, feedback = _parts(piece, fmt)
        shown = text(rest, fmt, one_line=True)
        if not sign:
            q.problems.append((line, f"{quoted(shown)} has no {unsigned}"))
        yield line, sign, weight, shown, feedback


def _choices(q: GiftQuestion, body: str, lead: int, block: Block, fmt: str) -> None:
    # Moodle's rule: with no '=' at all, several options may be right (by their weights).
    single = find(body, "=") >= 0
    q.kind = "multichoice" if single else "multianswer"
    unsigned = "'~' or '=' in front: a wrong option, as Moodle reads it"
    for line, sign, weight, shown, feedback in _signed(q, body, "~=", lead, block, fmt, unsigned):
        # one right option: '=' or a full weight; several: every positive weight
        right = _full(sign, weight) if single else (weight or 0) > 0
        q.answers.append(GiftAnswer(shown, right, weight, feedback, line))


def _matching(q: GiftQuestion, body: str, lead: int, block: Block, fmt: str) -> None:
    for offset, piece in split_at(body, "="):
        line = block.line_at(lead + offset)
        rest = piece[1:] if piece.startswith("=") else piece
        arrow = find(rest, "->")
        if arrow < 0:
            q.problems.append((line, f"{quoted(text(rest, fmt, one_line=True))} has no '->' and so is"
                               " not a pair: left out"))  # fmt: skip
            continue
        left = text(rest[:arrow], fmt, one_line=True)
        right = " ".join(unescape(rest[arrow + 2 :]).split())
        q.answers.append(GiftAnswer(left, True, None, "", line, right))


def _short(q: GiftQuestion, body: str, lead: int, block: Block, fmt: str) -> None:
    unsigned = ("'=' in front: a right answer, as Moodle reads it (options are written '=right"
                " ~wrong')")  # fmt: skip
    for line, _, weight, shown, feedback in _signed(q, body, "=", lead, block, fmt, unsigned):
        if shown == "*":  # Moodle's wildcard: any answer not listed before it
            q.others = q.others or feedback
            if weight:
                q.problems.append((line, f"'*' earns {weight:g}% in Moodle: any answer would"
                                   " count; left out"))  # fmt: skip
            continue
        q.answers.append(GiftAnswer(shown, _full("=", weight), weight, feedback, line))


_NUMBER = r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
_RANGE = re.compile(rf"\s*({_NUMBER})\s*(?:(:|\.\.)\s*({_NUMBER}))?\s*$")


def _numerical(q: GiftQuestion, inner: str, base: int, block: Block, fmt: str) -> None:
    tilde = find(inner, "~")
    if tilde >= 0:  # Moodle: from the first '~' on, the feedback for any other answer
        hash_at = find(inner, "#", tilde)
        q.others = text(inner[hash_at + 1 :], fmt) if hash_at >= 0 else ""
        rest = inner[tilde + 1 : hash_at if hash_at >= 0 else len(inner)]
        if rest.strip():
            q.problems.append((block.line_at(base + tilde), f"{quoted('~' + unescape(rest))}: in a"
                               " numerical question, Moodle reads '~' as any other answer, not"
                               " as a wrong number"))  # fmt: skip
        inner = inner[:tilde]
    for offset, piece in split_at(inner, "="):
        line = block.line_at(base + offset)
        sign, weight, raw, feedback = _parts(piece, fmt)
        value = unescape(raw).strip()
        if value == "*":
            q.others = q.others or feedback
            continue
        m = _RANGE.match(value)
        if not m:
            q.problems.append((line, f"{quoted(value)} is not a number, number:tolerance or"
                               " low..high: left out"))  # fmt: skip
            continue
        a = float(m[1])
        b = float(m[3]) if m[3] else 0.0
        if not (math.isfinite(a) and math.isfinite(b)):
            q.problems.append((line, f"{quoted(value)} is too large a number: left out"))
            continue
        if m[2] == "..":  # 12 significant digits: 3.141..3.142 is 3.1415 (not 3.1415000000000002)
            middle, slack = float(f"{(a + b) / 2:.12g}"), float(f"{abs(b - a) / 2:.12g}")
        else:
            middle, slack = a, abs(b)
        q.answers.append(GiftAnswer(value, _full("=", weight), weight, feedback, line, None, middle, slack))
