"""Grading beyond the verdict table: feedback wording, the public helpers, robustness."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from questions import ROWS, G, Q

from tutor.grading import (
    Grade,
    Grader,
    Verdict,
    confusable,
    find_numbers,
    grade,
    normalise,
    parse_number,
    similarity,
)
from tutor.model import Question, QuestionType

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "course"
FALLBACK = "Sorry, I couldn't read that answer"


# --- feedback ---------------------------------------------------------------------------------


def test_typo_feedback_shows_the_spelling() -> None:
    g = G.grade(Q["nazarbayev"], "Nazarbaev")
    assert g.verdict is Verdict.TYPO
    assert g.feedback == "Accepted \u2014 the spelling is Nazarbayev."
    assert g.matched == "Nazarbayev"


def test_typo_feedback_names_the_accepted_form_it_matched() -> None:
    g = G.grade(Q["tokayev"], "Токаев")
    assert g.matched == "Tokayev"
    assert "Tokayev" in g.feedback


def test_misconception_replies_with_its_own_feedback() -> None:
    g = G.grade(Q["russia"], "China")
    assert g.feedback == "Beijing's role has been mostly economic."
    assert g.matched is None


def _answer_forms(q: Question) -> list[str]:
    forms = [f for item in q.items for f in item.forms]
    if q.type in (QuestionType.CHOICE,):
        forms += [q.options[i] for i in q.correct]
    if q.type is QuestionType.NUMBER:
        forms.append(q.answer)
    return forms


@pytest.mark.parametrize("row", [r for r in ROWS if not r[2].right and not r[0].startswith("C:")])
def test_a_wrong_try_never_gives_the_answer_away(row: tuple) -> None:
    q = Q[row[0]]
    g = G.grade(q, row[1])
    typed = normalise(row[1])
    for form in _answer_forms(q):
        n = normalise(form)
        if not n or n in typed or form in g.found:
            continue  # the student named it themselves ("Mongolia is right")
        if q.wrong and any(n in normalise(w.reply) for w in q.wrong):
            continue  # the instructor's own reply may mention it
        assert n not in normalise(g.feedback), (row, g.feedback)
    for name in g.missing:
        if name in g.found:
            continue
        assert normalise(name) not in normalise(g.feedback), (row, g.feedback)


def test_list_feedback_names_found_and_extras_and_counts_missing() -> None:
    g = G.grade(Q["caspian"], "Russia, Georgia")
    assert g.verdict is Verdict.PARTIAL
    assert g.found == ("Russia",)
    assert g.extra == ("Georgia",)
    assert set(g.missing) == {"Kazakhstan", "Turkmenistan", "Iran", "Azerbaijan"}
    assert "Russia is right" in g.feedback
    assert "\u201cGeorgia\u201d is not one of them" in g.feedback
    assert "2 more items are missing" in g.feedback
    assert g.credit == pytest.approx((1 - 0.5) / 3)


def test_list_extras_keep_the_students_spelling() -> None:
    g = G.grade(Q["borders"], "mongolia, SOUTH korea")
    assert g.extra == ("SOUTH korea",)


def test_list_extra_that_is_a_wrong_entry_brings_its_reply() -> None:
    g = G.grade(Q["frameworks"], "SCO, Eurasian Economic Union")
    assert g.verdict is Verdict.PARTIAL
    assert "The EAEU is Russian-led." in g.feedback


def test_list_typos_are_shown() -> None:
    g = G.grade(Q["borders"], "Mongolai, North Korea")
    assert g.verdict is Verdict.TYPO
    assert "Mongolia" in g.feedback
    assert g.found == ("Mongolia", "North Korea")


def test_multi_partial_names_the_picks() -> None:
    g = G.grade(Q["lead"], "a, b, c")
    assert g.verdict is Verdict.PARTIAL
    assert "B (Eurasian Economic Union) is not" in g.feedback
    assert g.extra == ("Eurasian Economic Union",)


def test_number_within_tolerance_shows_the_exact_figure() -> None:
    g = G.grade(Q["pop"], "18.5 million")
    assert g.verdict is Verdict.CORRECT
    assert "18 million" in g.feedback


def test_feedback_is_plain_text() -> None:
    for row in ROWS[:200]:
        name = row[0].removeprefix("C:")
        fb = G.grade(Q[name], row[1]).feedback
        assert "[" not in fb and "*" not in fb, fb


def test_grade_to_dict_round_trip() -> None:
    d = G.grade(Q["borders"], "Mongolia").to_dict()
    assert d["verdict"] == "partial"
    assert d["credit"] == 0.5
    assert d["found"] == ["Mongolia"]
    assert d["missing"] == ["North Korea"]


def test_invalid_is_not_counted() -> None:
    g = G.grade(Q["russia"], "")
    assert g.verdict is Verdict.INVALID and not g.verdict.counts


# --- the course: competitors and glossary ------------------------------------------------------


def test_fixture_examples_all_pass() -> None:
    from tutor.loader import load_course

    course, problems = load_course([FIXTURE])
    assert not [p for p in problems if p.severity == "error"]
    grader = Grader(course)
    checked = 0
    for lesson in course.lessons:
        for q in lesson.questions:
            for ex in q.accept_examples:
                assert grader.grade(q, ex.text).verdict.right, (q.id, ex.text)
                checked += 1
            for ex in q.reject_examples:
                assert not grader.grade(q, ex.text).verdict.right, (q.id, ex.text)
                checked += 1
    assert checked >= 20


def test_a_glossary_expansion_counts_as_its_term() -> None:
    from tutor.model import Course, GlossaryEntry, Item, Lesson

    q = Question("q", "?", QuestionType.TEXT, "SCO", items=(Item("SCO"),))
    course = Course(
        (
            Lesson(
                "l",
                "L",
                (q,),
                glossary=(GlossaryEntry("SCO", "Shanghai Cooperation Organisation, a forum."),),
            ),
        )
    )
    g = Grader(course)
    assert g.grade(q, "Shanghai Cooperation Organisation").verdict is Verdict.CORRECT
    assert g.grade(q, "sco").verdict is Verdict.CORRECT
    assert g.grade(q, "CSTO").verdict is Verdict.WRONG


def test_every_answer_in_the_course_competes() -> None:
    from tutor.model import Course, Item, Lesson

    iran = Question("a", "?", QuestionType.TEXT, "Iran", items=(Item("Iran"),))
    oman = Question("b", "?", QuestionType.TEXT, "Oran", items=(Item("Oran"),))
    course = Course((Lesson("l", "L", (iran, oman)),))
    assert Grader(course).grade(iran, "Oran").verdict is Verdict.WRONG
    assert Grader(course).grade(iran, "Iran").verdict is Verdict.CORRECT


def test_convenience_grade_without_a_course() -> None:
    assert grade(Q["russia"], "Rusia").verdict is Verdict.TYPO


def test_choice_without_indices_uses_the_answer_text() -> None:
    q = Question(
        "q",
        "?",
        QuestionType.CHOICE,
        "Economic networks",
        options=("Security", "Economic networks"),
    )
    assert G.grade(q, "b").verdict is Verdict.CORRECT
    assert G.grade(q, "a").verdict is Verdict.WRONG


def test_multi_without_indices_uses_the_answer_letters() -> None:
    q = Question("q", "?", QuestionType.MULTI, "A, C", options=("x-ray", "yak", "zebra"))
    assert G.grade(q, "c, a").verdict is Verdict.CORRECT


# --- public helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  The Russian-Federation! ", "russian federation"),
        ("Токаев", "tokaev"),
        ("Ürümqi", "urumqi"),
        ("Y-8", "y 8"),
        ("C5+1", "c5+1"),
        ("I think it's China", "china"),
        ("Mongolia & North Korea", "mongolia and north korea"),
        ("U.S.", "us"),
        ("Russia\x00\x07", "russia"),
        ("", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("18 million", 18e6),
        ("18m", 18e6),
        ("$3.2M", 3.2e6),
        ("18,000,000", 18e6),
        ("18 000 000", 18e6),
        ("1,5", 1.5),
        ("1,500", 1500.0),
        ("ninth", 9.0),
        ("9th", 9.0),
        ("18 %", 18.0),
        ("eighteen million", 18e6),
        ("nineteen ninety-one", 1991.0),
        ("February 2020", 2020.0),
        ("1991 or 1992", None),
        ("Russia", None),
        ("", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("unit", ["m", "metres", "m/s", "m/s2", "m2", "minutes"])
def test_m_after_digits_is_the_unit_not_million(unit: str) -> None:
    assert parse_number("10m", unit=unit) == 10.0
    assert parse_number("10m") == 10_000_000


def test_find_numbers_spans_are_in_the_folded_text() -> None:
    (n,) = find_numbers("about 18 million people")
    assert "about 18 million people"[n.start : n.end] == "18 million"
    assert n.scaled


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Russia", "Rusia", True),
        ("Russia", "russia", True),
        ("Tokayev", "Tokaev", True),  # within one edit: the loader should warn about such a pair
        ("Iran", "Iraq", False),  # one edit, but each is a common English word: never a slip
        ("gold", "golf", False),
        ("Tokayev", "Tokayeva", False),  # a feminine surname is another person
        ("Louis XVI", "Louis XVIII", False),
        ("Russia", "Prussia", False),
        ("Y-8", "Y-9", False),
        ("C5+1", "P5+1", False),
        ("China", "Russia", False),
        ("EAEU", "EU", False),
        ("", "x", False),
    ],
)
def test_confusable(a: str, b: str, expected: bool) -> None:
    assert confusable(a, b) is expected
    assert confusable(b, a) is expected


def test_similarity() -> None:
    assert similarity("Y-8", "y8") == 0
    assert similarity("Russia", "Rusia") == 1


# --- robustness --------------------------------------------------------------------------------

_POOL = (
    "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 ,.;:!?/&+-%$()[]'\"\n\t\x00\x07\x1b\u200b"
    "Токаевмир Ürümqi é \u0301 \U0001f600\U0001f44d\ufe0f 中国 العربية ﬁ ½ ² \\ {} <> | ~ ` ^ _"
)


@pytest.mark.parametrize("name", sorted(Q))
def test_never_raises_on_random_text(name: str) -> None:
    rng = random.Random(name)
    q = Q[name]
    for _ in range(150):
        text = "".join(rng.choice(_POOL) for _ in range(rng.randint(0, 40)))
        g = G.grade(q, text)
        assert isinstance(g, Grade)
        assert 0.0 <= g.credit <= 1.0
        assert FALLBACK not in g.feedback, repr(text)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 100_000,
        "Russia, " * 20_000,
        "\x00" * 100_000,
        "9" * 100_000,
        "9" * 900,
        "1" + "0" * 400,
        "one " * 200,
        "and " * 300,
        "a, " * 300,
        ", " * 400,
        "\U0001f600" * 1000,
        "\u0301" * 900,
        "not " * 200,
    ],
    ids=lambda t: f"{t[:12]!r}x{len(t)}",
)
def test_hostile_input(text: str) -> None:
    for q in Q.values():
        g = G.grade(q, text)
        assert 0.0 <= g.credit <= 1.0
        assert FALLBACK not in g.feedback
        if len(text) > 1000:
            assert g.verdict is Verdict.INVALID


def test_non_string_input_is_invalid_not_a_crash() -> None:
    assert G.grade(Q["russia"], None).verdict is Verdict.INVALID  # type: ignore[arg-type]


def test_grading_does_not_import_textual() -> None:
    code = (
        "import sys, tutor.grading, tutor.commands.try_\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_option_texts_joined_by_and_are_read_as_options_even_when_the_pair_is_known() -> None:
    """Another question's answer "the United States and the European Union" must not swallow
    the two options a student names with "and" in a multi question."""
    from tutor.grading import Grader
    from tutor.model import Course, Item, Lesson

    partners = Question(
        id="partners",
        ask="Which two partners?",
        type=QuestionType.MULTI,
        answer="A, B",
        options=("The United States", "The European Union", "NATO"),
        correct=(0, 1),
    )
    west = Question(
        id="west",
        ask="Which partners in the West?",
        type=QuestionType.TEXT,
        answer="the United States and the European Union",
        items=(Item("the United States and the European Union"),),
    )
    grader = Grader(Course((Lesson("l", "L", (partners, west)),)))
    got = grader.grade(partners, "the United States and the European Union")
    assert (got.verdict, got.credit) == (Verdict.CORRECT, 1.0)
    assert grader.grade(west, "the United States and the European Union").verdict is Verdict.CORRECT


def test_the_ascii_fast_path_of_clean_matches_the_full_unicode_path() -> None:
    import string
    import sys

    import tutor.grading.normalise  # noqa: F401  (the package attribute is the function)

    module = sys.modules["tutor.grading.normalise"]
    rng = random.Random(7)
    alphabet = string.printable + "^`~"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert module.clean(text) == module._clean_unicode(text), repr(text)


def test_a_list_reply_starts_its_sentence_with_a_capital() -> None:
    from tutor.model import Item

    q = Question(
        id="tools",
        ask="Which two?",
        type=QuestionType.LIST,
        answer="nuclear umbrella, military technology",
        items=(Item("nuclear umbrella"), Item("military technology")),
    )
    got = G.grade(q, "nuclear umbrella and tanks")
    assert got.feedback.startswith("Nuclear umbrella is right."), got.feedback
