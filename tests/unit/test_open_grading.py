"""The open kind, rule by rule: reading word groups, word forms, typos, negation, sentences,
misconceptions, follow-up questions, tries that build on each other, and the loader's checks."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tutor.grading import Grader, Verdict
from tutor.grading.explanations import default_follow_up
from tutor.grading.keypoints import Reading, parse_group, sentences, word_matches
from tutor.loader import load_course, load_lesson
from tutor.loader.examples import run_examples
from tutor.messages import Feedback
from tutor.session import Session

ICE_DIR = Path(__file__).resolve().parents[1] / "data" / "open"
ICE, _ = load_course([ICE_DIR])
QUESTION = ICE.lessons[0].questions[0]
GRADER = Grader(ICE)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "lesson.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


LESSON = """\
id: why
title: Why
steps:
  - teach: The West offsets Russia and China.
  - id: why-west
    type: open
    ask: Why does Kazakhstan keep close ties with the West?
    points:
      - point: to offset the ambitions of both Russia and China
        accept: ["offset/balance Russia/Moscow/China/Beijing"]
      - point: so as not to depend on a single power
        accept: ["depend/rely one/single/any power/partner"]
        follow_up: And what would happen if it relied on only one partner?
    wrong:
      "West main trading partner": Its top trading partners are China and Russia.
    hints: [Think of the neighbours.]
    explain: The West is a counterweight.
"""


def test_a_group_is_words_with_alternatives_and_phrases():
    group = parse_group("offset/balance great_power multi-vector")
    assert [s.alternatives for s in group] == [
        (("offset",), ("balance",)),
        (("great", "power"),),
        (("multi", "vector"),),
    ]


def test_word_forms_typos_and_contractions_count():
    assert word_matches("offsetting", "offset") and word_matches("dependence", "depend")
    assert word_matches("diversification", "diversify")  # one stem plus a few letters
    assert word_matches("balanse", "balance")  # a typo within the budget
    assert word_matches("wasnt", "not")
    assert not word_matches("state", "statement")  # more than three letters apart
    assert not word_matches("west", "east")  # the first letter must agree
    assert not word_matches("2015", "2016")  # digits are never a typo
    assert not word_matches("denser", "dense", strict=True)


def test_sentences_end_at_stops_but_not_after_abbreviations():
    read = sentences("The U.S. presence grows. It helps; e.g. scholarships!\nNew line")
    assert [ws for _, ws in read] == [
        ["the", "us", "presence", "grows"],
        ["it", "helps"],
        ["eg", "scholarships"],
        ["new", "line"],
    ]


def test_a_group_must_be_found_within_one_sentence():
    group = parse_group("balance Russia China")
    assert Reading("It balances Russia and China.").find(group)
    assert not Reading("It balances Russia. China is big.").find(group)


def test_full_partial_wrong_and_negated(tmp_path: Path):
    lesson, problems = load_lesson(_write(tmp_path, LESSON))
    assert lesson is not None and problems == []
    q = lesson.questions[0]
    g = Grader()
    full = g.grade(q, "Balancing Moscow and Beijing, and not relying on a single partner.")
    assert (full.verdict, full.credit) == (Verdict.CORRECT, 1.0)
    assert "To offset the ambitions of both Russia and China." in full.feedback
    half = g.grade(q, "It balances Russia and China.")
    assert half.verdict is Verdict.PARTIAL and half.credit == 0.5
    assert "relied on only one partner?" in half.feedback  # the follow-up question
    assert "single power" not in half.feedback  # the missing point is not named
    turned = g.grade(q, "It does not balance Russia and China.")
    assert turned.verdict is Verdict.WRONG and turned.found == ()
    assert "It does not balance Russia and China" in turned.feedback  # quoted back
    depends = g.grade(q, "It wants to depend on one power.")  # the point said the other way
    assert depends.found == ()
    wrong = g.grade(q, "Because the West is its main trading partner.")
    assert (wrong.verdict, wrong.credit) == (Verdict.MISCONCEPTION, 0.0)
    assert wrong.feedback.startswith("Its top trading partners")
    both = g.grade(q, "To balance Russia and China, not depend on one power. The West is its main trading partner.")
    assert both.verdict is Verdict.PARTIAL and 0 < both.credit < 1  # covered, but asserts one


def test_the_default_follow_up_leaves_the_key_word_blank():
    groups = (parse_group("depend/rely one/single power"),)
    assert default_follow_up("so as not to depend on a single power", groups) == (
        "Can you finish this thought: “so as not to ... on a single power”?"
    )


def test_tries_build_on_each_other_in_a_session():
    session = Session.learn(ICE, "ice", GRADER)
    session.start()
    first = [m for m in session.submit("Ice is less dense than water.") if isinstance(m, Feedback)]
    assert first[0].grade.verdict is Verdict.PARTIAL and not first[0].final
    assert "How does a litre" not in first[0].text  # point 1 was made: ask for another
    second = [m for m in session.submit("Because water expands when it freezes.") if isinstance(m, Feedback)]
    assert second[0].grade.verdict is Verdict.CORRECT and second[0].final


def test_a_command_is_not_taken_for_an_explanation_after_a_partial_try():
    session = Session.learn(ICE, "ice", GRADER)
    session.start()
    session.submit("Ice is less dense than water.")
    replies = session.submit("hint")
    assert not any(isinstance(m, Feedback) for m in replies)


def test_the_loader_checks_points(tmp_path: Path):
    bad = LESSON.replace('accept: ["offset/balance Russia/Moscow/China/Beijing"]', 'accept: ["offset//balance Russia"]')
    _, problems = load_lesson(_write(tmp_path, bad))
    assert any("has an empty alternative" in p.message for p in problems)
    easy = LESSON.replace('accept: ["offset/balance Russia/Moscow/China/Beijing"]', 'accept: ["balance"]')
    lesson, problems = load_lesson(_write(tmp_path, easy))
    assert lesson is not None
    assert [p.severity for p in problems] == ["warning"] and "single word" in problems[0].message
    nopoints = LESSON.split("    points:")[0] + "    explain: x\n"
    _, problems = load_lesson(_write(tmp_path, nopoints))
    assert any("has no 'points'" in p.message for p in problems)
    need = LESSON.replace("    wrong:", "    need: 3\n    wrong:")
    _, problems = load_lesson(_write(tmp_path, need))
    assert any("'need' is 3, but there are only 2 points" in p.message for p in problems)


def test_check_runs_partial_examples(tmp_path: Path):
    body = LESSON + textwrap.indent(
        textwrap.dedent("""\
            examples:
              partial:
                "It balances Russia and China.": [1]
                "It does not depend on one power.": [1]
        """),
        "    ",
    )
    path = _write(tmp_path, body)
    course, problems = load_course([path])
    assert problems == []
    found = run_examples(course)
    assert len(found) == 1 and "should make point(s) 1, but the grader finds 2" in found[0].message


def test_synonyms_count_in_explanations(tmp_path: Path):
    """The defaults (aircraft for plane) and the lesson's own synonyms, as in other questions."""
    body = LESSON.replace("steps:", "synonyms:\n  offset: [neutralise]\nsteps:").replace(
        '"offset/balance Russia/Moscow/China/Beijing"', '"offset/balance Russia/Moscow/China/Beijing", "sold planes"'
    )
    course, problems = load_course([_write(tmp_path, body)])
    assert problems == []
    q = course.lessons[0].questions[0]
    g = Grader(course)
    assert g.grade(q, "It wants to neutralise Russia.").found == (q.points[0].text,)
    assert g.grade(q, "China sold aircraft.").found == (q.points[0].text,)
    assert Grader().grade(q, "It wants to neutralise Russia.").found == ()  # not without them


def test_negation_reaches_over_a_few_words_but_not_only_is_no_denial():
    group = parse_group("dominated Russia")
    assert Reading("It does not want to be dominated by Russia.").find(group)[0].negated
    assert not Reading("It is not only dominated by Russia.").find(group)[0].negated
    assert not Reading("Not every state is dominated by Russia.").find(group)[0].negated
