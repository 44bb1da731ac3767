"""A property of every lesson: its own answer, typed exactly as the lesson writes it, earns full
credit. Checked for every question of the bundled course and of every lesson in the test data
(with the rest of its folder as the course, as a student meets it), for each form the lesson
gives: the answer and each accepted form (text), all items and each item's forms in turn (list),
the value as written (number), each right option by text and by letter (choice), the right options
together (multi), and the truth value (truefalse)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.grading import Grader
from tutor.loader import load_course
from tutor.model import Course, Question, QuestionType

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = [ROOT / "lessons"] + sorted({p.parent for p in (ROOT / "tests" / "data").rglob("*.yaml")})


def typed_as_written(q: Question) -> list[str]:
    """What a student copying the lesson's answer would type."""
    letters = [chr(ord("A") + i) for i in q.correct]
    right = [q.options[i] for i in q.correct]
    match q.type:
        case QuestionType.TEXT:
            return [form for item in q.items for form in item.forms] or [q.answer]
        case QuestionType.LIST:
            whole = [", ".join(item.text for item in q.items)]
            # each form of one item, with the others as written
            for n, item in enumerate(q.items):
                for form in item.accept:
                    names = [form if i == n else it.text for i, it in enumerate(q.items)]
                    whole.append(", ".join(names))
            return whole
        case QuestionType.CHOICE:
            return right + letters
        case QuestionType.MULTI:
            return [", ".join(right), ", ".join(letters)]
        case QuestionType.NUMBER | QuestionType.TRUEFALSE:
            return [q.answer]
        case QuestionType.OPEN:  # the model answer: the points, one after another
            return [q.answer]
    raise AssertionError(f"no written answer for kind {q.type}")


def _cases() -> list[tuple[Course, Question, str]]:
    cases = []
    for folder in FOLDERS:
        course, _problems = load_course([folder])
        for lesson in course.lessons:
            for q in lesson.questions:
                for text in typed_as_written(q):
                    cases.append((course, q, text))
    return cases


CASES = _cases()
GRADERS: dict[int, Grader] = {}


def test_every_kind_and_folder_is_covered() -> None:
    kinds = {q.type for _, q, _ in CASES}
    assert kinds == set(QuestionType)
    units = {q.number.unit for _, q, _ in CASES if q.number is not None}
    assert {"m/s", "m/s2", "people"} <= units


@pytest.mark.parametrize(
    ("course", "question", "text"),
    CASES,
    ids=[
        f"{c.lessons[0].path.rsplit('/', 2)[-2] if c.lessons else ''}:{q.id}:{t[:30]}"
        for c, q, t in CASES
    ],
)
def test_the_lessons_own_answer_gets_full_credit(
    course: Course, question: Question, text: str
) -> None:
    grader = GRADERS.setdefault(id(course), Grader(course))
    grade = grader.grade(question, text)
    assert grade.credit == 1.0 and grade.verdict.right, (text, grade)
