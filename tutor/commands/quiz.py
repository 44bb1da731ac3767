"""``tutor quiz``: questions drawn from the chosen lessons (default: all), shuffled.

``--seed S`` makes the draw repeatable (the same quiz for a whole class); ``--count N`` asks N
questions. Exit codes as for ``tutor learn``: 0 finished, 1 course or progress error, 2 usage
(unknown lesson id, bad count), 3 ended early (quit or end of input), 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys

from tutor.commands import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "quiz",
        help="a quick quiz across lessons",
        description="Test yourself: questions drawn from the lessons you choose (default: all), "
        "in a shuffled order. Same hints, retries and commands as a lesson; the summary breaks "
        "the score down by lesson.",
        epilog="Exit status: 0 finished, 1 course or progress error, 2 bad arguments, "
        "3 ended early (quit or end of input).",
    )
    parser.add_argument(
        "--lesson",
        dest="lesson_ids",
        metavar="ID",
        action="append",
        help="draw from this lesson (repeat for several; default: every lesson)",
    )
    parser.add_argument("--count", type=int, metavar="N", help="ask N questions (default: all)")
    parser.add_argument(
        "--seed", type=int, metavar="S", help="the same seed gives the same questions in the same order"
    )
    common.add_front_end_options(parser)
    common.add_progress_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.count is not None and args.count < 1:
        print("tutor quiz: --count must be at least 1", file=sys.stderr)
        return common.EXIT_USAGE
    course = common.load_course(args, "quiz")
    if course is None:
        return common.EXIT_FAIL
    lesson_ids = list(dict.fromkeys(args.lesson_ids)) if args.lesson_ids else None
    if lesson_ids and common.unknown_lessons(course, lesson_ids, "quiz"):
        return common.EXIT_USAGE
    if course.question_count == 0:
        print("tutor quiz: the course has no questions", file=sys.stderr)
        return common.EXIT_FAIL
    store = common.open_store(args)
    if store is None:
        return common.EXIT_FAIL
    with store:
        grader = common.grader_for(course)
        if not common.wants_plain(args):
            start = ("quiz", {"lesson_ids": lesson_ids, "count": args.count, "seed": args.seed})
            return common.run_tui(course, grader, store, start)
        from tutor.session import Session

        progress = store.lesson_progress([lesson.id for lesson in course.lessons], course)
        session = Session.quiz(
            course,
            grader,
            lesson_ids=lesson_ids,
            count=args.count,
            seed=args.seed,
            observer=store,
            pace=common.pace(args),
            lesson_status={lesson_id: p.status for lesson_id, p in progress.items()},
        )
        return common.run_plain(args, session)
