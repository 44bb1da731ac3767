"""Screens of the Textual app: course, lesson, summary, help and quiz setup."""

from __future__ import annotations

from pathlib import Path


def screen_css(name: str) -> str:
    """The look of one screen, from ``NAME.tcss`` beside it: given as the screen's DEFAULT_CSS,
    it is parsed when the screen first opens (the app's CSS, parsed at start-up, holds only what
    the first screen needs)."""
    return (Path(__file__).parent / f"{name}.tcss").read_text(encoding="utf-8")
