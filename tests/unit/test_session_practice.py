"""Practising mistakes now: the questions a session missed, or that were missed today, asked
again at once, independent of the spaced-review schedule."""

from __future__ import annotations

from pathlib import Path

from tutor.grading import Grader
from tutor.loader import load_course
from tutor.messages import Finished
from tutor.session import Session
from tutor.store import Store

ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "tests" / "data" / "course"


def _course():
    course, _ = load_course([COURSE])
    return course, Grader(course)


def _play(session: Session, answers: dict[str, str]) -> Finished:
    out = session.start()
    while not session.done:
        q = session.question
        out = session.submit(answers.get(q.id, "skip") if q is not None else "")
    return next(m for m in out if isinstance(m, Finished))


def test_a_session_offers_its_missed_questions_as_practice(tmp_path):
    course, grader = _course()
    with Store.open(tmp_path, "ann") as store:
        s = Session.learn(course, "neighbours", grader, observer=store)
        _play(s, {"independence": "1991", "guarantor": "Russia"})
        practice = s.practice_missed()
        assert practice is not None and practice.title == "Practice: your mistakes"
        asked = [q.id for q in (st.question for st in practice._questions)]
        assert "independence" not in asked and "guarantor" not in asked
        assert asked and asked == [r.question_id for r in s.summary().missed]
        # The store knows them too, for the course screen and `tutor review --missed`.
        assert [qid for _, qid in store.missed_today(course)] == asked
        assert _play(practice, {}).summary.mode == "review"


def test_missed_today_forgets_a_question_answered_right_since(tmp_path):
    course, grader = _course()
    with Store.open(tmp_path, "ann") as store:
        s = Session.learn(course, "neighbours", grader, observer=store)
        _play(s, {})
        before = store.missed_today(course)
        assert ("neighbours", "independence") in before
        again = Session.practice(course, grader, [("neighbours", "independence")], observer=store)
        _play(again, {"independence": "1991"})
        assert ("neighbours", "independence") not in store.missed_today(course)
        assert len(store.missed_today(course)) == len(before) - 1
