"""``course.yaml`` in a lesson folder: the course's own title, description, lesson order and
course-wide synonyms.

    title: Central Asia for beginners
    description: Nine short lessons on how a landlocked country keeps its neighbours on side.
    lessons: [neighbourhood, crossroads]   # optional: these first, in this order
    synonyms:                              # optional: count as the same in every lesson
      USA: [United States, America]

Without a course file the course has no title of its own and lessons go in file-name order.
"""

from __future__ import annotations

from pathlib import Path

from tutor.loader import fields as f
from tutor.loader.course import COURSE_FILES, CourseInfo
from tutor.loader.files import read_bytes
from tutor.loader.problems import Problem, Report, TooManyErrors, problem_sort_key
from tutor.loader.safeyaml import Seq, check_encoding, compose
from tutor.loader.synonyms import read_synonyms

COURSE_KEYS = ("title", "description", "lessons", "synonyms")


def course_file(folder: Path) -> Path | None:
    for name in COURSE_FILES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def read_course_file(path: Path, data: bytes | None = None) -> tuple[CourseInfo | None, list[Problem]]:
    """The course file's contents, or None with the reason; problems sorted by place. ``data``:
    its bytes, when already read."""
    report = Report(str(path))
    info = None
    try:
        if data is None:
            data = read_bytes(path, report)
        if data is not None and check_encoding(data, report):
            root = compose(data, report)
            if root is not None:
                info = _convert(report, root, str(path))
    except TooManyErrors:
        pass
    report.problems.sort(key=problem_sort_key)
    return (None if report.errors else info), report.problems


def _convert(report: Report, root, path: str) -> CourseInfo | None:
    table = f.mapping(report, root, "a course file")
    if table is None:
        return None
    pairs = table.pairs
    meant = {
        f.unknown_key(report, knode, "the course file", COURSE_KEYS)
        for name, (knode, _) in pairs.items()
        if name not in COURSE_KEYS
    }
    if "title" not in pairs and "title" not in meant:
        report.error(root, "the course file has no 'title': the name students see for the course")
    title = f.text(report, pairs["title"][1], "'title'") if "title" in pairs else None
    description = (
        f.text(report, pairs["description"][1], "'description'") if "description" in pairs else ""
    )
    order: list[tuple[str, int, int]] = []
    if "lessons" in pairs:
        node = pairs["lessons"][1]
        if node.__class__ is not Seq:
            report.error(node, "'lessons' is a list of lesson ids, in the order they are taught")
        else:
            seen: set[str] = set()
            for value, vnode in f.texts(report, node, "'lessons'"):
                if value in seen:
                    report.error(vnode, f"lesson '{value}' is listed twice in 'lessons'")
                seen.add(value)
                order.append((value, vnode.line, vnode.column))
    # The same reader as a lesson's own synonyms: one format, one set of messages.
    synonyms = read_synonyms(report, pairs["synonyms"][1]) if "synonyms" in pairs else ()
    return CourseInfo(title, description or "", tuple(order), synonyms, path)


def ordered(ids: list[str], info: CourseInfo) -> tuple[list[int], list[Problem]]:
    """The positions of ``ids`` (lessons in file-name order) as the course file orders them: the
    listed ones first, in that order, then the rest; a listed id no lesson has is a warning."""
    from tutor.loader.problems import WARNING

    at = {lesson_id: i for i, lesson_id in enumerate(ids)}
    first, problems = [], []
    for lesson_id, line, column in info.order:
        if lesson_id in at:
            first.append(at[lesson_id])
        else:
            near = f.did_you_mean(lesson_id, ids)
            problems.append(Problem(info.path, line, column,
                                    f"'lessons' lists '{lesson_id}', which no lesson has{near}",
                                    WARNING))  # fmt: skip
    rest = [i for i in range(len(ids)) if i not in set(first)]
    return first + rest, problems
