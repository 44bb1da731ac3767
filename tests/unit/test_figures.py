"""Numbers as the student reads them: grouped digits and the lesson's unit, in every front end."""

from __future__ import annotations

import io

import pytest

from tutor.figures import figure, number_answer
from tutor.grading import Grader
from tutor.model import Course, Lesson, NumberSpec, Question, QuestionType
from tutor.plain import run_plain_session
from tutor.session import Session, answer_text


@pytest.mark.parametrize(
    ("x", "unit", "shown"),
    [
        (2724900, None, "2,724,900"),
        (2724900.0, "km²", "2,724,900 km²"),
        (18_000_000, "people", "18,000,000 people"),
        (1991, None, "1991"),  # a year is never "1,991"
        (9999, None, "9999"),
        (10_000, None, "10,000"),
        (2.5, None, "2.5"),
        (3.0, None, "3"),
        (0.75, None, "0.75"),
        (1 / 3, None, "0.33333"),
        (12345.678, None, "12,345.68"),
        (18, "%", "18%"),
        (1.5, "percent", "1.5 percent"),
        (-273.15, "°C", "-273.15 °C"),
        (6.02e23, None, "6.02 × 10^23"),
        (-0.0, None, "0"),
    ],
)
def test_figure(x, unit, shown):
    assert figure(x, unit) == shown


def test_a_bare_answer_is_written_as_a_figure_and_words_are_kept():
    assert number_answer("2724900", 2724900, "km²") == "2,724,900 km²"
    assert number_answer("2,724,900", 2724900, None) == "2,724,900"
    assert number_answer("about 18 million", 18e6, "people") == "about 18 million"
    assert number_answer("", 3, "trucks") == "3 trucks"


AREA = Question(
    id="area",
    ask="What is Kazakhstan's land area, in square kilometres?",
    type=QuestionType.NUMBER,
    answer="2724900",
    number=NumberSpec(2724900.0, 0.05, True, "km²"),
    tries=1,
)
COURSE = Course((Lesson(id="size", title="Size", steps=(AREA,)),))


def test_the_exact_figure_is_grouped_with_its_unit():
    grade = Grader(COURSE).grade(AREA, "2.7 million")
    assert grade.feedback == "Accepted \u2014 the exact figure is 2,724,900 km²."


def test_the_answer_after_the_last_try_is_grouped_with_its_unit():
    assert answer_text(AREA) == "2,724,900 km²"
    session = Session.learn(COURSE, "size", Grader(COURSE))
    session.start()
    final = [m for m in session.submit("17") if getattr(m, "final", False)]
    assert final and final[0].answer == "2,724,900 km²"
    assert session.summary().results[0].answer == "2,724,900 km²"


def test_plain_mode_shows_the_grouped_figure():
    session = Session.learn(COURSE, "size", Grader(COURSE))
    out = io.StringIO()
    run_plain_session(session, stdin=io.StringIO("17\n"), stdout=out, json_mode=False, intro="")
    assert "2,724,900 km²" in out.getvalue()
    assert "2724900" not in out.getvalue()
