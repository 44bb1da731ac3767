"""The session engine over the fixture course, with a small fake grader.

The fake grader is deliberately simple (exact forms, one-edit typos, anticipated wrong answers,
list items); the engine must rely on nothing but ``grade(question, text) -> Grade``.
"""

from __future__ import annotations

import re

import pytest
from rapidfuzz.distance import Levenshtein
from support import COURSE

from tutor.grading.result import Grade, Verdict
from tutor.loader import load_course
from tutor.messages import Ask, Feedback, Finished, Hint, Info, Teach
from tutor.model import (
    Course,
    Lesson,
    Question,
    QuestionType,
)
from tutor.model import Teach as TeachStep
from tutor.records import Attempt, Outcome
from tutor.session import Session
from tutor.session.scoring import award, factor

# ------------------------------------------------------------------ fixture course (in memory)


def fixture_course() -> Course:
    """The fixture course (tests/data/course), the one source of the course the tests share."""
    course, problems = load_course([COURSE])
    assert not [p for p in problems if p.severity == "error"], problems
    return course

def _norm(text: str) -> str:
    return re.sub(r"[^\w+]+", " ", text.casefold()).strip()


class FakeGrader:
    """Enough grading to drive the engine: exact forms, 1-edit typos, wrong: entries, lists."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def grade(self, q: Question, text: str) -> Grade:
        self.calls.append((q.id, text))
        t = _norm(text)
        if not t:
            return Grade(Verdict.INVALID, 0.0, "That doesn't look like an answer.")
        for w in q.wrong:
            if _norm(w.text) == t:
                return Grade(Verdict.MISCONCEPTION, 0.0, w.reply)
        if q.type is QuestionType.NUMBER:
            nums = re.findall(r"\d+", t)
            ok = len(nums) == 1 and q.number is not None and q.number.accepts(float(nums[0]))
            return Grade(Verdict.CORRECT if ok else Verdict.WRONG, 1.0 if ok else 0.0, "Right." if ok else "No.")
        if q.type is QuestionType.TRUEFALSE:
            if t in ("true", "false"):
                ok = (t == "true") == q.truth
                return Grade(Verdict.CORRECT if ok else Verdict.WRONG, float(ok), "Right." if ok else "No.")
            return Grade(Verdict.WRONG, 0.0, "Answer true or false.")
        if q.type in (QuestionType.CHOICE, QuestionType.MULTI):
            letters = set()
            for part in re.split(r"[ ,]+", t):
                if len(part) == 1 and "a" <= part <= "z":
                    letters.add(ord(part) - ord("a"))
            for i, opt in enumerate(q.options):
                if _norm(opt) == t:
                    letters = {i}
            if letters == set(q.correct):
                return Grade(Verdict.CORRECT, 1.0, "Right.")
            if letters and letters < set(q.correct):
                return Grade(Verdict.PARTIAL, len(letters) / len(q.correct), "Some of it.")
            return Grade(Verdict.WRONG, 0.0, "No.")
        if q.type is QuestionType.LIST:
            raw = re.split(r"\s*(?:,|\band\b|&)\s*", text.casefold())
            parts = [_norm(p) for p in raw if _norm(p)]
            found = [it.text for it in q.items if any(_norm(f) in parts for f in it.forms)]
            missing = tuple(it.text for it in q.items if it.text not in found)
            if not missing:
                return Grade(Verdict.CORRECT, 1.0, "Right.", found=tuple(found))
            if found:
                return Grade(
                    Verdict.PARTIAL,
                    len(found) / len(q.items),
                    f"Partly: you named {', '.join(found)}.",
                    found=tuple(found),
                    missing=missing,
                )
            return Grade(Verdict.WRONG, 0.0, "No.")
        for item in q.items:
            for form in item.forms:
                if _norm(form) == t:
                    return Grade(Verdict.CORRECT, 1.0, "Right.", matched=form)
        for item in q.items:
            for form in item.forms:
                if len(t) >= 4 and Levenshtein.distance(_norm(form), t) <= 1:
                    return Grade(Verdict.TYPO, 1.0, f"Accepted — the spelling is {form}.", matched=form)
        return Grade(Verdict.WRONG, 0.0, "No.")


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def attempt(self, record: Attempt) -> None:
        self.calls.append(("attempt", record))

    def outcome(self, record: Outcome) -> None:
        self.calls.append(("outcome", record))

    def place(self, lesson_id: str, step_index: int) -> None:
        self.calls.append(("place", lesson_id, step_index))

    def finished(self, lesson_id, score, mode) -> None:
        self.calls.append(("finished", lesson_id, round(score, 4), mode))

    def of(self, kind: str) -> list:
        return [c for c in self.calls if c[0] == kind]


@pytest.fixture
def course() -> Course:
    return fixture_course()


def learn(course, **kw) -> Session:
    return Session.learn(course, kw.pop("lesson_id", "neighbours"), FakeGrader(), **kw)


def kinds(messages) -> list[str]:
    return [type(m).__name__ for m in messages]


def only(messages, cls):
    found = [m for m in messages if isinstance(m, cls)]
    assert len(found) == 1, messages
    return found[0]


RIGHT = {
    "independence": "1991",
    "guarantor": "Russia",
    "both-borders": "Mongolia, North Korea",
    "trade-role": "B",
    "frameworks": "A, C",
    "landlocked": "false",
    "president": "Tokayev",
    "pompeo-year": "2020",
}

# ------------------------------------------------------------------ walking a lesson


def test_start_shows_teach_then_first_question(course):
    s = learn(course)
    out = s.start()
    assert kinds(out) == ["Teach", "Ask"]
    ask = out[1]
    assert (ask.question.id, ask.number, ask.total, ask.try_no, ask.tries) == ("independence", 1, 6, 1, 3)
    assert ask.hints_left == 1
    assert s.awaiting == "answer"
    assert s.start() == []  # idempotent


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


# ------------------------------------------------------------------ glossary and chat


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


def test_text_is_kept_literally(course):
    s = learn(course)
    s.start()
    for qid in ["independence", "guarantor", "both-borders"]:
        out = s.submit(RIGHT[qid])
    teach = [m for m in out if isinstance(m, Teach)][0]
    assert "[bold]this[/]" in teach.text
    ask = out[-1]
    assert ask.question.ask.endswith("[bold]not markup[/]")


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


# ------------------------------------------------------------------ observer


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


def test_grader_exceptions_are_calm(course):
    class Exploding:
        def grade(self, q, text):
            raise RuntimeError("boom")

    s = Session.learn(course, "neighbours", Exploding())
    s.start()
    fb = s.submit("1991")[0]
    assert fb.grade.verdict is Verdict.INVALID and fb.tries_left == 3


# ------------------------------------------------------------------ summary


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


def test_choice_reveal_names_the_option(course):
    s = learn(course, start_at=5)
    s.start()
    s.submit("A")
    s.submit("C")
    fb = s.submit("A")[0]
    assert "The answer: B) Economic networks." in fb.text


def test_empty_lesson_finishes_at_once():
    lesson = Lesson(id="talk", title="Only talk", steps=(TeachStep("Hello."),))
    s = Session.learn(Course((lesson,)), "talk", FakeGrader())
    out = s.start()
    assert kinds(out) == ["Teach", "Finished"]
    assert out[1].summary.completed and out[1].summary.possible == 0


def test_unknown_lesson_raises(course):
    with pytest.raises(KeyError):
        Session.learn(course, "nope", FakeGrader())


# ------------------------------------------------------------------ quiz and review


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
