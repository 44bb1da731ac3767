"""``tutor export``: every graded answer, one row each, as CSV or JSON Lines, for instructors."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    from tutor.paths import nonempty
    from tutor.store.commandline import add_store_options

    parser = sub.add_parser(
        "export",
        help="every answer given, as CSV or JSON Lines (for instructors)",
        description="One row per graded answer: time (UTC), student, lesson, question, mode, "
        "try, hints used, verdict, credit, final, awarded, typed text. "
        "Columns are described in docs/progress.md. Rows are streamed as they are read.",
    )
    parser.add_argument(
        "--format",
        choices=("csv", "json"),
        default="csv",
        help="csv (with a header line) or json (JSON Lines: one object per line); default csv",
    )
    parser.add_argument(
        "--all-students", action="store_true", help="every student in the progress file"
    )
    parser.add_argument(
        "--since",
        metavar="DATE",
        type=nonempty,
        help="only answers from this UTC date or time on (YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
    )
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write to FILE instead of standard output"
    )
    parser.add_argument(
        "--raw",
        action="store_true",
        help="CSV: write answers that start with = + - @ as typed (by default they get a leading "
        "' so that a spreadsheet does not run them as formulas)",
    )
    add_store_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tutor.commands.common import open_store
    from tutor.store import export

    since = None
    if args.since:
        try:
            since = export.parse_since(args.since)
        except ValueError as exc:
            print(f"tutor export: {exc}", file=sys.stderr)
            return 2
    store = open_store(args, readonly=True)
    if store is None:
        return 1
    with store:
        student = None if args.all_students else store.student
        rows = export.iter_attempts(store.connection, student=student, since=since)
        if not args.output or args.output == "-":
            count = export.write(args.format, rows, sys.stdout, raw=args.raw)
            sys.stdout.flush()
        else:
            target = Path(args.output)
            partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
            try:
                with partial.open("w", encoding="utf-8", newline="") as out:
                    count = export.write(args.format, rows, out, raw=args.raw)
                partial.replace(target)
            except OSError as exc:
                partial.unlink(missing_ok=True)
                print(
                    f"tutor export: cannot write {target}: {exc.strerror or exc}", file=sys.stderr
                )
                return 1
    whose = "all students" if args.all_students else store.student
    where = args.output if args.output and args.output != "-" else "standard output"
    print(f"tutor: exported {count} answers ({whose}) to {where}", file=sys.stderr)
    return 0
