"""What the session tells its observer (the progress store), in which order, and that an observer
that fails never ends a lesson."""

from __future__ import annotations

from session_support import Recorder, learn
from support import RIGHT

from tutor.messages import Info


def test_observer_calls(course):
    rec = Recorder()
    s = learn(course, observer=rec)
    s.start()
    s.submit("")  # invalid: not reported
    s.submit("hint")
    s.submit("1990")
    s.submit("1991")
    attempts = [c[1] for c in rec.of("attempt")]
    assert [(a.text, a.verdict, a.try_no, a.hints_used, a.final, a.awarded) for a in attempts] == [
        ("1990", "wrong", 1, 1, False, 0.0),
        ("1991", "correct", 2, 1, True, 0.6),
    ]
    assert all(a.mode == "learn" and a.lesson_id == "neighbours" for a in attempts)
    outcome = rec.of("outcome")[0][1]
    assert (outcome.question_id, outcome.result, outcome.awarded, outcome.tries, outcome.hints_used) == (
        "independence", "correct", 0.6, 2, 1,
    )
    assert rec.of("place")[:3] == [("place", "neighbours", 0), ("place", "neighbours", 1), ("place", "neighbours", 2)]
    for qid in ["guarantor", "both-borders", "trade-role", "frameworks", "landlocked"]:
        s.submit(RIGHT[qid])
    assert rec.of("finished") == [("finished", "neighbours", round((0.6 + 5) / 6, 4), "learn")]
    assert len(rec.of("outcome")) == 6
    places = [c[2] for c in rec.of("place")]
    assert places == sorted(places) and places[-1] == 7


def test_place_moves_past_a_question_only_after_its_answer_is_reported(course):
    """A kill between two observer calls must never leave the resume point past an unsaved answer."""
    rec = Recorder()
    s = learn(course, observer=rec)
    s.start()
    s.submit("1991")
    kinds_in_order = [c[0] for c in rec.calls]
    closing = kinds_in_order.index("outcome")
    assert kinds_in_order.index("attempt") < closing
    assert ("place", "neighbours", 2) in rec.calls[closing:]
    assert ("place", "neighbours", 2) not in rec.calls[:closing]
    s.submit("skip")
    skip_outcome = [i for i, c in enumerate(rec.calls) if c[0] == "outcome"][1]
    assert ("place", "neighbours", 3) in rec.calls[skip_outcome:]
    assert ("place", "neighbours", 3) not in rec.calls[:skip_outcome]


def test_observer_exceptions_never_crash(course):
    class Broken(Recorder):
        def attempt(self, record):
            raise OSError("disk full")

    s = learn(course, observer=Broken())
    s.start()
    out = s.submit("1991")
    notices = [m for m in out if isinstance(m, Info) and m.kind == "notice"]
    assert len(notices) == 1 and "could not be saved" in notices[0].text
    out = s.submit("Russia")
    assert not any(isinstance(m, Info) for m in out)
    s.submit("quit")
