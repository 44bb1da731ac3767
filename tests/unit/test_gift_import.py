"""GIFT import: every example of Moodle's GIFT documentation (tests/data/gift/moodle-docs.gift)
comes in with the right kind, answers and feedback; what has no equivalent is warned about at
its line; and what is converted loads as a lesson without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.gift import import_gift
from tutor.gift.yamlfile import lesson_yaml
from tutor.loader import load_lesson

DOCS = Path(__file__).resolve().parents[1] / "data" / "gift" / "moodle-docs.gift"


@pytest.fixture(scope="module")
def docs():
    lessons, problems = import_gift(DOCS.read_text(encoding="utf-8"), "docs.gift")
    return {lesson["id"]: lesson["steps"] for lesson in lessons}, problems


def test_one_lesson_per_category_in_file_order(docs):
    lessons, _ = docs
    assert list(lessons)[:4] == ["multiple-choice", "multiple-answers", "short-answer", "true-false"]
    assert len(lessons) == 17


def test_multiple_choice(docs):
    first, blank, thanksgiving, kanji = docs[0]["multiple-choice"]
    assert first == {
        "id": "who-s-buried-in-grant-s-tomb", "ask": "Who's buried in Grant's tomb?",
        "type": "choice", "options": ["Grant", "Jefferson", "no one"], "answer": "no one",
    }  # fmt: skip
    assert blank["ask"] == "Grant is _____ in Grant's tomb."
    assert (blank["options"], blank["answer"]) == (["buried", "entombed", "living"], "entombed")
    assert thanksgiving["ask"] == "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November."
    assert thanksgiving["answer"] == "fourth" and len(thanksgiving["options"]) == 3
    assert (kanji["options"], kanji["answer"]) == (["India", "China", "Korea", "Egypt"], "China")


def test_multiple_answers_with_weights(docs):
    (q,) = docs[0]["multiple-answers"]
    assert q["type"] == "multi"
    assert q["options"] == ["No one", "Grant", "Grant's wife", "Grant's father"]
    assert q["answer"] == ["Grant", "Grant's wife"]


def test_short_answer(docs):
    grant, four = docs[0]["short-answer"]
    assert "type" not in grant  # text is the default
    assert (grant["answer"], grant["accept"]) == ("Grant", ["Ulysses S. Grant", "Ulysses Grant"])
    assert four["ask"] == "Two plus two equals _____."
    assert (four["answer"], four["accept"]) == ("four", ["4"])


def test_true_false(docs):
    buried, sun = docs[0]["true-false"]
    assert (buried["type"], buried["answer"]) == ("truefalse", "false")
    assert (sun["type"], sun["answer"]) == ("truefalse", "true")


def test_matching_becomes_one_choice_per_pair_with_a_warning(docs):
    steps, problems = docs[0]["matching"], docs[1]
    assert [s["answer"] for s in steps] == ["Ottawa", "Rome", "Tokyo", "New Delhi"]
    assert all(s["options"] == ["Ottawa", "Rome", "Tokyo", "New Delhi"] for s in steps)
    assert steps[0]["ask"].endswith("\n\nCanada")
    assert steps[0]["explain"] == "It's good to know the capitals"
    assert "docs.gift:46:1: warning: a matching question has no equivalent: each pair becomes a" \
        " choice question among the right-hand sides" in [str(p) for p in problems]


def test_missing_word(docs):
    (q,) = docs[0]["missing-word"]
    assert q["ask"] == "Moodle costs _____ to download from moodle.org."
    assert q["answer"] == "nothing"


def test_numerical(docs):
    born, pi, pi_range, born_two = docs[0]["numerical"]
    assert (born["type"], born["answer"], born["tolerance"]) == ("number", "1822", "5")
    assert pi["ask"] == "What is the value of pi (to 3 decimal places)? _____."
    assert (pi["answer"], pi["tolerance"]) == ("3.14159", "0.0005")
    assert float(pi_range["answer"]) == pytest.approx(3.1415)
    assert float(pi_range["tolerance"]) == pytest.approx(0.0005)
    assert (born_two["answer"], born_two["explain"]) == ("1822", "Correct! Full credit.")
    assert "tolerance" not in born_two
    assert "docs.gift:68:1: warning: partial credit (50%) for '1822:2' has no equivalent: left" \
        " out" in [str(p) for p in docs[1]]


def test_essay_and_description_become_teach_steps(docs):
    assert docs[0]["essay"] == [{"teach": "Write a short biography of Dag Hammarskjöld."}]
    assert "docs.gift:73:1: warning: an essay question has no equivalent (the tutor does not" \
        " grade free writing): kept as a teach step" in [str(p) for p in docs[1]]
    assert docs[0]["description"] == [
        {"teach": "You can use your pencil and paper for these next math questions."}
    ]


def test_comments_and_feedback_per_option(docs):
    (q,) = docs[0]["comments"]
    assert q["id"] == "grants-tomb" and q["answer"] == "Grant"
    assert q["wrong"] == {
        "No one": "Was true for 12 years, but Grant's remains were buried in the tomb in 1897",
        "Napoleon": "He was buried in France", "Churchill": "He was buried in England",
        "Mother Teresa": "She was buried in India",
    }  # fmt: skip


def test_titles_become_ids(docs):
    kanji, thanksgiving = docs[0]["question-name"]
    assert (kanji["id"], kanji["answer"]) == ("kanji-origins", "China")
    assert thanksgiving["id"] == "thanksgiving-date"


def test_feedback(docs):
    choice, short, truefalse = docs[0]["feedback"]
    assert choice["wrong"] == {
        "wrong answer": "feedback comment on the wrong answer",
        "another wrong answer": "feedback comment on this wrong answer",
    }
    assert choice["explain"] == "Very good!"
    assert (short["answer"], short["accept"]) == ("no one", ["nobody"])
    assert short["explain"] == "excellent answer! excellent answer too!"
    assert truefalse["wrong"] == {"true": "No one is buried in Grant's tomb."}


def test_weights_without_an_equivalent_are_warned_at_their_line(docs):
    difficult, hometown, spelled = docs[0]["weights"]
    assert difficult["answer"] == "full credit answer"
    assert hometown["ask"] == "Jesus Christ was from _____."
    assert hometown["answer"] == "Nazareth" and hometown["explain"] == "Yes! That's right!"
    assert hometown["wrong"]["Galilee"] == "You need to be more specific."
    assert spelled["id"] == "jesus-hometown-2" and "accept" not in spelled
    lines = [str(p) for p in docs[1]]
    assert "docs.gift:120:1: warning: partial credit (50%) for 'Galilee' has no equivalent in a" \
        " choice question: it counts as wrong" in lines
    assert "docs.gift:126:1: warning: partial credit (75%) for 'Nazereth' has no equivalent: left" \
        " out (the tutor forgives spelling slips by itself)" in lines


def test_special_characters(docs):
    five, control = docs[0]["special-characters"]
    assert five["options"] == ["= 2 + 2", "= 2 + 3", "= 2 + 4"] and five["answer"] == "= 2 + 3"
    assert control["options"] == ["~", "=", "#", "{", "}", "\\"]
    assert control["answer"] == "\\"
    assert control["wrong"]["#"] == "# is a control character."
    assert control["explain"].startswith("Correct! \\ (backslash) is not a control character.")


def test_general_feedback(docs):
    (q,) = docs[0]["general-feedback"]
    assert (q["answer"], q["accept"], q["explain"]) == ("4", ["four"], "Two and two make four.")


def test_formats_html_never_reaches_the_student_as_markup(docs):
    html, markdown, plain = docs[0]["formats"]
    assert (html["ask"], html["explain"]) == ("What is bold?", "Yes")
    assert markdown["ask"] == "What is bold?"  # a question is shown as plain text
    assert plain["ask"] == "What is <b>bold</b> in plain?"  # [plain] is text as written


def test_quick_examples(docs):
    steps = docs[0]["quick"]
    kinds = [s.get("type", "text" if "ask" in s else "teach") for s in steps]
    assert kinds == ["truefalse", "choice", "text", "choice", "choice", "number", "number", "number", "teach"]
    q5, q6 = steps[5], steps[6]
    assert (q5["answer"], q5["tolerance"]) == (q6["answer"], q6["tolerance"]) == ("3", "2")
    assert steps[1]["wrong"] == {"red": "wrong, it's yellow", "blue": "wrong, it's yellow"}


def test_every_converted_lesson_loads_without_an_error(docs, tmp_path: Path):
    lessons, _ = docs
    for lesson_id, steps in lessons.items():
        path = tmp_path / f"{lesson_id}.yaml"
        path.write_text(lesson_yaml({"id": lesson_id, "title": lesson_id, "steps": steps}))
        lesson, problems = load_lesson(path)
        assert lesson is not None, [str(p) for p in problems if p.is_error]


def _one(text: str):
    lessons, problems = import_gift(text, "q.gift")
    return (lessons[0]["steps"] if lessons else []), [str(p) for p in problems]


def test_escapes_and_new_lines():
    (q,), _ = _one("Is 1 \\{ 2 \\} \\: 3\\nor not? {=yes\\#1 =a\\~b}")
    assert q["ask"] == "Is 1 { 2 } : 3\nor not?"
    assert (q["answer"], q["accept"]) == ("yes#1", ["a~b"])


def test_control_characters_and_html_scripts_never_come_through():
    (q,), _ = _one("[html]<script>alert(1)</script>Pick\x1b[31m one\u202e{=a\x07b}")
    assert q["ask"] == "Pick[31m one" and q["answer"] == "ab"


def test_crlf_bom_and_unclosed_braces_are_named():
    steps, problems = _one("\ufeffGood?{T}\r\n\r\nBroken {=a\r\n\r\nLast?{F}\r\n")
    assert [s["answer"] for s in steps] == ["true", "false"]
    assert problems == ["q.gift:3:1: warning: the answers opened with '{' are never closed with"
                        " '}': this question is left out"]  # fmt: skip


def test_answers_without_a_sign_are_read_as_moodle_reads_them_and_named():
    (q,), problems = _one("Pick one {a b c}")
    assert q["answer"] == "a b c"  # Moodle: a short answer, its whole text the one answer
    assert problems == ["q.gift:1:1: warning: 'a b c' has no '=' in front: a right answer, as"
                        " Moodle reads it (options are written '=right ~wrong')"]  # fmt: skip


def test_a_file_with_no_question_is_an_error():
    lessons, problems = import_gift("// only a comment\n", "q.gift")
    assert lessons == [] and [p.severity for p in problems] == ["error"]


def test_duplicate_titles_and_categories_get_unique_ids():
    lessons, _ = import_gift(
        "$CATEGORY: a/x\n\n::T::One?{T}\n\n::T::Two?{F}\n\n$CATEGORY: b/x\n\nThree?{T}\n", "q.gift"
    )
    assert [lesson["id"] for lesson in lessons] == ["x", "x-2"]
    assert [s["id"] for s in lessons[0]["steps"]] == ["t", "t-2"]
