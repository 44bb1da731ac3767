"""Helpers the TUI tests share (they import this, never each other): the terminal size, the
text a widget shows, the transcript's bubbles, and typing an answer."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Markdown

SIZE = (100, 30)


def text_of(widget) -> str:
    """The literal text a widget shows (Static/Label content, or a Markdown source)."""
    if isinstance(widget, Markdown):
        return widget.source
    content = widget.content
    return content.plain if isinstance(content, Content) else str(content)


def lesson_lines(item) -> list[str]:
    """The lines a course-screen lesson draws (title first; status at the end of the first line)."""
    return [line.rstrip() for line in item.render().plain.splitlines()]


def bubble_text(bubble) -> str:
    parts = [text_of(w) for w in bubble.query("Static, Markdown")]
    return "\n".join(parts)


def bubbles(app, kind=None):
    found = list(app.screen.query(".bubble"))
    return [b for b in found if kind is None or isinstance(b, kind)]


def last(app, kind):
    found = bubbles(app, kind)
    assert found, f"no {kind.__name__} in the transcript"
    return found[-1]


async def say(pilot, text: str) -> None:
    """Type into the answer box, key by key, and press Enter."""
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()
