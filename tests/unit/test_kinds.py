"""The kind registry: every question type is one kind, an unknown one is refused, and the schema
names the same kinds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tutor.grading import Grader
from tutor.kinds import UnknownKind, kind, kinds
from tutor.model import Question, QuestionType

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "lesson.schema.json"


def test_every_question_type_is_one_kind() -> None:
    assert [k.type for k in kinds()] == list(QuestionType)
    for t in QuestionType:
        assert kind(t) is kind(t.value)
        assert kind(t).grading_rules(), t  # the heavy parts resolve


@pytest.mark.parametrize("name", ["opinion", "essay", "", "TEXT "])
def test_an_unknown_kind_is_refused(name: str) -> None:
    with pytest.raises(UnknownKind, match="the kinds are text, number"):
        kind(name)


def test_the_schema_lists_the_kinds() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    listed = schema["$defs"]["question"]["properties"]["type"]["anyOf"][0]["enum"]
    assert listed == [k.name for k in kinds()]


def test_a_question_of_no_known_kind_is_not_graded_as_text() -> None:
    q = Question(id="q", ask="Capital?", type="essay", answer="Astana")  # type: ignore[arg-type]
    grade = Grader().grade(q, "Astana")
    assert grade.verdict.value == "invalid" and grade.credit == 0.0


def test_type_specific_keys_belong_to_their_kinds() -> None:
    owners = {
        key: sorted(k.name for k in kinds() if key in k.keys) for k in kinds() for key in k.keys
    }
    assert owners == {
        "accept": ["choice", "list", "multi", "text"],  # choice, multi: other spellings of options
        "need": ["list", "open"],
        "points": ["open"],
        "tolerance": ["number"],
        "unit": ["number"],
        "options": ["choice", "multi"],
    }
