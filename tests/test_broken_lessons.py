"""One broken lesson never blocks the course, and a symlink loop crashes nothing (issue 15,
items 7 and 9): the broken file is named once (file:line:col and the ``tutor check FILE`` that
shows all), the rest is taught, and ``tutor check`` still fails."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.loader import lesson_files, load_course

COURSE = Path(__file__).resolve().parent / "data" / "course"

BROKEN = """\
id: broken
title: Broken
steps:
  - id: q1
    ask: What?
    type: number
    answer: not a number
  - id: q2
    ask: And?
    answer:
"""


@pytest.fixture
def course(tmp_path: Path) -> Path:
    folder = tmp_path / "lessons"
    shutil.copytree(COURSE, folder)
    (folder / "03-broken.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


@pytest.fixture
def looped(tmp_path: Path) -> Path:
    folder = tmp_path / "looped"
    shutil.copytree(COURSE, folder)
    (folder / "a.yaml").symlink_to(folder / "b.yaml")
    (folder / "b.yaml").symlink_to(folder / "a.yaml")
    return folder


def run(folder: Path, data: Path, *args: str, stdin: str = "", monkeypatch=None) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--lessons", str(folder), "--data-dir", str(data), *args])


@pytest.mark.parametrize(
    "args",
    [
        ["learn", "neighbours", "--plain"],
        ["quiz", "--plain", "--count", "1"],
        ["--plain"],
        ["stats"],
    ],
)
def test_a_broken_lesson_is_left_out_once_and_the_rest_runs(
    course: Path, tmp_path: Path, capsys, monkeypatch, args: list[str]
) -> None:
    code = run(course, tmp_path / "data", *args, stdin="quit\n", monkeypatch=monkeypatch)
    assert code in (0, 3)  # finished, or ended early by 'quit': never 1
    out, err = capsys.readouterr()
    broken = str(course / "03-broken.yaml")
    assert err.count(broken) == 2  # one line: where, and the check command that shows all
    line = next(x for x in err.splitlines() if broken in x)
    assert f"{broken}:7:13: error:" in line and "(and 1 more)" in line
    assert f"tutor check {broken}" in line and "left out" in line
    assert "Broken" not in out


def test_check_still_fails_on_the_broken_lesson(course: Path, capsys) -> None:
    assert main(["check", str(course)]) == 1
    assert main(["check", str(course / "03-broken.yaml")]) == 1
    out = capsys.readouterr().out
    assert out.count("03-broken.yaml:7:13") == 2


def test_a_course_of_only_broken_lessons_still_exits_1(tmp_path: Path, capsys, monkeypatch) -> None:
    folder = tmp_path / "only"
    folder.mkdir()
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    assert run(folder, tmp_path / "data", "learn", "broken", "--plain", monkeypatch=monkeypatch) == 1
    assert "no lessons to teach" in capsys.readouterr().err


def test_a_symlink_loop_is_a_problem_not_a_crash(looped: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    files, problems = lesson_files(looped)
    assert {f.name for f in files} >= {"a.yaml", "b.yaml"}
    course, problems = load_course([looped])
    assert [lesson.id for lesson in course.lessons] == ["neighbours", "hedging"]
    loops = [p for p in problems if "leads back to itself" in p.message]
    assert {Path(p.path).name for p in loops} == {"a.yaml", "b.yaml"}
    assert main(["check", str(looped)]) == 1
    code = run(looped, tmp_path / "data", "learn", "hedging", "--plain", stdin="quit\n", monkeypatch=monkeypatch)
    assert code == 3
    assert main(["try", str(looped / "a.yaml"), "q", "x"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RuntimeError" not in err


def test_export_into_a_looping_folder_is_refused_without_a_crash(tmp_path: Path, capsys) -> None:
    (tmp_path / "x").symlink_to(tmp_path / "y")
    (tmp_path / "y").symlink_to(tmp_path / "x")
    assert main(["--data-dir", str(tmp_path / "data"), "export", "-o", str(tmp_path / "x" / "o.csv")]) == 1
    assert "tutor export:" in capsys.readouterr().err
