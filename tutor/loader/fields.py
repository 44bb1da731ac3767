"""Reading typed values out of nodes, each mistake reported at the offending node."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tutor.loader.problems import Report
from tutor.loader.safeyaml import Map, Node, Scalar, Seq
from tutor.model import Pos

SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
MAX_SLUG = 64
_WHOLE = re.compile(r"([0-9]+)(?:\.0+)?", re.ASCII)


def kind_of(node: Node) -> str:
    if node.__class__ is Map:
        return "a mapping"
    if node.__class__ is Seq:
        return "a list"
    return "text"


def suggest(name: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to a misspelt ``name``, if any is close enough."""
    from rapidfuzz import fuzz, process, utils

    found = process.extractOne(
        name, list(choices), scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=60
    )
    return found[0] if found else None


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    best = suggest(name, choices)
    return f" (did you mean '{best}'?)" if best else ""


def pos(report: Report, node: Node) -> Pos:
    return Pos(report.path, node.line, node.column)


def text(report: Report, node: Node, what: str) -> str | None:
    """Stripped, non-empty text; any scalar counts (``1991``, ``no`` stay as written)."""
    if node.__class__ is not Scalar:
        _not_text(report, node, what)
        return None
    return _scalar_text(report, node, what)


def _not_text(report: Report, node: Node, what: str) -> None:
    report.error(node, f"{what} must be text, not {kind_of(node)}")


def _scalar_text(report: Report, node: Scalar, what: str) -> str | None:
    if node.is_null:
        report.error(
            node, f"{what} has no value: write it (quoted if it is ~ or null), or remove the key"
        )
        return None
    value = node.value.strip()
    if not value:
        report.error(node, f"{what} is empty")
        return None
    return value


def texts(report: Report, node: Node, what: str) -> list[tuple[str, Scalar]]:
    """A list of texts, or a single text standing for a list of one."""
    if isinstance(node, Scalar):  # isinstance narrows node to Seq below; __class__ is does not
        value = text(report, node, what)
        return [(value, node)] if value is not None else []
    if isinstance(node, Map):
        report.error(node, f"{what} must be a list, not a mapping")
        return []
    out = []
    each = f"each entry of {what}"
    for item in node.items:
        # text()'s check, made here so that mypy knows ``item`` is a Scalar below.
        if item.__class__ is not Scalar:
            _not_text(report, item, each)
            continue
        value = _scalar_text(report, item, each)
        if value is not None:
            out.append((value, item))
    return out


def count(report: Report, node: Node, what: str, low: int, high: int) -> int | None:
    """A whole number in ``low..high``."""
    if node.__class__ is not Scalar:
        report.error(node, f"{what} must be a whole number, not {kind_of(node)}")
        return None
    raw = node.value.strip()
    digits = _WHOLE.fullmatch(raw)  # 3, or 3.0 (a whole number to an editor's schema too)
    if digits is None:
        report.error(node, f"{what} must be a whole number from {low} to {high}, not '{raw}'")
        return None
    value = int(digits[1])
    if not low <= value <= high:
        report.error(node, f"{what} must be from {low} to {high}, not {value}")
        return None
    return value


def mapping(report: Report, node: Node, what: str) -> Map | None:
    if node.__class__ is Scalar and node.is_null:
        report.error(node, f"{what} has no value: write its 'key: value' lines, or remove the key")
        return None
    if node.__class__ is not Map:
        report.error(node, f"{what} must be a mapping (key: value lines), not {kind_of(node)}")
        return None
    return node


def slugify(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.casefold()).strip("-")[:MAX_SLUG]


def slug(report: Report, node: Node, what: str) -> str | None:
    value = text(report, node, what)
    if value is None:
        return None
    if SLUG.fullmatch(value) and len(value) <= MAX_SLUG:
        return value
    better = slugify(value)
    example = f", e.g. '{better}'" if better else ""
    report.error(
        node,
        f"{what} '{value}' is not a valid id: use lowercase letters, digits and hyphens"
        f" (at most {MAX_SLUG}){example}",
    )
    return None


# Words instructors reach for that are not misspellings: rapidfuzz would never suggest these.
SYNONYMS = {
    "question": "ask", "prompt": "ask", "q": "ask", "solution": "answer", "correct": "answer",
    "right": "answer", "tip": "hints", "tips": "hints", "clue": "hints", "clues": "hints",
    "explanation": "explain", "why": "explain", "feedback": "explain", "choices": "options",
    "alternatives": "accept", "aliases": "accept", "synonyms": "accept", "also": "accept",
    "incorrect": "wrong", "wrong_answers": "wrong", "misconceptions": "wrong", "kind": "type",
    "attempts": "tries", "retries": "tries", "tests": "examples",
    "description": "summary", "duration": "minutes", "time": "minutes", "length": "minutes",
    "questions": "steps", "lesson": "steps", "content": "steps", "text": "teach",
    "message": "teach", "terms": "glossary", "references": "sources", "refs": "sources",
    "accepted": "accept", "rejected": "reject", "wrongs": "wrong",
}  # fmt: skip


def unknown_key(report: Report, key: Scalar, where: str, allowed: Iterable[str]) -> str | None:
    """Report an unknown key; return the known key it is probably a misspelling of."""
    allowed = tuple(allowed)
    synonym = SYNONYMS.get(key.value.strip().casefold())
    best = synonym if synonym in allowed else suggest(key.value, allowed)
    hint = f" (did you mean '{best}'?)" if best else ""
    report.error(key, f"unknown key '{key.value}' in {where}{hint}")
    return best


def text_pairs(report: Report, node: Node, what: str) -> list[tuple[str, str, Scalar]]:
    """A mapping of text -> text (sources, glossary, wrong): ``(key, value, key node)``."""
    table = mapping(report, node, what)
    if table is None:
        return []
    out = []
    for name, (knode, vnode) in table.pairs.items():
        key = name.strip()
        if not key:
            report.error(knode, f"an empty key in {what}")
            continue
        value = text(report, vnode, f"'{key}' in {what}")
        if value is not None:
            out.append((key, value, knode))
    return out
