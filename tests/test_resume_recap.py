"""Coming back mid-lesson: the question is shown after the teaching it rests on."""

from __future__ import annotations

from pathlib import Path

from support import tutor

from tutor.grading import Grader
from tutor.loader import load_course
from tutor.messages import Ask, Teach
from tutor.session import Session

COURSE_DIR = Path(__file__).resolve().parent / "data" / "course"
COURSE, _ = load_course([COURSE_DIR])
LESSON = COURSE.lesson("neighbours")


def _index(step_id: str) -> int:
    return next(i for i, s in enumerate(LESSON.steps) if getattr(s, "id", None) == step_id)


def test_a_resumed_question_comes_after_the_last_teach_step_before_it():
    start_at = _index("guarantor")  # the second question, after the first teach step
    session = Session.learn(COURSE, "neighbours", Grader(COURSE), start_at=start_at)
    first, second, *_ = session.start()
    assert isinstance(first, Teach) and first.recap
    assert first.step_index == 0 and first.text == LESSON.steps[0].text
    assert isinstance(second, Ask) and second.question.id == "guarantor"
    assert session.start() == []  # said once


def test_the_nearest_teach_step_is_recalled():
    later_teach = max(i for i, s in enumerate(LESSON.steps) if not hasattr(s, "ask"))
    after = next(i for i in range(later_teach + 1, len(LESSON.steps)))
    session = Session.learn(COURSE, "neighbours", Grader(COURSE), start_at=after)
    first = session.start()[0]
    assert isinstance(first, Teach) and first.recap and first.step_index == later_teach


def test_no_recap_from_the_start_or_at_a_teach_step():
    fresh = Session.learn(COURSE, "neighbours", Grader(COURSE)).start()
    assert not any(isinstance(m, Teach) and m.recap for m in fresh)
    later_teach = max(i for i, s in enumerate(LESSON.steps) if not hasattr(s, "ask"))
    at_teach = Session.learn(COURSE, "neighbours", Grader(COURSE), start_at=later_teach).start()
    assert isinstance(at_teach[0], Teach) and not at_teach[0].recap


def test_plain_mode_shows_it_as_from_where_you_left_off(tmp_path):
    assert tutor("learn", "neighbours", "--plain", stdin="1991\n", data_dir=tmp_path).returncode == 3
    r = tutor("learn", "neighbours", "--plain", stdin="", data_dir=tmp_path)
    out = r.stdout
    assert "From where you left off:" in out
    recap = out.index("From where you left off:")
    assert out.index("Tutor: Kazakhstan became independent in 1991", recap) < out.index(
        "Question 2 of 6", recap
    )
