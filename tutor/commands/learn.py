"""``tutor learn LESSON_ID``: walk one lesson, in the full-screen app or as plain lines.

Plain lines are used with ``--plain``/``--json`` or when stdin or stdout is not a terminal.

Exit codes: 0 the lesson reached its end; 1 the course has errors (printed as
``file:line:col: error: ...`` on stderr) or progress could not be opened; 2 usage (unknown lesson
id: the available ids are listed, with "did you mean"); 3 the lesson ended early (``quit`` or end
of input); 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2
EXIT_EARLY = 3


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "learn",
        help="walk through a lesson",
        description="Walk through a lesson: the tutor explains, asks, and answers your "
        "questions ('hint', 'skip', 'what is X?', 'help'). Picks up where you left off.",
        epilog="Exit status: 0 finished, 1 course or progress error, 2 unknown lesson, "
        "3 ended early (quit or end of input).",
    )
    parser.add_argument("lesson_id", metavar="LESSON_ID", help="the lesson's id (see 'tutor')")
    add_front_end_options(parser)
    parser.add_argument(
        "--restart", action="store_true", help="start the lesson from the beginning"
    )
    add_progress_options(parser)
    parser.set_defaults(run=run)


# ---------------------------------------------------------------- shared with `tutor quiz`


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
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def wants_plain(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "plain", False) or getattr(args, "json", False) or not interactive())


def load_course(args: argparse.Namespace, command: str) -> Any:
    """The course, or None after printing its errors on stderr."""
    from tutor import paths
    from tutor.loader import load_course as _load

    folder = paths.course_dir(getattr(args, "lessons", None))
    if not folder.exists():
        print(f"tutor {command}: no course at {folder} (see --lessons)", file=sys.stderr)
        return None
    try:
        course, problems = _load([folder])
    except OSError as exc:
        print(f"tutor {command}: cannot read the course at {folder}: {exc}", file=sys.stderr)
        return None
    errors = [p for p in problems if getattr(p, "severity", "error") == "error"]
    if errors:
        for problem in errors:
            print(str(problem), file=sys.stderr)
        n = len(errors)
        print(
            f"tutor {command}: {n} error{'s' if n != 1 else ''} in the lessons; "
            "fix them ('tutor check' explains them) and try again.",
            file=sys.stderr,
        )
        return None
    return course


def unknown_lessons(course: Any, ids: list[str], command: str) -> bool:
    """Print "no lesson X (did you mean ...?)" for unknown ids; True if there were any."""
    from rapidfuzz import fuzz, process

    known = [lesson.id for lesson in course.lessons]
    bad = [i for i in ids if course.lesson(i) is None]
    for lesson_id in bad:
        near = [m[0] for m in process.extract(lesson_id, known, scorer=fuzz.WRatio, limit=2, score_cutoff=70)]
        hint = f" Did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        print(f"tutor {command}: there is no lesson {lesson_id!r}.{hint}", file=sys.stderr)
    if bad:
        listing = ", ".join(known) if known else "(none)"
        print(f"Lessons: {listing}", file=sys.stderr)
    return bool(bad)


def open_store(args: argparse.Namespace) -> Any:
    """The progress store, or False after a printed error."""
    from tutor.store.commandline import open_from_args

    store = open_from_args(args)
    return store if store is not None else False


def make_grader(course: Any) -> Any:
    from tutor.grading import Grader

    return Grader(course)


def _run_tui(args: argparse.Namespace, course: Any, grader: Any, store: Any, start: Any) -> int:
    """Run the full-screen app (Textual is imported only here)."""
    from tutor.tui import run_app

    return int(run_app(course, grader, store=store, start=start) or 0)


def run_plain(args: argparse.Namespace, session: Any, intro: list[str] | None = None) -> int:
    from tutor.plain import run_plain_session

    return run_plain_session(
        session,
        stdin=sys.stdin,
        stdout=sys.stdout,
        json_mode=bool(getattr(args, "json", False)),
        intro=intro,
    )


def pace(args: argparse.Namespace) -> bool:
    return interactive() and not getattr(args, "json", False)


# ---------------------------------------------------------------- tutor learn


def run(args: argparse.Namespace) -> int:
    course = load_course(args, "learn")
    if course is None:
        return EXIT_FAIL
    if unknown_lessons(course, [args.lesson_id], "learn"):
        return EXIT_USAGE
    lesson = course.lesson(args.lesson_id)
    store = open_store(args)
    if store is False:
        return EXIT_FAIL
    try:
        grader = make_grader(course)
        if args.restart:
            store.clear_place(lesson.id)
        if not wants_plain(args):
            return _run_tui(args, course, grader, store, ("learn", lesson.id))
        start_at, prior = 0, {}
        if not args.restart:
            start_at = store.resume_point(lesson.id) or 0
            if not 0 <= start_at < len(lesson.steps):
                start_at = 0
            if start_at:
                prior = store.lesson_outcomes(lesson.id)
        from tutor.session import Session

        session = Session.learn(
            course,
            lesson.id,
            grader,
            observer=store,
            start_at=start_at,
            pace=pace(args),
            prior=prior,
        )
        intro = None
        if start_at:
            intro = [
                f"Picking up where you left off, at step {start_at + 1} of {len(lesson.steps)} "
                f"('tutor learn {lesson.id} --restart' starts again)."
            ]
        return run_plain(args, session, intro)
    finally:
        if store:
            store.close()
