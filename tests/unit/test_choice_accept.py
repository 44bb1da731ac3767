"""``accept:`` on choice and multi options: other spellings of an option's text name it too,
in grading, in the lesson model and through the GIFT round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.gift import export_gift, import_gift
from tutor.grading import Grader, Verdict
from tutor.loader import load_lesson

LESSON = """\
id: accept
title: Other spellings
steps:
  - id: capital
    ask: What was Kazakhstan's capital called in 2020?
    type: choice
    options: [Nur-Sultan, Almaty, Shymkent]
    answer: A
    accept:
      Nur-Sultan: [Nursultan, Astana]
      B: Alma-Ata
    hints: [Renamed in 2019.]
    explain: Astana was called Nur-Sultan from 2019 to 2022.
  - id: cities
    ask: Which two are the largest cities?
    type: multi
    options: [Almaty, Shymkent, Turkestan]
    answer: [A, B]
    accept: {Almaty: [Alma-Ata]}
    hints: [The old capital and the south.]
    explain: Almaty and Shymkent.
"""


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    path = tmp_path_factory.mktemp("accept") / "accept.yaml"
    path.write_text(LESSON, encoding="utf-8")
    lesson, problems = load_lesson(path)
    assert lesson is not None and problems == []
    return lesson


def test_the_model_keeps_each_options_spellings(lesson):
    capital, cities = lesson.questions
    assert capital.option_accept == (("Nursultan", "Astana"), ("Alma-Ata",), ())
    assert cities.option_accept == (("Alma-Ata",), (), ())


@pytest.mark.parametrize(
    ("typed", "verdict"),
    [("Astana", Verdict.CORRECT), ("nursultan", Verdict.CORRECT), ("Alma-Ata", Verdict.WRONG),
     ("Shymkent", Verdict.WRONG)],
)  # fmt: skip
def test_a_spelling_names_its_option(lesson, typed: str, verdict: Verdict):
    grade = Grader().grade(lesson.questions[0], typed)
    assert grade.verdict is verdict


def test_a_spelling_counts_in_a_multi_answer(lesson):
    assert Grader().grade(lesson.questions[1], "Alma-Ata and Shymkent").verdict is Verdict.CORRECT


def test_spellings_survive_the_gift_round_trip(lesson):
    text, _ = export_gift([lesson])
    lessons, problems = import_gift(text, "accept.gift")
    assert problems == []
    capital, cities = lessons[0]["steps"]
    assert capital["accept"] == {"Nur-Sultan": ["Nursultan", "Astana"], "Almaty": ["Alma-Ata"]}
    assert cities["accept"] == {"Almaty": ["Alma-Ata"]}


def test_without_accept_nothing_changes(tmp_path: Path):
    path = tmp_path / "plain.yaml"
    path.write_text(LESSON.replace("    accept:\n      Nur-Sultan: [Nursultan, Astana]\n      B: Alma-Ata\n", ""))
    lesson, _ = load_lesson(path)
    assert lesson is not None and lesson.questions[0].option_accept == ()
