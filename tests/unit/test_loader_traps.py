"""Silent traps: lesson files that load, but not as the instructor meant (issue 16).

One fixture each in tests/data/loader/ (``trap-*``), with the exact message and place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.loader import load_course, load_lesson

LOADER = Path(__file__).resolve().parents[1] / "data" / "loader"

EXPECTED = {
    "trap-bracket-start.yaml": [
        '5:18: error: YAML syntax error: did not find expected key (while parsing a block mapping at line 4, column 5); a text starting with \'[\' must be in quotes (\'[\' starts a list in YAML): write ask: "[Bonus] What is the capital?"',
    ],
    "trap-decimal.yaml": [
        "7:13: warning: 'answer' '7.644' is read as a decimal (7.644, exactly): if the dot separates thousands, write 7644 or 7,644; if it is a decimal, give a 'tolerance' (or write it as a fraction) to say so",
        "13:13: warning: 'answer' '7,5' has a decimal comma: it is read as 7.5; write 7.5, since a comma in a number usually separates thousands",
    ],
    "trap-hash-comment.yaml": [
        "5:34: warning: the text stops before '#1 city?': in YAML ' #' starts a comment, so this reads 'Which is Central Asia's'; put the whole text in quotes",
    ],
    "trap-multi-and.yaml": [
        "8:13: error: 'answer' 'A and C' is one text: write each option apart, e.g. answer: [A, C]",
    ],
    "trap-smart-quotes-colon.yaml": [
        '5:18: error: YAML syntax error: mapping values are not allowed in this context; this line\'s quote marks are typographic (“ ” or ‘ ’), pasted from a word processor: YAML does not read them as quotes, so type straight ones (" or \') instead',
    ],
    "trap-smart-quotes.yaml": [
        '5:10: warning: \'“Which city is the capital?”\' is in typographic quotes (“ ” or ‘ ’), pasted from a word processor: YAML keeps them as part of the text, so students see them; type straight quotes (" or \') instead, or none',
        '7:13: warning: \'‘Think north.’\' is in typographic quotes (“ ” or ‘ ’), pasted from a word processor: YAML keeps them as part of the text, so students see them; type straight quotes (" or \') instead, or none',
    ],
    "trap-teach-only.yaml": [
        "1:5: warning: lesson 'reading' has only teach steps: it asks nothing, so every student ends with 'Score: 0 of 0'; add a question",
    ],
    "trap-truefalse-text.yaml": [
        "6:13: warning: question 'landlocked' has no 'type', so it is a text question whose answer is 'true': a student who types 'yes' or 't' is refused; for a true/false question add 'type: truefalse'",
        "12:13: warning: question 'nato' is a text question whose answer is 'no': a student who types 'false' or 'f' is refused; for a true/false question add 'type: truefalse'",
    ],
    "trap-type-synonym.yaml": [
        "6:11: error: unknown question type 'multiple choice' (did you mean 'choice'?); the types are text, number, list, choice, multi, truefalse",
        "11:11: error: unknown question type 'True/False' (did you mean 'truefalse'?); the types are text, number, list, choice, multi, truefalse",
    ],
    "all-at-once.yaml": [
        "8:13: error: 'answer' 'Astanaa' is not one of the options (did you mean 'Astana'?); give an option's text or its letter",
        "10:7: error: 'wrong' key 'D' is not an option letter: there are 3 options, A to C",
        "11:12: error: 'tries' must be from 1 to 20, not 0",
        "13:7: error: unknown key 'refuse' in 'examples'",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_trap_messages(name: str):
    _, problems = load_lesson(LOADER / name)
    assert [f"{p.line}:{p.column}: {p.severity}: {p.message}" for p in problems] == EXPECTED[name]


def test_every_trap_fixture_is_tested():
    assert {p.name for p in LOADER.glob("trap-*.yaml")} <= set(EXPECTED)


def test_a_lesson_file_saved_with_an_extra_suffix_is_named():
    course, problems = load_course([LOADER / "trap-yaml-txt"])
    assert [lesson.id for lesson in course.lessons] == ["real"]
    assert [str(p) for p in problems] == [
        f"{LOADER / 'trap-yaml-txt' / '02-saved.yaml.txt'}: warning: skipped: a lesson file's name"
        " ends in .yaml or .yml, not '.txt'; rename it to 02-saved.yaml if it is a lesson"
    ]


def _lesson(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "l.yaml"
    path.write_text("id: l\ntitle: T\n" + text, encoding="utf-8")
    return [p.message for p in load_lesson(path)[1]]


def test_a_comment_written_as_a_comment_is_left_alone(tmp_path: Path):
    steps = "steps:\n  - id: q\n    ask: Capital?  # keep it short\n    answer: Astana #\n"
    assert _lesson(tmp_path, steps + "    hints: [h]\n    explain: e\n") == []


def test_multi_answer_with_commas_still_reads_as_options(tmp_path: Path):
    steps = (
        "steps:\n  - id: q\n    ask: Which?\n    type: multi\n    options: [Russia, Iran, China]\n"
        "    answer: A, C\n    hints: [h]\n    explain: e\n"
    )
    assert _lesson(tmp_path, steps) == []
