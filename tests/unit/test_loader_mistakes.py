"""Every kind of mistake in a lesson file: one fixture each, with the exact message and place.

The fixtures live in tests/data/loader/. Each expected line is ``line:col: severity: message``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.loader import load_lesson

DATA = Path(__file__).resolve().parents[1] / "data"
LOADER = DATA / "loader"

EXPECTED = {
    "alias.yaml": [
        "5:10: error: aliases (*x) are not allowed in lesson files: write the text out",
    ],
    "anchor.yaml": [
        "4:12: error: anchors (&msg) are not allowed in lesson files: write the text out",
    ],
    "bad-lesson-id.yaml": [
        "1:5: error: lesson id 'Two Giants' is not a valid id: use lowercase letters, digits and hyphens (at most 64), e.g. 'two-giants'",
    ],
    "bad-question-id.yaml": [
        "4:9: error: question id 'Capital City' is not a valid id: use lowercase letters, digits and hyphens (at most 64), e.g. 'capital-city'",
    ],
    "bad-utf8.yaml": [
        "2:13: error: the file is not valid UTF-8 (byte 0xE9): save it as UTF-8",
    ],
    "billion-laughs.yaml": [
        "1:4: error: anchors (&a) are not allowed in lesson files: write the text out",
    ],
    "choice-answer-list.yaml": [
        "8:13: error: a choice question has one answer: for several, use 'type: multi'",
    ],
    "choice-answer-not-option.yaml": [
        "8:13: error: 'answer' 'Astanaa' is not one of the options (did you mean 'Astana'?); give an option's text or its letter",
    ],
    "choice-duplicate-option.yaml": [
        "7:31: error: option 'astana' is listed twice",
    ],
    "choice-letter-out-of-range.yaml": [
        "8:13: error: 'answer' 'D' is not an option letter: there are 3 options, A to C",
    ],
    "choice-no-options.yaml": [
        "6:5: error: question 'q1' is a choice question but has no 'options'",
    ],
    "choice-one-option.yaml": [
        "7:14: error: a choice question needs at least 2 options",
    ],
    "comments-only.yaml": [
        "1:1: error: the file is empty: a lesson needs at least id, title and steps",
    ],
    "confusable-options.yaml": [
        "4:5: warning: the right option 'Austria' is within a typo of the option 'Austrias': a misspelt answer may be read as either",
    ],
    "confusable.yaml": [
        "7:22: warning: accepted form 'Prusia' is as close to the wrong answer 'Prussia' as to 'Russia': the grader may confuse them",
    ],
    "control-char.yaml": [
        "2:11: error: the file holds a character YAML does not allow (U+0007): control characters are not allowed",
    ],
    "duplicate-key.yaml": [
        "7:5: error: duplicate key 'answer' (first at line 6): remove one",
    ],
    "duplicate-question-id.yaml": [
        "9:9: error: duplicate question id 'q1' (first at line 4)",
    ],
    "empty-value.yaml": [
        "6:12: error: 'answer' has no value: write it (quoted if it is ~ or null), or remove the key",
    ],
    "empty.yaml": [
        "1:1: error: the file is empty: a lesson needs at least id, title and steps",
    ],
    "examples-unknown-key.yaml": [
        "11:7: error: unknown key 'refuse' in 'examples'",
    ],
    "lesson-key-in-question.yaml": [
        "7:5: error: 'sources' belongs at the top of the lesson, not in a question",
    ],
    "list-accept-unknown-item.yaml": [
        "9:7: error: 'accept' names 'Noth Korea', which is not an item of the answer (did you mean 'North Korea'?)",
    ],
    "list-answer-scalar.yaml": [
        "7:13: error: a list question's answer is a list of items, not one text: write each item apart, e.g. answer: [Mongolia, North Korea]",
    ],
    "list-duplicate-item.yaml": [
        "7:37: error: item 'mongolia' is listed twice in 'answer'",
    ],
    "list-need-too-big.yaml": [
        "8:11: error: 'need' is 3, but the answer lists only 2 items",
    ],
    "merge-key.yaml": [
        "5:5: error: merge keys (<<) are not allowed in lesson files: write the keys out",
    ],
    "minutes-not-number.yaml": [
        "3:10: error: 'minutes' must be a whole number from 1 to 600, not 'ten'",
        "4:8: error: 'tries' must be from 1 to 20, not 0",
    ],
    "missing-answer.yaml": [
        "4:5: error: question 'q1' has no 'answer'",
    ],
    "missing-id.yaml": [
        "4:5: error: this question has no 'id': give it a short unique one, e.g. id: capital",
    ],
    "missing-required.yaml": [
        "1:1: error: the lesson has no 'title'",
        "1:1: error: the lesson has no 'steps'",
    ],
    "multi-answer-not-option.yaml": [
        "8:17: error: 'answer' 'Almati' is not one of the options (did you mean 'Almaty'?); give an option's text or its letter",
    ],
    "multi-document.yaml": [
        "5:1: error: a second YAML document ('---'): a lesson file holds exactly one lesson",
    ],
    "null-value.yaml": [
        "7:14: error: 'explain' has no value: write it (quoted if it is ~ or null), or remove the key"
    ],
    "no-explain-no-hints.yaml": [
        "4:5: warning: question 'q1' has no 'explain': one sentence on why helps the student who got it wrong",
        "4:5: warning: question 'q1' has no 'hints': a nudge before the answer is given",
    ],
    "non-scalar-key.yaml": [
        "3:3: error: a key must be plain text, not a list or mapping",
    ],
    "number-not-a-number.yaml": [
        "7:13: error: 'answer' 'about twenty milion' holds more than a number ('about', 'milion'): write only the number, and put a unit under 'unit'",
    ],
    "options-on-text.yaml": [
        "6:5: error: 'options' is only for choice and multi questions; without a 'type' this is a text question: add 'type: choice' or 'type: multi'",
    ],
    "question-key-at-top.yaml": [
        "3:1: error: 'ask' belongs in a step under 'steps', not at the top of the lesson",
    ],
    "several-errors.yaml": [
        "1:5: error: lesson id 'Sample Lesson' is not a valid id: use lowercase letters, digits and hyphens (at most 64), e.g. 'sample-lesson'",
        "2:1: error: unknown key 'titel' in the lesson (did you mean 'title'?)",
        "9:9: error: duplicate question id 'q1' (first at line 4)",
        "12:13: error: 'answer' 'lots' is not a number: write one number, like 1991, 18000000, 18,000,000, 18 million or 2.5",
    ],
    "step-not-mapping.yaml": [
        "4:5: error: each step is a mapping: 'teach: ...' for a message, or a question with id, ask and answer; this step is text",
    ],
    "steps-empty.yaml": [
        "3:8: error: 'steps' is empty: a lesson needs at least one step",
    ],
    "steps-not-list.yaml": [
        "4:3: error: 'steps' must be a list of steps ('- teach: ...', '- id: ...'), not a mapping",
    ],
    "syntax-error.yaml": [
        "3:6: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 8); is a ']' missing, or does an item hold a quote, ': ' or '[' ? put such an item in quotes",
    ],
    "tab-indent.yaml": [
        "4:1: error: YAML syntax error: found character that cannot start any token; indent with spaces, not tabs",
    ],
    "tag-scalar.yaml": [
        "4:12: error: tags (!!str) are not allowed in lesson files: quote the text instead",
    ],
    "tag.yaml": [
        "2:8: error: tags (!!python/object:os.system) are not allowed in lesson files: quote the text instead",
    ],
    "teach-with-extra.yaml": [
        "5:5: error: a teach step holds only 'teach'; 'ask' belongs to a question: make the question a step of its own (is a '- ' missing before its first key?)",
    ],
    "text-accept-mapping.yaml": [
        "7:13: error: 'accept' of a text question is a list of other accepted forms; a mapping of aliases is for list questions",
    ],
    "text-answer-list.yaml": [
        "6:13: error: a text question has one answer: for several, use 'type: list', or put other accepted forms under 'accept'",
    ],
    "tolerance-not-number.yaml": [
        "8:16: error: 'tolerance' 'roughly' is not a number: write an amount like 0.5 or 1000, or a percentage like 5%",
    ],
    "tolerance-on-text.yaml": [
        "8:5: error: 'tolerance' is only for number questions, not text questions",
    ],
    "top-level-list.yaml": [
        "1:1: error: a lesson file is a mapping of keys (id:, title:, steps: ...), but this file holds a list",
    ],
    "top-level-text.yaml": [
        "1:1: error: a lesson file is a mapping of keys (id:, title:, steps: ...), but this file holds text",
    ],
    "tries-out-of-range.yaml": [
        "7:12: error: 'tries' must be from 1 to 20, not 100",
    ],
    "truefalse-bad.yaml": [
        "7:13: error: a true/false answer is true or false (or yes or no), not 'maybe'",
    ],
    "unknown-key.yaml": [
        "2:1: error: unknown key 'titel' in the lesson (did you mean 'title'?)",
    ],
    "unknown-question-key.yaml": [
        "7:5: error: unknown key 'hint' in a question (did you mean 'hints'?)",
    ],
    "split-hint.yaml": [
        "7:43: warning: hint 'then look north.' starts in lower case right after another on the same line: a comma inside [ ] splits a hint in two; put the hint in quotes",
    ],
    "unknown-source.yaml": [
        "9:13: warning: source 'artcle' is not one of this lesson's sources (article); add it under 'sources' or use 'background'",
    ],
    "unknown-step.yaml": [
        "4:5: error: unknown key 'tech' in a step (did you mean 'teach'?)",
    ],
    "unknown-type.yaml": [
        "6:11: error: unknown question type 'choise' (did you mean 'choice'?); the types are text, number, list, choice, multi, truefalse, open",
    ],
    "utf16.yaml": [
        "1:1: error: the file is UTF-16; save it as UTF-8",
    ],
    "wrong-is-answer.yaml": [
        "10:7: error: 'wrong' lists 'nur sultan', which is also accepted (as 'Astana')",
    ],
    "wrong-is-right-option.yaml": [
        "10:7: error: 'wrong' lists 'A', which is a right answer",
    ],
    "choice-answer-number.yaml": [
        "8:13: error: 'answer' '2' is not one of the options: to name option 2 by its place, write its letter, B",
    ],
    "choice-lettered-mismatch.yaml": [
        "8:13: error: 'answer' 'A) Economic networks' gives the text of option B, not of A: write B or the text alone",
    ],
    "examples-no-value.yaml": [
        "9:14: error: 'examples' has no value: write its 'key: value' lines, or remove the key",
    ],
    "list-answer-commas.yaml": [
        "7:13: error: a list question's answer is a list of items, not one text: write each item apart, e.g. answer: [Mongolia, North Korea]",
    ],
    "misspelt-synonyms.yaml": [
        "5:5: error: unknown key 'question' in a question (did you mean 'ask'?)",
        "7:5: error: unknown key 'tip' in a question (did you mean 'hints'?)",
        "8:5: error: unknown key 'explanation' in a question (did you mean 'explain'?)",
        "12:5: error: unknown key 'option' in a question (did you mean 'options'?)",
    ],
    "not-a-lesson.yaml": [
        "2:1: error: this is not a lesson file: it has none of the lesson keys (id, title, steps); keep other YAML files out of the lessons folder",
    ],
    "options-own-letters.yaml": [
        "4:5: warning: the options start with their own letters ('A) Security guarantor'): the tutor letters options itself, so students would see 'A) A) Security guarantor'; write the texts alone",
    ],
    "step-missing-dash.yaml": [
        "4:5: warning: question 'q1' has no 'explain': one sentence on why helps the student who got it wrong",
        "4:5: warning: question 'q1' has no 'hints': a nudge before the answer is given",
        "7:5: error: duplicate key 'id' (first at line 4): remove one; or, if a new step starts here, begin it with '- '",
        "8:5: error: duplicate key 'ask' (first at line 5): remove one; or, if a new step starts here, begin it with '- '",
        "9:5: error: duplicate key 'answer' (first at line 6): remove one",
    ],
    "syntax-colon-in-text.yaml": [
        '5:17: error: YAML syntax error: mapping values are not allowed in this context; a text holding \': \' must be in quotes (ask: "Capital: which city?"), or this line is indented further than the keys above it',
    ],
    "syntax-missing-colon.yaml": [
        "5:5: error: YAML syntax error: could not find expected ':' after 'ask Which city is the capital?': write 'key: value', or indent a text that goes on from the line above further than its key",
    ],
    "syntax-nbsp.yaml": [
        "6:5: error: YAML syntax error: could not find expected ':' after 'answer: Astana'; this line holds a non-breaking space (U+00A0), often pasted from a word processor: type a normal space instead",
    ],
    "syntax-star.yaml": [
        "6:13: error: YAML syntax error: a text starting with '*' must be in quotes ('*' starts an alias in YAML)",
    ],
    "syntax-unclosed-quote.yaml": [
        '2:8: error: YAML syntax error: the quote mark (") opened here is never closed: end the text with the same mark',
    ],
    "teach-missing-dash.yaml": [
        "5:5: error: a teach step holds only 'teach'; 'id', 'ask', 'answer' belong to a question: make the question a step of its own (is a '- ' missing before its first key?)",
    ],
    "tolerance-words.yaml": [
        "8:16: error: 'tolerance' 'about 1 million' is not a number: write an amount like 0.5 or 1000, or a percentage like 5%",
        "15:16: error: 'tolerance' '-1' is negative: write how far off still counts, like 1 (it applies both ways)",
    ],
    "wrong-not-an-option.yaml": [
        "10:7: error: 'wrong' key '1' is not one of the options: to name option 1 by its place, write its letter, A",
        "11:7: error: 'wrong' key 'D' is not an option letter: there are 3 options, A to C",
        "13:7: error: 'wrong' lists 'c', which names option C again (first at line 12): one reply per option",
    ],
    "written-as-shown.yaml": [],
    "yaml11-traps.yaml": [
        "6:13: warning: question 'says-no' has no 'type', so it is a text question whose answer is 'no': a student who types 'false' or 'f' is refused; for a true/false question add 'type: truefalse'",
    ],
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
        "6:11: error: unknown question type 'multiple choice' (did you mean 'choice'?); the types are text, number, list, choice, multi, truefalse, open",
        "11:11: error: unknown question type 'True/False' (did you mean 'truefalse'?); the types are text, number, list, choice, multi, truefalse, open",
    ],
    "all-at-once.yaml": [
        "8:13: error: 'answer' 'Astanaa' is not one of the options (did you mean 'Astana'?); give an option's text or its letter",
        "10:7: error: 'wrong' key 'D' is not an option letter: there are 3 options, A to C",
        "11:12: error: 'tries' must be from 1 to 20, not 0",
        "13:7: error: unknown key 'refuse' in 'examples'",
    ],
    "trap-glossary-answer.yaml": [
        "4:3: warning: the glossary's 'SCO', named in question 'expand', gives its answer ('Shanghai Cooperation Organisation'): a student who asks 'what is SCO?' reads it; reword the definition",
    ],
    "trap-wrong-names-answer.yaml": [
        "8:7: warning: the reply to 'P5+1' names the right answer ('C5+1'): it is shown before the last try, so the next try is a copy; nudge instead (the answer is shown after the last try)",
        "18:7: warning: the reply to 'Ottoman Empire' names the right answer ('Soviet Union'): it is shown before the last try, so the next try is a copy; nudge instead (the answer is shown after the last try)",
        "26:7: warning: the reply to '5' names the right answer ('2'): it is shown before the last try, so the next try is a copy; nudge instead (the answer is shown after the last try)",
    ],
    "choice-accept.yaml": [
        "11:7: error: 'accept' key 'D' is not an option letter: there are 3 options, A to C",
        "12:11: error: 'Shymkent' is the text of option C, not another spelling of option B",
        "20:13: error: 'accept' of a choice or multi question maps an option to its other spellings, e.g. accept: {Almaty: [...]}",
    ],
}
VALID = {name for name, lines in EXPECTED.items() if not any(": error: " in x for x in lines)}


def test_every_fixture_has_an_expectation():
    on_disk = {p.name for p in LOADER.glob("*.yaml")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_problems(name):
    lesson, problems = load_lesson(LOADER / name)
    got = [f"{p.line}:{p.column}: {p.severity}: {p.message}" for p in problems]
    assert got == EXPECTED[name]
    assert (lesson is not None) == (name in VALID)
    for problem in problems:
        assert str(problem) == f"{LOADER / name}:{problem.line}:{problem.column}: " + (
            f"{problem.severity}: {problem.message}"
        )


def test_errors_are_collected_not_stopped_at_the_first():
    _, problems = load_lesson(LOADER / "several-errors.yaml")
    assert len([p for p in problems if p.is_error]) == 4
    assert [p.line for p in problems] == sorted(p.line for p in problems)


def test_problems_sort_by_path_line_column():
    from tutor.loader import Problem, problem_sort_key

    ps = [Problem("b", 1, 1, "x"), Problem("a", 2, 1, "y"), Problem("a", 1, 9, "z", "warning")]
    assert [p.message for p in sorted(ps)] == ["z", "y", "x"]
    assert [p.message for p in sorted(ps, key=problem_sort_key)] == ["z", "y", "x"]
