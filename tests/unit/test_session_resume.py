"""A lesson resumed part-way: it starts at the saved step and is scored as a whole."""

from __future__ import annotations

from session_support import Recorder, kinds, learn, only
from support import RIGHT

from tutor.messages import Finished
from tutor.records import Outcome


def test_a_resumed_lesson_counts_the_questions_answered_before_the_break(course):
    prior = {
        "independence": Outcome("neighbours", "independence", "correct", 1.0, 1, 0, "learn"),
        "guarantor": Outcome("neighbours", "guarantor", "typo", 0.75, 2, 0, "learn"),
        # both-borders has no outcome (lost): it counts as unanswered, with no credit
    }
    s = learn(course, start_at=4, prior=prior)
    s.start()
    assert (s.earned, s.possible) == (1.75, 6)
    for qid in ["trade-role", "frameworks", "landlocked"]:
        out = s.submit(RIGHT[qid])
    summary = only(out, Finished).summary
    assert (summary.earned, summary.possible) == (4.75, 6)
    assert [(r.question_id, r.result, r.awarded) for r in summary.results[:3]] == [
        ("independence", "correct", 1.0),
        ("guarantor", "typo", 0.75),
        ("both-borders", "unanswered", 0.0),
    ]


def test_resume_at_step(course):
    rec = Recorder()
    s = learn(course, observer=rec, start_at=4)
    out = s.start()
    assert kinds(out) == ["Teach", "Ask"]
    assert out[1].question.id == "trade-role" and (out[1].number, out[1].total) == (4, 6)
    assert s.progress == (5, 8)
    for qid in ["trade-role", "frameworks", "landlocked"]:
        out = s.submit(RIGHT[qid])
    summary = only(out, Finished).summary
    # The whole lesson is scored; with no record of the earlier sitting its questions earn nothing.
    assert (summary.earned, summary.possible) == (3, 6)
