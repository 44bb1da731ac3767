"""A course: lesson files from folders and paths, loaded in file-name order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from tutor.loader.lesson import load_lesson
from tutor.loader.problems import ERROR, Problem, problem_sort_key
from tutor.model import Course, Lesson

SUFFIXES = (".yaml", ".yml")


def lesson_files(paths: Iterable[str | Path] | str | Path) -> tuple[list[Path], list[Problem]]:
    """Every lesson file named by ``paths``: a folder gives its ``*.yaml``/``*.yml`` files sorted
    by name (hidden files skipped), a file gives itself. Missing paths and empty folders are
    problems (line 0: they have no line)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                (p for p in path.iterdir() if p.suffix.lower() in SUFFIXES
                 and not p.name.startswith(".") and (p.is_file() or p.is_symlink())),
                key=lambda p: p.name,
            )
            if not found:
                problems.append(
                    Problem(str(path), 0, 0, "no lesson files (*.yaml, *.yml) in this folder", ERROR)
                )
        elif path.exists():
            found = [path]
        else:
            problems.append(Problem(str(path), 0, 0, "no such file or folder", ERROR))
            continue
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, problems


def load_course(
    paths: Iterable[str | Path] | str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Course, list[Problem]]:
    """Load every lesson; lessons with errors are left out, and so is a lesson whose id another
    file already uses. Problems come sorted by path, line and column."""
    files, problems = lesson_files(paths)
    lessons: list[Lesson] = []
    by_id: dict[str, Lesson] = {}
    total = len(files)
    for done, file in enumerate(files, 1):
        lesson, found = load_lesson(file)
        problems.extend(found)
        if lesson is not None:
            first = by_id.get(lesson.id)
            if first is None:
                by_id[lesson.id] = lesson
                lessons.append(lesson)
            else:
                problems.append(
                    Problem(
                        lesson.path,
                        lesson.pos.line,
                        lesson.pos.column,
                        f"duplicate lesson id '{lesson.id}' (also in {first.path}:{first.pos.line});"
                        " this lesson is left out",
                        ERROR,
                    )
                )
        if progress is not None:
            progress(done, total)
    problems.sort(key=problem_sort_key)
    return Course(tuple(lessons)), problems
