"""The session over the fixture course files, with the real loader and the real Grader."""

from __future__ import annotations

import pytest
from support import fixture_course

from tutor.grading import Grader
from tutor.grading.result import Verdict
from tutor.messages import Ask, Feedback, Finished, Hint, Info
from tutor.model import Course, Item, Lesson, Question, QuestionType
from tutor.session import Session


@pytest.fixture(scope="module")
def course() -> Course:
    return fixture_course()


@pytest.fixture(scope="module")
def grader(course) -> Grader:
    return Grader(course)


def at(course, grader, qid, **kw) -> Session:
    """A learn session on the neighbours lesson with question ``qid`` open."""
    lesson = course.lesson("neighbours")
    index = next(i for i, s in enumerate(lesson.steps) if getattr(s, "id", None) == qid)
    s = Session.learn(course, "neighbours", grader, start_at=index, **kw)
    s.start()
    assert s.question.id == qid
    return s


def test_real_grading_drives_retries_and_credit(course, grader):
    s = at(course, grader, "guarantor")
    fb = s.submit("Prussia")[0]
    assert isinstance(fb, Feedback) and not fb.final and fb.grade.verdict is Verdict.WRONG
    assert isinstance(s.submit("hint")[0], Hint)
    fb = s.submit("Rusia")[0]
    assert fb.final and fb.grade.verdict is Verdict.TYPO and "Russia" in fb.text
    assert fb.awarded == pytest.approx(0.6)  # second try, one hint


def test_unsure_answer_and_padded_answer(course, grader):
    s = at(course, grader, "guarantor")
    fb = s.submit("Russia?")[0]
    assert isinstance(fb, Feedback) and fb.final and fb.awarded == 1.0
    s = at(course, grader, "guarantor")
    out = s.submit("what is Russia?")  # asked as a question to the tutor: costs nothing
    assert isinstance(out[0], Info) and out[0].understood == "define"
    assert s.summary().results[0].tries == 0


def test_glossary_questions_with_real_grader(course, grader):
    s = at(course, grader, "frameworks")
    for text in ["what is the SCO?", "what does EAEU stand for?", "define the SCO", "hnit"]:
        out = s.submit(text)
        assert len(out) == 1 and isinstance(out[0], Info | Hint), text
    assert s.summary().results[0].tries == 0
    fb = s.submit("a c")[0]
    assert fb.final and fb.awarded == pytest.approx(0.85)


def test_truefalse_commands_are_commands(course, grader):
    s = at(course, grader, "landlocked")
    assert s.submit("help")[0].kind == "help"
    assert s.submit("why")[0].kind == "notice"  # nothing closed yet: a calm notice, no try used
    fb = s.submit("no")[0]
    assert fb.final and fb.awarded == 1.0


def test_command_words_as_real_answers(grader):
    q = Question(
        id="button",
        ask="Which word moves you past a question?",
        type=QuestionType.TEXT,
        answer="skip",
        items=(Item("skip", ("pass",)),),
    )
    h = Question(
        id="cry",
        ask="What do you shout when you need someone?",
        type=QuestionType.TEXT,
        answer="Help",
        items=(Item("Help"),),
    )
    lesson = Lesson(id="words", title="Words", steps=(q, h))
    c = Course((lesson,))
    s = Session.learn(c, "words", Grader(c))
    s.start()
    fb = s.submit("Skip!")[0]
    assert isinstance(fb, Feedback) and fb.final and fb.awarded == 1.0
    out = s.submit("help")
    assert isinstance(out[0], Feedback) and out[0].final
    assert isinstance(out[-1], Finished) and out[-1].summary.score == 1.0


def test_whole_fixture_lesson_with_real_grader(course, grader):
    s = Session.learn(course, "neighbours", grader)
    out = s.start()
    answers = ["nineteen ninety-one", "the Russian Federation", "DPRK & Mongolia",
               "Economic networks", "A, C", "false"]
    for text in answers:
        assert isinstance(out[-1], Ask)
        out = s.submit(text)
        assert out[0].final and out[0].awarded == 1.0, (text, out[0])
    fin = out[-1]
    assert isinstance(fin, Finished) and fin.summary.score == 1.0 and fin.summary.completed


def test_quiz_with_real_grader_same_seed_same_order(course, grader):
    def order(seed):
        s = Session.quiz(course, grader, seed=seed)
        out = s.start()
        ids = []
        while not s.done:
            ids.append(s.question.id)
            out = s.submit("skip")
        return ids, out[-1]

    a, fin = order(1)
    assert order(1)[0] == a and len(a) == course.question_count
    assert fin.summary.earned == 0 and len(fin.summary.by_lesson) == 2
