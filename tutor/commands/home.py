"""Plain ``tutor``: open the course.

On a terminal this starts the Textual app on the course screen. When stdin or stdout is not a
terminal, or with ``--plain``, it does not start the app: it prints the course (each lesson with
the student's progress) and the commands that start a lesson, a quiz or a review, and exits 0.
The line-by-line lesson itself is ``tutor learn ID`` (``tutor.plain``); a listing is the useful
answer to a bare ``tutor`` in a script or a pipe, and it never waits for input.

The course is loaded and checked (problems are printed as plain ``file:line:col: error: ...``
lines and the exit code is 1) and the progress store opened before the app starts. The grader is
handed to the app as a factory: the app builds it when the first lesson, quiz or review starts,
not while the course screen comes up. Textual is imported only when the app really starts.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from typing import Any, TextIO


def add_parser(sub: Any) -> None:
    """Plain ``tutor`` needs no subcommand: ``tutor.cli`` calls :func:`run` when none is given."""


def run(args: argparse.Namespace) -> int:
    from tutor import paths

    course = _load(paths.course_dir(getattr(args, "lessons", None)))
    if course is None:
        return 1
    store = _open_store(args)
    if store is False:
        return 1
    try:
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
        if getattr(args, "plain", False) or not interactive:
            print_course(course, store, sys.stdout)
            return 0
        from tutor.tui import run_app

        return run_app(course, partial(_grader, course), store=store)
    finally:
        if store:
            store.close()


def _grader(course: Any) -> Any:
    from tutor.grading import Grader

    return Grader(course)


def _load(folder: Any) -> Any:
    from tutor.loader import load_course

    if not folder.exists():
        print(f"tutor: no course at {folder} (see --lessons)", file=sys.stderr)
        return None
    course, problems = load_course([folder])
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = [p for p in problems if getattr(p, "severity", "error") == "error"]
    if errors:
        n = len(errors)
        print(
            f"tutor: {n} problem{'s' if n != 1 else ''} in the lessons; "
            "'tutor check' explains them.",
            file=sys.stderr,
        )
        return None
    if not course.lessons:
        print(f"tutor: no lessons in {folder}", file=sys.stderr)
        return None
    return course


def _open_store(args: argparse.Namespace) -> Any:
    """The student's store; None when the store is not available; False after a printed error."""
    try:
        from tutor.store.commandline import open_from_args
    except ImportError:
        return None
    store = open_from_args(args)
    return store if store is not None else False


def print_course(course: Any, store: Any, out: TextIO) -> None:
    """The course as plain lines: number, id, title, minutes, progress; then how to start."""
    from tutor.tui.progress import due_reviews, lesson_rows, lesson_to_continue

    rows = lesson_rows(course, store)
    student = getattr(store, "student", None)
    n = len(rows)
    head = f"{n} lesson{'s' if n != 1 else ''}, {course.question_count} questions"
    print(head + (f" (progress of {student})" if student else "") + ":", file=out)
    print(file=out)
    width = max((len(r.lesson.id) for r in rows), default=0)
    for row in rows:
        lesson = row.lesson
        minutes = f"{lesson.minutes} min" if lesson.minutes else ""
        status = row.status
        if row.status == "in progress" and 0 < row.fraction < 1:
            status += f" ({row.fraction:.0%})"
        if row.best is not None and row.status != "new":
            status += f", best {row.best:.0%}"
        parts = [f"{row.number:>2}. {lesson.id:<{width}}  {lesson.title}"]
        if minutes:
            parts.append(minutes)
        if status:
            parts.append(status)
        print("  ·  ".join(parts), file=out)
        if lesson.summary:
            print(f"    {' ' * width}  {lesson.summary}", file=out)
    print(file=out)
    if rows:
        chosen = rows[lesson_to_continue(rows)].lesson.id
        verb = "Continue" if rows[lesson_to_continue(rows)].status == "in progress" else "Start"
        print(f"{verb + ' with:':<18}tutor learn {chosen}", file=out)
    print(f"{'Any lesson:':<18}tutor learn ID", file=out)
    print(f"{'A quiz:':<18}tutor quiz", file=out)
    if store is not None:
        due = len(due_reviews(course, store))
        print(f"{f'Review ({due} due):':<18}tutor review", file=out)
    print("On a terminal, plain 'tutor' opens the full-screen course.", file=out)
