"""Lesson files -> the lesson model, safely, with every problem at ``file:line:col``.

    lesson, problems = load_lesson("lessons/01-neighbours.yaml")
    course, problems = load_course([Path("lessons")])

A lesson with any error is None (or left out of the course); warnings never stop loading.
The file format is documented in ``docs/lesson-format.md``.
"""

from tutor.loader.course import lesson_files, load_course
from tutor.loader.lesson import load_lesson
from tutor.loader.problems import ERROR, WARNING, Problem, problem_sort_key
from tutor.loader.safeyaml import MAX_BYTES, MAX_DEPTH

__all__ = [
    "ERROR",
    "MAX_BYTES",
    "MAX_DEPTH",
    "WARNING",
    "Problem",
    "lesson_files",
    "load_course",
    "load_lesson",
    "problem_sort_key",
]
