"""The progress store on a real SQLite file: observer writes, resume, progress per lesson."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from support import Clock

from tutor.model import Course, Lesson, Question, QuestionType, Teach
from tutor.records import Attempt, Outcome
from tutor.store import Store
from tutor.store.db import FILENAME

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def attempt(
    q="q1", lesson="l1", verdict="correct", try_no=1, final=True, text="Russia", mode="learn"
):
    credit = 1.0 if verdict == "correct" else 0.0
    return Attempt(
        lesson, q, text, verdict, credit, try_no, 0, final, credit if final else 0.0, mode
    )


def make_course() -> Course:
    def q(qid: str) -> Question:
        return Question(id=qid, ask=f"Ask {qid}?", type=QuestionType.TEXT, answer="x")

    return Course(
        (
            Lesson("l1", "One", (Teach("hi"), q("a"), q("b"), q("c"))),
            Lesson("l2", "Two", (q("d"),)),
        )
    )


@pytest.fixture
def course():
    return make_course()


@pytest.fixture
def clock():
    return Clock(T0)


@pytest.fixture
def store(tmp_path, clock):
    s = Store.open(tmp_path / "data", "ann", clock=clock, fuzz=False)
    yield s
    s.close()


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_open_creates_folder_and_wal_file(tmp_path):
    with Store.open(tmp_path / "a" / "b", "ann") as s:
        assert s.path == tmp_path / "a" / "b" / FILENAME
        assert s.path.exists()
        assert s.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_attempt_is_written_before_the_call_returns(store, clock):
    store.attempt(attempt(text="Moscow ☃"))
    # Read through a separate connection: the row is committed, not just buffered.
    got = rows(
        store.path,
        "SELECT at, student, lesson_id, question_id, text, verdict, credit, try_no, hints_used,"
        " final, awarded, mode FROM attempts",
    )
    assert got == [
        (
            "2026-03-01T09:00:00.000000Z",
            "ann",
            "l1",
            "q1",
            "Moscow ☃",
            "correct",
            1.0,
            1,
            0,
            1,
            1.0,
            "learn",
        )
    ]


def test_undecodable_text_is_kept_not_refused(store):
    store.attempt(attempt(text="bad \udcff byte"))
    assert store.unsaved == 0
    assert rows(store.path, "SELECT text FROM attempts") == [("bad \ufffd byte",)]


def test_resume_point_saved_and_cleared_by_finishing(store):
    assert store.resume_point("l1") is None
    store.place("l1", 0)
    assert store.resume_point("l1") == 0
    store.place("l1", 4)
    assert store.resume_point("l1") == 4
    store.finished("l1", 0.75, "learn")
    assert store.resume_point("l1") is None


def test_lesson_outcomes_are_the_latest_learn_outcomes_since_the_last_finish(store, clock):
    def ended(qid, result, awarded, mode="learn", lesson="l1"):
        store.outcome(Outcome(lesson, qid, result, awarded, 1, 0, mode))
        clock.advance(seconds=1)

    ended("a", "wrong", 0.0)
    store.finished("l1", 0.0, "learn")  # an earlier sitting, finished: not resumed
    clock.advance(seconds=1)
    ended("a", "correct", 1.0)
    ended("b", "wrong", 0.0)
    ended("b", "correct", 0.75)  # the latest outcome of a question wins
    ended("c", "wrong", 0.0, mode="quiz")  # quizzes are not part of a lesson's sitting
    ended("a", "wrong", 0.0, lesson="l2")  # nor are other lessons
    got = store.lesson_outcomes("l1")
    assert {q: (o.result, o.awarded) for q, o in got.items()} == {
        "a": ("correct", 1.0),
        "b": ("correct", 0.75),
    }
    store.finished("l1", 1.0, "learn")
    assert store.lesson_outcomes("l1") == {}


def test_quiz_finish_does_not_clear_a_lesson_place(store):
    store.place("l1", 2)
    store.finished(None, 0.5, "quiz")
    assert store.resume_point("l1") == 2


def test_clear_place(store):
    store.place("l1", 3)
    store.clear_place("l1")
    assert store.resume_point("l1") is None


def test_resume_survives_reopening(tmp_path):
    with Store.open(tmp_path, "ann") as s:
        s.place("l1", 5)
    with Store.open(tmp_path, "ann") as s:
        assert s.resume_point("l1") == 5


def test_students_are_kept_apart(tmp_path):
    with Store.open(tmp_path, "ann") as a, Store.open(tmp_path, "bob") as b:
        a.place("l1", 5)
        b.place("l1", 1)
        a.finished("l1", 1.0, "learn")
        assert a.resume_point("l1") is None
        assert b.resume_point("l1") == 1
        assert b.lesson_progress(["l1"])["l1"].status == "in progress"
        assert a.lesson_progress(["l1"])["l1"].status == "done"


def test_lesson_progress_statuses_and_best_score(store, clock):
    store.place("l2", 1)
    clock.advance(minutes=1)
    store.attempt(attempt(lesson="l3"))
    store.outcome(Outcome("l3", "q1", "correct", 1.0, 1, 0, "learn"))
    store.finished("l1", 0.5, "learn")
    clock.advance(days=1)
    store.finished("l1", 0.9, "learn")
    clock.advance(days=1)
    store.finished("l1", 0.7, "learn")
    got = store.lesson_progress(["l1", "l2", "l3", "l4"])
    assert list(got) == ["l1", "l2", "l3", "l4"]
    assert got["l1"].status == "done" and got["l1"].best_score == 0.9
    assert got["l1"].times_done == 3
    assert got["l1"].last_seen == T0 + timedelta(minutes=1, days=2)
    assert got["l2"].status == "in progress" and got["l2"].resume_at == 1
    assert got["l2"].last_seen == T0
    assert got["l3"].status == "in progress" and got["l3"].answered == 1
    assert got["l4"].status == "new" and got["l4"].last_seen is None


def test_lesson_progress_with_course_counts_current_questions(store, course):
    lesson = course.lessons[0]
    q = lesson.questions
    for question_id in (q[0].id, q[1].id, "gone"):
        store.outcome(Outcome(lesson.id, question_id, "correct", 1.0, 1, 0, "learn"))
    got = store.lesson_progress([lesson.id], course=course)[lesson.id]
    assert got.answered == 2
    assert got.total == len(q)


def test_score_is_clamped(store):
    store.finished("l1", 1.7, "learn")
    assert store.lesson_progress(["l1"])["l1"].best_score == 1.0


def test_write_failure_warns_keeps_record_and_retries(tmp_path, clock):
    warnings: list[str] = []
    s = Store.open(tmp_path, "ann", clock=clock, warn=warnings.append)
    blocker = sqlite3.connect(s.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    s.connection.execute("PRAGMA busy_timeout = 50")
    s.attempt(attempt(q="q1"))
    s.attempt(attempt(q="q2"))
    assert s.unsaved == 2
    assert len(warnings) == 1 and "could not save" in warnings[0]
    blocker.execute("ROLLBACK")
    s.attempt(attempt(q="q3"))
    assert s.unsaved == 0
    assert "nothing was lost" in warnings[-1]
    assert rows(s.path, "SELECT question_id FROM attempts ORDER BY id") == [
        ("q1",),
        ("q2",),
        ("q3",),
    ]
    s.close()
    blocker.close()


def test_records_still_unsaved_at_close_go_to_a_side_file(tmp_path, clock):
    warnings: list[str] = []
    s = Store.open(tmp_path, "ann", clock=clock, warn=warnings.append)
    blocker = sqlite3.connect(s.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    s.connection.execute("PRAGMA busy_timeout = 20")
    s.attempt(attempt(q="q1", text="Astana"))
    s.close()
    blocker.execute("ROLLBACK")
    blocker.close()
    side = list(tmp_path.glob("unsaved-*.jsonl"))
    assert len(side) == 1 and side[0] == s.side_file
    assert '"text": "Astana"' in side[0].read_text()
    assert str(side[0]) in warnings[-1] and "still unsaved when tutor closed" in warnings[-1]


def test_observer_never_raises_even_when_closed_underneath(tmp_path):
    warnings: list[str] = []
    s = Store.open(tmp_path, "ann", warn=warnings.append)
    s.connection.close()  # a connection that will never work again: no point keeping records
    s.attempt(attempt(text="Astana"))
    s.outcome(Outcome("l1", "q1", "wrong", 0.0, 3, 0, "learn"))
    s.place("l1", 1)
    s.finished("l1", 0.0, "learn")
    assert s.unsaved == 0 and s.set_aside == 4
    assert len(warnings) == 1 and str(s.side_file) in warnings[0]
    lines = [json.loads(x) for x in s.side_file.read_text().splitlines()]
    assert [x["kind"] for x in lines] == ["attempt", "outcome", "place", "finished"]
    assert lines[0]["text"] == "Astana" and lines[0]["student"] == "ann"


def test_records_after_close_go_to_the_side_file(tmp_path):
    warnings: list[str] = []
    s = Store.open(tmp_path, "ann", warn=warnings.append)
    s.close()
    s.attempt(attempt(text="late"))
    assert s.set_aside == 1 and "already closed" in warnings[0]


def test_a_malformed_record_warns_instead_of_raising(store):
    warnings: list[str] = []
    store.warn = warnings.append
    store.attempt(Attempt("l1", "q1", None, "wrong", "x", 1, 0, True, 0.0, "learn"))  # type: ignore[arg-type]
    assert len(warnings) == 1 and "could not record attempt" in warnings[0]
    store.attempt(attempt())  # and the store still works
    assert store.unsaved == 0


def test_an_unreadable_card_is_scheduled_afresh(store):
    store.outcome(Outcome("l1", "q1", "correct", 1.0, 1, 0, "learn"))
    store.connection.execute("UPDATE cards SET card = 'not json'")
    store.outcome(Outcome("l1", "q1", "correct", 1.0, 1, 0, "learn"))
    assert store.unsaved == 0 and store.set_aside == 0
    assert store.card("l1", "q1") is not None


def test_a_place_is_committed_without_waiting_for_the_disk_but_answers_are(store):
    """Places are advisory (a lost one re-asks one question); answers always wait for fsync."""
    seen: list[str] = []
    conn = store.connection
    conn.set_trace_callback(seen.append)
    try:
        store.place("l1", 3)
        store.attempt(attempt())
    finally:
        conn.set_trace_callback(None)
    steps = [s.split(" (")[0] for s in seen if s.startswith(("INSERT", "PRAGMA synchronous"))]
    # SQLite traces an INSERT again for each trigger it fires (the attempt's uid): one statement.
    steps = [s for i, s in enumerate(steps) if i == 0 or s != steps[i - 1]]
    assert steps == [
        "PRAGMA synchronous = NORMAL",
        "INSERT OR REPLACE INTO places",
        "PRAGMA synchronous = FULL",
        "INSERT INTO attempts",
    ]
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.resume_point("l1") == 3
