"""GIFT export and the round trip: the shipped course to GIFT and back keeps every question's
id, kind, answer, accepted forms, replies, hints and explanation; GIFT alone (without the
tutor's notes, as Moodle keeps it) keeps what GIFT can hold; and ``tutor convert`` itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.gift import export_gift, import_gift
from tutor.gift.lexer import lex
from tutor.gift.parser import parse_block
from tutor.gift.writer import escape
from tutor.gift.yamlfile import lesson_yaml
from tutor.loader import load_course
from tutor.model import Lesson, Question, Teach

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "tests" / "data" / "gift" / "moodle-docs.gift"


@pytest.fixture(scope="module")
def course():
    course, problems = load_course([ROOT / "lessons"])
    assert not [p for p in problems if p.is_error]
    return course


ESSAY = "an essay question has no equivalent"


def _back(text: str, tmp_path: Path, essays: int = 0) -> tuple[Lesson, ...]:
    lessons, problems = import_gift(text, "course.gift")
    assert [str(p) for p in problems if ESSAY not in p.message] == []
    assert len([p for p in problems if ESSAY in p.message]) == essays
    for n, lesson in enumerate(lessons, 1):
        (tmp_path / f"{n:02d}.yaml").write_text(lesson_yaml(lesson), encoding="utf-8")
    back, problems = load_course([tmp_path])
    assert [str(p) for p in problems if p.is_error] == []
    return back.lessons


def _question(q: Question) -> tuple:
    return (
        q.id, q.ask, q.type, q.answer, tuple((i.text, i.accept) for i in q.items), q.options,
        q.correct, q.number, q.truth, q.need, tuple((w.text, w.reply) for w in q.wrong), q.hints,
        q.explain, q.source, q.tries, tuple(e.text for e in q.accept_examples),
        tuple(e.text for e in q.reject_examples), q.option_accept,
        tuple((p.text, p.accept, p.follow_up) for p in q.points),
        tuple((e.text, e.points) for e in q.partial_examples),
    )  # fmt: skip


def _step(step) -> tuple:
    return ("teach", step.text) if isinstance(step, Teach) else _question(step)


def test_the_shipped_course_survives_the_round_trip(course, tmp_path: Path):
    text, _ = export_gift(course.lessons)
    back = _back(text, tmp_path)
    assert [lesson.id for lesson in back] == [lesson.id for lesson in course.lessons]
    for before, after in zip(course.lessons, back, strict=True):
        assert (after.title, after.summary, after.minutes, after.tries, after.sources) == (
            before.title, before.summary, before.minutes, before.tries, before.sources
        )  # fmt: skip
        assert [(g.term, g.definition) for g in after.glossary] == [
            (g.term, g.definition) for g in before.glossary
        ]
        assert [_step(s) for s in after.steps] == [_step(s) for s in before.steps]


def test_without_the_tutors_notes_gift_keeps_what_it_can_hold(course, tmp_path: Path):
    """What Moodle keeps: the notes are comments, which Moodle drops on its own export."""
    text, _ = export_gift(course.lessons)
    bare = "\n".join(line for line in text.split("\n") if not line.startswith("// tutor"))
    opens = [q for lesson in course.lessons for q in lesson.questions if q.type.value == "open"]
    back = {
        (q.id): q for lesson in _back(bare, tmp_path, len(opens)) for q in lesson.questions
    }
    for before in (q for lesson in course.lessons for q in lesson.questions):
        if before.type.value == "open":  # an essay, graded by hand in Moodle: a teach step here
            assert before.id not in back
            continue
        after = back[before.id]
        assert after.ask == before.ask and after.explain == before.explain
        assert after.hints == ()  # GIFT has no hints: they live only in the notes
        if before.type.value == "list":  # a short answer in GIFT: the items as one text
            assert (after.type.value, after.answer) == ("text", before.answer)
            continue
        assert after.type == before.type
        assert (after.options, after.correct, after.truth) == (
            before.options, before.correct, before.truth
        )  # fmt: skip
        if before.number is not None:  # the value and the tolerance; the unit is a note
            assert after.number is not None and after.number.value == before.number.value
            continue
        assert [i.forms for i in after.items] == [i.forms for i in before.items]
        assert [(w.text, w.reply) for w in after.wrong] == [(w.text, w.reply) for w in before.wrong]


def test_an_open_questions_points_are_in_its_general_feedback_for_a_moodle_teacher(course):
    text, _ = export_gift(course.lessons)
    question = next(q for lesson in course.lessons for q in lesson.questions if q.type.value == "open")
    block = next(b for b in lex(text).blocks if b.text.startswith(f"::{question.id}::"))
    parsed = parse_block(block)
    assert parsed.kind == "essay"
    assert parsed.general.startswith(f"Key points: 1) {question.points[0].text}; 2) ")
    assert parsed.general.endswith(question.explain or "")


def test_every_exported_question_reads_back_as_the_moodle_kind(course):
    text, _ = export_gift(course.lessons)
    moodle = {"text": "shortanswer", "list": "shortanswer", "number": "numerical",
              "choice": "multichoice", "multi": "multianswer", "truefalse": "truefalse",
              "open": "essay"}  # fmt: skip
    ours = {q.id: q for lesson in course.lessons for q in lesson.questions}
    parsed = [parse_block(b) for b in lex(text).blocks]
    questions = [q for q in parsed if q.kind != "description"]
    assert len(questions) == course.question_count
    for q in questions:
        assert q.problems == []
        assert q.kind == moodle[ours[q.title].type.value], q.title
        if q.kind == "multianswer":  # Moodle wants the right options' weights to make 100%
            assert sum(a.weight or 0 for a in q.answers if (a.weight or 0) > 0) == pytest.approx(
                100, abs=0.001
            )


def test_escape_round_trips_every_special_character():
    special = "a ~ b = c # d { e } f : g \\ h\nnext line"
    assert escape(special) == "a \\~ b \\= c \\# d \\{ e \\} f \\: g \\\\ h\\nnext line"
    lessons, _ = import_gift(f"::q::{escape(special)}{{={escape(special)}}}", "x.gift")
    step = lessons[0]["steps"][0]
    assert step["ask"] == special and step["answer"] == special


def test_exported_lines_never_start_a_comment_or_a_category(course):
    text, _ = export_gift(course.lessons)
    for line in text.split("\n"):
        if line.startswith(("//", "$CATEGORY:")):
            assert re.match(r"// |//$|\$CATEGORY: \$course\$/", line), line


def test_convert_both_ways_on_the_command_line(course, tmp_path: Path, capsys):
    gift = tmp_path / "course.gift"
    n, lessons = course.question_count, len(course.lessons)
    assert main(["convert", str(ROOT / "lessons"), str(gift)]) == 0
    assert f"wrote {n} questions from {lessons} lessons" in capsys.readouterr().out
    assert main(["convert", str(gift), str(tmp_path / "back")]) == 0
    out = capsys.readouterr().out
    assert out.endswith(f"wrote {lessons} lessons ({n} questions) to {tmp_path / 'back'}: 0 warnings\n")
    assert main(["check", "--strict", str(tmp_path / "back")]) == 0


def test_convert_refuses_what_it_cannot_tell_or_would_overwrite(tmp_path: Path, capsys):
    doc = tmp_path / "quiz.docx"
    doc.write_text("x")
    assert main(["convert", str(doc), str(tmp_path / "out")]) == 2
    assert "cannot tell the format of" in capsys.readouterr().err
    assert main(["convert", str(DOCS), str(tmp_path / "one.yaml")]) == 2
    assert "holds 17 categories" in capsys.readouterr().err
    assert main(["convert", str(ROOT / "lessons"), str(tmp_path / "x.yaml")]) == 2
    assert "converts to a .gift file" in capsys.readouterr().err
    (tmp_path / "exists.gift").write_text("")
    assert main(["convert", str(ROOT / "lessons"), str(tmp_path / "exists.gift")]) == 2
    assert "add --force" in capsys.readouterr().err
    assert main(["convert", str(tmp_path / "missing.gift"), str(tmp_path / "out")]) == 2


def test_convert_prints_each_warning_with_its_line(tmp_path: Path, capsys):
    assert main(["convert", str(DOCS), str(tmp_path / "docs")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"{DOCS}:73:1: warning: an essay question has no equivalent (the tutor does not grade" \
        " free writing): kept as a teach step" in out
    assert out[-1] == f"wrote 17 lessons (41 questions) to {tmp_path / 'docs'}: 11 warnings"
    assert main(["check", str(tmp_path / "docs")]) == 0


def test_a_bank_saved_as_gift_txt_is_named_without_either_suffix(tmp_path: Path):
    bank = tmp_path / "questions.gift.txt"
    bank.write_text("Ok?{T}\n", encoding="utf-8")
    assert main(["convert", str(bank), str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "01-questions.yaml").read_text(encoding="utf-8").count("title: Questions\n") == 1


def test_every_kind_names_its_gift_writer():
    from tutor.kinds import kinds

    assert all(k.gift.startswith("tutor.gift.writer:as_") for k in kinds())
