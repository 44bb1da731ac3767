"""``tutor try LESSON QUESTION_ID ANSWER``: grade one answer from the shell, for instructors.

Prints the verdict, the credit, the accepted form it matched, the feedback the student would
read and the grading rule that decided (``--json``: one JSON object, ``"rule"`` among its keys). Exit status: 0 whenever grading ran, whatever the verdict;
1 when the lesson or the question cannot be found (or the lesson has errors); 2 for usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "try",
        help="grade one answer to one question, as a student would see it",
        description="Grade ANSWER against one question and print the verdict, the credit, the "
        "form it matched and the feedback. LESSON is a lesson file or a lesson id in the course "
        "(--lessons). The rest of the course is loaded too, since its answers compete with "
        "typos. Exit status: 0 whenever grading ran, 1 lesson or question not found, 2 usage.",
        epilog="Example: tutor try neighbours guarantor 'Rusia'. An answer that starts with '-' "
        "goes after '--': tutor try LESSON ID -- -5",
    )
    parser.add_argument("lesson", metavar="LESSON", help="a lesson file, or a lesson id")
    parser.add_argument("question", metavar="QUESTION_ID", help="the question's id")
    parser.add_argument(
        "answer",
        metavar="ANSWER",
        nargs="+",
        help="what the student types (several words are joined with spaces)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def _fail(message: str) -> int:
    from tutor.safetext import printable

    print(printable(f"tutor try: {message}"), file=sys.stderr)
    return 1


def _load(spec: str, lessons_option: str | None):
    """``(lesson, course, error)`` for a lesson file path or a lesson id in the course."""
    from tutor.loader import load_course, load_lesson
    from tutor.model import Course
    from tutor.paths import course_dir

    path = Path(spec).expanduser()
    if path.is_file():
        lesson, problems = load_lesson(path)
        if lesson is None:
            errors = "\n".join(str(p) for p in problems if p.severity == "error")
            return None, None, f"{spec} has errors:\n{errors}" if errors else f"cannot load {spec}"
        # Its folder is its course: the other lessons' answers compete with typos there too.
        course, _ = load_course([path.parent])
        target = os.path.realpath(path)  # Path.resolve raises on a symlink loop
        if not any(os.path.realpath(lsn.path) == target for lsn in course.lessons):
            others = tuple(lsn for lsn in course.lessons if lsn.id != lesson.id)
            course = Course((*others, lesson))
        else:
            lesson = next(lsn for lsn in course.lessons if os.path.realpath(lsn.path) == target)
        return lesson, course, None
    folder = course_dir(lessons_option)
    if not folder.exists():
        return None, None, f"no lesson file '{spec}', and no course folder at {folder}"
    course, _ = load_course([folder])
    lesson = course.lesson(spec)
    if lesson is None:
        ids = ", ".join(lsn.id for lsn in course.lessons) or "(none)"
        return None, None, f"no lesson file or lesson id '{spec}' (course {folder}: {ids})"
    return lesson, course, None


def run(args: argparse.Namespace) -> int:
    from tutor.grading import Grader
    from tutor.safetext import clean_input, json_text, printable

    lesson, course, error = _load(args.lesson, getattr(args, "lessons", None))
    if error is not None or lesson is None:
        return _fail(error or "cannot load the lesson")
    question = lesson.question(args.question)
    if question is None:
        ids = ", ".join(q.id for q in lesson.questions) or "(none)"
        return _fail(f"no question '{args.question}' in lesson '{lesson.id}'; questions: {ids}")
    typed = " ".join(args.answer)
    answer = clean_input(typed)  # exactly what a lesson session grades
    grade = Grader(course).grade(question, answer)
    if args.json:
        data = {"lesson": lesson.id, "question": question.id, "answer": answer}
        data.update(grade.to_dict())
        print(json_text(data))
        return 0
    rows = [
        ("question", f"{question.id} ({question.type.value}): {question.ask.strip()}"),
        ("answer", answer if answer == typed and answer else f"{answer!r} (as typed: {typed!r})"),
        ("verdict", grade.verdict.value + ("" if grade.verdict.counts else " (not counted)")),
        ("credit", f"{grade.credit:g}"),
        ("matched", grade.matched if grade.matched is not None else "-"),
    ]
    if grade.found:
        rows.append(("found", ", ".join(grade.found)))
    if grade.missing:
        rows.append(("missing", ", ".join(grade.missing)))
    if grade.extra:
        rows.append(("extra", ", ".join(grade.extra)))
    rows.append(("feedback", grade.feedback))
    rows.append(("rule", grade.rule))
    for label, value in rows:
        print(printable(f"{label:<9} {value}"))
    return 0
