"""Questions about the options of a choice question: "why not d?", "what does option c mean",
"what's the difference between a and c", "why not fighter jet", "starch or glucose, which is
simpler?" (two options named by their text).

:func:`options_asked` finds the options a line is about; the session (:mod:`tutor.session.talk`)
answers with their text and what the course says of it, and never says whether one is right
before it is chosen (a reply that explained only the wrong options would name the right one by
leaving it out).
"""

from __future__ import annotations

import re

from tutor.model import Question
from tutor.session.commands import form_key
from tutor.values import value

# "option c", "answer b", "choice 2", "letter d", "c)": an option named by its letter or number.
_NAMED = re.compile(r"\b(?:option|options|answer|answers|choice|choices|letter|number|no)\s+([a-z]|\d)\b")
# "why not d", "why not fighter jet", "why isn't it c", "what's wrong with b"
_WHY_NOT = re.compile(
    r"^(?:but\s+|so\s+|and\s+)?(?:why\s+(?:not|isnt\s+it|is\s+it\s+not|cant\s+it\s+be|wouldnt\s+it\s+be"
    r"|is|isnt)|whats\s+wrong\s+with|what\s+is\s+wrong\s+with|how\s+about)\s+(?P<x>.+?)"
    r"(?:\s+(?:wrong|right|correct|then|also|too))?$"
)
# "the difference between a and c", "a or c", "b vs d"
_LETTERS = re.compile(r"\b([a-z])\s+(?:and|or|vs|versus)\s+([a-z])\b")


@value
class OptionsAsked:
    indexes: tuple[int, ...]  # the options the line is about, in the question's order
    why_not: bool  # "why not X?": whether X is wrong, which only choosing it tells


def _index(q: Question, token: str) -> int | None:
    if len(token) == 1 and token.isalpha():
        i = ord(token) - ord("a")
    elif token.isdigit():
        i = int(token) - 1
    else:
        return None
    return i if 0 <= i < len(q.options) else None


def options_asked(text: str, q: Question) -> OptionsAsked | None:
    """The options of ``q`` that ``text`` asks about, or None (no options, or none named)."""
    if not q.options:
        return None
    k = form_key(text.replace("'", "").replace("’", ""))
    found: list[int] = []
    for m in _NAMED.finditer(k):
        i = _index(q, m.group(1))
        if i is not None:
            found.append(i)
    for m in _LETTERS.finditer(k):
        for token in m.groups():
            i = _index(q, token)
            if i is not None:
                found.append(i)
    texts = [form_key(o) for o in q.options]
    named = [n for n, t in enumerate(texts) if t and f" {t} " in f" {k} "]
    if len(named) >= 2:  # "the difference between starch and glucose"
        found.extend(named)
    why = _WHY_NOT.match(k)
    if why is not None:
        x = re.sub(r"^(?:option|answer|choice|letter)\s+", "", why.group("x"))
        i = _index(q, x)
        if i is None and x in texts:
            i = texts.index(x)
        if i is None:  # words only one option has ("fighter jet", "japan")
            hits = [n for n, t in enumerate(texts) if f" {x} " in f" {t} "]
            i = hits[0] if len(hits) == 1 else None
        if i is not None:
            found.append(i)
    if not found:
        return None
    return OptionsAsked(tuple(sorted(set(found))), why is not None)
