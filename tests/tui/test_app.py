"""Pilot tests: the fixture course played through the Textual app, as a student would."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from pilot import SIZE, bubble_text, last, lesson_lines, say, text_of
from textual.widgets import Input, Markdown, Static

from tutor.tui.screens.course import CourseScreen, LessonItem
from tutor.tui.screens.help import HelpScreen
from tutor.tui.screens.lesson import LessonScreen
from tutor.tui.screens.quiz_setup import QuizSetupScreen
from tutor.tui.screens.summary import SummaryScreen
from tutor.tui.widgets.transcript import (
    AskBubble,
    FeedbackBubble,
    HintBubble,
    InfoBubble,
    StudentBubble,
    TeachBubble,
)

# -- the course screen ---------------------------------------------------------------------------


async def test_course_screen_lists_lessons_and_selects_the_first(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CourseScreen)
        items = list(app.screen.query(LessonItem))
        assert [i.row.lesson.id for i in items] == ["neighbours", "hedging"]
        assert app.screen.selected_lesson_id() == "neighbours"
        titles = [lesson_lines(item)[0] for item in items]
        assert titles == ["1. Between two giants", "2. Hedging"]
        # No store: no review, and no progress column.
        assert app.screen.query_one("#course-review").display is False


async def test_q_quits_from_the_course_screen(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# -- the whole fixture lesson --------------------------------------------------------------------


async def test_play_the_fixture_lesson_through_the_ui(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "up", "enter")  # the first lesson
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        assert screen.focused is screen.query_one("#answer", Input)
        assert "1991" in bubble_text(last(app, TeachBubble))
        assert screen.session.awaiting == "continue"

        # Enter on an empty line moves on to the first question.
        await pilot.press("enter")
        await pilot.pause()
        assert "Soviet Union collapse" in bubble_text(last(app, AskBubble))

        # Right.
        await say(pilot, "1991")
        fb = last(app, FeedbackBubble)
        assert fb.verdict == "correct"
        assert "✓ Correct" in text_of(fb.query_one(".verdict"))
        assert bubble_text(last(app, StudentBubble)) == "1991"
        await pilot.press("enter")
        await pilot.pause()

        # A typo: accepted, and the right spelling is shown.
        assert "security guarantor" in bubble_text(last(app, AskBubble))
        await say(pilot, "Rusia")
        fb = last(app, FeedbackBubble)
        assert fb.verdict == "typo"
        assert "≈ Accepted" in text_of(fb.query_one(".verdict"))
        assert "Russia" in bubble_text(fb)
        await pilot.press("enter")
        await pilot.pause()

        # A glossary question, a hint (key), then wrong and right.
        assert "border both Russia and China" in bubble_text(last(app, AskBubble))
        await say(pilot, "what is the SCO?")
        info = last(app, InfoBubble)
        assert "Shanghai Cooperation Organisation" in bubble_text(info)
        await pilot.press("f2")
        await pilot.pause()
        assert last(app, HintBubble).message.number == 1
        assert bubble_text(last(app, StudentBubble)) == "hint"
        await say(pilot, "Mongolia and South Korea")
        fb = last(app, FeedbackBubble)
        assert fb.verdict in ("partial", "wrong", "close")
        assert not fb.message.final
        await say(pilot, "Mongolia and North Korea")
        fb = last(app, FeedbackBubble)
        assert fb.verdict == "correct"
        assert screen.session.awaiting == "continue"
        await pilot.press("enter")
        await pilot.pause()

        # The teach step with markup in it shows literally.
        teach = bubble_text(last(app, TeachBubble))
        assert "[bold]this[/]" in teach
        assert "[@click=app.quit]this link[/]" in teach
        await pilot.click(last(app, TeachBubble), offset=(40, 1))  # where the "link" would be
        await pilot.pause()
        assert app.is_running
        await pilot.press("enter")
        await pilot.pause()
        ask = last(app, AskBubble)
        assert "[bold]not markup[/]" in bubble_text(ask)
        options = [text_of(w) for w in ask.query(".option-text")]
        assert options == ["Security guarantor", "Economic networks", "Neither"]
        assert [text_of(w) for w in ask.query(".letter")] == ["A.", "B.", "C."]

        # Student text with markup in it is literal too, and a link in it does nothing.
        await say(pilot, "[@click=app.quit]quit[/]")
        student = last(app, StudentBubble)
        assert text_of(student.query_one(Static)) == "[@click=app.quit]quit[/]"
        await pilot.click(student.query_one(Static))
        await pilot.pause()
        assert app.is_running
        await say(pilot, "B")
        assert last(app, FeedbackBubble).verdict == "correct"
        await pilot.press("enter")
        await pilot.pause()

        # Skip with the key.
        assert "Chinese side" in bubble_text(last(app, AskBubble))
        await pilot.press("f3")
        await pilot.pause()
        assert last(app, InfoBubble).message.kind == "skip"
        await pilot.press("enter")
        await pilot.pause()

        # The last question, then the summary.
        await say(pilot, "false")
        assert last(app, FeedbackBubble).verdict == "correct"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.summary is not None
        done, total = screen.session.progress
        assert done == total
        await pilot.press("enter")
        await pilot.pause()

        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        results = {r.question_id: r.result for r in summary.summary.results}
        assert results["frameworks"] == "skipped"
        assert results["guarantor"] == "typo"
        missed = [text_of(w) for w in summary.query(".missed .missed-ask")]
        assert "Which of these are led from the Chinese side?" in missed
        answers = [text_of(w) for w in summary.query(".missed .answer")]
        assert any("A, C" in a or "Shanghai" in a for a in answers), answers
        assert not summary.query_one("#next").disabled  # the next lesson exists

        # Back to the course.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CourseScreen)
        assert app.is_running


async def test_summary_actions_retry_missed_and_next_lesson(make_app):
    app = make_app(start=("learn", "hedging"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("enter")  # past the teach step
        await pilot.pause()
        await say(pilot, "Tokayev")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f3")  # skip the year
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.query_one("#next").disabled  # hedging is the last lesson
        await pilot.press("r")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, LessonScreen)
        assert review.session.mode == "review"
        assert "Pompeo" in bubble_text(last(app, AskBubble))
        assert len(app.screen_stack) == 2  # course + review: nothing piles up


async def test_next_lesson_from_the_summary(make_app):
    app = make_app(start=("learn", "neighbours"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await say(pilot, "quit")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.heading == "Hedging"


# -- leaving, help, quiz, palette ----------------------------------------------------------------


async def test_the_open_question_stays_in_view_when_the_terminal_shrinks(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")  # the first lesson, past its teach step
        await pilot.pause()
        for text in ["[bold]x[/]", "[/]", "[@click=app.quit]x[/]", "[link=https://x]y[/link]"]:
            await say(pilot, text)  # markup typed as an answer: shown literally, never acted on
            assert bubble_text(last(app, StudentBubble)) == text
        await pilot.resize_terminal(40, 15)
        await pilot.pause()
        transcript = app.screen.query_one("#transcript")
        assert transcript.max_scroll_y > 0
        assert transcript.scroll_y == transcript.max_scroll_y
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert transcript.scroll_y == transcript.max_scroll_y


async def test_escape_mid_lesson_goes_back_without_asking(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await say(pilot, "1990")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CourseScreen)
        assert len(app.screen_stack) == 1


async def test_help_from_a_lesson_keeps_the_answer_box(make_app):
    app = make_app(start=("learn", "neighbours"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-text", Markdown).source
        assert "Small typos are accepted" in text and "Lists" in text and "Numbers" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.focused is app.screen.query_one("#answer", Input)
        # Typed '?' and 'q' are text in a lesson, not keys.
        await pilot.press("q", "?")
        assert app.screen.query_one("#answer", Input).value == "q?"
        assert isinstance(app.screen, LessonScreen)


async def test_help_from_the_course_with_question_mark(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, CourseScreen)


async def test_quiz_from_the_course_screen(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, QuizSetupScreen)
        app.screen.query_one("#quiz-count", Input).focus()
        await pilot.press("2", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        assert screen.session.mode == "quiz"
        assert screen.session.possible == 2


async def test_quiz_setup_cancel(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CourseScreen)


async def test_start_options_open_quiz_and_review(make_app):
    app = make_app(start=("quiz", {"lesson_ids": ["hedging"], "count": None, "seed": 1}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.session.mode == "quiz"
        assert app.screen.session.possible == 2
    app = make_app(start=("review", [("neighbours", "guarantor")]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.session.mode == "review"
        assert "security guarantor" in bubble_text(last(app, AskBubble))


async def test_palette_jumps_to_a_lesson(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Hedging")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.heading == "Hedging"


# -- start-up: only what the course screen needs ------------------------------------------------


async def test_the_grader_is_built_once_on_the_first_answer(course, grader, monkeypatch):
    """The course screen and the first question never wait for the grader: the commands hand
    the app a ``LazyGrader``, which builds the course's grader when the first answer comes."""
    import tutor.grading
    from tutor.commands.common import LazyGrader
    from tutor.tui.app import TutorApp

    calls = []

    def build(c):
        calls.append(c)
        return grader

    monkeypatch.setattr(tutor.grading, "Grader", build)
    app = TutorApp(course, LazyGrader(course), settings_path=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert calls == []  # neither the course screen nor the first question needs it
        await pilot.press(*"Russia", "enter")
        await pilot.pause()
        await pilot.press(*"China", "enter")
        await pilot.pause()
        assert calls == [course]


def test_the_app_module_leaves_lesson_screens_and_markdown_for_later():
    script = (
        "import sys, tutor.tui.app\n"
        "late = ['textual.widgets._markdown', 'tutor.tui.widgets.transcript',\n"
        "        'tutor.tui.screens.lesson', 'tutor.tui.screens.help', 'tutor.grading']\n"
        "print([name for name in late if name in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


# -- progress from the store ---------------------------------------------------------------------


async def test_progress_resume_and_review_with_a_store(make_app, store, clock):
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "new" in lesson_lines(app.screen.query(LessonItem).first())[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await say(pilot, "1990")
        await say(pilot, "1989")
        await say(pilot, "1988")  # out of tries: revealed, and due for review soon
        await pilot.press("enter")
        await pilot.pause()
        clock.advance(days=2)
        await pilot.press("escape")
        await pilot.pause()
        course_screen = app.screen
        assert isinstance(course_screen, CourseScreen)
        status = lesson_lines(course_screen.query(LessonItem).first())[0]
        assert "in progress" in status
        assert course_screen.selected_lesson_id() == "neighbours"
        assert "due for review" in text_of(course_screen.query_one("#course-review"))

        # Start again: the place is kept.
        await pilot.press("enter")
        await pilot.pause()
        assert "security guarantor" in bubble_text(last(app, AskBubble))
        # The resumed lesson is scored as a whole: the revealed first question counts, at 0.
        assert (app.screen.session.earned, app.screen.session.possible) == (0, 6)
        assert app.screen.session.summary().results[0].result == "wrong"
        await pilot.press("escape")
        await pilot.pause()

        # Review what is due.
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.session.mode == "review"
        assert "Soviet Union collapse" in bubble_text(last(app, AskBubble))


async def test_theme_is_remembered(make_app, tmp_path):
    settings_path = tmp_path / "tui-settings.json"
    app = make_app(settings_path=settings_path)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert json.loads(settings_path.read_text())["theme"] == "nord"
    app = make_app(settings_path=settings_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
    # A damaged settings file is ignored, not fatal.
    settings_path.write_text("{not json")
    app = make_app(settings_path=settings_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"


# -- terminal hygiene ----------------------------------------------------------------------------


def test_sigterm_exits_through_textual(tmp_path: Path):
    """SIGTERM ends the app through its exit path (so a real terminal would be restored)."""
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from tutor.grading import Grader
        from tutor.loader import load_course
        from tutor.tui.app import TutorApp

        course, _ = load_course([Path({str(Path(__file__).parents[1] / "data" / "course")!r})])
        app = TutorApp(course, Grader(course), settings_path=None)

        def later():
            os.kill(os.getpid(), signal.SIGTERM)

        app.call_later(lambda: app.set_timer(0.3, later))
        app.run(headless=True)
        print("exited cleanly", app.return_code)
        raise SystemExit(app.return_code)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert "exited cleanly" in done.stdout, done.stderr
    assert done.returncode == 128 + 15  # the conventional code for "ended by SIGTERM"


async def test_the_class_store_sender_speaks_as_a_notification_from_its_thread(make_app):
    """The sender runs on its own thread: its calm message becomes a notification, not text
    scribbled over the screen, and stderr is the channel again once the app has gone."""
    import threading

    from tutor.classroom import notices

    app = make_app()
    async with app.run_test() as pilot:
        said = threading.Thread(target=notices.say, args=("3 answers waiting to be sent",))
        said.start()
        said.join()
        await pilot.pause()
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["3 answers waiting to be sent"]
    assert notices.listen(None) is None
