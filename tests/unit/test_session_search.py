"""Answering free questions from the course: the FTS5 index, its ranking, and what is withheld."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.grading import Grader
from tutor.loader import load_course
from tutor.messages import Feedback, Info
from tutor.model import Course, GlossaryEntry, Lesson, Question, QuestionType, Teach
from tutor.session import Session
from tutor.session.search import CourseIndex, course_index
from tutor.session.withhold import reveals

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped() -> tuple[Course, Grader]:
    course, _ = load_course([ROOT / "lessons"])
    return course, Grader(course)


def own_course() -> Course:
    """An instructor's course the tutor has never seen."""
    q = Question(id="boil", ask="At what temperature does water boil at sea level, in °C?",
                 type=QuestionType.NUMBER, answer="100", explain="Water boils at 100 °C.")
    q = Question(**{**{f: getattr(q, f) for f in q.__dataclass_fields__}})
    lesson = Lesson(
        id="water", title="Water", summary="How water changes state.",
        steps=(Teach("Ice **melts** at 0 °C. Steam is water as a gas.\n\nClouds are droplets."), q),
        glossary=(GlossaryEntry("Condensation", "Gas turning back into liquid."),),
    )
    other = Lesson(id="rocks", title="Rocks", steps=(Teach("Granite is an igneous rock."),))
    return Course((lesson, other))


def test_every_kind_of_passage_is_indexed_and_named_by_lesson():
    index = CourseIndex(own_course())
    kinds = {p.kind for p in index.passages}
    assert kinds == {"teach", "glossary", "explain", "lesson"}
    hit = index.search("what is granite?")[0]
    assert (hit.passage.lesson_number, hit.passage.lesson_title) == (2, "Rocks")
    assert "Granite is an igneous rock" in hit.passage.text
    assert index.search("what is condensation")[0].passage.kind == "glossary"
    assert "**" not in index.search("when does ice melt")[0].passage.text


def test_misspelt_words_are_mended_to_course_words():
    index = CourseIndex(own_course())
    assert index.search("what are cluods made of")[0].passage.text == "Clouds are droplets."


def test_nothing_found_for_what_the_course_does_not_cover():
    index = CourseIndex(own_course())
    assert index.search("who won the football world cup?") == []
    assert index.search("why?") == []


def test_the_index_is_built_once_per_course():
    course = own_course()
    assert course_index(course) is course_index(course)
    assert course_index(own_course()) is not course_index(course)


def test_a_passage_holding_the_answer_is_never_shown_while_its_question_is_open():
    course = own_course()
    s = Session.learn(course, "water", _Never(), start_at=1)
    s.start()
    out = s.submit("at what temperature does water boil?")
    assert len(out) == 1 and isinstance(out[0], Info) and out[0].kind == "withheld"
    assert "100" not in out[0].text
    assert s.question is not None  # still open, no try used
    out = s.submit("how does ice melt?")
    assert out[0].kind == "course" and "Lesson 1, Water: Ice melts at 0 °C" in out[0].text


def test_reveals_reads_numbers_and_forms_but_not_what_the_student_said(shipped):
    course, _ = shipped
    q = course.lesson("hedging").question("new-president")
    assert reveals("Kassym-Jomart Tokayev succeeded him.", q)
    assert reveals("Tokayev took over.", q)
    assert not reveals("Tokayev took over.", q, said="who is Tokayev?")
    assert not reveals("Nazarbayev stepped down.", q)


def test_course_questions_in_the_shipped_course(shipped):
    course, grader = shipped
    s = Session.learn(course, "neighbourhood", grader)
    s.start()
    out = s.submit("why did Pompeo visit Central Asia?")
    assert out[0].kind == "course" and "Pompeo" in out[0].text
    assert "Lesson 7, Hedging bets" in out[0].text and out[0].lesson_ref == "hedging"
    assert "More on this in Lesson 7, Hedging bets: you can open it" in out[0].text
    out = s.submit("who won the football world cup in 2018?")
    assert "doesn't cover" in out[0].text and "Hedging bets" in out[0].text
    assert not any(isinstance(m, Feedback) for m in out)


def test_the_open_questions_answer_is_withheld_in_the_shipped_course(shipped):
    course, grader = shipped
    lesson = course.lesson("hedging")
    index = next(i for i, st in enumerate(lesson.steps) if getattr(st, "id", "") == "new-president")
    s = Session.learn(course, "hedging", grader, start_at=index)
    s.start()
    for line in ["who succeeded Nazarbayev?", "who is the new president of Kazakhstan?",
                 "tell me about the new Kazakh president"]:
        out = s.submit(line)
        assert not any("Tokayev" in getattr(m, "text", "") for m in out), (line, out)
    assert s.question is not None and s.question.id == "new-president"


class _Never:
    def grade(self, question, text):
        from tutor.grading.result import Grade, Verdict

        return Grade(Verdict.WRONG, 0.0, "no")
