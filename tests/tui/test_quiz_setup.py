"""The quiz setup ticks what the student has learnt, not every lesson; a quiz leaves lessons as
they were on the course screen."""

from __future__ import annotations

from textual.widgets import Input, SelectionList

from tutor.tui.screens.course import CourseScreen, LessonItem
from tutor.tui.screens.lesson import LessonScreen
from tutor.tui.screens.quiz_setup import QuizSetupScreen

SIZE = (100, 30)


async def _open_setup(pilot) -> QuizSetupScreen:
    await pilot.press("t")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, QuizSetupScreen)
    return screen


async def test_nothing_started_ticks_only_the_selected_lesson(make_app, store):
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")  # select the second lesson
        screen = await _open_setup(pilot)
        assert screen.query_one(SelectionList).selected == ["hedging"]
        assert "one lesson to begin with" in str(screen.query_one("#quiz-why").render())


async def test_started_lessons_are_ticked(make_app, store):
    app = make_app(store=store, start=("learn", "hedging"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # past the teach step
        await pilot.press(*"Tokayev", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        screen = await _open_setup(pilot)
        assert screen.query_one(SelectionList).selected == ["hedging"]
        assert "lessons you have started" in str(screen.query_one("#quiz-why").render())


async def test_a_quiz_does_not_start_a_lesson(make_app, store):
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await _open_setup(pilot)
        screen.query_one(SelectionList).select_all()
        screen.query_one("#quiz-count", Input).focus()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        for _ in range(3):
            await pilot.press(*"Russia", "enter")
            await pilot.pause()
            await pilot.press("f3")  # skip whatever is still open
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        app.back_to_course()
        await pilot.pause()
        assert isinstance(app.screen, CourseScreen)
        rows = [item.row for item in app.screen.query(LessonItem)]
        assert [row.status for row in rows] == ["new", "new"]
        assert all(row.fraction == 0 for row in rows)
