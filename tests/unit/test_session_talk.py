"""Every line understood before it is graded: answers, hedged answers, questions, requests, talk.

Over the shipped course and the fixture course, with the real loader and the real Grader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.grading import Grader
from tutor.loader import load_course
from tutor.messages import Ask, Feedback, Hint, Info, Teach
from tutor.model import Course, Question
from tutor.session import Session
from tutor.session.glossary import Glossary
from tutor.session.intent import classify
from tutor.session.understand import understand
from tutor.session.withhold import knows

ROOT = Path(__file__).resolve().parents[2]
COURSES = [ROOT / "lessons", ROOT / "tests" / "data" / "course", ROOT / "tests" / "data" / "talk" / "lessons"]


@pytest.fixture(scope="module", params=COURSES, ids=["lessons", "fixture", "biology"])
def graded_course(request) -> tuple[Course, Grader]:
    course, problems = load_course([request.param])
    assert not [p for p in problems if p.severity == "error"], problems
    return course, Grader(course)


@pytest.fixture(scope="module")
def shipped() -> tuple[Course, Grader]:
    course, _ = load_course([ROOT / "lessons"])
    return course, Grader(course)


def test_no_real_answer_is_mistaken_for_talk(graded_course):
    """Every answer a lesson knows (forms, options, wrong answers, accept and reject examples) is
    graded as an answer; every accept example is graded right."""
    course, grader = graded_course
    checked = 0
    for lesson in course.lessons:
        glossary = Glossary((*lesson.glossary, *course.glossary))
        for q in lesson.questions:
            def names(text: str, q: Question = q) -> bool:  # as the session asks
                return knows(course, q, text)

            known = [e.text for e in q.reject_examples] + list(q.options)
            known += [f for item in q.items for f in item.forms] + [w.text for w in q.wrong]
            for text in known:
                u = understand(q, text, grader.grade, glossary, knows=names)
                assert u.answer, (lesson.id, q.id, text, u.intent)
                checked += 1
            for ex in q.accept_examples:
                u = understand(q, ex.text, grader.grade, glossary, knows=names)
                assert u.answer and u.grade is not None and u.grade.verdict.right, (q.id, ex.text)
                checked += 1
    assert checked > 40


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("I don't understand", "request", "reteach"),
        ("dont undrestand", "request", "reteach"),
        ("can you explain that again?", "request", "reteach"),
        ("say it in other words", "request", "reteach"),
        ("give me an exmple", "request", "example"),
        ("what's the answer?", "request", "reveal"),
        ("just tell me", "request", "reveal"),
        ("i dunno", "request", "stuck"),
        ("no idea tbh", "request", "stuck"),
        ("how many left?", "request", "progress"),
        ("hw am i doin", "request", "progress"),
        ("hello", "social", "greet"),
        ("thank you!", "social", "thanks"),
        ("who are you?", "social", "who"),
        ("is this on the exam?", "social", "meta"),
        ("what is this lesson about?", "social", "about"),
        ("give me a clue", "command", "hint"),
        ("why was that wrong?", "command", "why"),
        ("explain the answer", "command", "why"),
        ("can i skip this?", "command", "skip"),
        ("i need a break", "social", "pause"),
        ("brb", "social", "pause"),
        ("go back", "social", "back"),
        ("previous question", "social", "back"),
        ("continue", "social", "onward"),
        ("let's go", "social", "onward"),
        ("wait what", "request", "reteach"),
        ("tell me more", "request", "reteach"),
        ("how many tries do i have?", "request", "progress"),
        ("how do i answer this?", "command", "help"),
        ("what format should the answer be in?", "command", "help"),
        ("I'm done", "command", "quit"),
        ("that's enough for today", "command", "quit"),
        ("quit for now", "command", "quit"),
        ("anyone there?", "social", "greet"),
        ("this is stupid", "social", "feel"),
        ("which one is it?", "request", "reveal"),
        ("whats this course about", "social", "about"),
        ("what are we learning?", "social", "about"),
        ("hint pls", "command", "hint"),
    ],
)
def test_requests_and_talk_are_recognised(text, kind, name):
    intent = classify(text)
    assert (intent.kind, intent.name) == (kind, name)


@pytest.mark.parametrize(
    ("text", "candidate"),
    [
        ("is it Astana?", "Astana"),
        ("Astana?", "Astana"),
        ("maybe Astana", "Astana"),
        ("I think it's Astana", "Astana"),
        ("Astana, right?", "Astana"),
        ("um... could it be Astana?", "Astana"),
        ("I'm not sure but maybe Astana", "Astana"),  # hedged twice
        ("I think it could be Astana", "Astana"),
        ("Astana I think", "Astana"),
        ("idk, maybe Astana?", "Astana"),
        ("is it like Astana or smth", "Astana"),
        ("hmm not sure, maybe Astana", "Astana"),
        ("I'd go with Astana", "Astana"),
        ("Astana lol", "Astana"),
        ("can I say Astana", "Astana"),
    ],
)
def test_hedges_name_their_candidate(text, candidate):
    intent = classify(text)
    assert intent.kind == "tentative" and intent.candidate == candidate


@pytest.mark.parametrize(
    "text",
    [
        "why does Kazakhstan balance between Russia and China?",
        "what happened in 2014?",
        "how did the Soviet Union end",
        "can you tell me more about the SCO?",
        "is it because Russia is stronger?",
    ],
)
def test_questions_to_the_tutor(text):
    assert classify(text).kind == "question"


def at(course, grader, lesson_id, qid, **kw) -> Session:
    lesson = course.lesson(lesson_id)
    index = next(i for i, s in enumerate(lesson.steps) if getattr(s, "id", None) == qid)
    s = Session.learn(course, lesson_id, grader, start_at=index, **kw)
    s.start()
    assert s.question is not None and s.question.id == qid
    return s


def tries(s: Session) -> int:
    return next(st.attempts for st in s._questions if st.question is s.question)


def test_talk_never_uses_a_try(shipped):
    course, grader = shipped
    s = at(course, grader, "hedging", "new-president")
    for line in ["hello", "I don't understand", "how am I doing?", "is this on the exam?",
                 "why does Kazakhstan keep close to the West?", "thanks", "who are you?",
                 "dont undrestand", "no idea", "what's the answer?", "no"]:
        out = s.submit(line)
        assert not any(isinstance(m, Feedback) for m in out), (line, out)
        assert tries(s) == 0, line
    assert s.question is not None and s.question.id == "new-president"


def test_hedged_answer_is_graded_as_its_candidate(shipped):
    course, grader = shipped
    s = at(course, grader, "hedging", "new-president")
    fb = s.submit("is it Tokayev?")[0]
    assert isinstance(fb, Feedback) and fb.final and fb.grade.verdict.right
    assert fb.understood == "tentative" and fb.graded_text == "Tokayev"
    s = at(course, grader, "hedging", "new-president")
    fb = s.submit("maybe Putin?")[0]
    assert isinstance(fb, Feedback) and not fb.final and fb.understood == "tentative"


def test_reveal_asks_first_and_closes_as_missed(shipped):
    course, grader = shipped
    s = at(course, grader, "hedging", "new-president")
    out = s.submit("just tell me the answer")
    assert [m.kind for m in out if isinstance(m, Info)] == ["confirm"]
    assert not any("Tokayev" in getattr(m, "text", "") for m in out)
    out = s.submit("yes")
    assert isinstance(out[0], Info) and "Tokayev" in out[0].text
    result = next(r for r in s.summary().results if r.question_id == "new-president")
    assert result.result == "revealed"
    assert result.awarded == 0


def test_reveal_declined_keeps_the_question_open(shipped):
    course, grader = shipped
    s = at(course, grader, "hedging", "new-president")
    s.submit("whats the answer")
    out = s.submit("no, let me try")
    assert s.question is not None and s.question.id == "new-president"
    assert not any("Tokayev" in getattr(m, "text", "") for m in out)


def test_reteach_shows_the_teach_steps_again_then_offers_a_hint(shipped):
    course, grader = shipped
    s = at(course, grader, "hedging", "new-president")
    out = s.submit("I don't get it")
    teach = [m for m in out if isinstance(m, Teach)]
    assert teach and "Tokayev" in teach[0].text
    assert "hint" in out[-1].text


def test_stuck_gets_the_next_hint(shipped):
    course, grader = shipped
    s = at(course, grader, "hedging", "new-president")
    out = s.submit("i have no idea")
    assert any(isinstance(m, Hint) for m in out)


def test_social_reply_then_the_question_again(shipped):
    course, grader = shipped
    s = at(course, grader, "hedging", "new-president")
    out = s.submit("hi there")
    assert isinstance(out[0], Info) and out[0].understood == "social"
    assert isinstance(out[-1], Ask) and out[-1].repeated


def test_what_the_lesson_is_about_is_its_title_and_summary(shipped):
    course, grader = shipped
    lesson = course.lesson("hedging")
    s = at(course, grader, "hedging", "new-president")
    out = s.submit("what is this lesson about?")
    assert lesson.title in out[0].text and lesson.summary in out[0].text
    assert course.title in out[0].text
    assert tries(s) == 0 and isinstance(out[-1], Ask)
    # At "In which magazine...?" the course's title ("... foreign policy") would name the answer;
    # at hedging's first question ("what one-word term...?") the lesson's title would.
    assert "Hedging" not in at(course, grader, "hedging", lesson.questions[0].id).submit(
        "what is this lesson about?")[0].text
    s = at(course, grader, "neighbourhood", "magazine")
    text = s.submit("whats this about")[0].text
    assert course.lesson("neighbourhood").summary in text
    assert "foreign policy" not in text.casefold()
    s = Session.learn(course, "hedging", grader, pace=True)  # waiting to go on, too
    s.start()
    assert course.lesson("hedging").summary in s.submit("what are we learning")[0].text


def test_progress_says_where_the_student_is(shipped):
    course, grader = shipped
    s = at(course, grader, "hedging", "new-president")
    text = s.submit("how many questions left?")[0].text
    assert "question" in text and "to go" in text
    q = s.question
    assert f"{q.tries or course.lesson('hedging').tries} tries" in text  # none used yet
    assert f"{len(q.hints) or 'no'} hint" in text


def test_moving_on_at_an_open_question_asks_for_the_answer_and_goes_on_while_waiting(shipped):
    course, grader = shipped
    s = at(course, grader, "hedging", "new-president")
    out = s.submit("continue")
    assert "waiting for your answer" in out[0].text and tries(s) == 0
    paced = Session.learn(course, "hedging", grader, pace=True)
    paced.start()
    assert paced.awaiting == "continue"
    paced.submit("let's go")
    assert paced.awaiting != "continue" or paced.progress[0] > 0  # it went on


def test_questions_to_the_tutor_while_waiting_to_go_on(shipped):
    course, grader = shipped
    s = Session.learn(course, "hedging", grader, pace=True)
    s.start()
    assert s.awaiting == "continue"
    out = s.submit("who is Nazarbayev?")
    assert "Nazarbayev" in out[0].text and s.awaiting == "continue"
    out = s.submit("hello")
    assert out[0].understood == "social" and s.awaiting == "continue"


# ------------------------------------------------------------------ teaching at every close


def test_a_retry_on_a_list_keeps_what_was_found(shipped):
    course, grader = shipped
    s = at(course, grader, "hedging", "economic-support")
    fb = s.submit("China")[0]
    assert isinstance(fb, Feedback) and not fb.final and fb.grade.verdict.value == "partial"
    fb = s.submit("Russia")[0]  # only what is missing
    assert isinstance(fb, Feedback) and fb.final and fb.grade.verdict.right
    assert fb.awarded == pytest.approx(0.75)
    assert fb.note == "This one counts 75%: second try."


def test_a_retry_on_a_multi_keeps_the_options_found(shipped):
    course, grader = shipped
    lesson = next(lesson for lesson in course.lessons
                  for q in lesson.questions if q.type.value == "multi")
    q = next(q for q in lesson.questions if q.type.value == "multi")
    s = at(course, grader, lesson.id, q.id)
    first, second = (chr(ord("A") + i) for i in q.correct[:2])
    assert not s.submit(first)[0].final
    fb = s.submit(second)[0]
    if len(q.correct) == 2:
        assert fb.final and fb.grade.verdict.right, fb


def test_the_explanation_is_taught_after_a_right_answer_and_a_skip(shipped):
    course, grader = shipped
    s = at(course, grader, "hedging", "new-president")
    q = s.question
    fb = s.submit("Tokayev")[0]
    assert fb.final and q.explain.split(" ")[0] in fb.text and fb.note == ""
    s = at(course, grader, "hedging", "new-president")
    info = s.submit("skip")[0]
    assert "Tokayev" in info.text and q.explain.strip() in info.text


def test_credit_note_says_why_in_words():
    from tutor.session.scoring import credit_note

    assert credit_note(0.6, 2, 1, False) == "This one counts 60%: second try, after 1 hint."
    assert credit_note(0.5, 1, 0, True) == "This one counts 50%: only part of the answer."
    assert credit_note(1.0, 1, 0, False) == "" and credit_note(0.0, 3, 0, False) == ""


def _replies(out) -> str:
    return " ".join(m.text for m in out if isinstance(m, Info))


def test_why_not_an_option_says_the_same_of_every_option(shipped):
    """'why not X?' never tells a wrong option from the right one: the reply is the option's text
    and the same sentence for each (explaining only the wrong ones would name the right one)."""
    course, grader = shipped
    s = at(course, grader, "neighbourhood", "akylbayev-role")
    q = s.question
    shapes = set()
    for n, option in enumerate(q.options):
        letter = chr(ord("a") + n)
        out = s.submit(f"why not {letter}?")
        assert not [m for m in out if isinstance(m, Feedback)] and tries(s) == 0
        said = _replies(out)
        assert option in said
        shapes.add(said.replace(option, "").replace(letter.upper() + ")", ""))
    assert len(shapes) == 1
    said = _replies(s.submit("what does option c mean"))
    assert q.options[2] in said and q.options[0] not in said


@pytest.mark.parametrize(
    ("where", "text"),
    [
        (("neighbourhood", "magazine"), "what is Foreign Affairs?"),  # an anticipated wrong answer
        (("crossroads", "niche"), "what is siberia"),  # a word of the right option
        (("neighbourhood", "akylbayev-role"), "what is a secretary of state"),  # of a wrong one
        (("neighbourhood", "magazine"), "ur a good teacher lol"),
        (("neighbourhood", "magazine"), "heyy"),
        (("neighbourhood", "population"), "number only?"),
        (("crossroads", "mongolia-tf"), "is it a trick question"),
        (("crossroads", "landlocked-tf"), "wat is a coastline"),
        (("neighbourhood", "independence-year"), "hmm thats a hard one lol"),  # not "one"
        (("neighbourhood", "independence-year"), "which union"),
        (("neighbourhood", "akylbayev-role"), "none of these look right to me"),
    ],
)
def test_talk_that_looked_like_an_answer_is_not_graded(shipped, where, text):
    course, grader = shipped
    s = at(course, grader, *where)
    out = s.submit(text)
    assert not [m for m in out if isinstance(m, Feedback)] and tries(s) == 0, out


@pytest.mark.parametrize(
    ("where", "text", "graded"),
    [
        (("crossroads", "landlocked-tf"), "hmm no", "no"),
        (("crossroads", "landlocked-tf"), "yess", "yes"),
        (("division-of-labour", "guarantor"), "hmm i'm not sure, maybe China?", "China"),
        (("neighbourhood", "giants"), "its russia and china i think", "russia and china"),
        (("crossroads", "niche"), "I would go with B", "B"),
        (("division-of-labour", "guarantor"), "my answer: Russia", None),  # names the course
    ],
)
def test_answers_among_talk_are_graded(shipped, where, text, graded):
    course, grader = shipped
    s = at(course, grader, *where)
    out = s.submit(text)
    fb = [m for m in out if isinstance(m, Feedback)]
    assert len(fb) == 1, out
    assert (fb[0].graded_text or None) == graded


def test_how_to_type_the_answer_never_shows_this_answer(shipped):
    course, grader = shipped
    s = at(course, grader, "neighbourhood", "population")  # its answer is eighteen million
    for line in ("number only?", "help"):
        said = _replies(s.submit(line))
        assert "Answer with a number" in said and "eighteen million" not in said, said
    s = at(course, grader, "neighbourhood", "independence-year")
    assert "eighteen million" in _replies(s.submit("do i need the month too?"))
