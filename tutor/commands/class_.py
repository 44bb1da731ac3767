"""``tutor class``: the instructor's commands for a shared class store on PostgreSQL.

``init URL`` creates (or migrates) the schema and row-level security; ``add-student NAME`` makes a
student's login role and prints the URL to give them; ``remove-student NAME`` takes it away;
``report`` is the class's report (from the server, or from ``tutor export --format json`` files).
See docs/class-store.md. Exit codes: 0 done, 1 the class store refused or cannot be reached,
2 usage.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "class",
        help="a shared class store: set it up, add students, see the class's report",
        description="For instructors: a class store on PostgreSQL that every student's tutor "
        "sends its answers to, and the class's report. See the README's 'For a class'.",
    )
    verbs = parser.add_subparsers(dest="class_command", metavar="ACTION", required=True)

    init = verbs.add_parser(
        "init",
        help="create or update the class store (run as the database's owner)",
        description="Create the class store's tables, the students' group role and row-level "
        "security in the database of URL, or bring an older one up to date. Run it as the "
        "database's owner, a role with CREATEROLE. Running it again is harmless.",
    )
    init.add_argument("url", metavar="URL", help="postgresql://OWNER@HOST/DATABASE")
    init.add_argument(
        "--group", metavar="ROLE", help="the students' group role (default: DATABASE_students)"
    )
    init.set_defaults(run=run_init)

    add = verbs.add_parser(
        "add-student",
        help="give a student a login and print the URL they use",
        description="Create NAME's login role with a generated password and print the URL the "
        "student sets as TUTOR_STORE. Adding a student again gives a new password.",
    )
    add.add_argument("name", metavar="NAME", help="the student's name (their login role)")
    _store_option(add)
    add.set_defaults(run=run_add)

    remove = verbs.add_parser(
        "remove-student",
        help="take a student's login away (their answers stay)",
        description="Revoke NAME's login and membership of the class. Their answers stay in the "
        "class store and in reports.",
    )
    remove.add_argument("name", metavar="NAME")
    _store_option(remove)
    remove.set_defaults(run=run_remove)

    report = verbs.add_parser(
        "report",
        help="how the class did: students, questions, common wrong answers",
        description="Per student (answers, score, lessons done, last active, answers waiting); "
        "per question (first-try success, mean tries, hint rate, discrimination, flags); and the "
        "class's most common wrong answers per question with the YAML line to paste into the "
        "lesson. From the class store, or from 'tutor export --format json' files with --from.",
    )
    report.add_argument("--lesson", metavar="ID", help="only this lesson")
    report.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="default table"
    )
    report.add_argument(
        "--from",
        dest="from_files",
        metavar="FILE",
        nargs="+",
        help="exported answers ('tutor export --format json' or csv) instead of a server",
    )
    _store_option(report)
    report.set_defaults(run=run_report)


def _store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="the class store, as its owner (default: $TUTOR_STORE)",
    )


class _Stop(Exception):
    """Ends a command with this exit code (its message already printed)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _store(args: argparse.Namespace) -> str:
    """The class store's URL, or stop with a usage error."""
    from tutor.paths import ENV_STORE, store_url

    url = store_url(getattr(args, "store", None))
    if url is None:
        print(
            f"tutor class: give the class store with --store URL or ${ENV_STORE}", file=sys.stderr
        )
        raise _Stop(EXIT_USAGE)
    return url


def _fail(message: str) -> int:
    from tutor.safetext import one_line as printable

    print(f"tutor class: {printable(message)}", file=sys.stderr)
    return EXIT_FAIL


def _reported(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A class command whose refusals (``ClassStoreError``; ``ValueError`` for an unreadable
    export) are one line on stderr and exit 1, never a traceback."""

    @functools.wraps(run)
    def wrapper(args: argparse.Namespace) -> int:
        from tutor.classroom.server import ClassStoreError

        try:
            return run(args)
        except _Stop as stop:
            return stop.code
        except (ClassStoreError, ValueError) as exc:
            return _fail(str(exc))

    return wrapper


@_reported
def run_init(args: argparse.Namespace) -> int:
    from tutor.classroom import schema
    from tutor.classroom.server import describe
    from tutor.safetext import one_line as printable

    old, new, group = schema.init(args.url, args.group)
    where = printable(describe(args.url))
    if old == new:
        print(f"The class store {where} is up to date (schema {new}).")
    elif old == 0:
        print(
            f"The class store {where} is ready (schema {new}); students' group: {printable(group)}."
        )
        print("Next: 'tutor class add-student NAME --store URL' for each student.")
    else:
        print(f"The class store {where} was updated from schema {old} to {new}.")
    return EXIT_OK


@_reported
def run_add(args: argparse.Namespace) -> int:
    from tutor.classroom import schema
    from tutor.safetext import one_line as printable

    student_url = schema.add_student(_store(args), args.name)
    print(
        f"Added {printable(args.name)}. Give them this URL (it holds their password):",
        file=sys.stderr,
        flush=True,
    )
    print(student_url, flush=True)
    print(
        "They run: export TUTOR_STORE='<the URL>'; tutor   (or tutor --store '<the URL>' ...)",
        file=sys.stderr,
    )
    return EXIT_OK


@_reported
def run_remove(args: argparse.Namespace) -> int:
    from tutor.classroom import schema
    from tutor.safetext import one_line as printable

    if not schema.remove_student(_store(args), args.name):
        return _fail(f"{printable(args.name)} is not a student of this class")
    print(f"Removed {printable(args.name)}: they can no longer log in; their answers stay.")
    return EXIT_OK


@_reported
def run_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from tutor.classroom import report, report_format
    from tutor.classroom.progressbar import bar
    from tutor.safetext import one_line as printable

    with bar("Building the report") as step:
        if args.from_files:
            files = [Path(f) for f in args.from_files]
            built = report.from_exports(files, lesson=args.lesson, step=step)
        else:
            built = report.from_server(_store(args), lesson=args.lesson, step=step)
    if not built.students:
        what = f"lesson {printable(args.lesson)}" if args.lesson else "the class"
        print(f"tutor class: no answers yet for {what}", file=sys.stderr)
        if args.format == "table":
            return EXIT_OK
    report_format.write(built, args.format, sys.stdout)
    return EXIT_OK
