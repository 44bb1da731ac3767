"""What the session replies to a line typed at an open question that is not simply an answer:
commands (hint, skip, repeat, why, help, quit, end of input), glossary look-ups, a hedged answer,
and a command word that is one of the question's answers."""

from __future__ import annotations

import pytest
from session_support import FakeGrader, Recorder, learn, only

from tutor.grading.result import Verdict
from tutor.messages import Ask, Feedback, Finished, Hint, Info
from tutor.model import Course, Lesson, Question, QuestionType
from tutor.session import Session

# ------------------------------------------------------------------ commands


def test_hints_lower_credit_and_run_out(course):
    s = learn(course)
    s.start()
    s.submit("1991")
    h1 = s.submit("hint")
    assert isinstance(h1[0], Hint) and (h1[0].number, h1[0].total) == (1, 2)
    h2 = s.command("hint")
    assert h2[0].text == "Its capital is Moscow." and h2[0].number == 2
    h3 = s.submit("hint")
    assert isinstance(h3[0], Info) and "last hint" in h3[0].text
    assert s.submit("repeat")[0].hints_left == 0
    fb = s.submit("Russia")[0]
    assert fb.awarded == pytest.approx(0.7)


def test_fuzzy_command_hnit(course):
    s = learn(course)
    s.start()
    out = s.submit("hnit")
    assert isinstance(out[0], Hint)
    out = s.submit("Hint please!")
    assert isinstance(out[0], Info)  # the only hint is used up
    assert s.question.id == "independence"


def test_skip_closes_and_reveals(course):
    rec = Recorder()
    s = learn(course, observer=rec)
    s.start()
    out = s.submit("skip")
    info = out[0]
    assert isinstance(info, Info) and info.kind == "skip" and "The answer: 1991." in info.text
    assert isinstance(out[1], Ask) and out[1].question.id == "guarantor"
    assert rec.of("outcome")[0][1].result == "skipped"
    s.submit("France")
    s.submit("skpi")  # swapped letters still skip
    assert rec.of("outcome")[1][1].result == "revealed"


def test_skip_is_not_fuzzy_beyond_swaps(course):
    s = learn(course)
    s.start()
    s.submit("1991")
    fb = s.submit("ship")[0]
    assert isinstance(fb, Feedback) and fb.grade.verdict is Verdict.WRONG


def test_repeat_asks_again_without_cost(course):
    s = learn(course)
    s.start()
    s.submit("1991")
    s.submit("France")
    ask = s.submit("repeat")[0]
    assert isinstance(ask, Ask) and ask.repeated and ask.try_no == 2 and ask.question.id == "guarantor"
    assert s.submit("say that again")[0].repeated


def test_why_after_answer_and_before(course):
    s = learn(course)
    s.start()
    note = s.submit("why")[0]
    assert note.kind == "notice" and "once this question is answered" in note.text
    s.submit("1991")  # closes; next question already open (pace off)
    info = s.submit("why")[0]
    assert info.kind == "explain" and "collapsed in 1991" in info.text
    assert "Akylbayev & Wong" in info.text and "About the last question" in info.text
    s.submit("France")
    assert s.submit("explain")[0].kind == "notice"  # this one is open and tried


def test_help_and_quit(course):
    rec = Recorder()
    s = learn(course, observer=rec)
    s.start()
    help_ = s.submit("help")[0]
    assert help_.kind == "help" and "hint" in help_.text and "number" in help_.text
    s.submit("1991")
    out = s.submit("quit")
    fin = only(out, Finished)
    assert not fin.summary.completed and s.awaiting == "done"
    assert [r.result for r in fin.summary.results] == ["correct"] + ["unanswered"] * 5
    assert "pick up where you left off" in fin.summary.suggestion
    assert fin.summary.suggested_command == "tutor learn neighbours"
    assert rec.of("finished") == []
    assert s.submit("anything")[0].kind == "notice"


def test_end_on_eof(course):
    s = learn(course)
    s.start()
    out = s.end()
    assert isinstance(out[0], Finished) and not out[0].summary.completed
    assert s.end() == []

# ------------------------------------------------------------------ glossary and answers that look like talk


def test_glossary_questions(course):
    s = learn(course)
    s.start()
    for text in ["what is the SCO?", "What's SCO", "define sco", "what does SCO mean?", "SCO?",
                 "what is the Shanghai Cooperation Organisation?"]:
        out = s.submit(text)
        assert len(out) == 1 and isinstance(out[0], Info) and out[0].kind == "define", text
        assert out[0].text.startswith("SCO: Shanghai Cooperation Organisation"), text
    # the course glossary is searched after the lesson's
    assert "U.S. format" in s.submit("what is C5+1?")[0].text
    # a clear slip is answered, naming the term
    assert s.submit("what is the EAUE?")[0].text.startswith("EAEU:")
    assert s.question.id == "independence"
    assert s.summary().results[0].tries == 0


def test_glossary_did_you_mean_and_unknown(course):
    s = learn(course)
    s.start()
    info = s.submit("what is SC?")[0]
    assert "Did you mean “SCO”" in info.text
    info = s.submit("define perestroika")[0]
    # Neither the glossary nor the course: said honestly, with what the course does cover.
    assert "doesn't cover" in info.text and "Between two giants" in info.text


def test_unsure_answer_with_question_mark_is_graded(course):
    s = learn(course)
    s.start()
    s.submit("1991")
    fb = s.submit("Russia?")[0]
    assert isinstance(fb, Feedback) and fb.final


def test_command_word_that_is_an_answer_is_graded():
    q = Question(
        id="verb",
        ask="Which button passes your turn?",
        type=QuestionType.CHOICE,
        answer="Skip",
        options=("Help", "Skip", "Repeat"),
        correct=(1,),
    )
    tf = Question(id="tf", ask="Why is a word.", type=QuestionType.TRUEFALSE, answer="true", truth=True)
    lesson = Lesson(id="cmds", title="Commands", steps=(q, tf))
    s = Session.learn(Course((lesson,)), "cmds", FakeGrader())
    s.start()
    fb = s.submit("help")[0]  # an option: graded (wrong), not the help text
    assert isinstance(fb, Feedback) and fb.grade.verdict is Verdict.WRONG
    out = s.submit("skip")
    assert isinstance(out[0], Feedback) and out[0].final and out[0].awarded == 0.75
    # on the true/false question 'why' and 'help' are not answers: they are commands
    assert s.question.id == "tf"
    assert isinstance(s.submit("why")[0], Info)
    assert s.submit("help")[0].kind == "help"
