"""Plain YAML values that load without an error but not as the instructor wrote them.

``ask: Which is Central Asia's #1 city?`` is read as ``Which is Central Asia's``: ``' #'`` starts
a comment. ``ask: “Which city?”`` keeps the typographic quotes as part of the text. Both are
seen only in the file's own characters, so they are checked while the file is composed, and
only when the file holds a ``' #'`` or a typographic quote at all (most files hold neither).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tutor.loader.problems import Report
from tutor.loader.syntax import SMART_QUOTES

# A comment right after a value whose '#' is glued to what follows (#1, #hashtag) is text the
# author meant; '# a note' (with a space) is how comments are written, and is left alone.
_GLUED_COMMENT = re.compile(r"[ \t]+#(?=[^\s#])")
_OPENING = "\u201c\u2018\u201e\u201f"
_SMART_BYTES = tuple(q.encode() for q in SMART_QUOTES)


def shorten(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def scalar_checker(data: bytes, report: Report) -> Callable[[object], None] | None:
    """A function that warns about one plain scalar event, or None if the file cannot hold
    either trap."""
    hashes = b" #" in data or b"\t#" in data
    smart = any(q in data for q in _SMART_BYTES)
    if not hashes and not smart:
        return None
    lines = data.decode("utf-8", errors="replace").splitlines()

    def check(event) -> None:
        value: str = event.value
        if not value:
            return
        start, end = event.start_mark, event.end_mark
        if smart and value[0] in _OPENING:
            report.warning(
                (start.line + 1, start.column + 1),
                f"'{shorten(value)}' is in typographic quotes (“ ” or ‘ ’), pasted from a word"
                " processor: YAML keeps them as part of the text, so students see them; type"
                " straight quotes (\" or ') instead, or none",
            )
        if hashes and end.line < len(lines):
            rest = lines[end.line][end.column :]
            glued = _GLUED_COMMENT.match(rest)
            if glued:
                cut = rest[glued.end() - 1 :].rstrip()
                report.warning(
                    (end.line + 1, end.column + glued.end()),
                    f"the text stops before '{shorten(cut, 30)}': in YAML ' #' starts a comment,"
                    f" so this reads '{shorten(value)}'; put the whole text in quotes",
                )

    return check
