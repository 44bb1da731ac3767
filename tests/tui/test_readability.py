"""What a student trial found hard to read: paragraph breaks, compact rows, resumed context."""

from __future__ import annotations

import textwrap
from pathlib import Path

from textual.widgets import Markdown

from tutor.grading import Grader
from tutor.loader import load_course
from tutor.tui.app import TutorApp
from tutor.tui.widgets.transcript import TeachBubble


def course_from(tmp_path: Path, yaml_text: str):
    folder = tmp_path / "lessons"
    folder.mkdir(exist_ok=True)
    (folder / "lesson.yaml").write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    course, problems = load_course([folder])
    assert not [p for p in problems if p.severity == "error"], problems
    return course


PARAGRAPHS = """\
id: paras
title: Paragraphs
steps:
  - teach: |
      The first paragraph, one line.

      The second paragraph, after a blank line.
      - a list item
      - another

      The last paragraph.
  - id: q
    ask: Which country?
    answer: Russia
"""


async def test_teaching_text_keeps_its_paragraph_breaks(tmp_path):
    course = course_from(tmp_path, PARAGRAPHS)
    app = TutorApp(course, Grader(course), start=("learn", "paras"), settings_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bubble = app.screen.query_one(TeachBubble)
        blocks = list(bubble.query_one(Markdown).children)
        assert len(blocks) == 4
        for above, below in zip(blocks, blocks[1:], strict=False):
            # one blank line between blocks, as in the lesson file
            assert below.region.y == above.region.bottom + 1, (above, below)
        # and none after the last block: the bubble ends with the text
        assert blocks[-1].region.bottom == bubble.content_region.bottom


def many_lessons(tmp_path: Path, n: int = 9):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1, n + 1):
        (folder / f"{i:02d}.yaml").write_text(
            textwrap.dedent(f"""\
            id: lesson-{i}
            title: Lesson number {i} about the neighbours
            summary: A summary long enough to wrap over two or three lines at eighty columns, as the real course's summaries do.
            minutes: 9
            steps:
              - id: q
                ask: Which country?
                answer: Russia
            """),
            encoding="utf-8",
        )
    course, problems = load_course([folder])
    assert not [p for p in problems if p.severity == "error"], problems
    return course


async def test_at_80x24_every_lesson_shows_in_compact_rows(tmp_path, store):
    from tutor.tui.screens.course import LessonItem, LessonList

    course = many_lessons(tmp_path)
    app = TutorApp(course, Grader(course), store=store, settings_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        view = app.screen.query_one(LessonList)
        items = list(app.screen.query(LessonItem))
        assert len(items) == 9 and view.rows == 2
        visible = view.scrollable_content_region
        for item in items:
            assert item.region.height == 2
            assert visible.contains_region(item.region), item.row.lesson.id
        first = [line.rstrip() for line in items[1].render().plain.splitlines()]
        assert first[0].startswith("2. Lesson number 2 about the neighbours")
        assert first[0].endswith("· new")
        assert first[1].startswith("   9 min · A summary long enough") and "…" in first[1]
        assert first[1].endswith("0%")
        # a taller terminal: the selected lesson in full, the others still in two lines
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        assert view.rows == 2 and items[0].highlighted
        assert items[0].region.height > 2
        assert all(item.region.height == 2 for item in items[1:])
        visible = view.scrollable_content_region
        assert all(visible.contains_region(item.region) for item in items)
        # a very short one: one line each
        await pilot.resize_terminal(80, 16)
        await pilot.pause()
        await pilot.pause()
        assert view.rows == 1
        assert all(item.region.height == 1 for item in items)


async def test_the_summary_score_bar_fits_at_80_columns(tmp_path):
    from textual.widgets import ProgressBar

    from tutor.session import Session

    course = many_lessons(tmp_path, 1)
    app = TutorApp(course, Grader(course), settings_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = Session.learn(course, "lesson-1", Grader(course))
        session.start()
        app.show_summary(session.summary())
        await pilot.pause()
        await pilot.pause()
        bar = app.screen.query_one("#summary-bar", ProgressBar)
        score = app.screen.query_one("#summary-score")
        assert bar.region.width >= 10
        assert score.region.right <= bar.region.x
        assert bar.region.right <= app.screen.region.right - 2  # inside the screen's padding
        assert "0%" in str(score.render())


async def test_a_resumed_lesson_shows_the_teaching_before_the_question(make_app, store):
    from tutor.tui.widgets.transcript import AskBubble

    app = make_app(store=store, start=("learn", "neighbours"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # past the teach step
        await pilot.press(*"1991", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        app.open_lesson("neighbours")
        await pilot.pause()
        bubbles = list(app.screen.query(".bubble"))
        kinds = [type(b).__name__ for b in bubbles]
        assert kinds[:3] == ["NoticeBubble", "TeachBubble", "AskBubble"], kinds
        recap = bubbles[1]
        assert recap.has_class("-recap")
        assert "From where you left off" in str(recap.query_one(".meta").render())
        assert "Kazakhstan became independent" in recap.query_one(Markdown).source
        assert "security guarantor" in str(bubbles[2].query_one(".question").render())
        assert isinstance(bubbles[2], AskBubble)


async def test_at_80x24_the_quiz_setup_keeps_its_buttons_in_view(tmp_path):
    from textual.widgets import Button

    course = many_lessons(tmp_path)
    app = TutorApp(course, Grader(course), settings_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        box = app.screen.query_one("#quiz-box").region
        for button in app.screen.query(Button):
            assert box.contains_region(button.region), button.id
        why = app.screen.query_one("#quiz-why")
        assert box.contains_region(why.region)
        assert why.region.height >= 1 and "space ticks" in str(why.render())
