"""YAML syntax errors in words an instructor can act on.

libyaml says *what* it could not parse ("mapping values are not allowed in this context"); the
instructor needs to know *why* it usually happens and what to type instead. Each message keeps
libyaml's own words (so it can be searched for) and adds the likely cause. A few errors are moved
to where the mistake is rather than where the parser gave up: a quote never closed is reported at
the quote, a line without ``:`` at that line rather than the next one.
"""

from __future__ import annotations

import re

import yaml

MAX_DEPTH_NOTE = "a lesson file never needs more than 5"
_NBSP = "\u00a0"
SMART_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u201f"  # “ ” ‘ ’ „ ‟, pasted from word processors
# ``ask: [Bonus] What ...``: a value that starts with a flow bracket and goes on after it closes.
_FLOW_START = re.compile(r"^(\s*(?:-\s+)?[^\s:#\[{][^:#]*:\s+)([\[{])")

# (words in libyaml's problem, what an instructor should check)
_HINTS = (
    (
        "mapping values are not allowed",
        "a text holding ': ' must be in quotes (ask: \"Capital: which city?\"), or this line is"
        " indented further than the keys above it",
    ),
    (
        "did not find expected key",
        "check the indentation (the keys of one mapping line up), and put a text holding quotes,"
        " ': ' or ' #' in quotes",
    ),
    (
        "did not find expected '-' indicator",
        "check the indentation: each list item starts with '- ', and the keys of one item line up",
    ),
    ("block sequence entries are not allowed", "a text starting with '- ' must be in quotes"),
    (
        "mapping keys are not allowed",
        "a text that starts with a quote mark must end with it: put the whole text in quotes",
    ),
    (
        "did not find expected ',' or ']'",
        "is a ']' missing, or does an item hold a quote, ': ' or '[' ? put such an item in quotes",
    ),
    (
        "did not find expected ',' or '}'",
        "is a '}' missing, or does a value hold a quote, ', ' or ': ' ? put it in quotes",
    ),
    (
        "unknown escape character",
        "inside \"double quotes\" a backslash starts an escape: write \\\\, or use 'single quotes'",
    ),
    (
        "did not find expected comment or line break",
        "only a comment may follow '|' or '>' on its line: start the text on the next line",
    ),
)


def _line_text(data: bytes, line: int) -> str:
    lines = data.split(b"\n", line)
    if line > len(lines):
        return ""
    return lines[line - 1].decode("utf-8", errors="replace").rstrip("\r")


def _char_at(data: bytes, line: int, column: int) -> str:
    text = _line_text(data, line)
    return text[column - 1] if 0 < column <= len(text) else ""


def describe(exc: yaml.MarkedYAMLError, data: bytes, max_depth: int) -> tuple[int, int, str]:
    """``(line, column, message)`` for a libyaml error."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = exc.problem or "not valid YAML"
    if "nesting depth" in problem:  # libyaml's own limit, met while scanning [[[[...
        return line, column, f"nesting deeper than {max_depth} levels: {MAX_DEPTH_NOTE}"
    cmark = exc.context_mark
    context = exc.context or ""
    here = (cmark.line + 1, cmark.column + 1) if cmark is not None else None

    if here and "scanning a quoted scalar" in context and "end of stream" in problem:
        quote = _char_at(data, *here) or '"'
        return (
            *here,
            f"YAML syntax error: the quote mark ({quote}) opened here is never closed: end the"
            " text with the same mark",
        )
    if here and ("scanning an alias" in context or "scanning an anchor" in context):
        sign = _char_at(data, *here) or "*"
        return (
            *here,
            f"YAML syntax error: a text starting with '{sign}' must be in quotes"
            f" ('{sign}' starts an {'alias' if sign == '*' else 'anchor'} in YAML)",
        )
    if here and "could not find expected ':'" in problem:
        text = _line_text(data, here[0])[here[1] - 1 :].strip()
        shown = text if len(text) <= 40 else text[:37] + "..."
        message = f"YAML syntax error: could not find expected ':' after '{shown}'"
        if _NBSP in text:
            return (*here, message + _nbsp_note())
        return (
            *here,
            message + ": write 'key: value', or indent a text that goes on from the line above"
            " further than its key",
        )

    message = f"YAML syntax error: {problem}"
    if context and here != (line, column):
        where = f" at line {here[0]}, column {here[1]}" if here else ""
        message += f" ({context}{where})"
    text = _line_text(data, line)
    if _NBSP in text:
        return line, column, message + _nbsp_note()
    if any(q in text for q in SMART_QUOTES):
        return line, column, message + smart_quote_note()
    flow = _FLOW_START.match(text)
    if flow and column > flow.end():
        sign = flow[2]
        what = "list" if sign == "[" else "mapping"
        return (
            line,
            column,
            f"{message}; a text starting with '{sign}' must be in quotes ('{sign}' starts a"
            f" {what} in YAML): write {flow[1].strip()} \"{text[flow.start(2):].strip()}\"",
        )
    if "tab" in problem or (text[:column].strip(" ") == "\t"):
        return line, column, message + "; indent with spaces, not tabs"
    if "cannot start any token" in problem:
        char = _char_at(data, line, column)
        if char:
            return line, column, message + f"; a text starting with '{char}' must be in quotes"
    for words, hint in _HINTS:
        if words in problem:
            return line, column, f"{message}; {hint}"
    return line, column, message


def _nbsp_note() -> str:
    return (
        "; this line holds a non-breaking space (U+00A0), often pasted from a word processor:"
        " type a normal space instead"
    )


def smart_quote_note() -> str:
    return (
        "; this line's quote marks are typographic (“ ” or ‘ ’), pasted from a word processor:"
        " YAML does not read them as quotes, so type straight ones (\" or ') instead"
    )
