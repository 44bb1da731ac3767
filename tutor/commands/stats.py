"""``tutor stats``: progress per lesson, the weakest questions, history no longer in the course."""

from __future__ import annotations

import argparse
import os
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    from tutor.store.commandline import add_store_options

    parser = sub.add_parser(
        "stats",
        help="your progress: lessons done, best scores, weakest questions",
        description="Progress per lesson (status, best score, last seen), the weakest questions "
        "(lowest share right, most 'again'), and questions no longer in the course.",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--weakest", type=int, default=10, metavar="N", help="how many weak questions (10)"
    )
    add_store_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tutor import paths
    from tutor.commands import common
    from tutor.safetext import json_text, printable
    from tutor.store import stats

    opened = common.course_and_store(args, "stats", readonly=True)
    if opened is None:
        return common.EXIT_FAIL
    course, store = opened
    with store:
        report = stats.compute(store, course, weakest=max(0, args.weakest))
    if args.json:
        sys.stdout.write(json_text(stats.to_json(report), indent=2) + "\n")
    else:
        named = bool(getattr(args, "student", None) or os.environ.get(paths.ENV_STUDENT))
        sys.stdout.write(printable(stats.format_text(report, named=named)))
    return 0
