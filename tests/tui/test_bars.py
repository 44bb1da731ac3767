"""The title and key bars: the keys of the screen in view, a click presses one, and lesson text
in a title stays literal."""

from __future__ import annotations

from textual.command import CommandPalette

from tutor.tui.screens.quiz_setup import QuizSetupScreen
from tutor.tui.widgets.bars import KeyBar, TitleBar


def _text(widget) -> str:
    return str(widget.render())


async def test_the_key_bar_shows_the_screen_keys_and_a_click_presses_one(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = _text(bar)
        assert "Start lesson" in line and "Quiz" in line and line.rstrip().endswith("palette")
        start = line.index("Quiz")
        await pilot.click(KeyBar, offset=(start, 0))
        await pilot.pause()
        assert isinstance(app.screen, QuizSetupScreen)
        assert "Start quiz" in _text(app.screen.query_one(KeyBar))


async def test_a_click_on_the_title_opens_the_command_palette(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click(TitleBar)
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_title_is_literal_text(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.title = "[b]x[/b] \x1b]0;pwned\x07"
        await pilot.pause()
        shown = _text(app.screen.query_one(TitleBar))
        assert "[b]x[/b]" in shown and "\x1b" not in shown and "\x07" not in shown
