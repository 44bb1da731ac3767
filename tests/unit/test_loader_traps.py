"""Silent traps: lesson files that load, but not as the instructor meant (issue 16).

One fixture each in tests/data/loader/ (``trap-*``); their exact messages and places are with
every other fixture's in test_loader_mistakes.py. Here: what a fixture cannot show.
"""

from __future__ import annotations

from pathlib import Path

from tutor.loader import load_course, load_lesson

LOADER = Path(__file__).resolve().parents[1] / "data" / "loader"



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


def test_a_reply_may_name_the_answer_when_there_is_only_one_try(tmp_path: Path):
    question = (
        "  - id: q\n    ask: Which format?\n    answer: C5+1\n    hints: [h]\n    explain: e\n"
        "    wrong:\n      P5+1: Close - the Central Asian one is C5+1.\n"
    )
    assert _lesson(tmp_path, "tries: 1\nsteps:\n" + question) == []
    assert _lesson(tmp_path, "steps:\n" + question.replace("C5+1\n", "C5+1\n    tries: 1\n", 1)) == []
    assert len(_lesson(tmp_path, "steps:\n" + question)) == 1


def test_a_reply_that_only_shares_a_word_with_the_answer_is_fine(tmp_path: Path):
    steps = (
        "steps:\n  - id: q\n    ask: Which union?\n    answer: Soviet Union\n    hints: [h]\n"
        "    explain: e\n    wrong:\n      European Union: Not that union; think further east.\n"
    )
    assert _lesson(tmp_path, steps) == []


def test_a_next_line_character_is_refused_though_yaml_reads_it_as_a_break(tmp_path: Path):
    path = tmp_path / "l.yaml"
    path.write_text('id: l\ntitle: "T\x85"\nsteps:\n  - teach: Hi.\n', encoding="utf-8")
    lesson, problems = load_lesson(path)
    assert lesson is None
    assert [f"{p.line}:{p.column}: {p.message}" for p in problems] == [
        "2:10: the file holds a control character (U+0085, NEL), which YAML reads as a line"
        " break: remove it (in Windows-1252 text the same byte is '…')"
    ]
