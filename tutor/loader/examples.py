"""The instructor's own tests: each question's ``examples:`` run through the grader.

An ``accept`` example must get full credit (``verdict.right``); a ``reject`` example must not; a
``partial`` example (open questions) must be found to make exactly the points it lists.
Used by ``tutor check``; kept out of ``load_course`` so that loading never pays for grading.
"""

from __future__ import annotations

from typing import Any

from tutor.loader.problems import ERROR, Problem, problem_sort_key
from tutor.model import Course, Example, Question


def _problem(path: str, example: Example, message: str) -> Problem:
    return Problem(path, example.pos.line, example.pos.column, message, ERROR)


def _has_examples(course: Course) -> bool:
    return any(
        q.accept_examples or q.reject_examples or q.partial_examples
        for lesson in course.lessons
        for q in lesson.questions
    )


def run_examples(course: Course, grader: object | None = None) -> list[Problem]:
    """Problems for every example the grader disagrees with. Needs ``tutor.grading.Grader``,
    built only when some question has examples: indexing a large course's names costs more than
    reading it, and a course without examples has nothing to grade."""
    if grader is None:
        if not _has_examples(course):
            return []
        from tutor.grading import Grader

        grader = Grader(course)
    grade = grader.grade  # type: ignore[attr-defined]
    problems: list[Problem] = []
    for lesson in course.lessons:
        for question in lesson.questions:
            for example, wanted in (
                *((e, True) for e in question.accept_examples),
                *((e, False) for e in question.reject_examples),
            ):
                try:
                    result = grade(question, example.text)
                except Exception as exc:  # the grader must never raise: report, don't crash
                    problems.append(
                        _problem(
                            lesson.path,
                            example,
                            f"the grader failed on example '{example.text}'"
                            f" ({type(exc).__name__}: {exc})",
                        )
                    )
                    continue
                right = result.verdict.right
                if right == wanted:
                    continue
                said = result.verdict.value
                if result.feedback:
                    said += f": {result.feedback}"
                if wanted:
                    message = (
                        f"example '{example.text}' should be accepted, but the grader says {said}"
                    )
                else:
                    matched = f" (as '{result.matched}')" if result.matched else ""
                    message = (
                        f"example '{example.text}' should be rejected, but the grader accepts it"
                        f"{matched}"
                    )
                problems.append(_problem(lesson.path, example, message))
            for example in question.partial_examples:
                wrong_points = _partial_problem(question, example, grade)
                if wrong_points:
                    problems.append(_problem(lesson.path, example, wrong_points))
    problems.sort(key=problem_sort_key)
    return problems


def _partial_problem(question: Question, example: Example, grade: Any) -> str | None:
    """What is wrong with a ``partial:`` example of an open question, or None."""
    try:
        result = grade(question, example.text)
    except Exception as exc:  # the grader must never raise: report, don't crash
        return f"the grader failed on example '{example.text}' ({type(exc).__name__}: {exc})"
    number = {p.text: i for i, p in enumerate(question.points, 1)}
    found = sorted(number[t] for t in result.found if t in number)
    wanted = list(example.points)
    if found == wanted:
        return None

    def names(ns: list[int]) -> str:
        return ", ".join(str(n) for n in ns) if ns else "none"

    return (
        f"example '{example.text}' should make point(s) {names(wanted)}, but the grader finds"
        f" {names(found)} ({result.verdict.value})"
    )
