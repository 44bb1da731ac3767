"""The summary at the end of a lesson: the score, what was missed with its answer, and what to do
next."""

from __future__ import annotations

from session_support import kinds, learn, only
from support import RIGHT

from tutor.messages import Feedback, Finished


def test_whole_lesson_right_scores_full_and_suggests_next_lesson(course):
    s = learn(course)
    s.start()
    out = []
    for qid in ["independence", "guarantor", "both-borders", "trade-role", "frameworks", "landlocked"]:
        assert s.question.id == qid
        out = s.submit(RIGHT[qid])
        fb = out[0]
        assert isinstance(fb, Feedback) and fb.final and fb.awarded == 1.0
        assert fb.answer is None  # the explanation is taught at every close
    assert isinstance(out[-1], Finished)
    summary = out[-1].summary
    assert summary.completed and summary.score == 1.0 and summary.possible == 6
    assert summary.missed == ()
    assert summary.next_lesson_id == "hedging"
    assert "“Hedging”" in summary.suggestion and "tutor" not in summary.suggestion
    assert summary.suggested_command == "tutor learn hedging"
    assert s.awaiting == "done"
    assert s.progress == (8, 8)
    # the second teach step flows between questions 3 and 4
    assert "Teach" in kinds(s_answers_until(course, "trade-role"))


def s_answers_until(course, qid):
    s = learn(course)
    out = s.start()
    while s.question.id != qid:
        out = s.submit(RIGHT[s.question.id])
    return out


def test_summary_lists_missed_with_answers(course):
    s = learn(course)
    s.start()
    s.submit("skip")
    s.submit("Russia")
    s.submit("Mongolia, North Korea")
    s.submit("A")
    s.submit("C")
    s.submit("A")
    s.submit("A, C")
    out = s.submit("false")
    summary = only(out, Finished).summary
    missed = {r.question_id: r for r in summary.missed}
    assert set(missed) == {"independence", "trade-role"}
    assert missed["independence"].result == "skipped" and missed["independence"].answer == "1991"
    assert missed["trade-role"].result == "wrong" and missed["trade-role"].given == "A"
    assert summary.earned == 4.0 and summary.possible == 6
    assert "review" in summary.suggestion and "tutor" not in summary.suggestion
    assert summary.suggested_command == "tutor review, or tutor learn neighbours --restart"
    assert summary.by_lesson == (("neighbours", 4.0, 6),)
