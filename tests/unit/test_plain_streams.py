"""The plain front end when its streams misbehave: output that closes or fills up, odd line breaks."""

from __future__ import annotations

import errno
import io
import json
from pathlib import Path

import pytest

from tutor.grading import Grader
from tutor.json_writer import json_line
from tutor.loader import load_course
from tutor.plain import EXIT_EARLY, run_plain_session
from tutor.session import Session, clean_input

COURSE = Path(__file__).resolve().parents[1] / "data" / "course"


@pytest.fixture(scope="module")
def course_and_grader():
    course, _ = load_course([COURSE])
    return course, Grader(course)


def learn(course_and_grader) -> Session:
    course, grader = course_and_grader
    return Session.learn(course, "neighbours", grader)


class FailingOut(io.StringIO):
    """An output that accepts ``ok`` writes and then fails with ``error``."""

    def __init__(self, ok: int, error: OSError) -> None:
        super().__init__()
        self.ok = ok
        self.error = error

    def write(self, text: str) -> int:
        if self.ok <= 0:
            raise self.error
        self.ok -= 1
        return super().write(text)


@pytest.mark.parametrize("ok", [0, 3, 12])
def test_a_closed_pipe_ends_the_session_early_without_a_traceback(course_and_grader, ok, capsys):
    out = FailingOut(ok, BrokenPipeError(errno.EPIPE, "Broken pipe"))
    code = run_plain_session(
        learn(course_and_grader), stdin=io.StringIO("1991\nRussia\n" * 20), stdout=out
    )
    assert code == EXIT_EARLY
    assert capsys.readouterr().err == ""  # the reader stopped reading: nothing to say


@pytest.mark.parametrize("json_mode", [False, True])
def test_a_full_disk_ends_the_session_early_and_says_why(course_and_grader, json_mode, capsys):
    out = FailingOut(2, OSError(errno.ENOSPC, "No space left on device"))
    code = run_plain_session(
        learn(course_and_grader), stdin=io.StringIO("1991\n"), stdout=out, json_mode=json_mode
    )
    assert code == EXIT_EARLY
    assert "No space left on device" in capsys.readouterr().err


def test_json_events_stay_one_line_each_with_unicode_line_breaks(course_and_grader):
    answers = "1991\u2028Russia\n\x85China\u2029\nRussia\n"
    out = io.StringIO()
    run_plain_session(
        learn(course_and_grader), stdin=io.StringIO(answers), stdout=out, json_mode=True
    )
    lines = out.getvalue().splitlines()  # str.splitlines breaks at U+2028, U+2029 and U+0085 too
    events = [json.loads(line) for line in lines]
    assert [e["input"] for e in events if e["event"] == "graded"][0] == "1991\u2028Russia"
    assert json.loads(json_line({"a": "\u2028\u2029\x85"})) == {"a": "\u2028\u2029\x85"}


def test_unicode_line_breaks_inside_an_answer_read_as_spaces():
    assert clean_input("Mongolia\u2028North\x85Korea\u2029") == "Mongolia North Korea"
