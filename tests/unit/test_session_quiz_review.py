"""Quizzes (questions drawn from lessons, numbered within the quiz) and reviews (questions named
by reference)."""

from __future__ import annotations

import pytest
from session_support import FakeGrader, Recorder, kinds, only
from support import RIGHT

from tutor.messages import Ask, Finished
from tutor.session import Session


def _quiz_ids(course, **kw):
    s = Session.quiz(course, FakeGrader(), **kw)
    out = s.start()
    ids = []
    while not s.done:
        ask = [m for m in out if isinstance(m, Ask)][-1]
        ids.append((ask.lesson_id, ask.question.id))
        out = s.submit("skip")
    return ids, only(out, Finished).summary


def test_quiz_is_deterministic_with_seed(course):
    a, _ = _quiz_ids(course, seed=1)
    b, _ = _quiz_ids(course, seed=1)
    c, _ = _quiz_ids(course, seed=2)
    assert a == b and len(a) == 8 and len(set(a)) == 8
    assert a != c or a != sorted(a)


def test_quiz_count_lessons_and_by_lesson(course):
    ids, summary = _quiz_ids(course, seed=3, count=3, lesson_ids=["hedging", "neighbours"])
    assert len(ids) == 3
    ids, summary = _quiz_ids(course, seed=3, lesson_ids=["hedging"])
    assert sorted(q for _, q in ids) == ["pompeo-year", "president"]
    assert summary.mode == "quiz" and summary.title == "Quiz: Hedging"
    assert summary.by_lesson == (("hedging", 0.0, 2),)


def test_quiz_questions_only_numbered_within_quiz(course):
    rec = Recorder()
    s = Session.quiz(course, FakeGrader(), seed=5, count=4, observer=rec)
    out = s.start()
    assert kinds(out) == ["Ask"] and (out[0].number, out[0].total) == (1, 4)
    n = 0
    while not s.done:
        qid = s.question.id
        out = s.submit(RIGHT[qid])
        n += 1
    summary = only(out, Finished).summary
    assert n == 4 and summary.score == 1.0 and summary.lesson_id is None
    assert rec.of("place") == []
    assert rec.of("finished") == [("finished", None, 1.0, "quiz")]
    assert all(c[1].mode == "quiz" for c in rec.of("attempt"))
    assert sum(p for _, _, p in summary.by_lesson) == 4


def test_quiz_unknown_lesson(course):
    with pytest.raises(KeyError):
        Session.quiz(course, FakeGrader(), lesson_ids=["nope"])


def test_review_refs(course):
    refs = [("hedging", "president"), ("neighbours", "guarantor"), ("gone", "x"), ("hedging", "nope")]
    s = Session.review(course, FakeGrader(), refs)
    out = s.start()
    assert out[0].question.id == "president" and out[0].total == 2
    s.submit("Tokayev")
    out = s.submit("China")
    out = s.submit("Moscow")
    fin = only(out, Finished)
    assert fin.summary.mode == "review" and fin.summary.earned == 1.75
    assert fin.extra["missing"] == [("gone", "x"), ("hedging", "nope")]
