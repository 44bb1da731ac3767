"""A lesson's ``synonyms:``: read into the model, every mistake reported at its place, and
applied by the grader in every question of that lesson (answers, list items, wrong entries)."""

from __future__ import annotations

from pathlib import Path

from tutor.grading import Grader, Verdict
from tutor.loader import load_course, load_lesson
from tutor.model import Synonym

LESSON = """\
id: planes
title: Planes
synonyms:
  aircraft: [plane, planes]
  nations: countries
  truck: wagon
steps:
  - id: gift
    ask: What did China give?
    answer: heavy trucks
  - id: kind
    ask: What did Kazakhstan buy?
    answer: transport aircraft
    wrong:
      fighter aircraft: Those are for combat.
  - id: items
    ask: Name the two buyers.
    type: list
    answer: [Western nations, Asian nations]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lesson.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_synonyms_are_read(tmp_path: Path) -> None:
    lesson, problems = load_lesson(_write(tmp_path, LESSON))
    assert lesson is not None, problems
    assert [(s.word, s.others) for s in lesson.synonyms] == [
        ("aircraft", ("plane", "planes")),
        ("nations", ("countries",)),
        ("truck", ("wagon",)),
    ]
    assert all(isinstance(s, Synonym) and s.pos.line > 0 for s in lesson.synonyms)


def test_synonyms_count_in_every_question_of_the_lesson(tmp_path: Path) -> None:
    course, problems = load_course([_write(tmp_path, LESSON)])
    assert not [p for p in problems if p.is_error], problems
    lesson = course.lesson("planes")
    assert lesson is not None
    gift, kind, items = lesson.questions
    grader = Grader(course)
    assert grader.grade(kind, "transport planes").verdict.right
    assert grader.grade(kind, "fighter planes").verdict is Verdict.MISCONCEPTION
    assert grader.grade(items, "Western countries and Asian countries").verdict.right
    assert grader.grade(gift, "heavy wagons").verdict.right
    # the lesson's own synonym (not a default one) means nothing without the lesson
    assert not Grader().grade(gift, "heavy wagons").verdict.right


def test_synonym_mistakes_are_reported_where_they_are(tmp_path: Path) -> None:
    text = LESSON.replace(
        "  nations: countries\n",
        "  nations: countries\n  lonely: []\n  long: [a phrase of far too many words here]\n",
    )
    lesson, problems = load_lesson(_write(tmp_path, text))
    messages = [f"{p.line}: {p.message}" for p in problems if p.is_error]
    assert lesson is None
    assert any(m.startswith("6:") and "names no other word" in m for m in messages), messages
    assert any(m.startswith("7:") and "too long for a synonym" in m for m in messages), messages
