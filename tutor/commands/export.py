"""``tutor export``: every graded answer, one row each, as CSV or JSON Lines, for instructors."""

from __future__ import annotations

import argparse
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
        "--output",
        "-o",
        metavar="FILE",
        help="write to FILE instead of standard output: a new file, or with --force an existing "
        "regular file (it is replaced whole, only once the export is complete)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace FILE if it exists (never the progress file, a link or a device)",
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
    from tutor.safetext import printable
    from tutor.store import export

    def fail(message: str, code: int = 1) -> int:
        print(printable(f"tutor export: {message}"), file=sys.stderr)
        return code

    since = None
    if args.since:
        try:
            since = export.parse_since(args.since)
        except ValueError as exc:
            return fail(str(exc), 2)
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
            refused = export.refuse_target(target, store.path, force=args.force)
            if refused is not None:
                return fail(refused)
            try:
                count = export.write_file(target, args.format, rows, raw=args.raw)
            except OSError as exc:
                return fail(f"cannot write {target}: {exc.strerror or exc}")
    whose = "all students" if args.all_students else store.student
    where = args.output if args.output and args.output != "-" else "standard output"
    print(printable(f"tutor: exported {count} answers ({whose}) to {where}"), file=sys.stderr)
    return 0
