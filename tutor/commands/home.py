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
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from tutor.model import Course
    from tutor.store import Store


def add_parser(sub: Any) -> None:
    """Plain ``tutor`` needs no subcommand: ``tutor.cli`` calls :func:`run` when none is given."""


def run(args: argparse.Namespace) -> int:
    from tutor.commands import common

    opened = common.course_and_store(args)
    if opened is None:
        return common.EXIT_FAIL
    course, store = opened
    with store:
        if getattr(args, "plain", False) or not common.interactive():
            print_course(course, store, sys.stdout)
            return common.EXIT_OK
        return common.run_tui(course, common.grader_for(course), store)


def print_course(course: Course, store: Store | None, out: TextIO) -> None:
    """The course as plain lines: number, id, title, minutes, progress; then how to start."""
    from tutor.safetext import printable
    from tutor.tui.progress import due_reviews, lesson_rows, lesson_to_continue

    def say(text: str = "") -> None:  # titles, summaries and names are shown literally
        print(printable(text), file=out)

    rows = lesson_rows(course, store)
    if course.title:
        say(course.title)
        if course.description:
            say(course.description)
        say()
    student = getattr(store, "student", None)
    n = len(rows)
    head = f"{n} lesson{'s' if n != 1 else ''}, {course.question_count} questions"
    say(head + (f" (progress of {student})" if student else "") + ":")
    say()
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
        say("  ·  ".join(parts))
        if lesson.summary:
            say(f"    {' ' * width}  {lesson.summary}")
    say()
    if rows:
        chosen = rows[lesson_to_continue(rows)].lesson.id
        verb = "Continue" if rows[lesson_to_continue(rows)].status == "in progress" else "Start"
        say(f"{verb + ' with:':<18}tutor learn {chosen}")
    say(f"{'Any lesson:':<18}tutor learn ID")
    say(f"{'A quiz:':<18}tutor quiz")
    if store is not None:
        due = len(due_reviews(course, store))
        say(f"{f'Review ({due} due):':<18}tutor review")
    say("On a terminal, plain 'tutor' opens the full-screen course.")
