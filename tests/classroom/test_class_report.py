"""The instructor's report: the same numbers from the class store and from exported files."""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path

import pytest
import yaml

from tutor.classroom import report, schema
from tutor.classroom.report import correlation, suggestion
from tutor.classroom.server import ClassStoreError
from tutor.cli import main
from tutor.records import Attempt
from tutor.store import Store

_serial = itertools.count(1)
LESSON = "neighbours"


def _say(store: Store, q: str, text: str, verdict: str, try_no: int, hints: int, final: bool,
         awarded: float) -> None:  # fmt: skip
    credit = 1.0 if verdict == "correct" else 0.0
    store.attempt(Attempt(LESSON, q, text, verdict, credit, try_no, hints, final, awarded, "learn"))


def _class(tmp_path: Path, class_url: str | None) -> list[tuple[str, Path]]:
    """Six students. q1: all right at once. q2: half right at once, half say China first (two of
    them after a hint). q3: the other half right at once, the first half type 'Western nations'
    twice (graded close)."""
    made = []
    tag = next(_serial)
    for i in range(6):
        name = f"s{i}-{tag}"
        url = schema.add_student(class_url, name) if class_url else None
        data = tmp_path / name
        with Store.open(data, name) as store:
            _say(store, "q1", "Russia", "correct", 1, 0, True, 1.0)
            if i < 3:
                _say(store, "q2", "1991", "correct", 1, 0, True, 1.0)
                _say(store, "q3", "Western nations", "close", 1, 0, False, 0.0)
                _say(store, "q3", "Western nations", "close", 2, 0, True, 0.0)
            else:
                _say(store, "q2", "China", "wrong", 1, 0, False, 0.0)
                hints = 0 if i == 3 else 1
                _say(store, "q2", "1991", "correct", 2, hints, True, 0.75 - 0.15 * hints)
                _say(store, "q3", "Europe", "correct", 1, 0, True, 1.0)
            store.finished(LESSON, 0.5, "learn")
        if url:
            assert main(["--data-dir", str(data), "--student", name, "--store", url, "sync"]) == 0
        out = tmp_path / f"{name}.json"
        assert main(["--data-dir", str(data), "--student", name, "export", "--format", "json",
                     "-o", str(out)]) == 0  # fmt: skip
        made.append((name, out))
    return made


def _check(built: report.Report, names: list[str], *, server: bool) -> None:
    mine = {n for n in names}
    q = {r.question_id: r for r in built.questions}
    assert set(q) == {"q1", "q2", "q3"}
    assert (q["q1"].students, q["q1"].attempts, q["q1"].first_try_success) == (6, 6, 1.0)
    assert q["q1"].discrimination is None and q["q1"].flags == ["too easy"]
    assert (q["q2"].attempts, q["q2"].first_try_success, q["q2"].mean_tries) == (9, 0.5, 1.5)
    assert q["q2"].hint_rate == pytest.approx(2 / 6)
    # Students right at q2 at once are those who missed q3, and the other way round.
    assert q["q2"].discrimination == pytest.approx(-1.0)
    assert q["q3"].discrimination == pytest.approx(-1.0)
    assert q["q3"].flags == ["negative discrimination"]
    students = {s.student: s for s in built.students if s.student in mine}
    assert len(students) == 6
    first, last = students[names[0]], students[names[5]]
    assert (first.answers, first.questions_closed) == (4, 3)
    assert first.score == pytest.approx(2 / 3) and last.score == pytest.approx((1 + 0.6 + 1) / 3)
    assert first.last_active is not None
    assert (first.lessons_done, first.waiting) == ((1, 0) if server else (None, None))
    wrong = {(w.question_id, w.text): w for w in built.wrong_answers}
    assert set(wrong) == {("q2", "China"), ("q3", "Western nations")}
    china, western = wrong["q2", "China"], wrong["q3", "Western nations"]
    assert (china.students, china.times, china.verdict) == (3, 3, "wrong")
    assert china.suggestion == f"wrong: {{China: '{report.REPLY}'}}"
    assert (western.students, western.times) == (3, 6)
    assert western.suggestion == "accept: [Western nations]"


def test_report_from_the_class_store_and_from_exports_agree(class_url, tmp_path):
    made = _class(tmp_path, class_url)
    names = [n for n, _ in made]
    _check(report.from_server(class_url, lesson=LESSON), names, server=True)
    _check(report.from_exports([p for _, p in made]), names, server=False)
    # Overlapping exports (the same file twice) count each answer once.
    _check(report.from_exports([p for _, p in made] * 2), names, server=False)
    assert report.from_server(class_url, lesson="no-such-lesson").questions == []
    # A student's URL cannot make the class's report.
    student = schema.add_student(class_url, f"nosy-{next(_serial)}")
    with pytest.raises(ClassStoreError, match="refused the report"):
        report.from_server(student)


def test_report_formats_from_the_command_line(tmp_path, capsys):
    made = _class(tmp_path, None)
    files = [str(p) for _, p in made]
    capsys.readouterr()
    assert main(["class", "report", "--from", *files, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {q["question_id"] for q in data["questions"]} == {"q1", "q2", "q3"}
    assert main(["class", "report", "--from", *files, "--format", "csv"]) == 0
    sections = capsys.readouterr().out.split("\n\n")
    assert len(sections) == 3
    wrong = list(csv.DictReader(io.StringIO(sections[2])))
    assert {w["text"] for w in wrong} == {"China", "Western nations"}
    assert main(["class", "report", "--from", *files, "--lesson", LESSON]) == 0
    table = capsys.readouterr().out
    assert "3 students typed 'Western nations' (6x, graded close: accept it?)" in table
    assert "    accept: [Western nations]" in table
    assert "too easy" in table and "negative discrimination" in table


def test_report_refuses_what_is_not_an_export(tmp_path, capsys):
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}\n')
    assert main(["class", "report", "--from", str(bad)]) == 1
    assert "not a 'tutor export' file" in capsys.readouterr().err
    assert main(["class", "report", "--from", str(tmp_path / "missing.json")]) == 1
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text",
    [
        "Western nations",
        "no",
        "a: b",
        'it\'s "quoted"; -- {x} [y] #z',
        "Назарбаев 🙂",
        "1991",
        "- x",
    ],
)
@pytest.mark.parametrize("verdict", ["close", "wrong"])
def test_the_yaml_line_reads_back_as_the_exact_text(text, verdict):
    line = suggestion(text, verdict)
    assert "\n" not in line
    loaded = yaml.safe_load(line)
    if verdict == "close":
        assert loaded == {"accept": [text]}
    else:
        assert loaded == {"wrong": {text: report.REPLY}}


def test_hostile_answers_in_the_table_cannot_reach_the_terminal(tmp_path, capsys):
    data = tmp_path / "evil"
    with Store.open(data, "evil") as store:
        _say(store, "q1", "\x1b[2Jgone\x07", "wrong", 1, 0, True, 0.0)
    out = tmp_path / "evil.json"
    assert main(["--data-dir", str(data), "--student", "evil", "export", "--format", "json",
                 "-o", str(out)]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["class", "report", "--from", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\x07" not in shown and "gone" in shown


def test_correlation_is_pearson():
    xs, ys = [1, 0, 1, 1, 0], [0.9, 0.2, 0.6, 0.8, 0.4]
    sums = (len(xs), sum(xs), sum(ys), sum(x * y for x, y in zip(xs, ys, strict=True)),
            sum(x * x for x in xs), sum(y * y for y in ys))  # fmt: skip
    import statistics

    assert correlation(*sums) == pytest.approx(statistics.correlation(xs, ys))
    assert correlation(3, 3, 1.5, 1.5, 3, 1) is None  # x does not vary


@pytest.mark.parametrize(
    "text", ["Western nations", "the West: mostly", 'it\'s "them" #1', "Запад"]
)
def test_the_yaml_line_pasted_into_a_lesson_is_read_by_the_tutor(tmp_path, text):
    """The line the report prints goes into the question as it is, and the tutor's own loader
    reads the student's exact text back."""
    from tutor.loader import load_lesson

    for verdict in ("close", "wrong"):
        path = tmp_path / f"{verdict}.yaml"
        path.write_text(
            "id: pasted\ntitle: Pasted\nsteps:\n  - id: q1\n    ask: Which partner?\n"
            f"    answer: Russia\n    {suggestion(text, verdict)}\n",
            encoding="utf-8",
        )
        lesson, problems = load_lesson(path)
        assert lesson is not None, [str(p) for p in problems]
        question = lesson.questions[0]
        if verdict == "close":
            assert question.items[0].accept == (text,)
        else:
            assert [(w.text, w.reply) for w in question.wrong] == [(text, report.REPLY)]
