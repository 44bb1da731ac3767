"""Export (CSV and JSON Lines, --since, all students) and stats, on a real SQLite file."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from support import Clock

from tutor.model import Course, Lesson, Question, QuestionType, Teach
from tutor.records import Attempt, Outcome
from tutor.store import Store
from tutor.store import export as ex
from tutor.store import stats as st

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
AWKWARD = [
    "Russia",
    'comma, "quotes" and\nnewline',
    "Назарбаев Ürümqi ☃",
    '=HYPERLINK("x")',
    "",
    "  spaces  ",
    "tab\there\r\nCRLF",
]


def make_course() -> Course:
    def q(qid: str) -> Question:
        return Question(id=qid, ask=f"Ask {qid}?", type=QuestionType.TEXT, answer="x")

    return Course(
        (
            Lesson("l1", "First lesson", (Teach("hi"), q("a"), q("b"), q("c"))),
            Lesson("l2", "Second", (q("d"),)),
            Lesson("l3", "Third", (q("e"),)),
        )
    )


@pytest.fixture
def filled(tmp_path):
    """ann answers on day 0 and day 2; bob on day 1."""
    clock = Clock(T0)
    with (
        Store.open(tmp_path, "ann", clock=clock, fuzz=False) as ann,
        Store.open(tmp_path, "bob", clock=clock, fuzz=False) as bob,
    ):
        for i, text in enumerate(AWKWARD):
            ann.attempt(Attempt("l1", "a", text, "wrong", 0.0, i + 1, i % 2, False, 0.0, "learn"))
            clock.now += timedelta(seconds=1)
        clock.now = T0 + timedelta(days=1)
        bob.attempt(Attempt("l1", "a", "China", "wrong", 0.0, 1, 0, True, 0.0, "quiz"))
        clock.now = T0 + timedelta(days=2)
        ann.attempt(Attempt("l2", "d", "Astana", "correct", 1.0, 1, 0, True, 1.0, "review"))
    return tmp_path


def export_text(store, fmt, student, since=None, raw=False):
    out = io.StringIO()
    rows = ex.iter_attempts(store.connection, student=student, since=since)
    n = ex.write(fmt, rows, out, raw=raw)
    return n, out.getvalue()


def test_csv_round_trip(filled):
    with Store.open(filled, "ann") as s:
        n, text = export_text(s, "csv", "ann", raw=True)
    assert n == len(AWKWARD) + 1
    assert text.splitlines()[0] == ",".join(ex.COLUMNS)
    back = list(ex.read_csv(io.StringIO(text, newline="")))
    assert [r["text"] for r in back] == [*AWKWARD, "Astana"]
    first = back[0]
    assert first["time"] == "2026-03-01T09:00:00.000000Z"
    assert first["student"] == "ann" and first["lesson_id"] == "l1" and first["question_id"] == "a"
    assert (first["try"], first["hints_used"], first["verdict"]) == (1, 0, "wrong")
    assert (first["credit"], first["final"], first["awarded"], first["mode"]) == (
        0.0,
        False,
        0.0,
        "learn",
    )
    assert back[-1]["final"] is True and back[-1]["awarded"] == 1.0
    ids = [r["attempt_id"] for r in back]
    assert ids == sorted(ids)


def test_json_lines_round_trip_matches_csv(filled):
    with Store.open(filled, "ann") as s:
        n, text = export_text(s, "json", "ann")
        _, csv_text = export_text(s, "csv", "ann", raw=True)
    lines = text.splitlines()
    assert len(lines) == n == len(AWKWARD) + 1
    back = [json.loads(line) for line in lines]
    assert list(back[0]) == list(ex.COLUMNS)
    assert back == list(ex.read_csv(io.StringIO(csv_text, newline="")))


def test_since_and_all_students(filled):
    with Store.open(filled, "ann") as s:
        n_all, text = export_text(s, "json", None)
        assert n_all == len(AWKWARD) + 2
        assert {json.loads(x)["student"] for x in text.splitlines()} == {"ann", "bob"}
        n, text = export_text(s, "json", None, since=ex.parse_since("2026-03-02"))
        assert [json.loads(x)["text"] for x in text.splitlines()] == ["China", "Astana"]
        n, text = export_text(s, "json", "ann", since=ex.parse_since("2026-03-02"))
        assert [json.loads(x)["text"] for x in text.splitlines()] == ["Astana"]
        n, _ = export_text(s, "csv", "bob", since=ex.parse_since("2026-03-01T09:00:03"))
        assert n == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-02", datetime(2026, 3, 2, tzinfo=UTC)),
        ("2026-03-02T10:30", datetime(2026, 3, 2, 10, 30, tzinfo=UTC)),
        ("2026-03-02T10:30:00Z", datetime(2026, 3, 2, 10, 30, tzinfo=UTC)),
        ("2026-03-02T10:30:00+02:00", datetime(2026, 3, 2, 8, 30, tzinfo=UTC)),
    ],
)
def test_parse_since(text, expected):
    assert ex.parse_since(text) == expected


@pytest.mark.parametrize("bad", ["yesterday", "2026-13-01", "", "03/02/2026"])
def test_parse_since_rejects(bad):
    with pytest.raises(ValueError, match="not a date"):
        ex.parse_since(bad)


def test_export_streams_without_fetching_everything(tmp_path):
    with Store.open(tmp_path, "ann") as s:
        conn = s.connection
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO attempts (at, student, lesson_id, question_id, text, verdict, credit,"
            " try_no, hints_used, final, awarded, mode)"
            " VALUES ('2026-01-01T00:00:00.000000Z', 'ann', 'l', 'q', ?, 'wrong', 0, 1, 0, 1, 0,"
            " 'learn')",
            ((f"answer {i}",) for i in range(20_000)),
        )
        conn.execute("COMMIT")
        rows = ex.iter_attempts(conn, student="ann")
        first = next(rows)  # a generator: the first row comes before the rest is read
        assert first["text"] == "answer 0"
        assert sum(1 for _ in rows) == 19_999


def test_stats_lessons_weakest_and_orphans(tmp_path):
    course = make_course()
    clock = Clock(T0)
    with Store.open(tmp_path, "ann", clock=clock, fuzz=False) as s:

        def asked(lesson, q, result, tries=1, hints=0):
            if result != "skipped":
                verdict = "correct" if result == "correct" else "wrong"
                s.attempt(Attempt(lesson, q, "x", verdict, 0.0, tries, hints, True, 0.0, "learn"))
            s.outcome(
                Outcome(
                    lesson, q, result, 1.0 if result == "correct" else 0.0, tries, hints, "learn"
                )
            )
            clock.now += timedelta(minutes=1)

        asked("l1", "a", "correct")
        asked("l1", "b", "wrong", tries=3)
        asked("l1", "b", "wrong", tries=3)
        asked("l1", "b", "correct")
        asked("l1", "c", "skipped")
        asked("l1", "c", "correct", tries=2)
        asked("l1", "old-q", "wrong", tries=3)
        asked("gone-lesson", "z", "correct")
        s.finished("l1", 0.6, "learn")
        s.place("l2", 0)
        report = st.compute(s, course, now=clock.now)

    assert [(x.lesson_id, x.status, x.best_score, x.answered, x.total) for x in report.lessons] == [
        ("l1", "done", 0.6, 3, 3),
        ("l2", "in progress", None, 0, 1),
        ("l3", "new", None, 0, 1),
    ]
    weak = [(x.question_id, x.outcomes, x.agains) for x in report.weakest]
    assert weak == [("b", 3, 2), ("c", 2, 1)]  # 1 right of 3 is weaker than 1 of 2
    assert report.weakest[0].ask == "Ask b?"
    orphans = {(x.lesson_id, x.question_id, x.lesson_in_course) for x in report.orphaned}
    assert orphans == {("l1", "old-q", True), ("gone-lesson", "z", False)}
    assert report.attempts == 7  # the skip typed nothing

    text = st.format_text(report, width=80)
    assert text.startswith("Your progress  (")  # not the operating system's user name
    assert st.format_text(report, named=True).startswith("Progress of ann  (")
    line = next(x for x in text.splitlines() if x.startswith("1. "))
    assert line.split()[:8] == ["1.", "First", "lesson", "done", "60%", "3", "of", "3"]
    # the lesson's title and the question's words, never ids; "again" said in words
    assert "  First lesson: Ask b?\n    right 1 of 3 (33%), not remembered twice\n" in text
    long = st.Stats(
        "ann", "p", report.lessons,
        [replace(report.weakest[0], ask="Which share did the report give for the period " * 3 + "2015-2020?")],
        [], 0, 0, None, 1,
    )  # fmt: skip
    shown = st.format_text(long, width=80).split("Weakest questions")[1]
    assert "  First lesson: Which share did the report give" in shown
    assert shown.count("\n    ") >= 2 and "…" in shown  # a second line, then cut
    assert all(len(x) <= 80 for x in shown.splitlines())
    assert "again" not in text.replace("answer shown", "")
    assert "l1/b" not in text and "Not remembered: still wrong after the last try" in text
    assert "No longer in the course" in text
    assert "a lesson since removed (gone-lesson/z)" in text
    assert "First lesson: a question since removed (l1/old-q)" in text
    assert all(len(x) <= 80 for x in text.splitlines() if not x.startswith("Your progress"))
    data = st.to_json(report)
    json.dumps(data)  # serialisable
    assert data["lessons"][0]["status"] == "done"
    assert data["orphaned"][0]["ask"] is None
    assert data["lessons"][0]["last_seen"].endswith("Z")


def test_stats_on_an_empty_store(tmp_path):
    with Store.open(tmp_path, "new") as s:
        report = st.compute(s, make_course())
    text = st.format_text(report)
    assert "nothing answered yet" in text and "No reviews scheduled yet." in text
    assert all(x.status == "new" for x in report.lessons)


@pytest.mark.parametrize(
    "typed", ["=1+1", "+SUM(A1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")']
)
def test_csv_neutralises_formulas_unless_raw(tmp_path, typed):
    """OWASP's advice for CSV injection: a leading ' before = + - @ tab CR; --raw opts out."""
    with Store.open(tmp_path, "ann") as s:
        s.attempt(Attempt("l1", "a", typed, "wrong", 0.0, 1, 0, True, 0.0, "learn"))
        _, safe = export_text(s, "csv", "ann")
        _, raw = export_text(s, "csv", "ann", raw=True)
    (cell,) = [r["text"] for r in ex.read_csv(io.StringIO(safe, newline=""))]
    assert cell.startswith("'") and cell == ex.csv_cell(typed)
    assert "\r" not in safe
    (as_typed,) = [r["text"] for r in ex.read_csv(io.StringIO(raw, newline=""))]
    assert as_typed == typed


def test_csv_leaves_ordinary_answers_and_numbers_alone():
    assert ex.csv_cell("Russia") == "Russia"
    assert ex.csv_cell("1991") == "1991"
    assert ex.csv_cell(-0.5) == -0.5
