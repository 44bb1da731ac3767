"""The full-screen app with hostile lesson text (issue 15, items 1 and 2): the command palette
never parses a summary as markup, and no widget holds a control character a terminal would obey.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from textual.command import CommandPalette
from textual.content import Content
from textual.widgets import Label, Markdown, OptionList, Static

from tutor.grading import Grader
from tutor.model import Course
from tutor.tui.app import TutorApp
from tutor.tui.commands import _help
from tutor.tui.screens.lesson import LessonScreen

SIZE = (100, 30)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
EVIL = "\x1b[2J\x1b]0;pwned\x07\x9b31m"
SUMMARIES = ("[Link=http://x]y", "[ @click=app.quit]X[/]")


def _course(course: Course, *, poison: bool) -> Course:
    lessons = []
    for lesson, summary in zip(course.lessons, SUMMARIES, strict=True):
        changes = {"summary": summary}
        if poison:
            changes["title"] = lesson.title + EVIL
            changes["steps"] = tuple(
                dataclasses.replace(step, text=step.text + EVIL)
                if hasattr(step, "text")
                else dataclasses.replace(
                    step,
                    ask=step.ask + EVIL,
                    hints=tuple(h + EVIL for h in step.hints),
                    explain=(step.explain or "") + EVIL,
                )
                for step in lesson.steps
            )
        lessons.append(dataclasses.replace(lesson, **changes))
    return Course(tuple(lessons))


def _shown(app) -> list[str]:
    texts = []
    for widget in app.screen.query("Static, Label, Markdown"):
        if isinstance(widget, Markdown):
            texts.append(widget.source)
        elif isinstance(widget, Static | Label):
            content = widget.content
            texts.append(content.plain if isinstance(content, Content) else str(content))
    return texts


def test_palette_help_is_literal_content() -> None:
    for summary in SUMMARIES:
        help_ = _help(summary)
        assert isinstance(help_, Content)
        assert help_.plain == summary
        assert not help_.spans  # no style, no link, no @click action


@pytest.mark.parametrize("poison", [False, True])
async def test_palette_shows_markup_in_summaries_literally(course, poison) -> None:
    hostile = _course(course, poison=poison)
    app = TutorApp(hostile, Grader(hostile), settings_path=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Lesson")
        await pilot.pause(0.5)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        shown = "\n".join(prompts)
        for summary in SUMMARIES:
            assert summary in shown
        assert not CONTROL.search(shown)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_no_widget_holds_a_control_character(course) -> None:
    hostile = _course(course, poison=True)
    app = TutorApp(hostile, Grader(hostile), settings_path=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not any(CONTROL.search(t) for t in _shown(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        for typed in ("1992", "f2", "1990", "1989", "what is SCO?", "China"):
            if typed.startswith("f"):
                await pilot.press(typed)
            else:
                await pilot.press(*typed, "enter")
            await pilot.pause()
        texts = _shown(app)
        assert any("␛[2J" in t for t in texts)  # shown visibly
        assert not any(CONTROL.search(t) for t in texts)
