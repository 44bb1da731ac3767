"""What the loader builds: the model as the rest of the tutor reads it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tutor.loader import load_course, load_lesson
from tutor.model import NumberSpec, Pos, QuestionType

DATA = Path(__file__).resolve().parents[1] / "data"
COURSE = DATA / "course"
LOADER = DATA / "loader"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "lesson.yaml"
    path.write_text(textwrap.dedent(body))
    return path


def test_fixture_course_loads_with_no_problems():
    course, problems = load_course([COURSE])
    assert problems == []
    assert [lesson.id for lesson in course.lessons] == ["neighbours", "hedging"]
    assert course.question_count == 8


def test_fixture_course_conversion():
    course, _ = load_course([COURSE])
    lesson = course.lesson("neighbours")
    assert lesson.title == "Between two giants"
    assert lesson.minutes == 5 and lesson.tries == 3
    assert lesson.sources == (("article", "Akylbayev & Wong, Foreign Policy, 4 May 2021"),)
    assert [g.term for g in lesson.glossary] == ["SCO", "EAEU"]
    assert lesson.steps[0].text.startswith("Kazakhstan became independent in **1991**")
    q = {q.id: q for q in lesson.questions}

    year = q["independence"]
    assert year.type is QuestionType.NUMBER and year.answer == "1991"
    assert year.number == NumberSpec(1991.0)
    assert [e.text for e in year.accept_examples] == ["1991", "in 1991", "nineteen ninety-one"]

    text = q["guarantor"]
    assert text.type is QuestionType.TEXT and text.answer == "Russia"
    assert text.items[0].forms == ("Russia", "Russian Federation", "Moscow")
    assert text.items[0].pos == Pos(str(COURSE / "01-neighbours.yaml"), 28, 13)
    assert text.items[0].accept_pos[1] == Pos(str(COURSE / "01-neighbours.yaml"), 29, 34)
    assert [(w.text, w.pos.line) for w in text.wrong] == [("China", 31)]
    assert len(text.hints) == 2 and text.source == "article"
    assert text.pos.line == 26

    lst = q["both-borders"]
    assert [i.forms for i in lst.items] == [("Mongolia",), ("North Korea", "DPRK")]
    assert lst.answer == "Mongolia, North Korea" and lst.required == 2

    choice = q["trade-role"]
    assert choice.options == ("Security guarantor", "Economic networks", "Neither")
    assert choice.correct == (1,) and choice.answer == "B) Economic networks"
    assert choice.wrong[0].text == "Security guarantor"

    multi = q["frameworks"]
    assert multi.correct == (0, 2)
    assert multi.answer == "A) Shanghai Cooperation Organisation, C) Belt and Road Initiative"

    tf = q["landlocked"]
    assert tf.truth is False and tf.answer == "False"
    assert course.lesson("hedging").tries == 2


def test_yaml_11_traps_stay_text():
    lesson, problems = load_lesson(LOADER / "yaml11-traps.yaml")
    # The one warning: a text question whose answer is 'no' (add type: truefalse).
    assert [(p.line, p.severity) for p in problems] == [(6, "warning")]
    q = {q.id: q for q in lesson.questions}
    assert q["says-no"].answer == "no"
    assert q["says-no"].items[0].accept == ("yes no", "on", "off")
    assert q["says-no"].wrong[0].text == "yes"
    assert q["year"].items[0].forms == (
        "1991", "010", "1:20", "1_000", "0x1F", "1e3", ".inf", "~", "null", "Null_and_void",
    )  # fmt: skip
    assert q["truth"].truth is False
    assert q["letters"].options == ("yes", "no", "on")
    assert q["letters"].correct == (2,)
    assert q["letters"].wrong[0].text == "no"  # keyed by letter B


def test_answers_written_as_students_see_them():
    lesson, problems = load_lesson(LOADER / "written-as-shown.yaml")
    assert problems == []
    q = {q.id: q for q in lesson.questions}
    assert q["shown"].type is QuestionType.CHOICE  # type: Choice
    assert q["shown"].correct == (1,) and q["shown"].answer == "B) Economic networks"
    assert [w.text for w in q["shown"].wrong] == ["Security guarantor"]  # keyed by letter a
    assert q["spaced"].correct == (1,)
    assert q["letters"].type is QuestionType.MULTI and q["letters"].correct == (0, 2)
    assert q["city"].correct == (0,)  # an option holding a comma is not split
    assert q["population"].number == NumberSpec(19e6, 0.05, True, None)  # 5 percent
    assert q["distance"].number == NumberSpec(1200.0, 50.0, False, "km")  # ±50 km


def test_number_tolerance_unit_and_list_need(tmp_path):
    lesson, problems = load_lesson(
        write(
            tmp_path,
            """\
            id: numbers
            title: Numbers
            tries: 5
            steps:
              - id: population
                ask: How many people live in Kazakhstan?
                type: number
                answer: 19 million
                tolerance: 5%
                unit: people
                tries: 4
                hints: [About as many as the Netherlands.]
                explain: About 19 million.
              - id: area
                ask: Area in km2?
                type: number
                answer: "2,724,900"
                tolerance: 1,000
                hints: [Big.]
                explain: Ninth largest.
              - id: neighbours
                ask: Name two of the five neighbours.
                type: list
                answer: [Russia, China, Kyrgyzstan, Uzbekistan, Turkmenistan]
                need: 2
                hints: [Look at a map.]
                explain: Five neighbours.
            """,
        )
    )
    assert problems == []
    population, area, neighbours = lesson.questions
    assert population.number == NumberSpec(19e6, 0.05, True, "people")
    assert population.answer == "19 million"
    assert lesson.tries_for(population) == 4 and lesson.tries_for(area) == 5
    assert area.number == NumberSpec(2724900.0, 1000.0, False, None)
    assert neighbours.need == 2 and neighbours.required == 2


def test_hints_may_be_one_string_and_examples_one_string(tmp_path):
    lesson, problems = load_lesson(
        write(
            tmp_path,
            """\
            id: one
            title: One
            steps:
              - id: capital
                ask: Capital?
                answer: Astana
                hints: Starts with A.
                explain: Astana.
                examples: {accept: astana, reject: Almaty}
            """,
        )
    )
    assert problems == []
    (q,) = lesson.questions
    assert q.hints == ("Starts with A.",)
    assert [e.text for e in q.accept_examples] == ["astana"]
    assert [(e.text, e.pos.line) for e in q.reject_examples] == [("Almaty", 9)]


def test_warnings_do_not_stop_loading():
    lesson, problems = load_lesson(LOADER / "no-explain-no-hints.yaml")
    assert lesson is not None and len(problems) == 2
    assert all(p.severity == "warning" for p in problems)


def test_shipped_course_loads_without_errors():
    lessons = Path(__file__).resolve().parents[2] / "lessons"
    if not any(lessons.glob("*.yaml")):
        return  # the course is written elsewhere; the fixture course is checked above
    _, problems = load_course([lessons])
    assert [str(p) for p in problems if p.is_error] == []


def test_loader_does_not_import_textual():
    code = (
        "import sys, tutor.loader, tutor.commands.check\n"
        "from tutor.loader import load_course\n"
        f"load_course([{str(COURSE)!r}])\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
