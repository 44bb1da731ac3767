"""A course folder: lesson files found, duplicate ids across files, and what is not a lesson.

Problems about one file's content are in test_loader_mistakes.py.
"""

from __future__ import annotations

from pathlib import Path

from tutor.loader import load_course, load_lesson

# A clean lesson: a teach step and a question with its hints and explanation.
LESSON = (
    "id: {id}\ntitle: {title}\nsteps:\n  - teach: Hi.\n  - id: q\n    ask: Capital?\n"
    "    answer: Astana\n    hints: [North.]\n    explain: Since 1997.\n"
)

LOADER = Path(__file__).resolve().parents[1] / "data" / "loader"


def test_duplicate_lesson_ids_across_files():
    folder = LOADER / "duplicate-lesson-ids"
    course, problems = load_course([folder])
    assert [str(p) for p in problems] == [
        f"{folder / '02-second.yaml'}:2:5: error: duplicate lesson id 'same'"
        f" (also in {folder / '01-first.yaml'}:1); this lesson is left out"
    ]
    assert [lesson.title for lesson in course.lessons] == ["First"]


def test_lessons_with_errors_are_left_out_of_the_course(tmp_path):
    (tmp_path / "a.yaml").write_text(LESSON.format(id="a", title="A"))
    (tmp_path / "b.yml").write_text("id: b\ntitle: B\nsteps: nope\n")
    (tmp_path / "c.txt").write_text("not a lesson")
    (tmp_path / ".hidden.yaml").write_text("garbage: [")
    course, problems = load_course([tmp_path])
    assert [lesson.id for lesson in course.lessons] == ["a"]
    assert [(Path(p.path).name, p.line) for p in problems] == [("b.yml", 3)]


def test_missing_path_and_empty_folder(tmp_path):
    course, problems = load_course([tmp_path / "nope", tmp_path])
    assert [str(p) for p in problems] == [
        f"{tmp_path}: error: no lesson files (*.yaml, *.yml) in this folder",
        f"{tmp_path / 'nope'}: error: no such file or folder",
    ]
    assert course.lessons == ()


def test_a_folder_is_not_a_lesson_file(tmp_path):
    lesson, problems = load_lesson(tmp_path)
    assert lesson is None
    assert [p.message for p in problems] == ["this is a folder, not a lesson file"]


def test_a_broken_link_in_the_folder_is_reported_not_skipped(tmp_path):
    (tmp_path / "01-a.yaml").write_text(LESSON.format(id="a", title="A"))
    (tmp_path / "02-gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    course, problems = load_course([tmp_path])
    assert [lesson.id for lesson in course.lessons] == ["a"]
    assert [str(p) for p in problems] == [
        f"{tmp_path / '02-gone.yaml'}:1:1: error: cannot read the file: it is a link to a file"
        " that does not exist"
    ]


def test_a_link_to_a_lesson_loads_once_and_other_yaml_gets_one_error(tmp_path):
    (tmp_path / "01-a.yaml").write_text(LESSON.format(id="a", title="A"))
    (tmp_path / "02-link.yaml").symlink_to(tmp_path / "01-a.yaml")
    (tmp_path / "ci.yml").write_text("name: CI\non: [push]\njobs: {}\n")
    (tmp_path / "README.md").write_text("# Course\n")
    course, problems = load_course([tmp_path])
    assert [lesson.id for lesson in course.lessons] == ["a"]
    assert [(Path(p.path).name, p.line, p.message[:27]) for p in problems] == [
        ("ci.yml", 1, "this is not a lesson file: ")
    ]



def test_loading_pauses_the_cycle_collector_and_leaves_the_course_in_the_oldest_generation():
    """A loaded course stays alive: the collector is paused while it is built, runs again after,
    and finds the lessons among the old objects rather than walking them as new ones. (In a
    fresh interpreter: what other tests froze would change what a collection sees.)"""
    import subprocess
    import sys

    script = """
import gc, sys
from tutor.loader import scan_course
during = []
scan = scan_course([sys.argv[1]], progress=lambda done, total: during.append(gc.isenabled()))
lesson = scan.kept[0].lesson()
old = any(obj is lesson for obj in gc.get_objects(generation=2))
print(bool(during) and not any(during), gc.isenabled(), gc.is_tracked(lesson), old)
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(LOADER.parent / "course")],
        capture_output=True, text=True, check=True,
    )
    assert done.stdout.split() == ["True", "True", "True", "True"]
