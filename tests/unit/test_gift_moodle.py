"""GIFT as Moodle's own tests know it: every construct of Moodle's GIFT unit tests and fixtures
(written anew in tests/data/gift/moodle-tests.gift) comes in as the tutor can hold it, or with a
warning naming its line; a converted lesson loads; and the tutor's own export of what it imported
reads back the same, with or without the tutor's notes (as Moodle would keep it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gift_support import round_trip

from tutor.gift import import_gift
from tutor.gift.parser import labels

DATA = Path(__file__).resolve().parents[1] / "data" / "gift"
TESTS = DATA / "moodle-tests.gift"


def _import(text: str, name: str = "t.gift") -> tuple[dict[str, list[dict]], list[str]]:
    lessons, problems = import_gift(text, name)
    return {lesson["id"]: lesson["steps"] for lesson in lessons}, [str(p) for p in problems]


@pytest.fixture(scope="module")
def moodle():
    return _import(TESTS.read_text(encoding="utf-8"))


def _warned(problems: list[str], line: int, words: str) -> bool:
    return any(p.startswith(f"t.gift:{line}:1: warning: ") and words in p for p in problems)


def test_essay_is_a_teach_step_with_a_warning(moodle):
    steps, problems = moodle
    assert steps["essay"] == [{"teach": "Describe your home town."}]
    assert _warned(problems, 8, "an essay question has no equivalent")


def test_matching_reads_each_parts_format_and_keeps_an_unmatched_answer_as_an_option(moodle):
    steps, problems = moodle
    asks = [s["ask"].split("\n\n")[1] for s in steps["matching-formats"]]
    # [html] and [markdown] made plain text; [plain] kept as written, never taken for a tag
    assert asks == ["Cuts wood.", "Drives nails.", "Turns <screws>.", "Measures length."]
    assert [s["answer"] for s in steps["matching-formats"]] == ["Saw", "Hammer", "Screwdriver", "Tape"]
    assert steps["matching-formats"][0]["options"] == ["Saw", "Hammer", "Screwdriver", "Tape", "Drill"]
    assert steps["matching-formats"][0]["ask"].startswith("Match the tool to its use.")
    assert _warned(problems, 13, "a matching question has no equivalent")


def test_choice_options_and_replies_in_their_own_formats(moodle):
    (q,) = moodle[0]["choice-formats"]
    assert (q["options"], q["answer"]) == (["Mars", "Venus", "Earth"], "Mars")
    assert q["wrong"] == {"Venus": "no, Venus is yellowish", "Earth": "no, the Earth is <blue>"}
    assert q["explain"] == "right, well done!"


def test_multiple_answers_with_negative_weights_and_formats(moodle):
    primes, seven = moodle[0]["multiple-answers"]
    assert primes["type"] == "multi"
    assert primes["options"] == ["two", "four", "three", "six"]
    assert primes["answer"] == ["two", "three"]
    assert primes["wrong"] == {"four": "no, 2 x 2", "six": "no, 2 x 3"}
    # ~%100% with no '=': Moodle's multiple-answer question with a single right option
    assert (seven["type"], seven["answer"]) == ("multi", ["seven"])


def test_numerical_feedback_for_any_other_answer_is_named_not_taken_for_a_number(moodle):
    steps, problems = moodle
    one, two = steps["numerical-any-other"]
    assert (one["answer"], one["tolerance"]) == (two["answer"], two["tolerance"]) == ("15", "5")
    assert "wrong" not in one and "wrong" not in two
    for line in (50, 53):
        assert _warned(problems, line, "the feedback for any other answer ('Not between 10 and 20.')")
    assert not any("is not a number" in p for p in problems)


def test_short_answer_wildcard_partial_credit_and_general_feedback_in_html(moodle):
    steps, problems = moodle
    metal, exported = steps["short-answer-weights"]
    assert metal["answer"] == "Mercury" and "accept" not in metal
    assert "wrong" not in metal  # '*' is any answer, never the text '*'
    assert metal["explain"] == "Yes! Mercury melts at -39 °C."
    assert _warned(problems, 62, "partial credit (50%) for 'Gallium'")
    assert _warned(problems, 60, "any other answer ('No: think of old thermometers.')")
    assert (exported["answer"], exported["explain"]) == ("Mercury", "Yes!")  # =%100% is right


def test_true_false_with_both_replies_and_general_feedback(moodle):
    moon, water, ice, exported = moodle[0]["true-false"]
    assert (moon["answer"], moon["wrong"]) == ("false", {"true": "It is a satellite, not a planet."})
    assert moon["explain"] == "Right: it goes round the Earth. The Moon goes round a planet."
    assert (water["id"], water["answer"]) == ("2-08-water", "true")
    assert (ice["id"], ice["answer"]) == ("2-09-ice", "true")
    assert exported["ask"] == "The answer is true."
    assert (exported["wrong"], exported["explain"]) == ({"false": "You chose false."}, "You chose true. True it is.")


def test_backslashes_escaped_twice_are_one_backslash_each(moodle):
    essay, key = moodle[0]["backslashes"]
    assert essay == {"teach": "A \\ B \\\\ C"}
    assert key["ask"] == "Which key is \\ on a keyboard?"
    assert (key["answer"], key["accept"]) == ("backslash", ["\\"])


def test_preformatted_html_keeps_its_lines(moodle):
    (q,) = moodle[0]["preformatted"]
    assert q["ask"] == "What does this print?\n\n    def main() {\n        print(3)\n    }"
    assert (q["type"], q["answer"]) == ("number", "3")


def test_idnumber_is_the_question_id_and_tags_are_named(moodle):
    steps, problems = moodle
    france, spain = steps["tags-and-ids"]
    assert (france["id"], spain["id"]) == ("capital-of-france", "q-2")  # [id:  q\]2  ] is 'q]2'
    assert _warned(problems, 108, "tags (geography, easy) have no equivalent")
    assert _warned(problems, 111, "tags (europe) have no equivalent")


@pytest.mark.parametrize(("comments", "idnumber", "tags"), [
    ("", "", []),
    (" a plain comment", "", []),
    (" see [id:frog] here", "frog", []),
    (" [tag:frog] [tag:toad]", "", ["frog", "toad"]),
    (" [tag:  sums ] and\n a [id:  four  ] que[tag:add]stion", "four", ["sums", "add"]),
    (" [tag:\n frog]", "", []),  # a label never spans two comment lines
    (" [id:a\\]b] [tag:c\\]d]", "a]b", ["c]d"]),  # '\]' is a bracket in a label
    (" [id:] [tag: ]", "", []),
])  # fmt: skip
def test_idnumber_and_tags_in_comments(comments: str, idnumber: str, tags: list[str]):
    assert labels(comments) == (idnumber, tags)


def test_a_file_as_moodle_exports_it(moodle):
    greeting, traveller, nato = moodle[0]["default-for-travel"]
    assert greeting["ask"] == "Listen to this greeting: (http://example.org/hello.mp3)\n\nWhich language is it?"
    assert (greeting["answer"], greeting["explain"]) == ("Spanish", "Yes, well done!")
    assert (traveller["answer"], "explain" in traveller) == ("traveller", False)  # '#' and nothing
    assert nato["ask"] == "NATO is short for North Atlantic Treaty Organization."


def test_every_warning_is_on_a_line_of_the_file_and_nothing_else_is_warned(moodle):
    _, problems = moodle
    lines = TESTS.read_text(encoding="utf-8").split("\n")
    for p in problems:
        number = int(p.split(":")[1])
        assert 1 <= number <= len(lines) and lines[number - 1].strip(), p
    assert len(problems) == 10


@pytest.mark.parametrize("name", ["moodle-tests.gift", "moodle-docs.gift"])
def test_windows_and_old_mac_line_endings_and_a_bom_change_nothing(name):
    text = (DATA / name).read_text(encoding="utf-8")
    expected = _import(text)
    assert _import("\ufeff" + text.replace("\n", "\r\n")) == expected
    assert _import(text.replace("\n", "\r")) == expected


def test_blank_lines_of_spaces_and_many_blank_lines_separate_questions():
    steps, problems = _import("\n\n  \nOne?{T}\n \t \n\n\n\nTwo?{F}\n\n")
    assert [s["answer"] for s in steps["imported"]] == ["true", "false"] and problems == []


@pytest.mark.parametrize("notes", [True, False], ids=["with-notes", "as-moodle-keeps-it"])
@pytest.mark.parametrize("name", ["moodle-tests.gift", "moodle-docs.gift"])
def test_what_the_tutor_imports_survives_export_and_import(name, notes, tmp_path: Path):
    lessons, _ = import_gift((DATA / name).read_text(encoding="utf-8"), name)
    before, after = round_trip(lessons, tmp_path, notes)
    assert after == before
