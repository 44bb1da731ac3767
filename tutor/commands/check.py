"""``tutor check [PATH ...]``: every problem in the lesson files, then a one-line summary.

Exit status: 0 clean (warnings allowed unless ``--strict``), 1 on any error (or warning with
``--strict``), 2 for usage errors such as a path that does not exist.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tutor.loader.cache import CourseCache
    from tutor.loader.course import CourseScan
    from tutor.loader.problems import Problem

PROGRESS_FROM = 50  # files: fewer than this never show progress


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check",
        help="check lesson files: every mistake with its file:line:col",
        description="Check lesson files or folders (default: the course) and run each "
        "question's examples through the grader. Prints one line per problem, sorted, then a "
        "summary. Exit status: 0 clean, 1 errors (or warnings with --strict), 2 usage error. "
        "The file format is described in docs/lesson-format.md.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a lesson file, or a folder of them (default: the course folder)",
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail the check too")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (file:line:col: severity: message) or json (one document, for editors and CI)",
    )
    parser.add_argument(
        "--no-examples",
        action="store_true",
        help="do not run the questions' examples through the grader",
    )
    parser.set_defaults(run=run)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class _Progress:
    """``checking 120/1000`` on a terminal's stderr, rewritten in place; silent otherwise."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_FROM or (done % 10 and done != total):
            return
        sys.stderr.write(f"\rchecking {done}/{total} files")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _examples(scan: CourseScan, cache: CourseCache | None) -> list[Problem]:
    """The problems the examples show, run afresh only when some lesson (or the tutor) changed:
    a question's competitors come from the whole course, so any change runs them all again."""
    from tutor.loader.examples import run_examples

    key = scan.key()
    if cache is not None:
        known = cache.examples_for(key)
        if known is not None:
            return list(known)
    found = run_examples(scan.course())
    if cache is not None:
        cache.remember_examples(key, found)
    return found


def run(args: argparse.Namespace) -> int:
    from tutor.commands.common import course_cache
    from tutor.loader import problem_sort_key, scan_course
    from tutor.paths import course_dir
    from tutor.safetext import json_text, printable

    if args.paths:
        paths = [Path(p) for p in args.paths]
    else:
        paths = [course_dir(getattr(args, "lessons", None))]
    for path in paths:
        if not path.exists():
            if args.paths:
                message = f"no such file or folder: {path}"
            else:
                message = f"the course folder {path} does not exist (see --lessons)"
            print(printable(f"tutor check: {message}"), file=sys.stderr)
            return 2

    cache = course_cache(args, paths)
    progress = _Progress() if sys.stderr.isatty() and args.format == "text" else None
    try:
        scan = scan_course(paths, progress=progress, cache=cache, save=False)
    finally:
        if progress is not None:
            progress.clear()
    problems = scan.problems

    examples_run = False
    if not args.no_examples:
        problems = sorted(problems + _examples(scan, cache), key=problem_sort_key)
        examples_run = True
    if cache is not None:  # once, with what the scan and the examples added
        cache.save()

    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    lessons, questions = len(scan.files), scan.question_count
    failed = errors > 0 or (args.strict and warnings > 0)

    if args.format == "json":
        document = {
            "problems": [p.to_dict() for p in problems],
            "lessons": lessons,
            "lessons_loaded": len(scan.kept),
            "questions": questions,
            "errors": errors,
            "warnings": warnings,
            "examples_run": examples_run,
            "ok": not failed,
        }
        print(json_text(document, indent=2))
    else:
        for problem in problems:
            print(printable(str(problem)))  # a file name or quoted text may hold anything
        print(
            f"{_plural(lessons, 'lesson')}, {_plural(questions, 'question')}:"
            f" {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
        )
        if not examples_run and not args.no_examples:
            print("note: examples were not run: the grader is not available", file=sys.stderr)
    return 1 if failed else 0
