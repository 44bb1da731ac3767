"""The shipped course keeps the promises its README makes to students.

- every wrong option of a choice or multi question has its own ``wrong:`` reason;
- a ``wrong:`` reply never names the answer (a wrong try must not give it away before the last);
- a question's wording never hands over the answer of another question of the same lesson: no
  number another question asks for, and no answer of two or more words (a single word such as
  ``Russia`` or ``China`` is the subject of the whole course and is not a giveaway by itself).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.grading import find_numbers
from tutor.grading.normalise import words
from tutor.kinds import kind
from tutor.loader import load_course
from tutor.model import Lesson, Question, QuestionType

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
COURSE, _ = load_course([LESSONS]) if any(LESSONS.glob("*.yaml")) else (None, None)
pytestmark = pytest.mark.skipif(COURSE is None, reason="no shipped course")


def _contains(text: str, phrase: str) -> bool:
    needle = " ".join(words(phrase))
    return bool(needle) and f" {needle} " in f" {' '.join(words(text))} "


def _names_answer(question: Question, text: str, *, multiword_only: bool = False) -> list[str]:
    """The answers of ``question`` that ``text`` states outright."""
    if question.type is QuestionType.NUMBER and question.number is not None:
        value = question.number.value
        return [question.answer] if any(abs(n.value - value) < 1e-9 for n in find_numbers(text)) else []
    if question.type is QuestionType.CHOICE:
        forms = [[question.options[i]] for i in question.correct]
    elif question.type in (QuestionType.TEXT, QuestionType.LIST):
        forms = [list(item.forms) for item in question.items]
    else:
        return []
    named = []
    for item_forms in forms:
        hits = [f for f in item_forms if _contains(text, f)]
        if hits and (not multiword_only or any(len(words(f)) > 1 for f in hits)):
            named.append(hits[0])
    if question.type is QuestionType.LIST and len(named) < len(forms):
        return []  # naming some of a list's items is no giveaway of the whole answer
    return named


def _questions() -> list[tuple[Lesson, Question]]:
    assert COURSE is not None
    return [(lesson, q) for lesson in COURSE.lessons for q in lesson.questions]


def _ids(pairs: list[tuple[Lesson, Question]]) -> list[str]:
    return [f"{lesson.id}/{q.id}" for lesson, q in pairs]


QUESTIONS = _questions() if COURSE is not None else []


CHOICES = [(lesson, q) for lesson, q in QUESTIONS if kind(q.type).options]


@pytest.mark.parametrize(("lesson", "question"), CHOICES, ids=_ids(CHOICES))
def test_every_wrong_option_has_its_own_reason(lesson: Lesson, question: Question) -> None:
    keyed = {w.text.casefold() for w in question.wrong}
    missing = [
        option
        for i, option in enumerate(question.options)
        if i not in question.correct and not keyed & {option.casefold(), chr(ord("a") + i)}
    ]
    assert missing == []


@pytest.mark.parametrize(("lesson", "question"), QUESTIONS, ids=_ids(QUESTIONS))
def test_wrong_replies_do_not_give_the_answer_away(lesson: Lesson, question: Question) -> None:
    given = {w.text: _names_answer(question, w.reply) for w in question.wrong}
    assert {k: v for k, v in given.items() if v} == {}


@pytest.mark.parametrize(("lesson", "question"), QUESTIONS, ids=_ids(QUESTIONS))
def test_wording_does_not_answer_another_question(lesson: Lesson, question: Question) -> None:
    answered = {
        other.id: named
        for other in lesson.questions
        if other is not question
        and (named := _names_answer(other, question.ask, multiword_only=True))
    }
    assert answered == {}
