"""Literal text for widgets: lesson and student words are shown as typed, never parsed as markup,
and never with a control character that a terminal would obey (:func:`tutor.safetext.printable`).
"""

from __future__ import annotations

from textual.content import Content

from tutor.safetext import printable


def plain(text: str) -> Content:
    """Literal text for a Static/Label (or palette help): never parsed as markup."""
    return Content(printable(text))


def markdown(text: str) -> str:
    """Lesson Markdown for the ``Markdown`` widget, with control characters made visible."""
    return printable(text)
