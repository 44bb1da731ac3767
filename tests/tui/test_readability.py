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
