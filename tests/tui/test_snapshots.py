"""Snapshot tests at 80x24 with the cursor blink off (textual is pinned exactly: see docs/architecture.md, "Facts the design relies on").

Update after a deliberate change with ``pytest tests/tui --snapshot-update`` and look at the
report before committing.
"""

from __future__ import annotations

from textual.widgets import Input

SIZE = (80, 24)


async def _still(pilot) -> None:
    """No blinking cursor, nothing pending."""
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


async def _type(pilot, text: str) -> None:
    await pilot.press(*text, "enter")
    await pilot.pause()


def test_course_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_still)


def test_help_screen(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await pilot.press("f1")
        await pilot.pause()
        await _still(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_question_with_typo_feedback(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("enter")  # past the teach step
        await _type(pilot, "1991")
        await pilot.press("enter")
        await _type(pilot, "Rusia")
        await _still(pilot)

    app = make_app(start=("learn", "neighbours"))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_summary_screen(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("enter")
        await _type(pilot, "Tokaev")
        await pilot.press("enter")
        await _type(pilot, "2019")
        await _type(pilot, "2021")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await _still(pilot)

    app = make_app(start=("learn", "hedging"))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
