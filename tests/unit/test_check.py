"""``tutor check``: output, summary, exit codes, JSON, and the examples run through the grader."""

from __future__ import annotations

import json
import shutil
import textwrap
from dataclasses import replace
from pathlib import Path

from support import examples_lesson

from tutor.cli import main
from tutor.model import Question

DATA = Path(__file__).resolve().parents[1] / "data"
COURSE = DATA / "course"
LOADER = DATA / "loader"

EXAMPLES = examples_lesson(["astana", "Almaty"], ["Shymkent", "Astana"])


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_course(capsys):
    code, out, _ = run(capsys, str(COURSE))
    assert code == 0
    assert out == "2 lessons, 8 questions: 0 errors, 0 warnings\n"


def test_errors_then_summary_exit_1(capsys):
    code, out, _ = run(capsys, str(LOADER / "several-errors.yaml"), str(COURSE / "02-hedging.yaml"))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{LOADER / 'several-errors.yaml'}:1:5: error: lesson id")
    assert lines[-1] == "2 lessons, 2 questions: 4 errors, 0 warnings"
    assert len(lines) == 5


def test_warnings_pass_unless_strict(capsys):
    path = str(LOADER / "no-explain-no-hints.yaml")
    code, out, _ = run(capsys, path)
    assert code == 0
    assert out.splitlines()[-1] == "1 lesson, 1 question: 0 errors, 2 warnings"
    assert run(capsys, "--strict", path)[0] == 1


def test_missing_path_is_a_usage_error(capsys, tmp_path):
    code, out, err = run(capsys, str(tmp_path / "nope.yaml"))
    assert code == 2 and out == ""
    assert "no such file or folder" in err


def test_default_is_the_configured_course(capsys, tmp_path, monkeypatch):
    shutil.copytree(COURSE, tmp_path / "course")
    monkeypatch.setenv("TUTOR_LESSONS", str(tmp_path / "course"))
    code, out, _ = run(capsys)
    assert code == 0 and out.startswith("2 lessons, 8 questions")
    assert main(["--lessons", str(tmp_path / "missing"), "check"]) == 2
    assert "the course folder" in capsys.readouterr().err


def test_json_output(capsys):
    code, out, _ = run(capsys, "--format", "json", str(LOADER / "confusable.yaml"))
    document = json.loads(out)
    assert code == 0
    assert document["errors"] == 0 and document["warnings"] == 1
    assert document["lessons"] == 1 and document["questions"] == 1
    (problem,) = document["problems"]
    assert problem == {
        "path": str(LOADER / "confusable.yaml"),
        "line": 7,
        "column": 22,
        "severity": "warning",
        "message": "accepted form 'Prusia' is as close to the wrong answer 'Prussia' as to"
        " 'Russia': the grader may confuse them",
    }


def test_hostile_file_never_a_traceback(capsys):
    code, out, err = run(capsys, str(LOADER / "billion-laughs.yaml"))
    assert code == 1 and "Traceback" not in out + err
    assert "anchors (&a) are not allowed" in out


def test_examples_run_through_the_grader(capsys, tmp_path):
    path = tmp_path / "examples.yaml"
    path.write_text(textwrap.dedent(EXAMPLES))
    code, out, _ = run(capsys, str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}:10:24: error: example 'Almaty' should be accepted,")
    assert lines[1].startswith(f"{path}:11:26: error: example 'Astana' should be rejected,")
    assert lines[-1] == "1 lesson, 1 question: 2 errors, 0 warnings"
    assert run(capsys, "--no-examples", str(path))[0] == 0


def test_fixture_course_examples_all_pass(capsys):
    from tutor.loader import load_course
    from tutor.loader.examples import run_examples

    course, _ = load_course([COURSE])
    assert [str(p) for p in run_examples(course)] == []


def test_a_course_without_examples_never_builds_the_grader(monkeypatch):
    """Checking examples costs a grader (an index of every name in the course); a course with
    none has nothing to grade, and one with any still gets its examples graded."""
    import tutor.grading
    from tutor.loader import load_course
    from tutor.loader.examples import run_examples

    course, _ = load_course([COURSE])
    bare = type(course)(tuple(
        replace(lesson, steps=tuple(
            replace(s, accept_examples=(), reject_examples=(), partial_examples=())
            if isinstance(s, Question) else s
            for s in lesson.steps
        ))
        for lesson in course.lessons
    ))
    built = []
    real = tutor.grading.Grader
    monkeypatch.setattr(tutor.grading, "Grader", lambda c: built.append(c) or real(c))
    assert run_examples(bare) == []
    assert built == []
    assert any(q.accept_examples or q.reject_examples for q in course.lessons[0].questions)
    assert run_examples(course) == []
    assert built == [course]
