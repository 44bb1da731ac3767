"""Own-words answers: right answers typed as varied students put them must be accepted, and no
wrong one may earn full credit.

The answers live in ``tests/data/ownwords/answers/`` (``course.yaml`` for the shipped course,
``subjects.yaml`` for the test lessons in ``tests/data/ownwords/lessons/`` on geography,
chemistry, history and literature, ``unseen.yaml`` for two lessons in
``tests/data/ownwords/unseen/`` on basic electricity and cell biology, whose answers were written
before the grader was run on them, and a third on the water cycle, written after the grader was
changed for the first two). Each question lists ``right`` and ``wrong`` answers, and
``partial`` ones where its kind gives partial credit (lists, multi, explanations): a partial
answer must earn some credit but never full credit.

Run this file as a script to print the rates and every answer judged the wrong way::

    python3 tests/unit/test_grading_ownwords.py
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tutor.grading import Grade, Grader
from tutor.loader import load_course
from tutor.model import Question

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "ownwords"
SETS = {
    "course": ([ROOT / "lessons"], DATA / "answers" / "course.yaml"),
    "subjects": ([DATA / "lessons"], DATA / "answers" / "subjects.yaml"),
    "unseen": ([DATA / "unseen"], DATA / "answers" / "unseen.yaml"),
}
# What the grader reached when these rules were written (the issue asks 98% of the shipped
# course's right answers): a change that loses ground is seen.
RIGHT_ACCEPTED = {"course": 0.98, "subjects": 0.95, "unseen": 0.92}
# Partial answers given some (never full) credit, where a set labels them.
PARTIAL_CREDITED = {"unseen": 0.96}


LABELS = ("right", "wrong", "partial")


@dataclass
class Rates:
    right: int = 0
    accepted: int = 0
    wrong: int = 0
    credited: int = 0
    partial: int = 0
    part_credited: int = 0
    refused: list[str] = field(default_factory=list)  # right answers not accepted
    passed: list[str] = field(default_factory=list)  # wrong or partial answers given full credit
    uncredited: list[str] = field(default_factory=list)  # partial answers given no credit

    @property
    def accept_rate(self) -> float:
        return self.accepted / self.right if self.right else 1.0

    @property
    def partial_rate(self) -> float:
        return self.part_credited / self.partial if self.partial else 1.0

    def line(self, name: str) -> str:
        parts = (
            f", {self.part_credited}/{self.partial} partial given some credit" if self.partial else ""
        )
        return (
            f"{name}: {self.accepted}/{self.right} right accepted ({self.accept_rate:.1%}), "
            f"{self.credited}/{self.wrong + self.partial} wrong or partial given full credit"
            + parts
        )


def _questions(paths: list[Path]) -> tuple[Grader, dict[str, Question]]:
    course, problems = load_course(paths)
    errors = [str(p) for p in problems if p.severity == "error"]
    assert not errors, errors
    by_ref = {f"{lesson.id}/{q.id}": q for lesson in course.lessons for q in lesson.questions}
    return Grader(course), by_ref


def measure(name: str) -> Rates:
    paths, answers_file = SETS[name]
    grader, questions = _questions(paths)
    table = yaml.load(answers_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    rates = Rates()
    for ref, answers in table.items():
        q = questions[ref]  # a missing question is a mistake in the answer set
        for label in LABELS:
            for text in answers.get(label, ()):
                _count(rates, label, f"{ref}: {text!r}", grader.grade(q, str(text)))
    return rates


def _count(rates: Rates, label: str, said: str, g: Grade) -> None:
    row = f"{said} -> {g.verdict.value}: {g.feedback}"
    if label == "right":
        rates.right += 1
        if g.verdict.right:
            rates.accepted += 1
        else:
            rates.refused.append(row)
        return
    full = g.verdict.right or g.credit >= 1.0
    rates.credited += full
    if full:
        rates.passed.append(f"{label}: {row}")
    if label == "wrong":
        rates.wrong += 1
        return
    rates.partial += 1
    if not full and g.credit > 0:
        rates.part_credited += 1
    elif not full:
        rates.uncredited.append(row)


@pytest.fixture(scope="module", params=sorted(SETS))
def rates(request) -> tuple[str, Rates]:
    return request.param, measure(request.param)


def test_the_set_is_large_enough() -> None:
    total = 0
    for _paths, answers_file in SETS.values():
        table = yaml.load(answers_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        total += sum(len(a.get(label, ())) for a in table.values() for label in LABELS)
    assert total >= 300


def test_no_wrong_answer_gets_full_credit(rates: tuple[str, Rates]) -> None:
    name, r = rates
    assert not r.passed, r.line(name) + "\n" + "\n".join(r.passed)


def test_right_answers_in_own_words_are_accepted(rates: tuple[str, Rates]) -> None:
    name, r = rates
    assert r.accept_rate >= RIGHT_ACCEPTED[name], r.line(name) + "\n" + "\n".join(r.refused)


def test_partial_answers_earn_some_credit(rates: tuple[str, Rates]) -> None:
    name, r = rates
    least = PARTIAL_CREDITED.get(name, 1.0)
    assert r.partial_rate >= least, r.line(name) + "\n" + "\n".join(r.uncredited)


def test_every_answer_is_labelled_once() -> None:
    """A label the test does not read, or one answer under two labels, is a mistake in a set."""
    for _paths, answers_file in SETS.values():
        table = yaml.load(answers_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        for ref, answers in table.items():
            assert set(answers) <= set(LABELS), (ref, sorted(answers))
            typed = [text for label in LABELS for text in answers.get(label, ())]
            assert len(typed) == len(set(typed)), (ref, typed)


if __name__ == "__main__":
    verbose = "-q" not in sys.argv
    for set_name in sorted(SETS):
        result = measure(set_name)
        print(result.line(set_name))
        if verbose:
            for row in result.refused:
                print("  refused:", row)
            for row in result.uncredited:
                print("  partial, no credit:", row)
            for row in result.passed:
                print("  CREDITED:", row)
