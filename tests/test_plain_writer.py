"""The plain front end in-process: wrapping, colours, Markdown, EOF, Ctrl+C, overlong lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tutor.grading import Grader
from tutor.loader import load_course
from tutor.plain import (
    MAX_LINE,
    PlainWriter,
    markdown_to_text,
    run_plain_session,
    use_colour,
)
from tutor.session import Session

COURSE = Path(__file__).resolve().parent / "data" / "course"


@pytest.fixture(scope="module")
def course():
    course, problems = load_course([COURSE])
    return course


@pytest.fixture(scope="module")
def grader(course):
    return Grader(course)


class TtyIO(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(course, grader, text, *, lesson="hedging", json_mode=False, width=60, **kw):
    session = Session.learn(course, lesson, grader, **kw)
    out = io.StringIO()
    rc = run_plain_session(session, stdin=io.StringIO(text), stdout=out, json_mode=json_mode, width=width)
    return rc, out.getvalue()


def test_colour_only_on_a_terminal_without_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_colour(TtyIO()) is True
    assert use_colour(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_colour(TtyIO()) is False
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert use_colour(TtyIO()) is False


def test_markdown_is_reduced_to_plain_text():
    assert markdown_to_text("In **1991**, the *ninth-largest*\ncountry.") == "In 1991, the ninth-largest country."
    assert markdown_to_text("# Title\n- one\n- two") == "Title\n- one\n- two"
    assert markdown_to_text("2 * 3 * 4 and [bold]x[/]") == "2 * 3 * 4 and [bold]x[/]"
    # a wrapped list item: the emphasis runs over the line break, never over a blank line
    assert markdown_to_text("- its **military\n  technology** and *its\n  reach*") == (
        "- its military\n  technology and its\n  reach"
    )
    assert markdown_to_text("**a\n\nb**") == "**a\n\nb**"


def test_wrapping_keeps_prefix_and_width():
    out = io.StringIO()
    w = PlainWriter(out, width=40, colour=False)
    w.block("word " * 30, "Tutor: ")
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Tutor: word") and all(line.startswith("       word") for line in lines[1:])
    assert all(len(line) <= 40 for line in lines)


def test_finished_lesson_exit_0_and_question_numbers(course, grader):
    rc, out = run(course, grader, "Tokayev\n2020\n")
    assert rc == 0
    assert "Question 1 of 2: " in out and "Question 2 of 2: " in out
    assert "> Tokayev" in out and "Score: 2 of 2 (100%)" in out


def test_eof_mid_lesson_exit_3(course, grader):
    rc, out = run(course, grader, "Tokayev\n")
    assert rc == 3 and "(ended early)" in out and "Score: 1 of 2 (50%)" in out


def test_ctrl_c_shows_summary_and_returns_130(course, grader):
    class Interrupting(io.StringIO):
        def readline(self, *a):
            raise KeyboardInterrupt

    session = Session.learn(course, "hedging", grader)
    out = io.StringIO()
    rc = run_plain_session(session, stdin=Interrupting(), stdout=out)
    assert rc == 130 and "Summary: Hedging (ended early)" in out.getvalue()


def test_overlong_line_is_one_calm_reply(course, grader):
    text = "x" * (MAX_LINE * 3) + "\nTokayev\n2020\n"
    rc, out = run(course, grader, text, json_mode=True)
    assert rc == 0
    evs = [json.loads(line) for line in out.splitlines()]
    graded = [e for e in evs if e["event"] == "graded"]
    assert graded[0]["verdict"] == "invalid" and graded[0]["tries_left"] == 2
    assert [g["input"] for g in graded[1:]] == ["Tokayev", "2020"]


def test_a_huge_piped_answer_is_echoed_cut_short(course, grader):
    rc, out = run(course, grader, "x" * 100_000 + "\nTokayev\n2020\n")
    assert rc == 0
    echoed = [line for line in out.splitlines() if line.startswith("> x")]
    assert echoed == ["> " + "x" * 300 + "… (more than 4,096 characters)"]
    assert "far longer than any answer" in out


def test_json_mode_writes_only_json(course, grader):
    rc, out = run(course, grader, "help\nhint\nwhat is C5+1?\nPutin\nTokayev\nskip\n", json_mode=True)
    evs = [json.loads(line) for line in out.splitlines()]
    assert [e["event"] for e in evs][:3] == ["start", "teach", "ask"]
    assert evs[-1]["event"] == "finished" and evs[-1]["completed"] is True
    assert rc == 0


def test_pace_prompts_for_enter(course, grader):
    session = Session.learn(course, "hedging", grader, pace=True)
    out = io.StringIO()
    rc = run_plain_session(session, stdin=io.StringIO("\nTokayev\n\n2020\n\n"), stdout=out, width=80)
    text = out.getvalue()
    assert rc == 0 and text.count("(Press Enter to go on.)") == 3
