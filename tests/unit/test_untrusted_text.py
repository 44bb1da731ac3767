"""Untrusted text never drives the terminal (issue 15, items 1, 11, 12).

Two layers, each tested on its own: the loader refuses control characters in lesson text
(file:line:col), and every writer neutralises them even when a lesson built in memory (so past the
loader) holds them: plain text, JSON lines, ``tutor check``, ``stats``, ``try`` and the listing.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import sqlite3
import textwrap
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.grading import Grader
from tutor.loader import load_course, load_lesson
from tutor.model import Course
from tutor.plain import run_plain_session
from tutor.safetext import clean_name, json_text, one_line, printable
from tutor.session import Session
from tutor.store import Store

COURSE = Path(__file__).resolve().parents[1] / "data" / "course"

# Clear the screen, set the window title, write the clipboard (OSC 52), a C1 CSI, DEL, CR.
EVIL = "\x1b[2J\x1b]0;pwned\x07\x1b]52;c;aGk=\x07\x9b31m\x7f\r\x08"
# Anything a terminal may obey: C0 but newline and tab, DEL, C1.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The same, for a JSON line: only its final newline may remain.
ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")

# Fields that name or locate things rather than show text.
_NOT_SHOWN = {"id", "path", "file", "source", "type", "term"}


def _poison(value, field_name=""):
    """Every text a student is shown, with EVIL spliced in (as if the loader had let it pass)."""
    if isinstance(value, str):
        return value if field_name in _NOT_SHOWN or not value else f"{value}{EVIL}"
    if isinstance(value, tuple):
        return tuple(_poison(v, field_name) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _poison(getattr(value, f.name), f.name)
            for f in dataclasses.fields(value)
            if f.init and not f.name.startswith("_")
        }
        return dataclasses.replace(value, **changes)
    return value


@pytest.fixture(scope="module")
def hostile() -> Course:
    course, _ = load_course([COURSE])
    return Course(tuple(_poison(lesson) for lesson in course.lessons))


ANSWERS = "\n".join(
    [
        "1992", "hint", "1990", "1989",  # a number, wrong to the end: the answer is shown
        "what is SCO?", "help", "China", "hint", "hint", "skip",
        "Mongolia", "why", "B", "A, C", "false", "quit",
    ]
) + "\n"


def _play(course: Course, *, json_mode: bool, colour: bool = False) -> str:
    session = Session.learn(course, "neighbours", Grader(course))
    out = io.StringIO()
    run_plain_session(
        session, stdin=io.StringIO(ANSWERS), stdout=out, json_mode=json_mode, colour=colour
    )
    return out.getvalue()


# -- the loader: refuse, with file:line:col ----------------------------------------------------

LESSON = """\
id: sample
title: {title}
summary: {summary}
glossary:
  SCO: {glossary}
steps:
  - teach: {teach}
  - id: q1
    ask: {ask}
    type: choice
    options: [{option}, Other]
    answer: B
    wrong:
      A: {wrong}
    hints: [{hint}]
    explain: {explain}
"""
FIELDS = ("title", "summary", "glossary", "teach", "ask", "option", "wrong", "hint", "explain")


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("escape", [r"\e[2J", r"\e]0;title\a", r"\e]52;c;aGk=\a", r"\x9b2J", r"\r"])
def test_loader_refuses_an_escape_in_any_text(tmp_path: Path, field: str, escape: str) -> None:
    values = {f: f"Plain {f}" for f in FIELDS}
    values[field] = f'"Bad {field}{escape} here"'
    path = tmp_path / "lesson.yaml"
    text = LESSON.format(**values)
    path.write_text(text, encoding="utf-8")
    lesson, problems = load_lesson(path)
    assert lesson is None
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1, errors
    line = next(n for n, row in enumerate(text.splitlines(), 1) if f"Bad {field}" in row)
    column = text.splitlines()[line - 1].index('"Bad') + 1
    assert (errors[0].line, errors[0].column) == (line, column)
    assert "control character" in errors[0].message
    assert not CONTROL.search(str(errors[0]))


def test_loader_keeps_line_breaks_and_tabs(tmp_path: Path) -> None:
    values = {f: f"Plain {f}" for f in FIELDS}
    values["teach"] = '"One\\n\\tTwo"'
    path = tmp_path / "lesson.yaml"
    path.write_text(LESSON.format(**values), encoding="utf-8")
    lesson, problems = load_lesson(path)
    assert lesson is not None, problems
    assert lesson.steps[0].text == "One\n\tTwo"


def test_check_prints_no_control_character(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "evil\x1b]0;title\x07"
    folder.mkdir()
    values = {f: f"Plain {f}" for f in FIELDS}
    values["title"] = '"T\\e[2J"'
    (folder / "x\x1b[2J.yaml").write_text(LESSON.format(**values), encoding="utf-8")
    assert main(["check", str(folder)]) == 1
    assert main(["check", "--format", "json", str(folder)]) == 1
    assert main(["check", str(folder / "missing\x1b[2J")]) == 2
    out, err = capsys.readouterr()
    assert "control character" in out
    assert not CONTROL.search(out) and not CONTROL.search(err)


# -- every writer on its own -------------------------------------------------------------------


def test_plain_writer_neutralises_lesson_text(hostile: Course) -> None:
    out = _play(hostile, json_mode=False)
    assert "Question" in out and "␛[2J" in out  # shown, visibly, not obeyed
    assert not CONTROL.search(out)


def test_plain_writer_in_colour_writes_only_its_own_colours(hostile: Course) -> None:
    out = _play(hostile, json_mode=False, colour=True)
    assert "\x1b[1m" in out
    assert not CONTROL.search(re.sub(r"\x1b\[[0-9;]*m", "", out))


def test_json_writer_escapes_every_control_character(hostile: Course) -> None:
    out = _play(hostile, json_mode=True)
    lines = out.splitlines()
    assert len(lines) > 10
    assert not ANY_CONTROL.search(out.replace("\n", ""))
    events = [json.loads(line) for line in lines]
    assert any(EVIL in str(e.get("text", "")) for e in events)  # escaped, not lost


def test_json_text_escapes_what_json_leaves_raw() -> None:
    text = "a\x7fb\x85c\x9bd\u2028e\u2029f\x1b"
    line = json_text({"t": text})
    assert not ANY_CONTROL.search(line) and "\u2028" not in line
    assert json.loads(line) == {"t": text}


def test_printable_and_one_line() -> None:
    assert printable("a\x1b[2Jb\n\tc\x9b") == "a␛[2Jb\n\tc\ufffd"
    assert one_line("a\nb\tc\x07") == "a b c␇"
    assert one_line("x" * 10, limit=5) == "xxxx…"


# -- names and the command line (items 11, 12) -------------------------------------------------


def test_student_names_are_cleaned_and_bounded() -> None:
    assert clean_name("\x1b]0;X\x07Ann\x1b[2J  Lee\n") == "Ann Lee"
    assert clean_name("\x1b]0;X\x07") == ""
    assert len(clean_name("a" * 10_000)) == 100


def test_stats_and_listing_never_print_a_stored_name_raw(tmp_path: Path, capsys) -> None:
    Store.open(tmp_path, "ann").close()
    # A name written by another program (or an older tutor) straight into the file.
    conn = sqlite3.connect(tmp_path / "progress.sqlite3")
    with conn:
        conn.execute(
            "INSERT INTO attempts (at, student, lesson_id, question_id, text, verdict, credit,"
            " try_no, hints_used, final, awarded, mode) VALUES"
            " ('2026-01-01T00:00:00.000000Z', ?, 'neighbours', 'guarantor', ?, 'wrong', 0, 1,"
            " 0, 1, 0, 'learn')",
            ("ann", "Rus\x1b[2Jsia"),
        )
        conn.execute(
            "UPDATE attempts SET student = 'eve\x1b]0;X\x07' WHERE id = ("
            " SELECT id FROM attempts ORDER BY id LIMIT 1)"
        )
        conn.execute(
            "INSERT INTO attempts (at, student, lesson_id, question_id, text, verdict, credit,"
            " try_no, hints_used, final, awarded, mode) SELECT at, 'ann', lesson_id, question_id,"
            " text, verdict, credit, try_no, hints_used, final, awarded, mode FROM attempts"
        )
    conn.close()
    capsys.readouterr()
    runs = (
        ["stats"], ["stats", "--json"], ["export"], ["export", "--format", "json"],
        ["export", "--all-students"],
    )
    for args in runs:
        code = main(["--lessons", str(COURSE), "--data-dir", str(tmp_path), "--student", "ann", *args])
        assert code == 0, args
    out, err = capsys.readouterr()
    assert "Rus␛[2Jsia" in out and "eve␛]0;X␇" in out
    assert not CONTROL.search(out) and not CONTROL.search(err)


def test_a_hostile_student_name_is_refused_or_cleaned(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--data-dir", str(tmp_path), "--student", "\x1b]0;X\x07", "stats"])
    assert stop.value.code == 2
    assert main(["--data-dir", str(tmp_path), "--student", "\x1b]0;X\x07Zoe", "stats"]) == 0
    out, err = capsys.readouterr()
    assert "Progress of Zoe " in out
    assert not CONTROL.search(out) and not CONTROL.search(err)


def test_tutor_names_in_the_environment_are_cleaned(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("TUTOR_STUDENT", "\x1b[2JBob")
    assert main(["--data-dir", str(tmp_path), "stats"]) == 0
    out, _ = capsys.readouterr()
    assert "Progress of Bob " in out and not CONTROL.search(out)


@pytest.mark.parametrize(
    "args",
    [
        ["--data-dir", "", "stats"],
        ["stats", "--data-dir", " "],
        ["--lessons", "", "check"],
        ["export", "--since", ""],
    ],
)
def test_empty_folder_and_date_options_are_refused(args: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    assert "the value is empty" in capsys.readouterr().err


def test_argparse_echoes_the_command_line_visibly(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["stats", "\x1b[2J\x1b]0;t\x07"])
    err = capsys.readouterr().err
    assert "unrecognized arguments" in err and not CONTROL.search(err)


def test_try_grades_what_a_session_grades(capsys) -> None:
    lesson = str(COURSE / "01-neighbours.yaml")
    typed = "Rus\x1b[31msia\x07"
    assert main(["try", lesson, "guarantor", typed]) == 0
    out = capsys.readouterr().out
    assert not CONTROL.search(out)
    assert re.search(r"^verdict +correct", out, re.MULTILINE), out
    assert main(["try", "--json", lesson, "guarantor", typed]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answer"] == "Russia" and data["verdict"] == "correct"
    course, _ = load_course([COURSE])
    session = Session.learn(course, "neighbours", Grader(course))
    session.start()
    session.submit("1991")
    replies = session.submit(typed)
    assert any(getattr(m, "grade", None) and m.grade.verdict.value == "correct" for m in replies)


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_end_of_input_after_a_partly_typed_answer_ends_the_line() -> None:
    course, _ = load_course([COURSE])
    session = Session.learn(course, "neighbours", Grader(course))
    stdin, stdout = _Tty("199"), _Tty()
    run_plain_session(session, stdin=stdin, stdout=stdout, colour=False)
    out = stdout.getvalue()
    # The student's "199" is on the terminal after the prompt; the reply starts on a new line.
    prompt_at = out.index("> ")
    assert out[prompt_at:].startswith("> \n"), out[prompt_at : prompt_at + 40]


def test_summary_text_from_sources_is_cleaned_in_listings(tmp_path: Path, capsys) -> None:
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    (lessons / "a.yaml").write_text(
        textwrap.dedent(
            """\
            id: a
            title: A
            summary: "[Link=http://x]y [ @click=app.quit]X[/]"
            steps:
              - teach: Hello.
            """
        ),
        encoding="utf-8",
    )
    assert main(["--lessons", str(lessons), "--data-dir", str(tmp_path), "--plain"]) == 0
    out = capsys.readouterr().out
    assert "[Link=http://x]y [ @click=app.quit]X[/]" in out
