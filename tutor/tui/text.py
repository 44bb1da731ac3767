"""Literal text for widgets: lesson and student words are shown as typed, never parsed as markup."""

from __future__ import annotations

from textual.content import Content


def plain(text: str) -> Content:
    """Literal text for a Static/Label: never parsed as markup."""
    return Content(text)
