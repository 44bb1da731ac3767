"""An open question in the full-screen app: the expected form under the question, the points
made in the feedback, the follow-up question, and a second try that completes the explanation."""

from __future__ import annotations

from pathlib import Path

from pilot import SIZE, bubble_text, last, say

from tutor.grading import Grader
from tutor.loader import load_course
from tutor.tui.app import TutorApp
from tutor.tui.screens.lesson import LessonScreen
from tutor.tui.widgets.transcript import AskBubble, FeedbackBubble

OPEN_DIR = Path(__file__).resolve().parents[1] / "data" / "open"


async def test_an_explanation_over_two_tries() -> None:
    course, _ = load_course([OPEN_DIR])
    app = TutorApp(course, Grader(course), settings_path=None, start=("learn", "ice"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("enter")  # past the teaching
        await pilot.pause()
        ask = bubble_text(last(app, AskBubble))
        assert "Why does ice float" in ask and "Explain in your own words" in ask
        await say(pilot, "Ice is less dense than water.")
        fb = last(app, FeedbackBubble)
        assert fb.verdict == "partial"
        text = bubble_text(fb)
        assert "Ice is less dense than liquid water." in text  # the point made, in its words
        assert "finish this thought" in text and "expands" not in text  # asked, not told
        await say(pilot, "Water expands when it freezes.")
        fb = last(app, FeedbackBubble)
        assert fb.verdict == "correct"
        assert "Water expands when it freezes." in bubble_text(fb)
