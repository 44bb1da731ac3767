"""``tutor review``: the questions due for spaced review (FSRS), in the app or as plain lines."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from tutor.commands import common
from tutor.safetext import json_text

if TYPE_CHECKING:
    from tutor.model import Course
    from tutor.store import Store


def add_parser(sub: argparse._SubParsersAction) -> None:
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
        "--missed",
        action="store_true",
        help="instead: practise now the questions you missed today, whatever the schedule says",
    )
    common.add_front_end_options(parser)
    common.add_progress_options(parser)
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
    if args.limit is not None and args.limit < 1:
        print("tutor review: --limit must be at least 1", file=sys.stderr)
        return 2
    opened = common.course_and_store(args, "review")
    if opened is None:
        return common.EXIT_FAIL
    course, store = opened
    with store:
        if args.missed:
            refs = store.missed_today(course)[: args.limit]
            if not refs:
                return _nothing_missed(json_mode=args.json)
        else:
            refs = store.due_reviews(course, limit=args.limit)
        if not refs:
            return _nothing_due(store, course, json_mode=args.json)
        grader = common.grader_for(course)
        if not common.wants_plain(args):
            return common.run_tui(course, grader, store, ("review", refs))
        from tutor.session import Session

        make = Session.practice if args.missed else Session.review
        session = make(course, grader, refs, observer=store, pace=common.pace(args))
        return common.run_plain(args, session)


def _nothing_missed(*, json_mode: bool) -> int:
    if json_mode:
        print(json_text({"event": "nothing_missed", "text": "Nothing missed today."}))
    else:
        print("Nothing missed today: every question you answered today was right.")
    return common.EXIT_OK


def _nothing_due(store: Store, course: Course, *, json_mode: bool) -> int:
    upcoming = store.next_review(course)
    if json_mode:
        print(
            json_text(
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
