"""A course of one's own: course.yaml (title, description, lesson order, course-wide synonyms)
shown by `tutor`, `tutor --help` and the app; `tutor new` and `tutor schema`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.commands.home import print_course
from tutor.kinds import kinds as all_kinds
from tutor.loader import load_course

DATA = Path(__file__).resolve().parents[1] / "data" / "loader"
GOOD, BAD = DATA / "course-file", DATA / "course-file-bad"


def test_the_course_file_gives_title_description_order_and_synonyms():
    course, problems = load_course([GOOD])
    assert (course.title, course.description) == ("Volcanoes", "Fire and rock, in two lessons.")
    assert [lesson.id for lesson in course.lessons] == ["second", "first"]
    assert [(s.word, s.others) for s in course.synonyms] == [("volcano", ("volcanic mountain",))]
    assert [str(p) for p in problems] == [
        f"{GOOD / 'course.yaml'}:3:19: warning: 'lessons' lists 'nowhere', which no lesson has"
    ]


def test_a_broken_course_file_is_reported_and_the_lessons_still_load():
    course, problems = load_course([BAD])
    assert [lesson.id for lesson in course.lessons] == ["first"] and course.title is None
    path = BAD / "course.yaml"
    assert [str(p) for p in problems] == [
        f"{path}:1:1: error: unknown key 'titel' in the course file (did you mean 'title'?)",
        f"{path}:2:10: error: 'lessons' is a list of lesson ids, in the order they are taught",
        f"{path}:3:11: error: 'synonyms' must be a mapping (key: value lines), not a list",
    ]


def test_each_folder_s_course_file_is_checked_and_only_the_first_is_used():
    course, problems = load_course([GOOD, BAD])
    assert course.title == "Volcanoes"
    bad = BAD / "course.yaml"
    assert [str(p) for p in problems if p.path == str(bad)] == [
        f"{bad}:1:1: error: unknown key 'titel' in the course file (did you mean 'title'?)",
        f"{bad}:1:1: warning: this course file is not used: the course's order and title come "
        f"from {GOOD / 'course.yaml'}, the first folder's",
        f"{bad}:2:10: error: 'lessons' is a list of lesson ids, in the order they are taught",
        f"{bad}:3:11: error: 'synonyms' must be a mapping (key: value lines), not a list",
    ]


def test_the_course_file_is_never_read_as_a_lesson(capsys):
    assert main(["check", str(GOOD)]) == 0
    out = capsys.readouterr().out
    assert "not a lesson file" not in out and out.endswith("2 lessons, 2 questions: 0 errors, 1 warning\n")


def test_the_listing_and_help_name_the_course(capsys, tmp_path: Path):
    course, _ = load_course([GOOD])
    print_course(course, None, sys.stdout)
    assert capsys.readouterr().out.startswith("Volcanoes\nFire and rock, in two lessons.\n\n")
    with pytest.raises(SystemExit):
        main(["--lessons", str(GOOD), "--help"])
    assert "A patient terminal tutor: Volcanoes." in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lessons", str(tmp_path), "--help"])
    assert "A patient terminal tutor for the lessons of a course folder." in capsys.readouterr().out


def test_the_app_header_shows_the_course_title():
    from tutor.tui.app import TutorApp

    course, _ = load_course([GOOD])
    assert TutorApp(course, None).sub_title == "Volcanoes"
    assert TutorApp(load_course([BAD])[0], None).sub_title == ""


def test_new_writes_a_lesson_of_every_kind_that_passes_strict(tmp_path: Path, capsys):
    folder = tmp_path / "my course"
    assert main(["new", "volcanoes", "--dir", str(folder)]) == 0
    assert (folder / "lesson.schema.json").is_file()
    text = (folder / "volcanoes.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=lesson.schema.json\n")
    course, _ = load_course([folder])
    (lesson,) = course.lessons
    assert lesson.id == "volcanoes" and lesson.title == "Volcanoes"
    kinds = {q.type.value for q in lesson.questions}
    assert kinds == {k.name for k in all_kinds()}  # every kind the tutor has
    capsys.readouterr()
    assert main(["check", "--strict", str(folder)]) == 0
    assert main(["new", "volcanoes", "--dir", str(folder)]) == 2  # never overwrites
    assert main(["new", "Big Volcanoes", "--dir", str(folder)]) == 2
    assert "e.g. big-volcanoes" in capsys.readouterr().err


def test_schema_prints_or_writes_the_schema_and_the_line_to_use(tmp_path: Path, capsys):
    from tutor.paths import schema_file

    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_file().read_text()
    assert main(["schema", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "lesson.schema.json").read_text() == schema_file().read_text()
    assert out.endswith("# yaml-language-server: $schema=lesson.schema.json\n")
    assert main(["schema", str(tmp_path)]) == 0  # an earlier copy is refreshed
    other = tmp_path / "notes.json"
    other.write_text("{}")
    assert main(["schema", str(other)]) == 2
    assert "add --force" in capsys.readouterr().err


def test_course_wide_synonyms_reach_the_grader(tmp_path: Path):
    from tutor.grading import Grader, Verdict

    (tmp_path / "course.yaml").write_text("title: T\nsynonyms:\n  nations: [tribes]\n")
    (tmp_path / "l.yaml").write_text(
        "id: l\ntitle: L\nsteps:\n  - id: q\n    ask: Who opposed it?\n"
        "    answer: Western nations\n    hints: [h]\n    explain: e\n"
    )
    course, _ = load_course([tmp_path])
    question = course.lessons[0].questions[0]
    without = Grader(load_course([tmp_path / "l.yaml"])[0]).grade(question, "Western tribes")
    assert Grader(course).grade(question, "Western tribes").verdict is Verdict.CORRECT
    assert without.verdict is not Verdict.CORRECT


def test_new_and_schema_never_echo_a_control_character(tmp_path: Path, capsys):
    folder = tmp_path / "a\x1b[31mred"
    assert main(["new", "x", "--dir", str(folder)]) == 0
    assert main(["schema", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "red" in out
