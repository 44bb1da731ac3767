"""What the commands share: loading the course, opening the store, choosing the front end.

One place for each, so every command reports a broken course, a damaged progress file or an
unknown lesson id the same way. Nothing heavy is imported at module level.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from tutor.grading import Grade, Grader
    from tutor.loader.cache import CourseCache
    from tutor.loader.problems import Problem
    from tutor.model import Course, Question
    from tutor.session import Session
    from tutor.store import Store

EXIT_OK = 0
EXIT_FAIL = 1  # the course has errors, or progress could not be opened
EXIT_USAGE = 2
EXIT_EARLY = 3  # a lesson, quiz or review ended before its end (quit, end of input)


def add_front_end_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="plain lines instead of the full-screen app (the default when not on a terminal)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="plain mode, one JSON event per line on stdout (for scripts and tests)",
    )


def add_progress_options(parser: argparse.ArgumentParser) -> None:
    from tutor.store.commandline import add_store_options

    add_store_options(parser)


def interactive() -> bool:
    """Whether a person is at a terminal on both ends."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def wants_plain(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "plain", False) or getattr(args, "json", False) or not interactive())


def pace(args: argparse.Namespace) -> bool:
    """Wait for Enter after teach steps and answers only when a person is typing."""
    return interactive() and not getattr(args, "json", False)


def load_course(args: argparse.Namespace, command: str | None = None) -> Course | None:
    """The course for ``--lessons``, or None after printing why not on stderr (exit 1).

    A lesson with errors is never taught, and never blocks the rest: each broken file is named
    once on stderr (its first error, ``file:line:col``, and the ``tutor check FILE`` that shows
    them all) and the course goes on without it. None only when no lesson is left.
    """
    from tutor import paths
    from tutor.loader import load_course as _load
    from tutor.safetext import printable

    who = f"tutor {command}" if command else "tutor"

    def say(text: str) -> None:
        print(printable(text), file=sys.stderr)

    folder = paths.course_dir(getattr(args, "lessons", None))
    if not folder.exists():
        say(f"{who}: no course at {folder} (see --lessons)")
        return None
    try:
        course, problems = _load([folder], cache=course_cache(args, [folder]))
    except OSError as exc:
        say(f"{who}: cannot read the course at {folder}: {exc}")
        return None
    for path, first, count in _broken_files(problems):
        from shlex import quote  # only when a file is broken

        more = f" (and {count - 1} more)" if count > 1 else ""
        say(
            f"{who}: {first}{more}; this lesson is left out, the others are taught. "
            f"'tutor check {quote(path)}' shows every problem."
        )
    if not course.lessons:
        say(f"{who}: no lessons to teach in {folder}")
        return None
    return course


def _broken_files(problems: list[Problem]) -> list[tuple[str, Problem, int]]:
    """Each file with errors once: its path, its first error and how many it has."""
    first: dict[str, Problem] = {}
    counts: dict[str, int] = {}
    for problem in problems:
        if problem.is_error:
            first.setdefault(problem.path, problem)
            counts[problem.path] = counts.get(problem.path, 0) + 1
    return [(path, first[path], counts[path]) for path in first]


def course_cache(args: argparse.Namespace, sources: list[Path]) -> CourseCache | None:
    """The cache for a course read from ``sources``, unless ``--no-cache`` or ``$TUTOR_NO_CACHE``
    turns it off."""
    from tutor.loader.cache import CourseCache, disabled

    if getattr(args, "no_cache", False) or disabled():
        return None
    return CourseCache.open([str(s) for s in sources])


def unknown_lessons(course: Course, ids: list[str], command: str) -> bool:
    """Print "no lesson X (did you mean ...?)" for unknown ids; True if there were any."""
    known = course.lesson_ids
    bad = [i for i in ids if i not in known]
    if not bad:
        return False
    from rapidfuzz import fuzz, process

    for lesson_id in bad:
        near = [
            m[0]
            for m in process.extract(lesson_id, known, scorer=fuzz.WRatio, limit=2, score_cutoff=70)
        ]
        hint = f" Did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        print(f"tutor {command}: there is no lesson {lesson_id!r}.{hint}", file=sys.stderr)
    listing = ", ".join(known) if known else "(none)"
    print(f"Lessons: {listing}", file=sys.stderr)
    return True


def open_store(args: argparse.Namespace, *, readonly: bool = False) -> Store | None:
    """The student's progress store, or None after printing what is wrong and how to recover.

    ``readonly`` (stats, export): only read, so a read-only folder or a full disk still works;
    ``--reset-progress`` still opens it for writing, to set a damaged file aside."""
    from tutor.store.commandline import open_from_args

    reset = bool(getattr(args, "reset_progress", False))
    return open_from_args(args, readonly=readonly and not reset)


def course_and_store(
    args: argparse.Namespace, command: str | None = None, *, readonly: bool = False
) -> tuple[Course, Store] | None:
    """The course and the student's store (``load_course``, then ``open_store``), or None once
    what is wrong with either has been printed: the preamble of a command that needs both."""
    course = load_course(args, command)
    if course is None:
        return None
    store = open_store(args, readonly=readonly)
    return None if store is None else (course, store)


class LazyGrader:
    """The course's grader, built the first time an answer is graded: the first question (and
    the first screen) never wait for the grader's index of the whole course."""

    def __init__(self, course: Course) -> None:
        self._course = course
        self._grader: Grader | None = None

    def grade(self, question: Question, text: str) -> Grade:
        if self._grader is None:
            from tutor.grading import Grader

            self._grader = Grader(self._course)
        return self._grader.grade(question, text)


def grader_for(course: Course) -> LazyGrader:
    return LazyGrader(course)


def run_tui(course: Course, grader: LazyGrader, store: Store, start: Any = None) -> int:
    """The full-screen app (Textual is imported only here); the grader is built on first use."""
    from tutor.tui import run_app

    return int(run_app(course, grader, store=store, start=start) or 0)


def run_plain(args: argparse.Namespace, session: Session, intro: list[str] | None = None) -> int:
    """The session as plain lines; when it ends with questions missed, the student may practise
    them at once (and again, until none is missed or they decline). Only at a terminal: a script's
    output still ends with the summary (``--json``: with ``finished``); it can run
    ``tutor review --missed``."""
    from tutor.plain import offer_practice, run_plain_session

    json_mode = bool(getattr(args, "json", False))
    code = run_plain_session(
        session, stdin=sys.stdin, stdout=sys.stdout, json_mode=json_mode, intro=intro
    )
    asks = not json_mode and interactive()
    while code == EXIT_OK and asks and (again := session.practice_missed()) is not None:
        if not offer_practice(again.question_count, stdin=sys.stdin, stdout=sys.stdout):
            break
        session = again
        code = run_plain_session(session, stdin=sys.stdin, stdout=sys.stdout, json_mode=json_mode)
    return code
