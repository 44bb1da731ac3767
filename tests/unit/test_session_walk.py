"""Walking a lesson with the session engine: its steps in order, tries and credit, pace, and
answers that cannot be graded (over the fixture course, with the fake grader of
``session_support``)."""

from __future__ import annotations

import pytest
from session_support import FakeGrader, Recorder, kinds, learn, only
from support import RIGHT

from tutor.grading.result import Grade, Verdict
from tutor.messages import Ask, Feedback, Info, Teach
from tutor.model import Course, Lesson
from tutor.model import Teach as TeachStep
from tutor.session import Session
from tutor.session.scoring import award, factor

# ------------------------------------------------------------------ the steps in order


def test_start_shows_teach_then_first_question(course):
    s = learn(course)
    out = s.start()
    assert kinds(out) == ["Teach", "Ask"]
    ask = out[1]
    assert (ask.question.id, ask.number, ask.total, ask.try_no, ask.tries) == ("independence", 1, 6, 1, 3)
    assert ask.hints_left == 1
    assert s.awaiting == "answer"
    assert s.start() == []  # idempotent


def test_text_is_kept_literally(course):
    s = learn(course)
    s.start()
    for qid in ["independence", "guarantor", "both-borders"]:
        out = s.submit(RIGHT[qid])
    teach = [m for m in out if isinstance(m, Teach)][0]
    assert "[bold]this[/]" in teach.text
    ask = out[-1]
    assert ask.question.ask.endswith("[bold]not markup[/]")


def test_empty_lesson_finishes_at_once():
    lesson = Lesson(id="talk", title="Only talk", steps=(TeachStep("Hello."),))
    s = Session.learn(Course((lesson,)), "talk", FakeGrader())
    out = s.start()
    assert kinds(out) == ["Teach", "Finished"]
    assert out[1].summary.completed and out[1].summary.possible == 0


def test_unknown_lesson_raises(course):
    with pytest.raises(KeyError):
        Session.learn(course, "nope", FakeGrader())

# ------------------------------------------------------------------ tries and credit


def test_wrong_then_right_costs_a_try(course):
    s = learn(course)
    s.start()
    s.submit("1991")
    out = s.submit("Germany")
    fb = only(out, Feedback)
    assert not fb.final and fb.tries_left == 2 and fb.awarded is None
    assert "Try again (2 tries left)" in fb.text
    assert s.question.id == "guarantor"
    out = s.submit("Russia")
    fb = out[0]
    assert fb.final and fb.awarded == 0.75
    assert isinstance(out[1], Ask) and out[1].question.id == "both-borders"


def test_out_of_tries_reveals_answer_and_explanation(course):
    s = learn(course)
    s.start()
    s.submit("1991")
    s.submit("France")
    s.submit("Spain")
    out = s.submit("Italy")
    fb = out[0]
    assert fb.final and fb.tries_left == 0 and fb.awarded == 0.0
    assert fb.answer == "Russia"
    assert fb.explain == "Moscow guarantees security while Beijing builds economic networks."
    assert "The answer: Russia." in fb.text and fb.explain in fb.text
    assert s.question.id == "both-borders"


def test_choice_reveal_names_the_option(course):
    s = learn(course, start_at=5)
    s.start()
    s.submit("A")
    s.submit("C")
    fb = s.submit("A")[0]
    assert "The answer: B) Economic networks." in fb.text


def test_lesson_tries_setting_is_used(course):
    s = learn(course, lesson_id="hedging")
    s.start()
    fb = s.submit("Putin")[0]
    assert fb.tries_left == 1 and "1 try left" in fb.text
    fb = s.submit("Yeltsin")[0]
    assert fb.final and fb.answer == "Kassym-Jomart Tokayev"


def test_misconception_reply_is_shown_and_costs_a_try(course):
    s = learn(course)
    s.start()
    s.submit("1991")
    fb = s.submit("China")[0]
    assert fb.grade.verdict is Verdict.MISCONCEPTION
    assert "Beijing's role" in fb.text and fb.tries_left == 2


def test_typo_earns_full_credit(course):
    s = learn(course)
    s.start()
    s.submit("1991")
    fb = s.submit("Rusia")[0]
    assert fb.final and fb.awarded == 1.0 and "spelling is Russia" in fb.text


def test_credit_rule():
    assert factor(1, 0) == 1.0
    assert factor(2, 0) == 0.75
    assert factor(3, 0) == 0.5
    assert factor(1, 1) == pytest.approx(0.85)
    assert factor(2, 2) == pytest.approx(0.45)
    assert factor(9, 9) == 0.25
    right = Grade(Verdict.TYPO, 1.0, "")
    half = Grade(Verdict.PARTIAL, 0.5, "")
    wrong = Grade(Verdict.MISCONCEPTION, 0.3, "")
    assert award(right, 2, 1) == pytest.approx(0.6)
    assert award(half, 1, 0) == 0.5
    assert award(wrong, 1, 0) == 0.0


def test_partial_list_may_be_completed_best_counts(course):
    s = learn(course)
    s.start()
    s.submit("1991")
    s.submit("Russia")
    fb = s.submit("Mongolia")[0]
    assert fb.grade.verdict is Verdict.PARTIAL and not fb.final
    assert "complete it" in fb.text
    fb = s.submit("Mongolia and DPRK")[0]
    assert fb.final and fb.awarded == 0.75


def test_partial_list_out_of_tries_keeps_best(course):
    s = learn(course)
    s.start()
    s.submit("1991")
    s.submit("Russia")
    s.submit("Mongolia")  # 0.5 on try 1
    s.submit("Japan")
    fb = s.submit("Vietnam")[0]
    assert fb.final and fb.awarded == 0.5 and fb.answer == "Mongolia, North Korea"
    result = s.summary().results[2]
    assert result.result == "partial" and result.awarded == 0.5 and result.given == "Vietnam"

# ------------------------------------------------------------------ answers that cannot be graded


def test_invalid_input_costs_nothing(course):
    rec = Recorder()
    s = learn(course, observer=rec)
    s.start()
    for text in ["", "   ", "\x00\x07", "\x1b[31m", "x" * 5000, "?!..."]:
        out = s.submit(text)
        assert len(out) == 1, (text, out)
        m = out[0]
        if isinstance(m, Feedback):
            assert m.grade.verdict is Verdict.INVALID and not m.final and m.tries_left == 3
            assert m.text
        else:  # "?!..." is a call for help
            assert isinstance(m, Info)
    assert rec.of("attempt") == []
    assert s.question.id == "independence"
    fb = s.submit("1991")[0]
    assert fb.awarded == 1.0


def test_control_characters_are_stripped_from_answers(course):
    rec = Recorder()
    s = learn(course, observer=rec)
    s.start()
    s.submit("19\x0791\x1b[0m")
    assert rec.of("attempt")[0][1].text == "1991"
    assert rec.of("attempt")[0][1].verdict == "correct"


def test_grader_exceptions_are_calm(course):
    class Exploding:
        def grade(self, q, text):
            raise RuntimeError("boom")

    s = Session.learn(course, "neighbours", Exploding())
    s.start()
    fb = s.submit("1991")[0]
    assert fb.grade.verdict is Verdict.INVALID and fb.tries_left == 3

# ------------------------------------------------------------------ pace


def test_pace_waits_after_teach_and_final_feedback(course):
    s = learn(course, pace=True)
    out = s.start()
    assert kinds(out) == ["Teach"] and s.awaiting == "continue"
    assert kinds(s.submit("repeat")) == ["Teach"]
    assert s.submit("help")[0].kind == "help"
    out = s.submit("")
    assert kinds(out) == ["Ask"] and s.awaiting == "answer"
    out = s.submit("1991")
    assert kinds(out) == ["Feedback"] and s.awaiting == "continue"
    assert s.submit("why")[0].kind == "explain"
    out = s.submit("ok")  # any other text moves on
    assert kinds(out) == ["Ask"] and out[0].question.id == "guarantor"
    s.submit("France")
    assert s.awaiting == "answer"  # not final: no pause
    s.submit("skip")
    assert s.awaiting == "continue"
    assert kinds(s.command("continue")) == ["Ask"]


def test_pace_off_flows(course):
    s = learn(course)
    out = s.start()
    assert kinds(out) == ["Teach", "Ask"]
