"""``tutor learn LESSON_ID``: walk one lesson, in the full-screen app or as plain lines.

Plain lines are used with ``--plain``/``--json`` or when stdin or stdout is not a terminal.

Exit codes: 0 the lesson reached its end; 1 the course has errors (printed as
``file:line:col: error: ...`` on stderr) or progress could not be opened; 2 usage (unknown lesson
id: the available ids are listed, with "did you mean"); 3 the lesson ended early (``quit`` or end
of input); 130 interrupted.
"""

from __future__ import annotations

import argparse

from tutor.commands import common as c


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
    c.add_front_end_options(parser)
    parser.add_argument(
        "--restart", action="store_true", help="start the lesson from the beginning"
    )
    c.add_progress_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    course = c.load_course(args, "learn")
    if course is None:
        return c.EXIT_FAIL
    if c.unknown_lessons(course, [args.lesson_id], "learn"):
        return c.EXIT_USAGE
    lesson = course.lesson(args.lesson_id)
    assert lesson is not None
    store = c.open_store(args)
    if store is None:
        return c.EXIT_FAIL
    with store:
        if args.restart:
            store.clear_place(lesson.id)
        grader = c.grader_for(course)
        if not c.wants_plain(args):
            return c.run_tui(course, grader, store, ("learn", lesson.id))
        from tutor.session import Session
        from tutor.session.resume import resume

        at = resume(store, lesson)  # --restart cleared the place
        session = Session.learn(
            course,
            lesson.id,
            grader,
            observer=store,
            start_at=at.start_at,
            pace=c.pace(args),
            prior=at.prior,
        )
        notice = at.notice(lesson)
        intro = None
        if notice:
            intro = [
                f"{notice[0].upper()}{notice[1:]} ('tutor learn {lesson.id} --restart' starts"
                " again)."
            ]
        return c.run_plain(args, session, intro)
