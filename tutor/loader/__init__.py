"""Lesson files -> the lesson model, safely, with every problem at ``file:line:col``.

    lesson, problems = load_lesson("lessons/01-neighbours.yaml")
    course, problems = load_course([Path("lessons")])

A lesson with any error is None (or left out of the course); warnings never stop loading.
The file format is documented in ``docs/lesson-format.md``.

The names below are imported on first use: a course that comes whole from the cache
(``tutor.loader.cache``) never imports the YAML parser.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tutor.loader.course import lesson_files, load_course, scan_course
    from tutor.loader.files import MAX_BYTES
    from tutor.loader.lesson import load_lesson
    from tutor.loader.problems import ERROR, WARNING, Problem, problem_sort_key
    from tutor.loader.safeyaml import MAX_DEPTH

_WHERE = {
    "ERROR": "problems",
    "WARNING": "problems",
    "Problem": "problems",
    "problem_sort_key": "problems",
    "MAX_BYTES": "files",
    "MAX_DEPTH": "safeyaml",
    "lesson_files": "course",
    "load_course": "course",
    "scan_course": "course",
    "load_lesson": "lesson",
}

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
    "scan_course",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'tutor.loader' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"tutor.loader.{module}"), name)
    globals()[name] = value
    return value
