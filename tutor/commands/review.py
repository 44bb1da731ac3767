"""``tutor review``: the questions due for spaced review (FSRS), in the app or as plain lines."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tutor.model import Course
    from tutor.store import Store


def add_parser(sub: argparse._SubParsersAction) -> None:
    from tutor.store.commandline import add_store_options

    parser = sub.add_parser(
        "review",
        help="the questions due for review today",
        description="Ask again the questions that spaced review (FSRS) says are due: missed "
        "ones come back the next day, well-known ones after longer and longer gaps.",
    )
    parser.add_argument(
        "--limit", type=int, metavar="N", help="at most N questions (the most overdue first)"
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="plain lines instead of the full-screen app",
    )
    parser.add_argument(
        "--json", action="store_true", help="plain mode: one JSON object per line (for scripts)"
    )
    add_store_options(parser)
    parser.set_defaults(run=run)


def _when(due: datetime, now: datetime) -> str:
    local = due.astimezone()
    gap = due - now
    if gap.total_seconds() <= 0:
        return "now"
    hours = gap.total_seconds() / 3600
    if hours < 1:
        rel = f"in {max(1, round(hours * 60))} minutes"
    elif hours < 36:
        rel = f"in about {round(hours)} hours"
    else:
        rel = f"in {round(hours / 24)} days"
    return f"{local:%Y-%m-%d %H:%M} ({rel})"


def run(args: argparse.Namespace) -> int:
    from tutor.store.commandline import load_course_or_report, open_from_args

    if args.limit is not None and args.limit < 1:
        print("tutor review: --limit must be at least 1", file=sys.stderr)
        return 2
    course = load_course_or_report(args)
    if course is None:
        return 1
    store = open_from_args(args)
    if store is None:
        return 1
    with store:
        refs = store.due_reviews(course, limit=args.limit)
        if not refs:
            return _nothing_due(store, course, json_mode=args.json)
        from tutor.grading import Grader

        grader = Grader(course)
        plain = (
            getattr(args, "plain", False)
            or args.json
            or not (sys.stdin.isatty() and sys.stdout.isatty())
        )
        if not plain:
            from tutor.tui import run_app

            return run_app(course, grader, store=store, start=("review", refs))
        from tutor.plain import run_plain_session
        from tutor.session import Session

        session = Session.review(
            course, grader, refs, observer=store, pace=sys.stdin.isatty() and not args.json
        )
        return run_plain_session(
            session, stdin=sys.stdin, stdout=sys.stdout, json_mode=bool(args.json)
        )


def _nothing_due(store: Store, course: Course, *, json_mode: bool) -> int:
    upcoming = store.next_review(course)
    if json_mode:
        print(
            json.dumps(
                {
                    "event": "nothing_due",
                    "next_review": upcoming.isoformat() if upcoming else None,
                }
            )
        )
    elif upcoming is None:
        print("Nothing to review yet: questions join the review once you have answered them.")
        print("Start with: tutor learn")
    else:
        print(f"Nothing is due for review. The next review is due {_when(upcoming, store.now())}.")
    return 0
